"""Team queries for /zespol on a small hand-built team (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, insert

from dashboard.queries import team as tq
from dashboard.queries.scope import Scope
from db.engine import write_session
from db.models import Participant, Subteam, SubteamMember, ThematicTeam
from harness.apptest import ADMIN

# (id, name, category, organisation); person 1 sits in both subteams.
PEOPLE = [
    (1, "Anna Kowalska", "ngo", "Fundacja Wisła"),
    (2, "Jan Nowak", "city_office", "Wydział Rozwoju"),
    (3, "Ewa Lis", "district_council", "Rada Okręgu nr 3"),
    (4, "Piotr Wąs", "academia", "UMK"),
    (5, "Maria Sowa", "seniors_council", None),
    (6, "Olga Zięba", "ngo", "Fundacja Wisła"),
]
# (subteam, person, role)
MEMBERSHIPS = [
    (1, 1, "lead"),
    (1, 2, "member"),
    (1, 3, "expert"),
    (2, 1, "deputy"),
    (2, 4, "lead"),
    (2, 5, "member"),
    (3, 6, "lead"),
]


@pytest.fixture
def team(engine: Engine) -> Engine:
    with write_session(engine) as session:
        session.execute(
            insert(ThematicTeam),
            [
                {"id": 1, "name": "Zespół", "slug": "z", "description": ""},
                {"id": 2, "name": "Inny zespół", "slug": "inny", "description": ""},
            ],
        )
        session.execute(
            insert(Subteam),
            [
                {"id": 1, "team_id": 1, "name": "Partycypacja", "slug": "p", "position": 1},
                {"id": 2, "team_id": 1, "name": "Smart City", "slug": "s", "position": 2},
                {"id": 3, "team_id": 2, "name": "Zieleń", "slug": "g", "position": 3},
            ],
        )
        session.execute(
            insert(Participant),
            [
                {
                    "id": pid,
                    "full_name": name,
                    "email": f"osoba{pid}@example.org",
                    "organization": organisation,
                    "category": category,
                }
                for pid, name, category, organisation in PEOPLE
            ],
        )
        session.execute(
            insert(SubteamMember),
            [
                {"subteam_id": subteam, "participant_id": person, "role": role}
                for subteam, person, role in MEMBERSHIPS
            ],
        )
    return engine


def test_members_by_category_and_role(team: Engine) -> None:
    categories = tq.members_by_category(team, Scope.of(team_id=1))
    rows = zip(categories["subteam_id"], categories["category"], categories["count"], strict=True)
    assert set(rows) == {
        (1, "city_office", 1),
        (1, "district_council", 1),
        (1, "ngo", 1),
        (2, "academia", 1),
        (2, "ngo", 1),
        (2, "seniors_council", 1),
    }
    roles = tq.members_by_role(team, Scope.of(subteam_id=2))
    assert dict(zip(roles["role"], roles["count"], strict=True)) == {
        "deputy": 1,
        "lead": 1,
        "member": 1,
    }


def test_direct_voice_share_per_subteam_and_distinct_totals(team: Engine) -> None:
    shares = tq.direct_voice_share(team)
    by_subteam = {
        row.subteam_id: (row.members, row.direct_voice, row.share) for row in shares.itertuples()
    }
    # Subteam 1: NGO + district council of 3; subteam 2: NGO + seniors' council of 3.
    assert by_subteam[1] == (3, 2, pytest.approx(2 / 3))
    assert by_subteam[2] == (3, 2, pytest.approx(2 / 3))
    assert by_subteam[3] == (1, 1, pytest.approx(1.0))
    totals = tq.team_totals(team, Scope.of(team_id=1)).iloc[0]
    # Anna sits in both subteams of team 1 but is one person; Maria has no organisation.
    assert (totals["members"], totals["organisations"], totals["direct_voice"]) == (5, 4, 3)


def test_organisations_count_people_and_subteams(team: Engine) -> None:
    organisations = tq.organisations(team)
    rows = {row.organization: (row.members, row.subteams) for row in organisations.itertuples()}
    assert rows["Fundacja Wisła"] == (2, 3)
    assert rows["UMK"] == (1, 1)
    assert list(organisations["organization"])[0] == "Fundacja Wisła"  # largest first
    assert "" not in rows


def test_emails_leave_the_database_only_when_asked_for(team: Engine) -> None:
    without = tq.member_list(team, Scope.of(subteam_id=1))
    assert "email" not in without.columns
    assert not without.astype(str).apply(lambda c: c.str.contains("@")).any().any()
    # Lead first, then expert, then member.
    assert list(without["role"]) == ["lead", "expert", "member"]
    with_emails = tq.member_list(team, Scope.of(subteam_id=1), emails_for=ADMIN)
    assert list(with_emails["email"]) == [
        "osoba1@example.org",
        "osoba3@example.org",
        "osoba2@example.org",
    ]
