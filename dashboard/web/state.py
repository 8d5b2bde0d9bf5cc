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

# --- streamlit-authenticator 0.4.2's own entries (it reads and writes them as well) -----

AUTH_STATUS: Slot[bool | None] = Slot("authentication_status")
AUTH_USERNAME: Slot[str | None] = Slot("username")
AUTH_NAME: Slot[str | None] = Slot("name")
AUTH_ROLES: Slot[list[str] | None] = Slot("roles")
AUTH_EMAIL: Slot[str | None] = Slot("email")
AUTH_LOGOUT: Slot[bool | None] = Slot("logout")  # True: the library stops reading the cookie

# --- sign-in --------------------------------------------------------------------------

SIGN_IN_MESSAGE: Slot[str] = Slot("access.message")  # catalogue key shown above the form
SET_COOKIE: Slot[bool] = Slot("access.set_cookie")  # write the remember-me cookie next run
# The staff page (URL path, query parameters) a visitor asked for before signing in.
RETURN_TO: Slot[tuple[str, dict[str, list[str]]]] = Slot("access.return_to")

# --- flash messages, one slot per place that shows them ---------------------------------

FLASH_PROPOSALS: Slot[Flash] = Slot("prop_flash")
FLASH_MILESTONES: Slot[Flash] = Slot("progress_flash")
FLASH_USERS: Slot[Flash] = Slot("admin.users.flash")
FLASH_CONGRESS_ADMIN: Slot[Flash] = Slot("admin_congress_flash")


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


def authenticated_username() -> str | None:
    """The name streamlit-authenticator (or our form) signed in, if any."""
    return AUTH_USERNAME.get() if AUTH_STATUS.get() else None


def mark_signed_in(person: Actor) -> None:
    """What the library's own login stores, plus the person and a cookie to write."""
    AUTH_STATUS.set(True)
    AUTH_USERNAME.set(person.username)
    AUTH_NAME.set(person.display_name)
    AUTH_ROLES.set([person.role])
    AUTH_LOGOUT.set(None)
    SET_COOKIE.set(True)
    ACTOR.set(person)


def forget_sign_in() -> None:
    """Empty the library's entries (it expects them present) and drop ours."""
    for slot in (AUTH_STATUS, AUTH_USERNAME, AUTH_NAME, AUTH_ROLES, AUTH_EMAIL):
        slot.set(None)
    ACTOR.pop()
    SET_COOKIE.pop()


def clear_proposal_selection() -> None:
    """Forget the selected rows (positions) of the proposals table on screen."""
    table_key = PROPOSAL_TABLE.get("")
    if table_key:
        widget(table_key).pop()
