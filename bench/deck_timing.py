"""The meeting deck at city scale: PPTX and PDF, each built from the database.

A deck's chart images are kept per data version (``dashboard.deck.images``). Two rows per
format, both judged: the first build after a change (every chart queried and rendered)
and a build while nothing changed (the PDF after the PPTX of one meeting)."""

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
            name = f"deck {fmt.upper()}"
            target = f"≤ {DECK_TARGET_S} s CPU"
            out.append(
                row_type(
                    f"{name}, first build after a change",
                    round(first, 3),
                    "s",
                    target,
                    first_cpu <= DECK_TARGET_S,
                    "renders every chart",
                    round(first_cpu, 3),
                )
            )
            out.append(
                row_type(
                    f"{name}, built again (charts kept)",
                    round(seconds, 3),
                    "s",
                    target,
                    cpu <= DECK_TARGET_S,
                    f"{size // 1024} KiB",
                    round(cpu, 3),
                )
            )
            print(
                f"  deck {fmt}: first {first:.3f} s (CPU {first_cpu:.3f} s), "
                f"again {seconds:.3f} s (CPU {cpu:.3f} s), {size // 1024} KiB",
                flush=True,
            )
    finally:
        engine.dispose()
    return out


def _timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu
