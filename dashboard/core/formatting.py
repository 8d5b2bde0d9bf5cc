"""Polish formats for dates and numbers shown as text."""

from __future__ import annotations

from datetime import date, datetime

MONTHS_GENITIVE = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip


def format_date(value: date | None) -> str:
    """30.09.2025 — the format people in Polish offices write."""
    return "" if value is None else value.strftime("%d.%m.%Y")


def format_datetime(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y, %H:%M")


def format_long_date(value: date, lang: str = "pl") -> str:
    """29 września 2025 (Polish) or 29 September 2025 (English)."""
    if lang == "en":
        return value.strftime("%-d %B %Y")
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year}"
