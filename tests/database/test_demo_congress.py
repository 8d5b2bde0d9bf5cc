"""The demo Congress: editions, sessions, sign-ups, capacity and attendance."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import func, select

from db.models import Event, EventSession, Signup, SignupSession
from tests.database.test_demo import TODAY, count_rows, fetch_rows, shared_seeded_engine

seeded_engine = shared_seeded_engine()


def test_signups_are_unique_and_workshops_within_capacity(seeded_engine):
    emails = fetch_rows(seeded_engine, select(Signup.event_id, Signup.email))
    assert len(emails) == len(set(emails))
    registered = fetch_rows(
        seeded_engine,
        select(EventSession.id, EventSession.capacity, func.count(Signup.id))
        .join(SignupSession, SignupSession.session_id == EventSession.id)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(Signup.status == "registered", EventSession.capacity.is_not(None))
        .group_by(EventSession.id, EventSession.capacity),
    )
    assert registered
    assert all(count <= capacity for _id, capacity, count in registered)
    statuses = Counter(s for (s,) in fetch_rows(seeded_engine, select(Signup.status)))
    assert statuses["waitlisted"] > 0
    assert 0.01 < statuses["cancelled"] / sum(statuses.values()) < 0.08


def test_each_signup_picks_days_sensibly(seeded_engine):
    sessions = {
        row.id: row
        for row in fetch_rows(
            seeded_engine, select(EventSession.id, EventSession.day, EventSession.kind)
        )
    }
    chosen = defaultdict(list)
    for signup_id, session_id in fetch_rows(
        seeded_engine, select(SignupSession.signup_id, SignupSession.session_id)
    ):
        chosen[signup_id].append(sessions[session_id])
    patterns = Counter()
    for picks in chosen.values():
        days = {session.day for session in picks}
        workshops = [s for s in picks if s.kind == "workshop"]
        assert len(workshops) == (1 if 2 in days else 0)
        assert all((s.day == 2) == (s.kind == "workshop") for s in picks)
        patterns[tuple(sorted(days))] += 1
    assert len(chosen) == count_rows(seeded_engine, Signup)
    total = sum(patterns.values())
    assert 0.2 < patterns[(1,)] / total < 0.4
    assert 0.15 < patterns[(2,)] / total < 0.35
    assert 0.35 < patterns[(1, 2)] / total < 0.55


def test_both_congress_editions(seeded_engine):
    events = fetch_rows(seeded_engine, select(Event).order_by(Event.edition))
    expected = {
        "edition": [2024, 2025, 2026],
        "name": [
            "I Toruński Kongres Dialogu",
            "II Toruński Kongres Dialogu",
            "III Toruński Kongres Dialogu",
        ],
        # The upcoming edition: the Monday after today + 30 days, registration open.
        "starts_on": [date(2024, 9, 10), date(2025, 9, 29), date(2026, 4, 20)],
        "ends_on": [date(2024, 9, 11), date(2025, 9, 30), date(2026, 4, 21)],
        "venue": [
            "Aula Uniwersytetu Mikołaja Kopernika",
            "CKK Jordanki",
            "CKK Jordanki, al. Solidarności 1–3, Toruń",
        ],
        "dpo_contact": [None, None, "iod@torun.example"],
        "registration_open": [False, False, True],
        "target_signups": [500, 600, 650],
    }
    assert {column: [getattr(row, column) for row in events] for column in expected} == expected
    workshops = fetch_rows(
        seeded_engine, select(EventSession.capacity).where(EventSession.kind == "workshop")
    )
    assert all(40 <= capacity <= 80 for (capacity,) in workshops)


def test_every_subteam_has_a_workshop_in_each_edition(seeded_engine):
    rows = fetch_rows(
        seeded_engine,
        select(EventSession.event_id, EventSession.subteam_id).where(
            EventSession.kind == "workshop"
        ),
    )
    for event_id in (1, 2, 3):
        assert {s for e, s in rows if e == event_id} >= {1, 2, 3, 4}


def test_attendance_and_consent_of_past_editions(seeded_engine):
    rows = fetch_rows(
        seeded_engine,
        select(
            Signup.status,
            Signup.attended,
            Signup.created_at,
            Signup.consent_at,
            Signup.photo_consent,
        ).where(Signup.event_id.in_((1, 2))),
    )
    assert all(row.consent_at == row.created_at for row in rows)
    assert not any(row.attended for row in rows if row.status != "registered")
    registered = [row for row in rows if row.status == "registered"]
    share = sum(row.attended for row in registered) / len(registered)
    assert 0.7 < share < 0.9
    photo = sum(row.photo_consent for row in rows) / len(rows)
    assert 0.5 < photo < 0.7


def test_upcoming_edition_has_an_open_campaign_and_no_attendance(seeded_engine):
    rows = fetch_rows(
        seeded_engine,
        select(Signup.created_at, Signup.attended).where(Signup.event_id == 3),
    )
    assert 20 < len(rows) < 520
    assert all(row.created_at.date() < TODAY for row in rows)
    assert not any(row.attended for row in rows)
