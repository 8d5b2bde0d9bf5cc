"""/prezentacja — one chart per screen for a projector, and the meeting deck."""

import streamlit as st

from dashboard import web
from dashboard.queries import presentation as queries
from dashboard.queries import progress as progress_queries
from dashboard.ui import presentation as ui

web.require_actor()
ui.compact_layout()

today = web.data_as_of().date()
subteams = web.query(progress_queries.subteam_options)
editions = web.query(queries.edition_options)
deck_place = ui.deck_place()
chosen, filters = ui.settings(subteams, editions, today)
ui.deck_buttons(deck_place, chosen, filters)

if not chosen:
    st.info(web.tr("presentation.nothing_chosen"))
    st.stop()

current = ui.current_chart(chosen)
ui.chart(current, filters, dict(zip(subteams["slug"], subteams["name"], strict=True)))
