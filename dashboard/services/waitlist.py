"""Waitlist promotion: a freed seat goes to the first person waiting for it.

Called inside the transaction that frees the seat (a cancellation, a change of workshop,
an admin's change), so the seat is never seen free by anyone else: on SQLite the write
transaction holds the database's write lock from BEGIN; on PostgreSQL ``lock_sessions``
locks the limited sessions' rows ``FOR UPDATE`` in id order (the order registration uses
too, so no two writers deadlock) before seats are counted.

"Who agreed to wait" is every ``waitlisted`` sign-up: the form stores that status only
after the person said yes to the waitlist. First means the earliest ``created_at``
(then the lowest id).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dashboard.services import resident_mail
from db.engine import now
from db.models import EventSession, Signup, SignupSession


def lock_sessions(session: Session, session_ids: Iterable[int]) -> dict[int, int]:
    """Lock the limited sessions among ``session_ids``; their capacities by id."""
    rows = session.execute(
        select(EventSession.id, EventSession.capacity)
        .where(EventSession.id.in_(sorted(set(session_ids))), EventSession.capacity.is_not(None))
        .order_by(EventSession.id)
        .with_for_update()
    ).all()
    return {row.id: row.capacity for row in rows}


def taken(session: Session, session_id: int, except_signup: int | None = None) -> int:
    query = (
        select(func.count())
        .select_from(SignupSession)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(SignupSession.session_id == session_id, Signup.status == "registered")
    )
    if except_signup is not None:
        query = query.where(Signup.id != except_signup)
    return session.execute(query).scalar_one()


def promote(session: Session, freed_session_ids: Iterable[int], base_url: str) -> list[int]:
    """Fill the free seats of ``freed_session_ids`` from their waitlists; the ids of the
    e-mails queued for the people promoted."""
    capacities = lock_sessions(session, freed_session_ids)
    mail_ids: list[int] = []
    for session_id, capacity in capacities.items():
        skipped: set[int] = set()
        while taken(session, session_id) < capacity:
            candidate = _first_waiting(session, session_id, skipped)
            if candidate is None:
                break
            if not _fits_everywhere(session, candidate):
                skipped.add(candidate)
                continue
            session.execute(
                update(Signup)
                .where(Signup.id == candidate, Signup.status == "waitlisted")
                .values(status="registered", updated_at=now())
            )
            mail_id = resident_mail.queue_for(session, "signup.promoted", candidate, base_url)
            if mail_id is not None:
                mail_ids.append(mail_id)
    return mail_ids


def _first_waiting(session: Session, session_id: int, skipped: set[int]) -> int | None:
    query = (
        select(Signup.id)
        .join(SignupSession, SignupSession.signup_id == Signup.id)
        .where(SignupSession.session_id == session_id, Signup.status == "waitlisted")
        .order_by(Signup.created_at, Signup.id)
        .limit(1)
    )
    if skipped:
        query = query.where(Signup.id.not_in(skipped))
    return session.execute(query).scalar()


def _fits_everywhere(session: Session, signup_id: int) -> bool:
    """Every limited session of the sign-up has a seat for it."""
    chosen = session.scalars(
        select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
    ).all()
    capacities = lock_sessions(session, chosen)
    return all(taken(session, sid) < capacity for sid, capacity in capacities.items())
