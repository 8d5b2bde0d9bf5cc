"""Cell values as people type them: text, dates, yes/no, coded labels and okręgi.

A value is recognised, never guessed: a parser either returns the value or raises
``InvalidCell``, whose key names the ``imports.problem.*`` label that explains why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache, lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.core.errors import InvalidInput
from dashboard.i18n import CATALOGUE
from db.models import District

CellValue = str | date | datetime

# Cells that name no okręg: the proposal concerns the whole city.
CITY_WIDE = {"", "cale miasto", "city wide", "brak", "none", "-", "nie dotyczy"}
_DISTRICT_PREFIX = re.compile(r"^(okreg|district|rada okregu)\s+(nr\s+)?")

_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d"})
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")

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
_YES = {"tak", "t", "yes", "y", "1", "true", "prawda", "x", "zgoda", "wyrazam zgode"}
_NO = {"nie", "n", "no", "0", "false", "falsz", "brak"}


class InvalidCell(InvalidInput, ValueError):
    """A cell whose value cannot be used; ``key`` is an ``imports.problem.*`` label."""

    @property
    def code(self) -> str:
        return self.key.removeprefix("imports.problem.")


class ImpossibleDateError(InvalidCell):
    """A well-formed date naming a day that does not exist (31.02.2025)."""


# Cached: folding is the costly part of checking a row, and the same values repeat.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics (ł too), punctuation and spacing collapsed to one space."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text.casefold()).split())


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
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InvalidCell("imports.problem.bad_yes_no", value=text_of(value))


def label_index(prefix: str, codes: Iterable[str], extra: dict[str, str] | None = None) -> dict:
    """Folded code, Polish label and English label (``prefix.code`` labels) -> code."""
    index: dict[str, str] = {}
    for code in codes:
        polish, english = CATALOGUE[f"{prefix}.{code}"]
        for name in (code, polish, english):
            index.setdefault(fold(name), code)
    for name, code in (extra or {}).items():
        index.setdefault(fold(name), code)
    return index


def district_resolver(session: Session) -> Callable[[str], int | None | bool]:
    """Okręg cell -> district id; None for city-wide or empty; False when unknown."""
    by_number: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for district_id, number, name in session.execute(
        select(District.id, District.number, District.name)
    ):
        by_number[str(number)] = district_id
        by_name[fold(name)] = district_id

    @cache
    def resolve(cell: str) -> int | None | bool:
        folded = fold(cell)
        if folded in CITY_WIDE:
            return None
        folded = _DISTRICT_PREFIX.sub("", folded)
        if folded in by_number:
            return by_number[folded]
        if folded in by_name:
            return by_name[folded]
        # "5 Rubinkowo": the number and the name must name the same okręg.
        match = re.fullmatch(r"(\d+) (.+)", folded)
        if match and by_number.get(match[1]) == by_name.get(match[2], -1):
            return by_number[match[1]]
        return False

    return resolve
