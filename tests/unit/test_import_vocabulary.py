"""The importers' data files and the values read from online forms (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.importers import vocabulary
from dashboard.importers.folding import fold
from dashboard.importers.reading import build_header_index, read_table
from dashboard.importers.signup_rows import parse_consent
from dashboard.importers.signup_values import days_of
from dashboard.importers.signups import SIGNUP_REQUIRED, SIGNUP_SCHEMA
from dashboard.importers.values import InvalidCell

FIRST_DAY = date(2025, 9, 29)


@pytest.mark.parametrize("kind", ["proposals", "signups"])
def test_every_header_alias_names_one_field(kind):
    index = build_header_index(vocabulary.schema(kind))  # raises on an alias of two fields
    assert index


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Zgoda na przetwarzanie danych (RODO)", "consent"),
        ("Sygnatura czasowa", "created_at"),
        ("Godzina ukończenia", "created_at"),
        ("Godzina rozpoczęcia", "started_at"),
        ("Adres e-mail", "email"),
        ("Dzień udziału", "days"),
        ("Zgoda na publikację wizerunku", "photo_consent"),
        ("Osiedle", "district"),
    ],
)
def test_form_export_headers_are_understood(header, field):
    assert build_header_index(SIGNUP_SCHEMA)[fold(header)] == field


@pytest.mark.parametrize(
    ("header", "topic"),
    [
        ("Zgoda marketingowa", "consent"),
        ("Data urodzenia", "time"),
        ("Godzina przyjazdu", "time"),
        ("Drugi e-mail", "email"),
        ("Preferowany dzień", "day"),
        ("Uwagi", None),
        ("Organizacja", None),
    ],
)
def test_columns_that_may_carry_personal_facts_are_recognised(header, topic):
    assert vocabulary.sensitive_topic(header) == topic


def test_the_issue_headers_in_one_file_leave_nothing_ignored():
    header = (
        "Sygnatura czasowa;Godzina rozpoczęcia;Adres e-mail;Imię i nazwisko;Kategoria;"
        "Dzień udziału;Zgoda na przetwarzanie danych (RODO)"
    )
    table = read_table(
        f"{header}\r\n1.09.2025;1.09.2025;a@b.pl;A B;mieszkaniec;1;tak\r\n".encode("cp1250"),
        "f.csv",
        SIGNUP_SCHEMA,
        SIGNUP_REQUIRED,
    )
    assert table.ignored_headers == [] and table.delimiter == ";"
    assert len(table.rows) == 1


@pytest.mark.parametrize(
    ("cell", "days"),
    [
        ("1", {1}),
        ("Dzień 2", {2}),
        ("oba", {1, 2}),
        ("Oba dni", {1, 2}),
        ("1 i 2", {1, 2}),
        ("Dzień 1 (29.09), Dzień 2 (30.09)", {1, 2}),
        ("29 września", {1}),
        ("30.09.2025", {2}),
        ("", set()),
    ],
)
def test_days_as_forms_write_them(cell, days):
    assert days_of(cell, FIRST_DAY) == (days, [])


@pytest.mark.parametrize("cell", ["3", "Dzień 3", "1 października", "wtorek"])
def test_days_that_are_not_congress_days_are_refused(cell):
    found, faults = days_of(cell, FIRST_DAY)
    assert found == set() and faults == [("days", "bad_days", cell)]


@pytest.mark.parametrize(
    ("cell", "consent"),
    [
        ("Tak", True),
        ("TRUE", True),
        ("x", True),
        ("1", True),
        ("Wyrażam zgodę na przetwarzanie moich danych osobowych przez Gminę Miasta Toruń", True),
        ("Nie", False),
        ("Nie wyrażam zgody", False),
        ("", None),
    ],
)
def test_consent_cells(cell, consent):
    assert parse_consent(cell) is consent


def test_a_consent_cell_that_says_neither_is_refused():
    with pytest.raises(InvalidCell):
        parse_consent("może później")
