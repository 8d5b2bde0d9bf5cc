"""Every demo role signs in and opens every page it may open, in real Chromium.

A page passes when Streamlit raised no exception and what it must draw is drawn:
Vega charts rendered (canvas or svg inside vega-embed), data grids, forms, tabs.
The admin's tour also saves screenshots: into test-artifacts/screenshots/ (git-ignored), or,
under ``make screenshots`` (``SCREENSHOTS_DIR=docs/screenshots``), the README's own.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from dashboard.core.navigation import PAGES, pages_for
from harness.chromium import exception_texts, settle, shows_sign_in_form
from harness.server import ROOT

SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "test-artifacts" / "screenshots")
MAX_SCREENSHOT_BYTES = 250_000
ROLES = {"admin": "admin", "dyrektor": "director", "lider": "lead", "czlonek": "member"}
# What each page must show once it has run (selectors that prove the drawing happened).
CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
TABLE = '[data-testid="stDataFrame"], [data-testid="stTable"]'
FORM = '[data-testid="stForm"]'
TABS = '[data-testid="stTab"]'
MUST_DRAW = {
    "postepy": (CHART, TABLE),
    "propozycje": (TABLE,),
    "kongres": (CHART,),
    "zespol": (CHART, TABLE),
    "prezentacja": (CHART,),
    "zapisy": (FORM,),
    "wyniki": (CHART,),
    "ustawienia": (FORM,),
    "admin": (TABS,),
    "kolejka": (TABLE,),
}


DEFAULT_PAGE = next(spec.url_path for spec in PAGES if spec.default)


def role_default(role: str) -> str:
    return next(spec.url_path for spec in pages_for(role) if spec.default)


def menu_pages(role: str) -> list[str]:
    """The role's pages in the menu (the personal manage link's page is opened by its link)."""
    return [spec.url_path for spec in pages_for(role) if spec.in_menu]


def open_page(page, base_url: str, url_path: str, default: str = DEFAULT_PAGE) -> None:
    """Open a page by its address. Streamlit serves the default page at the root; a role
    whose root is another page (a lead's queue) opens every page by its own address."""
    at_root = url_path == DEFAULT_PAGE and default == DEFAULT_PAGE
    page.goto(f"{base_url}/" if at_root else f"{base_url}/{url_path}")
    settle(page)


def assert_page_drawn(page, url_path: str) -> None:
    assert exception_texts(page) == [], f"/{url_path} raised: {exception_texts(page)}"
    assert not shows_sign_in_form(page), f"/{url_path} asks to sign in"
    dialogs = page.locator('[role="dialog"]').all_inner_texts()
    assert not dialogs, f"/{url_path} shows a dialog: {dialogs}"
    path = page.url.split("?")[0].rstrip("/")
    assert path.endswith(url_path) or (url_path == DEFAULT_PAGE and path.count("/") == 2), (
        f"asked for /{url_path}, got {page.url}"
    )
    for selector in MUST_DRAW[url_path]:
        page.locator(selector).first.wait_for(state="visible", timeout=30_000)


def sidebar_links(page) -> set[str]:
    hrefs = page.locator('[data-testid="stSidebarNav"] a').evaluate_all(
        "links => links.map(link => new URL(link.href).pathname.replace(/^\\//, ''))"
    )
    return set(hrefs)


def save_screenshot(page, name: str) -> Path:
    """A small PNG for the README (palette-reduced when the plain capture is too big)."""
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    png = page.screenshot(full_page=False)
    if len(png) > MAX_SCREENSHOT_BYTES:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        reduced = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        buffer = io.BytesIO()
        reduced.save(buffer, format="PNG", optimize=True)
        png = buffer.getvalue()
    path.write_bytes(png)
    return path


@pytest.mark.parametrize("username", list(ROLES))
def test_every_allowed_page_draws_without_errors(username, page_as, panel):
    page = page_as(username)
    allowed = menu_pages(ROLES[username])
    default = role_default(ROLES[username])
    links = sidebar_links(page)
    assert set(allowed) - {default} <= links, f"{username} misses pages in the menu: {links}"
    if "admin" not in allowed:
        assert "admin" not in links
    for url_path in allowed:
        open_page(page, panel.url, url_path, default)
        assert_page_drawn(page, url_path)
        if username == "admin":
            path = save_screenshot(page, url_path)
            assert path.stat().st_size < MAX_SCREENSHOT_BYTES


def test_member_cannot_open_admin_page_by_url(page_as, panel):
    admin_page = page_as("admin")
    open_page(admin_page, panel.url, "admin")
    admin_tabs = set(admin_page.locator(TABS).all_inner_texts())
    assert admin_tabs, "the admin page shows no tabs to compare with"

    page = page_as("czlonek")
    open_page(page, panel.url, "admin")
    assert exception_texts(page) == []
    shown = set(page.locator(TABS).all_inner_texts())
    assert not (admin_tabs & shown), f"a member sees admin tabs: {admin_tabs & shown}"
    assert "admin" not in sidebar_links(page)
    assert not page.url.split("?")[0].rstrip("/").endswith("/admin") or not shown
