"""Tables of /zespol. Names, roles and organisations of team members are shown to every
signed-in person; e-mail addresses only when the page says the viewer is an admin."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.charts.progress import share_text
from dashboard.ui.tables import (
    counts_by_subteam,
    show_subteam_rows,
    show_table,
    wide_text_column,
)
from db.models import MEMBER_ROLES, PARTICIPANT_CATEGORIES

ORDERS = {"category": PARTICIPANT_CATEGORIES, "role": MEMBER_ROLES}


def percent_text(share: float) -> str:
    return share_text(share, web.lang())


def headline(totals: pd.Series) -> None:
    """Members, organisations and the share of residents' direct voices, side by side."""
    members, organisations, voice = st.columns(3)
    members.metric(
        web.tr("progress.team.metric.members"), web.number(int(totals["members"])), border=True
    )
    organisations.metric(
        web.tr("progress.team.metric.organisations"),
        web.number(int(totals["organisations"])),
        border=True,
    )
    voice.metric(
        web.tr("progress.team.metric.direct_voice"),
        percent_text(totals["direct_voice"] / totals["members"]),
        help=web.tr("progress.team.metric.direct_voice_help"),
        border=True,
    )


def breakdown_table(frame: pd.DataFrame, column: str, label_prefix: str) -> None:
    """Subteams × categories (or roles) with a total column; empty cells are 0."""
    order = [value for value in ORDERS[column] if value in set(frame[column])]
    wide = counts_by_subteam(frame, column, order)
    wide[web.tr("progress.team.col.total")] = wide.sum(axis=1)
    wide = wide.rename(columns={value: web.tr(f"{label_prefix}.{value}") for value in order})
    show_subteam_rows(wide)


def category_table(frame: pd.DataFrame) -> None:
    breakdown_table(frame, "category", "category")


def role_table(frame: pd.DataFrame) -> None:
    breakdown_table(frame, "role", "member_role")


def voices_table(voices: pd.DataFrame) -> None:
    show_table(
        pd.DataFrame(
            {
                "subteam": voices["subteam"],
                "members": voices["members"].astype(int),
                "direct_voice": voices["direct_voice"].astype(int),
                "share": [percent_text(share) for share in voices["share"]],
            }
        ),
        {
            "subteam": wide_text_column("common.subteam"),
            "members": web.tr("progress.team.col.members"),
            "direct_voice": web.tr("progress.team.col.direct_voice"),
            "share": web.tr("progress.team.col.share"),
        },
    )


def organisations_table(organisations: pd.DataFrame) -> None:
    show_table(
        organisations,
        {
            "organization": wide_text_column("progress.team.col.organization"),
            "members": web.tr("progress.team.col.members"),
            "subteams": web.tr("progress.team.col.subteams"),
        },
    )


def member_table(members: pd.DataFrame, with_emails: bool) -> None:
    table = members.assign(
        role=web.tr_each("member_role", members["role"]),
        category=web.tr_each("category", members["category"]),
    )
    config = {
        "subteam": web.tr("common.subteam"),
        "full_name": web.tr("progress.team.col.full_name"),
        "role": web.tr("progress.team.col.role"),
        "category": web.tr("progress.team.col.category"),
        "organization": web.tr("progress.team.col.organization"),
    }
    if with_emails:
        config["email"] = web.tr("progress.team.col.email")
    show_table(table, config)
    if not with_emails:
        st.caption(web.tr("progress.team.emails_admin_only"))
