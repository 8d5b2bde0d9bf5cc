"""Queries of presentation mode and the meeting deck (aggregation in SQL).

Person counts (sign-ups, team members) are returned exact; suppression of small
groups happens in ``dashboard.presentation`` because it depends on the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, distinct, func, select

from dashboard.queries import figures
from dashboard.queries.changes import since_counts, status_changes_in
from dashboard.queries.common import query_frame, reads
from dashboard.queries.scope import EVERYTHING, Scope
from db.models import (
    Event,
    Participant,
    ProposalEvent,
    Signup,
    Subteam,
    SubteamMember,
    ThematicTeam,
)


@reads("events")
def edition_options(engine: Engine) -> pd.DataFrame:
    """Congress editions, newest first: edition, name, starts_on, ends_on."""
    statement = select(Event.edition, Event.name, Event.starts_on, Event.ends_on).order_by(
        Event.edition.desc()
    )
    return query_frame(engine, statement)


@dataclass(frozen=True)
class HeadlineFigures:
    proposals: int
    proposals_new: int
    proposals_decided: int
    milestones_total: int
    milestones_done: int
    milestones_overdue: int
    members: int
    signups: int | None
    edition: int | None
    next_congress: date | None


@reads(
    "event_sessions",
    "events",
    "milestone_events",
    "milestones",
    "proposal_events",
    "proposals",
    "signup_sessions",
    "signups",
    "subteam_members",
    "subteams",
    "thematic_teams",
)
def headline_figures(
    engine: Engine,
    as_of: date,
    since: date,
    scope: Scope = EVERYTHING,
    edition: int | None = None,
) -> HeadlineFigures:
    """The figures of the deck's second slide, as they stand on ``as_of``; proposal and
    milestone counts are ``dashboard.queries.figures``, as on /postepy."""
    proposals = figures.proposal_figures(engine, as_of, scope)
    milestones = figures.milestone_figures(engine, as_of, scope)
    member_filter = and_(
        SubteamMember.subteam_id.is_not(None), *scope.on_column(SubteamMember.subteam_id)
    )
    members = select(func.count(distinct(SubteamMember.participant_id))).where(member_filter)
    new_count = since_counts(engine, since, as_of, scope).new_proposals  # as /postepy
    with engine.connect() as connection:
        member_count = connection.execute(members).scalar_one()
        chosen = edition if edition is not None else _latest_edition(connection)
        signups = None
        if chosen is not None:
            signups = connection.execute(
                select(func.count())
                .select_from(Signup)
                .join(Event, Event.id == Signup.event_id)
                .where(Event.edition == chosen, Signup.status == "registered")
            ).scalar_one()
        next_congress = connection.execute(
            select(func.min(Event.starts_on)).where(Event.starts_on >= as_of)
        ).scalar_one()
    return HeadlineFigures(
        proposals=proposals["proposals"],
        proposals_new=int(new_count),
        proposals_decided=proposals["decided"],
        milestones_total=milestones.total,
        milestones_done=milestones.done,
        milestones_overdue=milestones.overdue,
        members=int(member_count),
        signups=None if signups is None else int(signups),
        edition=chosen,
        next_congress=next_congress,
    )


def _latest_edition(connection) -> int | None:
    return connection.execute(select(func.max(Event.edition))).scalar_one()


@reads("events")
def latest_edition(engine: Engine) -> int | None:
    with engine.connect() as connection:
        return _latest_edition(connection)


@reads("participants", "subteam_members", "subteams")
def members_by_category(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Distinct members of the chosen subteams per participant category: category, count."""
    statement = (
        select(
            Participant.category,
            func.count(distinct(SubteamMember.participant_id)).label("count"),
        )
        .join(Participant, Participant.id == SubteamMember.participant_id)
        .where(*scope.on_column(SubteamMember.subteam_id))
        .group_by(Participant.category)
        .order_by(Participant.category)
    )
    return query_frame(engine, statement)


@reads("subteams", "thematic_teams")
def team_names(engine: Engine, scope: Scope = EVERYTHING) -> list[str]:
    """Names of the thematic teams the chosen subteams (or all subteams) belong to."""
    statement = (
        select(ThematicTeam.name)
        .join(Subteam, Subteam.team_id == ThematicTeam.id)
        .where(*scope.conditions())
        .group_by(ThematicTeam.id, ThematicTeam.name)
        .order_by(ThematicTeam.id)
    )
    with engine.connect() as connection:
        return list(connection.execute(statement).scalars())


@reads("proposal_events", "proposals", "subteams")
def status_changes_by_target(
    engine: Engine, since: date, as_of: date, scope: Scope = EVERYTHING
) -> pd.DataFrame:
    """Status changes in the window counted by the status reached: to_status, count.

    The same changes as ``dashboard.queries.changes.status_changes`` lists."""
    to_status = ProposalEvent.__table__.c.to_status
    joined, conditions = status_changes_in(since, as_of, scope.conditions())
    statement = (
        select(to_status, func.count().label("count"))
        .select_from(joined)
        .where(*conditions)
        .group_by(to_status)
    )
    return query_frame(engine, statement)
