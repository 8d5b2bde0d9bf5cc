"""Watching what the cached read path really sends to the database (tests only)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from dashboard.web import cache
from db.change_tracking import VERSIONS_TABLE
from db.models import Base

TABLES = frozenset(Base.metadata.tables)


def tables_in(statement: str) -> set[str]:
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", statement))
    return words & TABLES


class SqlWatch:
    def __init__(self) -> None:
        self.statements: list[str] = []
        self.by_query: dict[str, set[str]] = defaultdict(set)
        self.declared: dict[str, frozenset[str] | None] = {}
        self._current: str | None = None

    def data_statements(self) -> list[str]:
        """Every statement except transaction control and the version read that decides
        hits and misses."""
        control = ("BEGIN", "COMMIT", "ROLLBACK")
        return [
            s
            for s in self.statements
            if VERSIONS_TABLE not in s and s.strip().upper() not in control
        ]


@contextmanager
def watch_sql(monkeypatch) -> Iterator[SqlWatch]:
    watch = SqlWatch()
    real_run = cache._run

    def run(fn, eng, args, kwargs):
        name = f"{fn.__module__}.{fn.__qualname__}"
        watch.declared[name] = getattr(fn, "reads_tables", None)
        watch._current = name
        try:
            return real_run(fn, eng, args, kwargs)
        finally:
            watch._current = None

    def before(conn, cursor, statement, parameters, context, executemany):
        watch.statements.append(statement)
        if watch._current is not None:
            watch.by_query[watch._current] |= tables_in(statement)

    monkeypatch.setattr(cache, "_run", run)
    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield watch
    finally:
        event.remove(Engine, "before_cursor_execute", before)
