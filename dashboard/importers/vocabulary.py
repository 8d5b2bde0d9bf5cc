"""The words the importers understand, read from the data files beside this module.

``headers.toml``: the column headers of each import and the word stems of columns that
must never be ignored quietly; ``values.toml``: neighbourhoods, synonyms and yes/no words.
Everything is returned folded (see ``values.fold``) where it is compared folded.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.importers.folding import fold

HERE = Path(__file__).resolve().parent


@cache
def _load(name: str) -> dict[str, Any]:
    with (HERE / name).open("rb") as handle:
        return tomllib.load(handle)


def schema(kind: str) -> dict[str, tuple[str, ...]]:
    """Canonical field -> its header aliases (Polish first) for ``proposals`` or ``signups``."""
    return {field: tuple(aliases) for field, aliases in _load("headers.toml")[kind].items()}


def sensitive_stems() -> dict[str, tuple[str, ...]]:
    """What a column may carry (consent, time, email, day) -> folded word stems naming it."""
    return {
        topic: tuple(fold(stem) for stem in stems)
        for topic, stems in _load("headers.toml")["sensitive"].items()
    }


def sensitive_topic(header: str) -> str | None:
    """The first topic (consent, time, email, day) whose stem begins a word of ``header``."""
    words = fold(header).split()
    for topic, stems in sensitive_stems().items():
        if any(word.startswith(stem) for word in words for stem in stems):
            return topic
    return None


def synonyms(section: str) -> dict[str, Any]:
    """Folded word -> value of a ``values.toml`` section (districts, sources, categories...)."""
    return {fold(word): value for word, value in _load("values.toml")[section].items()}


def district_prefixes() -> tuple[str, ...]:
    """Folded words that may stand before an okręg's number or name, longest first."""
    words = {fold(word) for word in _load("values.toml")["district_prefixes"]["words"]}
    return tuple(sorted(words, key=len, reverse=True))


def yes_no_words() -> tuple[frozenset[str], frozenset[str]]:
    section = _load("values.toml")["yes_no"]
    return frozenset(map(fold, section["yes"])), frozenset(map(fold, section["no"]))


def consent_beginnings() -> tuple[str, ...]:
    return tuple(fold(text) for text in _load("values.toml")["consent"]["yes_beginnings"])
