"""Entry script: a router over the pages the current person may open."""

import streamlit as st

from dashboard import web
from dashboard.navigation import pages_for
from dashboard.ui import shell

shell.configure_page()
shell.language_switch()
shell.ensure_database()
current = web.actor()
pages = [
    st.Page(
        spec.path,
        title=web.tr(spec.title_key),
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.default,
    )
    for spec in pages_for(current.role if current else None)
]
page = st.navigation(pages)
shell.data_as_of_line()
page.run()
