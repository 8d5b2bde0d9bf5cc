"""The filters of /wyniki, in the page itself (visitors may have no sidebar) and kept in
the URL: q, status, subteam, okreg, source, from, to."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import web
from dashboard.queries.public import URL_NAMES, PublicFilters, PublicOptions
from dashboard.ui import url_state
from dashboard.web import state
from db.models import PROPOSAL_SOURCES, PROPOSAL_STATUSES

WIDGET_KEYS = {
    "q": "pub_q",
    "statuses": "pub_status",
    "subteam_slugs": "pub_subteam",
    "okreg": "pub_okreg",
    "sources": "pub_source",
    "date_from": "pub_from",
    "date_to": "pub_to",
}
PAGE_KEY = "pub_page"


def filter_widgets(options: PublicOptions) -> PublicFilters:
    """Search box and filters, preset from the URL on first show; returns the view."""
    _fill_from_url(options)
    st.text_input(
        web.tr("public.filter.q"), key=WIDGET_KEYS["q"], help=web.tr("public.filter.q_help")
    )
    active = _filters_from_widgets()
    with st.expander(
        web.tr("public.filters"), expanded=_has_filters(active), icon=":material/tune:"
    ):
        # One row per pair, so a phone (one column) reads them in this order too.
        left, right = st.columns(2)
        districts = dict(options.districts)
        left.selectbox(
            web.tr("public.filter.okreg"),
            [None, *districts],
            key=WIDGET_KEYS["okreg"],
            format_func=lambda number: (
                web.tr("public.filter.okreg_all")
                if number is None
                else f"{number} — {districts[number]}"
            ),
        )
        _codes(right, "common.status", "statuses", PROPOSAL_STATUSES, "status")
        left, right = st.columns(2)
        subteams = dict(options.subteams)
        left.multiselect(
            web.tr("common.subteam"),
            list(subteams),
            key=WIDGET_KEYS["subteam_slugs"],
            format_func=subteams.get,
            placeholder=web.tr("common.all"),
        )
        _codes(right, "public.filter.source", "sources", PROPOSAL_SOURCES, "source")
        left, right = st.columns(2)
        left.date_input(
            web.tr("public.filter.from"), key=WIDGET_KEYS["date_from"], format="DD.MM.YYYY"
        )
        right.date_input(
            web.tr("public.filter.to"), key=WIDGET_KEYS["date_to"], format="DD.MM.YYYY"
        )
        st.button(web.tr("public.filter.reset"), on_click=_reset, icon=":material/filter_alt_off:")
    filters = _filters_from_widgets()
    params = filters.to_query_params()
    url_state.write_params({name: params.get(name) for name in URL_NAMES.values()})
    return filters


def _codes(column, label_key: str, field: str, codes, prefix: str) -> None:
    column.multiselect(
        web.tr(label_key),
        list(codes),
        key=WIDGET_KEYS[field],
        format_func=lambda code: web.tr(f"{prefix}.{code}"),
        placeholder=web.tr("common.all"),
    )


def _has_filters(filters: PublicFilters) -> bool:
    return bool(set(filters.to_query_params()) - {"q"})


def _fill_from_url(options: PublicOptions) -> None:
    if all(state.widget(key).is_set() for key in WIDGET_KEYS.values()):
        return
    wanted = PublicFilters.from_query_params(st.query_params)
    subteams = {slug for slug, _ in options.subteams}
    districts = {number for number, _ in options.districts}
    values = {
        "q": wanted.q,
        "statuses": list(wanted.statuses),
        "subteam_slugs": [slug for slug in wanted.subteam_slugs if slug in subteams],
        # An okręg that does not exist stays in the filter, so the page can say so.
        "okreg": wanted.okreg if wanted.okreg in districts else None,
        "sources": list(wanted.sources),
        "date_from": wanted.date_from,
        "date_to": wanted.date_to,
    }
    for field, key in WIDGET_KEYS.items():
        url_state.seed(key, values[field])


def unknown_okreg(options: PublicOptions) -> int | None:
    """The okręg number the URL asks for when no such okręg exists (else None)."""
    wanted = PublicFilters.from_query_params(st.query_params).okreg
    if wanted is None or wanted in {number for number, _ in options.districts}:
        return None
    return wanted


def _filters_from_widgets() -> PublicFilters:
    def value(field: str):
        return state.widget(WIDGET_KEYS[field]).get()

    return PublicFilters(
        q=(value("q") or "").strip()[:200],
        statuses=tuple(value("statuses") or ()),
        subteam_slugs=tuple(value("subteam_slugs") or ()),
        okreg=value("okreg"),
        sources=tuple(value("sources") or ()),
        date_from=value("date_from") if isinstance(value("date_from"), date) else None,
        date_to=value("date_to") if isinstance(value("date_to"), date) else None,
    )


def _reset() -> None:
    for key in (*WIDGET_KEYS.values(), PAGE_KEY):
        state.widget(key).pop()
    for name in URL_NAMES.values():
        st.query_params.pop(name, None)
