"""Small, explicit reference data for proposal tests (any database the ``engine`` fixture gives)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, insert

from db.engine import write_session
from db.models import District, Participant, Proposal, ProposalEvent, Subteam, ThematicTeam

CREATED = datetime(2025, 9, 30, 10, 0)


def seed_reference(engine: Engine) -> None:
    """One thematic team, two subteams (ids 1, 2), districts 1–3, two authors."""
    with write_session(engine) as session:
        session.execute(
            insert(ThematicTeam),
            [{"id": 1, "name": "Społeczeństwo obywatelskie", "slug": "spoleczenstwo"}],
        )
        session.execute(
            insert(Subteam),
            [
                {"id": 1, "team_id": 1, "name": "Partycypacja", "slug": "partycypacja"},
                {"id": 2, "team_id": 1, "name": "Smart City", "slug": "smart-city"},
            ],
        )
        session.execute(
            insert(District),
            [
                {"id": 1, "number": 1, "name": "Bydgoskie Przedmieście"},
                {"id": 2, "number": 2, "name": "Chełmińskie Przedmieście"},
                {"id": 3, "number": 3, "name": "Mokre"},
            ],
        )
        session.execute(
            insert(Participant),
            [
                {
                    "id": 1,
                    "full_name": "Anna Łęcka",
                    "email": "anna.lecka@example.com",
                    "category": "ngo",
                },
                {"id": 2, "full_name": "Jan Nowak", "email": None, "category": "resident"},
            ],
        )


def add_proposal(
    engine: Engine,
    title: str,
    description: str = "",
    *,
    subteam_id: int = 1,
    status: str = "submitted",
    source: str = "congress",
    district_id: int | None = None,
    author_id: int | None = None,
    strategic_area: str | None = None,
    created_at: datetime = CREATED,
) -> int:
    with write_session(engine) as session:
        proposal_id = session.execute(
            insert(Proposal)
            .values(
                subteam_id=subteam_id,
                title=title,
                description=description,
                status=status,
                source=source,
                district_id=district_id,
                author_participant_id=author_id,
                strategic_area=strategic_area,
                created_at=created_at,
                updated_at=created_at,
                version=1,
            )
            .returning(Proposal.id)
        ).scalar_one()
        session.execute(
            insert(ProposalEvent).values(
                proposal_id=proposal_id,
                at=created_at,
                actor="test",
                from_status=None,
                to_status=status,
                note="utworzona",
            )
        )
    return proposal_id
