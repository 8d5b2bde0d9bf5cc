"""WCAG 2.1 AA in real Chromium: axe-core on every page in the navigation, for every role.

The pages come from ``dashboard.core.navigation.pages_for``, so a page added to the
navigation is checked without touching this file. Any serious or critical finding fails.
Keyboard-only use of the sign-in and registration forms is checked here too.
"""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from dashboard.core.navigation import pages_for
from dashboard.i18n import t
from db.engine import make_engine
from db.models import Signup
from harness.axe import audit, require_axe_or_skip, serious
from harness.chromium import DEMO_PASSWORD, SIGN_IN_PASSWORD, settle, shows_sign_in_form
from tests.e2e.test_pages import (
    DEFAULT_PAGE,
    ROLES,
    assert_page_drawn,
    menu_pages,
    open_page,
    role_default,
)

VISITOR = None


@pytest.fixture(autouse=True)
def _axe_installed():
    require_axe_or_skip()


def _report(failures: dict[str, list]) -> str:
    lines = []
    for where, findings in failures.items():
        lines.append(f"{where}:")
        lines.extend(f"  {finding}" for finding in findings)
    return "\n".join(lines)


@pytest.mark.parametrize("username", [*ROLES, VISITOR], ids=[*ROLES, "visitor"])
def test_every_page_of_every_role_has_no_serious_axe_finding(username, page_as, new_context, panel):
    if username is VISITOR:
        page = new_context().new_page()
        allowed = [spec.url_path for spec in pages_for(None)]
    else:
        page = page_as(username)
        allowed = menu_pages(ROLES[username])
    failures = {}
    for url_path in allowed:
        if username is VISITOR:
            page.goto(f"{panel.url}/{url_path}")
            settle(page)
        else:
            open_page(page, panel.url, url_path, role_default(ROLES[username]))
            assert_page_drawn(page, url_path)
        found = serious(audit(page))
        if found:
            failures[f"/{url_path} as {username or 'visitor'}"] = found
    if username is VISITOR:
        # The staff address a visitor reaches first: the sign-in form.
        page.goto(f"{panel.url}/{DEFAULT_PAGE}")
        settle(page)
        page.wait_for_selector(SIGN_IN_PASSWORD)
        found = serious(audit(page))
        if found:
            failures["/ (sign-in) as visitor"] = found
    assert not failures, "axe-core, serious or critical:\n" + _report(failures)


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_sign_in_works_with_the_keyboard_alone(new_context, panel):
    page = new_context().new_page()
    page.goto(f"{panel.url}/{DEFAULT_PAGE}")
    settle(page)
    page.wait_for_selector(SIGN_IN_PASSWORD)
    _tab_to(page, 'input[type="text"], input:not([type])')
    page.keyboard.type("dyrektor")
    page.keyboard.press("Tab")
    assert page.evaluate("(s) => document.activeElement.matches(s)", SIGN_IN_PASSWORD)
    page.keyboard.type(DEMO_PASSWORD)
    # Streamlit's hint under a typed-in field is English only; it must not show.
    hint = page.locator('[data-testid="InputInstructions"]').first
    expect(hint).to_be_attached()
    expect(hint).to_be_hidden()
    assert "Press Enter" not in page.inner_text("body")
    page.keyboard.press("Enter")  # Enter in the password field signs in
    page.wait_for_selector(SIGN_IN_PASSWORD, state="detached", timeout=30_000)
    settle(page)
    assert not shows_sign_in_form(page)


def _tab_and_type(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    for _ in range(80):
        page.keyboard.press("Tab")
        if field.evaluate("(el) => el === document.activeElement"):
            page.keyboard.type(text)
            return
    raise AssertionError(f"Tab never reached the field {label!r}")


def _tab_and_choose(page, label: str, typed: str) -> None:
    """A Streamlit selectbox from the keyboard: Tab to it, type, Enter picks the match."""
    field = page.get_by_label(label, exact=True)
    for _ in range(80):
        page.keyboard.press("Tab")
        if field.evaluate("(el) => el === document.activeElement"):
            if typed:
                page.keyboard.type(typed)
            else:
                page.keyboard.press("ArrowDown")  # opens the list on its first option
            page.locator('[role="option"]').first.wait_for()
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached the list {label!r}")


def _tab_and_tick(page, label_start: str) -> None:
    box = page.locator('[data-testid="stCheckbox"]').filter(has_text=label_start).first
    field = box.locator("input")
    for _ in range(80):
        page.keyboard.press("Tab")
        if field.evaluate("(el) => el === document.activeElement"):
            page.keyboard.press("Space")
            return
    raise AssertionError(f"Tab never reached the box {label_start!r}")


def test_registration_works_with_the_keyboard_alone(new_context, panel, e2e_database_url):
    def tr(key: str) -> str:
        return t(key, "pl")

    page = new_context().new_page()
    page.goto(f"{panel.url}/zapisy")
    settle(page)
    email = f"klawiatura-{uuid.uuid4().hex[:8]}@example.org"
    _tab_and_type(page, tr("congress.signup.name"), "Ala Klawiaturowa")
    _tab_and_type(page, tr("congress.signup.email"), email)
    _tab_and_choose(page, tr("common.district"), "1.")
    _tab_and_choose(page, tr("congress.age_group"), "35-44")
    _tab_and_choose(page, tr("congress.signup.category"), tr("category.resident"))
    boxes = page.locator('[data-testid="stForm"] [data-testid="stCheckbox"]')
    for index in (0, 1):  # both days
        _tab_and_tick(page, boxes.nth(index).inner_text().strip()[:20])
    _tab_and_choose(page, tr("congress.signup.workshop"), "")
    _tab_and_tick(page, tr("congress.signup.consent")[:40])
    _tab_to(page, '[data-testid="stFormSubmitButton"] button')
    page.keyboard.press("Enter")
    settle(page)
    page.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=30_000)
    engine = make_engine(e2e_database_url)
    with engine.connect() as connection:
        stored = connection.execute(select(Signup.full_name).where(Signup.email == email)).all()
    engine.dispose()
    assert [row.full_name for row in stored] == ["Ala Klawiaturowa"]
