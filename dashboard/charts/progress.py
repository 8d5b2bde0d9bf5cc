"""Progress charts: traffic lights, milestone timeline, proposal pipeline.

Pure functions: DataFrames (as returned by ``dashboard.queries.progress``) and a
language in, an un-configured ``alt.Chart`` with a title out. ``finalize``
(``dashboard.charts.base``) is applied by whoever draws or exports the chart.
Status is always told by a text label or a shape as well as by colour.
"""

from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd

from dashboard.charts.base import (
    DATE_FORMAT,
    STATUS_COLOURS,
    TRAFFIC_COLOURS,
    fits_segment,
    label_widths,
)
from dashboard.core.formatting import format_date
from dashboard.core.progress_rules import DONE, MILESTONE_STATES, OPEN, OVERDUE, TRAFFIC_STATUSES
from dashboard.i18n import format_percent, t
from db.models import PROPOSAL_STATUSES

MILESTONE_COLOURS = {DONE: "#009E73", OPEN: "#0072B2", OVERDUE: "#D55E00"}
# The overdue orange darkened for text (6:1 on white).
LATE_TEXT_COLOUR = "#9C4100"
MILESTONE_SHAPES = {DONE: "circle", OPEN: "diamond", OVERDUE: "triangle-down"}
CONGRESS_COLOUR = "#CC79A7"
AS_OF_LABEL_RAISE = -22
AS_OF_COLOUR = "#1B2631"
# How far around the milestones a Congress edition may lie and still be marked.
CONGRESS_MARGIN_DAYS = 120
SUBTEAM_LABEL_LIMIT = 320
# Subteam names longer than this many characters are written on two lines (split at
# the last space before it), so a projector's large type does not cut them with "…".
SUBTEAM_LINE_CHARS = 30
SHARE_AXIS_END = 1.4
SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
# A pipeline segment carries its status word where the word fits the segment as drawn,
# else its step number where that fits, else nothing (a phone's narrow chart shows fewer;
# the legend and the table name every one). Widths of bold text at the projector's 16 px,
# the larger of the two sizes, so a label never runs over its neighbour.
SEGMENT_CHAR_PX = 10
WORD_FITS = fits_segment("word_px")
ONLY_STEP_FITS = f"!({WORD_FITS}) && {fits_segment('step_px')}"
# Two legend columns (~370 px) where the plot is wide enough to hold them (four of the long
# step labels in one row overflow a 1280-px projector), one on a phone's narrow plot.
PIPELINE_LEGEND_COLUMNS = alt.expr("width < 380 ? 1 : 2")
# Fills dark enough that their step number is written in white.
DARK_STATUS_FILLS = ("in_review", "included")


def traffic_label(status: str, lang: str) -> str:
    return t(f"progress.traffic.{status}", lang)


def _two_line_label_expr(chars: int) -> str:
    cut = f"lastindexof(substring(datum.label, 0, {chars}), ' ')"
    return (
        f"length(datum.label) > {chars} && {cut} > 0"
        f" ? [substring(datum.label, 0, {cut}), substring(datum.label, {cut} + 1)]"
        " : datum.label"
    )


def subteam_axis() -> alt.Axis:
    """The subteam axis of the horizontal bar charts: long names on two lines."""
    # No axis title: the subteam names say what they are, and long names would collide.
    return alt.Axis(
        title=None,
        labelLimit=SUBTEAM_LABEL_LIMIT,
        labelExpr=_two_line_label_expr(SUBTEAM_LINE_CHARS),
    )


def share_text(share: float, lang: str) -> str:
    """A share as the bar labels write it: "77%" (Polish and English alike)."""
    return format_percent(share) if lang == "pl" else f"{share:.0%}"


def share_x(field: str, title: str) -> alt.X:
    """The 0..100 % axis of a share bar chart, with room right of a full bar for its label."""
    return alt.X(
        f"{field}:Q",
        title=title,
        # The axis still ends at 100 %; the rest of the scale holds the text labels.
        scale=alt.Scale(domain=[0, SHARE_AXIS_END]),
        axis=alt.Axis(format="%", values=SHARE_TICKS),
    )


def traffic_light_chart(progress: pd.DataFrame, lang: str = "pl") -> alt.Chart:
    """Weighted completion per subteam as a bar, coloured AND labelled by its status.

    ``progress``: ``subteam_progress`` rows (subteam, status, completion).
    """
    data = pd.DataFrame(
        {
            "subteam": progress["subteam"],
            "completion": progress["completion"].astype(float),
            "status_label": [traffic_label(s, lang) for s in progress["status"]],
        }
    )
    data["text"] = [
        f"{share_text(share, lang)} · {label}"
        for share, label in zip(data["completion"], data["status_label"], strict=True)
    ]
    order = list(data["subteam"])
    colour = alt.Color(
        "status_label:N",
        title=t("common.status", lang),
        scale=alt.Scale(
            domain=[traffic_label(s, lang) for s in TRAFFIC_STATUSES],
            range=[TRAFFIC_COLOURS[s] for s in TRAFFIC_STATUSES],
        ),
        legend=alt.Legend(orient="bottom"),
    )
    base = alt.Chart(data).encode(
        y=alt.Y("subteam:N", sort=order, axis=subteam_axis()),
        x=share_x("completion", t("progress.chart.completion_axis", lang)),
    )
    bars = base.mark_bar().encode(
        color=colour,
        tooltip=[
            alt.Tooltip("subteam:N", title=t("common.subteam", lang)),
            alt.Tooltip("status_label:N", title=t("common.status", lang)),
            alt.Tooltip(
                "completion:Q", title=t("progress.chart.completion_axis", lang), format=".0%"
            ),
        ],
    )
    labels = base.mark_text(align="left", dx=6, color="#1B2631").encode(text=alt.Text("text:N"))
    return (bars + labels).properties(
        title=t("progress.chart.traffic_title", lang), height=alt.Step(36)
    )


def _milestone_frame(milestones: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "subteam": milestones["subteam"],
            "title": milestones["title"],
            "due_date": pd.to_datetime(milestones["due_date"]),
            "due_text": [format_date(day) for day in milestones["due_date"]],
            "done_text": [format_date(day) if day else "" for day in milestones["done_on"]],
            "state_label": [t(f"progress.state.{s}", lang) for s in milestones["state"]],
            # Late milestones are named on the chart: a presenter cannot hover.
            "late_title": [
                title if state == OVERDUE else ""
                for title, state in zip(milestones["title"], milestones["state"], strict=True)
            ],
        }
    )


def _toward_the_middle(field: str, gap: int) -> dict:
    """A label at a date written toward the middle of the plot: rightwards from a date in
    the left half, leftwards from one in the right half, so it never runs past an edge (on
    a phone a name past the edge took the plot's width away)."""
    right_half = f"scale('x', datum.{field}) > width / 2"
    return {
        "align": alt.expr(f"{right_half} ? 'right' : 'left'"),
        "dx": alt.expr(f"{right_half} ? {-gap} : {gap}"),
    }


def _congress_in_view(congresses: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    margin = timedelta(days=CONGRESS_MARGIN_DAYS)
    if congresses.empty:
        return congresses
    keep = (congresses["ends_on"] >= first - margin) & (congresses["starts_on"] <= last + margin)
    return congresses.loc[keep]


def milestone_timeline_chart(
    milestones: pd.DataFrame, congresses: pd.DataFrame, as_of: date, lang: str = "pl"
) -> alt.LayerChart:
    """Milestones per subteam on a time axis: done / open / overdue told apart by shape,
    colour and legend label; a rule at the as-of date and the Congress dates shaded.

    ``milestones``: ``milestones_as_of`` rows (subteam, title, due_date, done_on, state);
    ``congresses``: ``congress_editions`` rows (name, starts_on, ends_on).
    """
    data = _milestone_frame(milestones, lang)
    states = list(MILESTONE_STATES)
    legend_labels = [t(f"progress.state.{s}", lang) for s in states]
    # Below the plot in two columns: on the right it took a phone's width from the dates.
    legend = alt.Legend(orient="bottom", columns=2)
    days = [as_of, *milestones["due_date"]]
    shown = _congress_in_view(congresses, min(days), max(days))
    congress_data = pd.DataFrame(
        {
            "name": list(shown["name"]) if len(shown) else [],
            "start": pd.to_datetime(shown["starts_on"]) if len(shown) else [],
            "end": pd.to_datetime(shown["ends_on"]) + pd.Timedelta(days=1) if len(shown) else [],
        }
    )
    points = (
        alt.Chart(data)
        .mark_point(size=160, filled=True, opacity=0.9)
        .encode(
            x=alt.X(
                "due_date:T",
                title=t("progress.chart.due_axis", lang),
                axis=alt.Axis(format=DATE_FORMAT, labelAngle=0),
            ),
            y=alt.Y("subteam:N", sort=list(dict.fromkeys(data["subteam"])), axis=subteam_axis()),
            color=alt.Color(
                "state_label:N",
                title=t("progress.chart.state_legend", lang),
                scale=alt.Scale(domain=legend_labels, range=[MILESTONE_COLOURS[s] for s in states]),
                legend=legend,
            ),
            shape=alt.Shape(
                "state_label:N",
                title=t("progress.chart.state_legend", lang),
                scale=alt.Scale(domain=legend_labels, range=[MILESTONE_SHAPES[s] for s in states]),
                legend=legend,
            ),
            tooltip=[
                alt.Tooltip("title:N", title=t("progress.col.milestone", lang)),
                alt.Tooltip("subteam:N", title=t("common.subteam", lang)),
                alt.Tooltip("due_text:N", title=t("progress.col.due_date", lang)),
                alt.Tooltip("done_text:N", title=t("progress.col.done_on", lang)),
                alt.Tooltip("state_label:N", title=t("progress.chart.state_legend", lang)),
            ],
        )
    )
    as_of_data = pd.DataFrame(
        {
            "day": [pd.Timestamp(as_of)],
            "label": [t("progress.chart.as_of_rule", lang, date=format_date(as_of))],
        }
    )
    as_of_rule = (
        alt.Chart(as_of_data)
        .mark_rule(color=AS_OF_COLOUR, strokeDash=[6, 4])
        .encode(x=alt.X("day:T"))
    )
    as_of_text = (
        alt.Chart(as_of_data)
        # Its own line above the plot, over the Congress names (which sit just above it),
        # so the two never cover each other when the as-of date is near a Congress.
        .mark_text(
            **_toward_the_middle("day", 4),
            baseline="bottom",
            dy=AS_OF_LABEL_RAISE,
            y=0,
            color=AS_OF_COLOUR,
            fontWeight="bold",
        )
        .encode(x=alt.X("day:T"), text=alt.Text("label:N"))
    )
    congress_band = (
        alt.Chart(congress_data)
        .mark_rect(color=CONGRESS_COLOUR, opacity=0.35)
        .encode(
            x=alt.X("start:T"),
            x2=alt.X2("end"),
            tooltip=alt.Tooltip("name:N", title=t("progress.chart.congress", lang)),
        )
    )
    congress_text = (
        alt.Chart(congress_data)
        .mark_text(**_toward_the_middle("start", 2), baseline="bottom", y=-2, color="#7A3D63")
        .encode(x=alt.X("start:T"), text=alt.Text("name:N"))
    )
    late_names = (
        alt.Chart(data)
        .transform_filter("datum.late_title != ''")
        # Clipped to the plot: a long name past its edge took a phone's chart width away
        # from the dates (the plot shrank to nothing); the tooltip has the whole name.
        .mark_text(
            align="left", baseline="middle", dx=10, color=LATE_TEXT_COLOUR, limit=260, clip=True
        )
        .encode(x=alt.X("due_date:T"), y=alt.Y("subteam:N"), text=alt.Text("late_title:N"))
    )
    layers = (congress_band, congress_text, as_of_rule, as_of_text, points, late_names)
    return alt.layer(*layers).properties(
        title=alt.Title(
            t("progress.chart.timeline_title", lang),
            subtitle=t("progress.chart.as_of_subtitle", lang, date=format_date(as_of)),
        ),
        height=alt.Step(48),
    )


def pipeline_step_label(status: str, lang: str) -> str:
    """'3 · przekazana do zaopiniowania': the workflow step number names the status in
    the bar segments, so the stack is readable without telling colours apart."""
    return f"{PROPOSAL_STATUSES.index(status) + 1} · {t(f'status.{status}', lang)}"


def _stacked_pipeline(pipeline: pd.DataFrame, lang: str) -> pd.DataFrame:
    rank = {status: index for index, status in enumerate(PROPOSAL_STATUSES)}
    data = pd.DataFrame(
        {
            "subteam": pipeline["subteam"],
            "status_label": [pipeline_step_label(s, lang) for s in pipeline["status"]],
            "step": [str(rank[s] + 1) for s in pipeline["status"]],
            "rank": [rank[s] for s in pipeline["status"]],
            "count": pipeline["count"].astype(int),
            "text_colour": [
                "white" if s in DARK_STATUS_FILLS else "#1B2631" for s in pipeline["status"]
            ],
        }
    )
    if "link" in pipeline:  # /postepy: a segment opens its proposals on /propozycje
        data["link"] = pipeline["link"]
    data = data.sort_values(["subteam", "rank"], kind="stable")
    data["end"] = data.groupby("subteam", sort=False)["count"].cumsum()
    data["start"] = data["end"] - data["count"]
    data["middle"] = (data["start"] + data["end"]) / 2
    data["word"] = [t(f"status.{s}", lang) for s in pipeline.loc[data.index, "status"]]
    data["word_px"] = label_widths(data["word"], SEGMENT_CHAR_PX)
    data["step_px"] = label_widths(data["step"], SEGMENT_CHAR_PX)
    return data


def pipeline_chart(pipeline: pd.DataFrame, lang: str = "pl") -> alt.LayerChart:
    """Proposals per subteam stacked by status in workflow order; a segment carries its
    status word where the word fits, else its step number (the legend's numbers) where
    that fits.

    ``pipeline``: ``pipeline_as_of`` rows (subteam, status, count).
    """
    data = _stacked_pipeline(pipeline, lang)
    subteams = list(dict.fromkeys(pipeline["subteam"]))
    labels = [pipeline_step_label(s, lang) for s in PROPOSAL_STATUSES]
    y = alt.Y("subteam:N", sort=subteams, axis=subteam_axis())
    bars = (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=y,
            x=alt.X(
                "start:Q",
                title=t("progress.chart.proposals_axis", lang),
                axis=alt.Axis(tickMinStep=1, format=",d"),
            ),
            x2=alt.X2("end"),
            color=alt.Color(
                "status_label:N",
                title=t("common.status", lang),
                scale=alt.Scale(
                    domain=labels, range=[STATUS_COLOURS[s] for s in PROPOSAL_STATUSES]
                ),
                legend=alt.Legend(orient="bottom", columns=PIPELINE_LEGEND_COLUMNS),
            ),
            tooltip=[
                alt.Tooltip("subteam:N", title=t("common.subteam", lang)),
                alt.Tooltip("status_label:N", title=t("common.status", lang)),
                alt.Tooltip("count:Q", title=t("common.count", lang)),
            ],
            **({"href": alt.Href("link:N")} if "link" in data else {}),
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(fontWeight="bold")
        .encode(y=y, x=alt.X("middle:Q"), color=alt.Color("text_colour:N", scale=None))
    )
    words = labels.encode(text=alt.condition(WORD_FITS, alt.Text("word:N"), alt.value("")))
    steps = labels.encode(text=alt.condition(ONLY_STEP_FITS, alt.Text("step:N"), alt.value("")))
    return alt.layer(bars, words, steps).properties(
        title=t("progress.chart.pipeline_title", lang), height=alt.Step(36)
    )
