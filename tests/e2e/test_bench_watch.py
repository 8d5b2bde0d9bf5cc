"""The bench's "time to view" sees a rerun however short it is.

With warm caches a page switch can start and finish between two of the watcher's polls,
or within one drawing of the page, so the script state never shows "running"; the
watcher then waited for a run it had missed (a 300-second timeout in a full bench run).
Two trivial pages (beside the default one) switched back and forth are the shortest reruns there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import browser_timing
from harness.server import PanelServer

TWO_PAGES = """
import streamlit as st

def start():
    st.write("Start.")

def first():
    st.write("To jest strona pierwsza.")

def second():
    st.write("To jest strona druga.")

st.navigation([
    st.Page(start, title="Start", default=True),
    st.Page(first, title="Pierwsza", url_path="pierwsza"),
    st.Page(second, title="Druga", url_path="druga"),
]).run()
"""
SWITCHES = 24


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory, e2e_database_url):
    folder = tmp_path_factory.mktemp("two-pages")
    script = folder / "two_pages.py"
    script.write_text(TWO_PAGES, encoding="utf-8")
    server = PanelServer(e2e_database_url, folder / "streamlit.log", script=Path(script)).start()
    try:
        yield server
    finally:
        server.stop()


def test_every_quick_switch_is_seen_and_ends_on_its_page(two_pages, new_context):
    context = new_context()
    browser_timing.watch(context)
    page = context.new_page()
    page.goto(f"{two_pages.url}/pierwsza", wait_until="commit")
    assert browser_timing.time_to_view(page, 30_000) > 0

    for number in range(SWITCHES):
        target, text = ("druga", "druga") if number % 2 == 0 else ("pierwsza", "pierwsza")
        page.locator(f'[data-testid="stSidebarNav"] a[href$="/{target}"]').click()
        seconds = browser_timing.time_to_view(page, 10_000)
        assert 0 < seconds < 10, (number, seconds)
        main = page.locator('[data-testid="stMainBlockContainer"]')
        assert f"strona {text}" in main.inner_text(), number
