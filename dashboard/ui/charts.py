"""Drawing a chart on a page, with PNG and SVG downloads that look the same."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import streamlit as st

from dashboard import web
from dashboard.charts.base import finalized_spec, with_export_width


@dataclass(frozen=True)
class ChartRecipe:
    """A chart function and its arguments: drawn through the spec cache, so a rerun
    with the same data skips building and validating the Altair chart."""

    build: Callable[..., alt.TopLevelMixin]
    args: tuple[Any, ...]


def recipe(build: Callable[..., alt.TopLevelMixin], *args: Any) -> ChartRecipe:
    return ChartRecipe(build, args)


def show_chart(
    chart: alt.TopLevelMixin | ChartRecipe, name: str, *, projector: bool = False
) -> None:
    """Draw ``chart`` and offer it as PNG and SVG named ``name`` (also the widget key), from
    one compact "image" control under it."""
    if isinstance(chart, ChartRecipe):
        cached = web.chart(chart.build, chart.args, projector)
        spec, drawn = cached.spec, cached.for_page()
    else:
        spec = drawn = finalized_spec(chart, web.lang(), projector=projector)
    st.vega_lite_chart(drawn, theme=None, width="stretch", alt=_title_of(spec) or name)

    def image() -> str:  # written out only when an image is asked for, not at every run
        return json.dumps(with_export_width(spec))

    images = (
        ("png", "image/png", lambda: _vl_convert().vegalite_to_png(image(), scale=2.0)),
        ("svg", "image/svg+xml", lambda: _vl_convert().vegalite_to_svg(image()).encode("utf-8")),
    )
    # One small control per chart; the two formats open from it.
    with st.popover(web.tr("common.chart_image"), icon=":material/download:", width="content"):
        for fmt, mime, render in images:
            st.download_button(
                web.tr(f"common.download_{fmt}"),
                data=render,
                file_name=f"{name}.{fmt}",
                mime=mime,
                key=f"{fmt}-{name}",
                width="stretch",
            )


def _vl_convert():
    import vl_convert

    return vl_convert


def _title_of(spec: dict) -> str | None:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(title)
    return title
