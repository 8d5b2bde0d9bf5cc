"""One definition per figure: /postepy, the /propozycje facets and the meeting deck take
every proposal and milestone count from here, with the same words (``figure.<key>`` in
the catalogue).

A proposal figure is a set of statuses (``FIGURE_STATUSES``); ``count_figures`` turns
counts per status into the figures, whatever read the status counts (the page and the
deck: ``proposals_by_status`` as of a date; the facets: the current view). A figure's
drill-through is /propozycje filtered by the same statuses (``dashboard.ui.links``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, func, or_, select

from dashboard.core.progress_rules import (
    AT_RISK,
    LATE,
    PROPOSAL_FIGURES,
    count_figures,
    status_windows,
)
from dashboard.queries.common import count_if, end_of_day, query_frame, reads
from dashboard.queries.progress import status_at
from dashboard.queries.scope import EVERYTHING, Scope
from db.models import Milestone, Proposal, Subteam

FIGURE_STATUSES = PROPOSAL_FIGURES  # proposal figures in reading order
PROPOSAL_FIGURES = tuple(FIGURE_STATUSES)


def proposals_by_status(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> dict[str, int]:
    """How many proposals had each status at the end of ``as_of`` (created by then)."""
    statuses = (
        select(status_at(as_of).label("status"))
        .where(Proposal.created_at < end_of_day(as_of), *scope.on_column(Proposal.subteam_id))
        .subquery("statuses_at")
    )
    statement = select(statuses.c.status, func.count()).group_by(statuses.c.status)
    with engine.connect() as connection:
        return {status: int(count) for status, count in connection.execute(statement)}


def proposal_figures(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> dict[str, int]:
    return count_figures(proposals_by_status(engine, as_of, scope))


# --- milestones ----------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneFigures:
    total: int
    done: int
    overdue: int  # open and due before the as-of date ("po terminie")


def milestone_figures(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> MilestoneFigures:
    """Milestones that existed on ``as_of``: all, done by then, open and past due."""
    exists = Milestone.created_at < end_of_day(as_of)
    done = and_(Milestone.done_on.is_not(None), Milestone.done_on <= as_of)
    is_open = or_(Milestone.done_on.is_(None), Milestone.done_on > as_of)
    statement = select(
        func.count(),
        count_if(done),
        count_if(and_(is_open, Milestone.due_date < as_of)),
    ).where(exists, *scope.on_column(Milestone.subteam_id))
    with engine.connect() as connection:
        total, done_count, overdue = connection.execute(statement).one()
    return MilestoneFigures(int(total), int(done_count), int(overdue))


ATTENTION_COLUMNS = [
    "id",
    "subteam_id",
    "subteam",
    "subteam_slug",
    "title",
    "due_date",
    "days_late",
    "status",
]


@reads("milestone_events", "milestones", "subteams", "thematic_teams")
def milestones_needing_attention(
    engine: Engine, as_of: date, scope: Scope = EVERYTHING
) -> pd.DataFrame:
    """Every late and at-risk milestone on ``as_of`` (the traffic-light rule of
    ``core.progress_rules``), most overdue first: ``days_late`` is negative when the due
    date is still ahead; ``status`` is ``late`` or ``at_risk``."""
    windows = status_windows(as_of)
    is_open = or_(Milestone.done_on.is_(None), Milestone.done_on > as_of)
    statement = (
        select(
            Milestone.id,
            Milestone.subteam_id,
            Subteam.name,
            Subteam.slug,
            Milestone.title,
            Milestone.due_date,
        )
        .join(Subteam, Subteam.id == Milestone.subteam_id)
        .where(
            Milestone.created_at < end_of_day(as_of),
            is_open,
            Milestone.due_date <= windows.due_soon_until,
            *scope.conditions(),
        )
        .order_by(Milestone.due_date, Subteam.position, Milestone.id)
    )
    frame = query_frame(engine, statement, ATTENTION_COLUMNS[:6], dates=["due_date"])
    frame["days_late"] = [(as_of - due).days for due in frame["due_date"]]
    frame["status"] = [LATE if due < windows.late_before else AT_RISK for due in frame["due_date"]]
    return frame.astype({"days_late": "int64"})
