"""Sign-in against the ``users`` table: bcrypt hashes and a lockout kept in the database.

No Streamlit here: the sign-in page (``dashboard/ui/auth.py``) and the tests call
these functions. The lockout lives in ``users.failed_logins`` / ``users.locked_until``,
so it survives restarts and holds across every app process on one database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from dashboard.core.permissions import Actor
from dashboard.core.security import decoy_hash, normalise_username, verify_password
from dashboard.queries.accounts import actor_for
from dashboard.services.audit import record
from db.engine import now
from db.models import User

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class SignInResult:
    """``actor`` is set only on success. Failures are deliberately not told apart
    (unknown name, wrong password, locked, disabled): the page shows one message."""

    actor: Actor | None

    @property
    def ok(self) -> bool:
        return self.actor is not None


def sign_in(
    engine: Engine, username: str, password: str, at: datetime | None = None
) -> SignInResult:
    """Check a password, counting failures and locking the name after five of them.

    A locked name is refused even with the right password until the lock expires;
    a success resets the counter.
    """
    moment = at or now()
    name = normalise_username(username)
    row = _credentials_row(engine, name)
    usable = row is not None and not row.disabled and not _is_locked(row.locked_until, moment)
    password_ok = verify_password(password, row.password_hash if usable else decoy_hash())
    if not usable:
        return SignInResult(None)
    if not password_ok:
        _record_failure(engine, row.id, name, moment)
        return SignInResult(None)
    if not _record_success(engine, row.id, moment):
        return SignInResult(None)  # another process locked the name meanwhile
    return SignInResult(actor_for(engine, name))


def _credentials_row(engine: Engine, username: str):
    query = select(
        User.id, User.password_hash, User.disabled, User.locked_until, User.failed_logins
    ).where(User.username == username)
    with engine.connect() as connection:
        return connection.execute(query).first()


def _is_locked(locked_until: datetime | None, moment: datetime) -> bool:
    return locked_until is not None and locked_until > moment


def _record_failure(engine: Engine, user_id: int, username: str, moment: datetime) -> None:
    # Atomic increments, not read-modify-write: correct when several processes race.
    # A plain transaction (not write_session): sign-in counters are not shown in any
    # cached view, so they should not invalidate every cache in every process.
    with engine.begin() as connection:
        connection.execute(
            update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1)
        )
        locked = connection.execute(
            update(User)
            .where(User.id == user_id, User.failed_logins >= MAX_FAILED_SIGN_INS)
            .values(failed_logins=0, locked_until=moment + LOCKOUT)
        ).rowcount
        if locked:
            with Session(bind=connection) as session:
                record(
                    session,
                    username,
                    "user.locked",
                    f"{MAX_FAILED_SIGN_INS} nieudanych logowań — blokada do "
                    f"{(moment + LOCKOUT):%H:%M}",
                )


def _record_success(engine: Engine, user_id: int, moment: datetime) -> bool:
    with engine.begin() as connection:
        changed = connection.execute(
            update(User)
            .where(
                User.id == user_id,
                or_(User.locked_until.is_(None), User.locked_until <= moment),
            )
            .values(failed_logins=0, locked_until=None)
        ).rowcount
    return changed == 1
