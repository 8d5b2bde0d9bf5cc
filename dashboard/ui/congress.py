"""Widgets of /kongres: URL-kept filters, totals and the chart-beside-table sections.
Streamlit code only — numbers come from ``dashboard.queries.congress``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.charts import congress as charts
from dashboard.core.formatting import format_long_date
from dashboard.i18n import format_percent
from dashboard.queries import attendance as attendance_queries
from dashboard.queries import congress as cq
from dashboard.ui import sections
from dashboard.ui.charts import ChartRecipe, recipe, show_chart
from dashboard.ui.tables import as_percents, percent_column, show_table
from dashboard.ui.url_state import url_select
from db.engine import now
from db.models import PARTICIPANT_CATEGORIES


def _select(label_key: str, param: str, options: list, format_func) -> object:
    """A filter kept in the URL as ``?param=code`` (language-independent)."""
    return url_select(
        web.tr(label_key),
        param,
        options,
        format_func,
        key=f"kongres_{param}",
        placeholder=web.tr("common.all"),
    )


def _id_map(frame: pd.DataFrame, key: str, value: str) -> dict[int, str]:
    # Plain ints (not numpy's) in the URL, the cache keys and the SQL parameters.
    return {int(k): v for k, v in zip(frame[key], frame[value], strict=True)}


def filters(editions: pd.DataFrame) -> cq.CongressFilter:
    """Edition, day, workshop and category, side by side, each kept in the URL."""
    names = _id_map(editions, "edition", "name")
    all_label = web.tr("common.all")
    edition_column, day_column, workshop_column, category_column = st.columns(4)
    with edition_column:
        edition = _select("congress.edition", "edition", list(names), names.get)
    titles = _id_map(web.query(cq.workshops, edition), "id", "title")
    with day_column:
        day = _select(
            "congress.filter.day",
            "day",
            [None, 1, 2],
            lambda d: all_label if d is None else web.tr("congress.day_n", day=d),
        )
    with workshop_column:
        workshop = _select(
            "congress.workshop", "workshop", [None, *titles], lambda w: titles.get(w, all_label)
        )
    with category_column:
        category = _select(
            "congress.filter.category",
            "category",
            [None, *PARTICIPANT_CATEGORIES],
            lambda c: all_label if c is None else web.tr(f"category.{c}"),
        )
    return cq.CongressFilter(edition=edition, day=day, workshop_id=workshop, category=category)


def edition_caption(editions: pd.DataFrame, edition: int) -> pd.Series:
    """Name, first day and venue of the chosen edition; returns its row."""
    event = editions[editions["edition"] == edition].iloc[0]
    st.caption(
        web.tr(
            "congress.edition_caption",
            name=event["name"],
            date=format_long_date(event["starts_on"], web.lang()),
            venue=event["venue"] or "—",
        )
    )
    return event


def chart_beside_table(
    chart: ChartRecipe, name: str, table: pd.DataFrame, column_config: dict | None = None
) -> None:
    """The chart, with its numbers as a table on demand (folded under it)."""
    show_chart(chart, name)
    with st.expander(web.tr("congress.table_on_demand")):
        show_table(table, column_config)


SECTIONS = (
    "congress.section.totals",
    "congress.section.days_workshops",
    "congress.section.over_time",
    "congress.section.who",
    "congress.section.attendance",
)


def section_tabs() -> list:
    """The page in tabs, one per section, so it is not one 4,000-px scroll."""
    return sections.section_tabs(SECTIONS)


def _metrics(values: list[tuple[str, object, str | None]]) -> None:
    """One metric per (catalogue key, value, help key) in equal columns."""
    for column, (key, value, help_key) in zip(st.columns(len(values)), values, strict=True):
        column.metric(web.tr(key), web.number(value), help=web.tr(help_key) if help_key else None)


def totals_section(flt: cq.CongressFilter) -> None:
    lang = web.lang()
    totals = web.query(cq.status_totals, flt)
    capacity = totals["capacity"]
    _metrics(
        [
            ("signup_status.registered", totals["registered"], None),
            ("signup_status.waitlisted", totals["waitlisted"], None),
            ("signup_status.cancelled", totals["cancelled"], None),
            ("congress.capacity", "—" if capacity is None else capacity, "congress.capacity_help"),
        ]
    )
    by_edition = web.query(cq.totals_by_edition, flt.category)
    chart_beside_table(
        recipe(charts.editions_chart, by_edition, lang),
        "kongres-edycje",
        charts.editions_table(by_edition, lang),
    )


def days_and_workshops_section(flt: cq.CongressFilter) -> None:
    lang = web.lang()
    days = web.query(cq.day_split, flt)
    chart_beside_table(
        recipe(charts.days_chart, days, lang), "kongres-dni", charts.days_table(days, lang)
    )
    fill = web.query(cq.workshop_fill, flt)
    if fill.empty:
        st.info(web.tr("congress.no_workshops"))
        return
    fill_rate = web.tr("congress.fill_rate")
    chart_beside_table(
        recipe(charts.workshop_fill_chart, fill, lang),
        "kongres-warsztaty",
        as_percents(charts.fill_table(fill, lang), [fill_rate]),
        {fill_rate: percent_column(fill_rate, progress=True)},
    )


def over_time_section(flt: cq.CongressFilter, event: pd.Series) -> None:
    lang = web.lang()
    cumulative = web.query(cq.cumulative_signups, flt)
    if cumulative.empty:
        st.info(web.tr("congress.no_signups"))
    else:
        target = None if event["target_signups"] is None else int(event["target_signups"])
        chart = recipe(charts.cumulative_chart, cumulative, event["starts_on"], target, lang)
        show_chart(chart, "kongres-narastajaco")
    comparison = web.query(cq.edition_comparison, flt)
    if (comparison["edition"] != flt.edition).any():  # the previous edition has data to compare
        show_chart(
            recipe(charts.edition_comparison_chart, comparison, lang), "kongres-edycja-do-edycji"
        )
    else:
        st.caption(web.tr("congress.no_previous"))


def who_section(flt: cq.CongressFilter) -> None:
    lang = web.lang()
    groups = (
        ("congress.chart.by_district", "common.district", charts.district_labels, cq.by_district),
        ("congress.chart.by_age", "congress.age_group", charts.age_labels, cq.by_age_group),
        ("congress.chart.by_category", "congress.category", charts.category_labels, cq.by_category),
    )
    for index, (title_key, header_key, add_labels, query) in enumerate(groups):
        labelled = add_labels(web.query(query, flt), lang)
        chart_beside_table(
            recipe(charts.who_chart, labelled, "label", title_key, header_key, lang),
            f"kongres-kto-{index}",
            charts.who_table(labelled, header_key, lang),
        )


def attendance_section(flt: cq.CongressFilter) -> None:
    """Who came, for editions that are over (a note before that)."""
    lang = web.lang()
    if not web.query(attendance_queries.edition_has_ended, flt.edition, now().date()):
        st.info(web.tr("congress.attendance_after"))
        return
    overall = web.query(attendance_queries.attendance_totals, flt).iloc[0]
    rate = overall["no_show_rate"]
    _metrics(
        [
            ("congress.presence.came", int(overall["came"]), None),
            ("congress.presence.did_not_come", int(overall["did_not_come"]), None),
            ("congress.no_show_rate", "—" if pd.isna(rate) else format_percent(rate), None),
        ]
    )
    by_workshop = web.query(attendance_queries.attendance_by_workshop, flt)
    by_category = charts.category_labels(
        web.query(attendance_queries.attendance_by_category, flt), lang
    )
    rate_label = web.tr("congress.no_show_rate")
    sections = (
        ("kongres-obecnosc-warsztaty", by_workshop, "title", "congress.chart.attendance_workshop"),
        ("kongres-obecnosc-kategorie", by_category, "label", "congress.chart.attendance_category"),
    )
    headers = {"title": "congress.workshop", "label": "congress.category"}
    for name, frame, label_column, title_key in sections:
        if frame.empty:
            continue
        header_key = headers[label_column]
        chart_beside_table(
            recipe(charts.attendance_chart, frame, label_column, title_key, header_key, lang),
            name,
            as_percents(
                charts.attendance_table(frame, label_column, header_key, lang), [rate_label]
            ),
            {rate_label: percent_column(rate_label)},
        )
