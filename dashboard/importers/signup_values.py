"""Values only sign-ups have: age groups, e-mails, Congress days and workshops.

Online forms word these many ways; each is recognised or refused, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from dashboard.importers.folding import fold
from dashboard.importers.matching import Vocabulary
from dashboard.importers.values import InvalidCell
from db.models import AGE_GROUPS

# Several workshops in one cell are separated by these.
WORKSHOP_SEPARATORS = re.compile(r"[;|\n]")
# Several days in one cell (a form's checkboxes): "Dzień 1 (29.09), Dzień 2 (30.09)".
DAY_SEPARATORS = re.compile(r"[;,|\n]|\s+(?:i|oraz|and)\s+")
BOTH_DAYS = ("oba", "obydwa", "oba dni", "obydwa dni", "both", "both days", "caly kongres")
# "1", or "dzień 1" followed by anything ("Dzień 1 (29.09)"); not "1 października"
_DAY_NUMBER = re.compile(r"^(?:(?:dzien|day)\s*([12])(?:\s|$)|([12])$)")
_DAY_DATE = re.compile(r"(\d{1,2})[ .](\d{1,2}|[a-z]+)")
MONTHS = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
    "wrzesnia", "pazdziernika", "listopada", "grudnia",
)  # fmt: skip

Fault = tuple[str, str, str]  # field, problem code, offending value
SessionResolver = Callable[[str, str], tuple[frozenset[int], tuple[Fault, ...]]]


def age_group_of(cell: str) -> str | None:
    """An age group code from a group ("25-34", "65+", "<18") or whole years ("33").

    Raises ``InvalidCell`` for anything else ("33 lata", "ok. 40"): never guessed.
    """
    text = re.sub(r"\s+", "", cell.replace("–", "-").replace("—", "-"))
    if text in AGE_GROUPS:
        return text
    folded = fold(cell)
    if folded in ("ponizej 18", "do 17", "under 18"):
        return "<18"
    if folded in ("65 i wiecej", "65 lat i wiecej", "powyzej 64", "65 and over"):
        return "65+"
    if not text.isdigit() or not 0 < int(text) < 120:
        raise InvalidCell("imports.problem.bad_age", value=cell)
    return _age_group_of_years(int(text))


def _age_group_of_years(years: int) -> str:
    if years < 18:
        return "<18"
    if years >= 65:
        return "65+"
    for group in AGE_GROUPS[1:-1]:
        low, high = (int(part) for part in group.split("-"))
        if low <= years <= high:
            return group
    raise AssertionError(f"no age group holds {years}")  # the groups cover 18..64


def session_resolver(
    workshops: Vocabulary, plenaries: dict[int, frozenset[int]], first_day: date
) -> SessionResolver:
    """(days cell, workshop cell) -> session ids and faults; the same cells repeat, so cached.

    ``plenaries``: day -> its panel ids; ``first_day``: the date of the Congress's day 1.
    """

    @cache
    def resolve(days_cell: str, workshop_cell: str) -> tuple[frozenset[int], tuple[Fault, ...]]:
        days, faults = days_of(days_cell, first_day)
        chosen = set().union(*(plenaries[day] for day in days))
        for part in WORKSHOP_SEPARATORS.split(workshop_cell):
            if not part.strip():
                continue
            match = workshops.match(part.strip())
            if match is None:
                faults.append(("workshop", "unknown_workshop", part.strip()))
            else:
                chosen.add(match.value)
        return frozenset(chosen), tuple(faults)

    return resolve


def days_of(cell: str, first_day: date) -> tuple[set[int], list[Fault]]:
    """Days 1 and 2 from "1", "Dzień 2", "oba", "29.09", "30 września" (or several)."""
    if not fold(cell):
        return set(), []
    if fold(cell) in BOTH_DAYS:
        return {1, 2}, []
    days: set[int] = set()
    for part in DAY_SEPARATORS.split(cell):
        folded = fold(part)
        if not folded:
            continue
        day = _day_of(folded, first_day)
        if day is None:
            return set(), [("days", "bad_days", cell)]
        days.add(day)
    return days, []


def _day_of(folded: str, first_day: date) -> int | None:
    if folded in BOTH_DAYS:
        return None
    number = _DAY_NUMBER.match(folded)
    if number:
        return int(number[1] or number[2])
    for day_text, month_text in _DAY_DATE.findall(folded):
        month = int(month_text) if month_text.isdigit() else _month(month_text)
        for day in (1, 2):
            when = first_day + timedelta(days=day - 1)
            if (when.day, when.month) == (int(day_text), month):
                return day
    return None


def _month(word: str) -> int | None:
    return MONTHS.index(word) + 1 if word in MONTHS else None
