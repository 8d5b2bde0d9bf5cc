"""The benchmark's result rows and how they are written: ``bench/results/latest.{md,json}``."""

from __future__ import annotations

import json
import os
import platform
import re
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from dashboard.core.settings import PROJECT_ROOT

RESULTS_DIR = PROJECT_ROOT / "bench" / "results"


@dataclass
class Row:
    name: str
    measured: float | None
    unit: str
    target: str
    passed: bool | None
    note: str = ""
    cpu_seconds: float | None = None  # in-process CPU time, where it tells more than wall time
    ratio: float | None = None  # measured / its reference (the floor) or target limit


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} CPU cores ({cpu}), {memory_gib:.0f} GiB RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.system()}"
    )


def markdown_table(rows: list[Row], context: dict) -> str:
    lines = [
        f"Benchmark of {context['date']} on {context['machine']}; load average at start "
        f"{context['load_average']}; database: {thousands(context['proposals'])} proposals, "
        f"{thousands(context['signups'])} sign-ups (seed-demo --scale {context['scale']}).",
        "",
        *_part_times(context),
        "| measurement | result | CPU time | target | ratio | pass |",
        "|---|---:|---:|---|---:|:---:|",
    ]
    for row in rows:
        result = "—" if row.measured is None else f"{row.measured:g} {row.unit}"
        verdict = {True: "✅", False: "❌", None: "—"}[row.passed]
        name = f"{row.name} ({row.note})" if row.note else row.name
        name = " ".join(name.split())  # an error's call log must not break the table
        cpu = "" if row.cpu_seconds is None else f"{row.cpu_seconds:g} s"
        ratio = "" if row.ratio is None else f"{row.ratio:g}×"
        lines.append(f"| {name} | {result} | {cpu} | {row.target} | {ratio} | {verdict} |")
    return "\n".join(lines) + "\n"


def _part_times(context: dict) -> list[str]:
    parts = context.get("part_seconds")
    if not parts:
        return []
    each = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in parts.items())
    return [f"Time per part: {each}; all parts {sum(parts.values()) / 60:.1f} min.", ""]


_LIMIT = re.compile(r"^[≤≥]\s*([\d ]+(?:\.\d+)?)")


def with_ratio(row: Row) -> Row:
    """The row with ``ratio`` filled from its target when it has none: the judged figure
    (CPU time where the target says CPU) over the target's limit."""
    match = _LIMIT.match(row.target)
    if row.ratio is not None or row.measured is None or not match:
        return row
    limit = float(match.group(1).replace(" ", ""))
    judged = (
        row.cpu_seconds if "CPU" in row.target and row.cpu_seconds is not None else row.measured
    )
    if limit:
        row.ratio = round(judged / limit, 2)
    return row


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def write_results(rows: list[Row], context: dict) -> str:
    """Writes latest.md and latest.json; returns the markdown table."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    rows = [with_ratio(row) for row in rows]
    table = markdown_table(rows, context)
    (RESULTS_DIR / "latest.md").write_text(table, encoding="utf-8")
    payload = {**context, "rows": [asdict(row) for row in rows]}
    (RESULTS_DIR / "latest.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return table
