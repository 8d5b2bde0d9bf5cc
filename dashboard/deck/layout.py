"""Where things stand on a 16:9 slide, in inches; the PPTX and the PDF (in millimetres)
share it, so both files look alike."""

from __future__ import annotations

import io

from PIL import Image

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.5
CONTENT_WIDTH_IN = SLIDE_WIDTH_IN - 2 * MARGIN_IN

TITLE_TOP_IN = 0.3
CHART_TOP_IN = 1.3
CHART_HEIGHT_IN = 5.2
CAPTION_TOP_IN = 6.6
FOOTER_TOP_IN = 6.8
SECTIONS_TOP_IN = 1.4
FIGURES_TOP_IN = 1.6
FIGURE_ROW_IN = 2.6
FIGURE_COLUMNS = 4

TEXT_COLOUR = (0x1B, 0x26, 0x31)
ACCENT_COLOUR = (0x1F, 0x5F, 0x8B)
MUTED_COLOUR = (0x4A, 0x55, 0x60)

# Type sizes in points.
COVER_TITLE_PT = 44
COVER_LINE_PT = 24
COVER_DATE_PT = 28
TITLE_PT = 32
FIGURE_VALUE_PT = 40
FIGURE_LABEL_PT = 18
HEADING_PT = 20
BODY_PT = 14
FOOTER_PT = 12


def figure_cell(index: int) -> tuple[float, float, float]:
    """(left, top, width) of the ``index``-th headline figure, four to a row."""
    row, column = divmod(index, FIGURE_COLUMNS)
    width = CONTENT_WIDTH_IN / FIGURE_COLUMNS
    return MARGIN_IN + column * width, FIGURES_TOP_IN + row * FIGURE_ROW_IN, width


def section_column(index: int, count: int) -> tuple[float, float]:
    """(left, width) of the ``index``-th of ``count`` side-by-side closing-slide sections."""
    width = CONTENT_WIDTH_IN / max(count, 1)
    return MARGIN_IN + index * width, width


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
