"""Real-browser fixtures: one demo database, one panel process and one Chromium per session.

Every test here is marked ``browser``. Without Chromium (or Playwright) the tests
skip with the reason, unless ``REQUIRE_BROWSER=1`` (set by ``.ci/run``), when they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.core.settings import PROJECT_ROOT
from db.engine import make_engine
from db.migrate import upgrade
from harness.chromium import needs_sign_in, settle, sign_in
from harness.server import PanelServer, ensure_open_congress

VIEWPORT = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.browser)


ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "e2e"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture(scope="session")
def e2e_database_url(playwright_browser, tmp_path_factory) -> str:
    """A demo database seeded for the real today (the Congress form must be open)."""
    from db.demo import seed_demo

    path = tmp_path_factory.mktemp("e2e") / "panel.sqlite"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    seed_demo(engine, scale=1, seed=2035)
    ensure_open_congress(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def panel(e2e_database_url, tmp_path_factory) -> Iterator[PanelServer]:
    log = tmp_path_factory.mktemp("e2e-log") / "streamlit.log"
    server = PanelServer(e2e_database_url, log).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def signed_in_states(panel, playwright_browser) -> dict[str, dict]:
    """Browser storage (the sign-in cookie) per demo user, signed in once per session."""
    return {}


@pytest.fixture
def new_context(playwright_browser, request):
    """A fresh browser context (no cookies) factory; every context is closed afterwards.

    When the test fails, every open tab is saved as a screenshot under test-artifacts/e2e/.
    """
    contexts = []

    def make(**options):
        options.setdefault("viewport", VIEWPORT)
        options.setdefault("locale", "pl-PL")
        options.setdefault("timezone_id", "Europe/Warsaw")
        context = playwright_browser.new_context(**options)
        context.set_default_timeout(60_000)
        contexts.append(context)
        return context

    yield make
    if getattr(request.node, "e2e_failed", False):
        save_failure_screenshots(request.node.name, contexts)
    for context in contexts:
        context.close()


def save_failure_screenshots(test_name: str, contexts) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tabs = [page for context in contexts for page in context.pages]
    for number, page in enumerate(tabs, start=1):
        try:
            page.screenshot(path=str(ARTIFACTS / f"{test_name}-{number}.png"), full_page=True)
        except Exception:  # a crashed tab: nothing to save
            pass


@pytest.fixture
def page_as(panel, new_context, signed_in_states):
    """``page_as("lider")``: a page in a context signed in as that demo user, at the default page."""

    def open_as(username: str, **options):
        state = signed_in_states.get(username)
        context = new_context(storage_state=state, **options) if state else new_context(**options)
        page = context.new_page()
        page.goto(panel.url)
        settle(page)
        if needs_sign_in(page):
            sign_in(page, username)
            signed_in_states[username] = context.storage_state()
        return page

    return open_as
