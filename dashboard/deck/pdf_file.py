"""The deck as a PDF (fpdf2): the PPTX's slides on 16:9 pages, in millimetres."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from dashboard.deck import layout
from dashboard.deck.content import (
    ChartSlide,
    DeckContent,
    attention_lines,
    section_heading,
    section_lines,
)
from dashboard.deck.errors import DeckError

FONT = "DeckSans"
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
MM_PER_IN = 25.4
MM_PER_PT = 0.3528
LEADING = 1.3


def mm(inches: float) -> float:
    return inches * MM_PER_IN


def font_paths() -> tuple[Path, Path]:
    """A regular and a bold TTF with every Polish letter (ą ć ę ł ń ó ś ź ż)."""
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            return regular, bold
    raise DeckError("presentation.error.no_font")


def write_pdf(content: DeckContent) -> bytes:
    pdf = _new_pdf(content)
    _title_page(pdf, content)
    _figures_page(pdf, content)
    _attention_page(pdf, content)
    for chart in content.charts:
        _chart_page(pdf, chart)
    _changes_page(pdf, content)
    return bytes(pdf.output())


def _new_pdf(content: DeckContent) -> FPDF:
    size = (mm(layout.SLIDE_HEIGHT_IN), mm(layout.SLIDE_WIDTH_IN))
    pdf = FPDF(orientation="landscape", unit="mm", format=size)
    regular, bold = font_paths()
    pdf.add_font(FONT, "", str(regular))
    pdf.add_font(FONT, "B", str(bold))
    pdf.set_auto_page_break(False)
    margin = mm(layout.MARGIN_IN)
    pdf.set_margins(margin, margin, margin)
    pdf.set_title(f"{content.title} — {content.date_line}")
    pdf.set_lang("pl-PL" if content.lang == "pl" else "en-GB")
    pdf.set_creator("Panel Strategii Toruń")
    return pdf


def _text(pdf: FPDF, y: float, lines: Sequence[str], size: int, *, bold=False,
          colour=layout.TEXT_COLOUR, align="L", x: float | None = None,
          width: float | None = None) -> float:  # fmt: skip
    """Write wrapped lines from ``y`` (mm); returns the y below them."""
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    left = mm(layout.MARGIN_IN) if x is None else x
    pdf.set_xy(left, y)
    for line in lines:
        pdf.set_x(left)
        pdf.multi_cell(
            width or mm(layout.CONTENT_WIDTH_IN),
            size * MM_PER_PT * LEADING,
            line,
            align=align,
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return pdf.get_y()


def _titled_page(pdf: FPDF, title: str) -> None:
    pdf.add_page()
    pdf.start_section(title)
    _text(pdf, mm(layout.TITLE_TOP_IN) + 4, [title], layout.TITLE_PT, bold=True)


def _title_page(pdf: FPDF, content: DeckContent) -> None:
    pdf.add_page()
    pdf.start_section(content.title)
    y = _text(pdf, mm(2.2), [content.title], layout.COVER_TITLE_PT, bold=True,
              colour=layout.ACCENT_COLOUR, align="C")  # fmt: skip
    y = _text(pdf, y + 8, [content.team, content.scope], layout.COVER_LINE_PT, align="C")
    _text(pdf, y + 6, [content.date_line], layout.COVER_DATE_PT, bold=True, align="C")


def _figures_page(pdf: FPDF, content: DeckContent) -> None:
    _titled_page(pdf, content.figures_title)
    for index, figure in enumerate(content.figures):
        left, top, width = (mm(inches) for inches in layout.figure_cell(index))
        below = _text(pdf, top, [figure.value], layout.FIGURE_VALUE_PT, bold=True,
                      colour=layout.ACCENT_COLOUR, x=left, width=width - 5)  # fmt: skip
        _text(pdf, below + 2, [figure.label], layout.FIGURE_LABEL_PT, x=left, width=width - 5)


def _attention_page(pdf: FPDF, content: DeckContent) -> None:
    _titled_page(pdf, content.attention.heading)
    lines = [f"• {line}" for line in attention_lines(content.attention, content.lang)]
    _text(pdf, mm(layout.SECTIONS_TOP_IN), lines, layout.BODY_PT)


def _chart_page(pdf: FPDF, chart: ChartSlide) -> None:
    _titled_page(pdf, chart.title)
    box_width, box_height = mm(layout.CONTENT_WIDTH_IN), mm(layout.CHART_HEIGHT_IN)
    x, y, width, height = layout.fit_box(chart.png, box_width, box_height)
    pdf.image(
        io.BytesIO(chart.png),
        x=mm(layout.MARGIN_IN) + x,
        y=mm(layout.CHART_TOP_IN) + y,
        w=width,
        h=height,
        alt_text=f"{chart.title}. {chart.caption}",
    )
    _text(pdf, mm(layout.CAPTION_TOP_IN), [chart.caption], layout.BODY_PT,
          colour=layout.MUTED_COLOUR)  # fmt: skip


def _changes_page(pdf: FPDF, content: DeckContent) -> None:
    _titled_page(pdf, content.changes_title)
    for index, section in enumerate(content.changes):
        left, width = (mm(inches) for inches in layout.section_column(index, len(content.changes)))
        heading = section_heading(section, content.lang)
        y = _text(pdf, mm(layout.SECTIONS_TOP_IN), [heading], layout.HEADING_PT, bold=True,
                  colour=layout.ACCENT_COLOUR, x=left, width=width - 6)  # fmt: skip
        lines = [f"• {line}" for line in section_lines(section, content.lang)]
        _text(pdf, y + 3, lines, layout.BODY_PT, x=left, width=width - 6)
    _text(pdf, mm(layout.FOOTER_TOP_IN), [content.footer], layout.FOOTER_PT,
          colour=layout.MUTED_COLOUR)  # fmt: skip
