"""The bench's Chromium parts (issue 16, 3 and 4) at tiny scale: they run and give rows.

Their targets are not judged here (a busy test machine is not the bench's machine); what
is checked is that every figure is measured, the pages showed without problems and the
load generator's writes all arrived exactly once.
"""

from __future__ import annotations

import sqlite3

import pytest

from bench import browser_timing, load_run
from bench.report import Row, markdown_table, with_ratio
from db.engine import make_engine
from db.migrate import upgrade
from harness.chromium import require_browser_or_skip
from tests.support.threads import in_own_thread


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from db.demo import seed_demo

    path = tmp_path_factory.mktemp("bench-parts") / "demo.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed_demo(engine, scale=1, seed=2035)
    engine.dispose()
    return path


def test_browser_timings_measure_the_floor_pages_switches_and_search(demo_file):
    require_browser_or_skip()
    rows = in_own_thread(
        browser_timing.rows,
        demo_file,
        f"sqlite:///{demo_file}",
        Row,
        tabs=1,
        rounds=1,
        queries=("rower",),
        pages=["propozycje", "kongres"],
    )
    by_name = {row.name.split(" (")[0].split(",")[0]: row for row in rows}
    assert set(by_name) == {
        "floor: bare Streamlit page",
        "/propozycje fresh tab",
        "/kongres fresh tab",
        "in-session sidebar switch",
        "in-session search on /propozycje",
    }
    slowest_note = by_name["in-session sidebar switch"].note
    for row in rows:
        assert row.measured is not None and row.measured > 0, row
        assert row.note in ("", slowest_note), row
    assert by_name["/kongres fresh tab"].ratio == pytest.approx(
        by_name["/kongres fresh tab"].measured / by_name["floor: bare Streamlit page"].measured,
        abs=0.01,
    )
    assert "| ratio |" in markdown_table([with_ratio(row) for row in rows], _context())


def test_load_run_refreshes_kongres_and_loses_no_write(demo_file):
    require_browser_or_skip()
    before = demo_file.stat().st_mtime_ns
    rows = in_own_thread(load_run.rows, demo_file, Row, rate=5, seconds=2)
    median, p95, signups, checkins = rows
    assert median.measured > 0 and p95.measured >= median.measured
    for row in (signups, checkins):
        assert row.passed, row
        assert row.note.startswith("10 sent, 10 stored, 0 failed, 0 lost, 0 doubled"), row
    assert demo_file.stat().st_mtime_ns == before  # the generators wrote into a copy


def test_the_load_check_finds_a_lost_and_a_doubled_sign_up(tmp_path):
    path = tmp_path / "check.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE signups (id INTEGER PRIMARY KEY, email TEXT)")
        connection.executemany(
            "INSERT INTO signups VALUES (?, ?)",
            [(1, "load-t-0@example.org"), (2, "load-t-1@example.org"), (3, "load-t-1@example.org")],
        )
    claimed = [{"n": 0, "ok": True, "id": 1}, {"n": 1, "ok": True, "id": 2}]
    claimed.append({"n": 2, "ok": True, "id": 9})  # reported stored, not in the table
    with sqlite3.connect(path) as connection:
        check = load_run._verify_signups(connection, "t", claimed)
    assert (check["succeeded"], check["lost"], check["doubled"]) == (3, 1, 1)


def _context() -> dict:
    return {
        "date": "2026-12-03",
        "machine": "test",
        "load_average": "0",
        "proposals": 320,
        "signups": 960,
        "scale": 1,
        "part_seconds": {"browser": 60.0},
    }
