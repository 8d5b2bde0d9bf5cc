"""A small Congress with known numbers: two past editions and an optional upcoming one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, delete, insert

from db.engine import make_engine, write_session
from db.migrate import upgrade
from db.models import (
    AuditLog,
    District,
    Event,
    EventSession,
    OutboxMessage,
    Signup,
    SignupLink,
    SignupSession,
)
from harness.databases import temporary_database


def _at(day: str, hour: int = 10, minute: int = 30) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute)


PAST = {"start": date(2025, 9, 29), "end": date(2025, 9, 30)}


OLDER = {"start": date(2024, 9, 10), "end": date(2024, 9, 11)}


# (key, district number, age, category, status, sessions, created, attended)
EDITION_2_SIGNUPS = (
    ("s1", 1, "25-34", "resident", "registered", ("P1", "WA"), _at("2025-09-20"), True),
    ("s2", 1, "35-44", "ngo", "registered", ("P1",), _at("2025-09-20", 23, 50), True),
    ("s3", 2, "25-34", "resident", "registered", ("WA",), _at("2025-09-22"), False),
    ("s4", None, "65+", "seniors_council", "registered", ("WA",), _at("2025-09-22", 0, 5), True),
    ("s5", 3, "18-24", "resident", "registered", ("WB",), _at("2025-09-25"), True),
    ("s6", 2, "45-54", "ngo", "registered", ("P1", "WB"), _at("2025-09-25"), False),
    ("s7", 1, "25-34", "resident", "waitlisted", ("WB",), _at("2025-09-26"), False),
    ("s8", 3, "35-44", "academia", "cancelled", ("P1", "WA"), _at("2025-09-21"), False),
)


EDITION_1_SIGNUPS = (
    ("e1", 1, "25-34", "resident", "registered", ("P0", "WC"), _at("2024-09-08"), True),
    ("e2", 2, "55-64", "ngo", "registered", ("WC",), _at("2024-09-03"), False),
    ("e3", 1, "25-34", "resident", "cancelled", ("WC",), _at("2024-09-05"), False),
)


def build_congress(engine: Engine, upcoming_start: date | None = None) -> dict[str, int]:
    """Three districts, editions 1 and 2 (both over) and optionally an upcoming edition 3.

    Returns the ids of sessions and sign-ups by their short names (P1, WA, s1, ...).
    """
    ids: dict[str, int] = {}
    with write_session(engine) as session:
        for number, name in ((1, "Bydgoskie Przedmieście"), (2, "Chełmińskie"), (3, "Mokre")):
            ids[f"d{number}"] = session.execute(
                insert(District).values(number=number, name=name).returning(District.id)
            ).scalar_one()
        editions = [
            (1, "I Kongres", OLDER, 5, (("P0", 1, "panel", None), ("WC", 2, "workshop", 5))),
            (
                2,
                "II Kongres",
                PAST,
                10,
                (("P1", 1, "panel", None), ("WA", 2, "workshop", 4), ("WB", 2, "workshop", 2)),
            ),
        ]
        if upcoming_start is not None:
            upcoming = {"start": upcoming_start, "end": upcoming_start + timedelta(days=1)}
            sessions = (
                ("P3", 1, "panel", None),
                ("W_SMALL", 2, "workshop", 2),
                ("W_TEN", 2, "workshop", 10),
                ("W_BIG", 2, "workshop", 100),
            )
            editions.append((3, "III Kongres", upcoming, 600, sessions))
        for edition, name, days, target, sessions in editions:
            event_id = session.execute(
                insert(Event)
                .values(
                    name=name,
                    edition=edition,
                    starts_on=days["start"],
                    ends_on=days["end"],
                    venue="CKK Jordanki",
                    hours="9:00–16:00",
                    contact="dialog@torun.example",
                    dpo_contact="iod@torun.example",
                    registration_open=True,
                    target_signups=target,
                )
                .returning(Event.id)
            ).scalar_one()
            ids[f"event{edition}"] = event_id
            for key, day, kind, capacity in sessions:
                ids[key] = session.execute(
                    insert(EventSession)
                    .values(
                        event_id=event_id,
                        day=day,
                        kind=kind,
                        title=f"Sesja {key}",
                        capacity=capacity,
                    )
                    .returning(EventSession.id)
                ).scalar_one()
        for event_key, rows in (("event2", EDITION_2_SIGNUPS), ("event1", EDITION_1_SIGNUPS)):
            for key, district, age, category, status, sessions, created, attended in rows:
                signup_id = session.execute(
                    insert(Signup)
                    .values(
                        event_id=ids[event_key],
                        full_name=f"Osoba {key.upper()}",
                        email=f"{key}@example.org",
                        district_id=ids[f"d{district}"] if district else None,
                        age_group=age,
                        category=category,
                        status=status,
                        created_at=created,
                        consent_at=created,
                        attended=attended,
                    )
                    .returning(Signup.id)
                ).scalar_one()
                ids[key] = signup_id
                session.execute(
                    insert(SignupSession),
                    [{"signup_id": signup_id, "session_id": ids[s]} for s in sessions],
                )
    return ids


def clear_congress(engine: Engine) -> None:
    """Empty the tables the Congress fixture fills, so one database serves many tests."""
    with write_session(engine) as session:
        tables = (OutboxMessage, SignupLink, SignupSession, Signup, EventSession, Event)
        for table in (*tables, District, AuditLog):
            session.execute(delete(table))


@contextmanager
def migrated_database(kind: str, folder: Path) -> Iterator[Engine]:
    """A real, migrated SQLite file or PostgreSQL database for a whole test module.

    Creating a PostgreSQL database takes seconds; tests reuse one and call
    ``clear_congress`` instead.
    """
    with temporary_database(kind, folder) as url:
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()
