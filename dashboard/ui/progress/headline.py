"""The headline figures of /postepy: traffic lights, milestones, the proposal figures and
the days to (or since) the Congress — each with its change since the "since" date and a
link to the items behind it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.core.progress_rules import TRAFFIC_ICONS, congress_countdown
from dashboard.queries import progress as pq
from dashboard.queries.changes import SinceCounts
from dashboard.queries.figures import FIGURE_STATUSES, PROPOSAL_FIGURES
from dashboard.ui.links import figure_link

SUBTEAMS_ANCHOR = "podzespoly"
ATTENTION_ANCHOR = "wymaga-uwagi"
TIMELINE_ANCHOR = "kamienie-milowe"
SINCE_ANCHOR = "zmiany"


def _delta(now: int, then: int | None) -> str | None:
    return None if then is None else web.number(now - then)


def headline(
    now: pq.Headline,
    then: pq.Headline | None,
    congresses: pd.DataFrame,
    dates: tuple[date, date],
    subteam_slugs: tuple[str, ...] = (),
) -> None:
    """``now`` on the as-of date, ``then`` on the since date (for the deltas)."""
    as_of, since = dates
    delta_help = web.tr("since.delta_help", date=format_date(since))
    help_text = web.tr("progress.metric.subteams_help", total=now.subteams) + " " + delta_help
    columns = st.columns(5)
    for column, status, anchor in zip(
        columns,
        ("on_track", "at_risk", "late"),
        (SUBTEAMS_ANCHOR, ATTENTION_ANCHOR, ATTENTION_ANCHOR),
        strict=False,
    ):
        count = getattr(now, status)
        column.metric(
            f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.metric.{status}')}",
            web.number(count),
            delta=_delta(count, getattr(then, status) if then else None),
            delta_color="normal" if status == "on_track" else "inverse",
            help=help_text,
            border=True,
        )
        label = "progress.show_subteams" if anchor == SUBTEAMS_ANCHOR else "progress.show"
        column.markdown(f"[{web.tr(label)}](#{anchor})")
    columns[3].metric(
        web.tr("progress.metric.milestones"),
        web.tr("progress.metric.of", done=now.milestones_done, total=now.milestones_total),
        delta=_delta(now.milestones_done, then.milestones_done if then else None),
        help=web.tr("progress.metric.milestones_help") + " " + delta_help,
        border=True,
    )
    columns[3].markdown(f"[{web.tr('progress.show_milestones')}](#{TIMELINE_ANCHOR})")
    _congress_metric(columns[4], congresses, as_of)
    _proposal_figures(now, then, as_of, delta_help, subteam_slugs)


def _proposal_figures(
    now: pq.Headline,
    then: pq.Headline | None,
    as_of: date,
    delta_help: str,
    subteam_slugs: tuple[str, ...],
) -> None:
    keys = ("proposals", *PROPOSAL_FIGURES)
    for column, key in zip(st.columns(len(keys)), keys, strict=True):
        statuses = ", ".join(web.tr(f"status.{code}") for code in FIGURE_STATUSES.get(key, ()))
        help_text = web.tr(
            "figure.help", date=format_date(as_of), statuses=statuses or web.tr("common.all")
        )
        value = now.figure(key)
        column.metric(
            web.tr(f"figure.{key}"),
            web.number(value),
            delta=_delta(value, then.figure(key) if then else None),
            delta_color="off",
            help=f"{help_text} {delta_help}",
            border=True,
        )
        with column:
            figure_link(web.tr("progress.show"), key, subteam_slugs)


def since_line(counts: SinceCounts, since: date) -> None:
    """What changed since the chosen date, in one line under the figures."""
    st.markdown(
        web.tr(
            "progress.since.summary",
            date=format_date(since),
            new=web.count_text(counts.new_proposals, "noun.new_proposal"),
            changes=web.count_text(counts.status_changes, "noun.status_change"),
            completed=web.count_text(counts.milestones_completed, "noun.milestone_done"),
        )
        + f" — [{web.tr('progress.since.details')}](#{SINCE_ANCHOR})"
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
