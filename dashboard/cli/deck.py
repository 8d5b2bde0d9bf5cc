"""``python -m dashboard deck --out FILE.pptx|FILE.pdf [--since DATE] [--subteam SLUG ...]``.

Meant to be scheduled before each meeting; without options it builds the default
deck (every chart, the whole team, changes of the last 14 days).
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path

from dashboard import deck
from dashboard.cli.common import (
    add_subteam_option,
    open_migrated_engine,
    parse_date,
)
from dashboard.core.settings import load_settings
from dashboard.deck import catalogue as presentation


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "deck",
        help="zbuduj materiały na spotkanie zespołu (PPTX albo PDF)",
        description=(
            "Slajd tytułowy, najważniejsze liczby, wykresy i lista zmian od wybranego dnia. "
            "Format wynika z rozszerzenia pliku: .pptx albo .pdf."
        ),
    )
    parser.add_argument("--out", required=True, type=Path, help="plik wynikowy .pptx albo .pdf")
    parser.add_argument(
        "--since",
        type=parse_date,
        help="początek listy zmian, DD.MM.RRRR albo RRRR-MM-DD (domyślnie 14 dni temu)",
    )
    add_subteam_option(parser)
    parser.add_argument(
        "--chart",
        action="append",
        default=None,
        metavar="ID",
        choices=presentation.CHART_IDS,
        help=f"wykres (można podać kilka razy; domyślnie wszystkie: {', '.join(presentation.CHART_IDS)})",
    )
    parser.add_argument(
        "--edition", type=int, help="edycja Kongresu — rok, np. 2025 (domyślnie najnowsza)"
    )
    parser.add_argument("--lang", choices=("pl", "en"), default="pl", help="język (domyślnie pl)")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        help="dzień stanu danych (domyślnie dziś; np. dla danych demonstracyjnych)",
    )
    parser.set_defaults(handler=cmd_deck)


def cmd_deck(args: argparse.Namespace) -> None:
    engine = open_migrated_engine(args)
    moment = None
    if args.as_of is not None:
        moment = datetime.combine(args.as_of, datetime.now().time().replace(microsecond=0))
    started = time.perf_counter()
    path = deck.build_deck(
        engine,
        args.out,
        since=args.since,
        subteam_slugs=tuple(args.subteam),
        chart_ids=args.chart,
        lang=args.lang,
        edition=args.edition,
        threshold=load_settings().small_group_threshold,
        now=moment,
    )
    elapsed = time.perf_counter() - started
    print(f"Zapisano {path} ({path.stat().st_size // 1024} KB) w {elapsed:.1f} s.")
