"""A page's chart carries its rows as Arrow bytes made once per data (``web.chart``):
what the browser gets is exactly the rows of the spec its image downloads are drawn from."""

from __future__ import annotations

import pyarrow as pa
import pytest

from dashboard.web import cache
from harness.apptest import ADMIN, assert_no_exception, page_test

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _sent_datasets(at) -> dict[str, bytes]:
    return {
        dataset.name: dataset.data.data
        for element in at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart")
        for dataset in element.proto.datasets
    }


def _kept_charts() -> list[cache.CachedChart]:
    return [chart for _, chart in cache._chart_memo()._items.values()]


@pytest.mark.parametrize(
    ("script", "actor"), [("pages/wyniki.py", None), ("pages/postepy.py", ADMIN)]
)
def test_the_rows_sent_are_the_rows_of_the_kept_spec(demo_url, script, actor):
    at = page_test(script, demo_url, actor=actor).run()
    at.run()  # the second run sends the kept bytes
    assert_no_exception(at)

    sent, charts = _sent_datasets(at), _kept_charts()
    kept_rows = {name: rows for chart in charts for name, rows in chart.spec["datasets"].items()}
    kept_bytes = {name: data for chart in charts for name, data in chart.datasets.items()}

    assert sent and set(sent) <= set(kept_rows)
    for name, data in sent.items():
        assert pa.ipc.open_stream(data).read_all().to_pylist() == kept_rows[name], name
        assert data == kept_bytes[name]
