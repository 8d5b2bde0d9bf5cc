"""User commands: ``python -m dashboard user add|list|set-password|disable|unlock``."""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard.cli.common import CliError, cli_actor, open_engine
from dashboard.core.security import MIN_PASSWORD_LENGTH
from dashboard.i18n import t
from dashboard.queries.users import list_users
from dashboard.services.sessions import sign_out_everywhere
from dashboard.services.users import (
    NewUser,
    UserError,
    add_user,
    set_disabled,
)
from dashboard.services.users import set_password as change_password
from dashboard.services.users import unlock as unlock_user
from db.models import USER_ROLES


def register(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser("user", help="konta użytkowników panelu")
    commands = user.add_subparsers(dest="user_command", required=True, metavar="POLECENIE")

    add = commands.add_parser(
        "add",
        help="dodaj konto",
        description=f"Dodaj konto. Hasło (co najmniej {MIN_PASSWORD_LENGTH} znaków) "
        "jest pobierane z klawiatury albo ze standardowego wejścia (--password-stdin).",
    )
    add.add_argument("username", help="login: małe litery, cyfry, kropka, myślnik, podkreślnik")
    add.add_argument("--name", required=True, help="imię i nazwisko (nazwa wyświetlana)")
    add.add_argument("--role", required=True, choices=USER_ROLES, help="rola konta")
    add.add_argument(
        "--subteam",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help="podzespół lidera (można podać kilka razy); wymagany dla roli lead",
    )
    add.add_argument("--email", help="adres e-mail (opcjonalnie)")
    _password_option(add)
    add.set_defaults(handler=cmd_add)

    listing = commands.add_parser("list", help="wypisz konta (bez haseł)")
    listing.set_defaults(handler=cmd_list)

    password = commands.add_parser(
        "set-password",
        help="ustaw nowe hasło (zdejmuje też blokadę logowania i kończy sesje)",
        description="Ustaw nowe hasło konta; zdejmuje też blokadę po nieudanych logowaniach "
        "i kończy wszystkie sesje konta.",
    )
    password.add_argument("username")
    _password_option(password)
    password.set_defaults(handler=cmd_set_password)

    disable = commands.add_parser(
        "disable",
        help="wyłącz konto (albo włącz: --enable)",
        description="Wyłącz konto: nie można się na nie zalogować, a wszystkie jego sesje "
        "kończą się od razu.",
    )
    disable.add_argument("username")
    disable.add_argument("--enable", action="store_true", help="włącz z powrotem wyłączone konto")
    disable.set_defaults(handler=cmd_disable)

    unlock = commands.add_parser(
        "unlock",
        help="zdejmij blokadę po nieudanych logowaniach",
        description="Zdejmij 15-minutową blokadę po 5 nieudanych logowaniach i wyzeruj licznik.",
    )
    unlock.add_argument("username")
    unlock.set_defaults(handler=cmd_unlock)

    sign_out = commands.add_parser(
        "sign-out",
        help="wyloguj konto wszędzie (zakończ wszystkie jego sesje)",
        description="Zakończ wszystkie sesje konta we wszystkich przeglądarkach.",
    )
    sign_out.add_argument("username")
    sign_out.set_defaults(handler=cmd_sign_out)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="czytaj hasło z pierwszego wiersza standardowego wejścia (do skryptów)",
    )


def read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Hasło: ")
    if getpass.getpass("Powtórz hasło: ") != first:
        raise CliError(t("access.error.password_mismatch"))
    return first


def _run(action) -> None:
    try:
        action()
    except UserError as error:
        raise CliError(str(error)) from error


def cmd_add(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    new = NewUser(
        username=args.username,
        display_name=args.name,
        password=read_password(args),
        role=args.role,
        subteam_ids=tuple(args.subteam),
        email=args.email,
    )
    _run(lambda: add_user(engine, cli_actor(), new))
    print(f"Dodano konto {new.username.strip().lower()} ({args.role}).")


def cmd_list(args: argparse.Namespace) -> None:
    frame = list_users(open_engine(args), cli_actor())
    if frame.empty:
        print("Brak kont.")
        return
    print(f"{'login':<20} {'rola':<9} {'podzespoły':<11} {'stan':<22} nazwa")
    for row in frame.itertuples(index=False):
        print(
            f"{row.username:<20} {row.role:<9} {row.subteams or '-':<11} "
            f"{_state(row):<22} {row.display_name}"
        )


def _state(row) -> str:
    states = []
    if row.disabled:
        states.append("wyłączone")
    if row.locked_until is not None and str(row.locked_until) != "NaT":
        states.append(f"blokada do {row.locked_until:%H:%M}")
    if row.is_demo:
        states.append("demo")
    return ", ".join(states) or "aktywne"


def cmd_set_password(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    password = read_password(args)
    _run(lambda: change_password(engine, cli_actor(), args.username, password))
    print(f"Ustawiono nowe hasło konta {args.username}.")


def cmd_disable(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    _run(lambda: set_disabled(engine, cli_actor(), args.username, not args.enable))
    print(f"Konto {args.username} {'włączone' if args.enable else 'wyłączone'}.")


def cmd_sign_out(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    ended = sign_out_everywhere(engine, cli_actor(), args.username)
    print(f"Zakończono sesje konta {args.username}: {ended}.")


def cmd_unlock(args: argparse.Namespace) -> None:
    engine = open_engine(args)
    _run(lambda: unlock_user(engine, cli_actor(), args.username))
    print(f"Zdjęto blokadę logowania konta {args.username}.")
