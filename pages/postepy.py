"""/postepy — progress at a glance (the default page): every figure as of a chosen date."""

import streamlit as st

from dashboard import web
from dashboard.charts import progress as charts
from dashboard.core.formatting import format_long_date
from dashboard.queries import changes, figures
from dashboard.queries import progress as pq
from dashboard.ui.charts import recipe, show_chart
from dashboard.ui.progress import headline as top
from dashboard.ui.progress.attention import attention_block
from dashboard.ui.progress.changes import since_section
from dashboard.ui.progress.dates import date_filters
from dashboard.ui.progress.milestones import editable_subteams, milestone_editor
from dashboard.ui.progress.subteams import (
    pipeline_table,
    scope_slugs,
    subteam_table,
    with_links,
)
from dashboard.ui.scope import scope_filters
from dashboard.ui.sections import on_demand

actor = web.require_actor()
lang = web.lang()
st.title(web.tr("progress.title"))

subteams = web.query(pq.subteam_options)
with st.expander(web.tr("progress.filters")):
    as_of, since = date_filters()
    scope = scope_filters(subteams)
st.caption(web.tr("progress.intro", date=format_long_date(as_of, lang)))

now = web.query(pq.progress_as_of, as_of, scope)
progress, pipeline = now.subteams, now.pipeline
if progress.empty:
    st.info(web.tr("progress.no_subteams"))
    st.stop()
slugs = scope_slugs(scope, progress, subteams)
top.since_line(web.query(changes.since_counts, since, as_of, scope), since)
attention_block(web.query(figures.milestones_needing_attention, as_of, scope), top.ATTENTION_ANCHOR)

congresses = web.query(pq.congress_editions)
then = web.query(pq.progress_as_of, since, scope).headline()
top.headline(now.headline(), then, congresses, (as_of, since), slugs)

st.subheader(web.tr("progress.section.subteams"), anchor=top.SUBTEAMS_ANCHOR)
subteam_table(progress, subteams)

st.subheader(web.tr("progress.section.timeline"), anchor=top.TIMELINE_ANCHOR)
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
    show_chart(
        recipe(charts.pipeline_chart, with_links(pipeline, subteams), lang), "propozycje-statusy"
    )
    on_demand(
        web.tr("progress.pipeline.table"),
        "progress_pipeline_table",
        lambda: pipeline_table(pipeline, subteams),
    )

since_section(since, as_of, scope, top.SINCE_ANCHOR)

editable = editable_subteams(actor, progress)
if editable:
    milestone_editor(actor, editable)
