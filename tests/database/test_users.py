"""User management: the service (with bypass attempts by every non-admin role) and the CLI."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from dashboard.cli import run
from dashboard.core import security
from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.queries import accounts
from dashboard.queries.audit import recent_entries
from dashboard.queries.users import list_users
from dashboard.services import auth, users
from db.engine import now
from db.models import User, UserSubteam
from tests.support.accounts import PASSWORD, add_account, add_subteams

pytestmark = pytest.mark.usefixtures("fast_bcrypt")

ADMIN = Actor("admin", "admin")
NOT_ADMINS = [
    Actor("dyrektor", "director"),
    Actor("lider", "lead", frozenset({1})),
    Actor("czlonek", "member"),
]
GOOD_PASSWORD = "nowe-haslo-dlugie"


def _user(engine, username):
    with engine.connect() as connection:
        return connection.execute(select(User.__table__).where(User.username == username)).one()


def _user_count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(User)).scalar_one()


def test_admin_adds_a_lead_with_two_subteams(engine):
    add_subteams(engine, 2)
    new = users.NewUser("Nowa.Liderka", "Nowa Liderka", GOOD_PASSWORD, "lead", (2, 1), "n@x.pl")
    users.add_user(engine, ADMIN, new)
    stored = _user(engine, "nowa.liderka")
    assert stored.role == "lead" and stored.subteam_id == 2 and not stored.is_demo
    assert security.verify_password(GOOD_PASSWORD, stored.password_hash)
    with engine.connect() as connection:
        linked = set(connection.execute(select(UserSubteam.subteam_id)).scalars())
    assert linked == {1, 2}
    listing = list_users(engine, ADMIN)
    assert "password_hash" not in listing.columns
    row = listing.set_index("username").loc["nowa.liderka"]
    assert sorted(row["subteams"].split(",")) == ["1", "2"]
    assert auth.sign_in(engine, "nowa.liderka", GOOD_PASSWORD).actor.subteam_ids == {1, 2}
    assert recent_entries(engine, ADMIN)["action"].tolist() == ["user.add"]


@pytest.mark.parametrize(
    ("new", "key"),
    [
        (users.NewUser("jan", "Jan", "krotkie", "member"), "access.error.password_short"),
        (users.NewUser("Ján Ż", "Jan", GOOD_PASSWORD, "member"), "access.error.username_format"),
        (users.NewUser("jan", "  ", GOOD_PASSWORD, "member"), "access.error.display_name_missing"),
        (users.NewUser("jan", "Jan", GOOD_PASSWORD, "boss"), "access.error.role_unknown"),
        (users.NewUser("jan", "Jan", GOOD_PASSWORD, "lead"), "access.error.lead_needs_subteam"),
        (
            users.NewUser("jan", "Jan", GOOD_PASSWORD, "member", (1,)),
            "access.error.subteams_only_for_leads",
        ),
        (users.NewUser("jan", "Jan", GOOD_PASSWORD, "lead", (99,)), "access.error.subteam_unknown"),
        (users.NewUser("istnieje", "X", GOOD_PASSWORD, "member"), "access.error.username_taken"),
    ],
)
def test_bad_new_users_are_refused_with_a_reason_and_nothing_is_stored(sqlite_engine, new, key):
    add_subteams(sqlite_engine, 1)
    add_account(sqlite_engine, "istnieje")
    with pytest.raises(users.UserError) as refused:
        users.add_user(sqlite_engine, ADMIN, new)
    assert refused.value.key == key
    assert refused.value.message("en") and str(refused.value)  # both languages have the text
    assert _user_count(sqlite_engine) == 1
    assert recent_entries(sqlite_engine, ADMIN).empty


@pytest.mark.parametrize("intruder", NOT_ADMINS, ids=lambda actor: actor.role)
def test_every_user_management_write_refuses_non_admins(engine, intruder):
    """The page hides these controls; the service refuses them even when it is bypassed."""
    add_subteams(engine, 1)
    add_account(engine, "ofiara")
    for _ in range(5):
        auth.sign_in(engine, "ofiara", "zle-haslo-000")
    before = _user(engine, "ofiara")
    attempts = [
        lambda: users.add_user(
            engine, intruder, users.NewUser("intruz", "Intruz", GOOD_PASSWORD, "admin")
        ),
        lambda: users.set_password(engine, intruder, "ofiara", GOOD_PASSWORD),
        lambda: users.set_disabled(engine, intruder, "ofiara", True),
        lambda: users.unlock(engine, intruder, "ofiara"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    after = _user(engine, "ofiara")
    assert (after.password_hash, after.disabled, after.locked_until) == (
        before.password_hash,
        before.disabled,
        before.locked_until,
    )
    assert _user_count(engine) == 1
    assert recent_entries(engine, ADMIN)["action"].tolist() == ["user.locked"]


def test_set_password_replaces_the_old_one_and_lifts_the_lock(engine):
    add_account(engine, "basia")
    for _ in range(5):
        auth.sign_in(engine, "basia", "zle-haslo-000")
    users.set_password(engine, ADMIN, "basia", GOOD_PASSWORD)
    assert not auth.sign_in(engine, "basia", PASSWORD).ok
    assert auth.sign_in(engine, "basia", GOOD_PASSWORD).ok
    with pytest.raises(users.UserError, match="12 znaków"):
        users.set_password(engine, ADMIN, "basia", "za-krotkie")
    with pytest.raises(users.UserError) as unknown:
        users.set_password(engine, ADMIN, "nikt", GOOD_PASSWORD)
    assert unknown.value.key == "access.error.user_unknown"


def test_disable_blocks_sign_in_and_the_last_admin_stays(engine):
    add_account(engine, "szef", "admin")
    add_account(engine, "karol")
    users.set_disabled(engine, ADMIN, "karol", True)
    assert not auth.sign_in(engine, "karol", PASSWORD).ok
    assert accounts.actor_for(engine, "karol") is None
    users.set_disabled(engine, ADMIN, "karol", False)
    assert auth.sign_in(engine, "karol", PASSWORD).ok
    with pytest.raises(users.UserError) as last:
        users.set_disabled(engine, ADMIN, "szef", True)
    assert last.value.key == "access.error.last_admin"
    assert not _user(engine, "szef").disabled


def test_unlock_lets_the_right_password_in_at_once(engine):
    add_account(engine, "dorota")
    start = now()
    for _ in range(5):
        auth.sign_in(engine, "dorota", "zle-haslo-000", at=start)
    assert not auth.sign_in(engine, "dorota", PASSWORD, at=start + timedelta(minutes=1)).ok
    users.unlock(engine, ADMIN, "dorota")
    assert auth.sign_in(engine, "dorota", PASSWORD, at=start + timedelta(minutes=1)).ok
    actions = recent_entries(engine, ADMIN)["action"].tolist()
    assert actions == ["user.unlock", "user.locked"]


def _cli(url: str, *argv: str, stdin: str = "", monkeypatch=None, capsys=None):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(["--database-url", url, "user", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_user_commands(sqlite_engine, monkeypatch, capsys):
    url = sqlite_engine.url.render_as_string(hide_password=False)
    add_subteams(sqlite_engine, 1)
    code, out, _ = _cli(
        url,
        *("add", "Marta", "--name", "Marta <b>K</b>", "--role", "lead", "--subteam", "1"),
        "--password-stdin",
        stdin=GOOD_PASSWORD + "\n",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and "marta" in out
    assert auth.sign_in(sqlite_engine, "marta", GOOD_PASSWORD).actor.subteam_ids == {1}

    code, _, err = _cli(
        url,
        *("add", "piotr", "--name", "Piotr", "--role", "member", "--password-stdin"),
        stdin="krotkie\n",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 1 and err.strip() == "Błąd: Hasło musi mieć co najmniej 12 znaków."
    assert accounts.actor_for(sqlite_engine, "piotr") is None

    for _ in range(5):
        auth.sign_in(sqlite_engine, "marta", "zle-haslo-000")
    code, out, _ = _cli(url, "list", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and "marta" in out and "blokada do" in out and "Marta <b>K</b>" in out
    assert _cli(url, "unlock", "marta", monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    assert _cli(url, "disable", "marta", monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    assert accounts.actor_for(sqlite_engine, "marta") is None
    assert _cli(url, "disable", "marta", "--enable", monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    code, _, _ = _cli(
        url,
        *("set-password", "marta", "--password-stdin"),
        stdin="inne-haslo-dlugie\n",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0 and auth.sign_in(sqlite_engine, "marta", "inne-haslo-dlugie").ok
    code, _, err = _cli(url, "unlock", "nikt", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "nikt" in err
    audit_actors = set(recent_entries(sqlite_engine, ADMIN)["actor"])
    assert any(actor.startswith("cli:") for actor in audit_actors)


@pytest.mark.parametrize(
    "command", ["add", "list", "set-password", "disable", "unlock", "sign-out"]
)
def test_cli_user_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        run(["user", command, "--help"])
    assert done.value.code == 0
    assert "usage: python -m dashboard user " + command in capsys.readouterr().out
