"""Telling people what happened: one place turns a refused request into a message."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import web
from dashboard.core.errors import PanelError


def error_text(error: Exception) -> str:
    """The message for an expected failure, in the person's language."""
    if isinstance(error, PanelError):
        return error.message(web.lang())
    if isinstance(error, OperationalError):  # SQLite's "database is locked" after waiting
        return web.tr("app.retry_locked")
    raise error


def attempt(action: Callable[[], object]) -> str | None:
    """Run one service call; ``None`` on success, else what to tell the person."""
    try:
        action()
    except (PanelError, OperationalError) as error:
        return error_text(error)
    return None


def run_write(action: Callable[[], object]) -> bool:
    """Run one service call and show why it failed right here. True on success."""
    problem = attempt(action)
    if problem is not None:
        st.error(problem)
    return problem is None
