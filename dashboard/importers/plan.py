"""The all-or-nothing step: plan an import, then write all of it or nothing.

An import first plans — reads the file and the database and lists every problem —
and writes only when the plan has none, in the same transaction it was planned in,
so nobody can change the data in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.importers.report import ImportReport
from db.engine import read_session, write_session

IN_CHUNK = 1000  # values in one SQL ``IN (...)``


@dataclass
class Plan:
    """What a real import would write, and the report that says so."""

    report: ImportReport
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    # workshop session ids of each row of ``inserts`` (None: none given) and by signup id
    insert_sessions: list[frozenset[int] | None] = field(default_factory=list)
    update_sessions: dict[int, frozenset[int]] = field(default_factory=dict)


class _Refused(Exception):
    """Rolls the write transaction back when the plan made inside it found problems."""

    def __init__(self, report: ImportReport):
        super().__init__("import refused")
        self.report = report


def execute(
    engine: Engine,
    dry_run: bool,
    plan: Callable[[Session], Plan],
    write: Callable[[Session, Plan], None],
) -> ImportReport:
    """A dry run only plans; a real import plans again and writes all rows, or none."""
    if dry_run:
        with read_session(engine) as session:
            return plan(session).report
    try:
        with write_session(engine) as session:
            planned = plan(session)
            if planned.report.problems:
                raise _Refused(planned.report)
            write(session, planned)
            return replace(planned.report, applied=True)
    except _Refused as refused:
        return refused.report


def in_chunks(items: Sequence, size: int = IN_CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
