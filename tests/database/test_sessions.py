"""Server-side sign-in sessions on SQLite and PostgreSQL: a token works until its session
ends — by signing out (that browser), a new password, disabling the account or an admin's
"sign out everywhere" (every browser) — or expires; checked with a fresh engine, as
another app process would."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from dashboard.cli import run
from dashboard.core.errors import NotFound
from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.queries.accounts import actor_for_session
from dashboard.queries.audit import recent_entries
from dashboard.services import auth, sessions, users
from db.engine import make_engine, now
from db.models import SignInSession
from tests.support.accounts import PASSWORD, add_account

pytestmark = pytest.mark.usefixtures("fast_bcrypt")

ADMIN = Actor("admin", "admin")
KEY = "test-session-key"
DAY = timedelta(days=1)


def _signed_in(engine, username: str) -> str:
    actor = auth.sign_in(engine, username, PASSWORD).actor
    assert actor is not None
    return sessions.start_session(engine, actor, DAY, KEY)


def _other_process(engine):
    """A second engine on the same database: no shared memory with the first."""
    return make_engine(engine.url.render_as_string(hide_password=False))


def _who(engine, token: str) -> str | None:
    other = _other_process(engine)
    try:
        actor = actor_for_session(other, token, KEY)
    finally:
        other.dispose()
    return actor.username if actor else None


@pytest.fixture
def two_people(engine):
    add_account(engine, "admin", "admin")
    add_account(engine, "ola")
    add_account(engine, "piotr")
    return engine


def test_a_token_signs_in_until_its_own_sign_out(two_people):
    engine = two_people
    first, second = _signed_in(engine, "ola"), _signed_in(engine, "ola")
    assert _who(engine, first) == "ola" and _who(engine, second) == "ola"
    sessions.end_session(engine, first, KEY)
    assert _who(engine, first) is None
    assert _who(engine, second) == "ola"  # another browser of the same person stays


def test_only_the_hash_is_stored_and_a_wrong_key_or_token_is_refused(two_people):
    engine = two_people
    token = _signed_in(engine, "ola")
    with engine.connect() as connection:
        stored = connection.execute(select(SignInSession.token_hash)).scalars().all()
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64
    assert actor_for_session(engine, token, "another-key") is None
    assert actor_for_session(engine, token[:-1] + ("A" if token[-1] != "A" else "B"), KEY) is None
    assert actor_for_session(engine, "", KEY) is None


def test_a_new_password_ends_every_session_of_that_user_only(two_people):
    engine = two_people
    ola, ola_phone, piotr = (_signed_in(engine, name) for name in ("ola", "ola", "piotr"))
    users.set_password(engine, ADMIN, "ola", "zupelnie-nowe-haslo")
    assert _who(engine, ola) is None and _who(engine, ola_phone) is None
    assert _who(engine, piotr) == "piotr"


def test_disabling_ends_sessions_and_enabling_does_not_bring_them_back(two_people):
    engine = two_people
    token = _signed_in(engine, "ola")
    users.set_disabled(engine, ADMIN, "ola", True)
    assert _who(engine, token) is None
    users.set_disabled(engine, ADMIN, "ola", False)
    assert _who(engine, token) is None


def test_admin_signs_a_user_out_everywhere_audited(two_people):
    engine = two_people
    tokens = [_signed_in(engine, "ola") for _ in range(3)]
    piotr = _signed_in(engine, "piotr")
    assert sessions.sign_out_everywhere(engine, ADMIN, "Ola") == 3
    assert all(_who(engine, token) is None for token in tokens)
    assert _who(engine, piotr) == "piotr"
    entry = recent_entries(engine, ADMIN).iloc[0]
    assert (entry["action"], entry["detail"], entry["row_count"]) == (
        "user.sign_out_everywhere",
        "ola",
        3,
    )


@pytest.mark.parametrize(
    "actor", [Actor("dyrektor", "director"), Actor("lider", "lead", frozenset({1}))]
)
def test_only_an_admin_signs_others_out(two_people, actor):
    token = _signed_in(two_people, "ola")
    with pytest.raises(PermissionDenied):
        sessions.sign_out_everywhere(two_people, actor, "ola")
    assert _who(two_people, token) == "ola"


def test_signing_out_an_unknown_user_is_refused(two_people):
    with pytest.raises(NotFound):
        sessions.sign_out_everywhere(two_people, ADMIN, "nikt")


def test_a_session_expires_and_expired_rows_are_dropped_at_the_next_sign_in(two_people):
    engine = two_people
    actor = auth.sign_in(engine, "ola", PASSWORD).actor
    started = now()
    token = sessions.start_session(engine, actor, timedelta(hours=1), KEY, at=started)
    assert actor_for_session(engine, token, KEY, at=started + timedelta(minutes=59)).username
    assert actor_for_session(engine, token, KEY, at=started + timedelta(hours=1)) is None
    sessions.start_session(engine, actor, DAY, KEY, at=started + timedelta(hours=2))
    with engine.connect() as connection:
        left = connection.execute(select(func.count()).select_from(SignInSession)).scalar_one()
    assert left == 1


def test_cli_set_password_and_sign_out_end_sessions(two_people, capsys, monkeypatch):
    engine = two_people
    url = engine.url.render_as_string(hide_password=False)
    token = _signed_in(engine, "ola")
    monkeypatch.setattr("sys.stdin", io.StringIO("haslo-z-wiersza-polecen\n"))
    assert run(["--database-url", url, "user", "set-password", "ola", "--password-stdin"]) == 0
    assert _who(engine, token) is None
    token = _signed_in(engine, "piotr")
    assert run(["--database-url", url, "user", "sign-out", "piotr"]) == 0
    assert "Zakończono sesje konta piotr: 1." in capsys.readouterr().out
    assert _who(engine, token) is None
