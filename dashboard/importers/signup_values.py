"""Values only sign-ups have: age groups, e-mails, Congress days and workshops.

Online forms word these many ways; each is recognised or refused, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from dashboard.importers.values import InvalidCell, fold
from db.models import AGE_GROUPS

EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
EMAIL_LIMIT = 254
# Several workshops in one cell are separated by these.
WORKSHOP_SEPARATORS = re.compile(r"[;|\n]")
BOTH_DAYS = ("oba", "obydwa", "oba dni", "obydwa dni", "both", "both days")

# Words forms use besides the catalogue's labels (folded).
CATEGORY_EXTRAS = {
    "mieszkaniec": "resident",
    "mieszkanka": "resident",
    "mieszkancy": "resident",
    "organizacja pozarzadowa ngo": "ngo",
    "uczelnia": "academia",
    "nauka": "academia",
    "rada kobiet": "womens_council",
    "pelnomocnik": "plenipotentiary",
}
STATUS_EXTRAS = {
    "zapisany": "registered",
    "zapisana": "registered",
    "zarejestrowany": "registered",
    "rezerwa": "waitlisted",
    "lista rezerwowa": "waitlisted",
    "rezygnacja": "cancelled",
    "anulowany": "cancelled",
    "odwolany": "cancelled",
}

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


def email_is_valid(email: str) -> bool:
    return bool(EMAIL_PATTERN.fullmatch(email)) and len(email) <= EMAIL_LIMIT


def session_resolver(
    workshops: dict[str, int], plenaries: dict[int, frozenset[int]]
) -> SessionResolver:
    """(days cell, workshop cell) -> session ids and faults; the same cells repeat, so cached.

    ``workshops``: folded title or id -> session id; ``plenaries``: day -> its panel ids.
    """

    @cache
    def resolve(days_cell: str, workshop_cell: str) -> tuple[frozenset[int], tuple[Fault, ...]]:
        days, faults = _days(days_cell)
        chosen = set().union(*(plenaries[day] for day in days))
        for part in WORKSHOP_SEPARATORS.split(workshop_cell):
            if not part.strip():
                continue
            session_id = workshops.get(fold(part))
            if session_id is None:
                faults.append(("workshop", "unknown_workshop", part.strip()))
            else:
                chosen.add(session_id)
        return frozenset(chosen), tuple(faults)

    return resolve


def _days(cell: str) -> tuple[set[int], list[Fault]]:
    folded = fold(cell)
    if not folded:
        return set(), []
    if folded in BOTH_DAYS:
        return {1, 2}, []
    words = set(folded.replace("dzien", " ").replace("day", " ").split()) - {"i", "and", "oraz"}
    if words and words <= {"1", "2"}:
        return {int(word) for word in words}, []
    return set(), [("days", "bad_days", cell)]
