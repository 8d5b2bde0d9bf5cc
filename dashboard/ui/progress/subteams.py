"""The per-subteam table of /postepy and the numbers behind the pipeline chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.progress_rules import TRAFFIC_ICONS
from dashboard.ui.tables import (
    counts_by_subteam,
    date_column,
    show_subteam_rows,
    show_table,
    wide_text_column,
)
from db.models import PROPOSAL_STATUSES


def status_text(status: str) -> str:
    """'✓ na dobrej drodze': icon and words, so colour is never the only cue."""
    return f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.traffic.{status}')}"


def subteam_table(progress: pd.DataFrame) -> None:
    table = pd.DataFrame(
        {
            "status": [status_text(s) for s in progress["status"]],
            "subteam": progress["subteam"],
            "completion": (progress["completion"].astype(float) * 100).round(),
            "milestones": [
                web.tr("progress.metric.of", done=done, total=total)
                for done, total in zip(
                    progress["milestones_done"], progress["milestones_total"], strict=True
                )
            ],
            "overdue": progress["overdue_count"].astype(int),
            "proposals_total": progress["proposals_total"].astype(int),
            "proposals_decided": progress["proposals_decided"].astype(int),
            "last_activity": progress["last_activity"],
        }
    )
    show_table(
        table,
        {
            "status": st.column_config.TextColumn(web.tr("progress.col.status")),
            "subteam": wide_text_column("common.subteam"),
            "completion": st.column_config.ProgressColumn(
                web.tr("progress.col.completion"), min_value=0, max_value=100, format="%d %%"
            ),
            "milestones": st.column_config.TextColumn(web.tr("progress.col.milestones")),
            "overdue": st.column_config.NumberColumn(web.tr("progress.col.overdue")),
            "proposals_total": st.column_config.NumberColumn(
                web.tr("progress.col.proposals_total")
            ),
            "proposals_decided": st.column_config.NumberColumn(
                web.tr("progress.col.proposals_decided")
            ),
            "last_activity": date_column("progress.col.last_activity"),
        },
    )
    st.caption(web.tr("progress.status_rule"))


def pipeline_table(pipeline: pd.DataFrame) -> None:
    """The pipeline chart's numbers, one column per status in workflow order."""
    wide = counts_by_subteam(pipeline, "status", list(PROPOSAL_STATUSES))
    wide.columns = [web.tr(f"status.{status}") for status in wide.columns]
    show_subteam_rows(wide)
