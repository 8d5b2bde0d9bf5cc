"""Cell values as people type them: text, dates and yes/no.

A value is recognised, never guessed: a parser either returns the value or raises
``InvalidCell``, whose key names the ``imports.problem.*`` label that explains why.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dashboard.core.errors import InvalidInput
from dashboard.importers import vocabulary
from dashboard.importers.folding import fold

CellValue = str | date | datetime

_DATE_PATTERNS = (
    # 30.09.2025, 30-09-2025, 30/09/2025, optionally ", 14:05" or " 14:05:10"
    re.compile(
        r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})"
        r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    ),
    # 2025-09-30, 2025-09-30T14:05:10, 2025/09/30 14:05
    re.compile(
        r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
        r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    ),
)


class InvalidCell(InvalidInput, ValueError):
    """A cell whose value cannot be used; ``key`` is an ``imports.problem.*`` label."""

    @property
    def code(self) -> str:
        return self.key.removeprefix("imports.problem.")


class ImpossibleDateError(InvalidCell):
    """A well-formed date naming a day that does not exist (31.02.2025)."""


def text_of(value: CellValue) -> str:
    """A cell as text (dates in the Polish format)."""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M") if value.time() else value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return value


def parse_datetime(value: CellValue) -> datetime:
    """A date or date-time cell (Polish or ISO order); raises ``InvalidCell``."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = value.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _datetime_of(match.groupdict(), text)
    raise InvalidCell("imports.problem.bad_date", value=text)


def _datetime_of(parts: dict[str, str | None], text: str) -> datetime:
    numbers = [int(parts[name] or 0) for name in ("y", "m", "d", "H", "M", "S")]
    try:
        return datetime(*numbers)
    except ValueError as error:
        raise ImpossibleDateError("imports.problem.impossible_date", value=text) from error


def parse_yes_no(value: CellValue) -> bool | None:
    """True/False for yes/no words in Polish or English; None when the cell is empty."""
    text = fold(str(value))
    if not text:
        return None
    yes, no = vocabulary.yes_no_words()
    if text in yes:
        return True
    if text in no:
        return False
    raise InvalidCell("imports.problem.bad_yes_no", value=text_of(value))
