"""Telling people what happened: one place turns a refused request into a message, and
keeps a "saved" note for the run after a write (flash messages)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import web
from dashboard.core.errors import PanelError, PermissionDenied
from dashboard.web.state import Flash, Slot

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a service call returned, or what to tell the person instead."""

    value: T | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __bool__(self) -> bool:
        # ``if run_write(...):`` reads as "if it worked".
        return self.ok


def error_text(error: Exception, denied_key: str | None = None) -> str:
    """The message for an expected failure, in the person's language; ``denied_key``
    words a refusal for the place it happened."""
    if denied_key and isinstance(error, PermissionDenied):
        return web.tr(denied_key)
    if isinstance(error, PanelError):
        return error.message(web.lang())
    if isinstance(error, OperationalError):  # SQLite's "database is locked" after waiting
        return web.tr("app.retry_locked")
    raise error


def attempt(action: Callable[[], T], denied_key: str | None = None) -> Outcome[T]:
    """Run one service call; any other exception is a bug and is not caught."""
    try:
        return Outcome(value=action())
    except (PanelError, OperationalError) as error:
        return Outcome(problem=error_text(error, denied_key))


def run_write(action: Callable[[], T], denied_key: str | None = None) -> Outcome[T]:
    """Run one service call and show why it failed right here."""
    outcome = attempt(action, denied_key)
    if not outcome.ok:
        st.error(outcome.problem)
    return outcome


def flash(slot: Slot[Flash], text: str, kind: Literal["success", "error"] = "success") -> None:
    """Show ``text`` where ``show_flash(slot)`` runs next (after the rerun of a write)."""
    slot.set(Flash(text, kind))


def show_flash(slot: Slot[Flash]) -> None:
    message = slot.pop()
    if message is not None:
        (st.success if message.kind == "success" else st.error)(message.text)


def save_and_rerun(action: Callable[[], object], slot: Slot[Flash], saved_text: str) -> None:
    """Run one service call; on success rerun and say ``saved_text`` there, else say why
    here (the form keeps its input)."""
    if run_write(action).ok:
        flash(slot, saved_text)
        st.rerun()
