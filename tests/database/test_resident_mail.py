"""Residents' e-mails reach a real SMTP server (aiosmtpd on localhost): the confirmation,
the repeated-address mail and the waitlist promotion, each to its one recipient, in
Polish, plain text and HTML, with a manage link built from PUBLIC_BASE_URL."""

from __future__ import annotations

from datetime import timedelta

from dashboard.core.settings import Settings
from dashboard.services import my_signup
from dashboard.services.mail_delivery import deliver_pending
from dashboard.services.registration import register
from db.engine import now
from harness.mail_server import SmtpServer
from tests.support.congress import build_congress
from tests.support.residents import last_token, link_in, resident_form

BASE = "https://panel.example.torun.pl"


def settings_for(server: SmtpServer) -> Settings:
    return Settings(smtp_host="127.0.0.1", smtp_port=server.port, public_base_url=BASE)


def test_confirmation_repeat_and_promotion_mails_arrive(engine, smtp_server):
    ids = build_congress(engine, upcoming_start=now().date() + timedelta(days=30))
    for name in ("a", "b", "c"):
        register(engine, resident_form(ids["W_SMALL"], f"{name}@example.org"), base_url=BASE)
    register(engine, resident_form(None, "A@example.org", full_name="Ktoś Inny"), base_url=BASE)
    deliver_pending(engine, settings_for(smtp_server))

    inbox = smtp_server.inbox
    confirmation, repeat = inbox.to("a@example.org")
    assert confirmation["Subject"] == "Potwierdzenie zapisu: III Kongres"
    text = confirmation.get_body(("plain",)).get_content()
    for fact in ("Termin:", "Godziny: 9:00–16:00", "Miejsce: CKK Jordanki", "dialog@torun.example"):
        assert fact in text
    assert "Inspektor ochrony danych (IOD): iod@torun.example" in text
    assert link_in(text).startswith(f"{BASE}/moj-zapis?t=")
    assert link_in(text) in confirmation.get_body(("html",)).get_content()
    assert "niczego nie zmieniliśmy" in repeat.get_body(("plain",)).get_content()
    assert "Ktoś Inny" not in repeat.get_body(("plain",)).get_content()
    waitlisted = inbox.to("c@example.org")[0].get_body(("plain",)).get_content()
    assert "lista rezerwowa" in waitlisted

    my_signup.cancel(engine, last_token(engine, "b@example.org"), BASE)
    deliver_pending(engine, settings_for(smtp_server))
    promoted = inbox.to("c@example.org")[-1]
    assert promoted["Subject"] == "Masz miejsce: III Kongres"
    assert "zapis przyjęty" in promoted.get_body(("plain",)).get_content()
    assert [m["Subject"] for m in inbox.to("b@example.org")][-1] == "Anulowanie zapisu: III Kongres"
    assert all(len(m.get_all("To")) == 1 for m in inbox.messages)
