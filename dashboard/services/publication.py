"""What of a proposal the public sees on /wyniki: its description, and whether it is
listed at all.

Leads (of the proposal's subteam) and admins decide. Every change runs in one
transaction with a ``proposal_events`` row (the proposal's audit trail, no status
change) and an ``audit_log`` entry naming who did it and why.
"""

from __future__ import annotations

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from dashboard.core.errors import InvalidInput, NotFound, PanelError
from dashboard.core.permissions import Actor, require_subteam_editor
from dashboard.services import audit
from dashboard.services.proposals import write_event
from db.engine import now, write_session
from db.models import Proposal

MAX_REASON = 1000
MIN_REASON = 5


class PublicationError(PanelError):
    default_key = "public.error.generic"


class PublicationNotFound(PublicationError, NotFound):
    pass


class ReasonRequired(PublicationError, InvalidInput):
    pass


def withdraw_from_public(engine: Engine, actor: Actor, proposal_id: int, reason: str) -> bool:
    """Take a proposal off /wyniki (and its downloads) with a reason.

    Returns False when it was already withdrawn (nothing changes)."""
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ReasonRequired("public.error.reason_required", minimum=MIN_REASON)
    if len(reason) > MAX_REASON:
        raise ReasonRequired("public.error.reason_too_long", limit=MAX_REASON)
    with write_session(engine) as session:
        current = _load(session, actor, proposal_id)
        if current.public_withdrawn_at is not None:
            return False
        _set(
            session,
            proposal_id,
            public_withdrawn_at=now(),
            public_withdrawn_by=actor.username,
            public_withdrawal_reason=reason,
        )
        _trail(session, actor, proposal_id, "public_withdrawn", f"Wycofana z /wyniki: {reason}")
    return True


def restore_to_public(engine: Engine, actor: Actor, proposal_id: int) -> bool:
    """Put a withdrawn proposal back on /wyniki; False when it was listed already."""
    with write_session(engine) as session:
        current = _load(session, actor, proposal_id)
        if current.public_withdrawn_at is None:
            return False
        _set(
            session,
            proposal_id,
            public_withdrawn_at=None,
            public_withdrawn_by=None,
            public_withdrawal_reason=None,
        )
        _trail(session, actor, proposal_id, "public_restored", "Przywrócona na /wyniki")
    return True


def set_description_public(
    engine: Engine, actor: Actor, proposal_id: int, publishable: bool
) -> bool:
    """Mark the description fit (or not) to publish; False when nothing changed."""
    with write_session(engine) as session:
        current = _load(session, actor, proposal_id)
        if bool(current.description_public) == publishable:
            return False
        _set(session, proposal_id, description_public=publishable)
        action = "description_published" if publishable else "description_unpublished"
        note = "Opis do publikacji na /wyniki" if publishable else "Opis wycofany z /wyniki"
        _trail(session, actor, proposal_id, action, note)
    return True


def _load(session: Session, actor: Actor, proposal_id: int):
    row = session.execute(
        select(
            Proposal.subteam_id, Proposal.public_withdrawn_at, Proposal.description_public
        ).where(Proposal.id == proposal_id)
    ).first()
    if row is None:
        raise PublicationNotFound("proposals.error.not_found", id=proposal_id)
    require_subteam_editor(actor, row.subteam_id)
    return row


def _set(session: Session, proposal_id: int, **values) -> None:
    # updated_at and version are left alone: publication is not an edit of the proposal,
    # so a reviewer's open edit form does not turn into a version conflict.
    session.execute(update(Proposal).where(Proposal.id == proposal_id).values(**values))


def _trail(session: Session, actor: Actor, proposal_id: int, action: str, note: str) -> None:
    write_event(session, actor, proposal_id, None, None, note)
    audit.record(session, actor.username, action, f"propozycja {proposal_id}: {note}")
