"""Parallel registrations against a real SQLite file and a real PostgreSQL database.

Each thread takes its own connection from the engine's pool; a barrier releases
them together so the transactions really overlap.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import Engine, func, select

from dashboard.services.registration import Outcome, RegistrationForm, register
from db.engine import now
from db.models import OutboxMessage, Signup, SignupSession
from tests.support.congress import build_congress

PEOPLE = 20
SEATS = 10


def _form(workshop_id: int, email: str) -> RegistrationForm:
    return RegistrationForm(
        edition=3,
        full_name="Osoba Testowa",
        email=email,
        district_number=1,
        age_group="25-34",
        category="resident",
        day1=False,
        day2=True,
        workshop_id=workshop_id,
        consent=True,
        waitlist_ok=True,
    )


def _register_together(engine: Engine, forms: list[RegistrationForm]) -> list:
    barrier = threading.Barrier(len(forms))

    def attempt(form: RegistrationForm):
        barrier.wait()
        return register(engine, form)

    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        return list(pool.map(attempt, forms))


def _statuses(engine: Engine, workshop_id: int) -> dict[str, int]:
    statement = (
        select(Signup.status, func.count())
        .join(SignupSession, SignupSession.signup_id == Signup.id)
        .where(SignupSession.session_id == workshop_id)
        .group_by(Signup.status)
    )
    with engine.connect() as connection:
        return dict(connection.execute(statement).all())


def test_twenty_people_for_ten_seats(engine: Engine):
    ids = build_congress(engine, upcoming_start=now().date() + timedelta(days=30))
    workshop = ids["W_TEN"]
    forms = [_form(workshop, f"osoba{n:02d}@example.org") for n in range(PEOPLE)]
    results = _register_together(engine, forms)

    outcomes = sorted(result.outcome for result in results)
    assert outcomes.count(Outcome.REGISTERED) == SEATS
    assert outcomes.count(Outcome.WAITLISTED) == PEOPLE - SEATS
    assert _statuses(engine, workshop) == {"registered": SEATS, "waitlisted": PEOPLE - SEATS}
    with engine.connect() as connection:
        emails = connection.scalars(
            select(Signup.email).where(Signup.email.like("osoba%@example.org"))
        ).all()
    assert sorted(emails) == sorted(form.email for form in forms)  # none lost, none twice
    assert len({result.signup_id for result in results}) == PEOPLE


def test_parallel_submissions_with_one_email_make_one_registration(engine: Engine):
    ids = build_congress(engine, upcoming_start=now().date() + timedelta(days=30))
    base = _form(ids["W_BIG"], "ta.sama@example.org")
    forms = [replace(base, email=f"  Ta.Sama@Example.org{' ' * n}") for n in range(8)]
    results = _register_together(engine, forms)

    # Every submission gets the same reply; one stored the sign-up, the others stored
    # nothing (a repeated address) and mailed its owner a manage link instead.
    assert {result.outcome for result in results} == {Outcome.REGISTERED}
    assert len({result.signup_id for result in results} - {None}) == 1
    with engine.connect() as connection:
        count = connection.scalar(
            select(func.count()).select_from(Signup).where(Signup.email == "ta.sama@example.org")
        )
        kinds = connection.scalars(
            select(OutboxMessage.kind).where(OutboxMessage.recipient == "ta.sama@example.org")
        ).all()
    assert count == 1
    assert sorted(kinds) == ["signup.confirmation"] + ["signup.repeat"] * 7
