"""Folding text for comparison: case, diacritics (ł too), punctuation and spacing ignored."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d"})
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


# Cached: folding is the costly part of checking a row, and the same values repeat.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics (ł too), punctuation and spacing collapsed to one space."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text.casefold()).split())
