"""The demo-data generator: sizes, determinism, safety, PostgreSQL; and the helpers
the other ``test_demo_*`` modules share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select, text

from db.demo import DEMO_USERS, DemoDataError, clear_all_data, database_is_empty, seed_demo
from db.demo.proposals import SOURCE_WEIGHTS, STATUS_WEIGHTS
from db.engine import make_engine
from db.migrate import upgrade
from db.models import (
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    District,
    Milestone,
    Participant,
    Proposal,
    ProposalEvent,
    Signup,
    SignupSession,
    SubteamMember,
)
from harness.databases import temporary_postgres_database
from tests.conftest import DEMO_TODAY

# As the session's demo database (``demo_path``), which the other modules read.
TODAY = DEMO_TODAY
SEED = 2035


def migrated_sqlite(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine


def shared_seeded_engine():
    """A module's ``seeded_engine`` fixture: the session's demo database (``demo_path``,
    seeded like ``seeded`` below), for read-only tests."""

    @pytest.fixture(scope="module", name="seeded_engine")
    def fixture(demo_path: Path) -> Iterator[Engine]:
        engine = make_engine(f"sqlite:///{demo_path}")
        yield engine
        engine.dispose()

    return fixture


def fetch_rows(engine: Engine, statement) -> list:
    with engine.connect() as connection:
        return list(connection.execute(statement))


def count_rows(engine: Engine, model) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Iterator[tuple[Engine, dict[str, int]]]:
    """One scale-1 demo database shared by the read-only tests of this module."""
    engine = migrated_sqlite(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    counts = seed_demo(engine, scale=1, seed=SEED, today=TODAY)
    yield engine, counts
    engine.dispose()


@pytest.fixture
def seeded_engine(seeded) -> Engine:
    return seeded[0]


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = migrated_sqlite(tmp_path / "empty.sqlite")
    yield engine
    engine.dispose()


# --- sizes and shape ---------------------------------------------------------------


def test_weights_cover_every_status_and_source():
    assert set(STATUS_WEIGHTS) == set(PROPOSAL_STATUSES)
    assert set(SOURCE_WEIGHTS) == set(PROPOSAL_SOURCES)


def test_scale_one_meets_the_minimum_sizes(seeded):
    engine, counts = seeded
    assert counts["proposals"] == count_rows(engine, Proposal) >= 300
    assert counts["subteams"] == 4
    assert counts["districts"] == 13
    per_event = Counter(event_id for (event_id,) in fetch_rows(engine, select(Signup.event_id)))
    assert sorted(per_event) == [1, 2, 3]
    assert per_event[1] >= 450 and per_event[2] >= 450
    members = fetch_rows(engine, select(func.count(func.distinct(SubteamMember.participant_id))))
    assert 55 <= members[0][0] <= 65
    assert counts["users"] == len(DEMO_USERS)


# --- determinism -------------------------------------------------------------------


def _snapshot(engine: Engine) -> dict[str, list]:
    return {
        "proposals": fetch_rows(engine, select(Proposal).order_by(Proposal.id)),
        "events": fetch_rows(engine, select(ProposalEvent).order_by(ProposalEvent.id)),
        "signups": fetch_rows(engine, select(Signup).order_by(Signup.id)),
        "signup_sessions": fetch_rows(
            engine,
            select(SignupSession.signup_id, SignupSession.session_id).order_by(
                SignupSession.signup_id, SignupSession.session_id
            ),
        ),
        "members": fetch_rows(engine, select(Participant).order_by(Participant.id)),
        "milestones": fetch_rows(engine, select(Milestone).order_by(Milestone.id)),
    }


def _plain(snapshot: dict[str, list]) -> dict[str, list]:
    return {name: [tuple(row) for row in rows] for name, rows in snapshot.items()}


def test_same_seed_and_day_give_identical_data(tmp_path: Path, seeded_engine):
    again = migrated_sqlite(tmp_path / "again.sqlite")
    seed_demo(again, scale=1, seed=SEED, today=TODAY)
    assert _plain(_snapshot(again)) == _plain(_snapshot(seeded_engine))
    again.dispose()


def test_another_seed_gives_other_data(tmp_path: Path, seeded_engine):
    other = migrated_sqlite(tmp_path / "other.sqlite")
    seed_demo(other, scale=1, seed=SEED + 1, today=TODAY)
    titles = fetch_rows(other, select(Proposal.title).order_by(Proposal.id))
    assert titles != fetch_rows(seeded_engine, select(Proposal.title).order_by(Proposal.id))
    other.dispose()


# --- safety ------------------------------------------------------------------------------


def test_seeding_a_database_in_use_is_refused(empty_engine):
    seed_demo(empty_engine, today=TODAY)
    assert not database_is_empty(empty_engine)
    with pytest.raises(DemoDataError, match="nie jest pusta.*not empty"):
        seed_demo(empty_engine, today=TODAY)
    assert count_rows(empty_engine, Proposal) == 320  # nothing added twice


def test_clear_all_data_empties_but_keeps_versions(empty_engine):
    assert database_is_empty(empty_engine)
    seed_demo(empty_engine, today=TODAY)
    deleted = clear_all_data(empty_engine)
    assert deleted["proposals"] == 320 and deleted["signups"] > 900
    assert database_is_empty(empty_engine)
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM data_version")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        for table in ("participants", "proposal_events", "signup_sessions", "user_subteams"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0  # noqa: S608
    assert seed_demo(empty_engine, today=TODAY)["proposals"] == 320


def test_a_database_without_schema_is_refused(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'bare.sqlite'}")
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE data_version (id INTEGER PRIMARY KEY, version INTEGER)")
        )
        connection.execute(text("INSERT INTO data_version VALUES (1, 0)"))
    with pytest.raises(DemoDataError, match="migra"):
        seed_demo(engine, today=TODAY)
    engine.dispose()


def test_scale_multiplies_volumes(empty_engine):
    counts = seed_demo(empty_engine, scale=2, today=TODAY)
    assert counts["proposals"] == 640
    assert counts["signups"] >= 1800
    assert counts["subteam_members"] < 90  # the subteams themselves do not grow


# --- PostgreSQL --------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_seed_sizes_and_sequences():
    with temporary_postgres_database() as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            counts = seed_demo(engine, scale=1, seed=SEED, today=TODAY)
            assert counts["proposals"] == count_rows(engine, Proposal) >= 300
            assert count_rows(engine, Signup) >= 900
            _assert_sequences_continue_after_explicit_ids(engine)
            clear_all_data(engine)
            assert database_is_empty(engine)
        finally:
            engine.dispose()


def _assert_sequences_continue_after_explicit_ids(engine: Engine) -> None:
    with engine.begin() as connection:
        new_id = connection.execute(
            insert(District).values(number=99, name="Próba").returning(District.id)
        ).scalar_one()
        assert new_id == 14
        now = datetime.combine(TODAY, datetime.min.time()) - timedelta(hours=1)
        proposal_id = connection.execute(
            insert(Proposal)
            .values(subteam_id=1, title="Próba", status="submitted", source="email")
            .values(created_at=now, updated_at=now)
            .returning(Proposal.id)
        ).scalar_one()
        assert proposal_id == 321
