"""/moj-zapis — a resident's own sign-up, opened by the personal link from the e-mail."""

import streamlit as st

from dashboard import web
from dashboard.ui import my_signup as ui

st.title(web.tr("manage.title"))

link_token = ui.token()
signup = ui.load(link_token)
if signup is None:
    st.stop()
ui.summary(signup)
ui.change_form(link_token, signup)
ui.cancel_form(link_token, signup)
ui.contacts(signup)
