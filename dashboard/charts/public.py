"""/wyniki charts: outcomes per Congress edition, an okręg beside the whole city.

Pure functions over the frames of ``dashboard.queries.public``; every bar carries its
number as a text label, so the outcome does not depend on colour alone, and the page
shows the same figures as a table beside each chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.base import STATUS_COLOURS, fits_segment, label_widths
from dashboard.i18n import format_int, t
from dashboard.queries.public import OUTCOMES

OUTCOME_COLOURS = {
    "accepted": STATUS_COLOURS["accepted"],
    "partially_accepted": STATUS_COLOURS["partially_accepted"],
    "included": STATUS_COLOURS["included"],
    "rejected": STATUS_COLOURS["rejected"],
    "merged": STATUS_COLOURS["merged"],
    "under_review": STATUS_COLOURS["in_review"],
}
# Fills dark enough that a number on them is written in white.
DARK_FILLS = ("included", "under_review")
ROW_HEIGHT = 44
# A segment shows its number only where the number fits, measured in the drawn chart (a
# phone's narrow chart shows fewer); the rest are read in the table below the chart.
LABEL_CHAR_PX = 8  # bold digits and the thousands space at the chart's font size, rounded up


def _outcome_scale(lang: str) -> tuple[list[str], alt.Scale]:
    labels = [t(f"public.outcome.{outcome}", lang) for outcome in OUTCOMES]
    colours = [OUTCOME_COLOURS[outcome] for outcome in OUTCOMES]
    return labels, alt.Scale(domain=labels, range=colours)


def _labelled(frame: pd.DataFrame, lang: str, group: str, value: str) -> pd.DataFrame:
    """Labels, and each segment's place in its bar (``start``, ``end`` of ``value``, in the
    legend's order) with its number and the width the number needs (``label_px``)."""
    rank = {outcome: position for position, outcome in enumerate(OUTCOMES)}
    ordered = (
        frame.assign(order=frame["outcome"].map(rank))
        .sort_values([group, "order"])
        .drop(columns="order")
    )
    end = ordered.groupby(group, sort=False)[value].cumsum()
    numbers = [format_int(int(count)) if count else "" for count in ordered["count"]]
    return ordered.assign(
        start=end.groupby(ordered[group], sort=False).shift(fill_value=0),
        end=end,
        number=numbers,
        label_px=label_widths(numbers, LABEL_CHAR_PX),
        outcome_label=ordered["outcome"].map(lambda code: t(f"public.outcome.{code}", lang)),
        text_colour=[
            "white" if outcome in DARK_FILLS else "#1B2631" for outcome in ordered["outcome"]
        ],
    ).reset_index(drop=True)


def _stacked(data: pd.DataFrame, y: alt.Y, x: alt.X, tooltip: list, lang: str) -> alt.LayerChart:
    """Bars from each segment's ``start`` (``x``) to its ``end``, numbered where they fit."""
    labels, scale = _outcome_scale(lang)
    # Two columns: the longest labels side by side still fit a phone's chart (three did not).
    legend = alt.Legend(title=t("public.outcome", lang), orient="bottom", columns=2)
    base = alt.Chart(data).encode(y=y)
    bars = base.mark_bar().encode(
        x=x,
        x2="end:Q",
        color=alt.Color("outcome_label:N", scale=scale, sort=labels, legend=legend),
        tooltip=tooltip,
    )
    text = base.mark_text(fontWeight="bold", dx=-4, align="right", baseline="middle").encode(
        x=alt.X("end:Q"),
        text=alt.condition(fits_segment("label_px"), alt.Text("number:N"), alt.value("")),
        color=alt.Color("text_colour:N", scale=None),
    )
    return alt.layer(bars, text)


def outcomes_by_edition_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """One horizontal stacked bar per Congress edition, segments by outcome."""
    data = _labelled(frame.astype({"edition": str}), lang, "edition", "count")
    edition_title = t("public.summary.edition", lang)
    y = alt.Y("edition:N", title=edition_title, sort="descending")
    x = alt.X(
        "start:Q", title=t("public.okreg.count", lang), axis=alt.Axis(format=",d", tickMinStep=1)
    )
    tooltip = [
        alt.Tooltip("edition:N", title=edition_title),
        alt.Tooltip("outcome_label:N", title=t("public.outcome", lang)),
        alt.Tooltip("count:Q", title=t("public.okreg.count", lang), format=",d"),
    ]
    chart = _stacked(data, y, x, tooltip, lang)
    return chart.properties(
        title=t("public.summary.chart_title", lang), height=alt.Step(ROW_HEIGHT)
    )


def okreg_vs_city_chart(frame: pd.DataFrame, okreg_label: str, lang: str) -> alt.LayerChart:
    """Two 100 % bars (the okręg, the whole city), segments by outcome share."""
    area_label = {"okreg": okreg_label, "city": t("public.okreg.city", lang)}
    labelled = frame.assign(area_label=frame["area"].map(area_label))
    data = _labelled(labelled, lang, "area", "share")
    area_title = t("public.okreg.area", lang)
    y = alt.Y("area_label:N", title=area_title, sort=[okreg_label, area_label["city"]])
    x = alt.X("start:Q", title=t("public.okreg.share", lang), axis=alt.Axis(format="%"))
    tooltip = [
        alt.Tooltip("area_label:N", title=area_title),
        alt.Tooltip("outcome_label:N", title=t("public.outcome", lang)),
        alt.Tooltip("count:Q", title=t("public.okreg.count", lang), format=",d"),
        alt.Tooltip("share:Q", title=t("public.okreg.share", lang), format=".0%"),
    ]
    chart = _stacked(data, y, x, tooltip, lang)
    return chart.properties(title=t("public.okreg.chart_title", lang), height=alt.Step(ROW_HEIGHT))
