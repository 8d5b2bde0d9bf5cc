"""Import commands: ``import proposals FILE`` and ``import signups FILE --edition YEAR``."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli.common import CliError, actor_named, add_switch, cli_actor, open_engine
from dashboard.core.errors import PermissionDenied
from dashboard.importers import ImportReport, import_proposals, import_signups
from db.models import PROPOSAL_SOURCES

DRY_RUN_HELP = "tylko sprawdź plik i pokaż problemy, nic nie zapisuj"


def register(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("import", help="import propozycji albo zapisów z pliku CSV/XLSX")
    kinds = group.add_subparsers(dest="import_kind", required=True, metavar="CO")

    proposals = kinds.add_parser("proposals", help="import propozycji (CSV albo XLSX)")
    proposals.add_argument("file", type=Path, help="plik CSV albo XLSX")
    add_switch(proposals, "--dry-run", DRY_RUN_HELP)
    proposals.add_argument(
        "--as",
        dest="username",
        help="importuj z uprawnieniami tego użytkownika (lider: tylko do swoich podzespołów)",
    )
    proposals.add_argument(
        "--source",
        choices=PROPOSAL_SOURCES,
        help="źródło dla wierszy bez kolumny „Źródło” (domyślnie wymagane w pliku)",
    )
    proposals.set_defaults(handler=cmd_import_proposals)

    signups = kinds.add_parser("signups", help="import zapisów na Kongres (CSV albo XLSX)")
    signups.add_argument("file", type=Path, help="plik CSV albo XLSX (eksport formularza)")
    signups.add_argument("--edition", type=int, required=True, help="rok edycji Kongresu")
    add_switch(signups, "--dry-run", DRY_RUN_HELP)
    signups.set_defaults(handler=cmd_import_signups)


def cmd_import_proposals(args: argparse.Namespace) -> int:
    data = _read_file(args.file)
    engine = open_engine(args)
    actor = actor_named(engine, args.username) if args.username else cli_actor()
    try:
        report = import_proposals(
            engine, actor, data, args.file.name, args.dry_run, default_source=args.source
        )
    except PermissionDenied as error:
        raise CliError(str(error)) from error
    return print_report(report)


def cmd_import_signups(args: argparse.Namespace) -> int:
    data = _read_file(args.file)
    engine = open_engine(args)
    report = import_signups(engine, cli_actor(), data, args.file.name, args.edition, args.dry_run)
    return print_report(report)


def _read_file(path: Path) -> bytes:
    if not path.is_file():
        raise CliError(f"Nie ma takiego pliku: {path}")
    return path.read_bytes()


def print_report(report: ImportReport) -> int:
    """Summary, ignored columns and one line per problem; 1 when there are problems."""
    print(report.summary())
    if report.ignored_columns:
        print(f"Pominięte kolumny (nieznane): {', '.join(report.ignored_columns)}")
    if report.ok:
        if report.dry_run:
            print("Plik jest poprawny (próba — nic nie zapisano).")
        return 0
    heading = (
        "Próba: znalezione problemy" if report.dry_run else "Import odrzucony, nic nie zapisano"
    )
    print(f"{heading} ({len(report.problems)}):")
    width = max(len(_row_text(problem.row)) for problem in report.problems)
    for problem in report.problems:
        print(f"  {_row_text(problem.row):>{width}}  {problem.column}: {problem.reason()}")
    return 1


def _row_text(row: int | None) -> str:
    return f"wiersz {row}" if row is not None else "cały plik"
