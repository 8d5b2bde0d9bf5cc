"""Queries of presentation mode and the meeting deck (aggregation in SQL).

Person counts (sign-ups, team members) are returned exact; suppression of small
groups happens in ``dashboard.presentation`` because it depends on the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, Select, and_, case, distinct, func, select

from dashboard.queries import progress
from db.models import (
    Event,
    Milestone,
    Participant,
    Proposal,
    Signup,
    Subteam,
    SubteamMember,
    ThematicTeam,
)

DECISION_STATUSES = ("accepted", "partially_accepted", "rejected", "merged", "included")


def _frame(engine: Engine, statement: Select) -> pd.DataFrame:
    with engine.connect() as connection:
        result = connection.execute(statement)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def _subteam_ids(subteam_slugs: tuple[str, ...]) -> Select | None:
    if not subteam_slugs:
        return None
    return select(Subteam.id).where(Subteam.slug.in_(subteam_slugs)).scalar_subquery()


def subteam_options(engine: Engine) -> pd.DataFrame:
    """Every subteam: id, slug, name, in their display order."""
    statement = select(Subteam.id, Subteam.slug, Subteam.name).order_by(
        Subteam.position, Subteam.id
    )
    return _frame(engine, statement)


def edition_options(engine: Engine) -> pd.DataFrame:
    """Congress editions, newest first: edition, name, starts_on, ends_on."""
    statement = select(Event.edition, Event.name, Event.starts_on, Event.ends_on).order_by(
        Event.edition.desc()
    )
    return _frame(engine, statement)


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


def headline_figures(
    engine: Engine,
    as_of: date,
    since: date,
    subteam_slugs: tuple[str, ...] = (),
    edition: int | None = None,
) -> HeadlineFigures:
    """The figures of the deck's second slide, as they stand on ``as_of``."""
    ids = _subteam_ids(subteam_slugs)
    proposal_filter = Proposal.created_at < progress.end_of_day(as_of)
    milestone_filter = Milestone.subteam_id.is_not(None)
    member_filter = SubteamMember.subteam_id.is_not(None)
    if ids is not None:
        proposal_filter = and_(proposal_filter, Proposal.subteam_id.in_(ids))
        milestone_filter = Milestone.subteam_id.in_(ids)
        member_filter = SubteamMember.subteam_id.in_(ids)
    proposals = select(
        func.count(),
        func.coalesce(
            func.sum(case((Proposal.created_at >= progress.start_of_day(since), 1), else_=0)), 0
        ),
        func.coalesce(func.sum(case((Proposal.status.in_(DECISION_STATUSES), 1), else_=0)), 0),
    ).where(proposal_filter)
    done = and_(Milestone.done_on.is_not(None), Milestone.done_on <= as_of)
    milestones = select(
        func.count(),
        func.coalesce(func.sum(case((done, 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(~done, Milestone.due_date < as_of), 1), else_=0)), 0),
    ).where(milestone_filter)
    members = select(func.count(distinct(SubteamMember.participant_id))).where(member_filter)
    with engine.connect() as connection:
        total, new, decided = connection.execute(proposals).one()
        m_total, m_done, m_overdue = connection.execute(milestones).one()
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
        proposals=int(total),
        proposals_new=int(new),
        proposals_decided=int(decided),
        milestones_total=int(m_total),
        milestones_done=int(m_done),
        milestones_overdue=int(m_overdue),
        members=int(member_count),
        signups=None if signups is None else int(signups),
        edition=chosen,
        next_congress=next_congress,
    )


def _latest_edition(connection) -> int | None:
    return connection.execute(select(func.max(Event.edition))).scalar_one()


def latest_edition(engine: Engine) -> int | None:
    with engine.connect() as connection:
        return _latest_edition(connection)


def members_by_category(engine: Engine, subteam_slugs: tuple[str, ...] = ()) -> pd.DataFrame:
    """Distinct members of the chosen subteams per participant category: category, count."""
    statement = (
        select(
            Participant.category,
            func.count(distinct(SubteamMember.participant_id)).label("count"),
        )
        .join(Participant, Participant.id == SubteamMember.participant_id)
        .group_by(Participant.category)
        .order_by(Participant.category)
    )
    ids = _subteam_ids(subteam_slugs)
    if ids is not None:
        statement = statement.where(SubteamMember.subteam_id.in_(ids))
    return _frame(engine, statement)


def team_names(engine: Engine, subteam_slugs: tuple[str, ...] = ()) -> list[str]:
    """Names of the thematic teams the chosen subteams (or all subteams) belong to."""
    statement = (
        select(ThematicTeam.name)
        .join(Subteam, Subteam.team_id == ThematicTeam.id)
        .group_by(ThematicTeam.id, ThematicTeam.name)
        .order_by(ThematicTeam.id)
    )
    ids = _subteam_ids(subteam_slugs)
    if ids is not None:
        statement = statement.where(Subteam.id.in_(ids))
    with engine.connect() as connection:
        return list(connection.execute(statement).scalars())


def status_changes_by_target(
    engine: Engine, since: date, as_of: date, subteam_slugs: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Status changes in the window counted by the status reached: to_status, count.

    The same changes as ``dashboard.queries.progress.status_changes`` lists."""
    to_status = progress.proposal_events_t.c.to_status
    joined, conditions = progress.status_changes_in(
        since, as_of, progress.subteam_scope(subteam_slugs=subteam_slugs)
    )
    statement = (
        select(to_status, func.count().label("count"))
        .select_from(joined)
        .where(*conditions)
        .group_by(to_status)
    )
    return _frame(engine, statement)
