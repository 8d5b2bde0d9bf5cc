"""``python -m dashboard digest --to ADDR... [--since DATE] [--subteam SLUG...]`` and
``digest --subscribers`` (the Monday timer): queue the staff digest with the deck PDF."""

from __future__ import annotations

import argparse

from dashboard.cli.common import (
    CliError,
    add_subteam_option,
    cli_actor,
    open_migrated_engine,
    parse_date,
)
from dashboard.core.settings import load_settings
from dashboard.services.digest import queue_digest, queue_weekly_digests


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "digest",
        help="wyślij e-mailem podsumowanie zmian z materiałami na spotkanie (PDF)",
        description="Kolejkuje wiadomość „co się zmieniło od…” z materiałami na spotkanie "
        "(PDF) w załączniku: osobną do każdego adresu z --to, albo (--subscribers) "
        "cotygodniowe podsumowanie do osób, które je włączyły na stronie Ustawienia — raz "
        "na tydzień. Wysyła je mail send.",
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", nargs="+", metavar="ADRES", help="adresy e-mail odbiorców")
    who.add_argument(
        "--subscribers",
        action="store_true",
        help="cotygodniowe podsumowanie (ostatnie 7 dni) dla subskrybentów",
    )
    parser.add_argument(
        "--since",
        type=parse_date,
        help="początek zmian, DD.MM.RRRR albo RRRR-MM-DD (domyślnie 14 dni temu)",
    )
    add_subteam_option(parser)
    parser.set_defaults(handler=cmd_digest)


def cmd_digest(args: argparse.Namespace) -> int:
    engine = open_migrated_engine(args)
    base_url = load_settings().public_base_url
    if args.subscribers:
        if args.since or args.subteam:
            raise CliError("--since i --subteam działają tylko z --to.")
        queued = queue_weekly_digests(engine, cli_actor(), base_url)
    else:
        queued = queue_digest(
            engine, cli_actor(), args.to, base_url, since=args.since, subteam_slugs=args.subteam
        )
    print(f"Podsumowania w kolejce: {len(queued)} (wyśle je: python -m dashboard mail send).")
    return 0
