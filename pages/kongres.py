"""/kongres — Congress sign-up statistics (signed in; exact counts, no personal data)."""

import streamlit as st

from dashboard import web
from dashboard.queries import congress as cq
from dashboard.ui import congress as ui
from dashboard.ui.sections import in_open_tab

web.require_actor()
st.title(web.tr("congress.title"))

editions = web.query(cq.editions)
if editions.empty:
    st.info(web.tr("congress.no_editions"))
    st.stop()

congress_filter = ui.filters(editions)
event = ui.edition_caption(editions, congress_filter.edition)
totals, days_and_workshops, over_time, who, attendance = ui.section_tabs()
in_open_tab(totals, lambda: ui.totals_section(congress_filter))
in_open_tab(days_and_workshops, lambda: ui.days_and_workshops_section(congress_filter))
in_open_tab(over_time, lambda: ui.over_time_section(congress_filter, event))
in_open_tab(who, lambda: ui.who_section(congress_filter))
in_open_tab(attendance, lambda: ui.attendance_section(congress_filter))
