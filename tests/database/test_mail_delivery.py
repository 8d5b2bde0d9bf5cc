"""Delivering the outbox to a real SMTP server on localhost: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select, update

from dashboard.core.settings import PROJECT_ROOT, Settings
from dashboard.services.mail import Attachment, Mail, queue
from dashboard.services.mail_delivery import MAX_ATTEMPTS, deliver_pending, send_soon
from db.engine import now, write_session
from db.models import OutboxMessage
from harness.mail_server import SmtpServer
from harness.server import free_port

ROOT = PROJECT_ROOT


def settings_for(server: SmtpServer | None, port: int | None = None) -> Settings:
    return Settings(
        smtp_host="127.0.0.1",
        smtp_port=server.port if server else port,
        mail_from="Panel Strategii Toruń <panel@torun.example>",
    )


def queue_mails(engine, count: int, **extra) -> list[int]:
    ids = []
    with write_session(engine) as session:
        for number in range(count):
            mail = Mail(
                kind="test",
                recipient=f"osoba{number}@example.org",
                subject=f"Wiadomość {number}: zażółć gęślą jaźń",
                body_text=f"Treść {number}",
                body_html=f"<p>Treść {number}</p>",
                **extra,
            )
            ids.append(queue(session, mail))
    return ids


def statuses(engine) -> dict[int, str]:
    with engine.connect() as connection:
        return dict(connection.execute(select(OutboxMessage.id, OutboxMessage.status)).all())


def test_each_message_reaches_its_one_recipient_with_text_html_and_attachment(engine, smtp_server):
    attachment = Attachment("deck.pdf", "application/pdf", b"%PDF-1.4 test")
    ids = queue_mails(engine, 2, attachments=(attachment,))
    report = deliver_pending(engine, settings_for(smtp_server))
    assert report.sent == ids and not report.failed
    first = smtp_server.inbox.to("osoba0@example.org")
    assert len(first) == 1 and len(smtp_server.inbox.messages) == 2
    message = first[0]
    assert message["Subject"] == "Wiadomość 0: zażółć gęślą jaźń"
    assert message["From"] == "Panel Strategii Toruń <panel@torun.example>"
    assert message.get_body(("plain",)).get_content().strip() == "Treść 0"
    assert message.get_body(("html",)).get_content().strip() == "<p>Treść 0</p>"
    assert [part.get_filename() for part in message.iter_attachments()] == ["deck.pdf"]
    assert f"outbox-{ids[0]}" in message["Message-ID"]
    assert set(statuses(engine).values()) == {"sent"}


def test_without_a_mail_server_setting_the_mail_waits_in_the_outbox(engine):
    queue_mails(engine, 1)
    report = deliver_pending(engine, Settings())
    assert report.no_server and set(statuses(engine).values()) == {"pending"}


def test_mail_waits_while_the_server_is_down_and_goes_once_when_it_is_back(engine):
    port = free_port()
    ids = queue_mails(engine, 3)
    down = deliver_pending(engine, settings_for(None, port))
    assert down.retrying == [ids[0]] and not down.sent  # the rest wait for the next run
    with engine.connect() as connection:
        first = connection.execute(select(OutboxMessage).where(OutboxMessage.id == ids[0])).one()
    assert first.status == "pending" and first.attempts == 1 and first.last_error
    assert first.next_attempt_at > now()  # retried later, not in a tight loop
    server = SmtpServer(port).start()
    try:
        _make_due(engine)
        back = deliver_pending(engine, settings_for(server))
        assert sorted(back.sent) == ids
        assert deliver_pending(engine, settings_for(server)).sent == []  # nothing twice
        assert len(server.inbox.messages) == 3
    finally:
        server.stop()


def test_a_refused_address_fails_at_once_with_the_reason(engine, smtp_server):
    smtp_server.inbox.refuse = {"osoba0@example.org"}
    ids = queue_mails(engine, 2)
    report = deliver_pending(engine, settings_for(smtp_server))
    assert report.failed == [ids[0]] and report.sent == [ids[1]]
    with engine.connect() as connection:
        failed = connection.execute(select(OutboxMessage).where(OutboxMessage.id == ids[0])).one()
    assert failed.status == "failed" and "550" in failed.last_error


def test_temporary_failures_give_up_after_the_last_attempt(engine):
    port = free_port()
    [message_id] = queue_mails(engine, 1)
    for _ in range(MAX_ATTEMPTS):
        _make_due(engine)
        report = deliver_pending(engine, settings_for(None, port))
    assert report.failed == [message_id]
    assert statuses(engine) == {message_id: "failed"}


def test_send_soon_delivers_what_a_page_just_queued(engine, smtp_server):
    ids = queue_mails(engine, 1)
    send_soon(engine, settings_for(smtp_server), ids)
    smtp_server.inbox.wait_for(1)
    deadline = time.monotonic() + 10
    while statuses(engine)[ids[0]] != "sent" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert statuses(engine)[ids[0]] == "sent"


def test_a_sender_killed_mid_batch_leaves_nothing_lost_and_nothing_twice(
    sqlite_engine, smtp_server, tmp_path
):
    ids = queue_mails(sqlite_engine, 6)
    smtp_server.inbox.hold = {"osoba2@example.org"}  # the third message stalls: kill lands there
    env = {
        **os.environ,
        "DATABASE_URL": str(sqlite_engine.url),
        **smtp_server.env,
    }
    sender = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "mail", "send"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Killed while the server holds the third message's RCPT: the first two were accepted
    # and marked before that command was sent, the third was claimed but never accepted.
    # (A kill between "250 accepted" and the mark would resend one message: the gap SMTP
    # itself leaves, which a test must not land in by chance.)
    smtp_server.inbox.wait_for_recipients(3, timeout=60)
    sender.send_signal(signal.SIGKILL)
    sender.wait(timeout=10)
    assert len(smtp_server.inbox.messages) == 2
    assert sorted(statuses(sqlite_engine).values()) == ["pending"] * 3 + ["sending"] + ["sent"] * 2
    _lease_runs_out(sqlite_engine)
    deliver_pending(sqlite_engine, replace(settings_for(smtp_server)))
    recipients = [message["To"] for message in smtp_server.inbox.messages]
    assert sorted(recipients) == sorted(f"osoba{number}@example.org" for number in range(len(ids)))
    assert set(statuses(sqlite_engine).values()) == {"sent"}


def _make_due(engine) -> None:
    """Time passes: what waits for a retry is due now."""
    with write_session(engine) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "pending")
            .values(next_attempt_at=now() - timedelta(seconds=1))
        )


def _lease_runs_out(engine) -> None:
    """Time passes: the claim of a sender that died has expired."""
    with write_session(engine) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending")
            .values(claimed_until=now() - timedelta(seconds=1))
        )
