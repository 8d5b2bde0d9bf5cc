"""Importing Congress sign-ups from online-form exports, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from dashboard.core.errors import PermissionDenied
from dashboard.importers import age_group_of, import_signups
from dashboard.services.congress_admin import anonymise_edition
from dashboard.services.registration import RegistrationForm, register
from db.models import AuditLog, Event, EventSession, Signup, SignupSession
from harness.apptest import ADMIN, LEAD
from tests.support.cli import run_cli
from tests.support.imports import FIXTURES, add_reference_data, count

EDITION = 2025


@pytest.fixture
def reference(engine):
    add_reference_data(engine)
    return engine


def stored_signups(engine) -> dict[str, dict]:
    """E-mail -> fields, with the titles of the sessions the sign-up holds."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Signup.id,
                Signup.email,
                Signup.full_name,
                Signup.district_id,
                Signup.age_group,
                Signup.category,
                Signup.status,
                Signup.created_at,
                Signup.consent_at,
                Event.edition,
            ).join(Event, Event.id == Signup.event_id)
        ).all()
        links = connection.execute(
            select(SignupSession.signup_id, EventSession.title).join(
                EventSession, EventSession.id == SignupSession.session_id
            )
        ).all()
    titles: dict[int, set[str]] = {}
    for signup_id, title in links:
        titles.setdefault(signup_id, set()).add(title)
    return {row.email: {**row._asdict(), "sessions": titles.get(row.id, set())} for row in rows}


def test_windows_1250_form_export_imports_people_places_ages_and_workshops(reference):
    report = import_signups(
        reference, ADMIN, FIXTURES / "signups_cp1250.csv", "formularz.csv", EDITION
    )

    assert report.ok and report.applied, report.problems
    assert (report.rows_total, report.to_add, report.to_update, report.unchanged) == (6, 6, 0, 0)
    people = stored_signups(reference)
    assert set(people) == {
        "zofia.kazmierczak@example.org",
        "lukasz.wisniewski@example.org",  # stored in lower case
        "m.zolkiewska@example.net",
        "jedrzej@example.com",
        "anna.dn@example.org",
        "pawel.grzeda@example.org",
    }
    zofia = people["zofia.kazmierczak@example.org"]
    assert (zofia["full_name"], zofia["district_id"], zofia["age_group"], zofia["category"]) == (
        "Zofia Kaźmierczak",
        5,
        "35-44",
        "resident",
    )
    assert zofia["created_at"] == zofia["consent_at"] == datetime(2025, 9, 1, 12, 30)
    assert zofia["edition"] == EDITION and zofia["status"] == "registered"
    assert zofia["sessions"] == {"Warsztat: Toruński model partycypacji"}
    lukasz = people["lukasz.wisniewski@example.org"]
    assert (lukasz["district_id"], lukasz["age_group"], lukasz["category"]) == (5, "25-34", "ngo")
    malgorzata = people["m.zolkiewska@example.net"]
    assert (malgorzata["district_id"], malgorzata["age_group"]) == (12, "65+")
    assert malgorzata["category"] == "seniors_council"
    jedrzej = people["jedrzej@example.com"]
    assert (jedrzej["district_id"], jedrzej["sessions"]) == (None, set())
    assert people["anna.dn@example.org"]["sessions"] == {
        "Warsztat: Rady okręgów bliżej mieszkańców",
        "Warsztat: Narzędzia Smart City w służbie mieszkańców",
    }
    assert people["pawel.grzeda@example.org"]["age_group"] == "25-34"  # "33" years
    with reference.connect() as connection:
        assert connection.execute(select(AuditLog.action, AuditLog.row_count)).all() == [
            ("import_signups", 6)
        ]


def test_xlsx_export_with_days_and_dates(reference):
    report = import_signups(reference, ADMIN, FIXTURES / "signups.xlsx", "zapisy.xlsx", EDITION)

    assert report.ok and report.to_add == 3, report.problems
    people = stored_signups(reference)
    grazyna = people["grazyna.b@example.org"]
    assert grazyna["created_at"] == datetime(2025, 9, 10, 18, 45)
    assert grazyna["sessions"] == {
        "Panel dnia 1",
        "Panel dnia 2",
        "Warsztat młodzieżowy: Toruń oczami młodych",
    }
    stanislaw = people["stanislaw.zak@example.org"]
    assert (stanislaw["age_group"], stanislaw["district_id"]) == ("65+", 10)  # 71 years
    assert stanislaw["sessions"] == {"Panel dnia 2", "Warsztat: Miasto przyjazne seniorom"}
    natalia = people["natalia.w@example.org"]
    assert (natalia["district_id"], natalia["sessions"]) == (7, {"Panel dnia 1"})


def test_duplicate_emails_in_the_file_are_reported_and_nothing_is_written(reference):
    dry = import_signups(
        reference, ADMIN, FIXTURES / "signups_duplicates.csv", "d.csv", EDITION, dry_run=True
    )
    real = import_signups(reference, ADMIN, FIXTURES / "signups_duplicates.csv", "d.csv", EDITION)

    expected = [
        (4, "Adres e-mail", "duplicate_email", 2),
        (6, "Adres e-mail", "duplicate_email", 3),
    ]
    for report in (dry, real):
        assert [(p.row, p.column, p.code, dict(p.values)["row"]) for p in report.problems] == (
            expected
        )
    assert not real.applied
    assert count(reference, Signup) == 0 and count(reference, AuditLog) == 0


def test_broken_rows_unknown_okreg_odd_ages_and_bad_emails(reference):
    report = import_signups(
        reference, ADMIN, FIXTURES / "signups_broken.csv", "zle.csv", EDITION, dry_run=True
    )

    assert [(p.row, p.column, p.code) for p in report.problems] == [
        (2, "Okręg", "unknown_district"),
        (3, "Wiek", "bad_age"),
        (4, "Wiek", "bad_age"),
        (5, "Adres e-mail", "required"),
        (6, "Adres e-mail", "bad_email"),
    ]
    reasons = [problem.reason() for problem in report.problems]
    assert "„33 lata”" in reasons[1] and "„ok. 40”" in reasons[2]
    assert (report.rows_total, report.to_add) == (6, 1)

    real = import_signups(reference, ADMIN, FIXTURES / "signups_broken.csv", "zle.csv", EDITION)
    assert not real.applied and len(real.problems) == 5
    assert count(reference, Signup) == 0


def test_reimport_changes_nothing_and_a_corrected_file_updates_by_email(reference):
    path = FIXTURES / "signups_cp1250.csv"
    import_signups(reference, ADMIN, path, "a.csv", EDITION)
    before = stored_signups(reference)

    again = import_signups(reference, ADMIN, path, "a.csv", EDITION)
    assert again.applied and (again.to_add, again.to_update, again.unchanged) == (0, 0, 6)
    assert stored_signups(reference) == before

    corrected = (
        path.read_bytes()
        .decode("cp1250")
        .replace(
            "Paweł Grzęda;pawel.grzeda@example.org;Podgórz;33;biznes",
            "Paweł Grzęda;PAWEL.GRZEDA@example.org;Wrzosy;45-54;biznes",
        )  # fmt: skip
        .replace("Warsztat: Narzędzia Smart City w służbie mieszkańców;tak\r\n", ";tak\r\n")
        + "Nowa Osoba;nowa@example.org;1;18-24;mieszkaniec;07.09.2025;;tak\r\n"
    ).encode("cp1250")
    update = import_signups(reference, ADMIN, corrected, "b.csv", EDITION)

    assert update.applied and (update.to_add, update.to_update, update.unchanged) == (1, 1, 5)
    after = stored_signups(reference)
    assert len(after) == 7
    pawel = after["pawel.grzeda@example.org"]
    assert (pawel["id"], pawel["district_id"], pawel["age_group"]) == (
        before["pawel.grzeda@example.org"]["id"],
        7,
        "45-54",
    )
    assert pawel["sessions"] == set()
    assert pawel["created_at"] == before["pawel.grzeda@example.org"]["created_at"]


def test_an_email_registered_through_the_form_is_updated_not_duplicated(reference):
    registered = register(
        reference,
        RegistrationForm(
            edition=EDITION,
            full_name="Zofia Kaźmierczak",
            email="Zofia.Kazmierczak@example.org ",
            district_number=4,
            age_group="35-44",
            category="resident",
            day1=True,
            day2=False,
            workshop_id=None,
            consent=True,
        ),
        today=datetime(2025, 9, 1).date(),
    )
    assert registered.stored

    report = import_signups(reference, ADMIN, FIXTURES / "signups_cp1250.csv", "a.csv", EDITION)

    assert (report.to_add, report.to_update) == (5, 1)
    people = stored_signups(reference)
    assert len(people) == 6
    assert people["zofia.kazmierczak@example.org"]["district_id"] == 5


def test_only_admins_import_signups_and_the_edition_must_exist(reference):
    with pytest.raises(PermissionDenied):
        import_signups(reference, LEAD, FIXTURES / "signups_cp1250.csv", "a.csv", EDITION, True)
    report = import_signups(reference, ADMIN, FIXTURES / "signups_cp1250.csv", "a.csv", 2031)
    assert [(p.row, p.code) for p in report.problems] == [(None, "unknown_edition")]
    assert count(reference, Signup) == 0


def test_an_anonymised_edition_refuses_the_old_export(reference):
    path = FIXTURES / "signups_cp1250.csv"
    assert import_signups(reference, ADMIN, path, "a.csv", EDITION).applied
    assert anonymise_edition(reference, ADMIN, EDITION, today=date(2025, 11, 1)) == 6

    report = import_signups(reference, ADMIN, path, "a.csv", EDITION)

    assert [(p.row, p.code) for p in report.problems] == [(None, "anonymised_edition")]
    assert count(reference, Signup) == 6
    assert set(stored_signups(reference)) == {None}  # names and e-mails stay erased


@pytest.mark.parametrize(
    ("cell", "group"),
    [
        ("25-34", "25-34"),
        ("25 – 34", "25-34"),
        ("65+", "65+"),
        ("<18", "<18"),
        ("poniżej 18", "<18"),
        ("17", "<18"),
        ("18", "18-24"),
        ("64", "55-64"),
        ("65", "65+"),
    ],
)
def test_age_groups_and_whole_years(cell, group):
    assert age_group_of(cell) == group


@pytest.mark.parametrize("cell", ["33 lata", "ok. 40", "40-50", "0", "trzydzieści", "3.5"])
def test_odd_age_formats_are_refused(cell):
    with pytest.raises(ValueError):
        age_group_of(cell)


def test_cli_signups_import_with_edition(sqlite_engine):
    add_reference_data(sqlite_engine)
    url = str(sqlite_engine.url)
    duplicates = str(FIXTURES / "signups_duplicates.csv")

    dry = run_cli("import", "signups", duplicates, "--edition", "2025", "--dry-run", url=url)
    assert dry.returncode == 1
    assert "wiersz 4  Adres e-mail: ten sam adres e-mail co w wierszu 2" in dry.stdout

    done = run_cli(
        "import", "signups", str(FIXTURES / "signups_cp1250.csv"), "--edition", "2025", url=url
    )
    assert done.returncode == 0, done.stderr
    assert "Dodano: 6" in done.stdout
    assert count(sqlite_engine, Signup) == 6

    missing = run_cli("import", "signups", duplicates, url=url)
    assert missing.returncode == 2 and "--edition" in missing.stderr
