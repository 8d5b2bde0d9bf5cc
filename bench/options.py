"""``python -m bench.run``'s command-line options."""

from __future__ import annotations

import argparse

DEFAULT_SCALE = 313  # 320 proposals and 960 sign-ups per unit of scale (db/demo/)
PARTS = ("pages", "search", "import", "memory", "deck", "protocol", "browser", "load")


def parse_args(argv: list[str] | None, description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=description)
    parser.add_argument("--scale", type=int, default=DEFAULT_SCALE)
    for part in PARTS:
        parser.add_argument(f"--skip-{part}", action="store_true", help=f"do not measure {part}")
    parser.add_argument(
        "--memory-skip-page",
        action="append",
        default=[],
        metavar="URL_PATH",
        help="leave a page out of the ten-session memory run (to find what uses the memory)",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also measure the pages on a PostgreSQL copy of the city-scale data in this "
        "database (name starting with 'bench', created or reloaded as needed), e.g. "
        "postgresql://postgres@127.0.0.1:5432/bench_city",
    )
    return parser.parse_args(argv)
