"""/kolejka — a lead's queue: their subteams' proposals awaiting a decision."""

import streamlit as st

from dashboard import web
from dashboard.ui.queue import queue_page

actor = web.require_actor()
st.title(web.tr("queue.title"))
queue_page(actor)
