"""Parts of a page that run only when open: tabs (/kongres, /admin, the "since" lists of
/postepy) and folded tables; their queries, tables and charts are built when someone
opens them, not at every run of the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard import web

SECTION_PARAM = "sekcja"  # ?sekcja=<tab label> keeps a page's open section in its URL


def section_tabs(label_keys: Sequence[str]) -> list:
    """The page's sections in tabs (catalogue labels); the URL keeps the open one, so a
    reload or a shared link opens it again."""
    return st.tabs(
        [web.tr(key) for key in label_keys],
        key=SECTION_PARAM,
        on_change="rerun",
        bind="query-params",
    )


def lazy_tabs(labels: Sequence[str], key: str) -> list:
    """Tabs inside a page section, the open one kept for the session (not in the URL)."""
    return st.tabs(list(labels), key=key, on_change="rerun")


def on_demand(label: str, key: str, draw: Callable[[], None]) -> None:
    """A folded part (a chart's numbers as a table) whose content runs only when someone
    unfolds it."""
    folded = st.expander(label, key=key, on_change="rerun")
    if folded.open:
        with folded:
            draw()


def in_open_tab(tab, draw: Callable[[], None]) -> None:
    """``draw`` into ``tab`` when it is the open one (an untracked tab counts as open)."""
    if tab.open is not False:
        with tab:
            draw()
