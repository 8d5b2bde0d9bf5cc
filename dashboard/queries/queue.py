"""A lead's queue: their subteams' proposals awaiting a decision, oldest response due
first (those without a due date last, oldest first), and who may be assigned."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from dashboard.core.permissions import Actor
from dashboard.queries.common import query_frame, reads
from db.models import Proposal, Subteam, User, UserSubteam

AWAITING_DECISION = ("submitted", "in_review", "consulted")
PAGE_SIZE = 200  # rows of the queue on one table page
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


def _queue_statement():
    assignee = User.__table__.alias("assignee")
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
            Proposal.public_answer,
        )
        .join(Subteam, Subteam.id == Proposal.subteam_id)
        .outerjoin(assignee, assignee.c.id == Proposal.assignee_id)
    )


def _frame(engine: Engine, statement) -> pd.DataFrame:
    return query_frame(
        engine, statement, QUEUE_COLUMNS, dates=["response_due"], datetimes=["created_at"]
    )


def _urgency(table) -> list:
    """Most urgent first: the earliest response due, those without one last, oldest first."""
    return [
        case((table.c.response_due.is_(None), 1), else_=0),
        table.c.response_due,
        table.c.created_at,
        table.c.id,
    ]


def _awaiting(subteam_ids: tuple[int, ...] | None) -> list:
    conditions = [Proposal.status.in_(AWAITING_DECISION)]
    if subteam_ids is not None:
        conditions.append(Proposal.subteam_id.in_(subteam_ids))
    return conditions


@reads("districts", "proposal_events", "proposals", "subteams", "user_subteams", "users")
def lead_queue(
    engine: Engine, subteam_ids: tuple[int, ...] | None, limit: int = PAGE_SIZE, offset: int = 0
) -> pd.DataFrame:
    """One page of the proposals of ``subteam_ids`` (``None``: all) awaiting a decision,
    most urgent first."""
    proposals = Proposal.__table__
    # The page is chosen on the narrow queue index (ix_proposals_queue) alone; only its
    # rows are then read whole and joined.
    page = (
        select(proposals.c.id)
        .where(*_awaiting(subteam_ids))
        .order_by(*_urgency(proposals))
        .limit(limit)
        .offset(offset)
        .subquery("page")
    )
    statement = (
        _queue_statement().join(page, page.c.id == Proposal.id).order_by(*_urgency(proposals))
    )
    return _frame(engine, statement)


@reads("proposals")
def queue_size(engine: Engine, subteam_ids: tuple[int, ...] | None) -> int:
    """How many proposals of ``subteam_ids`` (``None``: all) await a decision."""
    statement = select(func.count()).select_from(Proposal).where(*_awaiting(subteam_ids))
    with engine.connect() as connection:
        return connection.execute(statement).scalar_one()


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
