"""The label catalogue: both languages complete, plural forms right."""

import re
import string

import pytest

from dashboard.i18n import CATALOGUE, count_label, format_decimal, format_int, plural_pl, t
from db.models import PARTICIPANT_CATEGORIES, PROPOSAL_SOURCES, PROPOSAL_STATUSES


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_polish_and_english_with_the_same_placeholders():
    for key, (polish, english) in CATALOGUE.items():
        assert polish.strip() and english.strip(), key
        assert _placeholders(polish) == _placeholders(english), key


def test_plural_nouns_have_three_polish_and_two_english_forms():
    for key, (polish, english) in CATALOGUE.items():
        if key.startswith("noun."):
            assert len(polish.split("|")) == 3, key
            assert len(english.split("|")) == 2, key


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "propozycja"), (2, "propozycje"), (4, "propozycje"), (5, "propozycji"),
     (12, "propozycji"), (14, "propozycji"), (22, "propozycje"), (25, "propozycji"),
     (0, "propozycji"), (102, "propozycje"), (112, "propozycji")],
)  # fmt: skip
def test_polish_plural_forms(count, expected):
    assert plural_pl(count, "propozycja", "propozycje", "propozycji") == expected


def test_count_label_formats_thousands_with_a_non_breaking_space():
    assert count_label(12345, "noun.proposal") == "12\u00a0345 propozycji"
    assert count_label(1, "noun.proposal", "en") == "1 proposal"
    assert format_int(1234567) == "1\u00a0234\u00a0567"
    assert format_decimal(1234.56, 2) == "1\u00a0234,56"


def test_domain_values_have_labels_in_both_languages():
    for status in PROPOSAL_STATUSES:
        assert t(f"status.{status}", "pl") != t(f"status.{status}", "en") or status == "merged"
    for category in PARTICIPANT_CATEGORIES:
        assert f"category.{category}" in CATALOGUE
    for source in PROPOSAL_SOURCES:
        assert f"source.{source}" in CATALOGUE


def test_polish_labels_use_diacritics():
    assert t("status.included") == "włączona do strategii"
    assert re.search("[ąćęłńóśźż]", t("status.partially_accepted"))
