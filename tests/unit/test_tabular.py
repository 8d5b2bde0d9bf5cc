"""Reading real CSV/XLSX files: encodings, separators, headers, row numbers, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dashboard.core.errors import PanelError
from dashboard.importers.proposals import PROPOSAL_REQUIRED, PROPOSAL_SCHEMA
from dashboard.importers.reading import TabularError, decode, read_table, sniff_delimiter
from dashboard.importers.signup_values import age_group_of
from dashboard.importers.signups import SIGNUP_SCHEMA
from dashboard.importers.values import (
    ImpossibleDateError,
    InvalidCell,
    fold,
    parse_datetime,
    parse_yes_no,
)
from tests.support.imports import FIXTURES


def read_proposals(name_or_bytes, filename=None):
    source = FIXTURES / name_or_bytes if isinstance(name_or_bytes, str) else name_or_bytes
    return read_table(source, filename, PROPOSAL_SCHEMA, PROPOSAL_REQUIRED)


def test_windows_1250_semicolon_file_keeps_polish_letters_and_row_numbers():
    raw = (FIXTURES / "proposals_cp1250_semicolon.csv").read_bytes()
    assert "ż".encode("cp1250") in raw and b"\xc5\xbc" not in raw  # real cp1250 bytes

    table = read_proposals("proposals_cp1250_semicolon.csv")

    assert (table.encoding, table.delimiter, table.header_row) == ("cp1250", ";", 1)
    assert table.headers["title"] == "Tytuł"
    assert table.headers["created_at"] == "Data zgłoszenia"
    assert [row.number for row in table.rows] == [2, 3, 4, 5, 6]
    first, second = table.rows[0].values, table.rows[1].values
    assert first["title"] == "Budżet obywatelski dla młodzieży"
    assert first["subteam"] == "Toruński model partycypacji"
    # a quoted cell keeps its own separator
    assert second["description"] == "Stałe godziny dyżurów; informacja w aplikacji miejskiej"
    assert table.rows[4].values["status"] == "częściowo uwzględniona"


def test_utf8_bom_comma_file_with_english_headers_and_a_multiline_cell():
    table = read_proposals("proposals_bom.csv")

    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert set(table.headers) == set(PROPOSAL_SCHEMA)
    assert table.headers["strategic_area"] == "strategic area"
    # the record with a line break in a cell is one spreadsheet row
    assert [row.number for row in table.rows] == [2, 3, 4, 5]
    assert table.rows[1].values["description"].startswith("Mapa z pinezkami")
    assert "\n" in table.rows[1].values["description"]
    assert table.rows[0].values["title"] == "Mobile app for reporting potholes"


def test_xlsx_keeps_real_dates_and_turns_numbers_into_text():
    table = read_proposals("proposals.xlsx")

    assert table.encoding == "xlsx"
    assert [row.number for row in table.rows] == [2, 3, 4]
    first = table.rows[0].values
    assert first["created_at"] == datetime(2025, 9, 30, 14, 5)
    assert first["district"] == "6"
    assert table.rows[2].values["subteam"] == "3"
    assert table.rows[2].values["district"] == ""


def test_headers_match_whatever_the_case_diacritics_and_punctuation():
    assert fold("Tytuł") == fold("tytul") == fold("TYTUŁ") == "tytul"
    assert fold("Adres e-mail") == fold("adres  E_MAIL ") == "adres e mail"
    assert fold("Źródło") == "zrodlo"
    csv_text = "TYTUL,podzespol,ZRODLO,okreg\nA,1,warsztat,2\n"
    table = read_proposals(csv_text.encode(), "x.csv")
    assert set(table.headers) == {"title", "subteam", "source", "district"}


def test_lines_above_the_header_unknown_and_duplicate_columns():
    data = (
        "Eksport propozycji;;\n"
        "Filtry: status=przyjęta;;\n"
        "Tytuł;Podzespół;Uwagi;Title\n"
        "Pierwsza;1;x;y\n"
        ";;;\n"
        "Druga;2;;\n"
    ).encode()
    table = read_proposals(data, "export.csv")

    assert table.header_row == 3
    assert table.ignored_headers == ["Uwagi"]
    assert table.duplicate_headers == ["Title"]
    assert [(row.number, row.values["title"]) for row in table.rows] == [
        (4, "Pierwsza"),
        (6, "Druga"),
    ]


def test_apostrophe_added_by_a_safe_export_is_removed():
    data = "Tytuł;Podzespół;Opis\n'=SUMA(A1);1;'- punkt pierwszy\n".encode()
    row = read_proposals(data, "x.csv").rows[0].values
    assert (row["title"], row["description"]) == ("=SUMA(A1)", "- punkt pierwszy")


def test_decoding_and_separator_sniffing():
    assert decode("Żółw".encode("cp1250")) == ("Żółw", "cp1250")
    assert decode("Żółw".encode()) == ("Żółw", "utf-8")
    assert decode("\ufeffŻółw".encode()) == ("Żółw", "utf-8-sig")
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter('a,b,c\n1,"x;y",3\n') == ","
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    with pytest.raises(TabularError, match="kodowanie"):
        decode(b"Tytu\x81\x98")


def test_a_damaged_xlsx_is_a_clear_error():
    with pytest.raises(TabularError, match="XLSX"):
        read_table(b"PK\x03\x04 not really a zip", "x.xlsx", SIGNUP_SCHEMA)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30.09.2025", datetime(2025, 9, 30)),
        ("1.10.2025", datetime(2025, 10, 1)),
        ("2025-09-30", datetime(2025, 9, 30)),
        ("30.09.2025, 14:05", datetime(2025, 9, 30, 14, 5)),
        ("2025-09-30T14:05:09", datetime(2025, 9, 30, 14, 5, 9)),
        ("2025-09-30 14:05", datetime(2025, 9, 30, 14, 5)),
        (date(2025, 9, 30), datetime(2025, 9, 30)),
    ],
)
def test_dates_in_polish_and_iso_formats(text, expected):
    assert parse_datetime(text) == expected


def test_impossible_and_unknown_dates_are_told_apart():
    with pytest.raises(ImpossibleDateError):
        parse_datetime("31.02.2025")
    with pytest.raises(ValueError, match="format") as unknown:
        parse_datetime("wrzesień 2025")
    assert not isinstance(unknown.value, ImpossibleDateError)
    with pytest.raises(ValueError):
        parse_datetime("09/30/2025")  # US order is not accepted silently


def test_yes_no_cells():
    assert [parse_yes_no(v) for v in ("Tak", "yes", "X", "nie", "0", "")] == [
        True,
        True,
        True,
        False,
        False,
        None,
    ]
    with pytest.raises(ValueError):
        parse_yes_no("może")


def test_reading_errors_name_a_catalogue_label_in_both_languages():
    with pytest.raises(TabularError) as unreadable:
        decode(b"Tytu\x81\x98")
    assert isinstance(unreadable.value, PanelError)
    assert unreadable.value.key == "imports.error.encoding"
    assert "bajt 5" in str(unreadable.value)
    assert "neither UTF-8 nor Windows-1250 (byte 5)" in unreadable.value.message("en")

    cells = [
        (parse_datetime, "31.02.2025", "impossible_date"),
        (parse_datetime, "wrzesień 2025", "bad_date"),
        (parse_yes_no, "może", "bad_yes_no"),
        (age_group_of, "33 lata", "bad_age"),
    ]
    for parse, cell, code in cells:
        with pytest.raises(InvalidCell) as invalid:
            parse(cell)
        assert (invalid.value.code, invalid.value.values) == (code, {"value": cell})
