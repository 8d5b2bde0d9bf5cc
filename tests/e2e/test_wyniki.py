"""/wyniki as an anonymous visitor in real Chromium, on a phone and a desktop: the page
draws, URL filters change the count, the downloads parse, and a seeded author's name,
e-mail and unpublished description reach neither the page, nor its websocket traffic,
nor the files."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest

from dashboard.exports.public import COLUMNS, NOTE_LINES
from dashboard.queries.public import PublicFilters, count_public
from db.engine import make_engine
from harness.chromium import exception_texts, settle
from harness.server import PanelServer
from tests.support.public import (
    PRIVATE_WORD,
    SECRET_AUTHOR,
    SECRET_EMAIL,
    add_secret_author_proposal,
)

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}
CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
TABLE = '[data-testid="stDataFrame"]'
SECRETS = (SECRET_AUTHOR, SECRET_EMAIL, PRIVATE_WORD)


@pytest.fixture(scope="module")
def results_panel(e2e_database_url, tmp_path_factory):
    """A copy of the e2e demo database with a secret author, served by its own panel."""
    folder = tmp_path_factory.mktemp("wyniki")
    copy = folder / "wyniki.sqlite"
    source = sqlite3.connect(e2e_database_url.removeprefix("sqlite:///"))
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    title = add_secret_author_proposal(engine)
    server = PanelServer(url, folder / "streamlit.log").start()
    try:
        yield server, engine, title
    finally:
        server.stop()
        engine.dispose()


def found_count(page) -> int:
    text = page.get_by_text(re.compile(r"^Znaleziono: ")).first.inner_text()
    return int(re.sub(r"\D", "", text.split(":", 1)[1].split("propozyc")[0]))


def open_results(page, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/wyniki{query}")
    settle(page)
    assert exception_texts(page) == []
    page.locator(CHART).first.wait_for(state="visible", timeout=30_000)


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} reached the visitor"


@pytest.mark.parametrize("size", list(SIZES))
def test_anonymous_visitor_sees_results_without_personal_data(size, results_panel, new_context):
    server, engine, title = results_panel
    frames: list[bytes] = []
    page = new_context(viewport=SIZES[size]).new_page()
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda payload: frames.append(
                payload if isinstance(payload, bytes) else payload.encode("utf-8")
            ),
        ),
    )
    open_results(page, server.url)
    page.locator(f"{TABLE} >> visible=true").first.wait_for(state="visible")
    expect_count = count_public(engine, PublicFilters())
    assert found_count(page) == expect_count
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], f"the page scrolls sideways at {size}: {width}px"

    open_results(page, server.url, "?okreg=1")
    in_okreg = count_public(engine, PublicFilters(okreg=1))
    assert 0 < in_okreg < expect_count and found_count(page) == in_okreg
    page.get_by_role("heading", name=re.compile("Okręg 1 — ")).wait_for()

    open_results(page, server.url, "?q=fontannowo")
    assert found_count(page) == 1
    html = page.content()
    assert_no_secrets(html)
    traffic = b"".join(frames)
    assert title.encode("utf-8") in traffic  # the capture works: the public title is there
    assert_no_secrets(traffic.decode("utf-8", errors="replace"))


def download(page, label: str) -> bytes:
    with page.expect_download() as event:
        page.get_by_role("button", name=label).click()
    return open(event.value.path(), "rb").read()


def test_downloads_parse_and_match_the_view(results_panel, new_context):
    server, engine, _ = results_panel
    page = new_context(viewport=SIZES["desktop"]).new_page()
    open_results(page, server.url, "?status=accepted&status=included")
    expected = count_public(engine, PublicFilters(statuses=("accepted", "included")))
    assert found_count(page) == expected > 0

    content = download(page, "Pobierz CSV")
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert "CC BY 4.0" in lines[0] and lines[1].startswith("# Stan danych na: ")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[NOTE_LINES:])), delimiter=";"))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == expected
    assert {row["status"] for row in rows} <= {"accepted", "included"}

    document = json.loads(download(page, "Pobierz JSON"))
    assert document["licence"] == "CC BY 4.0" and document["row_count"] == expected
    assert document["filters"] == {"status": ["accepted", "included"]}
    for file_text in (content.decode("utf-8-sig"), json.dumps(document, ensure_ascii=False)):
        assert_no_secrets(file_text)
