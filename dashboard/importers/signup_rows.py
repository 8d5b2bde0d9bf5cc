"""A row of a sign-ups file read into the fields it sets, checked against its lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.importers.cells import RowCells
from dashboard.importers.signup_values import (
    CATEGORY_EXTRAS,
    STATUS_EXTRAS,
    SessionResolver,
    age_group_of,
    email_is_valid,
    session_resolver,
)
from dashboard.importers.values import (
    InvalidCell,
    district_resolver,
    fold,
    label_index,
    parse_yes_no,
)
from db.engine import now
from db.models import PARTICIPANT_CATEGORIES, SIGNUP_STATUSES, EventSession, Signup, SignupSession

FLAGS = ("photo_consent", "attended")  # yes/no columns stored as they are
# What is read of each stored sign-up of the edition: the e-mail matches a row of the
# file, the other fields are compared with what the row sets.
STORED = ("id", "email", "full_name", "district_id", "age_group", "category", "status", *FLAGS)

Parsed = tuple[dict[str, Any], frozenset[int] | None]  # fields, session ids (None: keep)


@dataclass
class SignupLookups:
    """What the rows are checked and matched against: the edition's okręgi, sessions,
    labels and stored sign-ups, read once per import."""

    event_id: int
    district_of: Callable[[str], int | None | bool]
    sessions_of: SessionResolver
    categories: dict[str, str]
    statuses: dict[str, str]
    stored: dict[str, dict[str, Any]]  # lower-case e-mail -> stored fields (and id)
    stored_sessions: dict[int, frozenset[int]]  # signup id -> session ids
    age_of: Callable[[str], str | None]  # cached: the same few ages repeat
    timestamp: datetime

    @classmethod
    def load(cls, session: Session, event_id: int) -> SignupLookups:
        return cls(
            event_id=event_id,
            district_of=district_resolver(session),
            sessions_of=_session_resolver(session, event_id),
            categories=label_index("category", PARTICIPANT_CATEGORIES, CATEGORY_EXTRAS),
            statuses=label_index("signup_status", SIGNUP_STATUSES, STATUS_EXTRAS),
            stored=_stored_signups(session, event_id),
            stored_sessions=_stored_sessions(session, event_id),
            age_of=cache(age_group_of),
            timestamp=now(),
        )


def parse_signup(cells: RowCells, lookups: SignupLookups) -> Parsed | None:
    """The fields a row sets (only columns the file has) and its sessions, or None."""
    full_name = " ".join(cells.text("full_name").split())
    fields: dict[str, Any] = {
        "full_name": cells.required_text("full_name", full_name),
        "email": _email(cells),
        "category": cells.code("category", lookups.categories, "unknown_category", required=True),
    }
    if cells.has("district"):
        fields["district_id"] = cells.district(lookups.district_of)
    if cells.has("age_group"):
        fields["age_group"] = _age_group(cells, lookups)
    if cells.has("status"):
        fields["status"] = cells.code(
            "status", lookups.statuses, "unknown_status", default="registered"
        )
    for flag in FLAGS:
        if cells.has(flag):
            fields[flag] = cells.yes_no(flag) or False
    if cells.has("consent"):
        _require_consent(cells)
    fields["created_at"] = cells.created_at()
    sessions = _sessions(cells, lookups)
    return (fields, sessions) if cells.ok else None


def _email(cells: RowCells) -> str:
    email = cells.text("email").lower()
    if not email:
        cells.problem("email", "required")
    elif not email_is_valid(email):
        cells.problem("email", "bad_email", value=email)
    return email


def _age_group(cells: RowCells, lookups: SignupLookups) -> str | None:
    cell = cells.text("age_group")
    try:
        return lookups.age_of(cell) if cell else None
    except InvalidCell as error:
        cells.invalid("age_group", error)
    return None


def _require_consent(cells: RowCells) -> None:
    try:
        consent = parse_yes_no(cells.values["consent"])
    except InvalidCell as error:
        cells.invalid("consent", error)
        return
    if consent is not True:
        cells.problem("consent", "no_consent")


def _sessions(cells: RowCells, lookups: SignupLookups) -> frozenset[int] | None:
    """Plenary sessions of the chosen days plus the chosen workshops (as the form stores
    them); None when the file has neither column, so stored sessions stay as they are."""
    if not cells.has("days") and not cells.has("workshop"):
        return None
    chosen, faults = lookups.sessions_of(cells.text("days"), cells.text("workshop"))
    for field_name, code, value in faults:
        cells.problem(field_name, code, value=value)
    return chosen


def _session_resolver(session: Session, event_id: int) -> SessionResolver:
    workshops: dict[str, int] = {}  # folded title or id -> session id
    plenaries: dict[int, set[int]] = {1: set(), 2: set()}  # day -> its panels
    query = select(EventSession.id, EventSession.title, EventSession.day, EventSession.kind)
    for session_id, title, day, kind in session.execute(
        query.where(EventSession.event_id == event_id)
    ):
        workshops.setdefault(fold(title), session_id)
        workshops.setdefault(str(session_id), session_id)
        if kind != "workshop":
            plenaries[day].add(session_id)
    return session_resolver(workshops, {day: frozenset(ids) for day, ids in plenaries.items()})


def _stored_signups(session: Session, event_id: int) -> dict[str, dict[str, Any]]:
    query = select(*(getattr(Signup, name) for name in STORED)).where(
        Signup.event_id == event_id, Signup.email.is_not(None)
    )
    return {row["email"].strip().lower(): dict(row) for row in session.execute(query).mappings()}


def _stored_sessions(session: Session, event_id: int) -> dict[int, frozenset[int]]:
    by_signup: dict[int, set[int]] = {}
    for signup_id, session_id in session.execute(
        select(SignupSession.signup_id, SignupSession.session_id)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(Signup.event_id == event_id)
    ):
        by_signup.setdefault(signup_id, set()).add(session_id)
    return {signup_id: frozenset(ids) for signup_id, ids in by_signup.items()}
