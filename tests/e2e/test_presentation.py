"""/prezentacja driven by a USB clicker (and a keyboard), in real Chromium."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from dashboard.deck.catalogue import CHART_IDS
from harness.chromium import exception_texts, settle
from harness.server import descendant_pids

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


def test_the_deck_downloads_with_every_chart_drawn_by_chart_workers(page_as, panel, tmp_path):
    """The served panel draws a deck's charts in worker processes (its own children),
    and the PPTX a person downloads has one image per chart slide."""
    from pptx import Presentation

    from dashboard.charts import png_workers
    from dashboard.i18n import t

    page = page_as("dyrektor", viewport={"width": 1440, "height": 900})
    page.goto(f"{panel.url}/prezentacja")
    settle(page)
    page.locator('[data-testid="stExpandSidebarButton"]').click()  # closed while presenting
    button = page.get_by_role("button", name=t("presentation.download_pptx", "pl"))
    expect(button).to_be_in_viewport()
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)

    pictures = [
        shape
        for slide in Presentation(str(path)).slides
        for shape in slide.shapes
        if shape.shape_type == 13  # MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) == len(CHART_IDS)
    assert len({picture.image.sha1 for picture in pictures}) == len(CHART_IDS)
    workers = [
        pid
        for pid in descendant_pids(panel.process.pid)
        if b"dashboard.charts.png_workers" in _command_line(pid)
    ]
    cores = png_workers.worker_count()
    assert len(workers) == (cores if cores > 1 else 0), workers  # one core: drawn in the server
    assert exception_texts(page) == []


def _command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # ended meanwhile
        return b""
