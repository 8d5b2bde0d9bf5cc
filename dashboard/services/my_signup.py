"""What a resident does with their personal manage link: see, change or cancel their
sign-up and take it to their calendar. No sign-in: the link's token is the permission,
for that one sign-up, until the event ends (``services.signup_links``).

Each write is one transaction that also fills any seat it frees from the waitlist
(``services.waitlist``) and queues the e-mails it causes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.errors import Conflict, InvalidInput, NotFound
from dashboard.queries.registration import workshops_of
from dashboard.services import resident_mail, signup_links, waitlist
from db.engine import now, write_session
from db.models import EventSession, Signup, SignupSession


class InvalidLink(NotFound):
    """Unknown, malformed and expired tokens alike: the page says only that."""

    default_key = "manage.error.invalid_link"


@dataclass(frozen=True)
class MySignup(resident_mail.EventFacts):
    signup_id: int
    full_name: str
    email: str
    status: str
    photo_consent: bool
    day1: bool
    day2: bool
    workshop_id: int | None
    workshops: tuple[tuple[int, str], ...]  # the edition's workshops (id, title)

    @property
    def workshop_title(self) -> str | None:
        return dict(self.workshops).get(self.workshop_id)


def open_signup(engine: Engine, token: str) -> MySignup:
    with Session(engine) as session:
        signup_id = signup_links.signup_of(session, token)
        if signup_id is None:
            raise InvalidLink()
        return _load(session, signup_id)


def _load(session: Session, signup_id: int) -> MySignup:
    signup, event = resident_mail.signup_and_event(session, signup_id)
    chosen = session.execute(
        select(EventSession.id, EventSession.day, EventSession.kind)
        .join(SignupSession, SignupSession.session_id == EventSession.id)
        .where(SignupSession.signup_id == signup_id)
    ).all()
    workshops = session.execute(
        select(EventSession.id, EventSession.title)
        .where(workshops_of(event.id))
        .order_by(EventSession.title)
    ).all()
    return MySignup(
        signup_id=signup.id,
        full_name=signup.full_name or "",
        email=signup.email or "",
        status=signup.status,
        photo_consent=signup.photo_consent,
        day1=any(row.day == 1 for row in chosen),
        day2=any(row.day == 2 for row in chosen),
        workshop_id=next((row.id for row in chosen if row.kind == "workshop"), None),
        **resident_mail.event_facts(event),
        workshops=tuple((row.id, row.title) for row in workshops),
    )


@dataclass(frozen=True)
class Change:
    day1: bool
    day2: bool
    workshop_id: int | None
    photo_consent: bool


def change(engine: Engine, token: str, wanted: Change, base_url: str) -> list[int]:
    """Apply the change; the ids of the e-mails queued (to the owner and to anyone
    promoted into a seat it freed). A full workshop is refused, the sign-up unchanged."""
    with write_session(engine) as session:
        signup_id = _signup_id(session, token)
        current = _load(session, signup_id)
        if current.status == "cancelled":
            raise Conflict("manage.error.cancelled")
        _check(wanted, current)
        before = set(_session_ids(session, signup_id))
        after = set(_wanted_sessions(session, signup_id, wanted))
        capacities = waitlist.lock_sessions(session, before | after)
        status = current.status
        if status == "registered":
            for sid in after - before:
                if sid in capacities and waitlist.taken(session, sid) >= capacities[sid]:
                    raise Conflict("manage.error.workshop_full")
        elif all(
            waitlist.taken(session, sid) < capacities[sid] for sid in after & capacities.keys()
        ):
            status = "registered"  # the new choice has room: no more waiting
        session.execute(delete(SignupSession).where(SignupSession.signup_id == signup_id))
        session.execute(
            insert(SignupSession), [{"signup_id": signup_id, "session_id": s} for s in after]
        )
        session.execute(
            update(Signup)
            .where(Signup.id == signup_id)
            .values(status=status, photo_consent=wanted.photo_consent, updated_at=now())
        )
        mail_ids = [resident_mail.queue_for(session, "signup.changed", signup_id, base_url)]
        if current.status == "registered":
            mail_ids += waitlist.promote(session, before - after, base_url)
        return [mail_id for mail_id in mail_ids if mail_id is not None]


def cancel(engine: Engine, token: str, base_url: str) -> list[int]:
    """Cancel the sign-up and give its seats to the waitlist, in one transaction."""
    with write_session(engine) as session:
        signup_id = _signup_id(session, token)
        status = session.execute(select(Signup.status).where(Signup.id == signup_id)).scalar_one()
        if status == "cancelled":
            return []
        held = _session_ids(session, signup_id)
        waitlist.lock_sessions(session, held)
        session.execute(
            update(Signup)
            .where(Signup.id == signup_id)
            .values(status="cancelled", updated_at=now())
        )
        mail_ids = [resident_mail.queue_for(session, "signup.cancelled", signup_id, base_url)]
        if status == "registered":
            mail_ids += waitlist.promote(session, held, base_url)
        return [mail_id for mail_id in mail_ids if mail_id is not None]


def _signup_id(session: Session, token: str) -> int:
    signup_id = signup_links.signup_of(session, token)
    if signup_id is None:
        raise InvalidLink()
    return signup_id


def _check(wanted: Change, current: MySignup) -> None:
    if not (wanted.day1 or wanted.day2):
        raise InvalidInput("congress.error.days_missing")
    if wanted.day2 and wanted.workshop_id not in dict(current.workshops):
        raise InvalidInput("congress.error.workshop_missing")


def _session_ids(session: Session, signup_id: int) -> list[int]:
    return list(
        session.scalars(
            select(SignupSession.session_id).where(SignupSession.signup_id == signup_id)
        )
    )


def _wanted_sessions(session: Session, signup_id: int, wanted: Change) -> list[int]:
    event_id = session.execute(select(Signup.event_id).where(Signup.id == signup_id)).scalar_one()
    days = [day for day, on in ((1, wanted.day1), (2, wanted.day2)) if on]
    chosen = set(
        session.scalars(
            select(EventSession.id).where(
                EventSession.event_id == event_id,
                EventSession.day.in_(days),
                EventSession.kind != "workshop",
            )
        )
    )
    if wanted.day2 and wanted.workshop_id is not None:
        chosen.add(wanted.workshop_id)
    return sorted(chosen)


def ics(signup: MySignup, moment: datetime | None = None) -> bytes:
    """An iCalendar file with the event (all-day, its whole span) for the resident."""
    stamp = (moment or now()).strftime("%Y%m%dT%H%M%S")
    details = [f"Godziny: {signup.hours}"] if signup.hours else []
    if signup.workshop_title and signup.day2:
        details.append(f"Warsztat: {signup.workshop_title}")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Panel Strategii Torun//zapisy//PL",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:signup-{signup.signup_id}-{signup.starts_on:%Y%m%d}@panel-strategii-torun",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{signup.starts_on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{signup.ends_on + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_ics_text(signup.event_name)}",
        f"LOCATION:{_ics_text(signup.venue or '')}",
        f"DESCRIPTION:{_ics_text(chr(10).join(details))}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _ics_text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")
