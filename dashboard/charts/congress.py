"""Congress charts: pure functions of DataFrames (from dashboard.queries.congress) and a language.

Each returns an un-configured ``alt.Chart`` with a title; ``finalize`` is applied by
the caller. Flags and statuses are told by text labels as well as colour.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from dashboard.charts.base import DATE_FORMAT, OKABE_ITO
from dashboard.core.formatting import format_date
from dashboard.i18n import format_int, format_percent, t
from dashboard.queries.congress import FULL, NEAR_FULL

FLAG_COLOURS = {
    "ok": OKABE_ITO[0],
    "near_full": OKABE_ITO[1],
    "full": OKABE_ITO[5],
    "no_limit": "#999999",
}
STATUS_ORDER = ("registered", "waitlisted", "cancelled")
STATUS_BAR_COLOURS = (OKABE_ITO[0], OKABE_ITO[1], "#999999")
LONG_LABELS = alt.Axis(labelLimit=360)  # workshop titles and okręg names are long
# Counts of people and days: whole numbers only (no 0.5 steps), grouped in thousands.
COUNT_AXIS = alt.Axis(tickMinStep=1, format=",d")
# Workshop-fill rows (px): title line, figures line, then the bar, around the band centre.
FILL_ROW = 64
FILL_BAR = 14
FILL_BAR_OFFSET = 17
FILL_LABEL_OFFSET = 8
FILL_TITLE_OFFSET = -11


def _title(key: str, lang: str, subtitle: str | None = None) -> alt.TitleParams:
    return alt.TitleParams(t(key, lang), subtitle=subtitle or alt.Undefined)


def _catalogue_labels(codes: pd.Series, prefix: str, lang: str) -> list[str]:
    return [t(f"{prefix}.{code}", lang) for code in codes]


def _count_text(value: int, lang: str) -> str:
    return format_int(int(value)) if lang == "pl" else f"{int(value):,}"


def _percent_text(share: float, lang: str) -> str:
    return format_percent(share) if lang == "pl" else f"{share:.0%}"


def editions_chart(totals: pd.DataFrame, lang: str) -> alt.Chart:
    """Registered / waitlisted / cancelled per edition, with the workshop capacity as a tick."""
    long = totals.melt(
        id_vars=["edition", "name", "capacity"],
        value_vars=list(STATUS_ORDER),
        var_name="status",
        value_name="count",
    )
    long["status_label"] = [t(f"signup_status.{status}", lang) for status in long["status"]]
    long["label"] = [_count_text(value, lang) for value in long["count"]]
    order = [t(f"signup_status.{status}", lang) for status in STATUS_ORDER]
    base = alt.Chart(long).encode(
        y=alt.Y("name:N", title=None, sort=list(totals["name"])),
        yOffset=alt.YOffset("status_label:N", sort=order),
    )
    bars = base.mark_bar().encode(
        x=alt.X("count:Q", title=t("congress.chart.signups_axis", lang)),
        color=alt.Color(
            "status_label:N",
            sort=order,
            scale=alt.Scale(domain=order, range=list(STATUS_BAR_COLOURS)),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("name:N", title=t("congress.edition", lang)),
            alt.Tooltip("status_label:N", title=t("common.status", lang)),
            alt.Tooltip("count:Q", title=t("common.count", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=3).encode(x="count:Q", text="label:N")
    capacity = (
        alt.Chart(totals.dropna(subset=["capacity"]))
        .mark_tick(thickness=3, size=40, color="#000000")
        .encode(
            y=alt.Y("name:N", sort=list(totals["name"])),
            x="capacity:Q",
            tooltip=[alt.Tooltip("capacity:Q", title=t("congress.capacity", lang))],
        )
    )
    return alt.layer(bars, labels, capacity).properties(
        title=_title("congress.chart.editions", lang, t("congress.chart.editions_sub", lang)),
        height=alt.Step(18),
    )


def days_chart(days: pd.DataFrame, lang: str) -> alt.Chart:
    """Sign-ups for day 1 only, day 2 only and both days."""
    frame = days.assign(
        part_label=_catalogue_labels(days["part"], "congress.day_part", lang),
        label=[_count_text(value, lang) for value in days["count"]],
    )
    order = list(frame["part_label"])
    base = alt.Chart(frame).encode(y=alt.Y("part_label:N", title=None, sort=order))
    bars = base.mark_bar().encode(
        x=alt.X("count:Q", title=t("congress.chart.signups_axis", lang)),
        tooltip=[
            alt.Tooltip("part_label:N", title=t("congress.days", lang)),
            alt.Tooltip("count:Q", title=t("common.count", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=3).encode(x="count:Q", text="label:N")
    return alt.layer(bars, labels).properties(title=_title("congress.chart.days", lang))


def workshop_fill_chart(fill: pd.DataFrame, lang: str) -> alt.Chart:
    """Fill rate per workshop; the label says 'full' / '≥ 80%' as well as the colour.

    Each workshop's title and figures are written above its bar, from the left edge, so
    they take no width from the bars and are not cut when the page is narrow (sidebar open).
    """
    frame = fill.dropna(subset=["fill_rate"]).copy()
    frame["flag_label"] = _catalogue_labels(frame["flag"], "congress.flag", lang)
    frame["label"] = [
        _fill_label(row.registered, row.capacity, row.waitlisted, row.flag, lang)
        for row in frame.itertuples()
    ]
    flags = ["ok", "near_full", "full"]
    domain = [t(f"congress.flag.{flag}", lang) for flag in flags]
    base = alt.Chart(frame).encode(
        y=alt.Y("title:N", title=None, sort=list(frame["title"]), axis=None)
    )
    bars = base.mark_bar(size=FILL_BAR, yOffset=FILL_BAR_OFFSET).encode(
        x=alt.X(
            "fill_rate:Q",
            title=t("congress.fill_rate", lang),
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domainMin=0, domainMax=max(1.2, float(frame["fill_rate"].max() or 0))),
        ),
        color=alt.Color(
            "flag_label:N",
            scale=alt.Scale(domain=domain, range=[FLAG_COLOURS[flag] for flag in flags]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("title:N", title=t("congress.workshop", lang)),
            alt.Tooltip("registered:Q", title=t("signup_status.registered", lang)),
            alt.Tooltip("capacity:Q", title=t("congress.capacity", lang)),
            alt.Tooltip("waitlisted:Q", title=t("signup_status.waitlisted", lang)),
            alt.Tooltip("flag_label:N", title=t("common.status", lang)),
        ],
    )
    titles = _line_above_bar(base, "title:N", FILL_TITLE_OFFSET, fontWeight="bold")
    labels = _line_above_bar(base, "label:N", FILL_LABEL_OFFSET)
    thresholds = pd.DataFrame({"rate": [NEAR_FULL, FULL]})
    rules = alt.Chart(thresholds).mark_rule(strokeDash=[4, 4], color="#1B2631").encode(x="rate:Q")
    return alt.layer(bars, rules, titles, labels).properties(
        title=_title("congress.chart.fill", lang, t("congress.chart.fill_sub", lang)),
        height=alt.Step(FILL_ROW),
    )


def _line_above_bar(base: alt.Chart, field: str, offset: int, **style) -> alt.Chart:
    """A line of text from the plot's left edge, cut with '…' only past the plot's width."""
    return base.mark_text(
        align="left", baseline="bottom", yOffset=offset, limit=alt.ExprRef("width"), **style
    ).encode(x=alt.value(0), text=field)


def _fill_label(registered: int, capacity: int, waitlisted: int, flag: str, lang: str) -> str:
    text = f"{_count_text(registered, lang)}/{_count_text(capacity, lang)}"
    if waitlisted:
        text += " " + t("congress.chart.waitlist_suffix", lang, count=_count_text(waitlisted, lang))
    if flag in ("near_full", "full"):
        text += f" — {t(f'congress.flag.{flag}', lang)}"
    return text


def cumulative_chart(
    cumulative: pd.DataFrame, event_date: date | None, target: int | None, lang: str
) -> alt.Chart:
    """Running total of sign-ups by date, with the event day and the target as labelled rules."""
    line = (
        alt.Chart(cumulative)
        .mark_line(point=True, interpolate="step-after")
        .encode(
            x=alt.X("date:T", title=t("common.date", lang), axis=alt.Axis(format=DATE_FORMAT)),
            y=alt.Y(
                "cumulative:Q",
                title=t("congress.chart.cumulative_axis", lang),
                axis=COUNT_AXIS,
            ),
            tooltip=[
                alt.Tooltip("date:T", title=t("common.date", lang), format=DATE_FORMAT),
                alt.Tooltip("signups:Q", title=t("congress.chart.new_signups", lang)),
                alt.Tooltip("cumulative:Q", title=t("congress.chart.cumulative_axis", lang)),
            ],
        )
    )
    layers: list[alt.Chart] = [line, *_event_day_layers(cumulative, event_date, lang)]
    if target:
        goal = pd.DataFrame(
            {
                "target": [target],
                "label": [t("congress.chart.target", lang, count=_count_text(target, lang))],
            }
        )
        rule = alt.Chart(goal).encode(y="target:Q")
        layers += [
            rule.mark_rule(strokeDash=[6, 4], color="#1B2631"),
            rule.mark_text(align="left", dx=4, dy=-8, color="#1B2631").encode(
                text="label:N", x=alt.value(0)
            ),
        ]
    return alt.layer(*layers).properties(title=_title("congress.chart.cumulative", lang))


def _event_day_layers(cumulative: pd.DataFrame, event_date: date | None, lang: str) -> list:
    """The Congress day as a labelled rule when it falls within the sign-ups' dates; a
    later day would stretch the time axis and squeeze the data into a corner, so it is
    named in a note at the right end of the data instead."""
    if event_date is None:
        return []
    last = pd.to_datetime(cumulative["date"]).max() if not cumulative.empty else None
    day = pd.Timestamp(event_date)
    color = OKABE_ITO[5]
    if last is None or day <= last:
        marker = pd.DataFrame({"date": [day], "label": [t("congress.chart.event_day", lang)]})
        rule = alt.Chart(marker).encode(x="date:T")
        return [
            rule.mark_rule(color=color, strokeWidth=2),
            rule.mark_text(align="right", dx=-4, dy=-6, baseline="top", color=color).encode(
                text="label:N", y=alt.value(0)
            ),
        ]
    note = t("congress.chart.event_later", lang, date=format_date(event_date))
    marker = pd.DataFrame({"date": [last], "label": [note]})
    return [
        alt.Chart(marker)
        .mark_text(align="right", baseline="top", dy=16, color=color, fontWeight="bold")
        .encode(x="date:T", y=alt.value(0), text="label:N")
    ]


def edition_comparison_chart(comparison: pd.DataFrame, lang: str) -> alt.Chart:
    """Cumulative sign-ups of two editions against days before the event (line style too)."""
    frame = comparison.rename(columns={"name": "edition_label"})
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "days_before:Q",
                title=t("congress.chart.days_before_axis", lang),
                scale=alt.Scale(reverse=True),
                axis=COUNT_AXIS,
            ),
            y=alt.Y(
                "cumulative:Q",
                title=t("congress.chart.cumulative_axis", lang),
                axis=COUNT_AXIS,
            ),
            color=alt.Color("edition_label:N", legend=alt.Legend(title=None, orient="bottom")),
            strokeDash=alt.StrokeDash("edition_label:N", legend=None),
            shape=alt.Shape("edition_label:N", legend=None),
            tooltip=[
                alt.Tooltip("edition_label:N", title=t("congress.edition", lang)),
                alt.Tooltip("days_before:Q", title=t("congress.chart.days_before_axis", lang)),
                alt.Tooltip("cumulative:Q", title=t("congress.chart.cumulative_axis", lang)),
            ],
        )
        .properties(title=_title("congress.chart.comparison", lang))
    )


def who_chart(
    frame: pd.DataFrame, label_column: str, title_key: str, header_key: str, lang: str
) -> alt.Chart:
    """Horizontal bars of ``count`` per ``label_column`` (already human-readable), in row order."""
    data = frame.assign(count_text=[_count_text(value, lang) for value in frame["count"]])
    base = alt.Chart(data).encode(
        y=alt.Y(f"{label_column}:N", title=None, sort=list(data[label_column]), axis=LONG_LABELS)
    )
    bars = base.mark_bar().encode(
        x=alt.X("count:Q", title=t("congress.chart.signups_axis", lang)),
        tooltip=[
            alt.Tooltip(f"{label_column}:N", title=t(header_key, lang)),
            alt.Tooltip("count:Q", title=t("common.count", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=3).encode(x="count:Q", text="count_text:N")
    return alt.layer(bars, labels).properties(title=_title(title_key, lang))


def attendance_chart(
    attendance: pd.DataFrame, label_column: str, title_key: str, header_key: str, lang: str
) -> alt.Chart:
    """Came / did not come per group (stacked), labelled with the no-show rate."""
    long = attendance.melt(
        id_vars=[label_column, "no_show_rate"],
        value_vars=["came", "did_not_come"],
        var_name="presence",
        value_name="count",
    )
    long["presence_label"] = [t(f"congress.presence.{value}", lang) for value in long["presence"]]
    order = [t("congress.presence.came", lang), t("congress.presence.did_not_come", lang)]
    sort = list(attendance[label_column])
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y(f"{label_column}:N", title=None, sort=sort, axis=LONG_LABELS),
            x=alt.X("count:Q", stack="zero", title=t("congress.chart.people_axis", lang)),
            color=alt.Color(
                "presence_label:N",
                sort=order,
                scale=alt.Scale(domain=order, range=[OKABE_ITO[2], "#999999"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            order=alt.Order("presence:N"),
            tooltip=[
                alt.Tooltip(f"{label_column}:N", title=t(header_key, lang)),
                alt.Tooltip("presence_label:N", title=t("common.status", lang)),
                alt.Tooltip("count:Q", title=t("common.count", lang)),
            ],
        )
    )
    totals = attendance.assign(
        total=attendance["came"] + attendance["did_not_come"],
        rate_text=[
            t("congress.chart.no_show", lang, rate=_percent_text(rate, lang))
            if pd.notna(rate)
            else ""
            for rate in attendance["no_show_rate"]
        ],
    )
    labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=3)
        .encode(y=alt.Y(f"{label_column}:N", sort=sort), x="total:Q", text="rate_text:N")
    )
    return alt.layer(bars, labels).properties(title=_title(title_key, lang))


# --- the tables shown beside the charts (human-readable labels, same numbers) ----------


def _table(frame: pd.DataFrame, columns: tuple[tuple[str, str], ...], lang: str) -> pd.DataFrame:
    """``frame``'s columns, in order, headed by the catalogue text of their (key, column)."""
    return pd.DataFrame({t(key, lang): frame[column] for key, column in columns})


def days_table(days: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = days.assign(part_label=_catalogue_labels(days["part"], "congress.day_part", lang))
    return _table(frame, (("congress.days", "part_label"), ("common.count", "count")), lang)


FILL_TABLE_COLUMNS = (
    ("congress.workshop", "title"),
    ("congress.capacity", "capacity"),
    ("signup_status.registered", "registered"),
    ("signup_status.waitlisted", "waitlisted"),
    ("congress.fill_rate", "fill_rate"),
    ("common.status", "flag_label"),
)


def fill_table(fill: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = fill.assign(flag_label=_catalogue_labels(fill["flag"], "congress.flag", lang))
    return _table(frame, FILL_TABLE_COLUMNS, lang)


def district_labels(districts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Adds ``label`` ('3. Mokre'; 'outside Toruń / not given' for number 0)."""
    labels = [
        t("congress.outside_torun", lang) if number == 0 else f"{number}. {name}"
        for number, name in zip(districts["district_number"], districts["district"], strict=True)
    ]
    return districts.assign(label=labels)


def age_labels(ages: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = [t("congress.unknown", lang) if a == "unknown" else a for a in ages["age_group"]]
    return ages.assign(label=labels)


def category_labels(categories: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = [
        t("congress.unknown", lang) if c == "unknown" else t(f"category.{c}", lang)
        for c in categories["category"]
    ]
    return categories.assign(label=labels)


def who_table(labelled: pd.DataFrame, header_key: str, lang: str) -> pd.DataFrame:
    return _table(labelled, ((header_key, "label"), ("common.count", "count")), lang)


EDITIONS_TABLE_COLUMNS = (
    ("congress.edition", "name"),
    ("signup_status.registered", "registered"),
    ("signup_status.waitlisted", "waitlisted"),
    ("signup_status.cancelled", "cancelled"),
    ("congress.capacity", "capacity"),
    ("congress.target", "target_signups"),
)


def editions_table(totals: pd.DataFrame, lang: str) -> pd.DataFrame:
    return _table(totals, EDITIONS_TABLE_COLUMNS, lang)


def attendance_table(attendance: pd.DataFrame, label_column: str, header_key: str, lang: str):
    columns = (
        (header_key, label_column),
        ("congress.presence.came", "came"),
        ("congress.presence.did_not_come", "did_not_come"),
        ("congress.no_show_rate", "no_show_rate"),
    )
    return _table(attendance, columns, lang)
