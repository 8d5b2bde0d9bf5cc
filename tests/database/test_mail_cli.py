"""The mail commands as the timers run them: digest, mail alerts, mail send — in child
processes, against a real SMTP server on localhost that can be down."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from db.engine import now, write_session
from db.models import OutboxMessage
from harness.mail_server import SmtpServer
from harness.server import free_port
from tests.support.cli import run_cli

ADDRESSES = ("dyrektor@urzad.example", "sekretariat@urzad.example")


def states(engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.execute(select(OutboxMessage.status)).scalars())


def test_digest_waits_while_the_server_is_down_and_mail_send_delivers_it_once_later(
    demo_copy_url, demo_engine
):
    queued = run_cli(
        "digest", "--to", *ADDRESSES, "--subteam", "model-partycypacji", url=demo_copy_url
    )
    assert queued.returncode == 0, queued.stderr
    assert "Podsumowania w kolejce: 2" in queued.stdout
    port = free_port()
    smtp = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port)}
    down = run_cli("mail", "send", url=demo_copy_url, env=smtp)
    assert down.returncode == 0 and "do ponowienia: 1" in down.stdout  # the rest wait untouched
    assert states(demo_engine) == ["pending", "pending"]
    server = SmtpServer(port).start()
    try:
        with write_session(demo_engine) as session:  # the retry delay has passed
            session.execute(update(OutboxMessage).values(next_attempt_at=now() - timedelta(1)))
        back = run_cli("mail", "send", url=demo_copy_url, env=smtp)
        assert "Wysłano: 2" in back.stdout, back.stdout + back.stderr
        again = run_cli("mail", "send", url=demo_copy_url, env=smtp)
        assert "Wysłano: 0" in again.stdout
        assert sorted(m["To"] for m in server.inbox.messages) == sorted(ADDRESSES)
        message = server.inbox.to(ADDRESSES[0])[0]
        assert "Toruński model partycypacji" in message.get_body(("plain",)).get_content()
        assert [a.get_content_type() for a in message.iter_attachments()] == ["application/pdf"]
    finally:
        server.stop()
    assert states(demo_engine) == ["sent", "sent"]


def test_digest_refuses_a_bad_address_and_an_unknown_subteam_in_one_line(
    demo_copy_url, demo_engine
):
    bad = run_cli("digest", "--to", "nie-adres", url=demo_copy_url)
    assert bad.returncode == 1 and bad.stderr.startswith("Błąd:") and "Traceback" not in bad.stderr
    unknown = run_cli("digest", "--to", ADDRESSES[0], "--subteam", "nie-ma", url=demo_copy_url)
    assert unknown.returncode == 1 and "nie-ma" in unknown.stderr
    assert states(demo_engine) == []


def test_weekly_digest_and_alerts_commands_report_what_they_queued(demo_copy_url):
    weekly = run_cli("digest", "--subscribers", url=demo_copy_url)
    assert weekly.returncode == 0 and "Podsumowania w kolejce: 0" in weekly.stdout
    first = run_cli("mail", "alerts", url=demo_copy_url)
    assert first.returncode == 0 and "pierwsze uruchomienie" in first.stdout, first.stderr
    second = run_cli("mail", "alerts", url=demo_copy_url)
    assert "Zmiany stanu: 0, powiadomienia w kolejce: 0." in second.stdout
    mixed = run_cli("digest", "--subscribers", "--since", "2025-01-01", url=demo_copy_url)
    assert mixed.returncode == 1 and "--since" in mixed.stderr
