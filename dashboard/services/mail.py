"""E-mail through the outbox: a message is queued in the transaction of its cause.

``queue`` is the only way the panel writes e-mail; the sender delivers the rows.
A message with a ``dedupe_key`` that is already queued is not queued again, so a
repeated run (an alert per change of state, a digest per week) sends one e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.engine import now
from db.models import OutboxAttachment, OutboxMessage


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class Mail:
    """One e-mail to one recipient: plain text always, simple HTML optionally."""

    kind: str
    recipient: str
    subject: str
    body_text: str
    body_html: str | None = None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    dedupe_key: str | None = None


def queue(session: Session, mail: Mail) -> int | None:
    """Add ``mail`` to the outbox inside the caller's transaction; its id, or ``None``
    when a message with the same ``dedupe_key`` is already there."""
    if mail.dedupe_key is not None:
        queued = session.execute(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == mail.dedupe_key)
        ).scalar()
        if queued is not None:
            return None
    moment = now()
    message_id = session.execute(
        insert(OutboxMessage)
        .values(
            created_at=moment,
            kind=mail.kind,
            recipient=mail.recipient,
            subject=mail.subject,
            body_text=mail.body_text,
            body_html=mail.body_html,
            dedupe_key=mail.dedupe_key,
            status="pending",
            attempts=0,
            next_attempt_at=moment,
        )
        .returning(OutboxMessage.id)
    ).scalar_one()
    for attachment in mail.attachments:
        session.execute(
            insert(OutboxAttachment).values(
                message_id=message_id,
                filename=attachment.filename,
                content_type=attachment.content_type,
                content=attachment.content,
            )
        )
    return message_id
