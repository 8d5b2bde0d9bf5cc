"""Peak memory of a served panel: the RSS of its process tree, sampled in a thread."""

from __future__ import annotations

import threading
import time

SAMPLE_EVERY_S = 0.2


class PeakRss:
    """The peak RSS (``kib``) of ``pid``'s process tree between ``start()`` and ``stop()``;
    before ``start()``, ``kib`` is the first sample (the idle size)."""

    def __init__(self, pid: int) -> None:
        from harness.server import rss_of_tree_kib

        self._pid = pid
        self._rss_of_tree_kib = rss_of_tree_kib
        self.kib = rss_of_tree_kib(pid)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.kib = max(self.kib, self._rss_of_tree_kib(self._pid))
            time.sleep(SAMPLE_EVERY_S)

    def start(self) -> PeakRss:
        self._sampler.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._sampler.join()
