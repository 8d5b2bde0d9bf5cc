"""Widgets of /prezentacja: the settings in the sidebar, one chart per screen, the deck.

The current chart lives in the session (``state.CURRENT_CHART``, the jump list's
key); the previous/next buttons move it in ``on_click`` callbacks, and the URL
carries it as ``?chart=<id>`` so a link opens the same chart.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import deck, web
from dashboard.deck import catalogue as presentation
from dashboard.deck.filters import PresentationFilters
from dashboard.ui import clicker
from dashboard.ui.charts import show_chart
from dashboard.web import state

CHARTS_KEY = "presentation_charts"
SUBTEAMS_KEY = "presentation_subteams"
EDITION_KEY = "presentation_edition"
SINCE_KEY = "presentation_since"
CHART_PARAM = "chart"

# Only spacing: the projector page has to fit 1280×720 without scrolling.
COMPACT_CSS = (
    "<style>\n"
    ".stMainBlockContainer, .block-container {padding-top: 4rem; padding-bottom: 0.5rem;}\n"
    f"{clicker.HIDDEN_CSS}\n"
    "</style>"
)


def compact_layout() -> None:
    st.set_page_config(initial_sidebar_state="collapsed")
    st.html(COMPACT_CSS)


def settings(subteams: pd.DataFrame, editions: pd.DataFrame, today: date) -> tuple[
    tuple[str, ...], PresentationFilters
]:  # fmt: skip
    """The sidebar: which charts, which subteams, edition and "since" date."""
    sidebar = st.sidebar
    sidebar.subheader(web.tr("presentation.settings"))
    chosen = sidebar.multiselect(
        web.tr("presentation.choose_charts"),
        options=list(presentation.CHART_IDS),
        default=list(presentation.CHART_IDS),
        format_func=lambda chart_id: presentation.chart_title(chart_id, web.lang()),
        key=CHARTS_KEY,
    )
    names = dict(zip(subteams["slug"], subteams["name"], strict=True))
    slugs = sidebar.multiselect(
        web.tr("presentation.filter_subteams"),
        options=list(names),
        format_func=names.get,
        key=SUBTEAMS_KEY,
        placeholder=web.tr("presentation.filter.whole_team"),
    )
    edition = None
    if not editions.empty:
        numbers = [int(number) for number in editions["edition"]]
        labels = dict(zip(numbers, editions["name"], strict=True))
        edition = sidebar.selectbox(
            web.tr("presentation.filter_edition"),
            options=numbers,
            format_func=labels.get,
            key=EDITION_KEY,
        )
    since = sidebar.date_input(
        web.tr("presentation.filter_since"),
        value=today - timedelta(days=presentation.DEFAULT_SINCE_DAYS),
        max_value=today,
        format="DD.MM.YYYY",
        key=SINCE_KEY,
    )
    filters = PresentationFilters(
        subteam_slugs=tuple(sorted(slugs)), edition=edition, since=since, as_of=today
    )
    return tuple(chosen), filters


def _move(chosen: tuple[str, ...], step: int) -> None:
    position = chosen.index(state.CURRENT_CHART.get()) + step
    state.CURRENT_CHART.set(chosen[max(0, min(position, len(chosen) - 1))])


def _step_button(name: str, icon: str, disabled: bool, chosen: tuple[str, ...], step: int) -> None:
    st.button(
        web.tr(f"presentation.{name}"),
        key=f"presentation_{name}",
        icon=icon,
        disabled=disabled,
        on_click=_move,
        args=(chosen, step),
        width="stretch",
    )


def _follow_clicker(chosen: tuple[str, ...]) -> None:
    action = clicker.pressed()
    if action == "first":
        state.CURRENT_CHART.set(chosen[0])
    elif action == "last":
        state.CURRENT_CHART.set(chosen[-1])
    elif action in ("next", "previous"):
        _move(chosen, 1 if action == "next" else -1)


def current_chart(chosen: tuple[str, ...]) -> str:
    """The chart on screen, with previous/next buttons and a jump list above it; the keys
    of a clicker (and of the keyboard) move it too."""
    if state.CURRENT_CHART.get() not in chosen:
        requested = st.query_params.get(CHART_PARAM)
        state.CURRENT_CHART.set(requested if requested in chosen else chosen[0])
    _follow_clicker(chosen)
    position = chosen.index(state.CURRENT_CHART.get())
    previous, jump, counter, following = st.columns([1.2, 4, 1.6, 1.2], vertical_alignment="center")
    with previous:
        _step_button("previous", ":material/arrow_back:", position == 0, chosen, -1)
    current = jump.selectbox(
        web.tr("presentation.current_chart"),
        options=list(chosen),
        format_func=lambda chart_id: presentation.chart_title(chart_id, web.lang()),
        key=state.CURRENT_CHART.key,
        label_visibility="collapsed",
    )
    counter.markdown(
        web.tr("presentation.position", current=chosen.index(current) + 1, total=len(chosen))
    )
    with following:
        _step_button("next", ":material/arrow_forward:", position == len(chosen) - 1, chosen, 1)
    st.query_params[CHART_PARAM] = current
    return current


def chart(chart_id: str, filters: PresentationFilters, subteam_names: dict[str, str]) -> None:
    data = web.query(presentation.load_chart_data, chart_id, filters)
    figure = presentation.draw_chart(
        chart_id,
        data,
        filters,
        web.lang(),
        threshold=web.settings().small_group_threshold,
        data_as_of=web.data_as_of(),
        subteam_names=subteam_names,
        size=(None, presentation.PAGE_CHART_HEIGHT),
    )
    show_chart(figure, f"prezentacja-{chart_id}", projector=True)


def deck_place():
    """The top of the sidebar, kept for the deck buttons (filled once the charts are chosen)."""
    return st.sidebar.container()


def deck_buttons(place, chosen: tuple[str, ...], filters: PresentationFilters) -> None:
    """PPTX and PDF of the chosen charts, built only when a button is clicked."""
    sidebar = place
    sidebar.subheader(web.tr("presentation.deck"))
    sidebar.caption(web.tr("presentation.deck_help"))
    options = {
        "since": filters.since,
        "subteam_slugs": filters.subteam_slugs,
        "chart_ids": chosen,
        "edition": filters.edition,
        "lang": web.lang(),
        "threshold": web.settings().small_group_threshold,
    }
    for fmt, label_key, mime in (
        ("pptx", "presentation.download_pptx", deck.PPTX_MIME),
        ("pdf", "presentation.download_pdf", "application/pdf"),
    ):
        sidebar.download_button(
            web.tr(label_key),
            data=lambda fmt=fmt: deck.deck_bytes(web.engine(), fmt, **options),
            file_name=deck.file_name(fmt, filters.as_of),
            mime=mime,
            key=f"presentation_deck_{fmt}",
            icon=":material/download:",
            width="stretch",
        )
