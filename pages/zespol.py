"""/zespol — who is in which subteam, by category, role and organisation: the mix of voices."""

import streamlit as st

from dashboard import web
from dashboard.charts import team as charts
from dashboard.queries import progress as pq
from dashboard.queries import team as tq
from dashboard.ui import team as team_ui
from dashboard.ui.charts import recipe, show_chart
from dashboard.ui.scope import scope_filters

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

st.subheader(web.tr("progress.team.section.categories"))
by_category = web.query(tq.members_by_category, scope)
show_chart(recipe(charts.members_by_category_chart, by_category, lang), "czlonkowie-kategorie")
team_ui.breakdown_table(by_category, "category", "category")

st.subheader(web.tr("progress.team.section.voices"))
voices = web.query(tq.direct_voice_share, scope)
show_chart(recipe(charts.direct_voice_chart, voices, lang), "glos-mieszkancow")
team_ui.voices_table(voices)

st.subheader(web.tr("progress.team.section.roles"))
by_role = web.query(tq.members_by_role, scope)
show_chart(recipe(charts.members_by_role_chart, by_role, lang), "role")
team_ui.breakdown_table(by_role, "role", "member_role")

st.subheader(web.tr("progress.team.section.organisations"))
team_ui.organisations_table(web.query(tq.organisations, scope))

st.subheader(web.tr("progress.team.section.members"))
with_emails = actor.sees_personal_data()
team_ui.member_table(
    web.query(tq.member_list, scope, emails_for=actor if with_emails else None), with_emails
)
