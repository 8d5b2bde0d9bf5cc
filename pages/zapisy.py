"""/zapisy — public registration for the Congress of Dialogue (no sign-in)."""

import streamlit as st

from dashboard import web
from dashboard.queries.registration import open_edition
from dashboard.ui import registration as ui
from db.engine import now

st.title(web.tr("congress.signup.title"))

edition = web.query(open_edition, now().date())
if edition is None:
    st.info(web.tr("congress.signup.no_edition"))
    st.stop()
if not ui.edition_header(edition):
    st.stop()

choices = ui.load_choices(edition)
done = ui.stored_registration()
if done is not None:
    ui.show_confirmation(*done)
    st.stop()

ui.waitlist_question(choices)
ui.error_summary()
form = ui.signup_form(edition, choices)
if form is not None:
    ui.submit(form)
ui.focus_first_error()
ui.contact_notice(edition)
ui.privacy_note()
