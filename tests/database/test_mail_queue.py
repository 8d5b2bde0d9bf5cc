"""The outbox: a message is queued in the transaction of its cause, once per dedupe key."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dashboard.services.mail import Attachment, Mail, queue
from db.engine import write_session
from db.models import OutboxAttachment, OutboxMessage

MAIL = Mail(
    kind="test",
    recipient="osoba@example.org",
    subject="Temat z polskimi znakami: zażółć",
    body_text="Treść",
    attachments=(Attachment("plik.pdf", "application/pdf", b"%PDF-1.4"),),
    dedupe_key="test:1",
)


def test_a_message_is_queued_with_its_attachments_once_per_key(engine):
    with write_session(engine) as session:
        first = queue(session, MAIL)
    with write_session(engine) as session:
        again = queue(session, MAIL)
    assert first is not None and again is None
    with engine.connect() as connection:
        row = connection.execute(select(OutboxMessage)).one()
        assert (row.status, row.attempts, row.recipient) == ("pending", 0, "osoba@example.org")
        attachment = connection.execute(select(OutboxAttachment)).one()
        assert (attachment.message_id, attachment.content) == (first, b"%PDF-1.4")


def test_a_message_is_not_kept_when_its_cause_fails(engine):
    with pytest.raises(RuntimeError), write_session(engine) as session:
        queue(session, MAIL)
        raise RuntimeError("the registration failed")
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(OutboxMessage)).scalar() == 0
