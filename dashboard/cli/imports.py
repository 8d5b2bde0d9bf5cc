"""Import commands: ``import proposals FILE``, ``import signups FILE --edition YEAR``, and
the value mappings: ``import map KIND VALUE TARGET``, ``import unmap KIND VALUE``,
``import mappings``."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli.common import CliError, actor_named, add_switch, cli_actor, open_engine
from dashboard.core.errors import InvalidInput, PermissionDenied
from dashboard.importers import ImportReport, import_proposals, import_signups
from dashboard.importers.matching import MAPPABLE_KINDS
from dashboard.queries.import_mappings import import_mappings
from dashboard.services.import_mappings import delete_mapping, save_mapping
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

    mapping = kinds.add_parser(
        "map",
        help="zapamiętaj, co oznacza nierozpoznana wartość z pliku (np. osiedle → okręg)",
    )
    mapping.add_argument("kind", choices=MAPPABLE_KINDS, help="rodzaj wartości")
    mapping.add_argument("value", help="wartość tak, jak jest w pliku (np. „Śródmieście”)")
    mapping.add_argument(
        "target", help="co oznacza: numer albo nazwa okręgu, kod albo nazwa, tytuł warsztatu"
    )
    mapping.add_argument("--edition", type=int, help="rok edycji Kongresu (dla warsztatów)")
    mapping.set_defaults(handler=cmd_map)

    unmap = kinds.add_parser("unmap", help="zapomnij przypisanie wartości")
    unmap.add_argument("kind", choices=MAPPABLE_KINDS, help="rodzaj wartości")
    unmap.add_argument("value", help="wartość tak, jak jest w pliku")
    unmap.set_defaults(handler=cmd_unmap)

    listing = kinds.add_parser("mappings", help="pokaż zapamiętane przypisania wartości")
    listing.set_defaults(handler=cmd_mappings)


def cmd_import_proposals(args: argparse.Namespace) -> int:
    data = args.file  # the importer says in one line when it is no file with data
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
    data = args.file
    engine = open_engine(args)
    report = import_signups(engine, cli_actor(), data, args.file.name, args.edition, args.dry_run)
    return print_report(report)


def cmd_map(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    try:
        meaning = save_mapping(
            engine, cli_actor(), args.kind, args.value, args.target, edition=args.edition
        )
    except (InvalidInput, ValueError) as error:
        raise CliError(str(error)) from error
    print(f"Zapamiętano: „{args.value}” ({args.kind}) oznacza odtąd „{meaning}”.")
    return 0


def cmd_unmap(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    try:
        deleted = delete_mapping(engine, cli_actor(), args.kind, args.value)
    except InvalidInput as error:
        raise CliError(str(error)) from error
    if not deleted:
        raise CliError(f"Nie ma przypisania „{args.value}” ({args.kind}).")
    print(f"Zapomniano przypisanie „{args.value}” ({args.kind}).")
    return 0


def cmd_mappings(args: argparse.Namespace) -> int:
    frame = import_mappings(open_engine(args), cli_actor())
    if frame.empty:
        print("Brak zapamiętanych przypisań.")
    for row in frame.itertuples():
        print(
            f"{row.kind}: „{row.value}” → {row.meaning}  ({row.created_by}, {row.created_at:%d.%m.%Y})"
        )
    return 0


def print_report(report: ImportReport) -> int:
    """Summary, ignored columns and one line per problem; 1 when there are problems.

    A file with no row to read (empty, a directory, binary...) gets its one line only."""
    if not report.rows_total and report.problems and all(p.row is None for p in report.problems):
        for problem in report.problems:
            print(f"Plik odrzucony: {problem.reason()}")
        return 1
    print(report.summary())
    if report.ignored_columns:
        print(f"Pominięte kolumny (nieznane): {', '.join(report.ignored_columns)}")
    if report.notes:
        print("Odczytane inaczej, niż napisano — sprawdź:")
        for note in report.notes:
            print(f"  {note.describe()}")
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
    if report.unmatched:
        print("Nierozpoznane wartości można przypisać raz, np.:")
        example = report.unmatched[0]
        print(f'  python -m dashboard import map {example.kind} "{example.value}" WARTOŚĆ')
    return 1


def _row_text(row: int | None) -> str:
    return f"wiersz {row}" if row is not None else "cały plik"
