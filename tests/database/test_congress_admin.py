"""Admin services: check-in, the personal list and its audited export, anonymisation."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, select, update

from dashboard.core.errors import InvalidInput
from dashboard.core.permissions import PermissionDenied
from dashboard.exports.signups import export_signups
from dashboard.queries import signups
from dashboard.services import congress_admin
from dashboard.services.congress_admin import CongressAdminError
from db.engine import write_session
from db.models import AuditLog, Signup
from harness.apptest import ADMIN, DIRECTOR, LEAD, MEMBER
from tests.support.congress import build_congress, clear_congress, migrated_database

AFTER_CONGRESS = date(2025, 10, 20)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory) -> Iterator[Engine]:
    with migrated_database(request.param, tmp_path_factory.mktemp("admin")) as engine:
        yield engine


@pytest.fixture
def congress(database: Engine) -> tuple[Engine, dict[str, int]]:
    clear_congress(database)
    return database, build_congress(database)


def audit_entries(engine: Engine) -> list:
    with engine.connect() as connection:
        return connection.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.row_count).order_by(AuditLog.id)
        ).all()


@pytest.mark.parametrize("actor", [DIRECTOR, LEAD, MEMBER], ids=lambda a: a.role)
def test_admin_only_services_refuse_everyone_else(congress, actor):
    engine, ids = congress
    calls = (
        lambda: signups.signup_list(engine, actor, 2),
        lambda: signups.search_signups(engine, actor, 2, "osoba"),
        lambda: congress_admin.set_attended(engine, actor, ids["s3"], True),
        lambda: signups.checkin_counts(engine, actor, 2),
        lambda: export_signups(engine, actor, 2, "csv"),
        lambda: congress_admin.anonymise_edition(engine, actor, 2, today=AFTER_CONGRESS),
    )
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert audit_entries(engine) == []
    assert signups.signup_list(engine, ADMIN, 2)["email"].notna().all()


def test_signup_list_has_names_emails_and_workshop(congress):
    engine, _ = congress
    frame = signups.signup_list(engine, ADMIN, 2).set_index("email")
    assert len(frame) == 8
    assert frame.loc["s1@example.org", "full_name"] == "Osoba S1"
    assert frame.loc["s1@example.org", "workshop"] == "Sesja WA"
    assert pd.isna(frame.loc["s2@example.org", "workshop"])  # day 1 only
    assert frame.loc["s4@example.org", "district_number"] is None or pd.isna(
        frame.loc["s4@example.org", "district_number"]
    )


def test_signup_list_can_show_one_screenful_and_counts_all(congress):
    engine, _ = congress
    everyone = signups.signup_list(engine, ADMIN, 2)
    first = signups.signup_list(engine, ADMIN, 2, limit=2)
    assert len(everyone) > 2
    assert list(first["id"]) == list(everyone["id"].head(2))
    assert signups.signup_count(engine, ADMIN, 2) == len(everyone)
    with pytest.raises(PermissionDenied):
        signups.signup_count(engine, DIRECTOR, 2)


def test_checkin_search_mark_and_live_counts(congress):
    engine, ids = congress
    with write_session(engine) as session:
        session.execute(
            update(Signup).where(Signup.id == ids["s3"]).values(full_name="Łukasz Żółtowski")
        )
    found = signups.search_signups(engine, ADMIN, 2, "  łukasz ")
    assert found["id"].tolist() == [ids["s3"]]
    assert signups.search_signups(engine, ADMIN, 2, "S5@EXAMPLE")["id"].tolist() == [ids["s5"]]
    # Cancelled sign-ups are not offered at the door.
    assert signups.search_signups(engine, ADMIN, 2, "s8@").empty

    before = signups.checkin_counts(engine, ADMIN, 2)
    assert before == {"registered": 6, "present": 4, "expected": 2, "waitlisted": 1}
    congress_admin.set_attended(engine, ADMIN, ids["s3"], True)
    assert signups.checkin_counts(engine, ADMIN, 2)["present"] == 5
    assert signups.checkin_counts(engine, ADMIN, 2)["expected"] == 1
    congress_admin.set_attended(engine, ADMIN, ids["s3"], False)
    assert signups.checkin_counts(engine, ADMIN, 2) == before
    with pytest.raises(CongressAdminError):
        congress_admin.set_attended(engine, ADMIN, 999_999, True)


def test_checkin_marks_are_audited_and_a_refused_one_is_not(congress):
    engine, ids = congress
    congress_admin.set_attended(engine, ADMIN, ids["s3"], True)
    congress_admin.set_attended(engine, ADMIN, ids["s3"], False)
    with pytest.raises(CongressAdminError):
        congress_admin.set_attended(engine, ADMIN, 999_999, True)
    assert audit_entries(engine) == [
        ("admin", "congress.checkin", 1),
        ("admin", "congress.checkin_undo", 1),
    ]
    with engine.connect() as connection:
        details = connection.execute(select(AuditLog.detail).order_by(AuditLog.id)).scalars()
        assert list(details) == [f"zapis #{ids['s3']}"] * 2


def test_csv_export_is_excel_ready_neutralised_and_audited(congress):
    engine, ids = congress
    with write_session(engine) as session:
        session.execute(
            update(Signup)
            .where(Signup.id == ids["s1"])
            .values(full_name='=HYPERLINK("http://evil.example","x")')
        )
    data = export_signups(engine, ADMIN, 2, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig")
    assert len(frame) == 8
    assert "'=HYPERLINK" in set(frame["full_name"].str[:11])
    assert audit_entries(engine) == [("admin", "congress.signups_export", 8)]


def test_xlsx_export_opens_and_is_audited(congress):
    engine, _ = congress
    data = export_signups(engine, ADMIN, 1, "xlsx")
    frame = pd.read_excel(io.BytesIO(data), engine="openpyxl")
    assert sorted(frame["email"]) == ["e1@example.org", "e2@example.org", "e3@example.org"]
    assert audit_entries(engine) == [("admin", "congress.signups_export", 3)]
    with pytest.raises(InvalidInput):
        export_signups(engine, ADMIN, 1, "pdf")


def test_anonymise_only_after_the_event_and_only_once(congress):
    engine, _ = congress
    with pytest.raises(CongressAdminError, match="dopiero po Kongresie"):
        congress_admin.anonymise_edition(engine, ADMIN, 2, today=date(2025, 9, 30))
    with pytest.raises(CongressAdminError):
        congress_admin.anonymise_edition(engine, ADMIN, 7, today=AFTER_CONGRESS)
    assert congress_admin.anonymise_edition(engine, ADMIN, 2, today=AFTER_CONGRESS) == 8
    assert congress_admin.anonymise_edition(engine, ADMIN, 2, today=AFTER_CONGRESS) == 0
    frame = signups.signup_list(engine, ADMIN, 2)
    assert frame["full_name"].isna().all() and frame["email"].isna().all()
    # The other edition keeps its people.
    assert signups.signup_list(engine, ADMIN, 1)["email"].notna().all()
    assert audit_entries(engine) == [
        ("admin", "congress.anonymise", 8),
        ("admin", "congress.anonymise", 0),
    ]
