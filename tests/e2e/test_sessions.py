"""Sessions end when they should, and tables offer no export of their own, in real Chromium.

A thief copies the sign-in cookie from a signed-in browser into a fresh one. The copy
works while the session lives, and is refused once the person signs out, or once an
admin sets a new password — the panel checks the session in the database on every run.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from dashboard.core.permissions import Actor
from dashboard.core.settings import Settings
from dashboard.services import users
from db.engine import make_engine
from harness.chromium import SIGN_IN_PASSWORD, STAFF_MENU_LINK, needs_sign_in, settle, sign_in

ADMIN = Actor("admin", "admin")
PASSWORD = "haslo-do-testu-sesji"
_numbers = itertools.count(1)


@pytest.fixture
def account(e2e_database_url):
    """A member account of its own, so the demo users' saved sign-ins stay untouched."""
    username = f"sesja{next(_numbers)}"
    engine = make_engine(e2e_database_url)
    users.add_user(engine, ADMIN, users.NewUser(username, "Osoba Testowa", PASSWORD, "member"))
    yield engine, username
    engine.dispose()


def _signed_in_cookies(new_context, panel, username: str):
    context = new_context()
    page = context.new_page()
    page.goto(panel.url)
    settle(page)
    sign_in(page, username, PASSWORD)
    cookies = [c for c in context.cookies() if c["name"] == Settings.cookie_name]
    assert len(cookies) == 1 and cookies[0]["value"]
    return page, cookies


def _opens_with(new_context, panel, cookies):
    """A fresh browser holding only the copied cookie: True when it is let in."""
    context = new_context()
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto(f"{panel.url}/propozycje")
    settle(page)
    return not needs_sign_in(page)


def test_a_copied_cookie_is_refused_after_sign_out(new_context, panel, account):
    _engine, username = account
    page, cookies = _signed_in_cookies(new_context, panel, username)
    assert _opens_with(new_context, panel, cookies), "the copy should work before sign-out"
    page.get_by_role("button", name="Wyloguj się").click()
    expect(page.locator(SIGN_IN_PASSWORD)).to_be_visible()
    expect(page.get_by_text("Wylogowano.")).to_be_visible()
    assert not _opens_with(new_context, panel, cookies)
    page.reload()
    settle(page)
    assert needs_sign_in(page)


def test_a_copied_cookie_is_refused_after_a_password_change(new_context, panel, account):
    engine, username = account
    page, cookies = _signed_in_cookies(new_context, panel, username)
    assert _opens_with(new_context, panel, cookies)
    users.set_password(engine, ADMIN, username, "zupelnie-nowe-haslo")
    assert not _opens_with(new_context, panel, cookies)
    # The tab that was signed in is refused on its next run too, and told why.
    page.locator(STAFF_MENU_LINK).click()
    expect(page.locator(SIGN_IN_PASSWORD)).to_be_visible()
    expect(page.get_by_text("Sesja została zakończona")).to_be_visible()


TABLE_PAGES = ("", "propozycje", "zespol", "admin")


def test_no_table_offers_its_own_download_or_copy(page_as, panel):
    page = page_as("admin")
    checked = 0
    for url_path in TABLE_PAGES:
        page.goto(f"{panel.url}/{url_path}")
        settle(page)
        tables = page.locator('[data-testid="stDataFrame"]')
        tables.first.wait_for(state="visible")  # widgets load lazily on a busy machine
        for table in tables.all():
            if not table.is_visible():  # e.g. in a tab that is not open
                continue
            table.scroll_into_view_if_needed()
            table.hover()
            element = table.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]")
            toolbar = element.locator('[data-testid="stElementToolbar"]')
            buttons = toolbar.locator('[data-testid="stElementToolbarButton"] button')
            expect(buttons.first).to_be_visible()  # the toolbar is there: search, fullscreen
            labels = [
                (button.get_attribute("aria-label") or button.inner_text()).lower()
                for button in buttons.all()
            ]
            assert labels, f"/{url_path}: no toolbar found"
            offending = [label for label in labels if "download" in label or "copy" in label]
            assert not offending, f"/{url_path}: the table toolbar offers {offending}"
            checked += 1
            page.mouse.move(0, 0)
    assert checked >= len(TABLE_PAGES), f"only {checked} tables checked"
