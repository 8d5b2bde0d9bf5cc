"""/kongres, /zapisy and the Congress section of /admin under Streamlit's AppTest."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.services.registration import set_registration_window
from dashboard.ui.congress import SECTIONS
from dashboard.ui.sections import SECTION_PARAM
from dashboard.web import state
from db.engine import now
from db.models import Signup, SignupSession
from harness.apptest import ADMIN, DIRECTOR, assert_no_exception, chart_specs, page_test
from tests.support.congress import build_congress


@pytest.fixture
def upcoming(sqlite_engine: Engine) -> Iterator[tuple[str, Engine, dict[str, int]]]:
    ids = build_congress(sqlite_engine, upcoming_start=now().date() + timedelta(days=30))
    yield str(sqlite_engine.url), sqlite_engine, ids


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_kongres_renders_every_section_for_a_director(demo_url, lang):
    titles, tables = [], 0
    for key in SECTIONS:
        params = {SECTION_PARAM: t(key, lang)}
        at = page_test(
            "pages/kongres.py", demo_url, actor=DIRECTOR, lang=lang, query_params=params
        ).run()
        assert_no_exception(at)
        titles += [spec.get("title", {}).get("text") for spec in chart_specs(at)]
        tables += len(at.dataframe)
    expected = "Zapełnienie warsztatów" if lang == "pl" else "Workshop fill rate"
    assert expected in titles
    assert len(titles) >= 9  # editions, days, fill, cumulative, comparison, 3 × who, attendance
    assert tables >= 6


def test_kongres_runs_only_the_open_section(demo_url):
    at = page_test("pages/kongres.py", demo_url, actor=DIRECTOR).run()
    assert_no_exception(at)
    first = [spec.get("title", {}).get("text") for spec in chart_specs(at)]
    assert "Zapełnienie warsztatów" not in first  # the second tab's chart is not built
    params = {SECTION_PARAM: t(SECTIONS[1], "pl")}
    at = page_test("pages/kongres.py", demo_url, actor=DIRECTOR, query_params=params).run()
    second = [spec.get("title", {}).get("text") for spec in chart_specs(at)]
    assert "Zapełnienie warsztatów" in second
    assert not set(first) & set(second)


def test_kongres_filters_come_from_and_go_to_the_url(demo_url):
    params = {"edition": "2024", "day": "2", "category": "ngo"}
    at = page_test("pages/kongres.py", demo_url, actor=DIRECTOR, query_params=params).run()
    assert_no_exception(at)
    assert at.selectbox(key="kongres_edition").value == 2024
    assert at.selectbox(key="kongres_day").value == 2
    assert at.selectbox(key="kongres_category").value == "ngo"
    at.selectbox(key="kongres_category").set_value(None).run()
    assert "category" not in at.query_params
    assert at.query_params["edition"] == "2024"


def test_kongres_needs_a_signed_in_person(demo_url):
    at = page_test("pages/kongres.py", demo_url).run()
    assert_no_exception(at)
    assert not at.title


def fill_form(at: AppTest, ids: dict[str, int], email: str, workshop: str) -> AppTest:
    at.text_input(key="zapisy_name").input("Zofia Wiśniewska")
    at.text_input(key="zapisy_email").input(email)
    at.selectbox(key="zapisy_district").set_value(2)
    at.selectbox(key="zapisy_age").set_value("55-64")
    at.selectbox(key="zapisy_category").set_value("seniors_council")
    at.checkbox(key="zapisy_day1").check()
    at.checkbox(key="zapisy_day2").check()
    at.selectbox(key="zapisy_workshop").set_value(ids[workshop])
    at.checkbox(key="zapisy_consent").check()
    return at


def submit(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.proto.is_form_submitter).click().run()


def stored_signups(engine: Engine, email: str) -> list:
    with engine.connect() as connection:
        return connection.execute(
            select(Signup.id, Signup.full_name, Signup.status, Signup.category).where(
                Signup.email == email
            )
        ).all()


def test_zapisy_registration_is_stored_and_confirmed(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    assert_no_exception(at)
    at = submit(fill_form(at, ids, "Zofia@Example.org", "W_BIG"))
    assert_no_exception(at)
    rows = stored_signups(engine, "zofia@example.org")
    assert [(r.full_name, r.status, r.category) for r in rows] == [
        ("Zofia Wiśniewska", "registered", "seniors_council")
    ]
    assert at.success and "Sprawdź skrzynkę" in at.success[0].value
    assert "zofia@example.org" in at.success[0].value
    assert not at.dataframe  # no staff-table chrome in the confirmation
    with engine.connect() as connection:
        sessions = set(
            connection.scalars(
                select(SignupSession.session_id).where(SignupSession.signup_id == rows[0].id)
            )
        )
    assert sessions == {ids["P3"], ids["W_BIG"]}


def test_zapisy_shows_field_errors_and_keeps_input(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    fill_form(at, ids, "zle@", "W_BIG")
    at.checkbox(key="zapisy_consent").uncheck()
    at = submit(at)
    assert_no_exception(at)
    message = at.error[0].value
    assert "To nie wygląda na adres e-mail" in message and "Bez zgody" in message
    assert at.text_input(key="zapisy_name").value == "Zofia Wiśniewska"
    assert stored_signups(engine, "zle@") == []


def test_zapisy_repeated_email_gets_the_same_reply_and_changes_nothing(upcoming):
    url, engine, ids = upcoming
    first = submit(
        fill_form(page_test("pages/zapisy.py", url).run(), ids, "ola@example.org", "W_BIG")
    )
    before = stored_signups(engine, "ola@example.org")
    again = page_test("pages/zapisy.py", url).run()
    fill_form(again, ids, "OLA@example.org", "W_TEN")
    again.text_input(key="zapisy_name").input("Ktoś Zupełnie Inny")
    again = submit(again)
    assert_no_exception(again)
    assert [m.value for m in again.success] == [m.value for m in first.success]
    assert stored_signups(engine, "ola@example.org") == before


def test_zapisy_errors_stand_at_their_fields(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    fill_form(at, ids, "ola@example.org", "W_BIG")
    at.text_input(key="zapisy_name").input("Ż" * 5000)
    at = submit(at)
    assert_no_exception(at)
    too_long = "Imię i nazwisko może mieć najwyżej 200 znaków."
    errors = [element.value for element in at.error]
    assert errors.count(too_long) == 1 and any(too_long in text for text in errors[:1])
    assert len(at.text_input(key="zapisy_name").value) == 5000  # nothing cut or emptied
    assert stored_signups(engine, "ola@example.org") == []


def test_zapisy_a_burst_of_submissions_is_slowed_down(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    for number in range(3):
        fill_form(at, ids, f"seria{number}@example.org", "W_BIG")
        at = submit(at)
        if at.button(key="zapisy_another"):
            at = at.button(key="zapisy_another").click().run()
    fill_form(at, ids, "seria3@example.org", "W_BIG")
    at = submit(at)
    assert any("zbyt wiele" in element.value.lower() for element in at.error)
    assert stored_signups(engine, "seria3@example.org") == []
    assert at.text_input(key="zapisy_email").value == "seria3@example.org"


def test_zapisy_full_workshop_offers_waitlist(upcoming):
    url, engine, ids = upcoming
    for number in range(2):
        at = page_test("pages/zapisy.py", url).run()
        submit(fill_form(at, ids, f"osoba{number}@example.org", "W_SMALL"))
    at = page_test("pages/zapisy.py", url).run()
    at = submit(fill_form(at, ids, "trzecia@example.org", "W_SMALL"))
    assert_no_exception(at)
    assert at.warning and "komplet" in at.warning[0].value
    assert stored_signups(engine, "trzecia@example.org") == []
    accept = next(b for b in at.button if "rezerwow" in b.label)
    at = accept.click().run()
    assert_no_exception(at)
    assert [r.status for r in stored_signups(engine, "trzecia@example.org")] == ["waitlisted"]


def test_zapisy_honeypot_and_closed_form(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    fill_form(at, ids, "bot@example.org", "W_BIG")
    at.text_input(key="zapisy_website").input("http://spam.example")
    at = submit(at)
    assert at.success  # looks like success…
    assert stored_signups(engine, "bot@example.org") == []  # …but nothing is stored
    set_registration_window(engine, ADMIN, 3, False, None)
    closed = page_test("pages/zapisy.py", url, lang="en").run()
    assert_no_exception(closed)
    assert "closed" in closed.warning[0].value
    assert not closed.text_input


def _admin_section() -> None:
    from dashboard.ui.admin.congress import render
    from harness.apptest import ADMIN

    render(ADMIN)


def test_admin_section_checks_people_in(upcoming):
    url, engine, ids = upcoming
    at = AppTest.from_function(_admin_section, default_timeout=30)
    at.secrets["database_url"] = url
    at.session_state[state.LANGUAGE.key] = "pl"
    at.run()
    assert_no_exception(at)
    at.selectbox(key="admin_congress_edition").set_value(2).run()
    at.text_input(key="admin_congress_search").input("osoba s3").run()
    assert_no_exception(at)
    toggle = at.toggle(key=f"admin_congress_attended_{ids['s3']}")
    assert toggle.value is False
    toggle.set_value(True).run()
    assert_no_exception(at)
    with engine.connect() as connection:
        attended = connection.scalar(select(Signup.attended).where(Signup.id == ids["s3"]))
    assert attended is True
    assert [m.value for m in at.metric][:2] == ["6", "5"]
    at.checkbox(key="admin_congress_anonymise_ok_2").check().run()
    at.button(key="admin_congress_anonymise_2").click().run()
    assert_no_exception(at)
    assert "Zanonimizowano zapisów: 8." in [s.value for s in at.success]
    assert at.dataframe[0].value["email"].isna().all()


def test_zapisy_locked_database_asks_to_retry_and_keeps_input(upcoming):
    url, engine, ids = upcoming
    at = page_test("pages/zapisy.py", url).run()
    fill_form(at, ids, "cierpliwa@example.org", "W_BIG")
    blocker = sqlite3.connect(engine.url.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock past busy_timeout
    try:
        at = submit(at)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert_no_exception(at)
    assert "spróbuj ponownie" in at.error[0].value
    assert at.text_input(key="zapisy_email").value == "cierpliwa@example.org"
    assert stored_signups(engine, "cierpliwa@example.org") == []
    at = submit(at)
    assert [r.status for r in stored_signups(engine, "cierpliwa@example.org")] == ["registered"]
