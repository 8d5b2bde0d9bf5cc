"""Tables of /zespol. Names, roles and organisations of team members are shown to every
signed-in person; e-mail addresses only when the page says the viewer is an admin."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.i18n import format_percent
from db.models import MEMBER_ROLES, PARTICIPANT_CATEGORIES

ORDERS = {"category": PARTICIPANT_CATEGORIES, "role": MEMBER_ROLES}


def percent_text(share: float) -> str:
    return format_percent(share) if web.lang() == "pl" else f"{share:.0%}"


def breakdown_table(frame: pd.DataFrame, column: str, label_prefix: str) -> None:
    """Subteams × categories (or roles) with a total column; empty cells are 0."""
    order = [value for value in ORDERS[column] if value in set(frame[column])]
    wide = (
        frame.set_index(["subteam", column])["count"]
        .unstack(fill_value=0)
        .reindex(columns=order, fill_value=0)
        .reindex(list(dict.fromkeys(frame["subteam"])))
        .astype(int)
    )
    wide[web.tr("progress.team.col.total")] = wide.sum(axis=1)
    wide = wide.rename(columns={value: web.tr(f"{label_prefix}.{value}") for value in order})
    wide.index.name = web.tr("common.subteam")
    wide.columns.name = None
    st.dataframe(wide.reset_index(), hide_index=True, width="stretch")


def voices_table(voices: pd.DataFrame) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                "subteam": voices["subteam"],
                "members": voices["members"].astype(int),
                "direct_voice": voices["direct_voice"].astype(int),
                "share": [percent_text(share) for share in voices["share"]],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "subteam": st.column_config.TextColumn(web.tr("common.subteam"), width="large"),
            "members": web.tr("progress.team.col.members"),
            "direct_voice": web.tr("progress.team.col.direct_voice"),
            "share": web.tr("progress.team.col.share"),
        },
    )


def organisations_table(organisations: pd.DataFrame) -> None:
    st.dataframe(
        organisations,
        hide_index=True,
        width="stretch",
        column_config={
            "organization": st.column_config.TextColumn(
                web.tr("progress.team.col.organization"), width="large"
            ),
            "members": web.tr("progress.team.col.members"),
            "subteams": web.tr("progress.team.col.subteams"),
        },
    )


def member_table(members: pd.DataFrame, with_emails: bool) -> None:
    table = members.assign(
        role=[web.tr(f"member_role.{role}") for role in members["role"]],
        category=[web.tr(f"category.{category}") for category in members["category"]],
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
    st.dataframe(table, hide_index=True, width="stretch", column_config=config)
    if not with_emails:
        st.caption(web.tr("progress.team.emails_admin_only"))
