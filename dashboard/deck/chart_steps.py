"""The two steps of each presentable chart: ``load(engine, filters)`` runs the queries
(cacheable: the page calls it through ``web.query``) and ``draw(data, filters, lang,
threshold)`` builds the chart without touching the database.

Small groups: breakdowns of people (sign-ups by okręg and age, team members by
category) show groups of 1..threshold-1 as "<threshold>" — an outlined bar, labelled,
and the exact count is not in the chart data (``dashboard.charts.presentation``).
Seats taken in a workshop are not a breakdown of people, and the nearly empty
workshops are what organisers must see: exact. So are the cumulative sign-up line
(a running total of the whole edition) and proposal and milestone counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
from sqlalchemy import Engine

from dashboard.charts import congress as congress_charts
from dashboard.charts import progress as progress_charts
from dashboard.charts.presentation import (
    empty_chart,
    status_changes_chart,
    suppressed_bar_chart,
)
from dashboard.deck.filters import PresentationFilters
from dashboard.i18n import t
from dashboard.queries import congress as congress_queries
from dashboard.queries import presentation as queries
from dashboard.queries import progress as progress_queries
from dashboard.queries.scope import Scope

Load = Callable[[Engine, PresentationFilters], Any]
Draw = Callable[[Any, PresentationFilters, str, int], alt.TopLevelMixin]


def _unless_empty(chart: Callable[..., alt.TopLevelMixin]) -> Draw:
    """A drawer: ``chart(*data, lang)`` where the loaded data is a frame or a tuple of
    the chart's arguments led by its frame; the empty-chart notice when that frame has
    no rows."""

    def draw(data: Any, filters: PresentationFilters, lang: str, threshold: int):
        arguments = data if isinstance(data, tuple) else (data,)
        if arguments[0].empty:
            return empty_chart("", lang)
        return chart(*arguments, lang)

    return draw


# --- progress (dashboard.queries.progress, dashboard.charts.progress) -----------


def _subteam_rows_of(query: Callable[[Engine, date, Scope], pd.DataFrame]) -> Load:
    """A loader: ``query(engine, as_of, scope)`` for the chosen subteams."""

    def load(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
        return query(engine, filters.as_of, filters.scope)

    return load


def load_milestones(engine: Engine, filters: PresentationFilters) -> tuple:
    """The arguments of ``milestone_timeline_chart`` before ``lang``."""
    milestones = progress_queries.milestones_as_of(engine, filters.as_of, filters.scope)
    return milestones, progress_queries.congress_editions(engine), filters.as_of


def load_status_changes(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    return queries.status_changes_by_target(engine, filters.since, filters.as_of, filters.scope)


load_progress = _subteam_rows_of(progress_queries.subteam_progress)
draw_progress = _unless_empty(progress_charts.traffic_light_chart)
load_pipeline = _subteam_rows_of(progress_queries.pipeline_as_of)
draw_pipeline = _unless_empty(progress_charts.pipeline_chart)
draw_milestones = _unless_empty(progress_charts.milestone_timeline_chart)
draw_status_changes = _unless_empty(status_changes_chart)


# --- Congress (dashboard.queries.congress, dashboard.charts.congress) ----------


def _congress_filter(filters: PresentationFilters) -> congress_queries.CongressFilter | None:
    if filters.edition is None:
        return None
    return congress_queries.CongressFilter(edition=filters.edition)


def load_signups_over_time(engine: Engine, filters: PresentationFilters) -> tuple:
    """The arguments of ``cumulative_chart`` before ``lang``: sign-ups, event day, target."""
    flt = _congress_filter(filters)
    if flt is None:
        return pd.DataFrame(), None, None
    editions = congress_queries.editions(engine)
    edition = editions[editions["edition"] == filters.edition].iloc[0]
    target = edition["target_signups"]
    return (
        congress_queries.cumulative_signups(engine, flt),
        edition["starts_on"],
        None if pd.isna(target) else int(target),
    )


def _congress_rows_of(
    query: Callable[[Engine, congress_queries.CongressFilter], pd.DataFrame],
    columns: tuple[str, ...] = (),
) -> Load:
    """A loader: ``query(engine, congress_filter)`` for the chosen edition; with no
    edition, no rows (with ``columns``)."""

    def load(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
        flt = _congress_filter(filters)
        if flt is None:
            return pd.DataFrame(columns=list(columns))
        return query(engine, flt)

    return load


draw_signups_over_time = _unless_empty(congress_charts.cumulative_chart)
# This edition against the previous one, aligned on days before the event.
load_edition_comparison = _congress_rows_of(
    congress_queries.edition_comparison, ("edition", "name", "days_before", "cumulative")
)
draw_edition_comparison = _unless_empty(congress_charts.edition_comparison_chart)
load_workshop_fill = _congress_rows_of(congress_queries.workshop_fill)
load_signups_by_district = _congress_rows_of(
    congress_queries.by_district, ("district_number", "district", "count")
)
load_signups_by_age = _congress_rows_of(congress_queries.by_age_group, ("age_group", "count"))


def draw_workshop_fill(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    if data.empty or data["fill_rate"].isna().all():
        return empty_chart("", lang)
    return congress_charts.workshop_fill_chart(data, lang)


def draw_signups_by_district(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    frame = data.sort_values("district_number", key=lambda numbers: numbers.replace(0, 99))
    frame = frame.assign(
        label=[
            t("presentation.no_district", lang) if number == 0 else f"{number}. {name}"
            for number, name in zip(frame["district_number"], frame["district"], strict=True)
        ]
    )
    return _people_bars(frame, lang, threshold, "presentation.axis.district", sort_by_count=False)


def draw_signups_by_age(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    frame = data.assign(
        label=[
            t("presentation.no_age", lang) if group == congress_queries.UNKNOWN else group
            for group in data["age_group"]
        ]
    )
    return _people_bars(frame, lang, threshold, "presentation.axis.age_group", sort_by_count=False)


# --- team mix ---------------------------------------------------------------------


def load_team_mix(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    return queries.members_by_category(engine, filters.scope)


def draw_team_mix(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    frame = data.assign(label=[t(f"category.{category}", lang) for category in data["category"]])
    return _people_bars(
        frame, lang, threshold, "presentation.axis.category", value_key="presentation.axis.people"
    )


def _people_bars(
    frame: pd.DataFrame,
    lang: str,
    threshold: int,
    category_key: str,
    *,
    value_key: str = "presentation.axis.signups",
    sort_by_count: bool = True,
) -> alt.TopLevelMixin:
    """Counts of people as bars, groups of 1..threshold-1 shown as "<threshold>"."""
    if frame.empty or int(frame["count"].sum()) == 0:
        return empty_chart("", lang)
    return suppressed_bar_chart(
        frame[["label", "count"]],
        lang=lang,
        title="",
        category_title=t(category_key, lang),
        value_title=t(value_key, lang),
        threshold=threshold,
        sort_by_count=sort_by_count,
    )
