"""Charts of presentation mode that count people, with small groups suppressed.

A group of 1..threshold-1 people is drawn as a dashed outline from 0 to the threshold,
labelled "<5" — the same for every small group, so its size is not revealed by the bar,
the label or the tooltip, and it never looks like 0 (no bar, labelled "0"). Exact counts
are shown from the threshold up.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.base import STATUS_COLOURS
from dashboard.core.privacy import small_group_label
from dashboard.i18n import format_int, t
from db.models import PROPOSAL_STATUSES

SHOWN = "shown"
LABEL = "label"
TEXT = "text"
SMALL_END = "small_end"
LABEL_AT = "label_at"
SMALL_GROUP_STROKE = "#0072B2"


def suppress_for_drawing(frame: pd.DataFrame, count_column: str, threshold: int) -> pd.DataFrame:
    """Add ``shown`` (the bar length: 0 for a small group) and ``text`` ("<5" or the count)."""
    result = frame.copy()
    counts = result[count_column].astype(int)
    small = (counts > 0) & (counts < threshold)
    result[SHOWN] = counts.where(~small, 0)
    result[SMALL_END] = [threshold if is_small else None for is_small in small]
    result[LABEL_AT] = [
        threshold if is_small else int(count) for count, is_small in zip(counts, small, strict=True)
    ]
    result[TEXT] = [
        small_group_label(threshold) if is_small else format_int(int(count))
        for count, is_small in zip(counts, small, strict=True)
    ]
    return result


def suppressed_bar_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    category_title: str,
    value_title: str,
    threshold: int,
    sort_by_count: bool = True,
) -> alt.LayerChart:
    """Horizontal bars of ``frame[label]`` by ``frame[count]`` with "<threshold" labels."""
    data = suppress_for_drawing(frame, "count", threshold)
    order = (
        data.sort_values(["count", LABEL], ascending=[False, True])[LABEL].tolist()
        if sort_by_count
        else data[LABEL].tolist()
    )
    # The exact counts must not travel in the chart's data (the browser gets the spec).
    data = data[[LABEL, SHOWN, TEXT, SMALL_END, LABEL_AT]]
    y = alt.Y(f"{LABEL}:N", title=category_title, sort=order, axis=alt.Axis(labelLimit=360))
    tooltip = [
        alt.Tooltip(f"{LABEL}:N", title=category_title),
        alt.Tooltip(f"{TEXT}:N", title=value_title),
    ]
    base = alt.Chart(data, title=title)
    bars = base.mark_bar().encode(
        x=alt.X(f"{SHOWN}:Q", title=value_title, axis=alt.Axis(tickMinStep=1, format=",d")),
        y=y,
        tooltip=tooltip,
    )
    small = (
        base.transform_filter(f"isValid(datum.{SMALL_END})")
        .mark_bar(fillOpacity=0, stroke=SMALL_GROUP_STROKE, strokeWidth=2, strokeDash=[5, 3])
        .encode(x=alt.X(f"{SMALL_END}:Q"), y=y, tooltip=tooltip)
    )
    labels = base.mark_text(align="left", dx=6, baseline="middle", fontSize=16).encode(
        x=alt.X(f"{LABEL_AT}:Q"), y=y, text=alt.Text(f"{TEXT}:N"), tooltip=tooltip
    )
    return alt.layer(bars, small, labels)


def empty_chart(title: str, lang: str) -> alt.Chart:
    """A chart that says there is nothing to show (keeps the slide and the page layout)."""
    frame = pd.DataFrame({TEXT: [t("presentation.no_data", lang)]})
    return (
        alt.Chart(frame, title=title)
        .mark_text(fontSize=24, color="#1B2631")
        .encode(text=alt.Text(f"{TEXT}:N"))
    )


def status_changes_chart(changes: pd.DataFrame, lang: str) -> alt.LayerChart:
    """How many proposals reached each status in a period, in workflow order.

    ``changes``: ``to_status``, ``count``. The status is named on the axis, so the
    colour only repeats it.
    """
    rank = {status: position for position, status in enumerate(PROPOSAL_STATUSES)}
    frame = changes.sort_values("to_status", key=lambda column: column.map(rank))
    data = pd.DataFrame(
        {
            LABEL: [f"{rank[s] + 1} · {t(f'status.{s}', lang)}" for s in frame["to_status"]],
            "count": frame["count"].astype(int).to_numpy(),
            TEXT: [format_int(int(value)) for value in frame["count"]],
        }
    )
    order = list(data[LABEL])
    statuses = list(frame["to_status"])
    # No axis title: the numbered status names say what they are.
    y = alt.Y(f"{LABEL}:N", title=None, sort=order)
    base = alt.Chart(data)
    bars = base.mark_bar().encode(
        x=alt.X(
            "count:Q",
            title=t("presentation.axis.changes", lang),
            axis=alt.Axis(tickMinStep=1, format=",d"),
        ),
        y=y,
        color=alt.Color(
            f"{LABEL}:N",
            scale=alt.Scale(domain=order, range=[STATUS_COLOURS[s] for s in statuses]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip(f"{LABEL}:N", title=t("presentation.axis.status_reached", lang)),
            alt.Tooltip(f"{TEXT}:N", title=t("presentation.axis.changes", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=6, baseline="middle", fontSize=16).encode(
        x="count:Q", y=y, text=alt.Text(f"{TEXT}:N")
    )
    return alt.layer(bars, labels)
