"""The deck as a PowerPoint file (python-pptx), laid out on ``layout``'s geometry."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from dashboard.deck import layout
from dashboard.deck.content import (
    ChartSlide,
    DeckContent,
    attention_lines,
    section_heading,
    section_lines,
)

TITLE_ONLY_LAYOUT = 5
TITLE_SLIDE_LAYOUT = 0


def write_pptx(content: DeckContent) -> bytes:
    deck = Presentation()
    deck.slide_width = Inches(layout.SLIDE_WIDTH_IN)
    deck.slide_height = Inches(layout.SLIDE_HEIGHT_IN)
    deck.core_properties.title = f"{content.title} — {content.date_line}"
    deck.core_properties.language = "pl-PL" if content.lang == "pl" else "en-GB"
    _title_slide(deck, content)
    _figures_slide(deck, content)
    _attention_slide(deck, content)
    for chart in content.charts:
        _chart_slide(deck, chart)
    _changes_slide(deck, content)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _style(paragraph, size: int, *, bold=False, colour=layout.TEXT_COLOUR, align=None) -> None:
    if align is not None:
        paragraph.alignment = align
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = RGBColor(*colour)


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)


def _write_lines(frame, lines: Sequence[str], size: int, **style) -> None:
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        _style(paragraph, size, **style)


def _titled_slide(deck, title: str):
    """A "Title Only" slide with the title placed across the top of a 16:9 page."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    shape = slide.shapes.title
    _place(shape, layout.MARGIN_IN, layout.TITLE_TOP_IN, layout.CONTENT_WIDTH_IN, 0.9)
    shape.text = title
    _style(shape.text_frame.paragraphs[0], layout.TITLE_PT, bold=True, align=PP_ALIGN.LEFT)
    return slide


def _text_box(
    slide, left, top, width, height, lines, size, *, bold=False, colour=layout.TEXT_COLOUR
):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.text_frame.word_wrap = True
    _write_lines(box.text_frame, lines, size, bold=bold, colour=colour)
    return box


def _title_slide(deck, content: DeckContent) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE_LAYOUT])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _place(title, layout.MARGIN_IN, 2.0, layout.CONTENT_WIDTH_IN, 1.4)
    title.text = content.title
    _style(title.text_frame.paragraphs[0], layout.COVER_TITLE_PT, bold=True, colour=layout.ACCENT_COLOUR,
           align=PP_ALIGN.CENTER)  # fmt: skip
    _place(subtitle, layout.MARGIN_IN, 3.5, layout.CONTENT_WIDTH_IN, 2.4)
    frame = subtitle.text_frame
    _write_lines(frame, (content.team, content.scope), layout.COVER_LINE_PT, align=PP_ALIGN.CENTER)
    meeting_date = frame.add_paragraph()
    meeting_date.text = content.date_line
    _style(meeting_date, layout.COVER_DATE_PT, bold=True, align=PP_ALIGN.CENTER)


def _figures_slide(deck, content: DeckContent) -> None:
    slide = _titled_slide(deck, content.figures_title)
    for index, figure in enumerate(content.figures):
        left, top, width = layout.figure_cell(index)
        _text_box(slide, left, top, width - 0.2, 1.0, [figure.value], layout.FIGURE_VALUE_PT,
                  bold=True, colour=layout.ACCENT_COLOUR)  # fmt: skip
        _text_box(slide, left, top + 1.0, width - 0.2, 1.2, [figure.label], layout.FIGURE_LABEL_PT)


def _attention_slide(deck, content: DeckContent) -> None:
    slide = _titled_slide(deck, content.attention.heading)
    lines = [f"• {line}" for line in attention_lines(content.attention, content.lang)]
    _text_box(slide, layout.MARGIN_IN, layout.SECTIONS_TOP_IN, layout.CONTENT_WIDTH_IN, 5.2, lines,
              layout.BODY_PT)  # fmt: skip


def _chart_slide(deck, chart: ChartSlide) -> None:
    slide = _titled_slide(deck, chart.title)
    x, y, width, height = layout.fit_box(chart.png, layout.CONTENT_WIDTH_IN, layout.CHART_HEIGHT_IN)
    picture = slide.shapes.add_picture(
        io.BytesIO(chart.png),
        Inches(layout.MARGIN_IN + x),
        Inches(layout.CHART_TOP_IN + y),
        Inches(width),
        Inches(height),
    )
    # Alternative text for screen readers: the chart's title and what it shows.
    picture._element.nvPicPr.cNvPr.set("descr", f"{chart.title}. {chart.caption}")
    _text_box(slide, layout.MARGIN_IN, layout.CAPTION_TOP_IN, layout.CONTENT_WIDTH_IN, 0.6, [chart.caption],
              layout.BODY_PT, colour=layout.MUTED_COLOUR)  # fmt: skip


def _changes_slide(deck, content: DeckContent) -> None:
    slide = _titled_slide(deck, content.changes_title)
    for index, section in enumerate(content.changes):
        left, width = layout.section_column(index, len(content.changes))
        heading = section_heading(section, content.lang)
        _text_box(slide, left, layout.SECTIONS_TOP_IN, width - 0.25, 0.6, [heading], layout.HEADING_PT,
                  bold=True, colour=layout.ACCENT_COLOUR)  # fmt: skip
        lines = [f"• {line}" for line in section_lines(section, content.lang)]
        _text_box(slide, left, 2.1, width - 0.25, 4.6, lines, layout.BODY_PT)
    _text_box(slide, layout.MARGIN_IN, layout.FOOTER_TOP_IN, layout.CONTENT_WIDTH_IN, 0.4, [content.footer],
              layout.FOOTER_PT, colour=layout.MUTED_COLOUR)  # fmt: skip
