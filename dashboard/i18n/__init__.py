"""One label catalogue, Polish first, English second.

Each area keeps its labels in its own file ``labels/<area>.toml`` as
``["key"]`` tables with ``pl`` and ``en`` strings; they are merged here and a key
may be defined only once.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"
LABELS_DIR = Path(__file__).resolve().parent / "labels"


def _merge_catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for path in sorted(LABELS_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            labels = {
                key: (entry["pl"], entry["en"]) for key, entry in tomllib.load(handle).items()
            }
        clashes = merged.keys() & labels.keys()
        if clashes:
            raise ValueError(f"Label keys defined twice ({path.name}): {sorted(clashes)}")
        merged.update(labels)
    return merged


CATALOGUE = _merge_catalogue()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The label for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    polish, english = CATALOGUE[key]
    text = english if lang == "en" else polish
    return text.format(**values) if values else text


def plural_pl(count: int, one: str, few: str, many: str) -> str:
    """Polish plural form: 1 propozycja, 2–4 propozycje, 5+ propozycji (12–14 take 'many')."""
    if count == 1:
        return one
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return few
    return many


def count_label(count: int, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``"{count} {noun}"`` with the noun's plural form.

    ``key`` names a catalogue entry whose Polish text is ``"one|few|many"`` and
    whose English text is ``"one|many"``.
    """
    polish, english = CATALOGUE[key]
    number = format_int(count)
    if lang == "en":
        one, many = english.split("|")
        return f"{number} {one if count == 1 else many}"
    return f"{number} {plural_pl(count, *polish.split('|'))}"


def format_int(value: int) -> str:
    """Polish thousands separator: a non-breaking space (12 345)."""
    return f"{value:,}".replace(",", "\u00a0")


def format_decimal(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")


PERCENT_SIGN = "%"


def format_percent(share: float, digits: int = 0) -> str:
    """ "10%", "12,5%": the sign right after the number, as Polish typography writes it
    (and as every table and chart of the panel does — charts through ``PERCENT_SIGN``)."""
    return f"{format_decimal(share * 100, digits)}{PERCENT_SIGN}"
