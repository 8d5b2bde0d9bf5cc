"""A lead's queue: their subteams' proposals awaiting a decision, oldest response due
first (those without a due date last, oldest first), and who may be assigned."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from dashboard.core.permissions import Actor
from dashboard.queries.common import query_frame, reads
from db.models import Proposal, Subteam, User, UserSubteam

AWAITING_DECISION = ("submitted", "in_review", "consulted")
# The list's length: the most urgent, the rest move up as these are decided. A whole
# city's queue (55,000 rows for an admin) held ~50 MB per session while it was shown.
QUEUE_SHOWN = 500
QUEUE_COLUMNS = [
    "id",
    "title",
    "status",
    "subteam_id",
    "subteam",
    "assignee_id",
    "assignee",
    "response_due",
    "created_at",
    "version",
    "public_answer",
]


def queue_subteams(actor: Actor) -> tuple[int, ...] | None:
    """The subteams of ``actor``'s queue: a lead's own, every one for an admin (``None``)."""
    if actor.is_admin:
        return None
    return tuple(sorted(actor.subteam_ids)) if actor.role == "lead" else ()


# The list leaves out the answer to the author: only the opened proposal shows it.
LIST_COLUMNS = [column for column in QUEUE_COLUMNS if column != "public_answer"]


def _queue_statement(with_answer: bool = True):
    assignee = User.__table__.alias("assignee")
    answer = (Proposal.public_answer,) if with_answer else ()
    return (
        select(
            Proposal.id,
            Proposal.title,
            Proposal.status,
            Proposal.subteam_id,
            Subteam.name,
            Proposal.assignee_id,
            assignee.c.display_name,
            Proposal.response_due,
            Proposal.created_at,
            Proposal.version,
            *answer,
        )
        .join(Subteam, Subteam.id == Proposal.subteam_id)
        .outerjoin(assignee, assignee.c.id == Proposal.assignee_id)
    )


def _frame(engine: Engine, statement, columns: list[str] = QUEUE_COLUMNS) -> pd.DataFrame:
    return query_frame(engine, statement, columns, dates=["response_due"], datetimes=["created_at"])


def _awaiting(statement, subteam_ids: tuple[int, ...] | None):
    statement = statement.where(Proposal.status.in_(AWAITING_DECISION))
    if subteam_ids is not None:
        statement = statement.where(Proposal.subteam_id.in_(subteam_ids))
    return statement


@reads("proposals")
def queue_size(engine: Engine, subteam_ids: tuple[int, ...] | None) -> int:
    """How many proposals of ``subteam_ids`` (``None``: all) await a decision."""
    statement = _awaiting(select(func.count()).select_from(Proposal), subteam_ids)
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


@reads("districts", "proposal_events", "proposals", "subteams", "user_subteams", "users")
def lead_queue(
    engine: Engine, subteam_ids: tuple[int, ...] | None, limit: int | None = None
) -> pd.DataFrame:
    """Proposals of ``subteam_ids`` (``None``: all) awaiting a decision, most urgent
    first; the first ``limit`` of them (``None``: every one)."""
    statement = (
        _awaiting(_queue_statement(with_answer=False), subteam_ids)
        .order_by(
            case((Proposal.response_due.is_(None), 1), else_=0),
            Proposal.response_due,
            Proposal.created_at,
            Proposal.id,
        )
        .limit(limit)
    )
    return _frame(engine, statement, LIST_COLUMNS)


@reads("districts", "proposal_events", "proposals", "subteams", "user_subteams", "users")
def queue_item(engine: Engine, proposal_id: int) -> pd.DataFrame:
    """One proposal with the queue's columns, whatever its status (it may have just left
    the queue); empty when it does not exist."""
    return _frame(engine, _queue_statement().where(Proposal.id == proposal_id))


@reads("user_subteams", "users")
def assignable_users(engine: Engine, subteam_ids: tuple[int, ...] | None) -> pd.DataFrame:
    """Enabled accounts bound to ``subteam_ids`` (``None``: any subteam): id, display_name,
    subteam_id — one row per (user, subteam)."""
    bound = select(UserSubteam.user_id, UserSubteam.subteam_id)
    direct = select(User.id.label("user_id"), User.subteam_id).where(User.subteam_id.is_not(None))
    links = bound.union(direct).subquery("links")
    statement = (
        select(User.id, User.display_name, links.c.subteam_id)
        .join(links, links.c.user_id == User.id)
        .where(User.disabled.is_(False))
        .order_by(User.display_name, User.id)
    )
    if subteam_ids is not None:
        statement = statement.where(links.c.subteam_id.in_(subteam_ids))
    return query_frame(engine, statement, ["id", "display_name", "subteam_id"])
