"""Debian's Chromium driven by Playwright, and what a person does in it: sign in, fill forms,
wait until Streamlit has finished running the script."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "demo"
# How long one page may take to run; raise it on a slow or busy machine.
SCRIPT_TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "60000"))


_SETTLED_JS = """
(quietMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const now = performance.now();
  // Between connecting and the first run the state is idle too: wait for content.
  const drawn = document.querySelector(
    '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
  const idle = app && drawn
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED';
  if (!idle) { window.__panelBusyAt = now; return false; }
  return now - window.__panelBusyAt >= quietMs;
}
"""


SIGN_IN_PASSWORD = 'input[type="password"][autocomplete="current-password"]'


STAFF_MENU_LINK = '[data-testid="stSidebarNav"] a[href$="/propozycje"]'


def browser_unavailable_reason() -> str | None:
    if not CHROMIUM_PATH.exists():
        return f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    return None


def skip_unless_required(reason: str, required_by: str) -> None:
    """Skip for a missing tool, or fail when CI says it must be there (``required_by``
    names the environment variable, e.g. REQUIRE_BROWSER)."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{required_by}=1 but {reason}")
    pytest.skip(reason)


def require_browser_or_skip() -> None:
    reason = browser_unavailable_reason()
    if reason is not None:
        skip_unless_required(reason, "REQUIRE_BROWSER")


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
    )


def settle(page, quiet_ms: int = 800, timeout_ms: int = SCRIPT_TIMEOUT_MS) -> None:
    """Wait until the script has finished and stayed idle for ``quiet_ms``.

    Components (the sign-in cookie reader) trigger a second run a moment after
    the first one, so "idle once" is not enough.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.evaluate("window.__panelBusyAt = performance.now()")
    page.wait_for_function(_SETTLED_JS, arg=quiet_ms, timeout=timeout_ms, polling=100)


def sign_in_form(page):
    return page.locator('[data-testid="stForm"]').filter(has=page.locator(SIGN_IN_PASSWORD))


def shows_sign_in_form(page) -> bool:
    return page.locator(SIGN_IN_PASSWORD).count() > 0


def needs_sign_in(page) -> bool:
    """After a load: True when the sign-in form shows, False once the staff menu does."""
    page.wait_for_selector(f"{SIGN_IN_PASSWORD}, {STAFF_MENU_LINK}", timeout=SCRIPT_TIMEOUT_MS)
    return shows_sign_in_form(page)


def sign_in(page, username: str, password: str = DEMO_PASSWORD, attempts: int = 3) -> None:
    """Fill the sign-in form shown on the current page and submit it.

    A click that lands while the first runs are still wiring the form up can be
    lost, so the form is sent again when it is still there after a while.
    """
    for attempt in range(1, attempts + 1):
        form = sign_in_form(page)
        form.wait_for(timeout=SCRIPT_TIMEOUT_MS)
        form.locator('input[type="text"]').first.fill(username)
        form.locator(SIGN_IN_PASSWORD).fill(password)
        page.wait_for_timeout(300)
        form.locator('[data-testid="stFormSubmitButton"] button').click()
        try:
            page.wait_for_selector(SIGN_IN_PASSWORD, state="detached", timeout=15_000)
            break
        except Exception:
            if attempt == attempts:
                raise
            settle(page)
    settle(page)
    wait_for_sign_in_cookie(page)


def wait_for_sign_in_cookie(page, timeout_s: float = 20) -> None:
    """The remember-me cookie is written by a component a moment after signing in;
    a new tab opened before that would find the visitor signed out."""
    from dashboard.core.settings import Settings

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(cookie["name"] == Settings.cookie_name for cookie in page.context.cookies()):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"no {Settings.cookie_name} cookie {timeout_s} s after signing in")


def exception_texts(page) -> list[str]:
    return page.locator('[data-testid="stException"]').all_inner_texts()


def choose(page, container, label: str, option_text: str | None = None) -> None:
    """Pick an option of the Streamlit selectbox labelled ``label`` (the first one if no text)."""
    box = container.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    field = box.locator('input, [role="combobox"]').first
    field.click()
    options = page.locator('[role="option"]')
    if option_text is not None:
        # The option list is virtualised: type to bring a far option into view.
        page.keyboard.type(option_text)
        options = options.filter(has_text=option_text)
    options.first.click()


def tick(container, label: str) -> None:
    box = container.locator('[data-testid="stCheckbox"]').filter(has_text=label).first
    box.locator("label").first.click()


def register_on_zapisy(
    page, base_url: str, full_name: str, email: str, days=(1, 2), workshop: str | None = None
) -> None:
    """Fill and send the public Congress form as a resident: ``days`` ticked, on day 2 the
    workshop whose title starts with ``workshop`` (the first one when None)."""
    from dashboard.i18n import t

    def tr(key: str) -> str:
        return t(key, "pl")

    page.goto(f"{base_url}/zapisy")
    settle(page)
    form = page.locator('[data-testid="stForm"]').filter(has_text=tr("congress.signup.email"))
    page.get_by_label(tr("congress.signup.name"), exact=True).fill(full_name)
    page.get_by_label(tr("congress.signup.email"), exact=True).fill(email)
    choose(page, form, tr("common.district"), "1.")
    choose(page, form, tr("congress.age_group"), "35-44")
    choose(page, form, tr("congress.signup.category"), tr("category.resident"))
    checkboxes = form.locator('[data-testid="stCheckbox"]')
    for day in days:
        checkboxes.nth(day - 1).locator("label").first.click()
    if 2 in days:
        choose(page, form, tr("congress.signup.workshop"), workshop)
    tick(form, tr("congress.signup.consent")[:40])
    form.locator('[data-testid="stFormSubmitButton"] button').click()
    settle(page)
