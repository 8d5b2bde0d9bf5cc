"""What every command shares: the one CLI actor, the database, option parsers."""

from __future__ import annotations

import argparse
import getpass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from dashboard.core.permissions import Actor
from dashboard.core.settings import load_settings
from dashboard.queries.accounts import actor_for
from db.engine import make_engine
from db.migrate import is_at_head
from db.models import PROPOSAL_STATUSES


class CliError(Exception):
    """An expected failure: its message is all the person needs to see."""


def cli_actor() -> Actor:
    """Whoever runs commands on the server has its files: an administrator, named in the
    audit log by their system account."""
    return Actor(f"cli:{getpass.getuser()}", "admin", frozenset(), "wiersz poleceń")


def actor_named(engine: Engine, username: str) -> Actor:
    """An existing, enabled user's permissions (``--as USER``)."""
    actor = actor_for(engine, username)
    if actor is None:
        raise CliError(f"Nie ma aktywnego użytkownika „{username}”.")
    return actor


def open_engine(args: argparse.Namespace) -> Engine:
    url = args.database_url or load_settings().database_url
    try:
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise CliError(f"Nieprawidłowy adres bazy danych (DATABASE_URL): {error}") from error


def open_migrated_engine(args: argparse.Namespace) -> Engine:
    """The engine, once the schema is at Alembic's head (commands that read the panel's data)."""
    engine = open_engine(args)
    if not is_at_head(engine):
        raise CliError("Schemat bazy nie jest aktualny — najpierw: python -m dashboard init-db")
    return engine


def add_subteam_option(parser: argparse.ArgumentParser) -> None:
    """``--subteam SLUG``, repeatable; none means the whole team."""
    parser.add_argument(
        "--subteam",
        action="append",
        default=[],
        metavar="SLUG",
        help="podzespół (można podać kilka razy; domyślnie cały zespół)",
    )


def add_status_and_subteams(parser: argparse.ArgumentParser) -> None:
    """``--status`` and ``--subteam``, each taking several values (export filters)."""
    parser.add_argument(
        "--status", nargs="+", default=[], choices=PROPOSAL_STATUSES, metavar="STATUS"
    )
    parser.add_argument("--subteam", nargs="+", default=[], metavar="SLUG")


def add_date_range(parser: argparse.ArgumentParser) -> None:
    """``--from`` and ``--to`` (``date_from``, ``date_to``), inclusive days."""
    parser.add_argument("--from", dest="date_from", type=parse_date, metavar="DATA")
    parser.add_argument("--to", dest="date_to", type=parse_date, metavar="DATA")


def checked_export(args: argparse.Namespace, formats, extensions: str) -> str:
    """The file format of ``args.out`` (its extension), once the folder exists and
    ``--from`` is not after ``--to``; ``extensions`` names the allowed ones in the message."""
    out: Path = args.out
    file_format = out.suffix.lower().lstrip(".")
    if file_format not in formats:
        raise CliError(f"Nieznany format pliku „{out.name}” — użyj rozszerzenia {extensions}.")
    if not out.parent.resolve().is_dir():
        raise CliError(f"Katalog nie istnieje: {out.parent}")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("Data --from jest późniejsza niż --to.")
    return file_format


def write_whole(out: Path, content: bytes) -> None:
    """Write through a ``.part`` file, so a scheduled reader never sees a half-written one."""
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(content)
    partial.replace(out)


def add_switch(parser: argparse.ArgumentParser, option: str, help_text: str) -> None:
    """An on/off option (``--dry-run``): False unless given."""
    parser.add_argument(option, action="store_true", help=help_text)


def parse_date(text: str) -> date:
    """A date as people type it: 30.09.2025 or 2025-09-30."""
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"nieprawidłowa data „{text}” (np. 2025-09-30 albo 30.09.2025)"
    )


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("musi być liczbą całkowitą ≥ 1")
    return value
