"""``python -m dashboard export public --out F.csv|F.json [filters]`` — the open data of
/wyniki for scheduled publication (the same file the page's download gives)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli.common import (
    add_date_range,
    add_status_and_subteams,
    checked_export,
    open_engine,
    write_whole,
)
from dashboard.exports.public import FORMATS, build_open_data
from dashboard.queries.public import PublicFilters
from db.engine import now
from db.models import PROPOSAL_SOURCES


def register_kind(kinds: argparse._SubParsersAction) -> None:
    public = kinds.add_parser(
        "public",
        help="otwarte dane strony /wyniki (CC BY 4.0), bez danych osobowych",
        description="Format pliku wynika z rozszerzenia: .csv (UTF-8 z BOM, ';') albo .json.",
    )
    public.add_argument("--out", type=Path, required=True, help="plik wynikowy .csv lub .json")
    public.add_argument("--q", default="", help="szukany tekst")
    add_status_and_subteams(public)
    public.add_argument("--okreg", type=int, metavar="NR", help="numer okręgu")
    public.add_argument(
        "--source", nargs="+", default=[], choices=PROPOSAL_SOURCES, metavar="ŹRÓDŁO"
    )
    add_date_range(public)
    public.set_defaults(handler=cmd_export_public)


def cmd_export_public(args: argparse.Namespace) -> None:
    out: Path = args.out
    file_format = checked_export(args, FORMATS, ".csv albo .json")
    filters = PublicFilters(
        q=args.q.strip(),
        statuses=tuple(dict.fromkeys(args.status)),
        subteam_slugs=tuple(dict.fromkeys(args.subteam)),
        okreg=args.okreg,
        sources=tuple(dict.fromkeys(args.source)),
        date_from=args.date_from,
        date_to=args.date_to,
    )
    exported = build_open_data(open_engine(args), filters, file_format, now())
    write_whole(out, exported.content)
    print(f"Zapisano {exported.row_count} propozycji do {out}.")
