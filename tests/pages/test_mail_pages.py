"""/ustawienia (a staff user's weekly digest) and the outbox tab of /admin under AppTest."""

from __future__ import annotations

from sqlalchemy import select

from dashboard.core.settings import Settings
from dashboard.services.mail import Mail, queue
from dashboard.services.mail_delivery import deliver_pending
from db.engine import write_session
from db.models import MailSubscription, User
from harness.apptest import ADMIN, LEAD, assert_no_exception, page_test, section


def subscribed(engine, username: str) -> bool | None:
    query = (
        select(MailSubscription.weekly_digest)
        .join(User, User.id == MailSubscription.user_id)
        .where(User.username == username)
    )
    with engine.connect() as connection:
        return connection.execute(query).scalar()


def test_a_lead_switches_the_weekly_digest_on_and_off(demo_copy_url, demo_engine):
    at = page_test("pages/ustawienia.py", demo_copy_url, actor=LEAD).run()
    assert_no_exception(at)
    assert "lider@example.org" in " ".join(m.value for m in at.markdown)
    at.toggle[0].set_value(True)
    at.button[0].click().run()
    assert_no_exception(at)
    assert [s.value for s in at.success] == [
        "Zapisano: cotygodniowe podsumowanie będzie przychodzić w poniedziałki rano."
    ]
    assert subscribed(demo_engine, "lider") is True and at.toggle[0].value is True
    at.toggle[0].set_value(False)
    at.button[0].click().run()
    assert subscribed(demo_engine, "lider") is False
    assert [s.value for s in at.success] == ["Zapisano: cotygodniowe podsumowanie jest wyłączone."]


def test_admin_sees_waiting_mail_and_why_a_message_was_given_up(
    demo_copy_url, demo_engine, smtp_server
):
    smtp_server.inbox.refuse = {"nie-ma-takiej@example.org"}
    with write_session(demo_engine) as session:
        for address in ("nie-ma-takiej@example.org", "czeka@example.org"):
            queue(session, Mail("digest", address, f"Do {address}", "Treść"))
    settings = Settings(smtp_host="127.0.0.1", smtp_port=smtp_server.port)
    deliver_pending(demo_engine, settings, limit=1)  # the refused one, given up at once
    at = page_test(
        "pages/admin.py", demo_copy_url, actor=ADMIN, query_params=section("mail.outbox.tab")
    ).run()
    assert_no_exception(at)
    assert any("SMTP_HOST" in warning.value for warning in at.warning)  # none in this run
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["czeka"] == "1" and metrics["porzucona"] == "1"
    table = next(t.value for t in at.dataframe if "Powód niepowodzenia" in t.value.columns)
    given_up = table.loc[table["Stan"] == "porzucona"].iloc[0]
    assert given_up["Odbiorca"] == "nie-ma-takiej@example.org"
    assert "550" in given_up["Powód niepowodzenia"]
    assert "czeka@example.org" in table["Odbiorca"].tolist()
