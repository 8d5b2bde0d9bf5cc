"""/prezentacja driven by a USB clicker (and a keyboard), in real Chromium."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from dashboard.deck.catalogue import CHART_IDS
from harness.chromium import exception_texts, settle

KEYS_AND_CHARTS = (
    ("ArrowRight", 1),
    ("PageDown", 2),
    ("Space", 3),
    ("ArrowLeft", 2),
    ("PageUp", 1),
    ("End", len(CHART_IDS) - 1),
    ("Home", 0),
)


def _expect_chart(page, position: int) -> None:
    expect(page).to_have_url(re.compile(rf"[?&]chart={CHART_IDS[position]}(&|$)"))
    settle(page)
    # The listener is (re)attached once the component has mounted.
    page.wait_for_selector("html[data-presentation-keys]", state="attached")


def test_clicker_keys_move_between_charts(page_as, panel):
    page = page_as("dyrektor", viewport={"width": 1280, "height": 720})
    page.goto(f"{panel.url}/prezentacja")
    settle(page)
    _expect_chart(page, 0)
    for key, position in KEYS_AND_CHARTS:
        page.keyboard.press(key)
        _expect_chart(page, position)
    assert exception_texts(page) == []
    # Closed: the sidebar's settings are out of the viewport.
    expect(page.locator('[data-testid="stSidebarUserContent"]')).not_to_be_in_viewport()
