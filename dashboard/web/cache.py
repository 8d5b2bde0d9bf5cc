"""Every Streamlit cache of the panel: the engine, query results, chart specs.

A cached query result is keyed by the versions of the tables the query reads
(``dashboard.queries.common.reads``; undeclared queries depend on every table). The
versions live in the database and are bumped by triggers (``db/change_tracking.py``), so
any writer's commit — in any app process, or plain ``sqlite3``/``psql`` — is seen at the
next run, and a write to sign-ups leaves the proposal caches warm.
"""

from __future__ import annotations

import copy
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy import Engine, event
from streamlit import dataframe_util
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard.charts.base import finalized_spec
from dashboard.core.fingerprint import data_key
from dashboard.queries.common import declared_tables
from dashboard.web import state
from dashboard.web.config import settings
from dashboard.web.text import lang
from db.change_tracking import table_versions
from db.engine import data_version, make_engine, now

T = TypeVar("T")


_commits = [0]  # commits through the panel's engines in this process


def _count_commit(_connection) -> None:
    _commits[0] += 1


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    eng = make_engine(url)
    event.listen(eng, "commit", _count_commit)
    return eng


def engine() -> Engine:
    return _engine_for(settings().database_url)


class _Memo:
    """Results by a plain Python key, at most ``size`` of them, each for ``ttl`` seconds.

    Streamlit's ``cache_data`` hashes every argument with its own hasher (DataFrames
    included) and unpickles a copy at every hit, which cost a third of a repeated run;
    keys here are tuples of hashable values, and a hit is a copy of the stored value.

    A missing value is made once however many sessions ask for it at the same moment
    (``get_or_make``): after a restart or a write, fifty open tabs would otherwise each
    run the same query, one after another under the GIL.
    """

    def __init__(self, size: int, ttl: float) -> None:
        self._size, self._ttl = size, ttl
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value under ``key``, made by ``make()`` if missing. Callers asking for a key
        being made wait for it; if making it failed, the next waiter makes it."""
        found, value = self.get(key)
        if found:
            return value
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        with making:
            found, value = self.get(key)
            if found:
                return value
            try:
                value = make()
                self.put(key, value)
            finally:
                with self._lock:
                    if self._making.get(key) is making:
                        del self._making[key]
            return value

    def get(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            found = self._items.get(key)
            if found is None or time.monotonic() - found[0] > self._ttl:
                return False, None
            self._items.move_to_end(key)
            return True, found[1]

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


@st.cache_resource(show_spinner=False)
def _query_memo() -> _Memo:
    # Held by Streamlit's resource cache, so st.cache_resource.clear() empties it too.
    return _Memo(size=500, ttl=600)


@st.cache_resource(show_spinner=False)
def _chart_memo() -> _Memo:
    return _Memo(size=300, ttl=600)


def _copy(value: T) -> T:
    """A caller may change what it gets (add a column): it never gets the stored value."""
    if isinstance(value, pd.DataFrame):
        return value.copy()
    return copy.deepcopy(value)


def _is_hashable(key: tuple) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


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

    Arguments must be hashable by Streamlit (dates, strings, tuples, frozen dataclasses);
    every caller gets its own copy of the result.
    """
    eng = engine()
    name = f"{fn.__module__}.{fn.__qualname__}"
    versions = version_key(declared_tables(fn), eng)
    keywords = tuple(sorted(kwargs.items()))
    # With the types: 1, 1.0 and True are equal keys to Python, not to a query.
    typed = tuple((type(value), value) for value in args)
    typed_keywords = tuple((word, type(value), value) for word, value in keywords)
    key = (name, str(eng.url), versions, typed, typed_keywords)
    if not _is_hashable(key):  # e.g. a list argument: Streamlit's hasher takes it
        return _cached_call(fn, name, str(eng.url), versions, args, keywords)
    value = _query_memo().get_or_make(key, lambda: _run(fn, eng, args, kwargs))
    return _copy(value)


def version_key(tables: frozenset[str] | None, eng: Engine | None = None) -> tuple:
    """The versions a cached result depends on: of ``tables``, or of all (``None``)."""
    versions = _versions_this_run(eng or engine())
    if tables is None:
        return tuple(sorted(versions.items()))
    return tuple(versions.get(table, -1) for table in sorted(tables))


def _versions_this_run(eng: Engine) -> dict[str, int]:
    """The table versions, read once per script run: the run's queries see one state of
    the database, and the next run (or a commit made here meanwhile) reads them again."""
    context = get_script_run_ctx(suppress_warning=True)
    if context is None:
        return table_versions(eng)
    run = context.cursors  # a new dict at every run (and fragment run) of the session
    commits = _commits[0]
    seen = state.RUN_TABLE_VERSIONS.get()
    if seen is not None and seen[0] is run and seen[1] == (commits, eng):
        return seen[2]
    versions = table_versions(eng)
    state.RUN_TABLE_VERSIONS.set((run, (commits, eng), versions))
    return versions


@dataclass(frozen=True)
class CachedChart:
    """A chart's finished Vega-Lite ``spec`` (its image downloads are drawn from it) and
    its ``datasets`` as Arrow IPC bytes, made once per data: Streamlit sends bytes as they
    are, where it converted the same rows again at every run (a tenth of a /wyniki run)."""

    spec: dict
    datasets: dict[str, bytes]

    def for_page(self) -> dict:
        """The spec to give ``st.vega_lite_chart``."""
        if not self.datasets:
            return self.spec
        return {**self.spec, "datasets": {**self.spec["datasets"], **self.datasets}}


def _made_chart(build: Callable[..., Any], args: tuple, lang: str, projector: bool) -> CachedChart:
    spec = finalized_spec(build(*args), lang, projector=projector)
    datasets = {
        name: dataframe_util.convert_anything_to_arrow_bytes(rows)
        for name, rows in spec.get("datasets", {}).items()
        if isinstance(rows, list)  # rows of a table (a GeoJSON dataset stays as it is)
    }
    return CachedChart(spec, datasets)


@st.cache_data(ttl=600, show_spinner=False, max_entries=300)
def _cached_chart(
    _build: Callable[..., Any], name: str, args: tuple, lang: str, projector: bool
) -> CachedChart:
    return _made_chart(_build, args, lang, projector)


def chart(build: Callable[..., Any], args: tuple, projector: bool = False) -> CachedChart:
    """The chart ``build(*args)`` gives, cached by its arguments (the aggregated
    DataFrames are small, so hashing them is cheap)."""
    name = f"{build.__module__}.{build.__qualname__}"
    language = lang()
    key = (name, tuple(_argument_key(arg) for arg in args), language, projector)
    if not _is_hashable(key):
        return _cached_chart(build, name, args, language, projector)
    return _chart_memo().get_or_make(key, lambda: _made_chart(build, args, language, projector))


def _argument_key(arg: Any) -> Any:
    """A chart argument as a hashable key (``core.fingerprint.data_key``); an argument
    that cannot be one goes as it is, and Streamlit's hasher takes the call."""
    try:
        return data_key(arg)
    except TypeError:
        return arg


def current_data_version() -> int:
    """The global write counter (every ``write_session`` bumps it)."""
    return data_version(engine())


def clear_caches() -> None:
    _cached_call.clear()
    _cached_chart.clear()
    _query_memo().clear()
    _chart_memo().clear()


@st.cache_resource(show_spinner=False)
def demo_cookie_key() -> str:
    # Demo mode only: a key per process, so cookies end with a restart; never a fixed key.
    return secrets.token_urlsafe(32)


def data_as_of() -> datetime:
    """When the data on screen was read: cached reads follow the table versions, so now."""
    return now()
