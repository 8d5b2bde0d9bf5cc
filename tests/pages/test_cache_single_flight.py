"""A result missing from the cache is made once, however many sessions ask at once.

After a restart or a write every open tab misses together; each running the same query
(one after another under the GIL) made fifty anonymous /wyniki tabs wait 9–13 s.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from dashboard import web
from dashboard.charts.team import members_by_category_chart
from dashboard.queries.progress import subteam_options
from dashboard.web import cache

SESSIONS = 8

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _at_once(call, sessions: int = SESSIONS) -> list:
    start = threading.Barrier(sessions)

    def one_session(_):
        start.wait()
        return call()

    with ThreadPoolExecutor(sessions) as pool:
        return list(pool.map(one_session, range(sessions)))


def test_sessions_missing_one_query_together_run_it_once(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    runs = []

    def slow_subteam_options(engine):
        runs.append(threading.get_ident())
        time.sleep(0.3)  # long enough that every session asks while it runs
        return subteam_options(engine)

    results = _at_once(lambda: web.query(slow_subteam_options))

    assert len(runs) == 1
    expected = subteam_options(cache.engine())
    for result in results:
        pd.testing.assert_frame_equal(result, expected)
    assert len({id(result) for result in results}) == SESSIONS  # each its own copy


def test_a_failed_query_is_run_again_by_the_next_session(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    runs = []

    def fails_first(engine):
        runs.append(1)
        time.sleep(0.2)
        if len(runs) == 1:
            raise RuntimeError("database went away")
        return subteam_options(engine)

    outcomes = _at_once(lambda: _outcome(lambda: web.query(fails_first)), sessions=4)

    assert [outcome for outcome in outcomes if isinstance(outcome, str)] == ["RuntimeError"]
    assert sum(isinstance(outcome, pd.DataFrame) for outcome in outcomes) == 3
    assert len(runs) == 2  # the failure, then one run the other three share
    assert len(web.query(fails_first)) > 0 and len(runs) == 2  # kept


def _outcome(call):
    try:
        return call()
    except RuntimeError as error:
        return type(error).__name__


def test_sessions_missing_one_chart_together_build_it_once(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    builds = []
    members = pd.DataFrame(
        {"subteam": ["Mobilność", "Zieleń"], "category": ["resident", "ngo"], "count": [12, 7]}
    )

    def slow_chart(data):
        builds.append(1)
        time.sleep(0.3)
        return members_by_category_chart(data)

    specs = _at_once(lambda: cache.chart(slow_chart, (members,)).spec)

    assert len(builds) == 1
    assert all(spec == specs[0] for spec in specs)
    assert specs[0]["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
