"""The audit-log reader of /admin: who did what with personal data and accounts."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.queries.audit import recent_entries
from dashboard.ui.tables import show_labelled

LIMIT = 500
COLUMNS = ("at", "actor", "action", "detail", "row_count")


def render(actor: Actor) -> None:
    st.caption(web.tr("admin.audit.intro", limit=LIMIT))
    # Not cached: a lockout is written without a data-version bump and must show at once.
    entries = recent_entries(web.engine(), actor, limit=LIMIT)
    if entries.empty:
        st.info(web.tr("admin.audit.empty"))
        return
    who = st.selectbox(
        web.tr("admin.audit.filter_actor"),
        [""] + sorted(entries["actor"].unique().tolist()),
        format_func=lambda name: name or web.tr("common.all"),
        key="admin.audit.actor",
    )
    if who:
        entries = entries.loc[entries["actor"] == who]
    show_labelled(entries, COLUMNS, "admin.audit.col", {"at": "DD.MM.YYYY HH:mm:ss"})
