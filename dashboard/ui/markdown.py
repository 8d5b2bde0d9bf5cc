"""Database text inside ``st.markdown``."""

from __future__ import annotations

from dashboard.core.privacy import escape_markdown


def plain(text: str | None) -> str:
    """Every markdown/HTML character shown literally; line breaks kept."""
    return escape_markdown(text or "").replace("\n", "  \n")
