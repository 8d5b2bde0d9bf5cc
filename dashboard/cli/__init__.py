"""Command line: ``python -m dashboard COMMAND`` (also ``panel-strategii``).

A thin layer: each command parses its options and calls plain functions.
Expected failures print one line and exit with status 1 — no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from dashboard.cli.common import CliError, open_engine
from dashboard.core.errors import PanelError

# Modules adding their own commands through ``register(subparsers)``.
# Each area appends its module here.
COMMAND_MODULES = (
    "dashboard.cli.database",
    "dashboard.cli.imports",
    "dashboard.cli.users",
    "dashboard.cli.exports",
    "dashboard.cli.deck",
    "dashboard.cli.mail",
    "dashboard.cli.digest",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Panel Strategii Toruń — narzędzia wiersza poleceń.",
    )
    parser.add_argument(
        "--database-url",
        help="adres bazy danych (domyślnie DATABASE_URL albo db/strategia.sqlite)",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        import_module(module_name).register(subparsers)
    return parser


def describe_database_error(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()[0] if str(original).strip() else repr(original)
    lowered = text.lower()
    if "unable to open database file" in lowered:
        return "Nie można otworzyć pliku bazy danych (czy katalog istnieje i jest dostępny?)"
    if "readonly" in lowered or "read-only" in lowered:
        return "Plik bazy danych jest tylko do odczytu — brak prawa zapisu."
    if "locked" in lowered:
        return "Baza danych jest zablokowana przez inny proces — spróbuj ponownie za chwilę."
    if "connection" in lowered or "could not" in lowered or "refused" in lowered:
        return f"Nie można połączyć się z serwerem bazy danych: {text}"
    return f"Błąd bazy danych: {text}"


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        return handler(args) or 0
    except CliError as error:
        print(f"Błąd: {error}", file=sys.stderr)
    except PanelError as error:
        print(f"Błąd: {error.message('pl')}", file=sys.stderr)
    except OperationalError as error:
        print(f"Błąd: {describe_database_error(error)}", file=sys.stderr)
    except SQLAlchemyError as error:
        print(f"Błąd: {describe_database_error(error)}", file=sys.stderr)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        print(f"Błąd: {error.strerror}: {error.filename}", file=sys.stderr)
    return 1


def main() -> None:
    sys.exit(run())


__all__ = ["CliError", "build_parser", "main", "open_engine", "run"]
