"""The results of /propozycje: facets, one page of rows, the page picker and which
row's detail is open."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.progress_rules import PROPOSAL_FIGURES, count_figures
from dashboard.queries import proposals as pq
from dashboard.ui.markdown import plain
from dashboard.ui.proposals.filters import DETAIL_PARAM, PAGE_KEY
from dashboard.ui.tables import page_picker, selectable_table, view_key
from dashboard.web import state

TABLE_KEY = "prop_table"  # the table's widget key starts with this
FACET_TITLES = {
    "status": "common.status",
    "subteam": "common.subteam",
    "district": "common.district",
    "source": "proposals.filter.source",
}
COLUMNS = ["id", "title", "status", "subteam", "source", "district", "strategic_area", "created_at"]


def district_text(number, name: str | None) -> str:
    return f"{number} — {name}" if pd.notna(number) else web.tr("common.city_wide")


def facets(counts: pd.DataFrame) -> None:
    """How many of the current results fall in each figure of /postepy (the same rule,
    ``count_figures``), status, subteam, okręg and source."""
    st.subheader(web.tr("proposals.facets"))
    statuses = counts[counts["facet"] == "status"]
    figures = count_figures(dict(zip(statuses["value"], statuses["count"], strict=True)))
    lines = [
        f"- {web.tr(f'figure.{key}')}: **{web.number(figures[key])}**" for key in PROPOSAL_FIGURES
    ]
    st.markdown(f"**{web.tr('figure.facets')}**\n\n" + "\n".join(lines))
    for facet, title_key in FACET_TITLES.items():
        rows = counts[counts["facet"] == facet]
        if rows.empty:
            continue
        lines = [
            f"- {plain(_facet_label(facet, value, label))}: **{web.number(count)}**"
            for value, label, count in zip(rows["value"], rows["label"], rows["count"], strict=True)
        ]
        st.markdown(f"**{web.tr(title_key)}**\n\n" + "\n".join(lines))


def _facet_label(facet: str, value: str, label: str) -> str:
    if facet in ("status", "source"):
        return web.tr(f"{facet}.{value}")
    if facet == "district":
        return f"{value} — {label}" if value else web.tr("common.city_wide")
    return label


def proposals_table(rows: pd.DataFrame, filters: pq.ProposalFilters, offset: int) -> list[int]:
    """The page of rows, sortable; returns the positions of the selected rows.

    The widget key follows the view, so a selection (row positions) never carries over
    to different rows when the filters or the page change.
    """
    table_key = view_key(TABLE_KEY, (filters, offset))
    state.PROPOSAL_TABLE.set(table_key)
    shown = rows.assign(
        status=web.tr_each("status", rows["status"]),
        source=web.tr_each("source", rows["source"]),
        district=[
            district_text(number, name)
            for number, name in zip(rows["district_number"], rows["district_name"], strict=True)
        ],
    )
    return selectable_table(
        shown,
        table_key,
        "multi-row",
        column_order=COLUMNS,
        column_config=_column_config(),
    )


def _column_config() -> dict:
    text = st.column_config.TextColumn
    return {
        "id": st.column_config.NumberColumn(web.tr("proposals.col.id"), format="%d"),
        "title": text(web.tr("proposals.col.title"), width="large"),
        "status": text(web.tr("common.status")),
        "subteam": text(web.tr("common.subteam")),
        "source": text(web.tr("proposals.filter.source")),
        "district": text(web.tr("common.district")),
        "strategic_area": text(web.tr("proposals.filter.area")),
        "created_at": st.column_config.DateColumn(
            web.tr("proposals.col.created"), format="DD.MM.YYYY"
        ),
    }


def page_offset(total: int) -> int:
    """A page picker when the view has more rows than one table page; returns the offset."""
    page, _ = page_picker(
        total, pq.PAGE_SIZE, PAGE_KEY, lambda pages: web.tr("proposals.page", pages=pages)
    )
    return (page - 1) * pq.PAGE_SIZE


def detail_id_from_selection(rows: pd.DataFrame, selected: list[int]) -> int | None:
    """One selected row opens its detail (and goes in the URL as ``id``); else the URL's id."""
    if len(selected) == 1:
        proposal_id = int(rows.iloc[selected[0]]["id"])
        st.query_params[DETAIL_PARAM] = str(proposal_id)
        state.SELECTED_PROPOSAL.set(proposal_id)
        return proposal_id
    if state.SELECTED_PROPOSAL.pop() is not None:
        st.query_params.pop(DETAIL_PARAM, None)  # the person cleared their selection
        return None
    wanted = st.query_params.get(DETAIL_PARAM, "")
    return int(wanted) if wanted.isdigit() else None
