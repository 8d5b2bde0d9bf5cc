"""The one module that touches Streamlit's caches and session state.

Everything else in ``dashboard`` is plain Python that takes an ``Engine``.
Cached query results are keyed by the database's data version, so a write in
any app process is seen by every process at its next run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from dashboard.charts.base import finalize
from dashboard.core.permissions import Actor
from dashboard.core.settings import Settings, load_settings
from dashboard.i18n import DEFAULT_LANGUAGE, count_label, t
from db.engine import data_version, make_engine, now

T = TypeVar("T")
ACTOR_KEY = "actor"
LANGUAGE_KEY = "lang"


def _secrets() -> dict[str, Any]:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets file: environment and defaults only
        return {}


def settings() -> Settings:
    """Read on every run (cheap), so a changed environment or secrets file applies at once."""
    return load_settings(_secrets())


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


def lang() -> str:
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def tr(key: str, **values: object) -> str:
    return t(key, lang(), **values)


def count_text(count: int, noun_key: str) -> str:
    return count_label(count, noun_key, lang())


def actor() -> Actor | None:
    return st.session_state.get(ACTOR_KEY)


def require_actor() -> Actor:
    """The signed-in person, or stop the page (a page reached without signing in shows nothing)."""
    current = actor()
    if current is None:
        st.stop()
    return current


def data_as_of() -> datetime:
    return now()
