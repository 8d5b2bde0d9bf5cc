"""The app shell: page config, language switch, data-as-of line, database checks."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from dashboard import web
from dashboard.core.formatting import format_datetime
from dashboard.i18n import LANGUAGES, t
from dashboard.web import state
from db.migrate import is_at_head

# Pages opened with the sidebar closed (a projector). The browser keeps the first
# sidebar state it is given, so the entry script must not open it first. Elsewhere
# "auto": open on a wide screen, closed on a phone, where it would cover the page.
SIDEBAR_CLOSED_PATHS = ("/prezentacja",)

# Two fixes to Streamlit's own look, for every page:
# - a card's label wraps instead of ending in "…" (five cards in a row at 1280 px cut
#   "Na dobrej drodze" and "Wszystkie propozycje" short);
# - Streamlit's input hints ("Press Enter to submit form") exist only in English; Enter
#   still submits, the hint is not shown (nor read out).
SHELL_CSS = """<style>
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] p
  {white-space: normal; text-overflow: clip; overflow: visible;}
[data-testid="stMetricLabel"] {min-height: 2.6em; align-items: flex-start;}
[data-testid="InputInstructions"] {display: none;}
</style>"""


def configure_page() -> None:
    url = (st.context.url or "").rstrip("/")
    closed = url.endswith(SIDEBAR_CLOSED_PATHS)
    st.set_page_config(
        page_title=t("app.title", web.lang()),
        page_icon=":material/account_balance:",
        layout="wide",
        initial_sidebar_state="collapsed" if closed else "auto",
    )
    st.html(SHELL_CSS)


def language_switch() -> None:
    state.keep_language()
    st.sidebar.segmented_control(
        "Język / Language",
        options=list(LANGUAGES),
        format_func={"pl": "Polski", "en": "English"}.get,
        key=state.LANGUAGE.key,
        required=True,
    )


def visitor_bar(pages: list, language: bool = True) -> None:
    """A visitor's shell instead of the staff sidebar: one compact row with the public
    pages in the menu, a small "Logowanie dla zespołu" link (the sign-in page is the
    visitors' default page, at ``/``) and the language switch; the page's own content
    (the form) comes right after it, also on a phone."""
    state.keep_language()
    public = [page for page in pages if page.visibility == "visible" and page.url_path]
    sign_in = next((page for page in pages if page.url_path == ""), None)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        for page in public:
            st.page_link(page, label=page.title, icon=page.icon)
        if sign_in is not None:
            st.page_link(sign_in, label=web.tr("shell.staff_sign_in"), icon=":material/login:")
        if not language:  # the staff sidebar of this run (just signed out) has it
            return
        st.segmented_control(
            "Język / Language",
            options=list(LANGUAGES),
            format_func={"pl": "PL", "en": "EN"}.get,
            key=state.LANGUAGE.key,
            required=True,
            label_visibility="collapsed",
        )


def ensure_database() -> None:
    """Stop with one clear message when the database cannot serve the panel."""
    try:
        ready = is_at_head(web.engine())
    except OperationalError as error:
        st.error(web.tr("app.db_error", reason=_first_line(error)))
        st.stop()
    except SQLAlchemyError as error:
        st.error(web.tr("app.db_error", reason=_first_line(error)))
        st.stop()
    if not ready:
        st.error(web.tr("app.db_not_migrated"))
        st.stop()


def data_as_of_line() -> None:
    st.sidebar.caption(web.tr("app.data_as_of", when=format_datetime(web.data_as_of())))


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
