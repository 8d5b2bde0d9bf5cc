"""What changed between two dates: new proposals, status changes, completed milestones.

/postepy's "since" section, the meeting deck and presentation mode count the same
rows through the ``*_in`` helpers, so a figure means the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Engine, and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from dashboard.queries.common import end_of_day, query_frame, reads, start_of_day
from dashboard.queries.progress import (
    milestones_t,
    proposal_events_t,
    proposals_t,
    status_at,
    subteams_t,
)
from dashboard.queries.scope import EVERYTHING, Scope

# What these queries read: their cached results follow these tables' versions.
TABLES_READ = (
    "milestone_events",
    "milestones",
    "proposal_events",
    "proposals",
    "subteams",
    "thematic_teams",
)

SINCE_DEFAULT_DAYS = 14
LIST_LIMIT = 500


def default_since(as_of: date) -> date:
    return as_of - timedelta(days=SINCE_DEFAULT_DAYS)


def _window(column, since: date, as_of: date) -> list[ColumnElement[bool]]:
    """``column`` (a timestamp) from the start of ``since`` to the end of ``as_of``."""
    return [column >= start_of_day(since), column < end_of_day(as_of)]


def new_proposals_in(since: date, as_of: date, conditions: list[ColumnElement[bool]]):
    """FROM and WHERE of the proposals created in the window (with their subteams)."""
    joined = proposals_t.join(subteams_t, subteams_t.c.id == proposals_t.c.subteam_id)
    return joined, [*_window(proposals_t.c.created_at, since, as_of), *conditions]


def status_changes_in(since: date, as_of: date, conditions: list[ColumnElement[bool]]):
    """FROM and WHERE of the status changes in the window (with proposals and subteams)."""
    events = proposal_events_t
    joined = events.join(proposals_t, proposals_t.c.id == events.c.proposal_id).join(
        subteams_t, subteams_t.c.id == proposals_t.c.subteam_id
    )
    return joined, [*_window(events.c.at, since, as_of), is_status_change(), *conditions]


def milestones_completed_in(since: date, as_of: date, conditions: list[ColumnElement[bool]]):
    """FROM and WHERE of the milestones with ``since <= done_on <= as_of`` (with subteams)."""
    joined = milestones_t.join(subteams_t, subteams_t.c.id == milestones_t.c.subteam_id)
    done_on = milestones_t.c.done_on
    return joined, [done_on >= since, done_on <= as_of, *conditions]


@reads(*TABLES_READ)
def new_proposals(
    engine: Engine,
    since: date,
    as_of: date,
    scope: Scope = EVERYTHING,
    limit: int = LIST_LIMIT,
) -> pd.DataFrame:
    """Proposals created from the start of ``since`` to the end of ``as_of``, newest first,
    with their status at ``as_of``."""
    columns = {
        "id": proposals_t.c.id,
        "created_at": proposals_t.c.created_at,
        "subteam": subteams_t.c.name,
        "title": proposals_t.c.title,
        "source": proposals_t.c.source,
        "status": status_at(as_of),
    }
    order = (proposals_t.c.created_at.desc(), proposals_t.c.id.desc())
    from_where = new_proposals_in(since, as_of, scope.conditions())
    return _listing(engine, from_where, columns, order, limit, datetimes=["created_at"])


def is_status_change() -> ColumnElement[bool]:
    """A ``proposal_events`` row that moved a proposal from one status to another."""
    events = proposal_events_t
    return and_(
        events.c.from_status.is_not(None),
        events.c.to_status.is_not(None),
        events.c.from_status != events.c.to_status,
    )


@reads(*TABLES_READ)
def status_changes(
    engine: Engine,
    since: date,
    as_of: date,
    scope: Scope = EVERYTHING,
    limit: int = LIST_LIMIT,
) -> pd.DataFrame:
    """Status changes recorded in ``proposal_events`` between ``since`` and ``as_of``
    (inclusive days), newest first."""
    events = proposal_events_t
    columns = {
        "at": events.c.at,
        "proposal_id": events.c.proposal_id,
        "subteam": subteams_t.c.name,
        "title": proposals_t.c.title,
        "from_status": events.c.from_status,
        "to_status": events.c.to_status,
        "actor": events.c.actor,
    }
    order = (events.c.at.desc(), events.c.id.desc())
    from_where = status_changes_in(since, as_of, scope.conditions())
    return _listing(engine, from_where, columns, order, limit, datetimes=["at"])


@reads(*TABLES_READ)
def milestones_completed(
    engine: Engine,
    since: date,
    as_of: date,
    scope: Scope = EVERYTHING,
) -> pd.DataFrame:
    """Milestones with ``since <= done_on <= as_of``, latest first."""
    columns = {
        "id": milestones_t.c.id,
        "done_on": milestones_t.c.done_on,
        "subteam": subteams_t.c.name,
        "title": milestones_t.c.title,
        "due_date": milestones_t.c.due_date,
        "weight": milestones_t.c.weight,
    }
    order = (milestones_t.c.done_on.desc(), milestones_t.c.id)
    from_where = milestones_completed_in(since, as_of, scope.conditions())
    return _listing(engine, from_where, columns, order, None, dates=["done_on", "due_date"])


def _listing(
    engine: Engine,
    from_where: tuple,
    columns: dict[str, ColumnElement],
    order: tuple,
    limit: int | None,
    **kinds: list[str],
) -> pd.DataFrame:
    """The rows of one ``*_in`` window: ``columns`` (frame name → column), in ``order``."""
    joined, conditions = from_where
    statement = select(*columns.values()).select_from(joined).where(*conditions).order_by(*order)
    if limit is not None:
        statement = statement.limit(limit)
    return query_frame(engine, statement, list(columns), **kinds)


@dataclass(frozen=True)
class SinceCounts:
    new_proposals: int
    status_changes: int
    milestones_completed: int


@reads(*TABLES_READ)
def since_counts(
    engine: Engine,
    since: date,
    as_of: date,
    scope: Scope = EVERYTHING,
) -> SinceCounts:
    """How many proposals arrived, changed status and milestones were completed in the window."""
    in_scope = scope.conditions()
    counts = [
        select(func.count()).select_from(joined).where(*conditions).scalar_subquery()
        for joined, conditions in (
            new_proposals_in(since, as_of, in_scope),
            status_changes_in(since, as_of, in_scope),
            milestones_completed_in(since, as_of, in_scope),
        )
    ]
    with engine.connect() as connection:
        row = connection.execute(select(*counts)).one()
    return SinceCounts(int(row[0]), int(row[1]), int(row[2]))
