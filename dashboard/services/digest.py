"""The staff digest: "what changed since" as an e-mail with the meeting deck (PDF) attached.

``queue_digest`` writes one message per address (the ``digest`` command);
``queue_weekly_digests`` one per subscribed staff user, at most once per ISO week (the
Monday timer), so a repeated run sends nothing new. A digest carries counts, proposal
and milestone titles and subteam names only — no names or e-mails of residents, and not
even who on the staff made a change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.core.email_address import normalise_email
from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor, require_admin
from dashboard.deck.build import deck_bytes, file_name
from dashboard.i18n import t
from dashboard.queries import changes
from dashboard.queries.scope import Scope
from dashboard.services.mail import Attachment, Mail, queue
from db.engine import now as wall_clock_now
from db.engine import write_session
from db.models import MailSubscription, OutboxMessage, Subteam, User

KIND = "digest"
WEEKLY_KIND = "digest_weekly"
WEEKLY_DAYS = 7
LIST_LIMIT = 20  # rows of each list in the e-mail; the deck and the panel have the rest


@dataclass(frozen=True)
class DigestData:
    since: date
    as_of: date
    scope_text: str
    counts: changes.SinceCounts
    new_proposals: pd.DataFrame
    status_changes: pd.DataFrame
    milestones_done: pd.DataFrame


def collect(engine: Engine, since: date, as_of: date, slugs: Sequence[str]) -> DigestData:
    scope = Scope(subteam_slugs=tuple(slugs))
    return DigestData(
        since=since,
        as_of=as_of,
        scope_text=_scope_text(engine, slugs),
        counts=changes.since_counts(engine, since, as_of, scope),
        new_proposals=changes.new_proposals(engine, since, as_of, scope, limit=LIST_LIMIT),
        status_changes=changes.status_changes(engine, since, as_of, scope, limit=LIST_LIMIT),
        milestones_done=changes.milestones_completed(engine, since, as_of, scope),
    )


def _scope_text(engine: Engine, slugs: Sequence[str]) -> str:
    if not slugs:
        return "cały zespół"
    with engine.connect() as connection:
        names = connection.execute(
            select(Subteam.name).where(Subteam.slug.in_(slugs)).order_by(Subteam.name)
        ).scalars()
        return ", ".join(names)


def _lines(data: DigestData) -> list[tuple[str, list[str]]]:
    """The digest's sections: a heading and its lines, shared by the text and HTML parts."""
    counts = data.counts
    figures = [
        f"Nowe propozycje: {counts.new_proposals}",
        f"Zmiany statusu propozycji: {counts.status_changes}",
        f"Ukończone kamienie milowe: {counts.milestones_completed}",
    ]
    new = [
        f"{row.subteam}: {row.title} ({t(f'status.{row.status}')})"
        for row in data.new_proposals.itertuples()
    ]
    moved = [
        f"{row.subteam}: {row.title} — {t(f'status.{row.from_status}')} → "
        f"{t(f'status.{row.to_status}')}"
        for row in data.status_changes.itertuples()
    ]
    done = [
        f"{row.subteam}: {row.title} ({format_date(row.done_on)})"
        for row in data.milestones_done.head(LIST_LIMIT).itertuples()
    ]
    sections = [("W liczbach", figures)]
    for heading, rows in (
        ("Nowe propozycje", new),
        ("Zmiany statusu", moved),
        ("Ukończone kamienie milowe", done),
    ):
        if rows:
            sections.append((heading, rows))
    return sections


def render(data: DigestData, base_url: str) -> tuple[str, str, str]:
    """Subject, plain text and HTML of a digest."""
    period = f"{format_date(data.since)}–{format_date(data.as_of)}"
    subject = f"Panel Strategii Toruń: zmiany {period}"
    intro = f"Co się zmieniło od {format_date(data.since)} do {format_date(data.as_of)} ({data.scope_text})."
    link = f"{base_url.rstrip('/')}/postepy"
    settings_link = f"{base_url.rstrip('/')}/ustawienia"
    outro = [
        "W załączniku materiały na spotkanie zespołu (PDF).",
        f"Panel: {link}",
        f"Cotygodniowe podsumowanie włączysz lub wyłączysz tutaj: {settings_link}",
    ]
    sections = _lines(data)
    text = [intro, ""]
    html = [f"<p>{escape(intro)}</p>"]
    for heading, rows in sections:
        text += [f"{heading}:", *(f"- {row}" for row in rows), ""]
        items = "".join(f"<li>{escape(row)}</li>" for row in rows)
        html.append(f"<h2>{escape(heading)}</h2><ul>{items}</ul>")
    text += outro
    html.append("".join(f"<p>{escape(line)}</p>" for line in outro))
    return subject, "\n".join(text) + "\n", "\n".join(html)


def _deck(engine: Engine, data: DigestData, slugs: Sequence[str], moment: datetime) -> Attachment:
    pdf = deck_bytes(engine, "pdf", since=data.since, subteam_slugs=tuple(slugs), now=moment)
    return Attachment(file_name("pdf", data.as_of), "application/pdf", pdf)


def queue_digest(
    engine: Engine,
    actor: Actor,
    recipients: Iterable[str],
    base_url: str,
    *,
    since: date | None = None,
    subteam_slugs: Sequence[str] = (),
    now: datetime | None = None,
) -> list[int]:
    """Queue one digest per address (each checked first); the outbox ids."""
    require_admin(actor)
    addresses = list(dict.fromkeys(normalise_email(address) for address in recipients))
    moment = now or wall_clock_now()
    as_of = moment.date()
    since = since or changes.default_since(as_of)
    data = collect(engine, since, as_of, subteam_slugs)
    attachment = _deck(engine, data, subteam_slugs, moment)
    subject, text, html = render(data, base_url)
    with write_session(engine) as session:
        return [
            queue(session, Mail(KIND, address, subject, text, html, (attachment,)))
            for address in addresses
        ]


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def subscribers(engine: Engine) -> list[tuple[int, str]]:
    """(user id, e-mail) of enabled staff users subscribed to the weekly digest."""
    query = (
        select(User.id, User.email)
        .join(MailSubscription, MailSubscription.user_id == User.id)
        .where(MailSubscription.weekly_digest.is_(True), User.disabled.is_(False))
        .where(User.email.is_not(None), User.email != "")
        .order_by(User.id)
    )
    with engine.connect() as connection:
        return [(row.id, row.email) for row in connection.execute(query)]


def queue_weekly_digests(
    engine: Engine, actor: Actor, base_url: str, *, now: datetime | None = None
) -> list[int]:
    """The weekly digest (the last 7 days, the whole team) for every subscriber who has not
    had this week's yet; the ids of the messages queued now."""
    require_admin(actor)
    moment = now or wall_clock_now()
    as_of = moment.date()
    everyone = subscribers(engine)
    keys = {user_id: f"digest:{week_key(as_of)}:user-{user_id}" for user_id, _ in everyone}
    with engine.connect() as connection:
        done = set(
            connection.execute(
                select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys.values()))
            ).scalars()
        )
    chosen = [(uid, address) for uid, address in everyone if keys[uid] not in done]
    if not chosen:
        return []
    data = collect(engine, as_of - timedelta(days=WEEKLY_DAYS), as_of, ())
    attachment = _deck(engine, data, (), moment)
    subject, text, html = render(data, base_url)
    queued = []
    with write_session(engine) as session:
        for user_id, address in chosen:
            mail = Mail(
                WEEKLY_KIND, address, subject, text, html, (attachment,),
                dedupe_key=keys[user_id],
            )  # fmt: skip
            message_id = queue(session, mail)
            if message_id is not None:
                queued.append(message_id)
    return queued
