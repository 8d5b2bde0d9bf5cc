"""The per-subteam table of /postepy and the numbers behind the pipeline chart; every
row links to its proposals on /propozycje."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.progress_rules import TRAFFIC_ICONS
from dashboard.queries.scope import Scope
from dashboard.ui.links import proposals_url
from dashboard.ui.tables import (
    count_column,
    counts_by_subteam,
    date_column,
    percent_column,
    show_table,
    wide_text_column,
)
from db.models import PROPOSAL_STATUSES


def status_text(status: str) -> str:
    """'✓ na dobrej drodze': icon and words, so colour is never the only cue."""
    return f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.traffic.{status}')}"


def _slugs(subteam_ids, subteams: pd.DataFrame) -> list[str]:
    by_id = dict(zip(subteams["id"].astype(int), subteams["slug"], strict=True))
    return [by_id.get(int(subteam_id), "") for subteam_id in subteam_ids]


def scope_slugs(scope: Scope, progress: pd.DataFrame, subteams: pd.DataFrame) -> tuple[str, ...]:
    """The subteams in view as /propozycje filters (none when everything is in view)."""
    return () if scope.is_everything else tuple(_slugs(progress["subteam_id"], subteams))


def _link_column(label_key: str = "progress.col.open") -> st.column_config.LinkColumn:
    return st.column_config.LinkColumn(
        web.tr(label_key), display_text=web.tr("progress.col.open_text")
    )


def subteam_table(progress: pd.DataFrame, subteams: pd.DataFrame) -> None:
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
            "link": [
                proposals_url(subteam_slugs=(slug,))
                for slug in _slugs(progress["subteam_id"], subteams)
            ],
        }
    )
    show_table(
        table,
        {
            "status": st.column_config.TextColumn(web.tr("progress.col.status")),
            "subteam": wide_text_column("common.subteam"),
            "completion": percent_column(web.tr("progress.col.completion"), progress=True),
            "milestones": st.column_config.TextColumn(web.tr("progress.col.milestones")),
            "overdue": count_column("figure.overdue"),
            "proposals_total": count_column("figure.proposals"),
            "proposals_decided": count_column("figure.decided"),
            "last_activity": date_column("progress.col.last_activity"),
            "link": _link_column(),
        },
    )
    st.caption(web.tr("progress.status_rule"))


def with_links(pipeline: pd.DataFrame, subteams: pd.DataFrame) -> pd.DataFrame:
    """``pipeline_as_of`` rows with the /propozycje link of each (subteam, status) segment."""
    slugs = _slugs(pipeline["subteam_id"], subteams)
    return pipeline.assign(
        link=[
            proposals_url((status,), (slug,))
            for status, slug in zip(pipeline["status"], slugs, strict=True)
        ]
    )


def pipeline_table(pipeline: pd.DataFrame, subteams: pd.DataFrame) -> None:
    """The pipeline chart's numbers, one column per status in workflow order, and a link
    to each subteam's proposals."""
    wide = counts_by_subteam(pipeline, "status", list(PROPOSAL_STATUSES))
    wide.columns = [web.tr(f"status.{status}") for status in wide.columns]
    firsts = pipeline.drop_duplicates("subteam")
    links = dict(
        zip(
            firsts["subteam"],
            [proposals_url(subteam_slugs=(s,)) for s in _slugs(firsts["subteam_id"], subteams)],
            strict=True,
        )
    )
    table = wide.reset_index().rename(columns={"subteam": web.tr("common.subteam")})
    table["link"] = [links.get(name, "") for name in wide.index]
    show_table(table, {"link": _link_column()})
