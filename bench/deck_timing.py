"""The meeting deck at city scale: PPTX and PDF, each built from the database.

A deck's chart images are kept per chart data (``dashboard.deck.images``) and drawn
side by side in worker processes (``dashboard.charts.png_workers``), so a row is judged
by the time a person waits (wall clock); its CPU column adds the workers' CPU time to
this process's. Two rows per
format, both judged: the first build (every chart queried and rendered) and a build while
nothing changed (the PDF after the PPTX of one meeting). Then, in a copy of the database,
one sign-up through the registration service and each format built again: only the
charts whose data the sign-up changed are drawn."""

from __future__ import annotations

import os
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
            first, first_cpu, _ = _timed(lambda fmt=fmt: deck_bytes(engine, fmt))
            timings = [_timed(lambda fmt=fmt: deck_bytes(engine, fmt)) for _ in range(2)]
            size = len(timings[-1][2])
            seconds = statistics.median(wall for wall, _, _ in timings)
            cpu = statistics.median(cpu for _, cpu, _ in timings)
            name = f"deck {fmt.upper()}"
            target = f"≤ {DECK_TARGET_S} s"
            out.append(
                row_type(
                    f"{name}, first build (renders every chart)",
                    round(first, 3),
                    "s",
                    target,
                    first <= DECK_TARGET_S,
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
                    seconds <= DECK_TARGET_S,
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


def _timed(action) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of this process and the chart workers, the deck)."""
    wall, cpu = time.perf_counter(), _cpu_seconds()
    deck = action()
    return time.perf_counter() - wall, _cpu_seconds() - cpu, deck


def _cpu_seconds() -> float:
    from dashboard.charts import png_workers

    return time.process_time() + sum(map(_process_cpu, png_workers.worker_pids()))


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of a live process (0 once it has ended)."""
    from harness.server import process_stat

    fields = process_stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


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
                wall, cpu, _ = _timed(lambda fmt=fmt: deck_bytes(engine, fmt))
                drawn = images.kept() - before
                out.append(
                    row_type(
                        f"deck {fmt.upper()}, built after one sign-up",
                        round(wall, 3),
                        "s",
                        f"≤ {DECK_TARGET_S} s",
                        wall <= DECK_TARGET_S,
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
