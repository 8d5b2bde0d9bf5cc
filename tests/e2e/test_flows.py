"""Whole journeys in real Chromium: shared links, public registration, projector fit."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from dashboard.i18n import count_label, format_int, t
from dashboard.queries.registration import open_edition
from db.engine import make_engine
from db.models import Event, EventSession, Proposal, Signup, SignupSession
from harness.chromium import (
    exception_texts,
    register_on_zapisy,
    settle,
    shows_sign_in_form,
    sign_in,
)

FILTERED_VIEW = "propozycje?status=accepted"


def accepted_count_text(database_url: str) -> str:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        accepted = connection.execute(
            select(func.count()).select_from(Proposal).where(Proposal.status == "accepted")
        ).scalar_one()
    engine.dispose()
    return count_label(accepted, "noun.proposal", "pl")


def assert_filtered_view(page, expected_text: str) -> None:
    assert exception_texts(page) == []
    assert "/propozycje" in page.url and "status=accepted" in page.url, page.url
    page.get_by_text(expected_text).first.wait_for(state="visible", timeout=30_000)


def test_filtered_view_opens_from_its_url_in_a_new_tab(page_as, panel, e2e_database_url):
    expected = accepted_count_text(e2e_database_url)
    first_tab = page_as("lider")
    second_tab = first_tab.context.new_page()  # same browser, same sign-in cookie
    second_tab.goto(f"{panel.url}/{FILTERED_VIEW}")
    settle(second_tab)
    assert not shows_sign_in_form(second_tab)
    assert_filtered_view(second_tab, expected)


def test_filtered_view_survives_signing_in(new_context, panel, e2e_database_url):
    expected = accepted_count_text(e2e_database_url)
    page = new_context().new_page()
    page.goto(f"{panel.url}/{FILTERED_VIEW}")
    settle(page)
    sign_in(page, "dyrektor")
    assert_filtered_view(page, expected)


def registered_count(database_url: str, edition: int) -> int:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        count = connection.execute(
            select(func.count())
            .select_from(Signup)
            .join(Event, Event.id == Signup.event_id)
            .where(Event.edition == edition, Signup.status == "registered")
        ).scalar_one()
    engine.dispose()
    return count


def workshop_with_room(database_url: str, session_ids: list[int]) -> str:
    """The title of a day-2 workshop with a free seat (other tests may fill some up)."""
    engine = make_engine(database_url)
    taken = (
        select(func.count())
        .select_from(SignupSession)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(SignupSession.session_id == EventSession.id, Signup.status == "registered")
        .scalar_subquery()
    )
    with engine.connect() as connection:
        title = connection.execute(
            select(EventSession.title)
            .where(EventSession.id.in_(session_ids))
            .where((EventSession.capacity.is_(None)) | (EventSession.capacity > taken))
            .order_by(EventSession.id)
            .limit(1)
        ).scalar_one()
    engine.dispose()
    return title


def test_resident_registers_and_is_counted_on_kongres(
    new_context, page_as, panel, e2e_database_url
):
    engine = make_engine(e2e_database_url)
    opened = open_edition(engine)
    engine.dispose()
    edition = opened.edition
    workshop = workshop_with_room(e2e_database_url, [row[0] for row in opened.workshops])
    before = registered_count(e2e_database_url, edition)
    email = f"mieszkanka-{uuid.uuid4().hex[:8]}@example.org"

    resident = new_context().new_page()
    register_on_zapisy(resident, panel.url, "Zofia Żółkiewska-Łęcka", email, workshop=workshop)
    assert exception_texts(resident) == []
    resident.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=30_000)

    engine = make_engine(e2e_database_url)
    with engine.connect() as connection:
        stored = connection.execute(
            select(Signup.full_name, Signup.status).where(Signup.email == email)
        ).one()
    engine.dispose()
    assert stored.full_name == "Zofia Żółkiewska-Łęcka"
    after = registered_count(e2e_database_url, edition)
    assert after == before + (stored.status == "registered")

    organiser = page_as("dyrektor")
    organiser.goto(f"{panel.url}/kongres?edition={edition}")
    settle(organiser)
    assert exception_texts(organiser) == []
    metric = organiser.locator('[data-testid="stMetric"]').filter(
        has_text=t("signup_status.registered", "pl")
    )
    value = metric.first.locator('[data-testid="stMetricValue"]').inner_text()
    assert value.strip() in {str(after), format_int(after)}, value


def test_presentation_fits_a_projector_without_scrolling(page_as, panel):
    page = page_as("dyrektor", viewport={"width": 1280, "height": 720})
    page.goto(f"{panel.url}/prezentacja")
    settle(page)
    assert exception_texts(page) == []
    page.locator(
        '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
    ).first.wait_for(state="visible", timeout=30_000)
    settle(page)
    overflow = page.evaluate(
        """() => {
          const result = {document: document.scrollingElement.scrollHeight - window.innerHeight};
          for (const id of ['stMain', 'stAppViewContainer', 'stMainBlockContainer']) {
            const element = document.querySelector(`[data-testid="${id}"]`);
            if (element) result[id] = element.scrollHeight - element.clientHeight;
          }
          return result;
        }"""
    )
    page.screenshot(path=str(_artifact("prezentacja-1280x720.png")))
    assert all(excess <= 1 for excess in overflow.values()), f"scrolls by {overflow} px"


def _artifact(name: str):
    from tests.e2e.test_pages import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
