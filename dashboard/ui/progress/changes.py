"""What changed on /postepy since the chosen date: new proposals, status changes and
completed milestones, each row linked to its proposal."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.queries import changes
from dashboard.queries.scope import Scope
from dashboard.ui.sections import in_open_tab, lazy_tabs
from dashboard.ui.tables import date_column, show_table, wide_text_column

SINCE_TABS_KEY = "progress_since_tab"


def proposal_link(proposal_id: int) -> str:
    """Relative link to a proposal's detail on /propozycje (works under a base URL path)."""
    return f"propozycje?id={int(proposal_id)}"


def _link_column() -> st.column_config.LinkColumn:
    return st.column_config.LinkColumn(
        web.tr("progress.col.link"), display_text=web.tr("progress.col.open_link")
    )


def _proposals_table(
    frame: pd.DataFrame,
    columns: list[str],
    codes: dict[str, str],
    id_column: str,
    config: dict,
) -> None:
    """``columns`` of ``frame`` (with subteam and title), the ``codes`` columns shown by
    their catalogue labels (column → label prefix), and a link to each proposal."""
    table = frame.loc[:, columns].assign(
        **{column: _labels(prefix, frame[column]) for column, prefix in codes.items()},
        link=[proposal_link(i) for i in frame[id_column]],
    )
    show_table(
        table,
        {
            "subteam": web.tr("common.subteam"),
            "title": wide_text_column("progress.col.title"),
            **config,
            "link": _link_column(),
        },
    )


def _labels(prefix: str, codes: Iterable[str]) -> list[str]:
    return web.tr_each(prefix, codes)


def new_proposals_table(frame: pd.DataFrame) -> None:
    _proposals_table(
        frame,
        ["created_at", "subteam", "title", "source", "status"],
        {"source": "source", "status": "status"},
        "id",
        {
            "created_at": date_column("progress.col.created_at"),
            "source": web.tr("progress.col.source"),
            "status": web.tr("common.status"),
        },
    )


def status_changes_table(frame: pd.DataFrame) -> None:
    _proposals_table(
        frame,
        ["at", "subteam", "title", "from_status", "to_status", "actor"],
        {"from_status": "status", "to_status": "status"},
        "proposal_id",
        {
            "at": st.column_config.DatetimeColumn(
                web.tr("progress.col.at"), format="DD.MM.YYYY, HH:mm"
            ),
            "from_status": web.tr("progress.col.from_status"),
            "to_status": web.tr("progress.col.to_status"),
            "actor": web.tr("progress.col.actor"),
        },
    )


def milestones_completed_table(frame: pd.DataFrame) -> None:
    show_table(
        frame[["done_on", "subteam", "title", "due_date", "weight"]],
        {
            "done_on": date_column("progress.col.done_on"),
            "subteam": web.tr("common.subteam"),
            "title": wide_text_column("progress.col.milestone"),
            "due_date": date_column("progress.col.due_date"),
            "weight": web.tr("progress.col.weight"),
        },
    )


def since_section(since: date, as_of: date, scope: Scope, anchor: str) -> None:
    """The lists behind the summary line under the headline figures."""
    st.subheader(web.tr("progress.section.since", date=format_date(since)), anchor=anchor)
    counts = web.query(changes.since_counts, since, as_of, scope)
    totals = (counts.new_proposals, counts.status_changes, counts.milestones_completed)
    labels = ("progress.since.new", "progress.since.changes", "progress.since.completed")
    tabs = lazy_tabs(
        [f"{web.tr(label)} ({count})" for label, count in zip(labels, totals, strict=True)],
        SINCE_TABS_KEY,
    )
    loaders: tuple[tuple[Callable, Callable], ...] = (
        (changes.new_proposals, new_proposals_table),
        (changes.status_changes, status_changes_table),
        (changes.milestones_completed, milestones_completed_table),
    )
    window = (since, as_of, scope)
    for tab, total, (loader, render) in zip(tabs, totals, loaders, strict=True):
        in_open_tab(tab, partial(_since_list, loader, render, total, window))


def _since_list(loader: Callable, render: Callable, total: int, window: tuple) -> None:
    if not total:
        st.caption(web.tr("progress.since.empty"))
        return
    frame = web.query(loader, *window)
    render(frame)
    if len(frame) < total:
        st.caption(web.tr("progress.since.truncated", shown=len(frame), total=total))
