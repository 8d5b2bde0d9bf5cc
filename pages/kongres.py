"""/kongres — Congress sign-up statistics (signed in; exact counts, no personal data)."""

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.charts import congress as charts
from dashboard.formatting import format_long_date
from dashboard.i18n import format_percent
from dashboard.queries import congress as cq
from dashboard.ui.charts import show_chart
from db.engine import now
from db.models import PARTICIPANT_CATEGORIES

web.require_actor()
lang = web.lang()
st.title(web.tr("congress.title"))

editions = web.query(cq.editions)
if editions.empty:
    st.info(web.tr("congress.no_editions"))
    st.stop()


def url_select(label: str, param: str, options: list, format_func) -> object:
    """A selectbox whose choice lives in the URL as ``?param=code`` (language-independent)."""
    key = f"kongres_{param}"
    if key not in st.session_state:
        wanted = st.query_params.get(param)
        st.session_state[key] = next((o for o in options if str(o) == wanted), options[0])
    value = st.selectbox(label, options, key=key, format_func=format_func)
    if value == options[0]:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = str(value)
    return value


# Plain ints (not numpy's) in the URL, the cache keys and the SQL parameters.
names = {int(e): name for e, name in zip(editions["edition"], editions["name"], strict=True)}
edition_column, day_column, workshop_column, category_column = st.columns(4)
with edition_column:
    edition = url_select(web.tr("congress.edition"), "edition", list(names), names.get)
workshops = web.query(cq.workshops, edition)
titles = {int(i): title for i, title in zip(workshops["id"], workshops["title"], strict=True)}
all_label = web.tr("common.all")
with day_column:
    day = url_select(
        web.tr("congress.filter.day"),
        "day",
        [None, 1, 2],
        lambda d: all_label if d is None else web.tr("congress.day_n", day=d),
    )
with workshop_column:
    workshop = url_select(
        web.tr("congress.workshop"), "workshop", [None, *titles], lambda w: titles.get(w, all_label)
    )
with category_column:
    category = url_select(
        web.tr("congress.filter.category"),
        "category",
        [None, *PARTICIPANT_CATEGORIES],
        lambda c: all_label if c is None else web.tr(f"category.{c}"),
    )

flt = cq.CongressFilter(edition=edition, day=day, workshop_id=workshop, category=category)
event = editions[editions["edition"] == edition].iloc[0]
st.caption(
    web.tr(
        "congress.edition_caption",
        name=event["name"],
        date=format_long_date(event["starts_on"], lang),
        venue=event["venue"] or "—",
    )
)

# 1. Totals
totals = web.query(cq.status_totals, flt)
registered, capacity = totals["registered"], totals["capacity"]
metric_columns = st.columns(4)
metric_columns[0].metric(web.tr("signup_status.registered"), registered)
metric_columns[1].metric(web.tr("signup_status.waitlisted"), totals["waitlisted"])
metric_columns[2].metric(web.tr("signup_status.cancelled"), totals["cancelled"])
metric_columns[3].metric(
    web.tr("congress.capacity"),
    "—" if capacity is None else capacity,
    help=web.tr("congress.capacity_help"),
)
by_edition = web.query(cq.totals_by_edition, category)
chart_column, table_column = st.columns([3, 2])
with chart_column:
    show_chart(charts.editions_chart(by_edition, lang), "kongres-edycje")
with table_column:
    st.dataframe(charts.editions_table(by_edition, lang), hide_index=True, width="stretch")

# 2–3. Days and workshops
st.header(web.tr("congress.section.days_workshops"))
days = web.query(cq.day_split, flt)
chart_column, table_column = st.columns([3, 2])
with chart_column:
    show_chart(charts.days_chart(days, lang), "kongres-dni")
with table_column:
    st.dataframe(charts.days_table(days, lang), hide_index=True, width="stretch")
fill = web.query(cq.workshop_fill, flt)
if fill.empty:
    st.info(web.tr("congress.no_workshops"))
else:
    show_chart(charts.workshop_fill_chart(fill, lang), "kongres-warsztaty")
    st.dataframe(
        charts.fill_table(fill, lang),
        hide_index=True,
        width="stretch",
        column_config={
            web.tr("congress.fill_rate"): st.column_config.ProgressColumn(
                format="percent", min_value=0.0, max_value=1.0
            )
        },
    )

# 4. Over time
st.header(web.tr("congress.section.over_time"))
cumulative = web.query(cq.cumulative_signups, flt)
if cumulative.empty:
    st.info(web.tr("congress.no_signups"))
else:
    target = None if event["target_signups"] is None else int(event["target_signups"])
    show_chart(
        charts.cumulative_chart(cumulative, event["starts_on"], target, lang), "kongres-narastajaco"
    )
comparison = web.query(cq.edition_comparison, flt)
if (comparison["edition"] != edition).any():  # the previous edition has data to compare
    show_chart(charts.edition_comparison_chart(comparison, lang), "kongres-edycja-do-edycji")
else:
    st.caption(web.tr("congress.no_previous"))

# 5. Who
st.header(web.tr("congress.section.who"))
who = (
    (
        "congress.chart.by_district",
        "common.district",
        charts.district_labels(web.query(cq.by_district, flt), lang),
    ),
    (
        "congress.chart.by_age",
        "congress.age_group",
        charts.age_labels(web.query(cq.by_age_group, flt), lang),
    ),
    (
        "congress.chart.by_category",
        "congress.category",
        charts.category_labels(web.query(cq.by_category, flt), lang),
    ),
)
for index, (title_key, header_key, labelled) in enumerate(who):
    chart_column, table_column = st.columns([3, 2])
    with chart_column:
        chart = charts.who_chart(labelled, "label", title_key, header_key, lang)
        show_chart(chart, f"kongres-kto-{index}")
    with table_column:
        table = charts.who_table(labelled, header_key, lang)
        st.dataframe(table, hide_index=True, width="stretch")

# 6. Attendance (editions that are over)
st.header(web.tr("congress.section.attendance"))
if not web.query(cq.edition_has_ended, edition, now().date()):
    st.info(web.tr("congress.attendance_after"))
    st.stop()
overall = web.query(cq.attendance_totals, flt).iloc[0]
attendance_columns = st.columns(3)
attendance_columns[0].metric(web.tr("congress.presence.came"), int(overall["came"]))
attendance_columns[1].metric(web.tr("congress.presence.did_not_come"), int(overall["did_not_come"]))
rate = overall["no_show_rate"]
attendance_columns[2].metric(
    web.tr("congress.no_show_rate"), "—" if pd.isna(rate) else format_percent(rate)
)
by_workshop = web.query(cq.attendance_by_workshop, flt)
by_category = charts.category_labels(web.query(cq.attendance_by_category, flt), lang)
for name, frame, label_column, title_key, header_key in (
    (
        "kongres-obecnosc-warsztaty",
        by_workshop,
        "title",
        "congress.chart.attendance_workshop",
        "congress.workshop",
    ),
    (
        "kongres-obecnosc-kategorie",
        by_category,
        "label",
        "congress.chart.attendance_category",
        "congress.category",
    ),
):
    if frame.empty:
        continue
    chart_column, table_column = st.columns([3, 2])
    with chart_column:
        chart = charts.attendance_chart(frame, label_column, title_key, header_key, lang)
        show_chart(chart, name)
    with table_column:
        st.dataframe(
            charts.attendance_table(frame, label_column, header_key, lang),
            hide_index=True,
            width="stretch",
            column_config={
                web.tr("congress.no_show_rate"): st.column_config.NumberColumn(format="percent")
            },
        )
