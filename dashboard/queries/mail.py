"""Reads about e-mail: the outbox as admins see it on /admin, a user's own subscription."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.common import reads
from db.models import OUTBOX_STATES, MailSubscription, OutboxMessage, User

OUTBOX_COLUMNS = (
    "id", "created_at", "kind", "recipient", "subject", "status", "attempts",
    "next_attempt_at", "sent_at", "last_error",
)  # fmt: skip


@reads("outbox")
def outbox_counts(engine: Engine, actor: Actor) -> dict[str, int]:
    """How many messages are in each state (every state present, zero when none)."""
    require_admin(actor)
    query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    with engine.connect() as connection:
        found = dict(connection.execute(query).all())
    return {state: int(found.get(state, 0)) for state in OUTBOX_STATES}


@reads("outbox")
def outbox_messages(
    engine: Engine, actor: Actor, statuses: tuple[str, ...] = (), limit: int = 500
) -> pd.DataFrame:
    """The newest messages first, with why a failed one was given up (admins only: the
    recipients are people's e-mail addresses)."""
    require_admin(actor)
    query = select(*(getattr(OutboxMessage, name) for name in OUTBOX_COLUMNS))
    if statuses:
        query = query.where(OutboxMessage.status.in_(statuses))
    query = query.order_by(OutboxMessage.id.desc()).limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    frame = pd.DataFrame(rows, columns=list(OUTBOX_COLUMNS))
    for column in ("created_at", "next_attempt_at", "sent_at"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


@dataclass(frozen=True)
class MailSettings:
    email: str | None
    weekly_digest: bool


@reads("mail_subscriptions", "users")
def my_mail_settings(engine: Engine, actor: Actor) -> MailSettings:
    """The signed-in user's own address and choices."""
    query = (
        select(User.email, MailSubscription.weekly_digest)
        .outerjoin(MailSubscription, MailSubscription.user_id == User.id)
        .where(User.username == actor.username)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        return MailSettings(None, False)
    return MailSettings(row.email or None, bool(row.weekly_digest))
