"""Every Streamlit cache of the panel: the engine, query results, chart specs.

Cached query results are keyed by the database's data version, so a write in any app
process is seen by every process at its next run.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from dashboard.charts.base import finalize
from dashboard.web.config import settings
from dashboard.web.text import lang
from db.engine import data_version, make_engine, now

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    return _engine_for(settings().database_url)


@st.cache_data(ttl=600, show_spinner=False, max_entries=500)
def _cached_call(
    _fn: Callable[..., T], name: str, url: str, version: int, args: tuple, kwargs: tuple
) -> T:
    return _fn(_engine_for(url), *args, **dict(kwargs))


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call ``fn(engine, *args, **kwargs)`` through the cache.

    Arguments must be hashable by Streamlit (dates, strings, tuples, frozen dataclasses).
    """
    eng = engine()
    name = f"{fn.__module__}.{fn.__qualname__}"
    version = current_data_version()
    return _cached_call(fn, name, str(eng.url), version, args, tuple(sorted(kwargs.items())))


@st.cache_data(ttl=600, show_spinner=False, max_entries=300)
def _cached_chart_spec(
    _build: Callable[..., Any], name: str, args: tuple, lang: str, projector: bool
) -> dict:
    return finalize(_build(*args), lang, projector=projector).to_dict(validate=False)


def chart_spec(build: Callable[..., Any], args: tuple, projector: bool = False) -> dict:
    """The finished Vega-Lite spec of ``build(*args)``, cached by its arguments
    (the aggregated DataFrames are small, so hashing them is cheap)."""
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_chart_spec(build, name, args, lang(), projector)


def current_data_version() -> int:
    """One single-row read per cached call: cheap, and right across processes."""
    return data_version(engine())


def clear_caches() -> None:
    _cached_call.clear()


@st.cache_resource(show_spinner=False)
def demo_cookie_key() -> str:
    # Demo mode only: a key per process, so cookies end with a restart; never a fixed key.
    return secrets.token_urlsafe(32)


def data_as_of() -> datetime:
    """When the data on screen was read: cached reads follow the data version, so now."""
    return now()
