"""The meeting deck: a PPTX (python-pptx) and a PDF (fpdf2) with the same slides.

1. title slide (team, meeting date), 2. headline figures, 3. one slide per chosen
chart (the projector image, its title, a caption naming the filters and the
data-as-of time), 4. what changed since a date (new proposals, status changes,
milestones completed).

``collect_deck`` gathers the content once; ``write_pptx`` / ``write_pdf`` only lay
it out, so both files say the same. ``build_deck`` does all of it for a path
(the CLI); ``deck_bytes`` for a download button.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import Engine

from dashboard.charts.base import finalize, to_png
from dashboard.core.formatting import format_date, format_datetime, format_long_date
from dashboard.core.privacy import small_group_label
from dashboard.deck import catalogue as presentation
from dashboard.deck.catalogue import PresentationFilters
from dashboard.deck.errors import DeckError
from dashboard.i18n import format_int, format_percent, t
from dashboard.queries import changes as changes_queries
from dashboard.queries import presentation as queries
from db.engine import now as wall_clock_now

FORMATS = ("pptx", "pdf")
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DEFAULT_CHART_IDS: tuple[str, ...] | None = None  # None: every chart in the catalogue
CHANGES_PER_SECTION = 5
TITLE_MAX_CHARS = 60

# Slide geometry, 16:9, in inches (PPTX) — the PDF uses the same in millimetres.
SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.5
TEXT_COLOUR = (0x1B, 0x26, 0x31)
ACCENT_COLOUR = (0x1F, 0x5F, 0x8B)
MUTED_COLOUR = (0x4A, 0x55, 0x60)

FONT_CANDIDATES = (
    # Debian's fonts-dejavu-core: every Polish letter, regular and bold.
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ),
)


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
    charts: tuple[ChartSlide, ...]
    changes_title: str
    changes: tuple[ChangeSection, ...]
    footer: str

    @property
    def slide_titles(self) -> list[str]:
        return [
            self.title,
            self.figures_title,
            *(chart.title for chart in self.charts),
            self.changes_title,
        ]


# --- content -------------------------------------------------------------------


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
    names = presentation.subteam_names(engine)
    _check_subteams(subteam_slugs, names)
    chosen = _check_charts(chart_ids)
    _check_edition(engine, edition)
    filters = presentation.resolve_filters(
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
    teams = queries.team_names(engine, filters.scope)
    return DeckContent(
        lang=lang,
        title=t("presentation.deck.title", lang),
        team=" · ".join(teams),
        scope=presentation.subteams_text(filters.subteam_slugs, lang, names),
        date_line=t(
            "presentation.deck.meeting_date", lang, date=format_long_date(filters.as_of, lang)
        ),
        figures_title=t("presentation.deck.figures", lang),
        figures=tuple(_figures(engine, filters, lang, threshold)),
        charts=tuple(
            _chart_slide(engine, chart_id, filters, lang, threshold, moment, names)
            for chart_id in chosen
        ),
        changes_title=t("presentation.deck.changes", lang, date=format_date(filters.since)),
        changes=tuple(_changes(engine, filters, lang)),
        footer=t("presentation.deck.footer", lang, when=format_datetime(moment)),
    )


def _check_subteams(slugs: Iterable[str], names: dict[str, str]) -> None:
    unknown = [slug for slug in slugs if slug not in names]
    if unknown:
        raise _unknown("presentation.error.unknown_subteam", ", ".join(unknown), names)


def _check_edition(engine: Engine, edition: int | None) -> None:
    if edition is None:
        return
    known = [int(number) for number in queries.edition_options(engine)["edition"]]
    if edition not in known:
        listed = [str(number) for number in sorted(known)]
        raise _unknown("presentation.error.unknown_edition", edition, listed)


def _unknown(key: str, given: object, known: Iterable[str]) -> DeckError:
    """``key`` names what was given and lists what is known; ``key + "_none"`` when nothing is."""
    listed = ", ".join(known)
    if not listed:
        return DeckError(f"{key}_none", given=given)
    return DeckError(key, given=given, known=listed)


def _check_charts(chart_ids: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(chart_ids) if chart_ids is not None else presentation.CHART_IDS
    for chart_id in chosen:
        presentation.entry(chart_id)  # raises UnknownChart, a DeckError
    return chosen


def _figures(
    engine: Engine, filters: PresentationFilters, lang: str, threshold: int
) -> Iterable[Figure]:
    figures = queries.headline_figures(
        engine, filters.as_of, filters.since, filters.scope, filters.edition
    )
    yield Figure(_number(figures.proposals, lang), t("presentation.figure.proposals", lang))
    yield Figure(
        _number(figures.proposals_new, lang),
        t("presentation.figure.proposals_new", lang, date=format_date(filters.since)),
    )
    decided_share = figures.proposals_decided / figures.proposals if figures.proposals else 0.0
    yield Figure(
        _number(figures.proposals_decided, lang),
        f"{t('presentation.figure.decided', lang)} ({_percent(decided_share, lang)})",
    )
    of = "z" if lang == "pl" else "of"
    yield Figure(
        f"{_number(figures.milestones_done, lang)} {of} {_number(figures.milestones_total, lang)}",
        t("presentation.figure.milestones", lang),
    )
    yield Figure(_number(figures.milestones_overdue, lang), t("presentation.figure.overdue", lang))
    yield Figure(_people(figures.members, lang, threshold), t("presentation.figure.members", lang))
    if figures.edition is not None and figures.signups is not None:
        yield Figure(
            _people(figures.signups, lang, threshold),
            t("presentation.figure.signups", lang, edition=figures.edition),
        )
    if figures.next_congress is not None:
        days = (figures.next_congress - filters.as_of).days
        yield Figure(_number(days, lang), t("presentation.figure.days_to_congress", lang))


def _number(value: int, lang: str) -> str:
    return format_int(value) if lang == "pl" else f"{value:,}"


def _percent(share: float, lang: str) -> str:
    return format_percent(share) if lang == "pl" else f"{share * 100:.0f} %"


def _people(count: int, lang: str, threshold: int) -> str:
    """A count of people: "<5" for 1..threshold-1, as everywhere in presentations."""
    if 0 < count < threshold:
        return small_group_label(threshold)
    return _number(count, lang)


def _chart_slide(
    engine: Engine,
    chart_id: str,
    filters: PresentationFilters,
    lang: str,
    threshold: int,
    moment: datetime,
    names: dict[str, str],
) -> ChartSlide:
    data = presentation.load_chart_data(engine, chart_id, filters)
    chart = presentation.draw_chart(
        chart_id,
        data,
        filters,
        lang,
        threshold=threshold,
        data_as_of=moment,
        subteam_names=names,
        size=presentation.DECK_CHART_SIZE,
        with_title=False,
    )
    caption = " · ".join(
        presentation.subtitle_lines(chart_id, filters, lang, moment, names, threshold)
    )
    png = to_png(finalize(chart, lang, projector=True))
    return ChartSlide(chart_id, presentation.chart_title(chart_id, lang), caption, png)


def _changes(engine: Engine, filters: PresentationFilters, lang: str) -> Iterable[ChangeSection]:
    window = (filters.since, filters.as_of)
    scope = filters.scope
    limit = CHANGES_PER_SECTION
    counts = changes_queries.since_counts(engine, *window, scope)
    new = changes_queries.new_proposals(engine, *window, scope, limit=limit)
    yield ChangeSection(
        t("presentation.deck.new_proposals", lang),
        counts.new_proposals,
        tuple(f"{_short(row.title)} ({row.subteam})" for row in new.itertuples()),
    )
    changes = changes_queries.status_changes(engine, *window, scope, limit=limit)
    yield ChangeSection(
        t("presentation.deck.status_changes", lang),
        counts.status_changes,
        tuple(
            t(
                "presentation.deck.status_change",
                lang,
                title=_short(row.title, 45),
                before=t(f"status.{row.from_status}", lang),
                after=t(f"status.{row.to_status}", lang),
            )
            for row in changes.itertuples()
        ),
    )
    done = changes_queries.milestones_completed(engine, *window, scope)
    yield ChangeSection(
        t("presentation.deck.milestones_done", lang),
        counts.milestones_completed,
        tuple(
            f"{_short(row.title)} ({row.subteam}, {format_date(row.done_on)})"
            for row in done.head(limit).itertuples()
        ),
    )


def _short(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section_lines(section: ChangeSection, lang: str) -> list[str]:
    """The bullet lines of a closing-slide section (with "… and N more")."""
    if section.total == 0:
        return [t("presentation.deck.nothing_changed", lang)]
    lines = list(section.items)
    if section.total > len(lines):
        lines.append(t("presentation.deck.more_items", lang, count=section.total - len(lines)))
    return lines


def section_heading(section: ChangeSection, lang: str) -> str:
    return f"{section.heading} ({_number(section.total, lang)})"


# --- files -----------------------------------------------------------------------


def build_deck(engine: Engine, out_path: str | Path, **options) -> Path:
    """Write the deck to ``out_path``; ``.pptx`` or ``.pdf`` decides the format.

    ``options``: the keyword arguments of ``collect_deck`` (since, subteam_slugs, ...)."""
    path = Path(out_path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise DeckError("presentation.error.file_format", suffix=path.suffix)
    if not path.parent.is_dir():
        raise DeckError("presentation.error.no_folder", folder=path.parent)
    data = render(collect_deck(engine, **options), fmt)
    # Written in one go after everything is built: a failure leaves no half-written file.
    path.write_bytes(data)
    return path


def deck_bytes(engine: Engine, fmt: str, **options) -> bytes:
    """The deck as bytes (a download button's ``data`` callable)."""
    if fmt not in FORMATS:
        raise DeckError("presentation.error.format", format=fmt)
    return render(collect_deck(engine, **options), fmt)


def render(content: DeckContent, fmt: str) -> bytes:
    return write_pptx(content) if fmt == "pptx" else write_pdf(content)


def file_name(fmt: str, when: date) -> str:
    return f"spotkanie-zespolu-{when.isoformat()}.{fmt}"


def image_size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def fit_box(png: bytes, box_width: float, box_height: float) -> tuple[float, float, float, float]:
    """(x offset, y offset, width, height) of the image scaled into the box, centred."""
    width, height = image_size(png)
    scale = min(box_width / width, box_height / height)
    fitted_width, fitted_height = width * scale, height * scale
    return (
        (box_width - fitted_width) / 2,
        (box_height - fitted_height) / 2,
        fitted_width,
        fitted_height,
    )


# --- PPTX ------------------------------------------------------------------------


def write_pptx(content: DeckContent) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width = Inches(SLIDE_WIDTH_IN)
    deck.slide_height = Inches(SLIDE_HEIGHT_IN)
    deck.core_properties.title = f"{content.title} — {content.date_line}"
    deck.core_properties.language = "pl-PL" if content.lang == "pl" else "en-GB"
    _pptx_title_slide(deck, content)
    _pptx_figures_slide(deck, content)
    for chart in content.charts:
        _pptx_chart_slide(deck, chart)
    _pptx_changes_slide(deck, content)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _rgb(colour: tuple[int, int, int]):
    from pptx.dml.color import RGBColor

    return RGBColor(*colour)


def _style(paragraph, size: int, *, bold: bool = False, colour=TEXT_COLOUR, align=None) -> None:
    from pptx.util import Pt

    if align is not None:
        paragraph.alignment = align
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)


def _pptx_titled_slide(deck, title: str):
    """A "Title Only" slide with the title placed across the top of a 16:9 page."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    shape = slide.shapes.title
    shape.left, shape.top = Inches(MARGIN_IN), Inches(0.3)
    shape.width, shape.height = Inches(SLIDE_WIDTH_IN - 2 * MARGIN_IN), Inches(0.9)
    shape.text = title
    _style(shape.text_frame.paragraphs[0], 32, bold=True, align=PP_ALIGN.LEFT)
    return slide


def _pptx_text_box(slide, left, top, width, height, lines, size, *, bold=False, colour=TEXT_COLOUR):
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        _style(paragraph, size, bold=bold, colour=colour)
    return box


def _pptx_title_slide(deck, content: DeckContent) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    width = Inches(SLIDE_WIDTH_IN - 2 * MARGIN_IN)
    title.left, title.top, title.width, title.height = (
        Inches(MARGIN_IN),
        Inches(2.0),
        width,
        Inches(1.4),
    )
    title.text = content.title
    _style(
        title.text_frame.paragraphs[0], 44, bold=True, colour=ACCENT_COLOUR, align=PP_ALIGN.CENTER
    )
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        Inches(MARGIN_IN),
        Inches(3.5),
        width,
        Inches(2.4),
    )
    frame = subtitle.text_frame
    for index, line in enumerate((content.team, content.scope, content.date_line)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        _style(paragraph, 24 if index < 2 else 28, bold=index == 2, align=PP_ALIGN.CENTER)


def _pptx_figures_slide(deck, content: DeckContent) -> None:
    slide = _pptx_titled_slide(deck, content.figures_title)
    columns = 4
    cell_width = (SLIDE_WIDTH_IN - 2 * MARGIN_IN) / columns
    for index, figure in enumerate(content.figures):
        row, column = divmod(index, columns)
        left = MARGIN_IN + column * cell_width
        top = 1.6 + row * 2.6
        _pptx_text_box(
            slide, left, top, cell_width - 0.2, 1.0, [figure.value], 40, bold=True,
            colour=ACCENT_COLOUR,
        )  # fmt: skip
        _pptx_text_box(slide, left, top + 1.0, cell_width - 0.2, 1.2, [figure.label], 18)


def _pptx_chart_slide(deck, chart: ChartSlide) -> None:
    from pptx.util import Inches

    slide = _pptx_titled_slide(deck, chart.title)
    box_width, box_height = SLIDE_WIDTH_IN - 2 * MARGIN_IN, 5.2
    x, y, width, height = fit_box(chart.png, box_width, box_height)
    picture = slide.shapes.add_picture(
        io.BytesIO(chart.png),
        Inches(MARGIN_IN + x),
        Inches(1.3 + y),
        Inches(width),
        Inches(height),
    )
    # Alternative text for screen readers: the chart's title and what it shows.
    picture._element.nvPicPr.cNvPr.set("descr", f"{chart.title}. {chart.caption}")
    _pptx_text_box(
        slide, MARGIN_IN, 6.6, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.6, [chart.caption], 14,
        colour=MUTED_COLOUR,
    )  # fmt: skip


def _pptx_changes_slide(deck, content: DeckContent) -> None:
    slide = _pptx_titled_slide(deck, content.changes_title)
    sections = content.changes
    column_width = (SLIDE_WIDTH_IN - 2 * MARGIN_IN) / max(len(sections), 1)
    for index, section in enumerate(sections):
        left = MARGIN_IN + index * column_width
        _pptx_text_box(
            slide, left, 1.4, column_width - 0.25, 0.6, [section_heading(section, content.lang)],
            20, bold=True, colour=ACCENT_COLOUR,
        )  # fmt: skip
        lines = [f"• {line}" for line in section_lines(section, content.lang)]
        _pptx_text_box(slide, left, 2.1, column_width - 0.25, 4.6, lines, 14)
    _pptx_text_box(
        slide, MARGIN_IN, 6.8, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.4, [content.footer], 12,
        colour=MUTED_COLOUR,
    )  # fmt: skip


# --- PDF -------------------------------------------------------------------------

MM_PER_IN = 25.4


def font_paths() -> tuple[Path, Path]:
    """A regular and a bold TTF with every Polish letter (ą ć ę ł ń ó ś ź ż)."""
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            return regular, bold
    raise DeckError("presentation.error.no_font")


class _PdfDeck:
    """Lays the slides out on 16:9 pages in millimetres (the PPTX geometry × 25.4)."""

    FONT = "DeckSans"

    def __init__(self, content: DeckContent):
        from fpdf import FPDF

        self.content = content
        self.width = SLIDE_WIDTH_IN * MM_PER_IN
        self.height = SLIDE_HEIGHT_IN * MM_PER_IN
        self.margin = MARGIN_IN * MM_PER_IN
        pdf = FPDF(orientation="landscape", unit="mm", format=(self.height, self.width))
        regular, bold = font_paths()
        pdf.add_font(self.FONT, "", str(regular))
        pdf.add_font(self.FONT, "B", str(bold))
        pdf.set_auto_page_break(False)
        pdf.set_margins(self.margin, self.margin, self.margin)
        pdf.set_title(f"{content.title} — {content.date_line}")
        pdf.set_lang("pl-PL" if content.lang == "pl" else "en-GB")
        pdf.set_creator("Panel Strategii Toruń")
        self.pdf = pdf

    def text(self, y: float, lines: Sequence[str], size: int, *, bold=False, colour=TEXT_COLOUR,
             align="L", x: float | None = None, width: float | None = None) -> float:  # fmt: skip
        """Write wrapped lines from ``y``; returns the y below them."""
        pdf = self.pdf
        pdf.set_font(self.FONT, "B" if bold else "", size)
        pdf.set_text_color(*colour)
        line_height = size * 0.3528 * 1.3  # points → mm, with leading
        pdf.set_xy(self.margin if x is None else x, y)
        for line in lines:
            pdf.set_x(self.margin if x is None else x)
            pdf.multi_cell(
                width or self.width - 2 * self.margin,
                line_height,
                line,
                align=align,
                new_x="LMARGIN",
                new_y="NEXT",
            )
        return pdf.get_y()

    def page(self, title: str | None) -> None:
        self.pdf.add_page()
        if title is not None:
            self.pdf.start_section(title)
            self.text(0.3 * MM_PER_IN + 4, [title], 32, bold=True)

    def title_page(self) -> None:
        content = self.content
        self.pdf.add_page()
        self.pdf.start_section(content.title)
        y = self.text(2.2 * MM_PER_IN, [content.title], 44, bold=True, colour=ACCENT_COLOUR,
                      align="C")  # fmt: skip
        y = self.text(y + 8, [content.team, content.scope], 24, align="C")
        self.text(y + 6, [content.date_line], 28, bold=True, align="C")

    def figures_page(self) -> None:
        self.page(self.content.figures_title)
        columns = 4
        cell = (self.width - 2 * self.margin) / columns
        for index, figure in enumerate(self.content.figures):
            row, column = divmod(index, columns)
            x = self.margin + column * cell
            y = 1.6 * MM_PER_IN + row * 2.6 * MM_PER_IN
            below = self.text(y, [figure.value], 40, bold=True, colour=ACCENT_COLOUR, x=x,
                              width=cell - 5)  # fmt: skip
            self.text(below + 2, [figure.label], 18, x=x, width=cell - 5)

    def chart_page(self, chart: ChartSlide) -> None:
        self.page(chart.title)
        box_width = self.width - 2 * self.margin
        box_height = 5.2 * MM_PER_IN
        x, y, width, height = fit_box(chart.png, box_width, box_height)
        self.pdf.image(
            io.BytesIO(chart.png),
            x=self.margin + x,
            y=1.3 * MM_PER_IN + y,
            w=width,
            h=height,
            alt_text=f"{chart.title}. {chart.caption}",
        )
        self.text(6.6 * MM_PER_IN, [chart.caption], 14, colour=MUTED_COLOUR)

    def changes_page(self) -> None:
        content = self.content
        self.page(content.changes_title)
        sections = content.changes
        column = (self.width - 2 * self.margin) / max(len(sections), 1)
        for index, section in enumerate(sections):
            x = self.margin + index * column
            y = self.text(1.4 * MM_PER_IN, [section_heading(section, content.lang)], 20,
                          bold=True, colour=ACCENT_COLOUR, x=x, width=column - 6)  # fmt: skip
            lines = [f"• {line}" for line in section_lines(section, content.lang)]
            self.text(y + 3, lines, 14, x=x, width=column - 6)
        self.text(6.8 * MM_PER_IN, [content.footer], 12, colour=MUTED_COLOUR)

    def render(self) -> bytes:
        self.title_page()
        self.figures_page()
        for chart in self.content.charts:
            self.chart_page(chart)
        self.changes_page()
        return bytes(self.pdf.output())


def write_pdf(content: DeckContent) -> bytes:
    return _PdfDeck(content).render()
