"""The cells of one row read as values; every cell that cannot be used becomes a problem."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dashboard.importers.folding import fold
from dashboard.importers.matching import CITY_WIDE, Vocabulary
from dashboard.importers.reading import SourceRow
from dashboard.importers.report import Problems
from dashboard.importers.values import (
    CellValue,
    InvalidCell,
    parse_datetime,
    parse_yes_no,
    text_of,
)

LIMITS = {"title": 500, "strategic_area": 200, "full_name": 200}


class RowCells:
    """One row's cells; each method reads one as a value and records what is wrong."""

    def __init__(self, problems: Problems, source_row: SourceRow):
        self.problems = problems
        self.row = source_row.number
        self.values: dict[str, CellValue] = source_row.values
        self._problems_before = len(problems.items)

    @property
    def ok(self) -> bool:
        """No problem found in this row (so far)."""
        return len(self.problems.items) == self._problems_before

    def has(self, field_name: str) -> bool:
        """Whether the file has this column (a missing one leaves stored values alone)."""
        return field_name in self.values

    def problem(self, field_name: str, code: str, /, **values: object) -> None:
        self.problems.add(self.row, field_name, code, **values)

    def invalid(self, field_name: str, error: InvalidCell) -> None:
        self.problem(field_name, error.code, **error.values)

    def text(self, field_name: str) -> str:
        value = self.values.get(field_name, "")
        return value if value.__class__ is str else text_of(value)

    def required_text(self, field_name: str, value: str | None = None) -> str:
        """The field's text (or ``value``, its tidied form); a problem when empty or too long."""
        if value is None:
            value = self.text(field_name)
        if not value:
            self.problem(field_name, "required")
        else:
            self.check_length(field_name, value)
        return value

    def check_length(self, field_name: str, value: str) -> None:
        limit = LIMITS[field_name]
        if len(value) > limit:
            self.problem(field_name, "too_long", length=len(value), limit=limit)

    def code(
        self,
        field_name: str,
        vocab: Vocabulary,
        unknown: str,
        default: Any = None,
        required: bool = False,
    ) -> Any:
        """The code (or id) a cell names in ``vocab``; ``default`` if the cell is empty."""
        cell = self.text(field_name)
        if not cell:
            if default is None and required:
                self.problem(field_name, "required")
            return default
        return self.matched(field_name, vocab, unknown, cell)

    def matched(self, field_name: str, vocab: Vocabulary, unknown: str, cell: str) -> Any:
        """What ``cell`` names; a note when read through a synonym or mapping, else a
        problem with the closest known value as a suggestion."""
        match = vocab.match(cell)
        if match is None:
            suggestion = vocab.suggest(cell)
            shown = vocab.display[suggestion] if suggestion is not None else None
            self.problem(field_name, unknown, value=cell, suggestion=shown)
            target = str(suggestion) if suggestion is not None else None
            self.problems.not_matched(self.row, field_name, vocab, cell, target)
            return None
        if match.via:
            self.note(field_name, cell, vocab.display[match.value], match.via)
        return match.value

    def note(self, field_name: str, cell: str, meaning: str, via: str) -> None:
        self.problems.note(self.row, field_name, cell, meaning, via)

    def district(self, vocab: Vocabulary) -> int | None | bool:
        """The okręg's id, None for the whole city; False (and a problem) when unknown."""
        cell = self.text("district")
        if fold(cell) in CITY_WIDE:
            return None
        district_id = self.matched("district", vocab, "unknown_district", cell)
        return False if district_id is None else district_id

    def created_at(self) -> datetime | None:
        """The row's date; None when empty or wrong (a wrong one is a problem)."""
        return self.datetime_of("created_at")

    def datetime_of(self, field_name: str) -> datetime | None:
        """A date or time cell; None when empty or wrong (a wrong one is a problem)."""
        value = self.values.get(field_name, "")
        if value == "":
            return None
        try:
            return parse_datetime(value)
        except InvalidCell as error:
            self.invalid(field_name, error)
        return None

    def yes_no(self, field_name: str) -> bool | None:
        try:
            return parse_yes_no(self.values[field_name])
        except InvalidCell as error:
            self.invalid(field_name, error)
        return None
