"""What the public registration form offers: the open edition, its workshops, the okręgi."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, and_, select
from sqlalchemy.orm import Session

from dashboard.queries.common import reads
from db.engine import now
from db.models import District, Event, EventSession


@dataclass(frozen=True)
class OpenEdition:
    """The edition residents can sign up for, with what the form offers."""

    edition: int
    name: str
    starts_on: date
    ends_on: date
    is_open: bool
    closes_on: date | None
    workshops: tuple[tuple[int, str, int | None], ...]  # (session id, title, capacity)
    hours: str | None = None
    venue: str | None = None
    contact: str | None = None
    dpo_contact: str | None = None  # the data protection officer (IOD)


@reads("event_sessions", "events")
def open_edition(engine: Engine, today: date | None = None) -> OpenEdition | None:
    """The next (or running) edition, or None when no Congress is planned."""
    today = today or now().date()
    with Session(engine) as session:
        event = session.scalars(
            select(Event).where(Event.ends_on >= today).order_by(Event.starts_on).limit(1)
        ).first()
        if event is None:
            return None
        workshops = session.execute(
            select(EventSession.id, EventSession.title, EventSession.capacity)
            .where(workshops_of(event.id))
            .order_by(EventSession.title)
        ).all()
        return OpenEdition(
            edition=event.edition,
            name=event.name,
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            is_open=registration_is_open(event, today),
            closes_on=event.registration_closes_on,
            workshops=tuple((row.id, row.title, row.capacity) for row in workshops),
            hours=event.hours,
            venue=event.venue,
            contact=event.contact,
            dpo_contact=event.dpo_contact,
        )


@reads("districts")
def district_choices(engine: Engine) -> list[tuple[int, str]]:
    with Session(engine) as session:
        rows = session.execute(select(District.number, District.name).order_by(District.number))
        return [(row.number, row.name) for row in rows]


def registration_is_open(event: Event, today: date) -> bool:
    if not event.registration_open or today > event.ends_on:
        return False
    return event.registration_closes_on is None or today <= event.registration_closes_on


def workshops_of(event_id: int):
    return and_(
        EventSession.event_id == event_id,
        EventSession.kind == "workshop",
        EventSession.day == 2,
    )
