"""Test data for /wyniki: reference data, two Congress editions, proposals moved through
the real review and publication services, and an author with a unique name that must
never appear anywhere public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, insert, update

from dashboard.services.proposals import change_status
from dashboard.services.publication import set_description_public, withdraw_from_public
from db.engine import write_session
from db.models import Event, Participant, Proposal
from harness.apptest import ADMIN
from tests.support.proposals import add_proposal, seed_reference

SECRET_AUTHOR = "Eugeniusz Zzyzx-Tajemniczy"
SECRET_EMAIL = "eugeniusz.zzyzx@example.org"
PRIVATE_WORD = "kwiatoniebieskiewicz"
PUBLIC_WORD = "fontannowo"


@dataclass(frozen=True)
class PublicData:
    accepted: int  # okręg 1, edition 2024, description public, answered
    rejected: int  # okręg 1, edition 2025
    in_review: int  # okręg 2, edition 2025, private description with PRIVATE_WORD
    withdrawn: int  # withdrawn from the public list
    formula: int  # a title a spreadsheet would run


def add_editions(engine: Engine) -> None:
    with write_session(engine) as session:
        session.execute(
            insert(Event),
            [
                {
                    "name": "Toruński Kongres Dialogu 2024",
                    "edition": 2024,
                    "starts_on": date(2024, 9, 10),
                    "ends_on": date(2024, 9, 11),
                },
                {
                    "name": "Toruński Kongres Dialogu 2025",
                    "edition": 2025,
                    "starts_on": date(2025, 9, 29),
                    "ends_on": date(2025, 9, 30),
                },
            ],
        )


def set_public_answer(engine: Engine, proposal_id: int, answer: str) -> None:
    # The answer is written by the staff queue (another area); here directly.
    with write_session(engine) as session:
        session.execute(
            update(Proposal).where(Proposal.id == proposal_id).values(public_answer=answer)
        )


def seed_public(engine: Engine) -> PublicData:
    seed_reference(engine)
    add_editions(engine)
    with write_session(engine) as session:
        session.execute(
            insert(Participant).values(
                id=3, full_name=SECRET_AUTHOR, email=SECRET_EMAIL, category="resident"
            )
        )
    in_2024 = datetime(2024, 9, 10, 11, 0)
    in_2025 = datetime(2025, 9, 30, 12, 0)
    accepted = add_proposal(
        engine,
        f"Ławki i {PUBLIC_WORD} na Rynku",
        "Opis do publikacji: więcej ławek.",
        district_id=1,
        author_id=3,
        created_at=in_2024,
    )
    for status in ("in_review", "accepted"):
        change_status(engine, ADMIN, accepted, status, None, _version(engine, accepted))
    set_description_public(engine, ADMIN, accepted, True)
    set_public_answer(engine, accepted, "Ławki staną wiosną 2026.")
    rejected = add_proposal(
        engine, "Parking w parku", "Zabetonować park.", district_id=1, author_id=3,
        created_at=in_2025, source="workshop",
    )  # fmt: skip
    change_status(engine, ADMIN, rejected, "rejected", "Sprzeczne z planem.", 1)
    in_review = add_proposal(
        engine,
        "Rower miejski na Mokrem",
        f"Kontakt: {SECRET_AUTHOR}, {SECRET_EMAIL}, słowo {PRIVATE_WORD}.",
        district_id=2,
        author_id=3,
        created_at=in_2025,
        subteam_id=2,
    )
    change_status(engine, ADMIN, in_review, "in_review", None, 1)
    withdrawn = add_proposal(engine, "Wycofana propozycja", created_at=in_2025, author_id=3)
    withdraw_from_public(engine, ADMIN, withdrawn, "Dane osobowe w tytule.")
    formula = add_proposal(engine, '=HYPERLINK("http://x")', created_at=in_2025)
    return PublicData(accepted, rejected, in_review, withdrawn, formula)


def _version(engine: Engine, proposal_id: int) -> int:
    with engine.connect() as connection:
        return connection.execute(
            Proposal.__table__.select()
            .with_only_columns(Proposal.version)
            .where(Proposal.id == proposal_id)
        ).scalar_one()


def add_secret_author_proposal(engine: Engine) -> str:
    """In any database (e.g. the demo one): a proposal by SECRET_AUTHOR whose unpublished
    description names them; returns its (public) title."""
    title = f"Fontanna {PUBLIC_WORD} przy Bulwarze"
    with write_session(engine) as session:
        author_id = session.execute(
            insert(Participant)
            .values(full_name=SECRET_AUTHOR, email=SECRET_EMAIL, category="resident")
            .returning(Participant.id)
        ).scalar_one()
    proposal_id = add_proposal(
        engine,
        title,
        f"Zgłaszający: {SECRET_AUTHOR} ({SECRET_EMAIL}), {PRIVATE_WORD}.",
        author_id=author_id,
        created_at=datetime(2025, 9, 30, 12, 0),
    )
    set_public_answer(engine, proposal_id, "Sprawdzimy to w 2026 roku.")
    return title
