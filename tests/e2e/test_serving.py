"""The served panel (dashboard/web/serve.py): a page's HTML tells the browser where the
server's base is, so a tab opened straight on a page connects without a failed probe, and
Streamlit's frontend files come from memory exactly as its own handler serves them."""

from __future__ import annotations

import http.client
import statistics
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import streamlit

from dashboard.web.serve import BASE_HINT
from harness.chromium import settle
from harness.server import PanelServer

FRONTEND = Path(streamlit.__file__).parent / "static" / "static"


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_a_page_address_gets_the_hint_with_its_length_and_uncompressed(panel):
    status, headers, body = fetch(f"{panel.url}/postepy?zespol=1", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert "gzip" not in headers.get("content-encoding", "")
    assert body.count(BASE_HINT) == 1
    assert body.index(BASE_HINT) < body.index(b'type="module"')  # before Streamlit's code runs
    assert int(headers["content-length"]) == len(body)


def test_the_main_page_and_the_probes_are_streamlits_own(panel):
    status, _, root = fetch(f"{panel.url}/")
    assert status == 200 and b"<head>" in root and BASE_HINT not in root
    assert fetch(f"{panel.url}/postepy/_stcore/health")[0] == 404
    assert fetch(f"{panel.url}/_stcore/health")[2] == b"ok"


@pytest.mark.parametrize(
    ("pattern", "content_type"),
    [
        ("js/index.*.js", "application/javascript"),
        ("css/*.css", "text/css; charset=utf-8"),
        ("media/SourceSans*.woff2", "font/woff2"),
    ],
)
def test_frontend_files_are_served_byte_for_byte_and_kept_by_the_browser(
    panel, pattern, content_type
):
    path = next(FRONTEND.glob(pattern))
    url = f"{panel.url}/static/{path.relative_to(FRONTEND).as_posix()}"
    for headers in ({}, {"Accept-Encoding": "gzip"}):
        status, answer, body = fetch(url, **headers)
        assert status == 200 and body == path.read_bytes()
        assert answer["content-type"] == content_type
        assert answer["cache-control"] == "public, immutable, max-age=31536000"
        assert int(answer["content-length"]) == path.stat().st_size

    head = urllib.request.Request(url, method="HEAD")
    with urllib.request.urlopen(head, timeout=30) as response:
        assert response.read() == b""
        assert int(response.headers["content-length"]) == path.stat().st_size

    status, answer, body = fetch(url, Range="bytes=10-19")  # left to Streamlit's handler
    assert status == 206 and body == path.read_bytes()[10:20]


def test_only_files_of_streamlits_frontend_are_served_from_memory(panel):
    _, answer, _ = fetch(f"{panel.url}/static/js/not-a-bundle.js")
    assert answer["content-type"].startswith("text/html")  # Streamlit's own answer: its page
    connection = http.client.HTTPConnection("127.0.0.1", panel.port, timeout=30)
    connection.request("GET", "/static/js/../../../config.py")
    answer = connection.getresponse()
    assert answer.status == 400 and b"import" not in answer.read()


def test_small_files_on_a_reused_connection_come_without_nagles_delay(panel):
    """Each small file was held ~40 ms for the browser's delayed acknowledgement (the
    server's connections kept Nagle's algorithm on); now each comes in a few ms."""
    small = sorted(p for p in (FRONTEND / "js").glob("*.js") if p.stat().st_size < 2000)[:12]
    connection = http.client.HTTPConnection("127.0.0.1", panel.port, timeout=30)
    seconds = []
    for path in small:
        started = time.perf_counter()
        connection.request("GET", f"/static/js/{path.name}")
        answer = connection.getresponse()
        assert answer.read() == path.read_bytes()
        seconds.append(time.perf_counter() - started)
    connection.close()
    assert statistics.median(seconds[1:]) < 0.02, seconds  # the first opens the connection


def probes(page) -> list[str]:
    return [url for url in page.probed if "/_stcore/health" in url]


def open_recording(new_context, state, url: str):
    context = new_context(storage_state=state)
    page = context.new_page()
    page.probed = []
    page.on("request", lambda request: page.probed.append(request.url))
    page.goto(url)
    settle(page)
    return page


def test_a_tab_opened_on_a_page_connects_at_once_and_shows_it(panel, page_as, new_context):
    state = page_as("dyrektor").context.storage_state()
    page = open_recording(new_context, state, f"{panel.url}/postepy")
    assert probes(page) == [f"{panel.url}/_stcore/health"]
    assert page.get_by_role("heading", level=1).first.inner_text().strip()
    assert page.url == f"{panel.url}/postepy"
    # Moving on through the menu keeps the addresses right.
    page.locator('[data-testid="stSidebarNav"] a[href$="/propozycje"]').click()
    settle(page)
    assert page.url == f"{panel.url}/propozycje"


@pytest.fixture(scope="module")
def panel_under_prefix(e2e_database_url, tmp_path_factory):
    """The panel served under /panel, as a proxy that keeps a path prefix would serve it."""
    log = tmp_path_factory.mktemp("prefix-log") / "streamlit.log"
    server = PanelServer(e2e_database_url, log, base_path="panel").start()
    try:
        yield server
    finally:
        server.stop()


def test_under_a_path_prefix_the_hint_points_at_the_prefix(panel_under_prefix, new_context):
    base = f"{panel_under_prefix.url}/panel"
    page = open_recording(new_context, None, f"{base}/wyniki")
    assert probes(page) == [f"{base}/_stcore/health"]
    assert page.get_by_role("heading", level=1).first.inner_text().strip()
    assert page.url == f"{base}/wyniki"
