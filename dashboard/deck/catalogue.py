"""The catalogue of presentable charts (/prezentacja and the meeting deck).

Each entry names its title, the filters that apply to it and its two steps, load and
draw (``chart_steps``). ``draw_chart`` adds the title and a subtitle naming the
filters and the data-as-of time, the same on screen, in images and decks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import altair as alt
from sqlalchemy import Engine

from dashboard.core.formatting import format_date, format_datetime
from dashboard.core.privacy import small_group_label
from dashboard.deck import chart_steps as steps
from dashboard.deck.errors import UnknownChart
from dashboard.deck.filters import (
    DEFAULT_SINCE_DAYS,
    EDITION,
    SINCE,
    SUBTEAMS,
    PresentationFilters,
)
from dashboard.i18n import t
from dashboard.queries import presentation as queries
from dashboard.queries import progress as progress_queries

# Sizes in px: the whole chart on a 1280×720 projector page (Streamlit fits title, legend
# and plot into it), and the plot area of a 16:9 slide image.
PAGE_CHART_HEIGHT = 470
DECK_CHART_SIZE = (820, 360)


@dataclass(frozen=True)
class ChartEntry:
    chart_id: str
    title_key: str
    load: steps.Load
    draw: steps.Draw
    filters: frozenset[str] = field(default_factory=frozenset)
    # The subtitle note saying how small groups of people are suppressed (None: exact).
    suppression_key: str | None = None


CATALOGUE: tuple[ChartEntry, ...] = (
    ChartEntry(
        "progress",
        "presentation.chart.progress",
        steps.load_progress,
        steps.draw_progress,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "pipeline",
        "presentation.chart.pipeline",
        steps.load_pipeline,
        steps.draw_pipeline,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "milestones",
        "presentation.chart.milestones",
        steps.load_milestones,
        steps.draw_milestones,
        frozenset({SUBTEAMS}),
    ),
    ChartEntry(
        "status_changes",
        "presentation.chart.status_changes",
        steps.load_status_changes,
        steps.draw_status_changes,
        frozenset({SUBTEAMS, SINCE}),
    ),
    ChartEntry(
        "signups_over_time",
        "presentation.chart.signups_over_time",
        steps.load_signups_over_time,
        steps.draw_signups_over_time,
        frozenset({EDITION}),
    ),
    ChartEntry(
        "edition_comparison",
        "presentation.chart.edition_comparison",
        steps.load_edition_comparison,
        steps.draw_edition_comparison,
        frozenset({EDITION}),
    ),
    ChartEntry(
        "workshop_fill",
        "presentation.chart.workshop_fill",
        steps.load_workshop_fill,
        steps.draw_workshop_fill,
        frozenset({EDITION}),
    ),
    ChartEntry(
        "signups_by_district",
        "presentation.chart.signups_by_district",
        steps.load_signups_by_district,
        steps.draw_signups_by_district,
        frozenset({EDITION}),
        suppression_key="presentation.suppressed_note",
    ),
    ChartEntry(
        "signups_by_age",
        "presentation.chart.signups_by_age",
        steps.load_signups_by_age,
        steps.draw_signups_by_age,
        frozenset({EDITION}),
        suppression_key="presentation.suppressed_note",
    ),
    ChartEntry(
        "team_mix",
        "presentation.chart.team_mix",
        steps.load_team_mix,
        steps.draw_team_mix,
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


def subteam_names(engine: Engine) -> dict[str, str]:
    options = progress_queries.subteam_options(engine)
    return dict(zip(options["slug"], options["name"], strict=True))


# --- the subtitle: which filters, data as of, small groups ---------------------------


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


# --- load and draw ---------------------------------------------------------------------


def load_chart_data(engine: Engine, chart_id: str, filters: PresentationFilters) -> Any:
    """The query step (pages call it through ``web.query``; filters must be resolved)."""
    return entry(chart_id).load(engine, filters)


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
    """Load and draw in one step."""
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


def sized(chart: alt.TopLevelMixin, width: int | None, height: int) -> alt.TopLevelMixin:
    """Set the plot size where Vega-Lite allows it on the top level (single and layered
    charts); concatenated and faceted charts keep the size their area module gave them."""
    if not isinstance(chart, alt.Chart | alt.LayerChart):
        return chart
    if width is None:
        return chart.properties(height=height)
    return chart.properties(width=width, height=height)
