"""Public Congress registration: validation, capacity, waitlist, updates by e-mail.

The waitlist flow is two-step: a first submission that finds the chosen
workshop full stores nothing and returns ``FULL`` (the page then offers the
waitlist or another workshop); the same form sent again with
``waitlist_ok=True`` is stored as ``waitlisted``. Nobody lands on a waitlist
they did not agree to, and nobody is left without an answer.

Capacity is counted inside the write transaction: on SQLite ``write_session``
holds the write lock from BEGIN; on PostgreSQL the sessions' rows are locked
``FOR UPDATE`` (in id order, so two registrations cannot deadlock) before counting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.core.errors import NotFound
from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.registration import registration_is_open, workshops_of
from dashboard.services import audit
from db.engine import now, write_session
from db.models import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    District,
    Event,
    EventSession,
    Signup,
    SignupSession,
)

OUTSIDE_TORUN = 0  # the okręg choice "outside Toruń / prefer not to say"
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
MAX_NAME_LENGTH = 200
MAX_EMAIL_LENGTH = 254


class Outcome(StrEnum):
    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    UPDATED = "updated"
    FULL = "full"
    CLOSED = "closed"
    INVALID = "invalid"


@dataclass(frozen=True)
class RegistrationForm:
    edition: int
    full_name: str
    email: str
    district_number: int | None  # 1..13, OUTSIDE_TORUN, or None when not chosen
    age_group: str | None
    category: str | None
    day1: bool
    day2: bool
    workshop_id: int | None
    consent: bool
    photo_consent: bool = False
    honeypot: str = ""
    waitlist_ok: bool = False


@dataclass(frozen=True)
class RegistrationResult:
    outcome: Outcome
    status: str | None = None  # the stored status: registered / waitlisted
    signup_id: int | None = None
    # field name -> catalogue key of the message (dashboard/i18n/congress.py)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def stored(self) -> bool:
        return self.outcome in (Outcome.REGISTERED, Outcome.WAITLISTED, Outcome.UPDATED)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_name(name: str) -> str:
    return " ".join(name.split())


def validate(form: RegistrationForm, district_numbers: set[int], workshop_ids: set[int]) -> dict:
    """Field -> message key for every problem; empty when the form is fine."""
    errors: dict[str, str] = {}
    name = normalise_name(form.full_name)
    if not name:
        errors["full_name"] = "congress.error.name_missing"
    elif len(name) > MAX_NAME_LENGTH:
        errors["full_name"] = "congress.error.name_too_long"
    email = normalise_email(form.email)
    if not email:
        errors["email"] = "congress.error.email_missing"
    elif len(email) > MAX_EMAIL_LENGTH or not EMAIL_PATTERN.match(email):
        errors["email"] = "congress.error.email_invalid"
    if form.district_number is None:
        errors["district"] = "congress.error.district_missing"
    elif form.district_number != OUTSIDE_TORUN and form.district_number not in district_numbers:
        errors["district"] = "congress.error.district_unknown"
    if form.age_group not in AGE_GROUPS:
        errors["age_group"] = "congress.error.age_missing"
    if form.category not in PARTICIPANT_CATEGORIES:
        errors["category"] = "congress.error.category_missing"
    if not (form.day1 or form.day2):
        errors["days"] = "congress.error.days_missing"
    if form.day2 and form.workshop_id is None:
        errors["workshop"] = "congress.error.workshop_missing"
    elif form.day2 and form.workshop_id not in workshop_ids:
        errors["workshop"] = "congress.error.workshop_unknown"
    if not form.consent:
        errors["consent"] = "congress.error.consent_missing"
    return errors


def register(
    engine: Engine, form: RegistrationForm, today: date | None = None
) -> RegistrationResult:
    """Store a registration (or update the one with the same e-mail for this edition)."""
    if form.honeypot.strip():
        # A bot filled the field people are told to leave empty: store nothing, look normal.
        return RegistrationResult(Outcome.REGISTERED, status="registered")
    try:
        return _register_once(engine, form, today)
    except IntegrityError:
        # Two submissions with the same e-mail raced on PostgreSQL: the other one
        # inserted first, so this one runs again and becomes an update of it.
        return _register_once(engine, form, today)


def _register_once(
    engine: Engine, form: RegistrationForm, today: date | None
) -> RegistrationResult:
    today = today or now().date()
    with write_session(engine) as session:
        event = session.scalars(select(Event).where(Event.edition == form.edition)).first()
        if event is None or not registration_is_open(event, today):
            return RegistrationResult(Outcome.CLOSED)
        districts = {
            row.number: row.id for row in session.execute(select(District.number, District.id))
        }
        workshop_ids = set(session.scalars(select(EventSession.id).where(workshops_of(event.id))))
        errors = validate(form, set(districts), workshop_ids)
        if errors:
            return RegistrationResult(Outcome.INVALID, errors=errors)
        email = normalise_email(form.email)
        existing = session.execute(
            select(Signup.id, Signup.status).where(
                Signup.event_id == event.id, Signup.email == email
            )
        ).first()
        session_ids = _chosen_sessions(session, event.id, form)
        existing_id = existing.id if existing and existing.status != "cancelled" else None
        if _any_full(session, session_ids, existing_id):
            if not form.waitlist_ok:
                return RegistrationResult(Outcome.FULL)
            status = "waitlisted"
        else:
            status = "registered"
        values = _signup_values(form, event.id, districts, email, status)
        if existing is None:
            signup_id = session.execute(
                insert(Signup)
                .values(**values, created_at=values["updated_at"])
                .returning(Signup.id)
            ).scalar_one()
            outcome = Outcome.REGISTERED if status == "registered" else Outcome.WAITLISTED
        else:
            signup_id = existing.id
            session.execute(update(Signup).where(Signup.id == signup_id).values(**values))
            session.execute(delete(SignupSession).where(SignupSession.signup_id == signup_id))
            outcome = Outcome.UPDATED
        session.execute(
            insert(SignupSession),
            [{"signup_id": signup_id, "session_id": sid} for sid in session_ids],
        )
        return RegistrationResult(outcome, status=status, signup_id=signup_id)


def _chosen_sessions(session: Session, event_id: int, form: RegistrationForm) -> list[int]:
    """Plenary (non-workshop) sessions of every chosen day, plus the chosen workshop."""
    days = [day for day, chosen in ((1, form.day1), (2, form.day2)) if chosen]
    plenary = session.scalars(
        select(EventSession.id).where(
            EventSession.event_id == event_id,
            EventSession.day.in_(days),
            EventSession.kind != "workshop",
        )
    ).all()
    chosen = set(plenary)
    if form.day2 and form.workshop_id is not None:
        chosen.add(form.workshop_id)
    return sorted(chosen)


def _any_full(session: Session, session_ids: list[int], own_signup_id: int | None) -> bool:
    """Lock the limited sessions (id order) and count their registered seats."""
    capacities = session.execute(
        select(EventSession.id, EventSession.capacity)
        .where(EventSession.id.in_(session_ids), EventSession.capacity.is_not(None))
        .order_by(EventSession.id)
        .with_for_update()
    ).all()
    for session_id, capacity in capacities:
        taken = (
            select(func.count())
            .select_from(SignupSession)
            .join(Signup, Signup.id == SignupSession.signup_id)
            .where(SignupSession.session_id == session_id, Signup.status == "registered")
        )
        if own_signup_id is not None:
            taken = taken.where(Signup.id != own_signup_id)
        if session.execute(taken).scalar_one() >= capacity:
            return True
    return False


def _signup_values(
    form: RegistrationForm, event_id: int, districts: dict[int, int], email: str, status: str
) -> dict:
    moment = now()
    return {
        "event_id": event_id,
        "full_name": normalise_name(form.full_name),
        "email": email,
        "district_id": districts.get(form.district_number),
        "age_group": form.age_group,
        "category": form.category,
        "status": status,
        "consent_at": moment,
        "photo_consent": form.photo_consent,
        "updated_at": moment,
        "anonymised_at": None,
    }


def set_registration_window(
    engine: Engine, actor: Actor, edition: int, is_open: bool, closes_on: date | None
) -> None:
    """Open or close registration for an edition (admin only, audit-logged)."""
    require_admin(actor)
    with write_session(engine) as session:
        changed = session.execute(
            update(Event)
            .where(Event.edition == edition)
            .values(registration_open=is_open, registration_closes_on=closes_on)
        ).rowcount
        if not changed:
            raise NotFound("congress.admin.error.no_edition", edition=edition)
        state = "otwarte" if is_open else "zamknięte"
        until = f", do {closes_on:%d.%m.%Y}" if closes_on else ""
        audit.record(
            session, actor.username, "congress.registration", f"Edycja {edition}: {state}{until}"
        )
