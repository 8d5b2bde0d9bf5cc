"""The headline figures of /postepy: traffic lights, milestones, proposal stages and the
days to (or since) the Congress."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.core.progress_rules import PROPOSAL_STAGES, TRAFFIC_ICONS, congress_countdown
from dashboard.queries import progress as pq


def headline(headline: pq.Headline, congresses: pd.DataFrame, as_of: date) -> None:
    total = headline.subteams
    help_text = web.tr("progress.metric.subteams_help", total=total)
    columns = st.columns(5)
    for column, status, count in zip(
        columns,
        ("on_track", "at_risk", "late"),
        (headline.on_track, headline.at_risk, headline.late),
        strict=False,
    ):
        label = f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.metric.{status}')}"
        column.metric(label, count, help=help_text, border=True)
    columns[3].metric(
        web.tr("progress.metric.milestones"),
        web.tr(
            "progress.metric.of", done=headline.milestones_done, total=headline.milestones_total
        ),
        help=web.tr("progress.metric.milestones_help"),
        border=True,
    )
    _congress_metric(columns[4], congresses, as_of)
    stage_help = web.tr("progress.stage.help", date=format_date(as_of))
    for column, stage in zip(st.columns(4), PROPOSAL_STAGES, strict=True):
        column.metric(
            web.tr(f"progress.stage.{stage}"), headline.stage(stage), help=stage_help, border=True
        )


def _congress_metric(column, congresses: pd.DataFrame, as_of: date) -> None:
    editions = zip(congresses["name"], congresses["starts_on"], congresses["ends_on"], strict=True)
    countdown = congress_countdown(editions, as_of)
    if countdown.kind == "none":
        column.metric(
            web.tr("progress.metric.congress_none"),
            web.tr("progress.metric.congress_unknown"),
            border=True,
        )
        return
    help_text = web.tr(
        "progress.metric.congress_help",
        name=countdown.name,
        start=format_date(countdown.starts_on),
        end=format_date(countdown.ends_on),
    )
    labels = {
        "next": "progress.metric.days_to_congress",
        "last": "progress.metric.days_since_congress",
        "running": "progress.metric.congress_running",
    }
    value = (
        web.tr("progress.metric.congress_today")
        if countdown.kind == "running"
        else web.count_text(countdown.days, "noun.day")
    )
    column.metric(web.tr(labels[countdown.kind]), value, help=help_text, border=True)
