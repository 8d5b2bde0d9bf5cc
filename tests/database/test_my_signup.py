"""The personal manage link on SQLite and PostgreSQL: see, change, cancel, and the
waitlist promotion a freed seat causes — one transaction each, safe under concurrency."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, update

from dashboard.core.errors import Conflict
from dashboard.services import my_signup
from dashboard.services.my_signup import Change, InvalidLink
from dashboard.services.registration import Outcome, register
from dashboard.services.signup_links import token_hash
from db.engine import now, write_session
from db.models import Signup, SignupLink, SignupSession
from tests.support.congress import build_congress
from tests.support.residents import last_token, mails, resident_form

BASE = "https://panel.example.torun.pl"


@pytest.fixture
def congress(engine: Engine) -> tuple[Engine, dict[str, int]]:
    return engine, build_congress(engine, upcoming_start=now().date() + timedelta(days=30))


def status_of(engine: Engine, email: str) -> str:
    with engine.connect() as connection:
        return connection.execute(select(Signup.status).where(Signup.email == email)).scalar_one()


def fill_small_workshop(engine: Engine, ids: dict[str, int]) -> None:
    """W_SMALL (2 seats): a and b registered, then c and d waiting, in that order."""
    for name in ("a", "b", "c", "d"):
        register(engine, resident_form(ids["W_SMALL"], f"{name}@example.org"), base_url=BASE)


def test_the_link_opens_only_its_own_sign_up_and_only_its_hash_is_stored(congress):
    engine, ids = congress
    register(engine, resident_form(ids["W_TEN"], "anna@example.org"), base_url=BASE)
    register(engine, resident_form(ids["W_TEN"], "jan@example.org"), base_url=BASE)
    token = last_token(engine, "anna@example.org")
    assert len(token) >= 22  # 32 random bytes: far beyond 128 bits
    mine = my_signup.open_signup(engine, token)
    assert (mine.email, mine.status, mine.workshop_id) == (
        "anna@example.org",
        "registered",
        ids["W_TEN"],
    )
    assert mine.venue == "CKK Jordanki" and mine.dpo_contact == "iod@torun.example"
    with engine.connect() as connection:
        stored = connection.scalars(select(SignupLink.token_hash)).all()
    assert token not in stored and token_hash(token) in stored


@pytest.mark.parametrize("bad", ["", "x", "abc" * 100, "nie-ma-takiego-tokenu-1234567890"])
def test_a_wrong_token_reveals_nothing(congress, bad):
    engine, _ = congress
    with pytest.raises(InvalidLink):
        my_signup.open_signup(engine, bad)


def test_an_expired_link_is_refused_like_a_wrong_one(congress):
    engine, ids = congress
    register(engine, resident_form(ids["W_TEN"], "anna@example.org"), base_url=BASE)
    token = last_token(engine, "anna@example.org")
    with write_session(engine) as session:
        session.execute(update(SignupLink).values(expires_at=now() - timedelta(seconds=1)))
    with pytest.raises(InvalidLink) as refused:
        my_signup.cancel(engine, token, BASE)
    assert refused.value.key == "manage.error.invalid_link"
    assert status_of(engine, "anna@example.org") == "registered"


def test_cancelling_gives_the_seat_to_the_first_person_waiting_and_tells_them(congress):
    engine, ids = congress
    fill_small_workshop(engine, ids)
    assert [status_of(engine, f"{n}@example.org") for n in "abcd"] == [
        "registered",
        "registered",
        "waitlisted",
        "waitlisted",
    ]
    my_signup.cancel(engine, last_token(engine, "a@example.org"), BASE)
    assert [status_of(engine, f"{n}@example.org") for n in "abcd"] == [
        "cancelled",
        "registered",
        "registered",
        "waitlisted",
    ]
    assert [m.kind for m in mails(engine, "a@example.org")] == [
        "signup.confirmation",
        "signup.cancelled",
    ]
    promoted = mails(engine, "c@example.org", "signup.promoted")
    assert len(promoted) == 1 and "/moj-zapis?t=" in promoted[0].body_text
    assert mails(engine, "d@example.org", "signup.promoted") == []
    # Cancelling twice changes nothing more.
    assert my_signup.cancel(engine, last_token(engine, "a@example.org"), BASE) == []
    assert status_of(engine, "d@example.org") == "waitlisted"


def test_changing_workshop_frees_the_seat_and_a_full_one_is_refused(congress):
    engine, ids = congress
    fill_small_workshop(engine, ids)
    token_b = last_token(engine, "b@example.org")
    register(engine, resident_form(ids["W_TEN"], "e@example.org"), base_url=BASE)
    token_e = last_token(engine, "e@example.org")
    with pytest.raises(Conflict) as full:
        my_signup.change(engine, token_e, Change(False, True, ids["W_SMALL"], False), BASE)
    assert full.value.key == "manage.error.workshop_full"
    assert my_signup.open_signup(engine, token_e).workshop_id == ids["W_TEN"]
    my_signup.change(engine, token_b, Change(True, True, ids["W_TEN"], True), BASE)
    changed = my_signup.open_signup(engine, token_b)
    assert (changed.day1, changed.workshop_id, changed.photo_consent) == (True, ids["W_TEN"], True)
    assert status_of(engine, "c@example.org") == "registered"  # b's old seat
    assert len(mails(engine, "c@example.org", "signup.promoted")) == 1
    assert len(mails(engine, "b@example.org", "signup.changed")) == 1


def test_a_waitlisted_person_choosing_a_workshop_with_room_gets_a_seat(congress):
    engine, ids = congress
    fill_small_workshop(engine, ids)
    token_d = last_token(engine, "d@example.org")
    my_signup.change(engine, token_d, Change(False, True, ids["W_BIG"], False), BASE)
    assert status_of(engine, "d@example.org") == "registered"


def test_a_cancelled_sign_up_cannot_be_changed(congress):
    engine, ids = congress
    register(engine, resident_form(ids["W_TEN"], "anna@example.org"), base_url=BASE)
    token = last_token(engine, "anna@example.org")
    my_signup.cancel(engine, token, BASE)
    with pytest.raises(Conflict):
        my_signup.change(engine, token, Change(True, False, None, False), BASE)


def test_ics_file_has_the_event(congress):
    engine, ids = congress
    register(engine, resident_form(ids["W_TEN"], "anna@example.org"), base_url=BASE)
    signup = my_signup.open_signup(engine, last_token(engine, "anna@example.org"))
    text = my_signup.ics(signup).decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "END:VEVENT\r\n" in text
    assert f"DTSTART;VALUE=DATE:{signup.starts_on:%Y%m%d}" in text
    assert f"DTEND;VALUE=DATE:{signup.ends_on + timedelta(days=1):%Y%m%d}" in text
    assert "LOCATION:CKK Jordanki" in text


def test_concurrent_cancellations_and_registrations_never_overfill(congress):
    """Seats freed by cancellations race with new registrations: the workshop never
    holds more than its capacity and every freed seat goes to someone waiting."""
    engine, ids = congress
    seats = 10
    holders = [f"holder{n}@example.org" for n in range(seats)]
    waiting = [f"waiting{n}@example.org" for n in range(4)]
    for email in holders + waiting:
        register(engine, resident_form(ids["W_TEN"], email), base_url=BASE)
    tokens = [last_token(engine, email) for email in holders[:4]]
    newcomers = [resident_form(ids["W_TEN"], f"new{n}@example.org") for n in range(4)]
    barrier = threading.Barrier(8)

    def cancel(token: str):
        barrier.wait()
        return my_signup.cancel(engine, token, BASE)

    def join(form):
        barrier.wait()
        return register(engine, form, base_url=BASE)

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(cancel, t) for t in tokens] + [
            pool.submit(join, f) for f in newcomers
        ]
        results = [future.result() for future in futures]
    with engine.connect() as connection:
        registered = connection.scalars(
            select(Signup.email)
            .join(SignupSession, SignupSession.signup_id == Signup.id)
            .where(Signup.status == "registered", SignupSession.session_id == ids["W_TEN"])
        ).all()
    assert len(registered) == seats
    # The four who waited first got the four freed seats; newcomers went to the waitlist.
    assert set(waiting) <= set(registered)
    assert all(r.outcome is Outcome.WAITLISTED for r in results[4:])
    for email in waiting:
        assert len(mails(engine, email, "signup.promoted")) == 1


def test_an_admin_cancelling_or_adding_seats_promotes_the_waiting(congress):
    from dashboard.core.permissions import PermissionDenied
    from dashboard.services import congress_seats
    from harness.apptest import ADMIN, LEAD

    engine, ids = congress
    fill_small_workshop(engine, ids)
    with engine.connect() as connection:
        a_id = connection.execute(
            select(Signup.id).where(Signup.email == "a@example.org")
        ).scalar_one()
    with pytest.raises(PermissionDenied):
        congress_seats.cancel_signup(engine, LEAD, a_id, BASE)
    congress_seats.cancel_signup(engine, ADMIN, a_id, BASE)
    assert status_of(engine, "c@example.org") == "registered"
    assert status_of(engine, "d@example.org") == "waitlisted"
    congress_seats.set_capacity(engine, ADMIN, ids["W_SMALL"], 3, BASE)
    assert status_of(engine, "d@example.org") == "registered"
    assert len(mails(engine, "d@example.org", "signup.promoted")) == 1
