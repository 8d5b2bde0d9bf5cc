"""The e-mails residents get about their sign-up, in Polish: plain text and simple HTML.

Each is queued through ``services.mail.queue`` in the transaction that causes it and
carries the sign-up's manage link. Kinds (labelled in the catalogue as ``mail.kind.*``):

- ``signup.confirmation`` — after a registration (or a place on the waitlist)
- ``signup.repeat`` — someone registered an address that is already registered: its
  owner gets a fresh manage link; the stored sign-up is not touched
- ``signup.promoted`` — a seat freed up and the first person waiting got it
- ``signup.changed`` / ``signup.cancelled`` — after a change or a cancellation by the link
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.core.formatting import format_long_date
from dashboard.services import signup_links
from dashboard.services.mail import Mail, queue
from db.models import Event, EventSession, Signup, SignupSession

KINDS = (
    "signup.confirmation",
    "signup.repeat",
    "signup.promoted",
    "signup.changed",
    "signup.cancelled",
)
STATUS_TEXT = {
    "registered": "zapis przyjęty",
    "waitlisted": "lista rezerwowa (napiszemy, gdy zwolni się miejsce)",
    "cancelled": "zapis anulowany",
}
OPENINGS = {
    "signup.confirmation": "dziękujemy za zapis na {event}.",
    "signup.repeat": (
        "ktoś (może Ty) wysłał formularz zapisów na {event} z tym adresem e-mail. "
        "Ten adres jest już zapisany — niczego nie zmieniliśmy. Jeśli chcesz zmienić "
        "lub anulować swój zapis, użyj linku poniżej. Jeśli to nie Ty, zignoruj tę wiadomość."
    ),
    "signup.promoted": (
        "zwolniło się miejsce na {event} i jest Twoje — przenieśliśmy Cię z listy "
        "rezerwowej na listę uczestników."
    ),
    "signup.changed": "zapisaliśmy zmiany w Twoim zapisie na {event}.",
    "signup.cancelled": "anulowaliśmy Twój zapis na {event}. Szkoda, że Cię nie będzie.",
}
SUBJECTS = {
    "signup.confirmation": "Potwierdzenie zapisu: {event}",
    "signup.repeat": "Twój zapis na {event} — link do zarządzania",
    "signup.promoted": "Masz miejsce: {event}",
    "signup.changed": "Zmiana zapisu: {event}",
    "signup.cancelled": "Anulowanie zapisu: {event}",
}


@dataclass(frozen=True)
class EventFacts:
    """The edition's facts a resident is told (e-mails, the manage-link page)."""

    event_name: str
    starts_on: date
    ends_on: date
    hours: str | None
    venue: str | None
    contact: str | None
    dpo_contact: str | None


@dataclass(frozen=True)
class Details(EventFacts):
    """What a resident's e-mail says about the event and their sign-up."""

    email: str
    full_name: str
    status: str
    sessions: tuple[str, ...]  # "Dzień 1: …" lines


def signup_and_event(session: Session, signup_id: int) -> tuple[Signup, Event]:
    signup, event = session.execute(
        select(Signup, Event).join(Event, Event.id == Signup.event_id).where(Signup.id == signup_id)
    ).one()
    return signup, event


def event_facts(event: Event) -> dict:
    """``EventFacts`` of the edition, as keyword arguments."""
    return {
        "event_name": event.name,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "hours": event.hours,
        "venue": event.venue,
        "contact": event.contact,
        "dpo_contact": event.dpo_contact,
    }


def load_details(session: Session, signup_id: int) -> Details:
    signup, event = signup_and_event(session, signup_id)
    titles = session.execute(
        select(EventSession.day, EventSession.title)
        .join(SignupSession, SignupSession.session_id == EventSession.id)
        .where(SignupSession.signup_id == signup_id)
        .order_by(EventSession.day, EventSession.title)
    ).all()
    return Details(
        email=signup.email or "",
        full_name=signup.full_name or "",
        status=signup.status,
        **event_facts(event),
        sessions=tuple(f"Dzień {day}: {title}" for day, title in titles),
    )


def queue_for(session: Session, kind: str, signup_id: int, base_url: str) -> int | None:
    """Issue a manage link for the sign-up and queue the ``kind`` e-mail with it."""
    details = load_details(session, signup_id)
    token = signup_links.issue(session, signup_id, details.ends_on)
    link = signup_links.manage_url(base_url, token)
    return queue(session, compose(kind, details, link))


def compose(kind: str, details: Details, link: str) -> Mail:
    facts = _facts(details)
    opening = OPENINGS[kind].format(event=details.event_name)
    greeting = f"Dzień dobry {details.full_name}," if details.full_name else "Dzień dobry,"
    text = "\n".join(
        [
            greeting,
            "",
            opening,
            "",
            *(f"{label}: {value}" for label, value in facts),
            "",
            "Zobacz, zmień lub anuluj swój zapis i pobierz plik do kalendarza (.ics):",
            link,
            "",
            "Link jest osobisty — nie przekazuj go nikomu. Działa do końca wydarzenia.",
            *_contact_lines(details),
            "",
            "Zespół Toruńskiego Kongresu Dialogu",
        ]
    )
    return Mail(
        kind=kind,
        recipient=details.email,
        subject=SUBJECTS[kind].format(event=details.event_name),
        body_text=text,
        body_html=_html(greeting, opening, facts, link, details),
    )


def _facts(details: Details) -> list[tuple[str, str]]:
    start, end = format_long_date(details.starts_on), format_long_date(details.ends_on)
    facts = [
        ("Wydarzenie", details.event_name),
        ("Termin", start if start == end else f"{start} – {end}"),
    ]
    if details.hours:
        facts.append(("Godziny", details.hours))
    if details.venue:
        facts.append(("Miejsce", details.venue))
    facts.append(("Status", STATUS_TEXT.get(details.status, details.status)))
    if details.sessions:
        facts.append(("Program", "; ".join(details.sessions)))
    return facts


def _contact_lines(details: Details) -> list[str]:
    lines = []
    if details.contact:
        lines.append(f"Pytania: {details.contact}")
    if details.dpo_contact:
        lines.append(f"Inspektor ochrony danych (IOD): {details.dpo_contact}")
    return ["", *lines] if lines else []


def _html(
    greeting: str, opening: str, facts: list[tuple[str, str]], link: str, details: Details
) -> str:
    rows = "".join(
        f"<tr><th align='left'>{escape(label)}</th><td>{escape(value)}</td></tr>"
        for label, value in facts
    )
    contacts = "".join(f"<p>{escape(line)}</p>" for line in _contact_lines(details) if line)
    return (
        "<!doctype html><html lang='pl'><body>"
        f"<p>{escape(greeting)}</p><p>{escape(opening)}</p>"
        f"<table cellpadding='4'>{rows}</table>"
        f"<p><a href='{escape(link, quote=True)}'>Zobacz, zmień lub anuluj swój zapis</a>"
        " (tam też plik .ics do kalendarza).</p>"
        "<p>Link jest osobisty — nie przekazuj go nikomu. Działa do końca wydarzenia.</p>"
        f"{contacts}<p>Zespół Toruńskiego Kongresu Dialogu</p></body></html>"
    )
