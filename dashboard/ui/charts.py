"""Drawing a chart on a page, with PNG and SVG downloads that look the same."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import web
from dashboard.charts.base import finalize, to_png, to_svg, with_export_width


def show_chart(chart: alt.TopLevelMixin, name: str, *, projector: bool = False) -> None:
    """Draw ``chart`` and offer it as PNG and SVG named ``name`` (also the widget key)."""
    final = finalize(chart, web.lang(), projector=projector)
    st.altair_chart(final, theme=None, width="stretch")
    image = with_export_width(final)
    png_column, svg_column, _ = st.columns([1, 1, 3])
    png_column.download_button(
        "PNG",
        help=web.tr("common.download_png"),
        data=lambda: to_png(image),
        file_name=f"{name}.png",
        mime="image/png",
        key=f"png-{name}",
        icon=":material/download:",
    )
    svg_column.download_button(
        "SVG",
        help=web.tr("common.download_svg"),
        data=lambda: to_svg(image),
        file_name=f"{name}.svg",
        mime="image/svg+xml",
        key=f"svg-{name}",
        icon=":material/download:",
    )
