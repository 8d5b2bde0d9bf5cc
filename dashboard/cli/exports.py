"""``python -m dashboard export proposals --out FILE [filters]`` — for scheduled exports."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli import public_export
from dashboard.cli.common import (
    add_date_range,
    add_status_and_subteams,
    checked_export,
    cli_actor,
    open_engine,
    write_whole,
)
from dashboard.exports.proposals import FORMATS, build_export
from dashboard.queries.proposals import ProposalFilters
from db.models import PROPOSAL_SOURCES


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="eksport danych do pliku CSV lub XLSX")
    kinds = export.add_subparsers(dest="export_kind", required=True, metavar="RODZAJ")
    proposals = kinds.add_parser(
        "proposals",
        help="propozycje (dokładnie ten widok, który opisują filtry)",
        description="Format pliku wynika z rozszerzenia: .csv (UTF-8 z BOM, ';') albo .xlsx.",
    )
    proposals.add_argument("--out", type=Path, required=True, help="plik wynikowy .csv lub .xlsx")
    proposals.add_argument("--q", default="", help="szukany tekst (tytuł i opis)")
    add_status_and_subteams(proposals)
    proposals.add_argument(
        "--source", nargs="+", default=[], choices=PROPOSAL_SOURCES, metavar="ŹRÓDŁO"
    )
    proposals.add_argument("--district", nargs="+", default=[], type=int, metavar="NR")
    proposals.add_argument("--area", nargs="+", default=[], metavar="OBSZAR")
    proposals.add_argument("--team", default="", metavar="SLUG", help="zespół tematyczny")
    add_date_range(proposals)
    proposals.set_defaults(handler=cmd_export_proposals)
    public_export.register_kind(kinds)  # /wyniki open data


def filters_from_args(args: argparse.Namespace) -> ProposalFilters:
    return ProposalFilters(
        q=args.q.strip(),
        statuses=tuple(dict.fromkeys(args.status)),
        subteam_slugs=tuple(dict.fromkeys(args.subteam)),
        sources=tuple(dict.fromkeys(args.source)),
        district_numbers=tuple(dict.fromkeys(args.district)),
        areas=tuple(dict.fromkeys(args.area)),
        date_from=args.date_from,
        date_to=args.date_to,
        team_slug=args.team.strip(),
    )


def cmd_export_proposals(args: argparse.Namespace) -> None:
    out: Path = args.out
    file_format = checked_export(args, FORMATS, ".csv albo .xlsx")
    engine = open_engine(args)
    # Scheduled exports are for the team's meetings: no personal data of authors.
    exported = build_export(
        engine, cli_actor(), filters_from_args(args), file_format, include_personal=False
    )
    write_whole(out, exported.content)
    print(f"Zapisano {exported.row_count} propozycji do {out}.")
