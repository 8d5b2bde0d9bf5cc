"""The filter widgets of /propozycje (sidebar), kept in the URL."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import web
from dashboard.queries import proposals as pq
from dashboard.ui import url_state
from dashboard.web import state
from db.models import PARTICIPANT_CATEGORIES, PROPOSAL_SOURCES, PROPOSAL_STATUSES

WIDGET_KEYS = {
    "q": "prop_q",
    "team_slug": "prop_team",
    "subteam_slugs": "prop_subteam",
    "statuses": "prop_status",
    "sources": "prop_source",
    "district_numbers": "prop_district",
    "areas": "prop_area",
    "categories": "prop_category",
    "date_from": "prop_from",
    "date_to": "prop_to",
}
PAGE_KEY = "prop_page"  # the page picker of the table
DETAIL_PARAM = "id"  # the proposal whose detail is open


def filters_sidebar(options: pq.FilterOptions) -> pq.ProposalFilters:
    """The filter widgets, filled from the URL on first show; returns the view."""
    _fill_widgets_from_url(options)
    sidebar = st.sidebar
    sidebar.header(web.tr("proposals.filters"))
    sidebar.text_input(
        web.tr("proposals.filter.q"), key=WIDGET_KEYS["q"], help=web.tr("proposals.filter.q_help")
    )
    teams = dict(options.teams)
    if len(teams) > 1:
        sidebar.selectbox(
            web.tr("common.thematic_team"),
            ["", *teams],
            key=WIDGET_KEYS["team_slug"],
            format_func=lambda slug: teams.get(slug, web.tr("common.all")),
        )
    subteams = dict(options.subteams)
    _multiselect("common.subteam", "subteam_slugs", list(subteams), subteams.get)
    _code_multiselect("common.status", "statuses", PROPOSAL_STATUSES, "status")
    _code_multiselect("proposals.filter.source", "sources", PROPOSAL_SOURCES, "source")
    districts = dict(options.districts)
    _multiselect(
        "common.district",
        "district_numbers",
        list(districts),
        lambda number: f"{number} — {districts[number]}",
    )
    _multiselect("proposals.filter.area", "areas", list(options.areas), str)
    _code_multiselect("proposals.filter.category", "categories", PARTICIPANT_CATEGORIES, "category")
    _date_range()
    sidebar.button(
        web.tr("proposals.filter.reset"), on_click=_reset_filters, icon=":material/filter_alt_off:"
    )
    filters = _filters_from_widgets()
    url_state.write_params(
        {name: filters.to_query_params().get(name) for name in pq.URL_NAMES.values()}
    )
    return filters


def _multiselect(label_key: str, field: str, options: list, format_func) -> None:
    st.sidebar.multiselect(
        web.tr(label_key),
        options,
        key=WIDGET_KEYS[field],
        format_func=format_func,
        placeholder=web.tr("common.all"),
    )


def _code_multiselect(label_key: str, field: str, codes, prefix: str) -> None:
    """Codes in the URL and the session, their catalogue labels on screen."""
    _multiselect(label_key, field, list(codes), lambda code: web.tr(f"{prefix}.{code}"))


def _date_range() -> None:
    from_column, to_column = st.sidebar.columns(2)
    from_column.date_input(
        web.tr("proposals.filter.from"), key=WIDGET_KEYS["date_from"], format="DD.MM.YYYY"
    )
    to_column.date_input(
        web.tr("proposals.filter.to"), key=WIDGET_KEYS["date_to"], format="DD.MM.YYYY"
    )


def _fill_widgets_from_url(options: pq.FilterOptions) -> None:
    if all(state.widget(key).is_set() for key in WIDGET_KEYS.values()):
        return
    from_url = pq.ProposalFilters.from_query_params(st.query_params)
    known = {
        "team_slug": {slug for slug, _ in options.teams} | {""},
        "subteam_slugs": {slug for slug, _ in options.subteams},
        "district_numbers": {number for number, _ in options.districts},
        "areas": set(options.areas),
    }
    for field, key in WIDGET_KEYS.items():
        value = getattr(from_url, field)
        if field in known:  # a value the widget cannot show would break it
            value = (
                [item for item in value if item in known[field]]
                if isinstance(value, tuple)
                else (value if value in known[field] else "")
            )
        elif isinstance(value, tuple):
            value = list(value)
        url_state.seed(key, value)


def _filters_from_widgets() -> pq.ProposalFilters:
    def value(field: str):
        return state.widget(WIDGET_KEYS[field]).get()

    return pq.ProposalFilters(
        q=(value("q") or "").strip(),
        statuses=tuple(value("statuses")),
        subteam_slugs=tuple(value("subteam_slugs")),
        sources=tuple(value("sources")),
        district_numbers=tuple(value("district_numbers")),
        areas=tuple(value("areas")),
        categories=tuple(value("categories")),
        date_from=_as_date(value("date_from")),
        date_to=_as_date(value("date_to")),
        team_slug=value("team_slug") or "",
    )


def _as_date(value) -> date | None:
    return value if isinstance(value, date) else None


def _reset_filters() -> None:
    for key in (*WIDGET_KEYS.values(), PAGE_KEY):
        state.widget(key).pop()
    for name in (*pq.URL_NAMES.values(), DETAIL_PARAM):
        st.query_params.pop(name, None)
    state.SELECTED_PROPOSAL.pop()
