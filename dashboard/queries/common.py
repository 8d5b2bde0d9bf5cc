"""Helpers every query module shares: frames from statements, day boundaries, counting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TypeVar

import pandas as pd
from sqlalchemy import Engine, case, func
from sqlalchemy.sql.elements import ColumnElement

F = TypeVar("F", bound=Callable)


def reads(*tables: str) -> Callable[[F], F]:
    """Declare the tables a query reads (``@reads("proposals", "subteams")``): its cached
    results then follow only those tables' versions. A query without the declaration
    depends on every table — always correct, just less often served from the cache."""

    def mark(fn: F) -> F:
        fn.reads_tables = frozenset(tables)  # type: ignore[attr-defined]
        return fn

    return mark


def declared_tables(fn: Callable) -> frozenset[str] | None:
    """The tables ``fn`` declared with ``reads``; ``None``: undeclared, so every table."""
    return getattr(fn, "reads_tables", None)


def end_of_day(day: date) -> datetime:
    """The first instant after ``day``: timestamps ``< end_of_day(D)`` happened by D."""
    return datetime.combine(day + timedelta(days=1), time())


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time())


def query_frame(
    engine: Engine, statement, columns: list[str] | None = None, dates=(), datetimes=()
) -> pd.DataFrame:
    """Run ``statement``; its rows as a frame with ``columns`` (default: the statement's
    own column names), dates and datetimes parsed."""
    with engine.connect() as connection:
        result = connection.execute(statement)
        names = columns or list(result.keys())
        frame = pd.DataFrame([tuple(row) for row in result.all()], columns=names)
    for column in dates:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    for column in datetimes:
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame


def count_if(condition: ColumnElement[bool]):
    """SQL: how many rows of the group meet ``condition`` (0 for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
