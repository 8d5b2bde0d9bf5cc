"""Entry script: sign-in, then a router over the pages the current person may open.

Staff get the sidebar (language, who is signed in, the page list, the data-as-of
line). Visitors get no sidebar: a compact row of the public pages, a small sign-in link
and the language switch above the page (``shell.visitor_bar``); the DEMO note shows
only on the sign-in page.
Runs take turns (``turns``): fifty tabs at once see their pages one after another.
"""

import streamlit as st

from dashboard.ui import auth as sign_in
from dashboard.ui import shell
from dashboard.web.turns import page_runs


def show_page() -> None:
    shell.configure_page()
    shell.ensure_database()
    demo = sign_in.demo_mode()
    key = sign_in.session_key(demo)
    actor = sign_in.current_actor(key)
    if actor is not None:
        shell.language_switch()
        sign_in.sidebar(key, actor, demo)
    pages = sign_in.navigation_pages(actor)
    page = st.navigation(pages, position="sidebar" if actor is not None else "hidden")
    if actor is None:
        shell.visitor_bar(pages, language=True)
        if demo and page.url_path in ("", sign_in.SIGN_IN_URL_PATH):  # the default page
            sign_in.demo_note()
        sign_in.remember_requested_page(page)
    else:
        sign_in.return_to_requested_page(page, pages)
        shell.data_as_of_line()
    page.run()


with page_runs.turn():
    show_page()
