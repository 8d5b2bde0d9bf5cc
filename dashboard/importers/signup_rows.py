"""A row of a sign-ups file read into the fields it sets, checked against its lookups."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.core.email_address import MAX_EMAIL_LENGTH, InvalidEmail, normalise_email
from dashboard.importers import vocabulary
from dashboard.importers.cells import RowCells
from dashboard.importers.folding import fold
from dashboard.importers.matching import (
    Vocabulary,
    district_vocabulary,
    label_vocabulary,
    stored_mappings,
    with_mappings,
    workshop_vocabulary,
)
from dashboard.importers.signup_values import (
    WORKSHOP_SEPARATORS,
    SessionResolver,
    age_group_of,
    session_resolver,
)
from dashboard.importers.values import CellValue, InvalidCell, parse_yes_no
from db.engine import now
from db.models import PARTICIPANT_CATEGORIES, SIGNUP_STATUSES, Event, Signup, SignupSession

FLAGS = ("photo_consent", "attended")  # yes/no columns stored as they are
# What is read of each stored sign-up of the edition: the e-mail matches a row of the
# file, the other fields are compared with what the row sets.
STORED = ("id", "email", "full_name", "district_id", "age_group", "category", "status", *FLAGS)

HIDDEN = {"Cf", "Cc", "Zs"}  # characters a person does not see in an address
Parsed = tuple[dict[str, Any], frozenset[int] | None]  # fields, session ids (None: keep)


@dataclass
class SignupLookups:
    """What the rows are checked and matched against: the edition's okręgi, sessions,
    labels and stored sign-ups, read once per import."""

    event_id: int
    districts: Vocabulary
    workshops: Vocabulary
    sessions_of: SessionResolver
    categories: Vocabulary
    statuses: Vocabulary
    stored: dict[str, dict[str, Any]]  # normalised e-mail -> stored fields (and id)
    stored_sessions: dict[int, frozenset[int]]  # signup id -> session ids
    age_of: Callable[[str], str | None]  # cached: the same few ages repeat
    timestamp: datetime

    @classmethod
    def load(cls, session: Session, event_id: int) -> SignupLookups:
        mappings = stored_mappings(session)

        def mapped(vocab: Vocabulary) -> Vocabulary:
            return with_mappings(vocab, mappings.get(vocab.kind, {}))

        found, plenaries = workshop_vocabulary(session, event_id)
        workshops = mapped(found)
        first_day = session.scalar(select(Event.starts_on).where(Event.id == event_id))
        return cls(
            event_id=event_id,
            districts=mapped(district_vocabulary(session)),
            workshops=workshops,
            sessions_of=session_resolver(
                workshops,
                {day: frozenset(ids) for day, ids in plenaries.items()},
                first_day,
            ),
            categories=mapped(
                label_vocabulary("category", "category", PARTICIPANT_CATEGORIES, "categories")
            ),
            statuses=mapped(
                label_vocabulary(
                    "signup_status", "signup_status", SIGNUP_STATUSES, "signup_statuses"
                )
            ),
            stored=_stored_signups(session, event_id),
            stored_sessions=_stored_sessions(session, event_id),
            age_of=cache(age_group_of),
            timestamp=now(),
        )


@lru_cache(maxsize=1024)
def _normalised(cell: str) -> str | None:
    """``normalise_email`` or None; cached, as each row's address is read twice (the
    validator is the costliest step of a row)."""
    try:
        return normalise_email(cell)
    except InvalidEmail:
        return None


def email_key(cell: str) -> str:
    """The e-mail as stored (normalised), or the trimmed lower-case text when invalid:
    what two rows of one file are compared by."""
    return _normalised(cell) or cell.strip().lower()


def parse_signup(cells: RowCells, lookups: SignupLookups) -> Parsed | None:
    """The fields a row sets (only columns the file has) and its sessions, or None."""
    full_name = " ".join(cells.text("full_name").split())
    fields: dict[str, Any] = {
        "full_name": cells.required_text("full_name", full_name),
        "email": _email(cells),
        "category": cells.code("category", lookups.categories, "unknown_category", required=True),
    }
    if cells.has("district"):
        fields["district_id"] = cells.district(lookups.districts)
    if cells.has("age_group"):
        fields["age_group"] = _age_group(cells, lookups)
    if cells.has("status"):
        fields["status"] = cells.code(
            "status", lookups.statuses, "unknown_status", default="registered"
        )
    for flag in FLAGS:
        if cells.has(flag):
            fields[flag] = cells.yes_no(flag) or False
    _require_consent(cells)
    fields["created_at"] = _sent_at(cells)
    sessions = _sessions(cells, lookups)
    return (fields, sessions) if cells.ok else None


def _email(cells: RowCells) -> str:
    cell = cells.text("email")
    if not cell:
        cells.problem("email", "required")
        return ""
    if len(cell) > MAX_EMAIL_LENGTH:
        cells.problem("email", "too_long", length=len(cell), limit=MAX_EMAIL_LENGTH)
        return ""
    address = _normalised(cell)
    if address is None:
        shown = "".join("?" if unicodedata.category(c) in HIDDEN else c for c in cell)
        code = "email_hidden_characters" if shown != cell else "bad_email"
        cells.problem("email", code, value=shown)
        return ""
    return address


def _age_group(cells: RowCells, lookups: SignupLookups) -> str | None:
    cell = cells.text("age_group")
    try:
        group = lookups.age_of(cell) if cell else None
    except InvalidCell as error:
        cells.invalid("age_group", error)
        return None
    if group and cell.strip().isdigit():
        cells.note("age_group", cell, group, "age")
    return group


def _require_consent(cells: RowCells) -> None:
    """Every row needs a yes in the consent column (a ticked form checkbox counts)."""
    if not cells.has("consent"):
        return  # the missing column is a problem of the whole file
    cell = cells.values["consent"]
    try:
        consent = parse_consent(cell)
    except InvalidCell as error:
        cells.invalid("consent", error)
        return
    if consent is not True:
        cells.problem("consent", "no_consent")


def parse_consent(cell: CellValue) -> bool | None:
    """``parse_yes_no``, and yes for the ticked sentence of a form ("Wyrażam zgodę na …")."""
    folded = fold(str(cell))
    if folded.startswith(vocabulary.consent_beginnings()):
        return True
    return parse_yes_no(cell)


def _sent_at(cells: RowCells) -> datetime | None:
    """When the form was sent (the form's own timestamp); a problem when there is none."""
    sent = cells.datetime_of("created_at")
    started = cells.datetime_of("started_at")
    has_column = cells.has("created_at") or cells.has("started_at")
    if has_column and not cells.values.get("created_at") and not cells.values.get("started_at"):
        cells.problem("created_at" if cells.has("created_at") else "started_at", "no_timestamp")
    return sent or started


def _sessions(cells: RowCells, lookups: SignupLookups) -> frozenset[int] | None:
    """Plenary sessions of the chosen days plus the chosen workshops (as the form stores
    them); None when the file has neither column, so stored sessions stay as they are."""
    if not cells.has("days") and not cells.has("workshop"):
        return None
    chosen, faults = lookups.sessions_of(cells.text("days"), cells.text("workshop"))
    for part in WORKSHOP_SEPARATORS.split(cells.text("workshop")):
        match = lookups.workshops.match(part.strip()) if part.strip() else None
        if match and match.via:
            cells.note("workshop", part.strip(), lookups.workshops.display[match.value], match.via)
    for field_name, code, value in faults:
        if code == "unknown_workshop":
            # Matched again for the suggestion and the mapping offer.
            cells.matched("workshop", lookups.workshops, code, value)
        else:
            cells.problem(field_name, code, value=value)
    return chosen


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
