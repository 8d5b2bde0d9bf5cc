"""Texts in the person's language (the sidebar switch keeps it in the session)."""

from __future__ import annotations

import numbers
from collections.abc import Iterable

from dashboard.i18n import count_label, format_int, t
from dashboard.web import state


def lang() -> str:
    return state.language()


def tr(key: str, **values: object) -> str:
    return t(key, lang(), **values)


def tr_each(prefix: str, codes: Iterable[str]) -> list[str]:
    """The label ``<prefix>.<code>`` of every code, in order (a column of status codes):
    the language is read once, each distinct code translated once."""
    language = lang()
    codes = list(codes)
    labels = {code: t(f"{prefix}.{code}", language) for code in dict.fromkeys(codes)}
    return [labels[code] for code in codes]


def number(value: object) -> object:
    """A whole number as the panel writes counts ("12 345", as ``count_text``); anything
    else (a "—") as it is."""
    whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    return format_int(int(value)) if whole else value


def count_text(count: int, noun_key: str) -> str:
    return count_label(count, noun_key, lang())
