"""The catalogue of presentable charts (/prezentacja and the meeting deck).

Each entry names its title, the filters that apply to it and two steps:
``load(engine, filters)`` runs the queries (cacheable: the page calls it through
``web.query``) and ``draw(data, filters, lang, threshold)`` builds the chart
without touching the database. ``draw_chart`` adds the title and a subtitle naming
the filters and the data-as-of time, the same on screen, in images and decks.

Small groups: breakdowns of people (sign-ups by okręg and age, team members by
category) show groups of 1..threshold-1 as "<threshold>" — the bar is left empty
and labelled, and the exact count is not in the chart data
(``dashboard.charts.presentation``); workshops with 1..threshold-1 sign-ups are
left out of the fill chart. The cumulative sign-up line is a running total of the
whole edition, and proposal and milestone counts are not about people: exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
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
from dashboard.core.formatting import format_date, format_datetime
from dashboard.core.privacy import small_group_label
from dashboard.deck.errors import UnknownChart
from dashboard.i18n import t
from dashboard.queries import congress as congress_queries
from dashboard.queries import presentation as queries
from dashboard.queries import progress as progress_queries
from dashboard.queries.scope import Scope

SUBTEAMS = "subteams"
EDITION = "edition"
SINCE = "since"
DEFAULT_SINCE_DAYS = 14

# Sizes in px: the whole chart on a 1280×720 projector page (Streamlit fits title, legend
# and plot into it), and the plot area of a 16:9 slide image.
PAGE_CHART_HEIGHT = 470
DECK_CHART_SIZE = (820, 360)


@dataclass(frozen=True)
class PresentationFilters:
    """What the audience sees: subteams (empty = the whole team), Congress edition,
    and the date the "since" views start. Hashable, so it keys the page's caches."""

    subteam_slugs: tuple[str, ...] = ()
    edition: int | None = None
    since: date | None = None
    as_of: date | None = None

    @property
    def scope(self) -> Scope:
        return Scope(subteam_slugs=self.subteam_slugs)


@dataclass(frozen=True)
class ChartEntry:
    chart_id: str
    title_key: str
    load: Callable[[Engine, PresentationFilters], Any]
    draw: Callable[[Any, PresentationFilters, str, int], alt.TopLevelMixin]
    filters: frozenset[str] = field(default_factory=frozenset)
    # The subtitle note saying how small groups of people are suppressed (None: exact).
    suppression_key: str | None = None


def resolve_filters(
    engine: Engine, filters: PresentationFilters, today: date
) -> PresentationFilters:
    """Fill the defaults: as-of today, since 14 days before, the latest Congress edition."""
    as_of = filters.as_of or today
    return replace(
        filters,
        as_of=as_of,
        since=filters.since or as_of - timedelta(days=DEFAULT_SINCE_DAYS),
        edition=filters.edition if filters.edition is not None else queries.latest_edition(engine),
        subteam_slugs=tuple(sorted(set(filters.subteam_slugs))),
    )


# --- progress (dashboard.queries.progress, dashboard.charts.progress) -----------


def _subteam_rows_of(
    query: Callable[[Engine, date, Scope], pd.DataFrame],
) -> Callable[[Engine, PresentationFilters], pd.DataFrame]:
    """A loader: ``query(engine, as_of, scope)`` for the chosen subteams."""

    def load(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
        return query(engine, filters.as_of, filters.scope)

    return load


def _unless_empty(
    chart: Callable[[pd.DataFrame, str], alt.TopLevelMixin],
) -> Callable[[pd.DataFrame, PresentationFilters, str, int], alt.TopLevelMixin]:
    """A drawer: ``chart(data, lang)``, or the empty-chart notice when there are no rows."""

    def draw(
        data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
    ) -> alt.TopLevelMixin:
        if data.empty:
            return empty_chart("", lang)
        return chart(data, lang)

    return draw


_load_progress = _subteam_rows_of(progress_queries.subteam_progress)
_draw_progress = _unless_empty(progress_charts.traffic_light_chart)
_load_pipeline = _subteam_rows_of(progress_queries.pipeline_as_of)
_draw_pipeline = _unless_empty(progress_charts.pipeline_chart)


def _load_milestones(engine: Engine, filters: PresentationFilters) -> dict[str, Any]:
    return {
        "milestones": progress_queries.milestones_as_of(engine, filters.as_of, filters.scope),
        "congresses": progress_queries.congress_editions(engine),
    }


def _draw_milestones(
    data: dict[str, Any], filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    if data["milestones"].empty:
        return empty_chart("", lang)
    return progress_charts.milestone_timeline_chart(
        data["milestones"], data["congresses"], filters.as_of, lang
    )


def _load_status_changes(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    return queries.status_changes_by_target(engine, filters.since, filters.as_of, filters.scope)


_draw_status_changes = _unless_empty(status_changes_chart)


# --- Congress (dashboard.queries.congress, dashboard.charts.congress) ----------


def _congress_filter(filters: PresentationFilters) -> congress_queries.CongressFilter | None:
    if filters.edition is None:
        return None
    return congress_queries.CongressFilter(edition=filters.edition)


def _load_signups_over_time(engine: Engine, filters: PresentationFilters) -> dict[str, Any]:
    flt = _congress_filter(filters)
    if flt is None:
        return {"cumulative": pd.DataFrame(), "event_date": None, "target": None}
    editions = congress_queries.editions(engine)
    edition = editions[editions["edition"] == filters.edition].iloc[0]
    target = edition["target_signups"]
    return {
        "cumulative": congress_queries.cumulative_signups(engine, flt),
        "event_date": edition["starts_on"],
        "target": None if pd.isna(target) else int(target),
    }


def _draw_signups_over_time(
    data: dict[str, Any], filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    if data["cumulative"].empty:
        return empty_chart("", lang)
    return congress_charts.cumulative_chart(
        data["cumulative"], data["event_date"], data["target"], lang
    )


def _load_workshop_fill(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    flt = _congress_filter(filters)
    if flt is None:
        return pd.DataFrame()
    return congress_queries.workshop_fill(engine, flt)


def _draw_workshop_fill(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    frame = suppress_workshop_fill(data, threshold) if not data.empty else data
    if frame.empty or frame["fill_rate"].isna().all():
        return empty_chart("", lang)
    return congress_charts.workshop_fill_chart(frame, lang)


def suppress_workshop_fill(fill: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Workshops with 1..threshold-1 sign-ups are left out (their bar, label and tooltip
    would each give the count); a waiting list that short is not mentioned."""
    small_registered = (fill["registered"] > 0) & (fill["registered"] < threshold)
    frame = fill.loc[~small_registered].copy()
    small_waitlist = (frame["waitlisted"] > 0) & (frame["waitlisted"] < threshold)
    frame.loc[small_waitlist, "waitlisted"] = 0
    return frame


def _load_signups_by_district(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    flt = _congress_filter(filters)
    if flt is None:
        return pd.DataFrame(columns=["district_number", "district", "count"])
    return congress_queries.by_district(engine, flt)


def _draw_signups_by_district(
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


def _load_signups_by_age(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    flt = _congress_filter(filters)
    if flt is None:
        return pd.DataFrame(columns=["age_group", "count"])
    return congress_queries.by_age_group(engine, flt)


def _draw_signups_by_age(
    data: pd.DataFrame, filters: PresentationFilters, lang: str, threshold: int
) -> alt.TopLevelMixin:
    frame = data.assign(
        label=[
            t("presentation.no_age", lang) if group == congress_queries.UNKNOWN else group
            for group in data["age_group"]
        ]
    )
    return _people_bars(frame, lang, threshold, "presentation.axis.age_group", sort_by_count=False)


# --- team mix (suppressed) ------------------------------------------------------


def _load_team_mix(engine: Engine, filters: PresentationFilters) -> pd.DataFrame:
    return queries.members_by_category(engine, filters.scope)


def _draw_team_mix(
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


# --- the catalogue -------------------------------------------------------------

CATALOGUE: tuple[ChartEntry, ...] = (
    ChartEntry(
        "progress",
        "presentation.chart.progress",
        _load_progress,
        _draw_progress,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "pipeline",
        "presentation.chart.pipeline",
        _load_pipeline,
        _draw_pipeline,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "milestones",
        "presentation.chart.milestones",
        _load_milestones,
        _draw_milestones,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "status_changes",
        "presentation.chart.status_changes",
        _load_status_changes,
        _draw_status_changes,
        frozenset({SUBTEAMS, SINCE}),
    ),
    ChartEntry(
        "signups_over_time",
        "presentation.chart.signups_over_time",
        _load_signups_over_time,
        _draw_signups_over_time,
        frozenset({EDITION}),
    ),
    ChartEntry(
        "workshop_fill",
        "presentation.chart.workshop_fill",
        _load_workshop_fill,
        _draw_workshop_fill,
        frozenset({EDITION}),
        suppression_key="presentation.suppressed_workshops",
    ),
    ChartEntry(
        "signups_by_district",
        "presentation.chart.signups_by_district",
        _load_signups_by_district,
        _draw_signups_by_district,
        frozenset({EDITION}),
        suppression_key="presentation.suppressed_note",
    ),
    ChartEntry(
        "signups_by_age",
        "presentation.chart.signups_by_age",
        _load_signups_by_age,
        _draw_signups_by_age,
        frozenset({EDITION}),
        suppression_key="presentation.suppressed_note",
    ),
    ChartEntry(
        "team_mix",
        "presentation.chart.team_mix",
        _load_team_mix,
        _draw_team_mix,
        frozenset({SUBTEAMS}),
        suppression_key="presentation.suppressed_note",
    ),
)
CHART_IDS: tuple[str, ...] = tuple(entry.chart_id for entry in CATALOGUE)
_BY_ID = {entry.chart_id: entry for entry in CATALOGUE}


def entry(chart_id: str) -> ChartEntry:
    try:
        return _BY_ID[chart_id]
    except KeyError:
        raise UnknownChart(chart=chart_id, known=", ".join(CHART_IDS)) from None


def chart_title(chart_id: str, lang: str) -> str:
    return t(entry(chart_id).title_key, lang)


def load_chart_data(engine: Engine, chart_id: str, filters: PresentationFilters) -> Any:
    """The query step (pages call it through ``web.query``; filters must be resolved)."""
    return entry(chart_id).load(engine, filters)


def filter_description(
    chart_id: str, filters: PresentationFilters, lang: str, subteam_names: dict[str, str]
) -> str:
    """ "cały zespół · 2. edycja Kongresu · od 02.03.2026" — only the filters that apply."""
    applies = entry(chart_id).filters
    parts = []
    if SUBTEAMS in applies or SINCE in applies:
        parts.append(subteams_text(filters.subteam_slugs, lang, subteam_names))
    if EDITION in applies and filters.edition is not None:
        parts.append(t("presentation.filter.edition", lang, edition=filters.edition))
    if SINCE in applies and filters.since is not None:
        parts.append(t("presentation.filter.since", lang, date=format_date(filters.since)))
    return " · ".join(parts)


def subteams_text(slugs: tuple[str, ...], lang: str, subteam_names: dict[str, str]) -> str:
    if not slugs:
        return t("presentation.filter.whole_team", lang)
    names = ", ".join(subteam_names.get(slug, slug) for slug in slugs)
    return t("presentation.filter.subteams", lang, names=names)


def subtitle_lines(
    chart_id: str,
    filters: PresentationFilters,
    lang: str,
    data_as_of: datetime,
    subteam_names: dict[str, str],
    threshold: int,
) -> list[str]:
    """The chart's subtitle: the filters, then the data-as-of time and the suppression note."""
    second = [t("presentation.data_as_of", lang, when=format_datetime(data_as_of))]
    note = entry(chart_id).suppression_key
    if note is not None:
        second.append(t(note, lang, max=threshold - 1, label=small_group_label(threshold)))
    first = filter_description(chart_id, filters, lang, subteam_names)
    return [line for line in (first, " · ".join(second)) if line]


def draw_chart(
    chart_id: str,
    data: Any,
    filters: PresentationFilters,
    lang: str,
    *,
    threshold: int,
    data_as_of: datetime,
    subteam_names: dict[str, str],
    size: tuple[int | None, int] | None = None,
    with_title: bool = True,
) -> alt.TopLevelMixin:
    """The chart with its title and subtitle (not yet finalized). Without the title
    (a deck slide carries it as text) any title the area module gave is removed."""
    chart = entry(chart_id).draw(data, filters, lang, threshold)
    if size is not None:
        chart = sized(chart, *size)
    if not with_title:
        return chart.properties(title=alt.Title(""))
    title = alt.Title(
        chart_title(chart_id, lang),
        subtitle=subtitle_lines(chart_id, filters, lang, data_as_of, subteam_names, threshold),
    )
    return chart.properties(title=title)


def build_chart(
    engine: Engine,
    chart_id: str,
    filters: PresentationFilters,
    lang: str,
    *,
    threshold: int,
    data_as_of: datetime,
    size: tuple[int | None, int] | None = None,
) -> alt.TopLevelMixin:
    """Load and draw in one step (the deck, the CLI and tests)."""
    data = load_chart_data(engine, chart_id, filters)
    return draw_chart(
        chart_id,
        data,
        filters,
        lang,
        threshold=threshold,
        data_as_of=data_as_of,
        subteam_names=subteam_names(engine),
        size=size,
    )


def subteam_names(engine: Engine) -> dict[str, str]:
    options = queries.subteam_options(engine)
    return dict(zip(options["slug"], options["name"], strict=True))


def sized(chart: alt.TopLevelMixin, width: int | None, height: int) -> alt.TopLevelMixin:
    """Set the plot size where Vega-Lite allows it on the top level (single and layered
    charts); concatenated and faceted charts keep the size their area module gave them."""
    if not isinstance(chart, alt.Chart | alt.LayerChart):
        return chart
    if width is None:
        return chart.properties(height=height)
    return chart.properties(width=width, height=height)
