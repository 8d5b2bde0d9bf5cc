"""Small reference rows and accounts for the access tests (real inserts, no mocks)."""

from __future__ import annotations

import functools

import bcrypt
import pytest
from sqlalchemy import Engine, insert

from dashboard.core import security
from db.engine import now, write_session
from db.models import Subteam, ThematicTeam, User, UserSubteam

PASSWORD = "poprawne-haslo-12"


FAST_COST = 4


@pytest.fixture
def fast_bcrypt(monkeypatch):
    """bcrypt at cost 4 for tests that sign in many times (cost 12 is ~0.2-1 s per check).

    The production cost is asserted by a test that does not use this fixture.
    """
    monkeypatch.setattr(security, "BCRYPT_COST", FAST_COST)
    security.decoy_hash.cache_clear()
    yield
    security.decoy_hash.cache_clear()


@functools.cache
def _cached_hash(password: str, cost: int) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=cost)).decode()


def password_hash(password: str = PASSWORD) -> str:
    return _cached_hash(password, FAST_COST)


def add_subteams(engine: Engine, count: int = 2) -> None:
    with write_session(engine) as session:
        session.execute(insert(ThematicTeam).values(id=1, name="Zespół", slug="zespol"))
        for number in range(1, count + 1):
            session.execute(
                insert(Subteam).values(
                    id=number, team_id=1, name=f"Podzespół {number}", slug=f"p{number}"
                )
            )


def add_account(
    engine: Engine,
    username: str,
    role: str = "member",
    subteam_ids: tuple[int, ...] = (),
    *,
    display_name: str | None = None,
    disabled: bool = False,
    is_demo: bool = False,
) -> None:
    with write_session(engine) as session:
        user_id = session.execute(
            insert(User)
            .values(
                username=username,
                display_name=display_name or username.title(),
                password_hash=password_hash(),
                role=role,
                subteam_id=subteam_ids[0] if subteam_ids else None,
                failed_logins=0,
                disabled=disabled,
                is_demo=is_demo,
                created_at=now(),
            )
            .returning(User.id)
        ).scalar_one()
        for subteam_id in subteam_ids:
            session.execute(insert(UserSubteam).values(user_id=user_id, subteam_id=subteam_id))
