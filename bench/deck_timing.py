"""The meeting deck at city scale: PPTX and PDF, each built from the database."""

from __future__ import annotations

import statistics
import time

DECK_TARGET_S = 2.0


def rows(database_url: str, row_type) -> list:
    from dashboard.deck.build import deck_bytes
    from db.engine import make_engine

    engine = make_engine(database_url)
    out = []
    try:
        for fmt in ("pptx", "pdf"):
            deck_bytes(engine, fmt)  # loads the writer (python-pptx, fpdf2) once
            timings = []
            for _ in range(2):
                wall, cpu = time.perf_counter(), time.process_time()
                size = len(deck_bytes(engine, fmt))
                timings.append((time.perf_counter() - wall, time.process_time() - cpu))
            seconds = statistics.median(w for w, _ in timings)
            cpu = statistics.median(c for _, c in timings)
            note = f"{size // 1024} KiB"
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
