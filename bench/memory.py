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


def settle_all(pages, quiet_ms: int = 800, timeout_s: float = 300) -> None:
    """``harness.chromium.settle`` for many tabs at once: the same condition (idle, content
    drawn, quiet for ``quiet_ms``) checked on every tab in turn, so ten tabs wait about
    one quiet period instead of ten."""
    from harness.chromium import _SETTLED_JS

    for page in pages:
        page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
        page.evaluate("window.__panelBusyAt = performance.now()")
    waiting = list(pages)
    deadline = time.monotonic() + timeout_s
    while waiting:
        waiting = [page for page in waiting if not page.evaluate(_SETTLED_JS, quiet_ms)]
        if waiting and time.monotonic() > deadline:
            raise TimeoutError(f"{len(waiting)} tabs still busy after {timeout_s} s")
        if waiting:
            time.sleep(0.1)
