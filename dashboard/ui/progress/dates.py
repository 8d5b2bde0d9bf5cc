"""The as-of and "since" dates of /postepy (``?na_dzien=2026-03-01&od=2026-02-15``)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.queries import changes
from dashboard.web import state
from db.engine import now

AS_OF_PARAM = "na_dzien"  # also the widget keys, bound to the URL parameters
SINCE_PARAM = "od"
EARLIEST_AS_OF = date(2024, 1, 1)


def today() -> date:
    return now().date()


def _reset_since() -> None:
    """A new as-of date moves the "since" date back to its default, 14 days earlier
    (forgetting the widget's state makes it take its new default, and leaves the URL)."""
    state.widget(SINCE_PARAM).pop()


def date_filters() -> tuple[date, date]:
    """The as-of date (default today) and the "since" date (default 14 days before it)."""
    as_of_column, since_column = st.columns(2)
    current_day = today()
    with as_of_column:
        as_of = st.date_input(
            web.tr("progress.filter.as_of"),
            value=current_day,
            min_value=EARLIEST_AS_OF,
            max_value=current_day,
            format="DD.MM.YYYY",
            key=AS_OF_PARAM,
            bind="query-params",
            on_change=_reset_since,
        )
    with since_column:
        since = st.date_input(
            web.tr("progress.filter.since"),
            value=changes.default_since(as_of),
            min_value=EARLIEST_AS_OF,
            max_value=current_day,
            format="DD.MM.YYYY",
            key=SINCE_PARAM,
            bind="query-params",
        )
    if since > as_of:
        st.warning(web.tr("progress.filter.since_after_as_of", date=format_date(as_of)))
        since = as_of
    return as_of, since
