"""Every Streamlit cache of the panel: the engine, query results, chart specs.

A cached query result is keyed by the versions of the tables the query reads
(``dashboard.queries.common.reads``; undeclared queries depend on every table). The
versions live in the database and are bumped by triggers (``db/change_tracking.py``), so
any writer's commit — in any app process, or plain ``sqlite3``/``psql`` — is seen at the
next run, and a write to sign-ups leaves the proposal caches warm.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from dashboard.charts.base import finalized_spec
from dashboard.queries.common import declared_tables
from dashboard.web.config import settings
from dashboard.web.text import lang
from db.change_tracking import table_versions
from db.engine import data_version, make_engine, now

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    return _engine_for(settings().database_url)


@st.cache_data(ttl=600, show_spinner=False, max_entries=500)
def _cached_call(
    _fn: Callable[..., T], name: str, url: str, versions: tuple, args: tuple, kwargs: tuple
) -> T:
    return _run(_fn, _engine_for(url), args, dict(kwargs))


def _run(fn: Callable[..., T], eng: Engine, args: tuple, kwargs: dict) -> T:
    # A cache miss: the one place a query really reaches the database (tests watch it).
    return fn(eng, *args, **kwargs)


def query(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call ``fn(engine, *args, **kwargs)`` through the cache.

    Arguments must be hashable by Streamlit (dates, strings, tuples, frozen dataclasses).
    """
    eng = engine()
    name = f"{fn.__module__}.{fn.__qualname__}"
    versions = version_key(declared_tables(fn))
    return _cached_call(fn, name, str(eng.url), versions, args, tuple(sorted(kwargs.items())))


def version_key(tables: frozenset[str] | None) -> tuple:
    """The versions a cached result depends on: of ``tables``, or of all (``None``)."""
    versions = table_versions(engine())
    if tables is None:
        return tuple(sorted(versions.items()))
    return tuple(versions.get(table, -1) for table in sorted(tables))


@st.cache_data(ttl=600, show_spinner=False, max_entries=300)
def _cached_chart_spec(
    _build: Callable[..., Any], name: str, args: tuple, lang: str, projector: bool
) -> dict:
    return finalized_spec(_build(*args), lang, projector=projector)


def chart_spec(build: Callable[..., Any], args: tuple, projector: bool = False) -> dict:
    """The finished Vega-Lite spec of ``build(*args)``, cached by its arguments
    (the aggregated DataFrames are small, so hashing them is cheap)."""
    name = f"{build.__module__}.{build.__qualname__}"
    return _cached_chart_spec(build, name, args, lang(), projector)


def current_data_version() -> int:
    """The global write counter (every ``write_session`` bumps it)."""
    return data_version(engine())


def clear_caches() -> None:
    _cached_call.clear()


@st.cache_resource(show_spinner=False)
def demo_cookie_key() -> str:
    # Demo mode only: a key per process, so cookies end with a restart; never a fixed key.
    return secrets.token_urlsafe(32)


def data_as_of() -> datetime:
    """When the data on screen was read: cached reads follow the table versions, so now."""
    return now()
