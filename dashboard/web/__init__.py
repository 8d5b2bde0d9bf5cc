"""Streamlit's side of the panel: the only package that touches Streamlit's caches and
session state. Everything else in ``dashboard`` is plain Python that takes an ``Engine``.

- ``config``: the settings of this run (environment and ``st.secrets``)
- ``cache``: the engine, cached query results and charts
- ``state``: every session-state entry by name (language, actor, sign-in, flash messages,
  per-page entries)
- ``text``: texts in the person's language
- ``app``: the entry script; ``turns``: its runs one at a time, in order of arrival
- ``serve``: what ``streamlit run`` serves (the entry script as an ``st.App``)

Pages and ui modules use the names below as ``web.query(...)``, ``web.tr(...)``.
"""

import gc

# Streamlit compiles its emoji pattern (~0.3 s) when the first st.info/st.warning runs;
# load it with the app, so no visitor's first page pays for it.
import streamlit.emojis  # noqa: F401

from dashboard.web.cache import (
    chart,
    clear_caches,
    current_data_version,
    data_as_of,
    engine,
    query,
)
from dashboard.web.config import settings
from dashboard.web.state import actor, require_actor
from dashboard.web.text import count_text, lang, number, tr, tr_each

# Everything imported so far (Streamlit, pandas, Altair, the panel) lives as long as the
# process: set it aside from the garbage collector, whose full collections otherwise
# walk those millions of objects again and again (a third of /postepy's first run).
gc.collect()
gc.freeze()

__all__ = [
    "actor",
    "chart",
    "clear_caches",
    "count_text",
    "number",
    "current_data_version",
    "data_as_of",
    "engine",
    "lang",
    "query",
    "require_actor",
    "settings",
    "tr",
    "tr_each",
]
