"""Fictional Polish names, and their spelling in e-mail addresses."""

from __future__ import annotations

import functools
import random

from db.demo import text as vocab


def random_name(rng: random.Random, female: bool) -> tuple[str, str]:
    """A first name and surname, never one of a well-known real person."""
    while True:
        first = rng.choice(vocab.FEMALE_FIRST_NAMES if female else vocab.MALE_FIRST_NAMES)
        surname = rng.choice(vocab.SURNAMES)
        last = feminine_surname(surname) if female else surname
        if f"{first} {last}" not in vocab.FAMOUS_NAMES:
            return first, last


def feminine_surname(surname: str) -> str:
    for masculine, feminine in vocab.FEMININE_ENDINGS:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


@functools.cache
def ascii_slug(text: str) -> str:
    return text.translate(vocab.POLISH_TO_ASCII).lower().replace(" ", "-")
