"""Slide images kept per chart and per the data it is drawn from, so the PPTX and the
PDF of one meeting (and a deck built again) render each chart once, and a write renders
again only the charts whose data it changed: a sign-up leaves the proposal charts as
they were. Rendering (Vega in vl-convert, ~0.3 s a chart) is most of a deck's time; the
chart's queries are cheap aggregates and run for every deck.

An image is keyed by the chart, its filters, language and small-group threshold, and
the values of its data (``core.fingerprint.data_key``): whoever wrote, equal data gives
an equal image.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

# Ten charts a deck, ~0.4 MB each: three decks (languages, filter sets) at most, ~12 MB.
MAX_IMAGES = 30

_images: OrderedDict[Hashable, bytes] = OrderedDict()
_lock = threading.Lock()


def chart_png(key: Hashable | None, render: Callable[[], bytes]) -> bytes:
    """The image ``render()`` makes, from this process's cache when one was made under
    ``key`` (``None``: data that cannot be keyed, always rendered)."""
    if key is None:
        return render()
    with _lock:
        png = _images.get(key)
        if png is not None:
            _images.move_to_end(key)
            return png
    png = render()
    with _lock:
        _images[key] = png
        while len(_images) > MAX_IMAGES:
            _images.popitem(last=False)
    return png


def clear() -> None:
    """Forget every image (the bench measures a first build with this)."""
    with _lock:
        _images.clear()


def kept() -> int:
    """How many images are kept (the bench counts the charts a build drew)."""
    with _lock:
        return len(_images)
