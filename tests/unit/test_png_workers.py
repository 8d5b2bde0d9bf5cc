"""Chart images drawn in worker processes (dashboard.charts.png_workers): the same
image as drawn here, every image kept when a worker dies or a spec is bad, workers
stopped when idle."""

from __future__ import annotations

import json
import os
import signal
import time

import altair as alt
import pandas as pd
import pytest

from dashboard.charts import png_workers
from dashboard.charts.base import finalized_spec


@pytest.fixture
def two_workers(monkeypatch):
    """Workers on any machine (one with a single core would draw in-process)."""
    monkeypatch.setattr(png_workers, "worker_count", lambda: 2)
    png_workers.close()
    yield
    png_workers.close()


def _spec(value: int) -> str:
    data = pd.DataFrame({"label": ["a", "b", "c"], "count": [value, value * 2, 3]})
    chart = alt.Chart(data).mark_bar().encode(x="count:Q", y="label:N")
    return json.dumps(finalized_spec(chart.properties(width=300, height=120), "pl"))


def _makers(specs):
    return [lambda spec=spec: spec for spec in specs]


def test_workers_draw_the_same_images_as_this_process_in_order(two_workers):
    specs = [_spec(value) for value in (1, 5, 9, 13)]
    drawn = png_workers.draw_pngs(_makers(specs), scale=1.0)
    assert png_workers.running_workers() == 2
    assert drawn == [png_workers.draw_png(spec, scale=1.0) for spec in specs]
    assert len(set(drawn)) == 4  # four different charts, not one image four times


def test_a_bad_spec_fails_with_vl_converts_message_and_the_workers_go_on(two_workers):
    good = [_spec(1), _spec(2)]
    png_workers.draw_pngs(_makers(good))
    bad = json.dumps({"mark": "no-such-mark"})
    with pytest.raises(ValueError, match="conversion failed"):
        png_workers.draw_pngs(_makers([bad, good[0]]))
    assert png_workers.running_workers() == 2
    assert png_workers.draw_pngs(_makers(good), scale=1.0) == [
        png_workers.draw_png(spec, scale=1.0) for spec in good
    ]


def test_a_killed_worker_loses_no_image_and_the_next_deck_starts_new_ones(two_workers):
    specs = [_spec(value) for value in (2, 4, 6)]
    png_workers.draw_pngs(_makers(specs))
    first_pids = png_workers.worker_pids()
    os.kill(first_pids[0], signal.SIGKILL)
    _wait_until(lambda: png_workers.running_workers() == 1)

    drawn = png_workers.draw_pngs(_makers(specs), scale=1.0)
    assert drawn == [png_workers.draw_png(spec, scale=1.0) for spec in specs]

    png_workers.draw_pngs(_makers(specs))
    assert png_workers.running_workers() == 2
    assert not set(png_workers.worker_pids()) & set(first_pids)


def test_workers_stop_after_the_idle_time(two_workers, monkeypatch):
    monkeypatch.setattr(png_workers, "IDLE_SECONDS", 0.5)
    png_workers.draw_pngs(_makers([_spec(1), _spec(2)]))
    pids = png_workers.worker_pids()
    assert len(pids) == 2
    _wait_until(lambda: png_workers.worker_pids() == [])
    _wait_until(lambda: not any(os.path.exists(f"/proc/{pid}") for pid in pids))  # reaped
    assert png_workers.running_workers() == 0


def test_one_chart_or_one_core_draws_here_without_workers(monkeypatch):
    png_workers.close()
    assert png_workers.draw_pngs(_makers([_spec(3)]), scale=1.0) == [
        png_workers.draw_png(_spec(3), scale=1.0)
    ]
    assert png_workers.running_workers() == 0  # one chart: no worker started for it
    monkeypatch.setattr(png_workers, "worker_count", lambda: 1)
    png_workers.draw_pngs(_makers([_spec(1), _spec(2)]))
    assert png_workers.running_workers() == 0


def _wait_until(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


def test_workers_closed_in_the_middle_of_a_deck_lose_no_image(two_workers):
    """The idle timer of an earlier deck may close the workers while this one draws."""
    specs = [_spec(value) for value in (3, 6, 9, 12)]

    def closing_first():
        png_workers.close()
        return specs[0]

    started = time.monotonic()
    drawn = png_workers.draw_pngs([closing_first, *_makers(specs[1:])], scale=1.0)
    assert drawn == [png_workers.draw_png(spec, scale=1.0) for spec in specs]
    assert time.monotonic() - started < 30  # no wait for a worker that will not come back


def test_a_compacted_image_looks_the_same_on_white_and_is_smaller():
    import io

    import vl_convert
    from PIL import Image, ImageChops

    drawn = vl_convert.vegalite_to_png(_spec(7), scale=2.0)
    compacted = png_workers.compact(drawn)
    with Image.open(io.BytesIO(drawn)) as original, Image.open(io.BytesIO(compacted)) as image:
        assert image.mode == "P"
        assert image.size == original.size
        difference = ImageChops.difference(original.convert("RGB"), image.convert("RGB"))
        assert max(high for _, high in difference.getextrema()) <= 32
        assert image.convert("RGB").getpixel((2, 2)) == (255, 255, 255)  # the background
    assert len(compacted) < len(drawn) / 2
