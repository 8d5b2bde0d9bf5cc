"""Slide images kept per chart and data version, so the PPTX and the PDF of one meeting
(and a deck built again while nobody wrote) render each chart once: the chart's queries
and its rendering (Vega in vl-convert) are most of a deck's time.

An image is keyed by the database, the versions of every table (``db.change_tracking``:
any writer's commit moves them) and what the chart is drawn from (chart, filters,
language, small-group threshold). The versions are read before the chart's data, so an
image drawn from a newer write is only ever filed under an older key, never the reverse.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy import Engine

from db.change_tracking import table_versions

# Ten charts a deck, ~0.4 MB each: three decks (languages, filter sets) at most, ~12 MB.
MAX_IMAGES = 30

_images: OrderedDict[tuple, bytes] = OrderedDict()
_lock = threading.Lock()


def data_state(engine: Engine) -> tuple:
    """The database and every table's version: read once per deck, before any chart's data."""
    return (str(engine.url), tuple(sorted(table_versions(engine).items())))


def chart_png(state: tuple, drawn_from: tuple[Hashable, ...], render: Callable[[], bytes]) -> bytes:
    """The image ``render()`` makes, from this process's cache while the ``state`` of the
    data (``data_state``) is unchanged."""
    key = (*state, *drawn_from)
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
