"""Progress queries: everything on /postepy, as it stood on an as-of date.

Each function is ``fn(engine, ...) -> pd.DataFrame`` (or a small frozen result),
aggregates in SQL, and takes plain hashable arguments, so pages call them through
``web.query`` and /prezentacja can reuse them.

As-of reconstruction, for an as-of date D:
- a proposal exists from ``created_at``; its status at D is the ``to_status`` of
  its last ``proposal_events`` row at or before the end of D (before its first
  event: that event's ``from_status``; without events: its stored status);
- a milestone exists from ``created_at`` and is done at D only if ``done_on <= D``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, Integer, and_, case, cast, func, or_, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from dashboard.core.progress_rules import (
    DECIDED_STATUSES,
    completion_share,
    count_figures,
    milestone_state,
    status_from_counts,
    status_windows,
)
from dashboard.queries.common import count_if, end_of_day, query_frame, reads
from dashboard.queries.scope import EVERYTHING, Scope
from db.models import (
    Event,
    Milestone,
    MilestoneEvent,
    Proposal,
    ProposalEvent,
    Subteam,
    ThematicTeam,
)

# What these queries read: their cached results follow these tables' versions.
TABLES_READ = (
    "events",
    "milestone_events",
    "milestones",
    "proposal_events",
    "proposals",
    "subteams",
    "thematic_teams",
)

subteams_t = Subteam.__table__
teams_t = ThematicTeam.__table__
milestones_t = Milestone.__table__
milestone_events_t = MilestoneEvent.__table__
proposals_t = Proposal.__table__
proposal_events_t = ProposalEvent.__table__
events_t = Event.__table__


def status_at(as_of: date) -> ColumnElement[str]:
    """SQL expression: a proposal's status at the end of ``as_of`` (correlated to proposals).

    The ``to_status`` of its last event by then; before its first event, that event's
    ``from_status``; without events, its stored status.
    """
    # Only proposals with an event after D can have had another status at D; for the
    # rest (all of them when D is today) the stored status is the answer, and the
    # correlated lookups are skipped.
    return case(
        (proposals_t.c.id.in_(_changed_after(as_of)), _status_from_events(as_of)),
        else_=proposals_t.c.status,
    )


def _changed_after(as_of: date):
    """The proposals with an event after the end of ``as_of``."""
    return select(proposal_events_t.c.proposal_id).where(
        proposal_events_t.c.at >= end_of_day(as_of)
    )


def _status_from_events(as_of: date) -> ColumnElement[str]:
    """``status_at`` of a proposal that has events after ``as_of``, read from its events."""
    end = end_of_day(as_of)
    events = proposal_events_t
    last_to = (
        select(events.c.to_status)
        .where(
            events.c.proposal_id == proposals_t.c.id,
            events.c.at < end,
            events.c.to_status.is_not(None),
        )
        .order_by(events.c.at.desc(), events.c.id.desc())
        .limit(1)
        .correlate(proposals_t)
        .scalar_subquery()
    )
    first_from = (
        select(events.c.from_status)
        .where(
            events.c.proposal_id == proposals_t.c.id,
            events.c.at >= end,
            events.c.from_status.is_not(None),
        )
        .order_by(events.c.at, events.c.id)
        .limit(1)
        .correlate(proposals_t)
        .scalar_subquery()
    )
    return func.coalesce(last_to, first_from, proposals_t.c.status)


def status_counts(as_of: date, scope: Scope = EVERYTHING):
    """Subquery (subteam_id, status, count): proposals created by ``as_of`` per subteam
    and status at ``as_of`` (``status_at``), only non-zero counts.

    Counted as the stored statuses (read from the (subteam, status, created) index alone),
    minus the stored and plus the then statuses of the few proposals changed since —
    rather than working out every proposal's status at D. The changed proposals are
    read once (a materialised CTE) for both corrections.
    """
    created = [proposals_t.c.created_at < end_of_day(as_of), *scope.conditions()]
    changed = (
        select(
            proposals_t.c.subteam_id,
            proposals_t.c.status.label("stored"),
            _status_from_events(as_of).label("then"),
        )
        .join(subteams_t, subteams_t.c.id == proposals_t.c.subteam_id)
        .where(proposals_t.c.id.in_(_changed_after(as_of)), *created)
        .cte()
        .prefix_with("MATERIALIZED")
    )
    stored = (
        select(proposals_t.c.subteam_id, proposals_t.c.status, func.count().label("count"))
        .join(subteams_t, subteams_t.c.id == proposals_t.c.subteam_id)
        .where(*created)
        .group_by(proposals_t.c.subteam_id, proposals_t.c.status)
    )
    stored_before = select(changed.c.subteam_id, changed.c.stored, -func.count()).group_by(
        changed.c.subteam_id, changed.c.stored
    )
    then = select(changed.c.subteam_id, changed.c.then, func.count()).group_by(
        changed.c.subteam_id, changed.c.then
    )
    parts = union_all(stored, stored_before, then).subquery("status_parts")
    total = func.sum(parts.c.count)
    return (
        select(parts.c.subteam_id, parts.c.status, cast(total, Integer).label("count"))
        .group_by(parts.c.subteam_id, parts.c.status)
        .having(total != 0)
        .subquery("status_counts")
    )


def _milestone_exists(as_of: date) -> ColumnElement[bool]:
    return milestones_t.c.created_at < end_of_day(as_of)


def _milestone_done(as_of: date) -> ColumnElement[bool]:
    return and_(milestones_t.c.done_on.is_not(None), milestones_t.c.done_on <= as_of)


def _milestone_open(as_of: date) -> ColumnElement[bool]:
    return or_(milestones_t.c.done_on.is_(None), milestones_t.c.done_on > as_of)


# --- filters -----------------------------------------------------------------


@reads(*TABLES_READ)
def subteam_options(engine: Engine) -> pd.DataFrame:
    """Every subteam with its thematic team, in display order (for the filters)."""
    statement = (
        select(
            subteams_t.c.id,
            subteams_t.c.slug,
            subteams_t.c.name,
            teams_t.c.id.label("team_id"),
            teams_t.c.slug.label("team_slug"),
            teams_t.c.name.label("team_name"),
        )
        .join(teams_t, teams_t.c.id == subteams_t.c.team_id)
        .order_by(teams_t.c.id, subteams_t.c.position, subteams_t.c.id)
    )
    columns = ["id", "slug", "name", "team_id", "team_slug", "team_name"]
    return query_frame(engine, statement, columns)


# --- per-subteam progress ----------------------------------------------------


def _milestone_stats(as_of: date):
    windows = status_windows(as_of)
    is_open = _milestone_open(as_of)
    due = milestones_t.c.due_date
    return (
        select(
            milestones_t.c.subteam_id,
            func.count().label("milestones_total"),
            count_if(_milestone_done(as_of)).label("milestones_done"),
            func.sum(milestones_t.c.weight).label("weight_total"),
            func.coalesce(
                func.sum(case((_milestone_done(as_of), milestones_t.c.weight), else_=0)), 0
            ).label("weight_done"),
            count_if(and_(is_open, due < windows.late_before)).label("late_count"),
            count_if(
                and_(is_open, due >= windows.late_before, due <= windows.due_soon_until)
            ).label("at_risk_count"),
            count_if(and_(is_open, due < windows.overdue_before)).label("overdue_count"),
        )
        .where(_milestone_exists(as_of))
        .group_by(milestones_t.c.subteam_id)
        .subquery("milestone_stats")
    )


def _latest(column, table, as_of: date, *joins_and_conditions) -> ColumnElement:
    """Latest ``column`` (< end of ``as_of``) for the outer subteam row, newest first by index."""
    statement = select(column).select_from(table).where(column < end_of_day(as_of))
    for condition in joins_and_conditions:
        statement = statement.where(condition)
    return statement.order_by(column.desc()).limit(1).correlate(subteams_t).scalar_subquery()


def _last_activity_columns(as_of: date) -> list[ColumnElement]:
    """Latest proposal, proposal event, milestone and milestone event of the outer subteam.

    Four "ORDER BY at DESC LIMIT 1" lookups walk the timestamp indexes backwards and
    stop at the first row of the subteam, instead of grouping every event.
    """
    proposal_in_subteam = proposals_t.c.subteam_id == subteams_t.c.id
    milestone_in_subteam = milestones_t.c.subteam_id == subteams_t.c.id
    return [
        _latest(proposals_t.c.created_at, proposals_t, as_of, proposal_in_subteam),
        _latest(
            proposal_events_t.c.at,
            proposal_events_t.join(
                proposals_t, proposals_t.c.id == proposal_events_t.c.proposal_id
            ),
            as_of,
            proposal_in_subteam,
        ),
        _latest(milestones_t.c.created_at, milestones_t, as_of, milestone_in_subteam),
        _latest(
            milestone_events_t.c.at,
            milestone_events_t.join(
                milestones_t, milestones_t.c.id == milestone_events_t.c.milestone_id
            ),
            as_of,
            milestone_in_subteam,
        ),
    ]


ACTIVITY_COLUMNS = [
    "last_proposal",
    "last_proposal_event",
    "last_milestone",
    "last_milestone_event",
]

SUBTEAM_PROGRESS_COLUMNS = [
    "subteam_id",
    "subteam",
    "team",
    "milestones_total",
    "milestones_done",
    "weight_total",
    "weight_done",
    "late_count",
    "at_risk_count",
    "overdue_count",
    "proposals_total",
    "proposals_decided",
    *ACTIVITY_COLUMNS,
]


@dataclass(frozen=True)
class ProgressAsOf:
    """``subteam_progress`` and ``pipeline_as_of`` of one date and scope."""

    subteams: pd.DataFrame
    pipeline: pd.DataFrame

    def headline(self) -> Headline:
        return summarise_headline(self.subteams, self.pipeline)


@reads(*TABLES_READ)
def progress_as_of(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> ProgressAsOf:
    """The subteams' progress and the proposal pipeline as of ``as_of``, with the status
    counts (the costly part: every proposal's status then) read once for both."""
    pipeline = pipeline_as_of(engine, as_of, scope)
    return ProgressAsOf(_subteam_rows(engine, as_of, scope, pipeline), pipeline)


@reads(*TABLES_READ)
def subteam_progress(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """One row per subteam as of ``as_of``: milestone counts and weights, late and
    at-risk counts, proposals received and decided, last activity; plus the derived
    ``status`` (on_track / at_risk / late) and ``completion`` (0..1, by weight)."""
    return progress_as_of(engine, as_of, scope).subteams


def _subteam_rows(
    engine: Engine, as_of: date, scope: Scope, pipeline: pd.DataFrame
) -> pd.DataFrame:
    stats = _milestone_stats(as_of)
    statement = (
        select(
            subteams_t.c.id,
            subteams_t.c.name,
            teams_t.c.name,
            func.coalesce(stats.c.milestones_total, 0),
            func.coalesce(stats.c.milestones_done, 0),
            func.coalesce(stats.c.weight_total, 0),
            func.coalesce(stats.c.weight_done, 0),
            func.coalesce(stats.c.late_count, 0),
            func.coalesce(stats.c.at_risk_count, 0),
            func.coalesce(stats.c.overdue_count, 0),
            *_last_activity_columns(as_of),
        )
        .join(teams_t, teams_t.c.id == subteams_t.c.team_id)
        .outerjoin(stats, stats.c.subteam_id == subteams_t.c.id)
        .where(*scope.conditions())
        .order_by(teams_t.c.id, subteams_t.c.position, subteams_t.c.id)
    )
    columns = [name for name in SUBTEAM_PROGRESS_COLUMNS if not name.startswith("proposals_")]
    frame = query_frame(engine, statement, columns, datetimes=ACTIVITY_COLUMNS)
    decided = pipeline[pipeline["status"].isin(DECIDED_STATUSES)]
    for column, counted in (("proposals_total", pipeline), ("proposals_decided", decided)):
        per_subteam = counted.groupby("subteam_id")["count"].sum()
        frame[column] = frame["subteam_id"].map(per_subteam).fillna(0).astype(int)
    frame = frame[SUBTEAM_PROGRESS_COLUMNS]
    frame["last_activity"] = frame[ACTIVITY_COLUMNS].max(axis=1)
    frame = frame.drop(columns=ACTIVITY_COLUMNS)
    frame["status"] = [
        status_from_counts(late, at_risk)
        for late, at_risk in zip(frame["late_count"], frame["at_risk_count"], strict=True)
    ]
    frame["completion"] = [
        completion_share(done, total)
        for done, total in zip(frame["weight_done"], frame["weight_total"], strict=True)
    ]
    return frame


# --- milestones --------------------------------------------------------------


@reads(*TABLES_READ)
def milestones_as_of(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Milestones that existed on ``as_of`` with ``done_on`` as known then (a later
    completion is empty) and ``state`` (done / open / overdue) for the timeline."""
    done_then = case((_milestone_done(as_of), milestones_t.c.done_on), else_=None)
    statement = (
        select(
            milestones_t.c.id,
            milestones_t.c.subteam_id,
            subteams_t.c.name,
            milestones_t.c.title,
            milestones_t.c.due_date,
            done_then,
            milestones_t.c.weight,
        )
        .join(subteams_t, subteams_t.c.id == milestones_t.c.subteam_id)
        .where(_milestone_exists(as_of), *scope.conditions())
        .order_by(subteams_t.c.team_id, subteams_t.c.position, milestones_t.c.due_date)
    )
    columns = ["id", "subteam_id", "subteam", "title", "due_date", "done_on", "weight"]
    frame = query_frame(engine, statement, columns, dates=["due_date", "done_on"])
    frame["done_on"] = [None if pd.isna(value) else value for value in frame["done_on"]]
    frame["state"] = [
        milestone_state(due, done, as_of)
        for due, done in zip(frame["due_date"], frame["done_on"], strict=True)
    ]
    return frame


@reads(*TABLES_READ)
def current_milestones(engine: Engine, subteam_ids: tuple[int, ...]) -> pd.DataFrame:
    """Today's milestones of the given subteams, for the edit controls."""
    statement = (
        select(
            milestones_t.c.id,
            milestones_t.c.subteam_id,
            subteams_t.c.name,
            milestones_t.c.title,
            milestones_t.c.due_date,
            milestones_t.c.done_on,
            milestones_t.c.weight,
        )
        .join(subteams_t, subteams_t.c.id == milestones_t.c.subteam_id)
        .where(milestones_t.c.subteam_id.in_(subteam_ids))
        .order_by(subteams_t.c.position, milestones_t.c.due_date, milestones_t.c.id)
    )
    columns = ["id", "subteam_id", "subteam", "title", "due_date", "done_on", "weight"]
    frame = query_frame(engine, statement, columns, dates=["due_date", "done_on"])
    frame["done_on"] = [None if pd.isna(value) else value for value in frame["done_on"]]
    return frame


# --- proposals ---------------------------------------------------------------


@reads(*TABLES_READ)
def pipeline_as_of(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Proposals per subteam and status as they stood on ``as_of`` (only non-zero rows)."""
    counts = status_counts(as_of, scope)
    statement = (
        select(subteams_t.c.id, subteams_t.c.name, counts.c.status, counts.c.count)
        .join(subteams_t, subteams_t.c.id == counts.c.subteam_id)
        .order_by(subteams_t.c.position, subteams_t.c.id, counts.c.status)
    )
    return query_frame(engine, statement, ["subteam_id", "subteam", "status", "count"])


@dataclass(frozen=True)
class Headline:
    subteams: int
    on_track: int
    at_risk: int
    late: int
    milestones_done: int
    milestones_total: int
    overdue: int  # open milestones past their due date
    figures: tuple[tuple[str, int], ...]  # (figure, proposals): ``count_figures``

    def figure(self, name: str) -> int:
        return dict(self.figures)[name]


def summarise_headline(progress: pd.DataFrame, pipeline: pd.DataFrame) -> Headline:
    """The headline figures from ``subteam_progress`` and ``pipeline_as_of`` frames."""
    status_counts = progress["status"].value_counts()
    by_status = pipeline.groupby("status")["count"].sum() if len(pipeline) else pd.Series()
    figures = tuple(count_figures(by_status.to_dict()).items())
    return Headline(
        subteams=len(progress),
        on_track=int(status_counts.get("on_track", 0)),
        at_risk=int(status_counts.get("at_risk", 0)),
        late=int(status_counts.get("late", 0)),
        milestones_done=int(progress["milestones_done"].sum()),
        milestones_total=int(progress["milestones_total"].sum()),
        overdue=int(progress["overdue_count"].sum()),
        figures=figures,
    )


@reads(*TABLES_READ)
def headline_figures(engine: Engine, as_of: date, scope: Scope = EVERYTHING) -> Headline:
    return progress_as_of(engine, as_of, scope).headline()


# --- Congress ----------------------------------------------------------------


@reads(*TABLES_READ)
def congress_editions(engine: Engine) -> pd.DataFrame:
    """Every Congress edition (one row each; a handful of rows): name, edition, dates."""
    statement = select(
        events_t.c.id,
        events_t.c.name,
        events_t.c.edition,
        events_t.c.starts_on,
        events_t.c.ends_on,
    ).order_by(events_t.c.starts_on)
    columns = ["id", "name", "edition", "starts_on", "ends_on"]
    return query_frame(engine, statement, columns, dates=["starts_on", "ends_on"])
