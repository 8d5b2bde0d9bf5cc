"""Links from a figure to the items behind it: /propozycje with the figure's filters in
the URL (``?status=in_review&status=consulted&subteam=...``)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from dashboard.core.navigation import page_by_url_path
from dashboard.queries.figures import FIGURE_STATUSES


def proposal_params(
    statuses: tuple[str, ...] = (), subteam_slugs: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    if statuses:
        params["status"] = list(statuses)
    if subteam_slugs:
        params["subteam"] = list(subteam_slugs)
    return params


def proposals_url(statuses: tuple[str, ...] = (), subteam_slugs: tuple[str, ...] = ()) -> str:
    """Relative URL of /propozycje with these filters (for table links and chart marks)."""
    query = urlencode(proposal_params(statuses, subteam_slugs), doseq=True)
    return f"propozycje?{query}" if query else "propozycje"


def proposals_link(
    label: str,
    statuses: tuple[str, ...] = (),
    subteam_slugs: tuple[str, ...] = (),
    help_text: str | None = None,
) -> None:
    """A link (same tab, same session) to /propozycje showing these proposals."""
    spec = page_by_url_path("propozycje")
    try:
        st.page_link(
            spec.path,
            label=label,
            icon=":material/arrow_forward:",
            query_params=proposal_params(statuses, subteam_slugs),
            help=help_text,
        )
    except StreamlitPageNotFoundError:
        # A page run on its own (AppTest of one script) has no navigation to link into.
        st.markdown(f"[{label}]({proposals_url(statuses, subteam_slugs)})")


def figure_link(
    label: str, figure: str, subteam_slugs: tuple[str, ...] = (), help_text: str | None = None
) -> None:
    """The proposals behind a figure of ``dashboard.queries.figures`` (``proposals``: all)."""
    proposals_link(label, FIGURE_STATUSES.get(figure, ()), subteam_slugs, help_text)
