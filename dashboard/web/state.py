"""Every entry of Streamlit's session state the panel uses, by name.

Outside ``dashboard.web`` nothing reads or writes the session state itself (a test
checks it): a ui module asks for a ``Slot`` here. Widgets are the one kind of entry
named elsewhere: a widget's ``key=`` stays a constant of the ui module that draws it,
which reads or presets its value through ``widget(key)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

import streamlit as st

from dashboard.core.permissions import Actor
from dashboard.i18n import DEFAULT_LANGUAGE

T = TypeVar("T")


@dataclass(frozen=True)
class Slot(Generic[T]):
    """One session-state entry: its key and access to its value."""

    key: str

    def get(self, default: T | None = None) -> T | None:
        return st.session_state.get(self.key, default)

    def set(self, value: T) -> None:
        st.session_state[self.key] = value

    def pop(self, default: T | None = None) -> T | None:
        return st.session_state.pop(self.key, default)

    def is_set(self) -> bool:
        return self.key in st.session_state


@dataclass(frozen=True)
class Flash:
    """A message shown once, in the run after the one that stored it (a write reruns)."""

    text: str
    kind: Literal["success", "error"] = "success"


def widget(key: str) -> Slot[Any]:
    """The value of the widget drawn with ``key=key`` (preset it before the widget is drawn)."""
    return Slot(key)


# --- the whole session ----------------------------------------------------------------

LANGUAGE: Slot[str] = Slot("lang")  # also the key of the language switch
ACTOR: Slot[Actor] = Slot("actor")  # the signed-in person
# The table versions read in this script run: (the run's marker, (commits seen, engine),
# versions) — see web.cache.
RUN_TABLE_VERSIONS: Slot[tuple[object, tuple, dict[str, int]]] = Slot("run_table_versions")

# --- sign-in --------------------------------------------------------------------------

SESSION_TOKEN: Slot[str] = Slot("access.session_token")  # this browser's sign-in session
SIGN_IN_MESSAGE: Slot[str] = Slot("access.message")  # catalogue key shown above the form
SET_COOKIE: Slot[bool] = Slot("access.set_cookie")  # write the sign-in cookie this run
# False: clear the sign-in cookie in this run (signed out); True: cleared already.
COOKIE_CLEARED: Slot[bool] = Slot("access.cookie_cleared")
# The staff page (URL path, query parameters) a visitor asked for before signing in.
RETURN_TO: Slot[tuple[str, dict[str, list[str]]]] = Slot("access.return_to")

# --- flash messages, one slot per place that shows them ---------------------------------

FLASH_PROPOSALS: Slot[Flash] = Slot("prop_flash")
FLASH_MILESTONES: Slot[Flash] = Slot("progress_flash")
FLASH_USERS: Slot[Flash] = Slot("admin.users.flash")
FLASH_CONGRESS_ADMIN: Slot[Flash] = Slot("admin_congress_flash")
FLASH_MAIL_SETTINGS: Slot[Flash] = Slot("mail_settings_flash")


def import_result(prefix: str) -> Slot[Flash]:
    """The summary of the import just confirmed in the import section keyed ``prefix``."""
    return Slot(f"{prefix}_result")


def checked_import(prefix: str) -> Slot[tuple | None]:
    """(file fingerprint, dry-run report) of the file last checked in that section."""
    return Slot(f"{prefix}_checked")


# --- per page ---------------------------------------------------------------------------

PROPOSAL_TABLE: Slot[str] = Slot("prop_table")  # key of the proposals table on screen
SELECTED_PROPOSAL: Slot[int] = Slot("prop_last_selected")  # the row whose detail is open
REGISTRATION_PENDING: Slot[Any] = Slot("zapisy_pending")  # a form waiting for the waitlist
REGISTRATION_DONE: Slot[tuple] = Slot("zapisy_done")  # (form, result) just stored
REGISTRATION_ERRORS: Slot[dict] = Slot("zapisy_errors")  # field -> message key, shown at it
REGISTRATION_SENT_AT: Slot[list] = Slot("zapisy_sent_at")  # submission times (the throttle)
FLASH_MY_SIGNUP: Slot[Flash] = Slot("moj_zapis_flash")
BACKUP_FILE: Slot[tuple[str, bytes]] = Slot("admin.backup.file")  # (file name, bytes)
CURRENT_CHART: Slot[str] = Slot("presentation_current")  # also the jump list's widget key
QUEUE_OPEN: Slot[int] = Slot("queue_open")  # the proposal whose detail is open in the queue
QUEUE_ROUND: Slot[int] = Slot("queue_round")  # bumped after a change: a fresh, empty selection
# (place of the action, message): shown next to the button that caused it
QUEUE_MESSAGE: Slot[tuple[str, Flash]] = Slot("queue_message")


# --- accessors --------------------------------------------------------------------------


def language() -> str:
    return LANGUAGE.get(DEFAULT_LANGUAGE)


def keep_language() -> None:
    """Give the language switch its first value (it is required, so never empty)."""
    if not LANGUAGE.is_set():
        LANGUAGE.set(DEFAULT_LANGUAGE)


def actor() -> Actor | None:
    return ACTOR.get()


def require_actor() -> Actor:
    """The signed-in person, or stop the page (a page reached without signing in shows nothing)."""
    current = actor()
    if current is None:
        st.stop()
    return current


def set_actor(person: Actor | None) -> None:
    if person is None:
        ACTOR.pop()
    else:
        ACTOR.set(person)


def mark_signed_in(person: Actor, token: str) -> None:
    """The person, their session token and a cookie to write in this run."""
    SESSION_TOKEN.set(token)
    SET_COOKIE.set(True)
    COOKIE_CLEARED.pop()
    ACTOR.set(person)


def forget_sign_in() -> None:
    SESSION_TOKEN.pop()
    SET_COOKIE.pop()
    ACTOR.pop()


def clear_proposal_selection() -> None:
    """Forget the selected rows (positions) of the proposals table on screen."""
    table_key = PROPOSAL_TABLE.get("")
    if table_key:
        widget(table_key).pop()
