"""Database commands: init-db, seed-demo, backup, check."""

from __future__ import annotations

import argparse
import secrets
import time
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select

from dashboard.cli.common import CliError, cli_actor, open_engine, positive_int
from dashboard.services.backup import BackupError, backup_sqlite
from db import demo
from db.migrate import current_revision, head_revision, upgrade
from db.models import Base


def register(subparsers: argparse._SubParsersAction) -> None:
    init_db = subparsers.add_parser(
        "init-db", help="utwórz lub zaktualizuj schemat bazy (migracje do najnowszej wersji)"
    )
    init_db.set_defaults(handler=cmd_init_db)

    seed = subparsers.add_parser("seed-demo", help="wypełnij pustą bazę danymi demonstracyjnymi")
    seed.add_argument(
        "--scale",
        type=positive_int,
        default=1,
        help="mnożnik liczby propozycji, osób i zapisów (domyślnie 1)",
    )
    seed.add_argument(
        "--seed",
        type=int,
        default=2035,
        help="ziarno losowania (te same dane dla tego samego ziarna)",
    )
    seed.add_argument(
        "--force", action="store_true", help="usuń istniejące dane przed wypełnieniem"
    )
    seed.add_argument("--if-empty", action="store_true", help="nic nie rób, gdy baza ma już dane")
    seed.set_defaults(handler=cmd_seed_demo)

    backup = subparsers.add_parser(
        "backup", help="kopia zapasowa bazy SQLite (bezpieczna w trakcie pracy panelu)"
    )
    backup.add_argument("dest", type=Path, help="plik docelowy kopii")
    backup.set_defaults(handler=cmd_backup)

    make_secrets = subparsers.add_parser(
        "make-secrets", help="utwórz plik sekretów z losowym kluczem ciasteczka (jeśli go nie ma)"
    )
    make_secrets.add_argument("path", type=Path, help="np. .streamlit/secrets.toml")
    make_secrets.set_defaults(handler=cmd_make_secrets)

    check = subparsers.add_parser(
        "check", help="sprawdź połączenie, wersję schematu i liczbę wierszy"
    )
    check.set_defaults(handler=cmd_check)


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a plain SQLite URL (not in-memory, not a ``file:`` URI)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        return None
    if database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve()


def _require_sqlite_directory(engine: Engine) -> None:
    path = sqlite_file(engine)
    if path is not None and not path.parent.is_dir():
        raise CliError(f"Katalog bazy danych nie istnieje: {path.parent}")


def cmd_init_db(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    _require_sqlite_directory(engine)
    upgrade(engine)
    print(f"Schemat bazy jest aktualny (wersja {head_revision()}).")


def cmd_seed_demo(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    _require_sqlite_directory(engine)
    if current_revision(engine) != head_revision():
        raise CliError("Schemat bazy nie jest aktualny — najpierw: python -m dashboard init-db")
    if not demo.database_is_empty(engine):
        if args.if_empty:
            print("Baza ma już dane — pomijam dane demonstracyjne.")
            return
        if not args.force:
            raise CliError(
                "Baza nie jest pusta. Użyj --force, aby zastąpić jej dane danymi demonstracyjnymi."
            )
        demo.clear_all_data(engine)
    started = time.perf_counter()
    try:
        counts = demo.seed_demo(engine, scale=args.scale, seed=args.seed)
    except demo.DemoDataError as error:
        raise CliError(str(error)) from error
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{table}: {count}" for table, count in counts.items())
    print(f"Dane demonstracyjne wczytane w {elapsed:.1f} s ({summary}).")


def cmd_backup(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    try:
        written = backup_sqlite(engine, cli_actor(), args.dest)
    except BackupError as error:
        raise CliError(error.message("pl")) from error
    print(f"Kopia zapisana: {written}")


def table_row_counts(engine: Engine) -> dict[str, int]:
    existing = set(inspect(engine).get_table_names())
    counts = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in existing:
                counts[table.name] = connection.execute(
                    select(func.count()).select_from(table)
                ).scalar_one()
    return counts


def cmd_check(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    _require_sqlite_directory(engine)
    path = sqlite_file(engine)
    if path is not None and not path.exists():
        raise CliError(f"Plik bazy danych nie istnieje: {path} — uruchom init-db")
    revision = current_revision(engine)
    head = head_revision()
    print(f"Baza danych: {engine.url.render_as_string(hide_password=True)} — połączenie działa.")
    print(f"Wersja schematu: {revision or 'brak (pusta baza)'}; najnowsza: {head}.")
    for table, count in table_row_counts(engine).items():
        print(f"  {table:<18} {count:>9}")
    if revision != head:
        print("Schemat nie jest aktualny — uruchom: python -m dashboard init-db")
        return 1
    return 0


def cmd_make_secrets(args: argparse.Namespace) -> None:
    path: Path = args.path
    if path.exists():
        print(f"Plik sekretów już istnieje: {path}")
        return
    if not path.parent.is_dir():
        raise CliError(f"Katalog nie istnieje: {path.parent}")
    key = secrets.token_urlsafe(48)
    path.write_text(
        f'# Created by `make`; never commit this file.\ncookie_key = "{key}"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)
    print(f"Utworzono plik sekretów z losowym kluczem ciasteczka: {path}")
