"""Public Congress registration: validation, capacity, waitlist, the residents' e-mails.

A repeated e-mail address never changes the stored sign-up: the visitor gets exactly the
reply a new registration would get, nothing is written to the sign-up, and the address's
owner is sent a fresh manage link (``signup.repeat``). So nobody can overwrite someone
else's registration or learn from the reply that an address is registered.

The waitlist flow is two-step: a first submission that finds the chosen
workshop full stores nothing and returns ``FULL`` (the page then offers the
waitlist or another workshop); the same form sent again with
``waitlist_ok=True`` is stored as ``waitlisted``. Nobody lands on a waitlist
they did not agree to, and nobody is left without an answer.

Capacity is counted inside the write transaction: on SQLite ``write_session``
holds the write lock from BEGIN; on PostgreSQL the sessions' rows are locked
``FOR UPDATE`` (in id order, so two registrations cannot deadlock) before counting.
The confirmation e-mail is queued in the same transaction (``services.resident_mail``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.core.email_address import MAX_EMAIL_LENGTH, InvalidEmail
from dashboard.core.email_address import normalise_email as checked_email
from dashboard.core.errors import NotFound
from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.registration import registration_is_open, workshops_of
from dashboard.services import audit, resident_mail, waitlist
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
MAX_NAME_LENGTH = 200


class Outcome(StrEnum):
    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
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
    signup_id: int | None = None  # None also for a repeated address (nothing stored)
    mail_ids: tuple[int, ...] = ()  # e-mails queued, to try sending right after the commit
    # field name -> catalogue key of the message (dashboard/i18n/congress.py)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def stored(self) -> bool:
        return self.outcome in (Outcome.REGISTERED, Outcome.WAITLISTED)


def normalise_email(email: str) -> str:
    """The address as stored (``core.email_address``), or the raw text trimmed when it is
    not an address (for echoing it back beside its error)."""
    try:
        return checked_email(email)
    except InvalidEmail:
        return email.strip()


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
    if not form.email.strip():
        errors["email"] = "congress.error.email_missing"
    elif len(form.email.strip()) > MAX_EMAIL_LENGTH:
        errors["email"] = "congress.error.email_too_long"
    else:
        try:
            checked_email(form.email)
        except InvalidEmail:
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
    engine: Engine,
    form: RegistrationForm,
    today: date | None = None,
    base_url: str = "http://localhost:8501",
) -> RegistrationResult:
    """Store a new registration and queue its confirmation; for an address already
    registered in this edition store nothing and mail its owner a manage link.
    ``base_url`` is PUBLIC_BASE_URL, where the links in e-mails point."""
    if form.honeypot.strip():
        # A bot filled the field people never see: store nothing, look normal.
        return RegistrationResult(Outcome.REGISTERED, status="registered")
    try:
        return _register_once(engine, form, today, base_url)
    except IntegrityError:
        # Two submissions with the same e-mail raced on PostgreSQL: the other one
        # inserted first, so this one runs again and finds it (a repeat).
        return _register_once(engine, form, today, base_url)


def _register_once(
    engine: Engine, form: RegistrationForm, today: date | None, base_url: str
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
        email = checked_email(form.email)
        existing = session.execute(
            select(Signup.id).where(Signup.event_id == event.id, Signup.email == email)
        ).scalar()
        session_ids = _chosen_sessions(session, event.id, form)
        # Counted as for a new registration even for a repeat, so the reply is the same.
        if _any_full(session, session_ids):
            if not form.waitlist_ok:
                return RegistrationResult(Outcome.FULL)
            status = "waitlisted"
        else:
            status = "registered"
        outcome = Outcome.REGISTERED if status == "registered" else Outcome.WAITLISTED
        if existing is not None:
            mail_id = resident_mail.queue_for(session, "signup.repeat", existing, base_url)
            return RegistrationResult(outcome, status=status, mail_ids=_ids(mail_id))
        values = _signup_values(form, event.id, districts, email, status)
        signup_id = session.execute(
            insert(Signup).values(**values, created_at=values["updated_at"]).returning(Signup.id)
        ).scalar_one()
        session.execute(
            insert(SignupSession),
            [{"signup_id": signup_id, "session_id": sid} for sid in session_ids],
        )
        mail_id = resident_mail.queue_for(session, "signup.confirmation", signup_id, base_url)
        return RegistrationResult(
            outcome, status=status, signup_id=signup_id, mail_ids=_ids(mail_id)
        )


def _ids(mail_id: int | None) -> tuple[int, ...]:
    return () if mail_id is None else (mail_id,)


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


def _any_full(session: Session, session_ids: list[int]) -> bool:
    """Lock the limited sessions (id order) and count their registered seats."""
    capacities = waitlist.lock_sessions(session, session_ids)
    return any(waitlist.taken(session, sid) >= cap for sid, cap in capacities.items())


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
