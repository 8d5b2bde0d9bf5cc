"""The settings of this run: environment and ``st.secrets`` (``dashboard.core.settings``)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.core.settings import Settings, load_settings


def _secrets() -> dict[str, Any]:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets file: environment and defaults only
        return {}


def settings() -> Settings:
    """Read on every run (cheap), so a changed environment or secrets file applies at once."""
    return load_settings(_secrets())
