"""The meeting deck at city scale: PPTX and PDF, each built from the database.

A deck's chart images are kept per chart data (``dashboard.deck.images``). Two rows per
format, both judged: the first build (every chart queried and rendered) and a build while
nothing changed (the PDF after the PPTX of one meeting). Then, in a copy of the database,
one sign-up through the registration service and each format built again: only the
charts whose data the sign-up changed are drawn."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

DECK_TARGET_S = 2.0


def rows(database_path: Path, database_url: str, row_type) -> list:
    return _unchanged_rows(database_url, row_type) + _after_signup_rows(database_path, row_type)


def _unchanged_rows(database_url: str, row_type) -> list:
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
                    f"{name}, first build (renders every chart)",
                    round(first, 3),
                    "s",
                    target,
                    first_cpu <= DECK_TARGET_S,
                    "",
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


def _after_signup_rows(database_path: Path, row_type) -> list:
    """Each format built after one sign-up, in a copy of the database (the images of
    the rows before are kept: equal data, equal image)."""
    from bench.load_run import copy_database, prepare, signup_call
    from dashboard.deck import images
    from dashboard.deck.build import deck_bytes
    from db.engine import make_engine

    out = []
    with tempfile.TemporaryDirectory(prefix="bench-deck-") as folder:
        copy = Path(folder) / "deck.sqlite"
        copy_database(database_path, copy)
        url = f"sqlite:///{copy}"
        spec = prepare(url, "deck", 0)
        engine = make_engine(url)
        try:
            register = signup_call(engine, spec["tag"], spec["edition"], spec["workshops"])
            deck_bytes(engine, "pptx")  # the deck as the meeting had it before the sign-up
            for number, fmt in enumerate(("pptx", "pdf")):
                register(number)
                before = images.kept()
                wall, cpu = _timed(lambda fmt=fmt: deck_bytes(engine, fmt))
                drawn = images.kept() - before
                out.append(
                    row_type(
                        f"deck {fmt.upper()}, built after one sign-up",
                        round(wall, 3),
                        "s",
                        f"≤ {DECK_TARGET_S} s CPU",
                        cpu <= DECK_TARGET_S,
                        f"{drawn} charts drawn again",
                        round(cpu, 3),
                    )
                )
                print(
                    f"  deck {fmt} after a sign-up: {wall:.3f} s (CPU {cpu:.3f} s), "
                    f"{drawn} charts drawn again",
                    flush=True,
                )
        finally:
            engine.dispose()
    return out
