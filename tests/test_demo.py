"""The demo-data generator: sizes, consistency, determinism, traffic lights, safety."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import bcrypt
import pytest
from sqlalchemy import Engine, func, insert, select, text

from db.demo import (
    DEMO_PASSWORD,
    DEMO_USERS,
    DemoDataError,
    clear_all_data,
    database_is_empty,
    seed_demo,
)
from db.demo import text as vocab
from db.demo.milestones import plan_milestones
from db.demo.proposals import SOURCE_WEIGHTS, STATUS_WEIGHTS
from db.engine import make_engine
from db.migrate import upgrade
from db.models import (
    PARTICIPANT_CATEGORIES,
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    District,
    Event,
    EventSession,
    Milestone,
    Participant,
    Proposal,
    ProposalEvent,
    Signup,
    SignupSession,
    Subteam,
    SubteamMember,
    User,
    UserSubteam,
)
from tests.databases import temporary_postgres_database

TODAY = date(2026, 3, 16)
SEED = 2035


def _migrated_sqlite(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Iterator[tuple[Engine, dict[str, int]]]:
    """One scale-1 demo database shared by the read-only tests of this module."""
    engine = _migrated_sqlite(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    counts = seed_demo(engine, scale=1, seed=SEED, today=TODAY)
    yield engine, counts
    engine.dispose()


@pytest.fixture
def seeded_engine(seeded) -> Engine:
    return seeded[0]


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = _migrated_sqlite(tmp_path / "empty.sqlite")
    yield engine
    engine.dispose()


def _rows(engine: Engine, statement) -> list:
    with engine.connect() as connection:
        return list(connection.execute(statement))


def _count(engine: Engine, model) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


# --- sizes and shape ---------------------------------------------------------------


def test_weights_cover_every_status_and_source():
    assert set(STATUS_WEIGHTS) == set(PROPOSAL_STATUSES)
    assert set(SOURCE_WEIGHTS) == set(PROPOSAL_SOURCES)


def test_scale_one_meets_the_minimum_sizes(seeded):
    engine, counts = seeded
    assert counts["proposals"] == _count(engine, Proposal) >= 300
    assert counts["subteams"] == 4
    assert counts["districts"] == 13
    per_event = Counter(event_id for (event_id,) in _rows(engine, select(Signup.event_id)))
    assert sorted(per_event) == [1, 2, 3]
    assert per_event[1] >= 450 and per_event[2] >= 450
    members = _rows(engine, select(func.count(func.distinct(SubteamMember.participant_id))))
    assert 55 <= members[0][0] <= 65
    assert counts["users"] == len(DEMO_USERS)


def test_civil_society_team_and_its_subteams(seeded_engine):
    subteams = _rows(
        seeded_engine,
        select(Subteam.id, Subteam.team_id, Subteam.position, Subteam.name, Subteam.slug).order_by(
            Subteam.position
        ),
    )
    assert [(row.id, row.team_id, row.position) for row in subteams] == [
        (1, 1, 1),
        (2, 1, 2),
        (3, 1, 3),
        (4, 1, 4),
    ]
    assert [row.name for row in subteams] == [
        "Toruński model partycypacji",
        "Współdziałanie Prezydenta i Rady Miasta z Radami Okręgów",
        "Współpraca samorządu z organizacjami pozarządowymi",
        "Wdrożenie narzędzi Smart City",
    ]
    assert [row.slug for row in subteams] == [
        "model-partycypacji",
        "rady-okregow",
        "organizacje-pozarzadowe",
        "smart-city",
    ]
    numbers = [
        n for (n,) in _rows(seeded_engine, select(District.number).order_by(District.number))
    ]
    assert numbers == list(range(1, 14))


def test_each_subteam_has_one_lead_one_deputy_and_experts(seeded_engine):
    roles = defaultdict(Counter)
    for subteam_id, role in _rows(
        seeded_engine, select(SubteamMember.subteam_id, SubteamMember.role)
    ):
        roles[subteam_id][role] += 1
    for subteam_id in (1, 2, 3, 4):
        assert roles[subteam_id]["lead"] == 1
        assert roles[subteam_id]["deputy"] == 1
        assert roles[subteam_id]["expert"] >= 2
        assert roles[subteam_id]["member"] >= 5
    per_person = Counter(p for (p,) in _rows(seeded_engine, select(SubteamMember.participant_id)))
    assert set(per_person.values()) <= {1, 2}


def test_participants_cover_every_category_with_fictional_emails(seeded_engine):
    rows = _rows(
        seeded_engine, select(Participant.category, Participant.email, Participant.full_name)
    )
    assert {row.category for row in rows} == set(PARTICIPANT_CATEGORIES)
    emails = [row.email for row in rows if row.email]
    emails += [email for (email,) in _rows(seeded_engine, select(Signup.email))]
    assert all(email.endswith(("@example.org", "@example.com")) for email in emails)
    assert all(email.isascii() and email == email.lower() for email in emails)
    assert any(row.full_name.endswith("ska") for row in rows)
    names = {row.full_name for row in rows}
    names |= {name for (name,) in _rows(seeded_engine, select(Signup.full_name))}
    assert not names & vocab.FAMOUS_NAMES


def test_proposals_mix_statuses_sources_areas_and_districts(seeded_engine):
    rows = _rows(
        seeded_engine,
        select(
            Proposal.status,
            Proposal.source,
            Proposal.strategic_area,
            Proposal.district_id,
            Proposal.subteam_id,
            Proposal.author_participant_id,
            Proposal.created_at,
            Proposal.updated_at,
            Proposal.version,
        ),
    )
    statuses = Counter(row.status for row in rows)
    assert set(statuses) == set(PROPOSAL_STATUSES)
    assert 0.1 < statuses["submitted"] / len(rows) < 0.3
    assert {row.source for row in rows} == set(PROPOSAL_SOURCES)
    assert len({row.strategic_area for row in rows}) >= 8
    assert {row.subteam_id for row in rows} == {1, 2, 3, 4}
    assert any(row.district_id is None for row in rows)
    assert len({row.district_id for row in rows if row.district_id}) == 13
    assert any(row.author_participant_id for row in rows)
    assert any(row.author_participant_id is None for row in rows)
    start, end = datetime(2024, 9, 10), datetime.combine(TODAY, datetime.min.time())
    assert all(start <= row.created_at <= row.updated_at < end for row in rows)
    assert {row.version for row in rows} == {1}


def test_titles_vary_and_carry_polish_search_words(seeded_engine):
    titles = [t for (t,) in _rows(seeded_engine, select(Proposal.title))]
    assert len(set(titles)) > 150
    joined = " ".join(titles).lower()
    for word in (
        "rower",
        "zieleń",
        "młodzież",
        "senior",
        "konsultacje",
        "budżet obywatelski",
        "łąk",
        "ławk",
    ):
        assert word in joined, word
    descriptions = [d for (d,) in _rows(seeded_engine, select(Proposal.description))]
    assert all(2 <= d.count(". ") + 1 <= 4 for d in descriptions)


# --- proposal history --------------------------------------------------------------


def _history(engine: Engine) -> dict[int, list]:
    events = _rows(
        engine,
        select(ProposalEvent).order_by(
            ProposalEvent.proposal_id, ProposalEvent.at, ProposalEvent.id
        ),
    )
    by_proposal = defaultdict(list)
    for event in events:
        by_proposal[event.proposal_id].append(event)
    return by_proposal


def test_status_equals_last_event_and_times_never_go_back(seeded_engine):
    history = _history(seeded_engine)
    proposals = _rows(
        seeded_engine,
        select(Proposal.id, Proposal.status, Proposal.created_at, Proposal.updated_at),
    )
    assert len(history) == len(proposals)
    end = datetime.combine(TODAY, datetime.min.time())
    for proposal in proposals:
        events = history[proposal.id]
        first, last = events[0], events[-1]
        assert (first.from_status, first.to_status, first.at) == (
            None,
            "submitted",
            proposal.created_at,
        )
        assert last.to_status == proposal.status
        assert last.at == proposal.updated_at < end
        times = [event.at for event in events]
        assert times == sorted(times)
        assert all(event.actor for event in events)
        for earlier, later in zip(events, events[1:], strict=False):
            assert later.from_status == earlier.to_status


def test_workflow_order_is_respected(seeded_engine):
    allowed = {
        "submitted": {"in_review"},
        "in_review": {"consulted"},
        "consulted": {"accepted", "partially_accepted", "rejected", "merged"},
        "accepted": {"included"},
        "partially_accepted": {"included"},
    }
    for events in _history(seeded_engine).values():
        for event in events[1:]:
            assert event.to_status in allowed[event.from_status]


def test_merged_point_to_an_earlier_proposal_of_the_same_subteam(seeded_engine):
    proposals = {
        row.id: row
        for row in _rows(
            seeded_engine,
            select(Proposal.id, Proposal.subteam_id, Proposal.status, Proposal.merged_into_id),
        )
    }
    history = _history(seeded_engine)
    merged = [row for row in proposals.values() if row.status == "merged"]
    assert merged
    for row in merged:
        target = proposals[row.merged_into_id]
        assert target.id < row.id and target.subteam_id == row.subteam_id
        assert f"nr {target.id}" in history[row.id][-1].note
    for row in proposals.values():
        if row.status != "merged":
            assert row.merged_into_id is None
        if row.status in ("rejected", "merged"):
            assert history[row.id][-1].note


# --- Congress ----------------------------------------------------------------------


def test_signups_are_unique_and_workshops_within_capacity(seeded_engine):
    emails = _rows(seeded_engine, select(Signup.event_id, Signup.email))
    assert len(emails) == len(set(emails))
    registered = _rows(
        seeded_engine,
        select(EventSession.id, EventSession.capacity, func.count(Signup.id))
        .join(SignupSession, SignupSession.session_id == EventSession.id)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(Signup.status == "registered", EventSession.capacity.is_not(None))
        .group_by(EventSession.id, EventSession.capacity),
    )
    assert registered
    assert all(count <= capacity for _id, capacity, count in registered)
    statuses = Counter(s for (s,) in _rows(seeded_engine, select(Signup.status)))
    assert statuses["waitlisted"] > 0
    assert 0.01 < statuses["cancelled"] / sum(statuses.values()) < 0.08


def test_each_signup_picks_days_sensibly(seeded_engine):
    sessions = {
        row.id: row
        for row in _rows(
            seeded_engine, select(EventSession.id, EventSession.day, EventSession.kind)
        )
    }
    chosen = defaultdict(list)
    for signup_id, session_id in _rows(
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
    assert len(chosen) == _count(seeded_engine, Signup)
    total = sum(patterns.values())
    assert 0.2 < patterns[(1,)] / total < 0.4
    assert 0.15 < patterns[(2,)] / total < 0.35
    assert 0.35 < patterns[(1, 2)] / total < 0.55


def test_both_congress_editions(seeded_engine):
    events = _rows(
        seeded_engine,
        select(
            Event.edition,
            Event.name,
            Event.starts_on,
            Event.ends_on,
            Event.venue,
            Event.registration_open,
            Event.target_signups,
        ).order_by(Event.edition),
    )
    assert [tuple(row) for row in events] == [
        (
            2024,
            "I Toruński Kongres Dialogu",
            date(2024, 9, 10),
            date(2024, 9, 11),
            "Aula Uniwersytetu Mikołaja Kopernika",
            False,
            500,
        ),
        (
            2025,
            "II Toruński Kongres Dialogu",
            date(2025, 9, 29),
            date(2025, 9, 30),
            "CKK Jordanki",
            False,
            600,
        ),
        # The upcoming edition: the Monday after today + 30 days, registration open.
        (
            2026,
            "III Toruński Kongres Dialogu",
            date(2026, 4, 20),
            date(2026, 4, 21),
            "CKK Jordanki",
            True,
            650,
        ),
    ]
    workshops = _rows(
        seeded_engine, select(EventSession.capacity).where(EventSession.kind == "workshop")
    )
    assert all(40 <= capacity <= 80 for (capacity,) in workshops)


def test_every_subteam_has_a_workshop_in_each_edition(seeded_engine):
    rows = _rows(
        seeded_engine,
        select(EventSession.event_id, EventSession.subteam_id).where(
            EventSession.kind == "workshop"
        ),
    )
    for event_id in (1, 2, 3):
        assert {s for e, s in rows if e == event_id} >= {1, 2, 3, 4}


def test_attendance_and_consent_of_past_editions(seeded_engine):
    rows = _rows(
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


# --- milestones and traffic lights ---------------------------------------------------


def _milestone_lights(rows, today: date) -> dict[int, dict[str, list[int]]]:
    """Per subteam: days overdue of open milestones, days until open ones due within a week."""
    lights = defaultdict(lambda: {"overdue": [], "due_soon": []})
    for row in rows:
        if row["done_on"] is not None:
            assert row["done_on"] <= today
            continue
        days = (row["due_date"] - today).days
        if days < 0:
            lights[row["subteam_id"]]["overdue"].append(-days)
        elif days <= 7:
            lights[row["subteam_id"]]["due_soon"].append(days)
    return lights


def _assert_traffic_light_mix(rows, today: date) -> None:
    lights = _milestone_lights(rows, today)
    assert lights[1] == {"overdue": [], "due_soon": []}  # on track
    assert len(lights[2]["overdue"]) == 1 and 3 <= lights[2]["overdue"][0] <= 10  # at risk
    assert max(lights[3]["overdue"]) > 14  # late
    assert lights[4]["overdue"] == [] and len(lights[4]["due_soon"]) == 1  # at risk
    assert 3 <= lights[4]["due_soon"][0] <= 5
    per_subteam = Counter(row["subteam_id"] for row in rows)
    assert all(5 <= per_subteam[s] <= 8 for s in (1, 2, 3, 4))
    assert all(1 <= row["weight"] <= 3 for row in rows)
    assert any(row["done_on"] is None and row["due_date"] > today for row in rows)


def test_traffic_lights_in_the_seeded_database(seeded_engine):
    columns = (Milestone.subteam_id, Milestone.due_date, Milestone.done_on, Milestone.weight)
    rows = [row._asdict() for row in _rows(seeded_engine, select(*columns))]
    _assert_traffic_light_mix(rows, TODAY)


@pytest.mark.parametrize("seed", [1, 2035, 99])
@pytest.mark.parametrize(
    "today",
    [
        date(2025, 6, 1),
        date(2025, 12, 31),
        date(2026, 2, 28),
        date(2026, 11, 26),
        date(2028, 2, 29),
    ],
)
def test_traffic_light_mix_holds_on_any_date(today: date, seed: int):
    _assert_traffic_light_mix(plan_milestones(random.Random(seed), today), today)


# --- determinism -------------------------------------------------------------------


def _snapshot(engine: Engine) -> dict[str, list]:
    return {
        "proposals": _rows(engine, select(Proposal).order_by(Proposal.id)),
        "events": _rows(engine, select(ProposalEvent).order_by(ProposalEvent.id)),
        "signups": _rows(engine, select(Signup).order_by(Signup.id)),
        "signup_sessions": _rows(
            engine,
            select(SignupSession.signup_id, SignupSession.session_id).order_by(
                SignupSession.signup_id, SignupSession.session_id
            ),
        ),
        "members": _rows(engine, select(Participant).order_by(Participant.id)),
        "milestones": _rows(engine, select(Milestone).order_by(Milestone.id)),
    }


def _plain(snapshot: dict[str, list]) -> dict[str, list]:
    return {name: [tuple(row) for row in rows] for name, rows in snapshot.items()}


def test_same_seed_and_day_give_identical_data(tmp_path: Path, seeded_engine):
    again = _migrated_sqlite(tmp_path / "again.sqlite")
    seed_demo(again, scale=1, seed=SEED, today=TODAY)
    assert _plain(_snapshot(again)) == _plain(_snapshot(seeded_engine))
    again.dispose()


def test_another_seed_gives_other_data(tmp_path: Path, seeded_engine):
    other = _migrated_sqlite(tmp_path / "other.sqlite")
    seed_demo(other, scale=1, seed=SEED + 1, today=TODAY)
    titles = _rows(other, select(Proposal.title).order_by(Proposal.id))
    assert titles != _rows(seeded_engine, select(Proposal.title).order_by(Proposal.id))
    other.dispose()


# --- accounts ------------------------------------------------------------------------


def test_demo_users_can_sign_in_with_the_demo_password(seeded_engine):
    users = {user.username: user for user in _rows(seeded_engine, select(User))}
    assert {name: user.role for name, user in users.items()} == DEMO_USERS
    for user in users.values():
        assert bcrypt.checkpw(DEMO_PASSWORD.encode(), user.password_hash.encode())
        assert user.password_hash.startswith("$2b$12$")
        assert user.is_demo and not user.disabled and user.failed_logins == 0
        assert user.display_name
    assert users["lider"].subteam_id == 1
    bindings = _rows(seeded_engine, select(UserSubteam.user_id, UserSubteam.subteam_id))
    assert bindings == [(users["lider"].id, 1)]


# --- safety ------------------------------------------------------------------------------


def test_seeding_a_database_in_use_is_refused(empty_engine):
    seed_demo(empty_engine, today=TODAY)
    assert not database_is_empty(empty_engine)
    with pytest.raises(DemoDataError, match="nie jest pusta.*not empty"):
        seed_demo(empty_engine, today=TODAY)
    assert _count(empty_engine, Proposal) == 320  # nothing added twice


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
            assert counts["proposals"] == _count(engine, Proposal) >= 300
            assert _count(engine, Signup) >= 900
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


def test_upcoming_edition_has_an_open_campaign_and_no_attendance(seeded_engine):
    rows = _rows(
        seeded_engine,
        select(Signup.created_at, Signup.attended).where(Signup.event_id == 3),
    )
    assert 20 < len(rows) < 520
    assert all(row.created_at.date() < TODAY for row in rows)
    assert not any(row.attended for row in rows)
