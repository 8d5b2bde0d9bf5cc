"""What every command shares: the one CLI actor, the database, option parsers."""

from __future__ import annotations

import argparse
import getpass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from dashboard.core.permissions import Actor
from dashboard.core.settings import load_settings
from dashboard.queries.accounts import actor_for
from db.engine import make_engine


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
