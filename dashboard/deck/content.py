"""What the meeting deck says, read from the database once, so the PPTX and the PDF
say the same.

1. title slide (team, meeting date), 2. headline figures (``queries.figures``, the
words of /postepy), 3. "Wymaga uwagi": every late and at-risk milestone by name,
4. one slide per chosen chart (the projector image, its title, a caption naming the
filters and the data-as-of time), 5. what changed since a date (new proposals, status
changes, milestones completed).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from sqlalchemy import Engine

from dashboard.charts.base import finalized_spec
from dashboard.core.errors import Label
from dashboard.core.fingerprint import data_key
from dashboard.core.formatting import format_date, format_datetime, format_long_date
from dashboard.core.privacy import small_group_label
from dashboard.deck import catalogue, images
from dashboard.deck.errors import DeckError
from dashboard.deck.filters import PresentationFilters
from dashboard.i18n import count_label, format_int, format_percent, t
from dashboard.queries import changes as changes_queries
from dashboard.queries import figures as figures_queries
from dashboard.queries import presentation as queries
from db.engine import now as wall_clock_now

CHANGES_PER_SECTION = 5
ATTENTION_LINES = 10
TITLE_MAX_CHARS = 60


@dataclass(frozen=True)
class ChartSlide:
    chart_id: str
    title: str
    caption: str
    png: bytes


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True)
class ChangeSection:
    heading: str
    total: int
    items: tuple[str, ...]


@dataclass(frozen=True)
class DeckContent:
    lang: str
    title: str
    team: str
    scope: str
    date_line: str
    figures_title: str
    figures: tuple[Figure, ...]
    attention: ChangeSection  # the late and at-risk milestones by name, as on /postepy
    charts: tuple[ChartSlide, ...]
    changes_title: str
    changes: tuple[ChangeSection, ...]
    footer: str

    @property
    def slide_titles(self) -> list[str]:
        return [
            self.title,
            self.figures_title,
            self.attention.heading,
            *(chart.title for chart in self.charts),
            self.changes_title,
        ]


@dataclass(frozen=True)
class _Request:
    """One deck's reading: where, which filters, in which language, at which moment."""

    engine: Engine
    filters: PresentationFilters
    lang: str
    threshold: int
    moment: datetime
    subteam_names: dict[str, str]


def collect_deck(
    engine: Engine,
    *,
    since: date | None = None,
    subteam_slugs: Sequence[str] = (),
    chart_ids: Sequence[str] | None = None,
    lang: str = "pl",
    edition: int | None = None,
    threshold: int = 5,
    now: datetime | None = None,
) -> DeckContent:
    """Everything the deck shows, read from the database once."""
    moment = now or wall_clock_now()
    names = catalogue.subteam_names(engine)
    _check_subteams(subteam_slugs, names)
    chosen = _check_charts(chart_ids)
    _check_edition(engine, edition)
    filters = catalogue.resolve_filters(
        engine,
        PresentationFilters(subteam_slugs=tuple(subteam_slugs), edition=edition, since=since),
        moment.date(),
    )
    if filters.since > filters.as_of:
        raise DeckError(
            "presentation.error.since_after_as_of",
            since=format_date(filters.since),
            as_of=format_date(filters.as_of),
        )
    request = _Request(engine, filters, lang, threshold, moment, names)
    return _content(request, chosen)


def _content(request: _Request, chart_ids: Sequence[str]) -> DeckContent:
    filters, lang = request.filters, request.lang
    teams = queries.team_names(request.engine, filters.scope)
    long_date = format_long_date(filters.as_of, lang)
    return DeckContent(
        lang=lang,
        title=t("presentation.deck.title", lang),
        team=" · ".join(teams),
        scope=catalogue.subteams_text(filters.subteam_slugs, lang, request.subteam_names),
        date_line=t("presentation.deck.meeting_date", lang, date=long_date),
        figures_title=t("presentation.deck.figures", lang),
        figures=tuple(_figures(request)),
        attention=_attention(request),
        charts=_chart_slides(request, chart_ids),
        changes_title=t("presentation.deck.changes", lang, date=format_date(filters.since)),
        changes=_changes(request),
        footer=t("presentation.deck.footer", lang, when=format_datetime(request.moment)),
    )


# --- checks of the options --------------------------------------------------------------


def _check_subteams(slugs: Iterable[str], names: dict[str, str]) -> None:
    unknown = [slug for slug in slugs if slug not in names]
    if unknown:
        raise DeckError(
            "presentation.error.unknown_subteam", subteams=", ".join(unknown), known=_listed(names)
        )


def _check_edition(engine: Engine, edition: int | None) -> None:
    if edition is None:
        return
    known = [int(number) for number in queries.edition_options(engine)["edition"]]
    if edition not in known:
        listed = _listed(str(number) for number in sorted(known))
        raise DeckError("presentation.error.unknown_edition", edition=edition, known=listed)


def _listed(known: Iterable[str]) -> str | Label:
    """What may be chosen, or "brak" / "none" in the reader's language."""
    return ", ".join(known) or Label("common.none")


def _check_charts(chart_ids: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(chart_ids) if chart_ids is not None else catalogue.CHART_IDS
    for chart_id in chosen:
        catalogue.entry(chart_id)  # raises UnknownChart, a DeckError
    return chosen


# --- the slides -------------------------------------------------------------------------


def _figures(request: _Request) -> Iterable[Figure]:
    filters, lang = request.filters, request.lang
    figures = queries.headline_figures(
        request.engine, filters.as_of, filters.since, filters.scope, filters.edition
    )
    yield Figure(_number(figures.proposals, lang), t("figure.proposals", lang))
    yield Figure(
        _number(figures.proposals_new, lang),
        t("presentation.figure.proposals_new", lang, date=format_date(filters.since)),
    )
    decided_share = figures.proposals_decided / figures.proposals if figures.proposals else 0.0
    yield Figure(
        _number(figures.proposals_decided, lang),
        f"{t('figure.decided', lang)} ({_percent(decided_share, lang)})",
    )
    of = "z" if lang == "pl" else "of"
    yield Figure(
        f"{_number(figures.milestones_done, lang)} {of} {_number(figures.milestones_total, lang)}",
        t("presentation.figure.milestones", lang),
    )
    yield Figure(_number(figures.milestones_overdue, lang), t("figure.overdue", lang))
    members = _people(figures.members, lang, request.threshold)
    yield Figure(members, t("presentation.figure.members", lang))
    if figures.edition is not None and figures.signups is not None:
        yield Figure(
            _people(figures.signups, lang, request.threshold),
            t("presentation.figure.signups", lang, edition=figures.edition),
        )
    if figures.next_congress is not None:
        days = (figures.next_congress - filters.as_of).days
        yield Figure(_number(days, lang), t("presentation.figure.days_to_congress", lang))


def _attention(request: _Request) -> ChangeSection:
    filters, lang = request.filters, request.lang
    found = figures_queries.milestones_needing_attention(
        request.engine, filters.as_of, filters.scope
    )
    lines = tuple(
        t(
            "attention.deck_line",
            lang,
            status=t(f"attention.status.{row.status}", lang),
            title=_short(row.title),
            subteam=row.subteam,
            due=format_date(row.due_date),
            when=_when(int(row.days_late), lang),
        )
        for row in found.head(ATTENTION_LINES).itertuples()
    )
    return ChangeSection(t("attention.title", lang), len(found), lines)


def _when(days_late: int, lang: str) -> str:
    days = count_label(abs(days_late), "noun.day", lang)
    if days_late > 0:
        return t("attention.days_late", lang, days=days)
    if days_late == 0:
        return t("attention.due_today", lang)
    return t("attention.due_in", lang, days=days)


def attention_lines(section: ChangeSection, lang: str) -> list[str]:
    """The lines of the "Wymaga uwagi" slide (with "… and N more")."""
    if section.total == 0:
        return [t("attention.none", lang)]
    lines = list(section.items)
    if section.total > len(lines):
        lines.append(t("attention.more", lang, count=section.total - len(lines)))
    return lines


def _number(value: int, lang: str) -> str:
    return format_int(value) if lang == "pl" else f"{value:,}"


def _percent(share: float, lang: str) -> str:
    return format_percent(share) if lang == "pl" else f"{share:.0%}"


def _people(count: int, lang: str, threshold: int) -> str:
    """A count of people: "<5" for 1..threshold-1, as everywhere in presentations."""
    if 0 < count < threshold:
        return small_group_label(threshold)
    return _number(count, lang)


def _chart_slides(request: _Request, chart_ids: Sequence[str]) -> tuple[ChartSlide, ...]:
    """One slide per chart: every chart's data is read first, then the images not kept
    from an earlier deck are drawn together."""
    filters, lang, threshold = request.filters, request.lang, request.threshold
    data = [catalogue.load_chart_data(request.engine, chart_id, filters) for chart_id in chart_ids]
    pngs = images.chart_pngs(
        [
            (
                _image_key(chart_id, chart_data, filters, lang, threshold),
                partial(_chart_spec, request, chart_id, chart_data),
            )
            for chart_id, chart_data in zip(chart_ids, data, strict=True)
        ]
    )
    return tuple(
        ChartSlide(
            chart_id, catalogue.chart_title(chart_id, lang), _caption(request, chart_id), png
        )
        for chart_id, png in zip(chart_ids, pngs, strict=True)
    )


def _caption(request: _Request, chart_id: str) -> str:
    subtitle = catalogue.subtitle_lines(
        chart_id,
        request.filters,
        request.lang,
        request.moment,
        request.subteam_names,
        request.threshold,
    )
    return " · ".join(subtitle)


def _image_key(chart_id: str, data, filters: PresentationFilters, lang: str, threshold: int):
    try:
        return (chart_id, data_key(data), filters, lang, threshold)
    except TypeError:
        return None


def _chart_spec(request: _Request, chart_id: str, data) -> str:
    """The slide image's Vega-Lite JSON: the chart without its title (the slide carries
    it as text), so it depends only on the data, the filters, the language and the
    threshold."""
    filters, lang = request.filters, request.lang
    chart = catalogue.draw_chart(
        chart_id,
        data,
        filters,
        lang,
        threshold=request.threshold,
        data_as_of=request.moment,
        subteam_names=request.subteam_names,
        size=catalogue.DECK_CHART_SIZE,
        with_title=False,
    )
    return json.dumps(finalized_spec(chart, lang, projector=True))


def _changes(request: _Request) -> tuple[ChangeSection, ...]:
    filters, lang = request.filters, request.lang
    window = (request.engine, filters.since, filters.as_of, filters.scope)
    limit = CHANGES_PER_SECTION
    counts = changes_queries.since_counts(*window)
    new = changes_queries.new_proposals(*window, limit=limit)
    moved = changes_queries.status_changes(*window, limit=limit)
    done = changes_queries.milestones_completed(*window).head(limit)
    return (
        ChangeSection(
            t("presentation.deck.new_proposals", lang),
            counts.new_proposals,
            tuple(f"{_short(row.title)} ({row.subteam})" for row in new.itertuples()),
        ),
        ChangeSection(
            t("presentation.deck.status_changes", lang),
            counts.status_changes,
            tuple(_status_change(row, lang) for row in moved.itertuples()),
        ),
        ChangeSection(
            t("presentation.deck.milestones_done", lang),
            counts.milestones_completed,
            tuple(
                f"{_short(row.title)} ({row.subteam}, {format_date(row.done_on)})"
                for row in done.itertuples()
            ),
        ),
    )


def _status_change(row, lang: str) -> str:
    before, after = t(f"status.{row.from_status}", lang), t(f"status.{row.to_status}", lang)
    title = _short(row.title, 45)
    return t("presentation.deck.status_change", lang, title=title, before=before, after=after)


def _short(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- text of the closing slide, the same in both files ------------------------------------


def section_heading(section: ChangeSection, lang: str) -> str:
    return f"{section.heading} ({_number(section.total, lang)})"


def section_lines(section: ChangeSection, lang: str) -> list[str]:
    """The bullet lines of a closing-slide section (with "… and N more")."""
    if section.total == 0:
        return [t("presentation.deck.nothing_changed", lang)]
    lines = list(section.items)
    if section.total > len(lines):
        lines.append(t("presentation.deck.more_items", lang, count=section.total - len(lines)))
    return lines
