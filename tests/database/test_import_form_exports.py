"""Sign-ups and proposals from real online-form exports (Google Forms, Microsoft Forms),
on SQLite and PostgreSQL: headers, consent, the form's timestamps, forgiving values,
suggestions and mappings, duplicates, whole-file refusals; all-or-nothing and idempotent."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from dashboard.core.errors import PermissionDenied
from dashboard.importers import import_proposals, import_signups
from dashboard.services.import_mappings import MappingError, delete_mapping, save_mapping
from db.models import AuditLog, Proposal, Signup
from harness.apptest import ADMIN, LEAD
from tests.database.test_import_signups import stored_signups
from tests.support.cli import run_cli
from tests.support.imports import FIXTURES, add_reference_data, count

EDITION = 2025
GOOGLE_HEADER = (
    "Sygnatura czasowa;Adres e-mail;Imię i nazwisko;Osiedle;Wiek;Kategoria;Dzień udziału;"
    "Warsztat;Zgoda na przetwarzanie danych (RODO);Zgoda na publikację wizerunku"
)


@pytest.fixture
def reference(engine):
    add_reference_data(engine)
    return engine


def signups(engine, source, dry_run=False, name="form.csv"):
    return import_signups(engine, ADMIN, source, name, EDITION, dry_run=dry_run)


def form_file(*rows: str, header: str = GOOGLE_HEADER) -> bytes:
    """A Google Forms export as Excel saves it: Windows-1250, ";", CRLF."""
    return "\r\n".join((header, *rows, "")).encode("cp1250")


def problems_of(report) -> list[tuple]:
    return [(p.row, p.column, p.code) for p in report.problems]


def test_google_forms_export_reads_every_column_and_reimport_adds_nothing(reference):
    path = FIXTURES / "signups_google_forms.csv"
    assert "ł".encode("cp1250") in path.read_bytes()  # a real Windows-1250 file

    report = signups(reference, path)

    assert report.ok and report.applied, report.problems
    assert (report.rows_total, report.to_add, report.ignored_columns) == (6, 6, ())
    people = stored_signups(reference)
    zofia = people["zofia.k@example.org"]
    # consent and creation are when the form was sent, not when the file was imported
    assert zofia["created_at"] == zofia["consent_at"] == datetime(2025, 9, 1, 12, 30, 45)
    assert zofia["district_id"] == 10  # Stawki → Rudak i Stawki
    assert zofia["sessions"] == {
        "Panel dnia 1",
        "Panel dnia 2",
        "Warsztat: Toruński model partycypacji",  # written without "Warsztat:"
    }
    lukasz = people["lukasz.w@example.org"]  # "LUKASZ.W@Example.org"
    assert (lukasz["full_name"], lukasz["district_id"], lukasz["age_group"]) == (
        "Łukasz Wiśniewski",
        6,  # Skarpa → Na Skarpie
        "25-34",  # an exact age, 33
    )
    assert lukasz["sessions"] == {
        "Panel dnia 2",  # "30 września"
        "Warsztat: Współpraca z organizacjami pozarządowymi",
    }
    assert people["m.zolkiewska@example.net"]["district_id"] == 2  # Chełmińskie Przedmieście
    assert people["m.zolkiewska@example.net"]["age_group"] == "65+"
    jedrzej = people["jedrzej@example.com"]
    assert jedrzej["district_id"] == 13  # Bielawy-Grębocin
    assert jedrzej["sessions"] == {"Panel dnia 2", "Warsztat: Miasto przyjazne seniorom"}
    assert people["pawel.g@example.org"]["district_id"] == 5  # "os. Rubinkowo"
    notes = [note.describe() for note in report.notes]
    assert "Wiek: wiek „33” zapisano jako grupę 25-34 (wiersze 3)" in notes
    assert "Osiedle: „Stawki” odczytano jako „10 – Rudak i Stawki” (wiersze 2)" in notes

    again = signups(reference, path)
    assert again.applied and (again.to_add, again.to_update, again.unchanged) == (0, 0, 6)
    assert stored_signups(reference) == people
    assert count(reference, Signup) == 6


def test_microsoft_forms_export_takes_the_completion_time_else_the_start(reference):
    report = signups(reference, FIXTURES / "signups_ms_forms.csv")

    assert report.ok and report.applied, report.problems
    assert report.ignored_columns == ("Identyfikator",)
    people = stored_signups(reference)
    grazyna = people["grazyna.b@example.org"]
    assert grazyna["consent_at"] == grazyna["created_at"] == datetime(2025, 9, 10, 18, 45, 13)
    assert people["stanislaw.zak@example.org"]["consent_at"] == datetime(2025, 9, 11, 9, 0)


def test_every_problem_of_a_form_export_is_named_and_nothing_is_written(reference):
    path = FIXTURES / "signups_form_problems.csv"
    dry = signups(reference, path, dry_run=True)
    real = signups(reference, path)

    consent, when = "Zgoda na przetwarzanie danych (RODO)", "Sygnatura czasowa"
    expected = [
        (2, consent, "no_consent"),  # empty
        (3, consent, "no_consent"),  # "Nie wyrażam zgody"
        (4, when, "impossible_date"),  # 31.09.2025
        (5, "Imię i nazwisko", "too_long"),  # 5,013 characters
        (6, "Adres e-mail", "email_hidden_characters"),  # a zero-width space
        (7, "Osiedle", "unknown_district"),
        (8, "Adres e-mail", "duplicate_email"),  # reported although row 7 has a problem
        (9, "Osiedle", "unknown_district"),
        (9, "Dzień udziału", "bad_days"),
        (9, "Warsztat", "unknown_workshop"),
    ]
    assert problems_of(dry) == problems_of(real) == expected
    reasons = [problem.reason() for problem in real.problems]
    assert reasons[3] == "za długi tekst (5013 znaków, najwyżej 200)"
    assert "wymagane" not in reasons[3]
    assert reasons[6] == "ten sam adres e-mail co w wierszu 7"
    assert reasons[7].endswith("— czy chodziło o „5 – Rubinkowo”?")
    assert reasons[9].endswith("— czy chodziło o „Warsztat: Miasto przyjazne seniorom”?")
    assert real.problems[2].describe("en") == (
        "row 4, column “Sygnatura czasowa”: no such day: “31.09.2025 10:10:00”"
    )
    assert not real.applied
    assert count(reference, Signup) == 0 and count(reference, AuditLog) == 0


@pytest.mark.parametrize(
    "cell", ["Tak", "tak", "TRUE", "1", "x", "X", "Wyrażam zgodę na przetwarzanie danych"]
)
def test_consent_in_the_words_forms_use(reference, cell):
    row = f"01.09.2025 10:00:00;a@example.org;Anna Nowak;5;25-34;mieszkaniec;1;;{cell};"
    report = signups(reference, form_file(row))
    assert report.applied, report.problems
    assert stored_signups(reference)["a@example.org"]["consent_at"] == datetime(2025, 9, 1, 10)


@pytest.mark.parametrize(
    ("cell", "code"),
    [("", "no_consent"), ("nie", "no_consent"), ("Nie wyrażam zgody", "no_consent"),
     ("może", "bad_yes_no")],
)  # fmt: skip
def test_a_row_without_a_yes_to_consent_is_refused(reference, cell, code):
    row = f"01.09.2025 10:00:00;a@example.org;Anna Nowak;5;25-34;mieszkaniec;1;;{cell};"
    report = signups(reference, form_file(row))
    assert problems_of(report) == [(2, "Zgoda na przetwarzanie danych (RODO)", code)]
    assert count(reference, Signup) == 0


def test_a_file_without_consent_or_a_timestamp_column_is_refused(sqlite_engine):
    add_reference_data(sqlite_engine)
    no_consent = form_file(
        "01.09.2025 10:00;a@example.org;Anna Nowak;mieszkaniec",
        header="Sygnatura czasowa;Adres e-mail;Imię i nazwisko;Kategoria",
    )
    no_time = form_file(
        "a@example.org;Anna Nowak;mieszkaniec;tak",
        header="Adres e-mail;Imię i nazwisko;Kategoria;Zgoda",
    )
    empty_time = form_file("01.09.2025;a@example.org;Anna Nowak;mieszkaniec;tak", ";b@example.org;Bea Nowak;mieszkaniec;tak",
        header="Data zgłoszenia;Adres e-mail;Imię i nazwisko;Kategoria;Zgoda",
    )  # fmt: skip

    assert [(p.row, p.code) for p in signups(sqlite_engine, no_consent).problems] == [
        (1, "missing_column")
    ]
    assert [(p.row, p.code) for p in signups(sqlite_engine, no_time).problems] == [
        (1, "missing_timestamp_column")
    ]
    assert problems_of(signups(sqlite_engine, empty_time)) == [
        (3, "Data zgłoszenia", "no_timestamp")
    ]
    assert count(sqlite_engine, Signup) == 0


def test_unknown_columns_that_may_hold_consent_time_email_or_day_are_refused(sqlite_engine):
    add_reference_data(sqlite_engine)
    header = (
        GOOGLE_HEADER + ";Zgoda marketingowa;Data urodzenia;Drugi e-mail;Preferowany dzień;Uwagi"
    )
    row = "01.09.2025 10:00:00;a@example.org;Anna Nowak;5;25-34;mieszkaniec;1;;tak;;tak;;;;"

    report = signups(sqlite_engine, form_file(row, header=header))

    assert [(p.row, p.column, p.code) for p in report.problems] == [
        (1, "Zgoda marketingowa", "unknown_consent_column"),
        (1, "Data urodzenia", "unknown_time_column"),
        (1, "Drugi e-mail", "unknown_email_column"),
        (1, "Preferowany dzień", "unknown_day_column"),
    ]
    assert "Uwagi" in report.ignored_columns  # nothing personal: ignored and listed
    assert "nadaj jej nagłówek „Dzień udziału”" in report.problems[3].reason()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.csv", "plik jest pusty — nie ma w nim ani nagłówka, ani danych"),
        ("signups_header_only.csv", "plik ma tylko wiersz nagłówka, bez żadnego wiersza danych"),
        ("not_a_table.csv", "to nie jest plik CSV ani XLSX (plik binarny)"),
        (".", "to jest katalog, a nie plik — wskaż plik CSV albo XLSX"),
        ("brak.csv", "nie ma takiego pliku"),
    ],
)
def test_a_file_with_nothing_to_read_gets_one_clear_line(reference, name, reason):
    source = FIXTURES if name == "." else FIXTURES / name
    for report in (
        signups(reference, source),
        import_proposals(reference, ADMIN, source, name, dry_run=True),
    ):
        [problem] = report.problems
        assert problem.row is None and problem.reason().startswith(reason)


def test_proposals_read_source_synonyms_and_neighbourhoods_and_a_mapping_is_remembered(
    reference,
):
    path = FIXTURES / "proposals_forms.csv"
    first = import_proposals(reference, ADMIN, path, "forms.csv")

    assert problems_of(first) == [(6, "Osiedle", "unknown_district")]
    assert [(u.kind, u.value, u.rows) for u in first.unmatched] == [
        ("district", "Śródmieście", (6,))
    ]
    assert count(reference, Proposal) == 0  # all or nothing

    with pytest.raises(PermissionDenied):
        save_mapping(reference, LEAD, "district", "Śródmieście", "3")
    assert save_mapping(reference, ADMIN, "district", "Śródmieście", "3") == (
        "3 – Stare Miasto i Jakubskie Przedmieście"
    )
    second = import_proposals(reference, ADMIN, path, "forms.csv")

    assert second.applied and second.to_add == 5, second.problems
    with reference.connect() as connection:
        stored = dict(connection.execute(select(Proposal.title, Proposal.source)).all())
        districts = dict(connection.execute(select(Proposal.title, Proposal.district_id)).all())
    assert stored["Ławki na Stawkach"] == "congress"  # "Warsztat Kongresu"
    assert stored["Konsultacje na Skarpie"] == "workshop"  # "Konsultacje"
    assert districts == {
        "Ławki na Stawkach": 10,
        "Konsultacje na Skarpie": 6,
        "Rada osiedla online": 2,
        "Ścieżka rowerowa do Grębocina": 13,
        "Plac zabaw w centrum": 3,
    }
    assert any(note.via == "mapping" for note in second.notes)
    again = import_proposals(reference, ADMIN, path, "forms.csv")
    assert (again.to_add, again.unchanged) == (0, 5)

    assert delete_mapping(reference, ADMIN, "district", "śródmieście")
    assert problems_of(import_proposals(reference, ADMIN, path, "x", dry_run=True)) == [
        (6, "Osiedle", "unknown_district")
    ]


def test_a_mapping_must_name_something_known(reference):
    with pytest.raises(MappingError):
        save_mapping(reference, ADMIN, "district", "Śródmieście", "99")
    with pytest.raises(MappingError):
        save_mapping(reference, ADMIN, "workshop", "Smart", "Narzędzia Smart City")  # no edition
    assert save_mapping(
        reference, ADMIN, "workshop", "Smart", "Narzędzia Smart City w służbie mieszkańców",
        edition=EDITION,
    ) == "Warsztat: Narzędzia Smart City w służbie mieszkańców"  # fmt: skip
    row = "01.09.2025 10:00:00;a@example.org;Anna Nowak;5;25-34;mieszkaniec;2;SMART;tak;"
    report = signups(reference, form_file(row))
    assert report.applied, report.problems
    assert stored_signups(reference)["a@example.org"]["sessions"] == {
        "Panel dnia 2",
        "Warsztat: Narzędzia Smart City w służbie mieszkańców",
    }


def test_a_repeated_proposal_is_reported_even_when_its_first_row_has_a_problem(sqlite_engine):
    add_reference_data(sqlite_engine)
    data = (
        "Tytuł;Opis;Podzespół;Źródło;Okręg\r\n"
        "Ławki;Więcej ławek;1;warsztat;Atlantyda\r\n"
        "Ławki;Więcej ławek;1;warsztat;Atlantyda\r\n"
    ).encode("cp1250")
    report = import_proposals(sqlite_engine, ADMIN, data, "d.csv", dry_run=True)
    assert problems_of(report) == [
        (2, "Okręg", "unknown_district"),
        (3, "Okręg", "unknown_district"),
        (3, "Tytuł", "duplicate_row"),
    ]


def test_cli_maps_a_value_and_answers_a_directory_in_one_line(sqlite_engine):
    add_reference_data(sqlite_engine)
    url = str(sqlite_engine.url)
    path = str(FIXTURES / "proposals_forms.csv")

    refused = run_cli("import", "proposals", path, "--dry-run", url=url)
    assert refused.returncode == 1
    assert "python -m dashboard import map district" in refused.stdout
    mapped = run_cli("import", "map", "district", "Śródmieście", "Stare Miasto", url=url)
    assert mapped.returncode == 0, mapped.stderr
    assert "oznacza odtąd „3 – Stare Miasto i Jakubskie Przedmieście”" in mapped.stdout
    listed = run_cli("import", "mappings", url=url)
    assert "district: „Śródmieście” → 3 – Stare Miasto" in listed.stdout
    done = run_cli("import", "proposals", path, url=url)
    assert done.returncode == 0 and "Dodano: 5" in done.stdout
    assert "według zapamiętanego przypisania" in done.stdout

    folder = run_cli("import", "signups", str(FIXTURES), "--edition", "2025", url=url)
    assert folder.returncode == 1 and "Traceback" not in folder.stderr
    assert folder.stdout.strip().splitlines() == [
        "Plik odrzucony: to jest katalog, a nie plik — wskaż plik CSV albo XLSX"
    ]
