"""Entry script: sign-in, then a router over the pages the current person may open."""

import streamlit as st

from dashboard.ui import auth as sign_in
from dashboard.ui import shell

shell.configure_page()
shell.language_switch()
shell.ensure_database()
demo = sign_in.demo_mode()
key = sign_in.session_key(demo)
actor = sign_in.sidebar(key, sign_in.current_actor(key), demo)
pages = sign_in.navigation_pages(actor)
page = st.navigation(pages)
if actor is None:
    sign_in.remember_requested_page(page)
else:
    sign_in.return_to_requested_page(page, pages)
shell.data_as_of_line()
page.run()
