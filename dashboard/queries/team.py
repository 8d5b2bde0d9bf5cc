"""Team queries for /zespol: who is in which subteam, by category, role, organisation.

All counting happens in SQL. E-mail addresses leave the database only when the
caller passes ``include_emails=True`` — pages pass ``actor.sees_personal_data()``.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.common import query_frame, reads
from dashboard.queries.scope import EVERYTHING, Scope
from db.models import (
    DIRECT_VOICE_CATEGORIES,
    Participant,
    Subteam,
    SubteamMember,
)

# What these queries read: their cached results follow these tables' versions.
TABLES_READ = ("districts", "participants", "subteam_members", "subteams", "thematic_teams")

participants_t = Participant.__table__
members_t = SubteamMember.__table__
subteams_t = Subteam.__table__


def _members_joined():
    return members_t.join(participants_t, participants_t.c.id == members_t.c.participant_id).join(
        subteams_t, subteams_t.c.id == members_t.c.subteam_id
    )


@reads(*TABLES_READ)
def members_by_category(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Members per subteam and participant category: subteam_id, subteam, category, count."""
    statement = (
        select(subteams_t.c.id, subteams_t.c.name, participants_t.c.category, func.count())
        .select_from(_members_joined())
        .where(*scope.conditions())
        .group_by(
            subteams_t.c.id, subteams_t.c.name, subteams_t.c.position, participants_t.c.category
        )
        .order_by(subteams_t.c.position, subteams_t.c.id, participants_t.c.category)
    )
    return query_frame(engine, statement, ["subteam_id", "subteam", "category", "count"])


@reads(*TABLES_READ)
def members_by_role(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Members per subteam and role (lead, deputy, member, expert): subteam, role, count."""
    statement = (
        select(subteams_t.c.id, subteams_t.c.name, members_t.c.role, func.count())
        .select_from(_members_joined())
        .where(*scope.conditions())
        .group_by(subteams_t.c.id, subteams_t.c.name, subteams_t.c.position, members_t.c.role)
        .order_by(subteams_t.c.position, subteams_t.c.id, members_t.c.role)
    )
    return query_frame(engine, statement, ["subteam_id", "subteam", "role", "count"])


@reads(*TABLES_READ)
def organisations(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Organisations with their number of members and of subteams, largest first."""
    organisation = func.coalesce(participants_t.c.organization, "")
    statement = (
        select(
            organisation,
            func.count(func.distinct(participants_t.c.id)),
            func.count(func.distinct(subteams_t.c.id)),
        )
        .select_from(_members_joined())
        .where(organisation != "", *scope.conditions())
        .group_by(organisation)
        .order_by(func.count(func.distinct(participants_t.c.id)).desc(), organisation)
    )
    return query_frame(engine, statement, ["organization", "members", "subteams"])


@reads(*TABLES_READ)
def direct_voice_share(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """Per subteam: members, members who bring residents' direct voice
    (``DIRECT_VOICE_CATEGORIES``) and their share (0..1)."""
    direct = func.sum(case((participants_t.c.category.in_(DIRECT_VOICE_CATEGORIES), 1), else_=0))
    statement = (
        select(subteams_t.c.id, subteams_t.c.name, func.count(), direct)
        .select_from(_members_joined())
        .where(*scope.conditions())
        .group_by(subteams_t.c.id, subteams_t.c.name, subteams_t.c.position)
        .order_by(subteams_t.c.position, subteams_t.c.id)
    )
    frame = query_frame(engine, statement, ["subteam_id", "subteam", "members", "direct_voice"])
    frame["direct_voice"] = frame["direct_voice"].astype(int)
    frame["share"] = [
        direct / members if members else 0.0
        for direct, members in zip(frame["direct_voice"], frame["members"], strict=True)
    ]
    return frame


@reads(*TABLES_READ)
def member_list(
    engine: Engine, scope: Scope = EVERYTHING, *, emails_for: Actor | None = None
) -> pd.DataFrame:
    """Members with subteam, role, category and organisation; with ``email`` when
    ``emails_for`` names the admin asking (anyone else is refused)."""
    include_emails = emails_for is not None
    if include_emails:
        require_admin(emails_for)
    columns = [
        subteams_t.c.name,
        participants_t.c.full_name,
        members_t.c.role,
        participants_t.c.category,
        participants_t.c.organization,
    ]
    names = ["subteam", "full_name", "role", "category", "organization"]
    if include_emails:
        columns.append(participants_t.c.email)
        names.append("email")
    role_order = case(
        {"lead": 0, "deputy": 1, "expert": 2, "member": 3}, value=members_t.c.role, else_=4
    )
    statement = (
        select(*columns)
        .select_from(_members_joined())
        .where(*scope.conditions())
        .order_by(subteams_t.c.position, subteams_t.c.id, role_order, participants_t.c.full_name)
    )
    return query_frame(engine, statement, names)


@reads(*TABLES_READ)
def team_totals(engine: Engine, scope: Scope = EVERYTHING) -> pd.DataFrame:
    """One row: distinct members, distinct organisations and distinct members bringing
    residents' direct voice (a person in two subteams counts once)."""
    direct_ids = case(
        (participants_t.c.category.in_(DIRECT_VOICE_CATEGORIES), participants_t.c.id), else_=None
    )
    statement = (
        select(
            func.count(func.distinct(participants_t.c.id)),
            func.count(func.distinct(participants_t.c.organization)),
            func.count(func.distinct(direct_ids)),
        )
        .select_from(_members_joined())
        .where(*scope.conditions())
    )
    return query_frame(engine, statement, ["members", "organisations", "direct_voice"])
