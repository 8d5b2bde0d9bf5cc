"""The demo data's teams and people: subteams, districts, members, participants, accounts."""

from __future__ import annotations

from collections import Counter, defaultdict

import bcrypt
from sqlalchemy import select

from db.demo import DEMO_PASSWORD, DEMO_USERS
from db.demo import text as vocab
from db.models import (
    PARTICIPANT_CATEGORIES,
    District,
    Participant,
    Signup,
    Subteam,
    SubteamMember,
    User,
    UserSubteam,
)
from tests.database.test_demo import fetch_rows, shared_seeded_engine

seeded_engine = shared_seeded_engine()


def test_civil_society_team_and_its_subteams(seeded_engine):
    subteams = fetch_rows(
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
        n for (n,) in fetch_rows(seeded_engine, select(District.number).order_by(District.number))
    ]
    assert numbers == list(range(1, 14))


def test_each_subteam_has_one_lead_one_deputy_and_experts(seeded_engine):
    roles = defaultdict(Counter)
    for subteam_id, role in fetch_rows(
        seeded_engine, select(SubteamMember.subteam_id, SubteamMember.role)
    ):
        roles[subteam_id][role] += 1
    for subteam_id in (1, 2, 3, 4):
        assert roles[subteam_id]["lead"] == 1
        assert roles[subteam_id]["deputy"] == 1
        assert roles[subteam_id]["expert"] >= 2
        assert roles[subteam_id]["member"] >= 5
    per_person = Counter(
        p for (p,) in fetch_rows(seeded_engine, select(SubteamMember.participant_id))
    )
    assert set(per_person.values()) <= {1, 2}


def test_participants_cover_every_category_with_fictional_emails(seeded_engine):
    rows = fetch_rows(
        seeded_engine, select(Participant.category, Participant.email, Participant.full_name)
    )
    assert {row.category for row in rows} == set(PARTICIPANT_CATEGORIES)
    emails = [row.email for row in rows if row.email]
    emails += [email for (email,) in fetch_rows(seeded_engine, select(Signup.email))]
    assert all(email.endswith(("@example.org", "@example.com")) for email in emails)
    assert all(email.isascii() and email == email.lower() for email in emails)
    assert any(row.full_name.endswith("ska") for row in rows)
    names = {row.full_name for row in rows}
    names |= {name for (name,) in fetch_rows(seeded_engine, select(Signup.full_name))}
    assert not names & vocab.FAMOUS_NAMES


def test_demo_users_can_sign_in_with_the_demo_password(seeded_engine):
    users = {user.username: user for user in fetch_rows(seeded_engine, select(User))}
    assert {name: user.role for name, user in users.items()} == DEMO_USERS
    for user in users.values():
        assert bcrypt.checkpw(DEMO_PASSWORD.encode(), user.password_hash.encode())
        assert user.password_hash.startswith("$2b$12$")
        assert user.is_demo and not user.disabled and user.failed_logins == 0
        assert user.display_name
    assert users["lider"].subteam_id == 1
    bindings = fetch_rows(seeded_engine, select(UserSubteam.user_id, UserSubteam.subteam_id))
    assert bindings == [(users["lider"].id, 1)]
