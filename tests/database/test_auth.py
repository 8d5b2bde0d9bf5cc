"""Sign-in against the users table: bcrypt, the database lockout, actors, credentials."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from dashboard.core import security
from dashboard.queries import accounts
from dashboard.queries.audit import recent_entries
from dashboard.services import auth
from db.engine import make_engine, now
from db.models import User
from harness.apptest import ADMIN
from tests.support.accounts import PASSWORD, add_account, add_subteams


def _counters(engine, username):
    with engine.connect() as connection:
        return connection.execute(
            select(User.failed_logins, User.locked_until).where(User.username == username)
        ).one()


def test_hashes_are_bcrypt_cost_12_and_verify():
    assert security.BCRYPT_COST == 12
    hashed = security.hash_password("bardzo-dlugie-haslo")
    assert hashed.startswith("$2b$12$")
    assert security.verify_password("bardzo-dlugie-haslo", hashed)
    assert not security.verify_password("inne-haslo-123", hashed)
    assert not security.verify_password("x", "not-a-bcrypt-hash")


@pytest.mark.usefixtures("fast_bcrypt")
def test_sign_in_returns_the_actor_with_every_bound_subteam(engine):
    add_subteams(engine, 3)
    add_account(engine, "liderka", "lead", (2, 3), display_name="Anna Liderka")
    result = auth.sign_in(engine, "  Liderka ", PASSWORD)
    assert result.ok
    assert result.actor.username == "liderka"
    assert result.actor.role == "lead"
    assert result.actor.subteam_ids == frozenset({2, 3})
    assert result.actor.display_name == "Anna Liderka"
    assert result.actor.can_edit_subteam(2) and not result.actor.can_edit_subteam(1)


@pytest.mark.usefixtures("fast_bcrypt")
def test_five_failures_lock_the_name_even_for_the_right_password(engine):
    add_account(engine, "jan")
    start = now()
    for attempt in range(4):
        assert not auth.sign_in(engine, "jan", "zle-haslo-000", at=start).ok
        assert _counters(engine, "jan").failed_logins == attempt + 1
    assert auth.sign_in(engine, "jan", PASSWORD, at=start).ok, "4 failures do not lock"
    assert _counters(engine, "jan").failed_logins == 0, "a success resets the counter"

    for _ in range(5):
        assert not auth.sign_in(engine, "jan", "zle-haslo-000", at=start).ok
    locked_until = _counters(engine, "jan").locked_until
    assert locked_until == start + timedelta(minutes=15)
    assert not auth.sign_in(engine, "jan", PASSWORD, at=start + timedelta(minutes=14)).ok
    assert _counters(engine, "jan").locked_until == locked_until, "attempts do not extend it"
    assert auth.sign_in(engine, "jan", PASSWORD, at=start + timedelta(minutes=15, seconds=1)).ok
    assert _counters(engine, "jan") == (0, None)


@pytest.mark.usefixtures("fast_bcrypt")
def test_lockout_holds_across_two_engines_on_one_database(engine):
    """Two app processes = two engines: the counter and the lock live in the database."""
    add_account(engine, "ewa")
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        start = now()
        for attempt in range(5):
            either = engine if attempt % 2 == 0 else other
            assert not auth.sign_in(either, "ewa", "zle-haslo-000", at=start).ok
        assert not auth.sign_in(other, "ewa", PASSWORD, at=start).ok
        assert not auth.sign_in(engine, "ewa", PASSWORD, at=start).ok
        later = start + timedelta(minutes=16)
        assert auth.sign_in(other, "ewa", PASSWORD, at=later).ok
    finally:
        other.dispose()


@pytest.mark.usefixtures("fast_bcrypt")
def test_lock_is_written_to_the_audit_log(engine):
    add_account(engine, "adam")
    for _ in range(5):
        auth.sign_in(engine, "adam", "zle-haslo-000")
    entries = recent_entries(engine, ADMIN)
    assert list(entries["action"]) == ["user.locked"]
    assert entries["actor"].iloc[0] == "adam"


@pytest.mark.usefixtures("fast_bcrypt")
def test_unknown_and_disabled_names_fail_alike_and_change_nothing(engine):
    add_account(engine, "wylaczony", disabled=True)
    assert auth.sign_in(engine, "nieistniejacy", PASSWORD) == auth.SignInResult(None)
    assert auth.sign_in(engine, "wylaczony", PASSWORD) == auth.SignInResult(None)
    assert _counters(engine, "wylaczony") == (0, None)
    assert accounts.actor_for(engine, "wylaczony") is None


def test_demo_mode_means_demo_accounts_exist(engine):
    assert not accounts.demo_accounts_exist(engine)
    add_account(engine, "zwykly")
    assert not accounts.demo_accounts_exist(engine)
    add_account(engine, "demo1", is_demo=True)
    assert accounts.demo_accounts_exist(engine)


def test_demo_accounts_have_their_roles_and_the_demo_password(demo_url):
    engine = make_engine(demo_url)  # read-only: sign_in itself would write the counters
    try:
        with engine.connect() as connection:
            hashes = dict(connection.execute(select(User.username, User.password_hash)).all())
        assert set(hashes) == {"admin", "dyrektor", "lider", "czlonek"}
        assert security.verify_password("demo", hashes["czlonek"])
        for username, role in {
            "admin": "admin",
            "dyrektor": "director",
            "lider": "lead",
            "czlonek": "member",
        }.items():
            actor = accounts.actor_for(engine, username)
            assert actor is not None and actor.role == role
        assert accounts.actor_for(engine, "lider").subteam_ids == frozenset({1})
    finally:
        engine.dispose()
