"""Page runs take turns: at most ``RUNS_AT_ONCE`` scripts run at the same time.

Streamlit gives every session its own thread, and Python runs one thread at a time. With
fifty tabs opening at once (a newsletter's link to /wyniki, the Congress door) all fifty
runs shared the interpreter in slices, the server's event loop among them, so every tab
waited until nearly all were done (fifty /wyniki tabs: each saw its page after 1.9–2.6 s).
Taking turns, the first tab sees its page after one run and the median halves; the total
work is the same or less (fewer threads switching).

A run that has held its turn for ``LONG_RUN_S`` (an import of 50 000 rows, a deck) stops
counting: the next run starts beside it, so nobody waits long behind a long job.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

RUNS_AT_ONCE = 1
LONG_RUN_S = 1.0


class Turns:
    def __init__(self, at_once: int = RUNS_AT_ONCE, long_run_s: float = LONG_RUN_S) -> None:
        self.at_once = at_once
        self.long_run_s = long_run_s
        self._changed = threading.Condition()
        self._waiting: deque[int] = deque()  # tickets, first come first served
        self._started: dict[int, float] = {}  # ticket → when its run started
        self._tickets = itertools.count()

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for a free turn (in order of arrival), hold it while the block runs."""
        ticket = next(self._tickets)
        with self._changed:
            self._waiting.append(ticket)
            try:
                self._wait_for_turn(ticket)
            finally:  # started, or given up (an exception while waiting): out of the line
                self._waiting.remove(ticket)
                self._changed.notify_all()
            self._started[ticket] = time.monotonic()
        try:
            yield
        finally:
            with self._changed:
                del self._started[ticket]
                self._changed.notify_all()

    def _wait_for_turn(self, ticket: int) -> None:
        while True:
            if self._waiting[0] != ticket:
                self._changed.wait()
                continue
            wait = self._wait_s(time.monotonic())
            if wait <= 0:
                return
            self._changed.wait(wait)

    def _wait_s(self, now: float) -> float:
        """0 when a run may start now, else how long until enough running ones count as long."""
        counted = sorted(
            held for started in self._started.values() if (held := now - started) < self.long_run_s
        )
        if len(counted) < self.at_once:
            return 0.0
        # A turn frees up once all but (at_once - 1) of the counted runs have gone long.
        return self.long_run_s - counted[self.at_once - 1]


page_runs = Turns()
