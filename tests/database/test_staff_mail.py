"""Staff e-mail: overdue alerts once per change of state, the digest with the deck, weekly
subscriptions — delivered by a real SMTP server on localhost, one recipient per mail."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import insert, select

from dashboard.core.email_address import InvalidEmail
from dashboard.core.errors import PermissionDenied
from dashboard.core.permissions import Actor
from dashboard.deck.content import collect_deck
from dashboard.services import milestones
from dashboard.services.alerts import check_milestones
from dashboard.services.digest import queue_digest, queue_weekly_digests
from dashboard.services.mail_delivery import deliver_pending
from dashboard.services.proposals import change_status
from dashboard.services.registration import RegistrationForm, register
from dashboard.services.subscriptions import SubscriptionError, set_weekly_digest
from dashboard.services.users import NewUser, add_user
from db.engine import now, write_session
from db.models import Event, EventSession, OutboxAttachment, OutboxMessage, Participant
from tests.database.test_mail_delivery import settings_for
from tests.support.proposals import add_proposal, seed_reference

ADMIN = Actor("admin-testowy", "admin")
BASE = "https://panel.torun.example"
TODAY = date(2026, 3, 2)  # a Monday
LEADS = {1: "liderka1@urzad.example", 2: "lider2@urzad.example"}


def at(day: date, hour: int = 7) -> datetime:
    return datetime.combine(day, time(hour))


def lead_actor(subteam_id: int) -> Actor:
    return Actor(f"lider{subteam_id}", "lead", frozenset({subteam_id}))


@pytest.fixture
def staff(engine, fast_bcrypt):
    """Two subteams, a lead with an e-mail for each, a lead of subteam 1 without one,
    a director and a disabled lead (neither gets alerts)."""
    seed_reference(engine)
    people = [
        NewUser("lider1", "Liderka 1", "haslo-testowe-123", "lead", (1,), LEADS[1]),
        NewUser("lider2", "Lider 2", "haslo-testowe-123", "lead", (2,), LEADS[2]),
        NewUser("bezadresu", "Bez adresu", "haslo-testowe-123", "lead", (1,)),
        NewUser("dyrektor", "Dyrektor", "haslo-testowe-123", "director", (), "dyr@urzad.example"),
    ]
    for person in people:
        add_user(engine, ADMIN, person)
    return engine


def outbox(engine, kind: str | None = None) -> list:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    with engine.connect() as connection:
        return connection.execute(query).all()


def test_a_milestone_turning_at_risk_then_late_tells_its_leads_once_per_change(staff, smtp_server):
    engine = staff
    first = milestones.add_milestone(
        engine, lead_actor(1), 1, "Raport z konsultacji", TODAY + timedelta(days=30)
    )
    milestones.add_milestone(engine, lead_actor(2), 2, "Mapa czujników", TODAY + timedelta(days=60))
    assert check_milestones(engine, ADMIN, BASE, now=at(TODAY)).baseline
    assert outbox(engine) == []

    soon = TODAY + timedelta(days=25)  # five days before the first one's due date
    report = check_milestones(engine, ADMIN, BASE, now=at(soon))
    [alert] = outbox(engine)
    assert report.queued == [alert.id]
    assert alert.recipient == LEADS[1] and "zagrożony" in alert.subject
    assert "Raport z konsultacji" in alert.body_text and f"{BASE}/postepy" in alert.body_text
    for hour in (8, 9, 10):  # the timer runs again: nothing new
        assert check_milestones(engine, ADMIN, BASE, now=at(soon, hour)).queued == []

    late = TODAY + timedelta(days=45)  # 15 days overdue
    check_milestones(engine, ADMIN, BASE, now=at(late))
    alerts = outbox(engine)
    assert len(alerts) == 2 and "opóźniony" in alerts[1].subject
    assert alerts[1].recipient == LEADS[1]

    milestones.mark_done(engine, lead_actor(1), first, late)
    assert check_milestones(engine, ADMIN, BASE, now=at(late, 12)).queued == []  # done: no news

    deliver_pending(engine, settings_for(smtp_server))
    received = smtp_server.inbox.messages
    assert [message["To"] for message in received] == [LEADS[1], LEADS[1]]
    assert all(len(message.get_all("To")) == 1 and not message["Cc"] for message in received)
    assert smtp_server.inbox.to(LEADS[2]) == []


def test_a_milestone_added_already_at_risk_is_news_after_the_first_run(staff):
    engine = staff
    milestones.add_milestone(engine, lead_actor(1), 1, "Stary", TODAY + timedelta(days=90))
    check_milestones(engine, ADMIN, BASE, now=at(TODAY))
    milestones.add_milestone(engine, lead_actor(2), 2, "Pilny", TODAY + timedelta(days=3))
    check_milestones(engine, ADMIN, BASE, now=at(TODAY, 9))
    assert [(m.recipient, m.kind) for m in outbox(engine)] == [(LEADS[2], "milestone_alert")]


def test_only_an_admin_runs_the_alert_job(staff):
    with pytest.raises(PermissionDenied):
        check_milestones(staff, lead_actor(1), BASE, now=at(TODAY))


def test_the_digest_goes_to_each_address_alone_with_the_changes_and_the_deck(staff, smtp_server):
    engine = staff
    add_proposal(engine, "Budżet obywatelski dla seniorów", created_at=at(TODAY, 9))
    add_proposal(engine, "Stara propozycja", created_at=at(TODAY - timedelta(days=60)))
    ids = queue_digest(
        engine,
        ADMIN,
        ["a@urzad.example", " B@Urzad.Example ", "a@urzad.example"],
        BASE,
        since=TODAY - timedelta(days=7),
        now=at(TODAY, 12),
    )
    assert len(ids) == 2  # the repeated address once
    deliver_pending(engine, settings_for(smtp_server))
    assert sorted(m["To"] for m in smtp_server.inbox.messages) == [
        "a@urzad.example",
        "b@urzad.example",
    ]
    message = smtp_server.inbox.to("a@urzad.example")[0]
    text = message.get_body(("plain",)).get_content()
    assert "Nowe propozycje: 1" in text and "Budżet obywatelski dla seniorów" in text
    assert "Stara propozycja" not in text
    assert message.get_body(("html",)) is not None
    [deck] = list(message.iter_attachments())
    assert deck.get_filename().endswith(".pdf")
    assert deck.get_content().startswith(b"%PDF")


def test_a_digest_to_a_bad_address_queues_nothing(staff):
    with pytest.raises(InvalidEmail):
        queue_digest(staff, ADMIN, ["dobry@urzad.example", "zły adres"], BASE, now=at(TODAY))
    assert outbox(staff) == []


def test_weekly_digest_goes_once_a_week_to_each_subscriber(staff, smtp_server):
    engine = staff
    set_weekly_digest(engine, lead_actor(1), True)
    director = Actor("dyrektor", "director")
    set_weekly_digest(engine, director, True)
    set_weekly_digest(engine, director, False)
    with pytest.raises(SubscriptionError):
        set_weekly_digest(engine, Actor("bezadresu", "lead", frozenset({1})), True)

    first = queue_weekly_digests(engine, ADMIN, BASE, now=at(TODAY))
    assert queue_weekly_digests(engine, ADMIN, BASE, now=at(TODAY, 9)) == []  # same week
    assert len(first) == 1
    next_week = queue_weekly_digests(engine, ADMIN, BASE, now=at(TODAY + timedelta(days=7)))
    assert len(next_week) == 1
    deliver_pending(engine, settings_for(smtp_server))
    assert [m["To"] for m in smtp_server.inbox.messages] == [LEADS[1], LEADS[1]]
    assert all(m.iter_attachments() for m in smtp_server.inbox.messages)


SECRET_NAME = "Zenobia Qwertyńska-Unikatowa"
SECRET_EMAIL = "zenobia.qwerty.7731@mieszkancy.example"
RESIDENT_NAME = "Teofil Asdfgowski-Jedyny"
RESIDENT_EMAIL = "teofil.asdfg.9902@mieszkancy.example"


def _resident_data(engine, today: date) -> None:
    """A participant who authored a proposal that moved this week, and a resident who
    signed up for the Congress — both with names and e-mails found nowhere else."""
    with write_session(engine) as session:
        session.execute(
            insert(Participant).values(
                id=99, full_name=SECRET_NAME, email=SECRET_EMAIL, category="resident"
            )
        )
        event_id = session.execute(
            insert(Event)
            .values(
                name="III Kongres", edition=3, starts_on=today + timedelta(days=20),
                ends_on=today + timedelta(days=21), registration_open=True,
            )
            .returning(Event.id)
        ).scalar_one()  # fmt: skip
        workshop = session.execute(
            insert(EventSession)
            .values(event_id=event_id, day=2, kind="workshop", title="Warsztat", capacity=30)
            .returning(EventSession.id)
        ).scalar_one()
    form = RegistrationForm(
        edition=3, full_name=RESIDENT_NAME, email=RESIDENT_EMAIL, district_number=1,
        age_group="25-34", category="resident", day1=False, day2=True,
        workshop_id=workshop, consent=True,
    )  # fmt: skip
    assert register(engine, form, today=today).stored
    proposal = add_proposal(
        engine, "Ławki w parku", author_id=99, district_id=1, created_at=at(today, 0)
    )
    change_status(engine, lead_actor(1), proposal, "in_review", None, expected_version=1)


def test_staff_mail_carries_no_residents_personal_data(staff):
    engine = staff
    moment = now()  # the status change below is recorded at the real time
    today = moment.date()
    _resident_data(engine, today)
    milestones.add_milestone(engine, lead_actor(1), 1, "Kamień", today + timedelta(days=3))
    check_milestones(engine, ADMIN, BASE, now=moment - timedelta(days=30))
    set_weekly_digest(engine, lead_actor(1), True)
    queue_digest(engine, ADMIN, ["a@urzad.example", "b@urzad.example"], BASE, now=moment)
    queue_weekly_digests(engine, ADMIN, BASE, now=moment)
    check_milestones(engine, ADMIN, BASE, now=moment)

    with engine.connect() as connection:
        everything = connection.execute(select(OutboxMessage)).all()
        attachments = connection.execute(select(OutboxAttachment.content)).scalars().all()
    # The resident's own confirmation goes to the resident alone; the rest is staff mail.
    assert [m.recipient for m in everything if m.kind.startswith("signup.")] == [RESIDENT_EMAIL]
    messages = [m for m in everything if not m.kind.startswith("signup.")]
    assert {m.kind for m in messages} == {"digest", "digest_weekly", "milestone_alert"}
    assert all("Ławki w parku" in m.body_text for m in messages if m.kind.startswith("digest"))
    deck = repr(collect_deck(engine, since=moment.date() - timedelta(days=14), now=moment))
    secrets = (SECRET_NAME, SECRET_EMAIL, RESIDENT_NAME, RESIDENT_EMAIL, "Qwerty", "Asdfg")
    for secret in secrets:
        for message in messages:
            shown = " ".join(
                str(part)
                for part in (
                    message.recipient,
                    message.subject,
                    message.body_text,
                    message.body_html,
                )
            )
            assert secret.lower() not in shown.lower(), (message.kind, secret)
        assert all(secret.encode() not in content for content in attachments)
        assert secret not in deck
    assert len({m.recipient for m in messages if m.kind == "digest"}) == 2
