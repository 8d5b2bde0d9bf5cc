"""The public registration service on SQLite and PostgreSQL: validation, capacity, updates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select, update

from dashboard.core.permissions import PermissionDenied
from dashboard.queries.registration import open_edition
from dashboard.services.registration import (
    OUTSIDE_TORUN,
    Outcome,
    RegistrationForm,
    register,
    set_registration_window,
)
from db.engine import now, write_session
from db.models import AuditLog, Event, OutboxMessage, Signup, SignupSession
from harness.apptest import ADMIN, DIRECTOR, LEAD, MEMBER
from tests.support.congress import build_congress, clear_congress, migrated_database

TODAY = now().date()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory) -> Iterator[Engine]:
    with migrated_database(request.param, tmp_path_factory.mktemp("registration")) as engine:
        yield engine


@pytest.fixture
def upcoming(database: Engine) -> tuple[Engine, dict[str, int]]:
    clear_congress(database)
    return database, build_congress(database, upcoming_start=TODAY + timedelta(days=30))


def a_form(ids: dict[str, int], **changes) -> RegistrationForm:
    form = RegistrationForm(
        edition=3,
        full_name="  Anna   Nowak ",
        email=" Anna.Nowak@Example.PL ",
        district_number=2,
        age_group="35-44",
        category="ngo",
        day1=True,
        day2=True,
        workshop_id=ids["W_BIG"],
        consent=True,
        photo_consent=True,
    )
    return replace(form, **changes)


def edition_signups(engine: Engine) -> list:
    with engine.connect() as connection:
        return connection.execute(
            select(Signup.full_name, Signup.email, Signup.status, Signup.category)
            .join(Event, Event.id == Signup.event_id)
            .where(Event.edition == 3)
            .order_by(Signup.id)
        ).all()


def sessions_of(engine: Engine, signup_id: int) -> set[int]:
    with engine.connect() as connection:
        return set(
            connection.scalars(
                select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
            )
        )


def test_registration_is_stored_normalised_with_its_sessions(upcoming):
    engine, ids = upcoming
    result = register(engine, a_form(ids))
    assert (result.outcome, result.status) == (Outcome.REGISTERED, "registered")
    assert edition_signups(engine) == [("Anna Nowak", "anna.nowak@example.pl", "registered", "ngo")]
    assert sessions_of(engine, result.signup_id) == {ids["P3"], ids["W_BIG"]}
    with engine.connect() as connection:
        stored = connection.execute(
            select(Signup.consent_at, Signup.photo_consent).where(Signup.id == result.signup_id)
        ).one()
    assert stored.consent_at is not None and stored.photo_consent is True


def test_day_one_only_needs_no_workshop_and_outside_torun_is_allowed(upcoming):
    engine, ids = upcoming
    form = a_form(ids, day2=False, workshop_id=None, district_number=OUTSIDE_TORUN)
    result = register(engine, form)
    assert result.outcome is Outcome.REGISTERED
    assert sessions_of(engine, result.signup_id) == {ids["P3"]}


def test_every_invalid_field_is_named(upcoming):
    engine, ids = upcoming
    empty = RegistrationForm(
        edition=3,
        full_name=" ",
        email="",
        district_number=None,
        age_group=None,
        category=None,
        day1=False,
        day2=False,
        workshop_id=None,
        consent=False,
    )
    result = register(engine, empty)
    assert result.outcome is Outcome.INVALID
    assert result.errors == {
        "full_name": "congress.error.name_missing",
        "email": "congress.error.email_missing",
        "district": "congress.error.district_missing",
        "age_group": "congress.error.age_missing",
        "category": "congress.error.category_missing",
        "days": "congress.error.days_missing",
        "consent": "congress.error.consent_missing",
    }
    odd = register(
        engine,
        a_form(ids, email="anna@", district_number=14, age_group="30-40", workshop_id=None),
    )
    assert odd.errors == {
        "email": "congress.error.email_invalid",
        "district": "congress.error.district_unknown",
        "age_group": "congress.error.age_missing",
        "workshop": "congress.error.workshop_missing",
    }
    other_edition = register(engine, a_form(ids, workshop_id=ids["WA"]))
    assert other_edition.errors == {"workshop": "congress.error.workshop_unknown"}
    assert edition_signups(engine) == []


def test_full_workshop_offers_the_waitlist_and_stores_only_after_consent(upcoming):
    engine, ids = upcoming
    for number in range(2):
        form = a_form(ids, email=f"osoba{number}@example.org", workshop_id=ids["W_SMALL"])
        assert register(engine, form).outcome is Outcome.REGISTERED
    late = a_form(ids, email="late@example.org", workshop_id=ids["W_SMALL"])
    assert register(engine, late).outcome is Outcome.FULL
    assert len(edition_signups(engine)) == 2
    waitlisted = register(engine, replace(late, waitlist_ok=True))
    assert (waitlisted.outcome, waitlisted.status) == (Outcome.WAITLISTED, "waitlisted")
    assert [row.status for row in edition_signups(engine)] == [
        "registered",
        "registered",
        "waitlisted",
    ]


def stored_row(engine: Engine, signup_id: int) -> tuple:
    """Every column of the sign-up and its sessions, to compare byte for byte."""
    with engine.connect() as connection:
        row = connection.execute(select(Signup).where(Signup.id == signup_id)).one()
    return (tuple(row), sessions_of(engine, signup_id))


def queued(engine: Engine, kind: str) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        return connection.execute(
            select(OutboxMessage.recipient, OutboxMessage.body_text)
            .where(OutboxMessage.kind == kind)
            .order_by(OutboxMessage.id)
        ).all()


def test_a_repeated_email_changes_nothing_and_gets_the_same_reply(upcoming):
    engine, ids = upcoming
    first = register(engine, a_form(ids, workshop_id=ids["W_SMALL"]))
    before = stored_row(engine, first.signup_id)
    again = a_form(
        ids,
        full_name="Ktoś Inny",
        email=" ANNA.NOWAK@example.pl",
        category="resident",
        day1=False,
        workshop_id=ids["W_TEN"],
        photo_consent=False,
    )
    second = register(engine, again)
    fresh = register(engine, replace(again, email="someone.new@example.pl"))
    # The same reply as a brand-new address gets, and no id to tell them apart by.
    assert (second.outcome, second.status) == (fresh.outcome, fresh.status)
    assert (second.outcome, second.signup_id) == (Outcome.REGISTERED, None)
    assert stored_row(engine, first.signup_id) == before
    assert len(edition_signups(engine)) == 2
    # The address's owner gets a manage link; the confirmation went out only once.
    repeat_mails = queued(engine, "signup.repeat")
    assert [recipient for recipient, _ in repeat_mails] == ["anna.nowak@example.pl"]
    assert "/moj-zapis?t=" in repeat_mails[0][1] and "Anna Nowak" in repeat_mails[0][1]
    assert "Ktoś Inny" not in repeat_mails[0][1]
    confirmations = [recipient for recipient, _ in queued(engine, "signup.confirmation")]
    assert confirmations == ["anna.nowak@example.pl", "someone.new@example.pl"]


def test_a_repeat_into_a_full_workshop_is_answered_like_a_new_one(upcoming):
    engine, ids = upcoming
    register(engine, a_form(ids, email="a@example.org", workshop_id=ids["W_SMALL"]))
    b = register(engine, a_form(ids, email="b@example.org", workshop_id=ids["W_SMALL"]))
    before = stored_row(engine, b.signup_id)
    repeat = a_form(ids, email="B@example.org", workshop_id=ids["W_SMALL"], photo_consent=False)
    assert register(engine, repeat).outcome is Outcome.FULL
    waiting = register(engine, replace(repeat, waitlist_ok=True))
    assert (waiting.outcome, waiting.status, waiting.signup_id) == (
        Outcome.WAITLISTED,
        "waitlisted",
        None,
    )
    assert stored_row(engine, b.signup_id) == before


def test_honeypot_looks_like_success_but_stores_nothing(upcoming):
    engine, ids = upcoming
    result = register(engine, a_form(ids, honeypot="http://spam.example"))
    assert result.outcome is Outcome.REGISTERED
    assert edition_signups(engine) == []


def test_closed_registration_is_refused_by_the_service(upcoming):
    engine, ids = upcoming
    set_registration_window(engine, ADMIN, 3, False, None)
    assert register(engine, a_form(ids)).outcome is Outcome.CLOSED
    set_registration_window(engine, ADMIN, 3, True, TODAY - timedelta(days=1))
    assert register(engine, a_form(ids)).outcome is Outcome.CLOSED
    assert not open_edition(engine, TODAY).is_open
    set_registration_window(engine, ADMIN, 3, True, TODAY)
    assert open_edition(engine, TODAY).is_open
    assert register(engine, a_form(ids)).outcome is Outcome.REGISTERED
    # An edition that is over cannot take sign-ups, whatever the switch says.
    past = a_form(ids, edition=2, workshop_id=ids["WA"])
    assert register(engine, past).outcome is Outcome.CLOSED
    assert len(edition_signups(engine)) == 1
    with engine.connect() as connection:
        entries = connection.scalars(
            select(func.count())
            .select_from(AuditLog)
            .where(AuditLog.action == "congress.registration", AuditLog.actor == "admin")
        ).one()
    assert entries == 3


@pytest.mark.parametrize("actor", [DIRECTOR, LEAD, MEMBER], ids=lambda a: a.role)
def test_only_admins_open_or_close_registration(upcoming, actor):
    engine, _ = upcoming
    with pytest.raises(PermissionDenied):
        set_registration_window(engine, actor, 3, False, None)
    assert open_edition(engine, TODAY).is_open


def test_open_edition_lists_the_next_congress_and_its_workshops(upcoming):
    engine, ids = upcoming
    edition = open_edition(engine, TODAY)
    assert edition.edition == 3 and edition.is_open
    assert {workshop[0] for workshop in edition.workshops} == {
        ids["W_SMALL"],
        ids["W_TEN"],
        ids["W_BIG"],
    }
    assert open_edition(engine, TODAY + timedelta(days=60)) is None


def test_a_cancelled_sign_up_is_not_revived_by_the_form(upcoming):
    engine, ids = upcoming
    first = register(engine, a_form(ids))
    with write_session(engine) as session:
        session.execute(
            update(Signup).where(Signup.id == first.signup_id).values(status="cancelled")
        )
    before = stored_row(engine, first.signup_id)
    again = register(engine, a_form(ids))
    assert (again.outcome, again.status, again.signup_id) == (
        Outcome.REGISTERED,
        "registered",
        None,
    )
    assert stored_row(engine, first.signup_id) == before
    assert [recipient for recipient, _ in queued(engine, "signup.repeat")] == [
        "anna.nowak@example.pl"
    ]


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("anna\u200b@example.pl", "congress.error.email_invalid"),
        ("ann\u0430@example.pl", "congress.error.email_invalid"),  # Cyrillic а
        ("a" * 250 + "@example.pl", "congress.error.email_too_long"),
    ],
)
def test_hidden_look_alike_and_overlong_addresses_are_refused(upcoming, email, expected):
    engine, ids = upcoming
    assert register(engine, a_form(ids, email=email)).errors == {"email": expected}


def test_a_pasted_page_of_text_as_a_name_says_too_long(upcoming):
    engine, ids = upcoming
    result = register(engine, a_form(ids, full_name="x" * 5000))
    assert result.errors == {"full_name": "congress.error.name_too_long"}
    assert edition_signups(engine) == []


def test_unknown_edition_is_closed(upcoming):
    engine, ids = upcoming
    assert register(engine, a_form(ids, edition=99)).outcome is Outcome.CLOSED
    assert edition_signups(engine) == []
