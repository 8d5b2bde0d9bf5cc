"""The meeting deck at city scale: PPTX and PDF, each built from the database.

A deck's chart images are kept per data version (``dashboard.deck.images``): the timed
builds are those of a meeting's second file (the PDF after the PPTX, or a deck built
again) and the note gives the first build, which renders every chart."""

from __future__ import annotations

import statistics
import time

DECK_TARGET_S = 2.0


def rows(database_url: str, row_type) -> list:
    from dashboard.deck import images
    from dashboard.deck.build import deck_bytes
    from db.engine import make_engine

    engine = make_engine(database_url)
    out = []
    try:
        for fmt in ("pptx", "pdf"):
            deck_bytes(engine, fmt)  # loads the writer (python-pptx, fpdf2) once
            images.clear()
            first, first_cpu = _timed(lambda fmt=fmt: deck_bytes(engine, fmt))
            timings = []
            for _ in range(2):
                wall, cpu = time.perf_counter(), time.process_time()
                size = len(deck_bytes(engine, fmt))
                timings.append((time.perf_counter() - wall, time.process_time() - cpu))
            seconds = statistics.median(w for w, _ in timings)
            cpu = statistics.median(c for _, c in timings)
            note = (
                f"{size // 1024} KiB; first build (renders the charts) "
                f"{first:.1f} s, CPU {first_cpu:.1f} s"
            )
            passed = cpu <= DECK_TARGET_S
            out.append(
                row_type(
                    f"deck {fmt.upper()}",
                    round(seconds, 3),
                    "s",
                    f"≤ {DECK_TARGET_S} s CPU",
                    passed,
                    note,
                    round(cpu, 3),
                )
            )
            print(f"  deck {fmt}: {seconds:.3f} s (CPU {cpu:.3f} s), {note}", flush=True)
    finally:
        engine.dispose()
    return out


def _timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu
