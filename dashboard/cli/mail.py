"""``python -m dashboard mail send|alerts``: deliver what waits in the outbox; queue the
overdue-milestone alerts (both run by timers)."""

from __future__ import annotations

import argparse

from dashboard.cli.common import cli_actor, open_engine, positive_int
from dashboard.core.settings import load_settings
from dashboard.services.alerts import check_milestones
from dashboard.services.mail_delivery import BATCH_LIMIT, deliver_pending


def register(subparsers: argparse._SubParsersAction) -> None:
    mail = subparsers.add_parser("mail", help="poczta e-mail ze skrzynki nadawczej")
    actions = mail.add_subparsers(dest="mail_action", required=True, metavar="AKCJA")
    send = actions.add_parser(
        "send",
        help="wyślij oczekujące wiadomości (ponawia nieudane z rosnącym odstępem)",
        description="Wysyła wiadomości, które czekają w skrzynce nadawczej, przez serwer "
        "SMTP z ustawień (SMTP_HOST, SMTP_PORT, ...). Bez SMTP_HOST nic nie wysyła.",
    )
    send.add_argument(
        "--limit", type=positive_int, default=BATCH_LIMIT, help="najwięcej wiadomości naraz"
    )
    send.set_defaults(handler=cmd_send)
    alerts = actions.add_parser(
        "alerts",
        help="powiadom liderów o kamieniach milowych, które stały się zagrożone lub opóźnione",
        description="Porównuje stan każdego kamienia milowego z zapisanym przy poprzednim "
        "uruchomieniu; przy zmianie na zagrożony albo opóźniony kolejkuje jedną wiadomość "
        "do każdego lidera podzespołu (raz na zmianę stanu). Wysyła je potem mail send.",
    )
    alerts.set_defaults(handler=cmd_alerts)


def cmd_send(args: argparse.Namespace) -> int:
    report = deliver_pending(open_engine(args), load_settings(), limit=args.limit)
    print(report.summary())
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    settings = load_settings()
    report = check_milestones(open_engine(args), cli_actor(), settings.public_base_url)
    print(report.summary())
    return 0
