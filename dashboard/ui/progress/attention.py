"""The "Wymaga uwagi" block at the top of /postepy: every late and at-risk milestone by
name, subteam, due date and days late (``queries.figures.milestones_needing_attention``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.core.progress_rules import TRAFFIC_ICONS
from dashboard.ui.markdown import plain

SHOWN_FIRST = 8  # the rest behind "… i N więcej", so the figures stay on the first screen


def when_text(days_late: int) -> str:
    """ "43 dni po terminie", "termin dziś", "za 3 dni"."""
    if days_late > 0:
        return web.tr("attention.days_late", days=web.count_text(days_late, "noun.day"))
    if days_late == 0:
        return web.tr("attention.due_today")
    return web.tr("attention.due_in", days=web.count_text(-days_late, "noun.day"))


def _line(row) -> str:
    status = f"{TRAFFIC_ICONS[row.status]} {web.tr(f'attention.status.{row.status}')}"
    text = web.tr(
        "attention.line",
        title=plain(row.title),
        subteam=plain(row.subteam),
        due=format_date(row.due_date),
        when=when_text(int(row.days_late)),
    )
    return f"- {status}: {text}"


def attention_block(milestones: pd.DataFrame, anchor: str) -> None:
    with st.container(border=True):
        st.subheader(web.tr("attention.title"), anchor=anchor)
        if milestones.empty:
            st.markdown(web.tr("attention.none"))
            return
        lines = [_line(row) for row in milestones.itertuples()]
        st.markdown("\n".join(lines[:SHOWN_FIRST]))
        if len(lines) > SHOWN_FIRST:
            rest = web.tr("attention.more", count=len(lines) - SHOWN_FIRST)
            with st.expander(rest):
                st.markdown("\n".join(lines[SHOWN_FIRST:]))
        st.caption(web.tr("attention.rule"))
