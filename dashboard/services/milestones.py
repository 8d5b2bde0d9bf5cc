"""Changing milestones: mark done, reopen, move the due date, add one.

Every function takes ``(engine, actor, ...)``, checks the actor may edit the
milestone's subteam (admins: all; leads: their own), and writes the change and
its ``milestone_events`` row (who, when, what, old and new value) in ONE
transaction. Repeating a change that is already in place writes nothing and
returns ``False``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.errors import PanelError
from dashboard.core.permissions import Actor, require_subteam_editor
from db.engine import now, write_session
from db.models import Milestone, MilestoneEvent, Subteam

TITLE_MAX_LENGTH = 300
WEIGHT_RANGE = (1, 100)

CHANGE_DONE = "done"
CHANGE_REOPENED = "reopened"
CHANGE_DUE_DATE = "due_date"
CHANGE_CREATED = "created"


class MilestoneError(PanelError):
    """Bad input or a missing milestone."""


def _load(session: Session, actor: Actor, milestone_id: int) -> Milestone:
    milestone = session.execute(
        select(Milestone).where(Milestone.id == milestone_id)
    ).scalar_one_or_none()
    if milestone is None:
        raise MilestoneError("progress.error.no_milestone", id=milestone_id)
    require_subteam_editor(actor, milestone.subteam_id)
    return milestone


def _record(
    session: Session,
    actor: Actor,
    milestone_id: int,
    change: str,
    old: object | None,
    new: object | None,
) -> None:
    session.execute(
        insert(MilestoneEvent).values(
            milestone_id=milestone_id,
            at=now(),
            actor=actor.username,
            change=change,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
        )
    )


def _today() -> date:
    return now().date()


def _set_date(
    engine: Engine, actor: Actor, milestone_id: int, field: str, change: str, value: date | None
) -> bool:
    """Set the milestone's date column ``field`` to ``value`` and record the ``change``
    in one transaction; ``False`` (nothing written) when it already holds ``value``."""
    with write_session(engine) as session:
        milestone = _load(session, actor, milestone_id)
        old = getattr(milestone, field)
        if old == value:
            return False
        _record(session, actor, milestone_id, change, old, value)
        session.execute(
            update(Milestone).where(Milestone.id == milestone_id).values({field: value})
        )
    return True


def mark_done(engine: Engine, actor: Actor, milestone_id: int, done_on: date | None = None) -> bool:
    """Mark a milestone done on ``done_on`` (default today; not in the future)."""
    done_on = done_on or _today()
    if done_on > _today():
        raise MilestoneError("progress.error.done_in_future")
    return _set_date(engine, actor, milestone_id, "done_on", CHANGE_DONE, done_on)


def reopen(engine: Engine, actor: Actor, milestone_id: int) -> bool:
    """Clear a milestone's completion date."""
    return _set_date(engine, actor, milestone_id, "done_on", CHANGE_REOPENED, None)


def move_due_date(engine: Engine, actor: Actor, milestone_id: int, new_due: date) -> bool:
    return _set_date(engine, actor, milestone_id, "due_date", CHANGE_DUE_DATE, new_due)


def _clean_title(title: str) -> str:
    cleaned = " ".join((title or "").split())
    if not cleaned:
        raise MilestoneError("progress.error.title_empty")
    if len(cleaned) > TITLE_MAX_LENGTH:
        raise MilestoneError(
            "progress.error.title_long", limit=TITLE_MAX_LENGTH, length=len(cleaned)
        )
    return cleaned


def _check_weight(weight: int) -> int:
    low, high = WEIGHT_RANGE
    if not isinstance(weight, int) or not low <= weight <= high:
        raise MilestoneError("progress.error.weight", low=low, high=high, value=weight)
    return weight


def add_milestone(
    engine: Engine, actor: Actor, subteam_id: int, title: str, due_date: date, weight: int = 1
) -> int:
    """Add a milestone to ``subteam_id``; return its id.

    The same title with the same due date in the same subteam is not added twice
    (a repeated form submission returns the existing id).
    """
    require_subteam_editor(actor, subteam_id)
    cleaned = _clean_title(title)
    _check_weight(weight)
    with write_session(engine) as session:
        if session.get(Subteam, subteam_id) is None:
            raise MilestoneError("progress.error.no_subteam", id=subteam_id)
        existing = session.execute(
            select(Milestone.id).where(
                Milestone.subteam_id == subteam_id,
                Milestone.title == cleaned,
                Milestone.due_date == due_date,
            )
        ).scalar_one_or_none()
        if existing is not None:
            return existing
        milestone_id = session.execute(
            insert(Milestone)
            .values(
                subteam_id=subteam_id,
                title=cleaned,
                due_date=due_date,
                weight=weight,
                created_at=now(),
            )
            .returning(Milestone.id)
        ).scalar_one()
        _record(session, actor, milestone_id, CHANGE_CREATED, None, due_date)
    return milestone_id
