"""/zespol — who is in which subteam, by category, role and organisation: the mix of voices."""

import streamlit as st

from dashboard import web
from dashboard.charts import team as charts
from dashboard.queries import progress as pq
from dashboard.queries import team as tq
from dashboard.ui import team as team_ui
from dashboard.ui.charts import recipe, show_chart
from dashboard.ui.scope import scope_filters

# (section, query, chart, image file name, the chart's numbers as a table)
CHART_SECTIONS = (
    (
        "categories",
        tq.members_by_category,
        charts.members_by_category_chart,
        "czlonkowie-kategorie",
        team_ui.category_table,
    ),
    (
        "voices",
        tq.direct_voice_share,
        charts.direct_voice_chart,
        "glos-mieszkancow",
        team_ui.voices_table,
    ),
    ("roles", tq.members_by_role, charts.members_by_role_chart, "role", team_ui.role_table),
)

actor = web.require_actor()
lang = web.lang()
st.title(web.tr("progress.team.title"))
st.caption(web.tr("progress.team.intro"))

scope = scope_filters(web.query(pq.subteam_options))
totals = web.query(tq.team_totals, scope).iloc[0]
if not totals["members"]:
    st.info(web.tr("progress.team.no_members"))
    st.stop()

team_ui.headline(totals)

for section, load, build, image_name, show_numbers in CHART_SECTIONS:
    st.subheader(web.tr(f"progress.team.section.{section}"))
    frame = web.query(load, scope)
    show_chart(recipe(build, frame, lang), image_name)
    show_numbers(frame)

st.subheader(web.tr("progress.team.section.organisations"))
team_ui.organisations_table(web.query(tq.organisations, scope))

st.subheader(web.tr("progress.team.section.members"))
with_emails = actor.sees_personal_data()
team_ui.member_table(
    web.query(tq.member_list, scope, emails_for=actor if with_emails else None), with_emails
)
