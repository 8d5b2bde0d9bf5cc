"""What every part of the generator draws with: one run's random stream and dates,
and weighted picks among fixed options."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from db.demo import text as vocab


def at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute))


@dataclass
class DemoRun:
    """One generation: the random stream every draw comes from, "today", and the scale.

    The same seed, today and scale give the same rows only while every part draws
    from ``rng`` in the same order.
    """

    rng: random.Random
    today: date
    scale: int
    latest: datetime = field(init=False)

    def __post_init__(self) -> None:
        # Nothing generated is later than the last minute of yesterday.
        self.latest = at(self.today, 0, 0) - timedelta(minutes=1)


class Weighted:
    """A weighted pick among fixed options; the cumulative weights are summed once.

    ``random.choices`` re-sums them on every call, which dominates at ``--scale 100``.
    """

    def __init__(self, options: Iterable[Any], weights: Iterable[float]) -> None:
        self.options = tuple(options)
        self.cumulative = tuple(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    @classmethod
    def of(cls, weights: dict[Any, float]) -> Weighted:
        return cls(weights.keys(), weights.values())

    def pick(self, rng: random.Random) -> Any:
        return self.options[bisect.bisect(self.cumulative, rng.random() * self.total)]


# Districts weighted by population; a district's id is its number.
PICK_DISTRICT_NUMBER = Weighted.of({number: weight for number, _name, weight in vocab.DISTRICTS})
