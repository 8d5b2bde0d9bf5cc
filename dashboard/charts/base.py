"""The common look of every chart: Polish formats, a colour-blind-safe palette,
type sizes for the screen and for a projector, and image export (vl-convert).

Area modules build un-configured charts; ``finalize`` is applied once, the same
way on screen, in PNG/SVG downloads and in the meeting deck, so they match.
"""

from __future__ import annotations

import functools
import json

import altair as alt
from altair.utils import schemapi

from dashboard.i18n import PERCENT_SIGN

# Okabe–Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#F0E442",  # yellow
    "#000000",  # black
)
TRAFFIC_COLOURS = {"on_track": "#009E73", "at_risk": "#E69F00", "late": "#D55E00"}
STATUS_COLOURS = {
    "submitted": "#56B4E9",
    "in_review": "#0072B2",
    "consulted": "#CC79A7",
    "accepted": "#009E73",
    "partially_accepted": "#F0E442",
    "rejected": "#D55E00",
    "merged": "#999999",
    "included": "#000000",
}
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"

PL_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": "\u00a0",
    "grouping": [3],
    "currency": ["", "\u00a0zł"],
    "percent": PERCENT_SIGN,
}
PL_TIME_LOCALE = {
    "dateTime": "%A, %e %B %Y, %X",
    "date": "%d.%m.%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"],
    "shortDays": ["niedz.", "pon.", "wt.", "śr.", "czw.", "pt.", "sob."],
    "months": [
        "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
        "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
    ],
    "shortMonths": [
        "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
    ],
}  # fmt: skip
EN_NUMBER_LOCALE = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]}

LABEL_SEPARATION_PX = 8  # the least gap between two axis labels

# Type sizes in px: the panel on a laptop, and presentation mode on a projector.
# "text" is the size of text marks (bar labels, rule captions) that do not set their own;
# "label_limit" the widest axis label before it is cut with "…".
SCREEN_SIZES = {
    "title": 18,
    "subtitle": 14,
    "axis_label": 12,
    "axis_title": 13,
    "legend": 12,
    "text": 12,
    "label_limit": 240,
}
PROJECTOR_SIZES = {
    "title": 32,
    "subtitle": 20,
    "axis_label": 18,
    "axis_title": 20,
    "legend": 18,
    "text": 16,
    "label_limit": 340,
}

DATE_FORMAT = "%d.%m.%Y"


def _build_altair_class_table_once() -> None:
    """Altair turns every string or dict given as a channel (``x="count:Q"``,
    ``alt.value(0)``) into a schema object through a table of all its ~800 schema classes,
    keyed by a JSON hash of each schema — and builds that table again for every channel
    (30–50 ms each; most of a cold /kongres). The classes never change after import, so
    each set of them gets its table once."""
    converter = getattr(schemapi, "_FromDict", None)
    if converter is None or getattr(converter, "_tables_shared", False):
        return
    build = converter.__init__
    tables: dict[frozenset, dict] = {}

    def shared_table(self, wrapper_classes, /) -> None:
        classes = frozenset(wrapper_classes)
        if classes not in tables:
            build(self, classes)
            tables[classes] = self.class_dict
        self.class_dict = tables[classes]

    converter.__init__ = shared_table
    converter._tables_shared = True


_build_altair_class_table_once()


def locale_for(lang: str) -> alt.Locale:
    if lang == "en":
        return alt.Locale(number=EN_NUMBER_LOCALE)
    return alt.Locale(number=PL_NUMBER_LOCALE, time=PL_TIME_LOCALE)


def finalize(
    chart: alt.TopLevelMixin, lang: str = "pl", projector: bool = False
) -> alt.TopLevelMixin:
    """Apply locale, palette and type sizes. Call once, on the top-level chart."""
    # One ``configure`` (one copy of the chart) instead of a chain of ``configure_*``:
    # each link of a chain rebuilds the chart, a tenth of a second for a layered one.
    return chart.configure(**_config(lang, projector))


def _config(lang: str, projector: bool) -> dict:
    sizes = PROJECTOR_SIZES if projector else SCREEN_SIZES
    return {
        "locale": locale_for(lang),
        "font": FONT,
        "background": "white",
        "range": {"category": list(OKABE_ITO)},
        "title": alt.TitleConfig(
            fontSize=sizes["title"],
            subtitleFontSize=sizes["subtitle"],
            anchor="start",
            color="#1B2631",
        ),
        "axis": alt.AxisConfig(
            labelFontSize=sizes["axis_label"],
            titleFontSize=sizes["axis_title"],
            labelColor="#1B2631",
            titleColor="#1B2631",
            gridColor="#E1E6EB",
            labelLimit=sizes["label_limit"],
            # Labels that would touch are thinned out (Vega only drops overlapping ones):
            # the projector's dates on /prezentacja's timeline ran together.
            labelSeparation=LABEL_SEPARATION_PX,
        ),
        "legend": alt.LegendConfig(
            labelFontSize=sizes["legend"], titleFontSize=sizes["legend"], labelLimit=400
        ),
        "header": alt.HeaderConfig(
            labelFontSize=sizes["axis_label"], titleFontSize=sizes["axis_title"]
        ),
        "mark": alt.MarkConfig(color=OKABE_ITO[0]),
        "text": alt.MarkConfig(fontSize=sizes["text"]),
        "view": alt.ViewConfig(stroke=None),
    }


@functools.lru_cache(maxsize=8)
def _finished_config(lang: str, projector: bool) -> str:
    """The ``config`` block ``finalize`` gives every chart (with Altair's theme merged in),
    as JSON; ``finalize`` replaces a chart's whole config, so it is the same for all."""
    spec = finalize(alt.Chart().mark_point(), lang, projector).to_dict(validate=False)
    return json.dumps(spec["config"])


def finalized_spec(chart: alt.TopLevelMixin, lang: str = "pl", projector: bool = False) -> dict:
    """``finalize(chart, ...).to_dict(validate=False)`` without building the configuration
    objects again for each chart (a tenth of a second a chart on a cold page)."""
    spec = chart.to_dict(validate=False)
    spec["config"] = json.loads(_finished_config(lang, projector))
    return spec


def to_svg(chart: alt.TopLevelMixin) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json(validate=False)).encode("utf-8")


# A stacked bar's segment shows its label only where the label fits the segment as drawn
# (a phone's narrow chart shows fewer): a Vega test on the drawn width, for charts whose
# data carries each segment's ``start``, ``end`` and the label's width in pixels.
SEGMENT_WIDTH_PX = "scale('x', datum.end) - scale('x', datum.start)"
LABEL_PADDING_PX = 8


def fits_segment(width_field: str) -> str:
    """The Vega test: the drawn segment is at least ``datum[width_field]`` pixels wide."""
    return f"{SEGMENT_WIDTH_PX} >= datum.{width_field}"


def label_widths(texts, char_px: int) -> list[int]:
    """The pixels each text needs on a segment, at ``char_px`` a character."""
    return [len(text) * char_px + LABEL_PADDING_PX for text in texts]


# On screen a chart without its own width stretches to the page; an image of it gets
# the width of the panel's main column, so the download looks like the screen.
EXPORT_WIDTH = 960


def with_export_width(spec: dict, width: int = EXPORT_WIDTH) -> dict:
    """A chart's Vega-Lite ``spec`` with a plot width for PNG/SVG export when it has none
    of its own. Single and layered charts only: compound charts size their parts."""
    compound = any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat"))
    if compound or "width" in spec:
        return spec
    return {**spec, "width": width}
