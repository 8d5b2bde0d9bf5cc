"""Delivering the outbox over SMTP: each message is claimed, sent and marked on its own.

A message is claimed for a short lease before it is sent and marked ``sent`` right after
the server accepts it, one at a time. A sender that dies mid-batch therefore leaves at
most the message it was sending unmarked; its lease runs out and the next run sends it.
(The one gap SMTP itself leaves: dying after the server said "accepted" and before the
mark is written sends that one message twice.)

A temporary failure (no connection, a 4xx reply) is retried later with a growing delay;
a permanent one (5xx, a refused address) and the last allowed try mark it ``failed``
with the reason, which admins see on /admin.
"""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from sqlalchemy import Engine, and_, exists, or_, select, update

from dashboard.core.settings import Settings
from db.engine import now, write_session
from db.models import OutboxAttachment, OutboxMessage

MAX_ATTEMPTS = 6
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
LEASE = timedelta(minutes=5)
SMTP_TIMEOUT_SECONDS = 20
BATCH_LIMIT = 200


@dataclass
class DeliveryReport:
    sent: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    no_server: bool = False

    def summary(self) -> str:
        if self.no_server:
            return "Brak SMTP_HOST: wiadomości czekają w skrzynce nadawczej."
        return (
            f"Wysłano: {len(self.sent)}, do ponowienia: {len(self.retrying)}, "
            f"nie udało się: {len(self.failed)}."
        )


class _Temporary(Exception):
    """Try again later."""


class _Unreachable(_Temporary):
    """The server cannot be reached: the rest of the batch waits too, untouched."""


class _Permanent(Exception):
    """Trying again will not help."""


def _due(moment: datetime):
    waiting = and_(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= moment)
    abandoned = and_(OutboxMessage.status == "sending", OutboxMessage.claimed_until < moment)
    return or_(waiting, abandoned)


def pending_exists(engine: Engine, moment: datetime | None = None) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(select(exists().where(_due(moment or now())))).scalar())


def _claim(engine: Engine, only: tuple[int, ...] | None) -> int | None:
    """Take the oldest due message for one lease; ``None`` when nothing is due.

    The UPDATE repeats the due condition, so of two senders racing for one row only
    one gets it (SQLite: the write lock; PostgreSQL: the row lock and re-check).
    """
    moment = now()
    candidates = select(OutboxMessage.id).where(_due(moment)).order_by(OutboxMessage.id).limit(1)
    if only is not None:
        candidates = candidates.where(OutboxMessage.id.in_(only))
    with write_session(engine) as session:
        message_id = session.execute(candidates).scalar()
        if message_id is None:
            return None
        claimed = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, _due(moment))
            .values(
                status="sending",
                claimed_until=moment + LEASE,
                attempts=OutboxMessage.attempts + 1,
            )
        ).rowcount
    return message_id if claimed == 1 else None


def _load(engine: Engine, message_id: int) -> tuple[OutboxMessage, list[OutboxAttachment]]:
    with engine.connect() as connection:
        message = connection.execute(
            select(OutboxMessage).where(OutboxMessage.id == message_id)
        ).one()
        attachments = connection.execute(
            select(OutboxAttachment)
            .where(OutboxAttachment.message_id == message_id)
            .order_by(OutboxAttachment.id)
        ).all()
    return message, attachments


def build_email(message, attachments: Iterable, settings: Settings) -> EmailMessage:
    """The MIME message: plain text, an HTML alternative when there is one, attachments.

    Its Message-ID is derived from the outbox row, so a resent copy is recognisable."""
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=True)
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    email["Message-ID"] = make_msgid(f"outbox-{message.id}", domain=domain)
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    for attachment in attachments:
        main, _, sub = attachment.content_type.partition("/")
        email.add_attachment(
            attachment.content, maintype=main, subtype=sub or "octet-stream",
            filename=attachment.filename,
        )  # fmt: skip
    return email


class _Connection:
    """One SMTP connection for a batch, opened on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def send(self, email: EmailMessage) -> None:
        if self.smtp is None:
            try:
                self.smtp = self._open()
            except (TimeoutError, smtplib.SMTPException, OSError) as error:
                where = f"{self.settings.smtp_host}:{self.settings.smtp_port}"
                raise _Unreachable(f"brak połączenia z {where}: {_reason(error)}") from error
        try:
            refused = self.smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as error:
            raise _Permanent(_reason(error)) from error
        except smtplib.SMTPResponseException as error:
            self.close()
            kind = _Permanent if 500 <= error.smtp_code < 600 else _Temporary
            raise kind(_reason(error)) from error
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            self.close()
            raise _Temporary(_reason(error)) from error
        if refused:
            raise _Permanent(_reason(refused))

    def _open(self) -> smtplib.SMTP:
        settings = self.settings
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS)
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        return smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self.smtp = None


def _reason(error: object) -> str:
    """What an admin reads on /admin: the server's code and words, not a Python repr."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        error = error.recipients
    if isinstance(error, dict):  # refused recipients: address -> (code, reply)
        text = "; ".join(f"{address}: {_reply(*reply)}" for address, reply in error.items())
    elif isinstance(error, smtplib.SMTPResponseException):
        text = _reply(error.smtp_code, error.smtp_error)
    else:
        text = str(error).strip() or type(error).__name__
    return text[:500]


def _reply(code: int, message: bytes | str) -> str:
    words = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return f"{code} {words}".strip()


def _mark_sent(engine: Engine, message_id: int) -> None:
    with write_session(engine) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(status="sent", sent_at=now(), claimed_until=None, last_error=None)
        )


def _mark_failure(engine: Engine, message_id: int, reason: str, permanent: bool) -> bool:
    """Record why it failed; ``True`` when it will be tried again."""
    with write_session(engine) as session:
        attempts = session.execute(
            select(OutboxMessage.attempts).where(OutboxMessage.id == message_id)
        ).scalar_one()
        retry = not permanent and attempts < MAX_ATTEMPTS
        delay = RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(
                status="pending" if retry else "failed",
                next_attempt_at=now() + delay,
                claimed_until=None,
                last_error=reason,
            )
        )
    return retry


def deliver_pending(
    engine: Engine,
    settings: Settings,
    *,
    only: Iterable[int] | None = None,
    limit: int = BATCH_LIMIT,
) -> DeliveryReport:
    """Send what is due (or only the messages ``only`` names), at most ``limit``."""
    report = DeliveryReport()
    if not settings.smtp_host:
        report.no_server = True
        return report
    chosen = None if only is None else tuple(only)
    if not pending_exists(engine):
        # A read, not a claim: an idle run every minute must not bump the data version
        # (every write does) and so empty every app process's caches.
        return report
    connection = _Connection(settings)
    try:
        for _ in range(limit):
            message_id = _claim(engine, chosen)
            if message_id is None:
                break
            if not _deliver_one(engine, settings, connection, message_id, report):
                break
    finally:
        connection.close()
    return report


def _deliver_one(
    engine: Engine,
    settings: Settings,
    connection: _Connection,
    message_id: int,
    report: DeliveryReport,
) -> bool:
    """Send one claimed message; ``False`` when the server cannot be reached at all."""
    message, attachments = _load(engine, message_id)
    try:
        connection.send(build_email(message, attachments, settings))
    except (_Temporary, _Permanent) as error:
        retry = _mark_failure(engine, message_id, str(error), isinstance(error, _Permanent))
        (report.retrying if retry else report.failed).append(message_id)
        return not isinstance(error, _Unreachable)
    _mark_sent(engine, message_id)
    report.sent.append(message_id)
    return True


def send_soon(engine: Engine, settings: Settings, message_ids: Iterable[int]) -> None:
    """Try the messages a page has just queued, without making the person wait for the
    mail server; whatever this does not deliver, the scheduled ``mail send`` does."""
    chosen = tuple(message_ids)
    if not chosen or not settings.smtp_host:
        return
    worker = threading.Thread(
        target=deliver_pending,
        args=(engine, settings),
        kwargs={"only": chosen},
        name="outbox-send-soon",
        daemon=True,
    )
    worker.start()
