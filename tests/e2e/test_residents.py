"""A resident's whole journey in real Chromium, with real e-mail (aiosmtpd on localhost):
registration → confirmation e-mail → manage link → change → cancel → the first person
waiting is promoted and told by e-mail; a repeated address changes nothing; /zapisy on a
phone starts with the form and shows no staff sidebar."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import insert, select

from dashboard.i18n import t
from dashboard.queries.registration import open_edition
from dashboard.services.registration import Outcome, register
from db.engine import make_engine, write_session
from db.models import Event, EventSession, Signup, SignupSession
from harness.chromium import exception_texts, register_on_zapisy, settle, tick
from harness.mail_server import SmtpServer
from harness.server import PanelServer, free_port
from tests.support.residents import link_in, resident_form

PHONE = {"width": 390, "height": 844}


def tr(key: str, **values) -> str:
    return t(key, "pl", **values)


@pytest.fixture(scope="module")
def mail_panel(e2e_database_url, tmp_path_factory) -> Iterator[tuple[PanelServer, SmtpServer]]:
    """The panel sending real e-mail to a local SMTP server; links point at the panel."""
    smtp = SmtpServer().start()
    port = free_port()
    env = {**smtp.env, "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
    log = tmp_path_factory.mktemp("residents-log") / "streamlit.log"
    server = PanelServer(e2e_database_url, log, port=port, extra_env=env).start()
    try:
        yield server, smtp
    finally:
        server.stop()
        smtp.stop()


@pytest.fixture(scope="module")
def one_seat_workshop(e2e_database_url) -> tuple[int, str]:
    """A day-2 workshop with one seat in the open edition (so a waitlist forms)."""
    engine = make_engine(e2e_database_url)
    edition = open_edition(engine).edition
    title = f"Warsztat jednoosobowy {uuid.uuid4().hex[:6]}"
    with write_session(engine) as session:
        event_id = session.scalars(select(Event.id).where(Event.edition == edition)).one()
        session_id = session.execute(
            insert(EventSession)
            .values(event_id=event_id, day=2, kind="workshop", title=title, capacity=1)
            .returning(EventSession.id)
        ).scalar_one()
    engine.dispose()
    return session_id, title


def fill(page, base_url: str, name: str, email: str, workshop: str | None) -> None:
    """Send the form: day 2 with ``workshop``, or day 1 only when it is None."""
    days = (1,) if workshop is None else (2,)
    register_on_zapisy(page, base_url, name, email, days=days, workshop=workshop)


def reply_text(page) -> str:
    success = page.locator('[data-testid="stAlertContentSuccess"]').first
    success.wait_for(timeout=30_000)
    return success.inner_text()


def stored(engine, email: str) -> tuple:
    """Every column of the sign-up and its sessions, to compare byte for byte."""
    with engine.connect() as connection:
        row = connection.execute(select(Signup.__table__).where(Signup.email == email)).one()
        sessions = set(
            connection.scalars(
                select(SignupSession.session_id).where(SignupSession.signup_id == row.id)
            )
        )
    return tuple(row), sessions


def test_registration_mail_link_change_cancel_and_promotion(
    mail_panel, one_seat_workshop, new_context, e2e_database_url
):
    server, smtp = mail_panel
    workshop_id, workshop = one_seat_workshop
    engine = make_engine(e2e_database_url)
    first = f"pierwsza-{uuid.uuid4().hex[:6]}@example.org"
    waiting = f"czeka-{uuid.uuid4().hex[:6]}@example.org"

    page = new_context().new_page()
    fill(page, server.url, "Zofia Żółkiewska", first, workshop)
    assert exception_texts(page) == []
    first_reply = reply_text(page)
    assert "Sprawdź skrzynkę" in first_reply
    confirmation = wait_for_mail(smtp, first, "Potwierdzenie zapisu")
    assert workshop in confirmation.get_body(("plain",)).get_content()
    assert confirmation.get_body(("html",)) is not None

    # Someone else waits for the one seat (agreed to the waitlist).
    edition = open_edition(engine).edition
    queued = register(
        engine,
        replace(resident_form(workshop_id, waiting), edition=edition),
        base_url=server.url,
    )
    assert queued.outcome is Outcome.WAITLISTED

    # The same address again, with other data: same reply, nothing changed, owner mailed.
    before = stored(engine, first)
    again = new_context().new_page()
    fill(again, server.url, "Ktoś Podszywający Się", first.upper(), None)
    assert reply_text(again) == first_reply  # word for word
    assert stored(engine, first) == before
    repeat = wait_for_mail(smtp, first, "link do zarządzania")
    assert "niczego nie zmieniliśmy" in repeat.get_body(("plain",)).get_content()

    # The link from the e-mail: see, change, cancel.
    link = link_in(confirmation.get_body(("plain",)).get_content())
    assert link.startswith(server.url + "/moj-zapis?t=")
    manage = new_context().new_page()
    manage.goto(link)
    settle(manage)
    assert exception_texts(manage) == []
    manage.get_by_text("Zofia Żółkiewska", exact=False).first.wait_for(timeout=30_000)
    change_form = manage.locator('[data-testid="stForm"]').filter(has_text=tr("manage.save"))
    change_form.locator('[data-testid="stCheckbox"]').nth(0).locator("label").first.click()
    change_form.locator('[data-testid="stFormSubmitButton"] button').click()
    settle(manage)
    manage.get_by_text(tr("manage.saved")).first.wait_for(timeout=30_000)
    wait_for_mail(smtp, first, "Zmiana zapisu")
    assert manage.get_by_text(tr("manage.ics")).count() >= 1

    cancel_form = manage.locator('[data-testid="stForm"]').filter(
        has_text=tr("manage.cancel_confirm")
    )
    tick(cancel_form, tr("manage.cancel_confirm"))
    cancel_form.locator('[data-testid="stFormSubmitButton"] button').click()
    settle(manage)
    manage.get_by_text(tr("manage.cancelled")).first.wait_for(timeout=30_000)
    wait_for_mail(smtp, first, "Anulowanie zapisu")
    promoted = wait_for_mail(smtp, waiting, "Masz miejsce")
    assert "/moj-zapis?t=" in promoted.get_body(("plain",)).get_content()
    with engine.connect() as connection:
        statuses = dict(
            connection.execute(
                select(Signup.email, Signup.status).where(Signup.email.in_([first, waiting]))
            ).all()
        )
    assert statuses == {first: "cancelled", waiting: "registered"}
    engine.dispose()


def wait_for_mail(smtp: SmtpServer, recipient: str, subject_part: str):
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [m for m in smtp.inbox.to(recipient) if subject_part in m["Subject"]]
        if found:
            return found[-1]
        time.sleep(0.1)
    subjects = [m["Subject"] for m in smtp.inbox.to(recipient)]
    raise AssertionError(f"no '{subject_part}' mail to {recipient}; got {subjects}")


def test_a_wrong_link_gets_a_clear_page_that_reveals_nothing(mail_panel, new_context):
    server, _ = mail_panel
    page = new_context().new_page()
    page.goto(f"{server.url}/moj-zapis?t=zly-token-{uuid.uuid4().hex}")
    settle(page)
    assert exception_texts(page) == []
    page.get_by_text(tr("manage.error.invalid_link")[:40]).first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stForm"]').count() == 0


def test_zapisy_on_a_phone_starts_with_the_form_and_no_staff_sidebar(mail_panel, new_context):
    server, _ = mail_panel
    page = new_context(viewport=PHONE).new_page()
    page.goto(f"{server.url}/zapisy")
    settle(page)
    assert exception_texts(page) == []
    name = page.get_by_label(tr("congress.signup.name"), exact=True)
    box = name.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.count() == 0 or not sidebar.is_visible()
    assert page.get_by_text(tr("access.sign_in.username")).count() == 0
    assert page.get_by_text(tr("shell.staff_sign_in")).first.is_visible()
    honeypot = page.locator(".st-key-zapisy_website")
    assert honeypot.count() == 1 and not honeypot.is_visible()
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
