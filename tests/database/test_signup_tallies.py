"""The sign-up tallies the database keeps equal a recount from the rows, whoever writes.

The recount here is Python over the raw rows, independent of ``db/tallies.py``'s SQL.
Writers: the panel's services (registration, cancellation with waitlist promotion,
capacity changes, check-in, anonymisation) and plain SQL on a second connection
(``sqlite3`` / ``psycopg``) — single and multi-row inserts, updates and deletes, a
session moved to the other day.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import psycopg
import pytest
from sqlalchemy import Engine, select, text

from dashboard.services import congress_admin, congress_seats, registration
from dashboard.services.registration import RegistrationForm
from db.engine import write_session
from db.migrate import downgrade, upgrade
from db.models import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    EventSession,
    SessionTally,
    Signup,
    SignupDayTally,
    SignupSession,
    SignupTally,
)
from db.tallies import TALLY_TABLES, installed_triggers, trigger_names
from harness.apptest import ADMIN
from tests.support.congress import build_congress

UPCOMING = date(2026, 6, 1)
TODAY = UPCOMING - timedelta(days=20)
AFTER_CONGRESS = date(2025, 10, 20)
BASE_URL = "http://localhost:8501"
STATUSES = ("registered", "waitlisted", "cancelled")


def recount(engine: Engine) -> dict[str, Counter]:
    """What the tallies must hold, counted in Python from the rows."""
    with engine.connect() as connection:
        signups = connection.execute(
            select(
                Signup.id,
                Signup.event_id,
                Signup.category,
                Signup.status,
                Signup.attended,
                Signup.district_id,
                Signup.age_group,
                Signup.created_at,
            )
        ).all()
        pairs = connection.execute(select(SignupSession.signup_id, SignupSession.session_id)).all()
        days = dict(connection.execute(select(EventSession.id, EventSession.day)).all())
    masks: dict[int, int] = defaultdict(int)
    for signup_id, session_id in pairs:
        masks[signup_id] |= days.get(session_id, 0)  # day 1 → bit 1, day 2 → bit 2
    by_id = {row.id: row for row in signups}
    counts = {table: Counter() for table in TALLY_TABLES}
    for row in signups:
        came, mask = int(bool(row.attended)), masks[row.id]
        counts["signup_tallies"][
            (
                row.event_id,
                row.category,
                row.status,
                came,
                row.district_id or 0,
                row.age_group or "",
                mask,
            )
        ] += 1
        counts["signup_day_tallies"][
            (row.event_id, row.created_at.date(), row.category, row.status, mask)
        ] += 1
    for signup_id, session_id in pairs:
        row = by_id.get(signup_id)
        if row is not None:
            key = (session_id, row.event_id, row.category, row.status, int(bool(row.attended)))
            counts["session_tallies"][key] += 1
    return counts


def kept(engine: Engine) -> dict[str, Counter]:
    """The tallies as stored (rows counted down to zero left out)."""
    tables = {
        "signup_tallies": SignupTally,
        "signup_day_tallies": SignupDayTally,
        "session_tallies": SessionTally,
    }
    counts = {}
    with engine.connect() as connection:
        for name, model in tables.items():
            keys = [column for column in model.__table__.columns if column.name != "signups"]
            rows = connection.execute(select(*keys, model.signups)).all()
            assert all(row[-1] >= 0 for row in rows), f"{name} went below zero"
            counts[name] = Counter({tuple(row[:-1]): row[-1] for row in rows if row[-1]})
    return counts


def assert_tallies_match(engine: Engine, step: str = "") -> None:
    expected, actual = recount(engine), kept(engine)
    for table in TALLY_TABLES:
        assert actual[table] == expected[table], f"{table} after {step}"


@contextmanager
def plain_connection(engine: Engine) -> Iterator:
    """A second connection that is not SQLAlchemy's, as another tool would open it."""
    if engine.dialect.name == "sqlite":
        connection = sqlite3.connect(engine.url.database)
    else:
        url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        connection = psycopg.connect(url)
    try:
        yield connection
        connection.commit()
    finally:
        connection.close()


def plain_sql(engine: Engine, statement: str, *values) -> None:
    if engine.dialect.name == "postgresql":
        statement = statement.replace("?", "%s")
    with plain_connection(engine) as connection:
        connection.cursor().execute(statement, values)


def _signup_ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(select(Signup.id).order_by(Signup.id)).scalars())


def _held(engine: Engine, signup_id: int) -> list[int]:
    statement = select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
    with engine.connect() as connection:
        return list(connection.execute(statement).scalars())


def _register(engine: Engine, rng: random.Random, ids: dict[str, int], n: int) -> None:
    day2 = rng.random() < 0.8
    form = RegistrationForm(
        edition=3,
        full_name=f"Mieszkanka Łęcka {n}",
        email=f"osoba{n}@example.org",
        district_number=rng.choice([None, 0, 1, 2, 3]),
        age_group=rng.choice(AGE_GROUPS),
        category=rng.choice(PARTICIPANT_CATEGORIES),
        day1=not day2 or rng.random() < 0.5,
        day2=day2,
        workshop_id=ids[rng.choice(["W_SMALL", "W_TEN", "W_BIG"])] if day2 else None,
        consent=True,
        waitlist_ok=rng.random() < 0.7,
    )
    registration.register(engine, form, today=TODAY, base_url=BASE_URL)


def _random_write(engine: Engine, rng: random.Random, ids: dict[str, int], n: int) -> str:
    signups = _signup_ids(engine)
    sessions = [ids[key] for key in ("P1", "WA", "WB", "P3", "W_SMALL", "W_TEN", "W_BIG")]
    someone = rng.choice(signups)
    action = rng.choice(
        [
            *["register"] * 6,
            "cancel",
            "capacity",
            "check_in",
            "raw_status",
            "raw_pair_insert",
            "raw_pairs_delete",
            "raw_pair_move",
            "raw_signup_insert",
            "raw_signup_delete",
            "raw_bulk_update",
            "raw_session_day",
        ]
    )
    if action == "register":
        _register(engine, rng, ids, n)
    elif action == "cancel":
        congress_seats.cancel_signup(engine, ADMIN, someone, BASE_URL)
    elif action == "capacity":
        workshop = ids[rng.choice(["W_SMALL", "W_TEN", "WA"])]
        capacity = rng.choice([None, 0, 1, 3, 20])
        congress_seats.set_capacity(engine, ADMIN, workshop, capacity, BASE_URL)
    elif action == "check_in":
        congress_admin.set_attended(engine, ADMIN, someone, rng.random() < 0.7)
    elif action == "raw_status":
        plain_sql(
            engine,
            "UPDATE signups SET status = ?, category = ? WHERE id = ?",
            rng.choice(STATUSES),
            rng.choice(PARTICIPANT_CATEGORIES),
            someone,
        )
    elif action == "raw_pair_insert":
        held = _held(engine, someone)
        free = [session for session in sessions if session not in held]
        if free:
            plain_sql(
                engine,
                "INSERT INTO signup_sessions (signup_id, session_id) VALUES (?, ?)",
                someone,
                rng.choice(free),
            )
    elif action == "raw_pairs_delete":
        plain_sql(engine, "DELETE FROM signup_sessions WHERE signup_id = ?", someone)
    elif action == "raw_pair_move":
        held = _held(engine, someone)
        free = [session for session in sessions if session not in held]
        if held and free:
            plain_sql(
                engine,
                "UPDATE signup_sessions SET session_id = ? WHERE signup_id = ? AND session_id = ?",
                rng.choice(free),
                someone,
                held[0],
            )
    elif action == "raw_signup_insert":
        _raw_signup_insert(engine, rng, ids, n)
    elif action == "raw_signup_delete":
        plain_sql(engine, "DELETE FROM signup_sessions WHERE signup_id = ?", someone)
        plain_sql(engine, "DELETE FROM signup_links WHERE signup_id = ?", someone)
        plain_sql(engine, "DELETE FROM signups WHERE id = ?", someone)
    elif action == "raw_bulk_update":
        # Many rows in one statement: on PostgreSQL one trigger call with many rows.
        plain_sql(
            engine,
            "UPDATE signups SET status = CASE WHEN status = 'waitlisted' THEN 'registered'"
            " ELSE status END, attended = NOT attended WHERE id - (id / 3) * 3 = ?",
            rng.randrange(3),
        )
    elif action == "raw_session_day":
        plain_sql(engine, "UPDATE event_sessions SET day = 3 - day WHERE id = ?", ids["P3"])
    return action


def _raw_signup_insert(engine: Engine, rng: random.Random, ids: dict[str, int], n: int) -> None:
    created = f"2026-05-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:15:00"
    with plain_connection(engine) as connection:
        mark = "?" if engine.dialect.name == "sqlite" else "%s"
        cursor = connection.cursor()
        cursor.execute(
            "INSERT INTO signups (event_id, full_name, email, district_id, age_group, category,"  # noqa: S608 -- placeholders only
            " status, created_at, photo_consent, attended)"
            f" VALUES ({', '.join([mark] * 10)}) RETURNING id",
            (
                ids["event3"],
                "Wpisana Ręcznie",
                f"reczna{n}@example.org",
                rng.choice([None, ids["d1"], ids["d2"]]),
                rng.choice([None, *AGE_GROUPS]),
                rng.choice(PARTICIPANT_CATEGORIES),
                rng.choice(STATUSES),
                created,
                False,
                rng.random() < 0.3,
            ),
        )
        signup_id = cursor.fetchone()[0]
        chosen = rng.sample([ids["P3"], ids["W_TEN"], ids["W_BIG"]], rng.randint(0, 2))
        # Several pairs in one statement.
        if chosen:
            cursor.execute(
                "INSERT INTO signup_sessions (signup_id, session_id) VALUES "  # noqa: S608 -- placeholders only
                + ", ".join(f"({mark}, {mark})" for _ in chosen),
                [value for session in chosen for value in (signup_id, session)],
            )


def test_the_migration_fills_the_tallies_from_existing_rows(engine: Engine):
    build_congress(engine, upcoming_start=UPCOMING)
    with write_session(engine) as session:
        for table in TALLY_TABLES:
            session.execute(text(f"DELETE FROM {table}"))  # noqa: S608 -- constant names
    assert sum(kept(engine)["signup_tallies"].values()) == 0
    downgrade(engine, "0010")
    upgrade(engine)
    assert sum(kept(engine)["signup_tallies"].values()) == 11
    assert_tallies_match(engine, "the upgrade")


def test_tallies_equal_a_recount_after_a_random_mix_of_writes(engine: Engine):
    ids = build_congress(engine, upcoming_start=UPCOMING)
    assert_tallies_match(engine, "the fixture")
    rng = random.Random(2035)
    actions = Counter()
    for n in range(120):
        action = _random_write(engine, rng, ids, n)
        actions[action] += 1
        assert_tallies_match(engine, f"write {n}: {action}")
    congress_admin.anonymise_edition(engine, ADMIN, 2, today=AFTER_CONGRESS)
    assert_tallies_match(engine, "anonymising edition 2")
    assert len(actions) == 12, actions  # every kind of write happened
    assert sum(kept(engine)["signup_tallies"].values()) > 30


def test_a_rolled_back_write_leaves_the_tallies_alone(engine: Engine):
    ids = build_congress(engine, upcoming_start=UPCOMING)
    before = kept(engine)
    with pytest.raises(RuntimeError), write_session(engine) as session:
        session.execute(text("UPDATE signups SET status = 'cancelled'"))
        session.execute(
            text("DELETE FROM signup_sessions WHERE session_id = :id"), {"id": ids["WA"]}
        )
        raise RuntimeError("given up")
    assert kept(engine) == before


def test_lost_triggers_come_back_with_the_next_upgrade(sqlite_engine: Engine):
    """SQLite batch mode rebuilds a table without its triggers; the migration
    environment installs them again and recounts."""
    engine = sqlite_engine
    ids = build_congress(engine, upcoming_start=UPCOMING)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER tally_signups_update")
    plain_sql(engine, "UPDATE signups SET status = 'cancelled' WHERE id = ?", ids["s1"])
    assert kept(engine) != recount(engine)
    upgrade(engine)
    with engine.connect() as connection:
        assert installed_triggers(connection) == trigger_names("sqlite")
    assert_tallies_match(engine, "the upgrade")
    plain_sql(engine, "UPDATE signups SET status = 'registered' WHERE id = ?", ids["s1"])
    assert_tallies_match(engine, "a write after the upgrade")


def test_downgrade_removes_tallies_and_triggers(engine: Engine):
    build_congress(engine, upcoming_start=UPCOMING)
    downgrade(engine, "0010")
    try:
        with engine.connect() as connection:
            assert installed_triggers(connection) == set()
            names = set(
                connection.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                        if engine.dialect.name == "sqlite"
                        else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    )
                ).scalars()
            )
        assert not names & set(TALLY_TABLES)
        plain_sql(engine, "UPDATE signups SET status = 'cancelled'")  # no trigger left to fail
    finally:
        upgrade(engine)
    assert_tallies_match(engine, "downgrade and upgrade")
