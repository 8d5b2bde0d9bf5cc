"""/postepy — progress at a glance (the default page): every figure as of a chosen date."""

import streamlit as st

from dashboard import web
from dashboard.charts import progress as charts
from dashboard.core.formatting import format_long_date
from dashboard.queries import progress as pq
from dashboard.ui.charts import recipe, show_chart
from dashboard.ui.progress.changes import since_section
from dashboard.ui.progress.dates import date_filters
from dashboard.ui.progress.headline import headline
from dashboard.ui.progress.milestones import editable_subteams, milestone_editor
from dashboard.ui.progress.subteams import pipeline_table, subteam_table
from dashboard.ui.scope import scope_filters

actor = web.require_actor()
lang = web.lang()
st.title(web.tr("progress.title"))

subteams = web.query(pq.subteam_options)
as_of, since = date_filters()
scope = scope_filters(subteams)
st.caption(web.tr("progress.intro", date=format_long_date(as_of, lang)))

progress = web.query(pq.subteam_progress, as_of, scope)
if progress.empty:
    st.info(web.tr("progress.no_subteams"))
    st.stop()
pipeline = web.query(pq.pipeline_as_of, as_of, scope)
congresses = web.query(pq.congress_editions)

headline(pq.summarise_headline(progress, pipeline), congresses, as_of)

st.subheader(web.tr("progress.section.subteams"))
subteam_table(progress)

st.subheader(web.tr("progress.section.timeline"))
milestones = web.query(pq.milestones_as_of, as_of, scope)
if milestones.empty:
    st.caption(web.tr("progress.edit.none"))
else:
    show_chart(
        recipe(charts.milestone_timeline_chart, milestones, congresses, as_of, lang),
        "kamienie-milowe",
    )

st.subheader(web.tr("progress.section.pipeline"))
if not pipeline.empty:
    show_chart(recipe(charts.pipeline_chart, pipeline, lang), "propozycje-statusy")
    with st.expander(web.tr("progress.pipeline.table")):
        pipeline_table(pipeline)

since_section(since, as_of, scope)

editable = editable_subteams(actor, progress)
if editable:
    milestone_editor(actor, editable)
