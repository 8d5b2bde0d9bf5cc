"""Admin services for the Congress: check-in, the personal sign-up list, export, anonymisation.

Every function here refuses anyone but an admin (names and e-mails of residents).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select, update

from dashboard.core.errors import PanelError
from dashboard.core.permissions import Actor, require_admin
from dashboard.services import audit
from db.engine import now, write_session
from db.models import Event, Signup


class CongressAdminError(PanelError):
    """An admin action on the Congress that cannot be done."""


def _event(session_or_connection, edition: int) -> Event | None:
    return session_or_connection.execute(select(Event).where(Event.edition == edition)).scalar()


def set_attended(engine: Engine, actor: Actor, signup_id: int, attended: bool) -> None:
    """Mark (or un-mark) that a person came."""
    require_admin(actor)
    with write_session(engine) as session:
        changed = session.execute(
            update(Signup).where(Signup.id == signup_id).values(attended=attended, updated_at=now())
        ).rowcount
        if not changed:
            raise CongressAdminError("congress.admin.error.no_signup", id=signup_id)
        audit.record(
            session,
            actor.username,
            "congress.checkin" if attended else "congress.checkin_undo",
            f"zapis #{signup_id}",
            row_count=1,
        )


def anonymise_edition(engine: Engine, actor: Actor, edition: int, today: date | None = None) -> int:
    """Clear names and e-mails of an edition's sign-ups once the event is over.

    Every other column stays, so the statistics on /kongres do not change.
    Returns how many sign-ups were anonymised (0 when already done).
    """
    require_admin(actor)
    today = today or now().date()
    with write_session(engine) as session:
        event = _event(session, edition)
        if event is None:
            raise CongressAdminError("congress.admin.error.no_edition", edition=edition)
        if event.ends_on >= today:
            raise CongressAdminError(
                "congress.admin.error.anonymise_too_early",
                edition=edition,
                ends_on=f"{event.ends_on:%d.%m.%Y}",
            )
        count = session.execute(
            update(Signup)
            .where(Signup.event_id == event.id, Signup.anonymised_at.is_(None))
            .values(full_name=None, email=None, anonymised_at=now())
        ).rowcount
        audit.record(
            session,
            actor.username,
            "congress.anonymise",
            f"Anonimizacja zapisów na Kongres, edycja {edition}",
            row_count=count,
        )
        return count
