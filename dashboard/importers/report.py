"""What an import found: every problem by row, column and reason, and the counts.

A ``Problem`` names the row, the column as the file names it and a reason (a key of
the label catalogue with its values), so a report reads in Polish or English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core.errors import PanelError
from dashboard.i18n import DEFAULT_LANGUAGE, t
from dashboard.importers import vocabulary
from dashboard.importers.folding import fold
from dashboard.importers.matching import Vocabulary
from dashboard.importers.reading import (
    ZIP_MAGIC,
    Schema,
    Source,
    Table,
    TabularError,
    read_table,
)

WHOLE_FILE = "—"  # the column of a problem that concerns the whole file


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row number; None for the whole file
    column: str  # the header as written in the file (or the Polish name of a missing one)
    code: str  # names the label "imports.problem.<code>"
    values: tuple[tuple[str, object], ...] = ()

    @property
    def key(self) -> str:
        return f"imports.problem.{self.code}"

    def reason(self, lang: str = DEFAULT_LANGUAGE) -> str:
        # A value may be an error of its own (why the file is unreadable): same language.
        values = {
            name: value.message(lang) if isinstance(value, PanelError) else value
            for name, value in self.values
        }
        reason = t(self.key, lang, **values)
        if values.get("suggestion"):
            reason += t("imports.did_you_mean", lang, suggestion=values["suggestion"])
        return reason

    def row_label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return str(self.row) if self.row is not None else t("imports.file_level", lang)

    def where(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if self.row is None:
            return t("imports.file_level", lang)
        return t("imports.at_row", lang, row=self.row)

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(
            "imports.problem_line",
            lang,
            where=self.where(lang),
            column=self.column,
            reason=self.reason(lang),
        )

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class Note:
    """Cells read as something other than what they literally say (a synonym, a
    neighbourhood, an exact age, a saved mapping) — shown before anything is written."""

    column: str
    value: str
    meaning: str
    via: str  # "synonym", "mapping", "age"
    rows: tuple[int, ...]

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(
            f"imports.note.{self.via}",
            lang,
            column=self.column,
            value=self.value,
            meaning=self.meaning,
            rows=rows_text(self.rows, lang),
        )


@dataclass(frozen=True)
class Unmatched:
    """A value no name, synonym or mapping explains; an admin can map it once."""

    kind: str  # a kind of ``matching.MAPPABLE_KINDS``
    column: str
    value: str
    suggestion: str | None  # the stored target of the closest known value
    rows: tuple[int, ...]


def rows_text(rows: Sequence[int], lang: str = DEFAULT_LANGUAGE, shown: int = 5) -> str:
    """ "2, 3, 7" or "2, 3, 7, 9, 12 … (40)" when there are many."""
    text = ", ".join(str(row) for row in rows[:shown])
    if len(rows) > shown:
        text += t("imports.rows_more", lang, count=len(rows))
    return text


@dataclass(frozen=True)
class ImportReport:
    rows_total: int = 0
    to_add: int = 0
    to_update: int = 0
    unchanged: int = 0
    problems: tuple[Problem, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()
    # kind -> (stored target, what a person sees) for every kind in ``unmatched``
    targets: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    dry_run: bool = True
    applied: bool = False  # True once a real import has written its rows

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        key = "imports.summary_done" if self.applied else "imports.summary"
        return t(
            key,
            lang,
            total=self.rows_total,
            add=self.to_add,
            update=self.to_update,
            unchanged=self.unchanged,
        )

    def problems_frame(self, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
        """One line per problem: row, column, reason — for a table on screen."""
        return pd.DataFrame(
            {
                t("imports.column.row", lang): [p.row_label(lang) for p in self.problems],
                t("imports.column.column", lang): [p.column for p in self.problems],
                t("imports.column.reason", lang): [p.reason(lang) for p in self.problems],
            }
        )


class Problems:
    """Collects the problems (and notes) of one file, naming columns as the file names them."""

    def __init__(self, table: Table, schema: Schema, items: Iterable[Problem] = ()):
        self.table, self.schema = table, schema
        self.items: list[Problem] = list(items)
        # (column, folded value, meaning, via) -> (the value as first written, rows)
        self.notes: dict[tuple[str, str, str, str], tuple[str, list[int]]] = {}
        self.unmatched: dict[tuple[str, str], tuple[str, str, str | None, list[int]]] = {}
        self.targets: dict[str, tuple[tuple[str, str], ...]] = {}

    def copy(self) -> Problems:
        return Problems(self.table, self.schema, self.items)

    def note(self, row: int, field_name: str, value: str, meaning: str, via: str) -> None:
        key = (self.column(field_name), fold(value), meaning, via)
        self.notes.setdefault(key, (value, []))[1].append(row)

    def not_matched(
        self, row: int, field_name: str, vocab: Vocabulary, value: str, suggestion: str | None
    ) -> None:
        key = (vocab.kind, fold(value))
        if key not in self.unmatched:
            self.unmatched[key] = (self.column(field_name), value, suggestion, [])
            self.targets.setdefault(vocab.kind, tuple(vocab.targets()))
        self.unmatched[key][3].append(row)

    def column(self, field_name: str) -> str:
        return self.table.headers.get(field_name) or self.schema[field_name][0]

    def add(self, row: int | None, field_name: str, code: str, /, **values: object) -> None:
        self.add_raw(row, self.column(field_name), code, **values)

    def add_raw(self, row: int | None, column: str, code: str, /, **values: object) -> None:
        self.items.append(Problem(row, column, code, tuple(values.items())))

    def report(self, **counts: Any) -> ImportReport:
        """The report of a plan with these problems (``counts``: the other fields)."""
        notes = tuple(
            Note(column, value, meaning, via, tuple(rows))
            for (column, _folded, meaning, via), (value, rows) in self.notes.items()
        )
        unmatched = tuple(
            Unmatched(kind, column, value, suggestion, tuple(rows))
            for (kind, _folded), (column, value, suggestion, rows) in self.unmatched.items()
        )
        return ImportReport(
            rows_total=len(self.table.rows),
            problems=tuple(self.items),
            notes=notes,
            unmatched=unmatched,
            targets=tuple(self.targets.items()),
            **counts,
        )


def read_checked(
    source: Source,
    filename: str | None,
    schema: Schema,
    required: Sequence[str],
    *,
    refuse_unknown_sensitive: bool = False,
) -> tuple[Table, Problems]:
    """The table in the file and what is wrong with the file as a whole.

    A file that cannot give any row (missing, a directory, empty, binary, unreadable,
    only a header) gets exactly one problem that says so. ``refuse_unknown_sensitive``:
    an unknown column that might carry consent, a time, an e-mail or the day is a problem.
    """
    empty = Problems(Table(rows=[], headers={}, header_row=0), schema)
    refusal = _unusable(source)
    if refusal:
        empty.add_raw(None, WHOLE_FILE, refusal)
        return empty.table, empty
    try:
        table = read_table(source, filename, schema, required)
    except TabularError as error:
        empty.add_raw(None, WHOLE_FILE, "unreadable", detail=error)
        return empty.table, empty
    problems = Problems(table, schema)
    if not table.rows:
        problems.add_raw(None, WHOLE_FILE, "header_only" if table.header_row else "empty_file")
        return table, problems
    for field_name in required:
        if field_name not in table.headers:
            column = schema[field_name][0]
            problems.add(table.header_row or None, field_name, "missing_column", column=column)
    for label in table.duplicate_headers:
        problems.add_raw(table.header_row, label, "duplicate_column", column=label)
    if refuse_unknown_sensitive:
        for label in table.ignored_headers:
            topic = vocabulary.sensitive_topic(label)
            if topic:
                problems.add_raw(table.header_row, label, f"unknown_{topic}_column", column=label)
    return table, problems


def _unusable(source: Source) -> str | None:
    """Why ``source`` is not a file with data at all, or None."""
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            return "is_directory"
        if not path.is_file():
            return "no_such_file"
        data = path.read_bytes()
    else:
        data = bytes(source)
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return "empty_file"
    if not data.startswith(ZIP_MAGIC) and _looks_binary(data[:8192]):
        return "binary_file"
    return None


def _looks_binary(head: bytes) -> bool:
    """Control bytes no text file has (a NUL, or more than a few others)."""
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    return b"\x00" in head or controls > max(2, len(head) // 100)
