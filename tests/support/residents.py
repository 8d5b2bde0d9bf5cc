"""Residents' side of the Congress in tests: forms and the manage links from their e-mails."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from sqlalchemy import Engine, select

from dashboard.services.registration import RegistrationForm
from db.models import OutboxMessage

LINK = re.compile(r"https?://\S+/moj-zapis\?t=\S+")


def resident_form(workshop_id: int | None, email: str, **changes) -> RegistrationForm:
    values = {
        "edition": 3,
        "full_name": "Osoba Testowa",
        "email": email,
        "district_number": 1,
        "age_group": "25-34",
        "category": "resident",
        "day1": workshop_id is None,
        "day2": workshop_id is not None,
        "workshop_id": workshop_id,
        "consent": True,
        "waitlist_ok": True,
    }
    return RegistrationForm(**{**values, **changes})


def link_in(text: str) -> str:
    match = LINK.search(text)
    assert match, text
    return match.group(0)


def token_in(text: str) -> str:
    return parse_qs(urlparse(link_in(text)).query)["t"][0]


def mails(engine: Engine, recipient: str, kind: str | None = None) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(OutboxMessage.recipient == recipient)
    if kind is not None:
        query = query.where(OutboxMessage.kind == kind)
    with engine.connect() as connection:
        return list(connection.execute(query.order_by(OutboxMessage.id)).all())


def last_token(engine: Engine, recipient: str) -> str:
    return token_in(mails(engine, recipient)[-1].body_text)
