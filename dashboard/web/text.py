"""Texts in the person's language (the sidebar switch keeps it in the session)."""

from __future__ import annotations

from dashboard.i18n import count_label, t
from dashboard.web import state


def lang() -> str:
    return state.language()


def tr(key: str, **values: object) -> str:
    return t(key, lang(), **values)


def count_text(count: int, noun_key: str) -> str:
    return count_label(count, noun_key, lang())
