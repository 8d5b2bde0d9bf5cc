"""Admin changes that free seats: cancelling a sign-up, raising a workshop's capacity.

Both admin only and audited; both fill the freed seats from the waitlist in the same
transaction (``services.waitlist``) and queue the e-mails to the people promoted.
"""

from __future__ import annotations

from sqlalchemy import Engine, select, update

from dashboard.core.errors import InvalidInput, NotFound
from dashboard.core.permissions import Actor, require_admin
from dashboard.services import audit, resident_mail, waitlist
from db.engine import now, write_session
from db.models import EventSession, Signup, SignupSession


def cancel_signup(engine: Engine, actor: Actor, signup_id: int, base_url: str) -> list[int]:
    """Cancel a sign-up for its owner (who is told by e-mail); the ids of the mails queued."""
    require_admin(actor)
    with write_session(engine) as session:
        status = session.execute(select(Signup.status).where(Signup.id == signup_id)).scalar()
        if status is None:
            raise NotFound("congress.admin.error.no_signup", id=signup_id)
        if status == "cancelled":
            return []
        held = list(
            session.scalars(
                select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
            )
        )
        waitlist.lock_sessions(session, held)
        session.execute(
            update(Signup)
            .where(Signup.id == signup_id)
            .values(status="cancelled", updated_at=now())
        )
        audit.record(session, actor.username, "congress.cancel", f"Anulowano zapis nr {signup_id}")
        mail_ids = [resident_mail.queue_for(session, "signup.cancelled", signup_id, base_url)]
        if status == "registered":
            mail_ids += waitlist.promote(session, held, base_url)
        return [mail_id for mail_id in mail_ids if mail_id is not None]


def set_capacity(
    engine: Engine, actor: Actor, session_id: int, capacity: int | None, base_url: str
) -> list[int]:
    """Change a session's capacity (None: unlimited); seats it adds go to the waitlist."""
    require_admin(actor)
    if capacity is not None and capacity < 0:
        raise InvalidInput("congress.admin.error.capacity_negative")
    with write_session(engine) as session:
        title = session.execute(
            select(EventSession.title).where(EventSession.id == session_id).with_for_update()
        ).scalar()
        if title is None:
            raise NotFound("error.not_found")
        session.execute(
            update(EventSession).where(EventSession.id == session_id).values(capacity=capacity)
        )
        limit = "bez limitu" if capacity is None else str(capacity)
        audit.record(session, actor.username, "congress.capacity", f"{title}: limit {limit}")
        if capacity is None:
            return _promote_unlimited(session, session_id, base_url)
        return waitlist.promote(session, [session_id], base_url)


def _promote_unlimited(session, session_id: int, base_url: str) -> list[int]:
    """No limit any more: everyone waiting for this session whose other choices have room."""
    waiting = session.scalars(
        select(Signup.id)
        .join(SignupSession, SignupSession.signup_id == Signup.id)
        .where(SignupSession.session_id == session_id, Signup.status == "waitlisted")
        .order_by(Signup.created_at, Signup.id)
    ).all()
    mail_ids = []
    for signup_id in waiting:
        others = session.scalars(
            select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
        ).all()
        capacities = waitlist.lock_sessions(session, others)
        if any(waitlist.taken(session, sid) >= cap for sid, cap in capacities.items()):
            continue
        session.execute(
            update(Signup)
            .where(Signup.id == signup_id)
            .values(status="registered", updated_at=now())
        )
        mail_ids.append(resident_mail.queue_for(session, "signup.promoted", signup_id, base_url))
    return [mail_id for mail_id in mail_ids if mail_id is not None]
