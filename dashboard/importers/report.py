"""What an import found: every problem by row, column and reason, and the counts.

A ``Problem`` names the row, the column as the file names it and a reason (a key of
the label catalogue with its values), so a report reads in Polish or English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.core.errors import PanelError
from dashboard.i18n import DEFAULT_LANGUAGE, t
from dashboard.importers.reading import Schema, Source, Table, TabularError, read_table

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
        return t(self.key, lang, **values)

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
class ImportReport:
    rows_total: int = 0
    to_add: int = 0
    to_update: int = 0
    unchanged: int = 0
    problems: tuple[Problem, ...] = ()
    ignored_columns: tuple[str, ...] = ()
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
    """Collects the problems of one file, naming columns as the file names them."""

    def __init__(self, table: Table, schema: Schema, items: Iterable[Problem] = ()):
        self.table, self.schema = table, schema
        self.items: list[Problem] = list(items)

    def copy(self) -> Problems:
        return Problems(self.table, self.schema, self.items)

    def column(self, field_name: str) -> str:
        return self.table.headers.get(field_name) or self.schema[field_name][0]

    def add(self, row: int | None, field_name: str, code: str, /, **values: object) -> None:
        self.add_raw(row, self.column(field_name), code, **values)

    def add_raw(self, row: int | None, column: str, code: str, /, **values: object) -> None:
        self.items.append(Problem(row, column, code, tuple(values.items())))

    def report(self, **counts: Any) -> ImportReport:
        """The report of a plan with these problems (``counts``: the other fields)."""
        return ImportReport(rows_total=len(self.table.rows), problems=tuple(self.items), **counts)


def read_checked(
    source: Source, filename: str | None, schema: Schema, required: Sequence[str]
) -> tuple[Table, Problems]:
    """The table in the file and what is wrong with the file as a whole."""
    try:
        table = read_table(source, filename, schema, required)
    except TabularError as error:
        problems = Problems(Table(rows=[], headers={}, header_row=0), schema)
        problems.add_raw(None, WHOLE_FILE, "unreadable", detail=error)
        return problems.table, problems
    problems = Problems(table, schema)
    for field_name in required:
        if field_name not in table.headers:
            column = schema[field_name][0]
            problems.add(table.header_row or None, field_name, "missing_column", column=column)
    for label in table.duplicate_headers:
        problems.add_raw(table.header_row, label, "duplicate_column", column=label)
    if not table.rows and table.header_row:
        problems.add_raw(None, WHOLE_FILE, "no_rows")
    return table, problems
