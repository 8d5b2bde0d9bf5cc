"""Slide images kept per chart and per the data it is drawn from, so the PPTX and the
PDF of one meeting (and a deck built again) draw each chart once, and a write draws
again only the charts whose data it changed: a sign-up leaves the proposal charts as
they were. Drawing (Vega in vl-convert, ~0.2 s a chart) is most of a deck's time, so
the charts still to draw are drawn side by side (``charts.png_workers``); the chart's
queries are cheap aggregates and run for every deck.

An image is keyed by the chart, its filters, language and small-group threshold, and
the values of its data (``core.fingerprint.data_key``): whoever wrote, equal data gives
an equal image.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence

from dashboard.charts import png_workers

# Ten charts a deck, ~40 KB each (a palette image): three decks (languages, filter sets).
MAX_IMAGES = 30

_images: OrderedDict[Hashable, bytes] = OrderedDict()
_lock = threading.Lock()

ChartRequest = tuple[Hashable | None, Callable[[], str]]


def chart_pngs(charts: Sequence[ChartRequest]) -> list[bytes]:
    """For each ``(key, spec)``: the image of the Vega-Lite JSON ``spec()`` gives, from
    this process's cache when one was drawn under ``key`` (``None``: data that cannot be
    keyed, always drawn). The missing ones are drawn together."""
    pngs: list[bytes | None] = [_kept(key) for key, _ in charts]
    missing = [index for index, png in enumerate(pngs) if png is None]
    drawn = png_workers.draw_pngs([charts[index][1] for index in missing])
    for index, png in zip(missing, drawn, strict=True):
        pngs[index] = png
        _keep(charts[index][0], png)
    return pngs


def _kept(key: Hashable | None) -> bytes | None:
    if key is None:
        return None
    with _lock:
        png = _images.get(key)
        if png is not None:
            _images.move_to_end(key)
        return png


def _keep(key: Hashable | None, png: bytes) -> None:
    if key is None:
        return
    with _lock:
        _images[key] = png
        while len(_images) > MAX_IMAGES:
            _images.popitem(last=False)


def clear() -> None:
    """Forget every image (the bench measures a first build with this)."""
    with _lock:
        _images.clear()


def kept() -> int:
    """How many images are kept (the bench counts the charts a build drew)."""
    with _lock:
        return len(_images)
