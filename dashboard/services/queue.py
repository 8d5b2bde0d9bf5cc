"""A lead's queue: who handles a proposal (``assignee_id``, a user of its subteam), by
when its author gets an answer (``response_due``), and the answer itself
(``public_answer``, shown to residents).

Every change runs in one ``write_session`` transaction, checks the Actor against each
proposal's subteam and the version the person was looking at, bumps ``version`` and
writes a ``proposal_events`` row (the audit trail). Assigning several proposals is all
or nothing: one refused row refuses them all, naming each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from dashboard.core.errors import InvalidInput, PanelError
from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor
from dashboard.services.proposals import (
    BulkChangeRefused,
    ReviewError,
    bump_version,
    load_for_change,
    write_event,
)
from db.engine import now, write_session
from db.models import User, UserSubteam

MAX_ANSWER = 4000


class InvalidAssignment(ReviewError, InvalidInput):
    pass


def assign(
    engine: Engine,
    actor: Actor,
    selection: Sequence[tuple[int, int]],
    assignee_id: int | None,
    response_due: date | None,
) -> int:
    """Give every (proposal id, loaded version) in ``selection`` the assignee and the
    response due date (``None`` clears them) — all or nothing; returns how many changed."""
    chosen = list(dict(selection).items())  # each proposal once
    if not chosen:
        raise ReviewError("proposals.error.empty_selection")
    if response_due is not None and response_due < now().date():
        raise InvalidAssignment("queue.error.due_past", date=format_date(response_due))
    with write_session(engine) as session:
        reasons: list[tuple[int, PanelError]] = []
        for proposal_id, version in chosen:
            try:
                current = load_for_change(session, actor, proposal_id, version)
                _check_assignee(session, assignee_id, current["subteam_id"])
            except PanelError as error:
                reasons.append((proposal_id, error))
        if reasons:
            raise BulkChangeRefused(reasons)
        note = _assignment_note(session, assignee_id, response_due)
        for proposal_id, version in chosen:
            values = {"assignee_id": assignee_id, "response_due": response_due}
            bump_version(session, proposal_id, version, values)
            write_event(session, actor, proposal_id, None, None, note)
    return len(chosen)


def answer(
    engine: Engine, actor: Actor, proposal_id: int, expected_version: int, text: str | None
) -> int:
    """Store the public answer to the author (empty text removes it); returns the version."""
    cleaned = (text or "").strip() or None
    if cleaned is not None and len(cleaned) > MAX_ANSWER:
        raise InvalidAssignment("proposals.error.too_long", field="odpowiedź", limit=MAX_ANSWER)
    with write_session(engine) as session:
        load_for_change(session, actor, proposal_id, expected_version)
        version = bump_version(session, proposal_id, expected_version, {"public_answer": cleaned})
        note = "Odpowiedź dla autora: " + (cleaned or "usunięta")
        write_event(session, actor, proposal_id, None, None, note[:2000])
    return version


def subteam_user_ids(session: Session, subteam_id: int) -> set[int]:
    """Enabled accounts of a subteam (``users.subteam_id`` or ``user_subteams``)."""
    bound = select(UserSubteam.user_id).where(UserSubteam.subteam_id == subteam_id)
    rows = session.execute(
        select(User.id).where(
            User.disabled.is_(False), or_(User.subteam_id == subteam_id, User.id.in_(bound))
        )
    ).scalars()
    return set(rows)


def _check_assignee(session: Session, assignee_id: int | None, subteam_id: int) -> None:
    if assignee_id is not None and assignee_id not in subteam_user_ids(session, subteam_id):
        raise InvalidAssignment("queue.error.assignee", user_id=assignee_id)


def _assignment_note(session: Session, assignee_id: int | None, due: date | None) -> str:
    name = None
    if assignee_id is not None:
        name = session.execute(
            select(User.display_name).where(User.id == assignee_id)
        ).scalar_one_or_none()
    who = name or "nikt"
    when = format_date(due) if due else "brak"
    return f"Przypisanie: {who}; termin odpowiedzi: {when}"
