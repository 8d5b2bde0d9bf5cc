"""Sign-in against the ``users`` table: bcrypt hashes and a lockout kept in the database.

No Streamlit here: the sign-in page (``dashboard/ui/auth.py``) and the tests call
these functions. The lockout lives in ``users.failed_logins`` / ``users.locked_until``,
so it survives restarts and holds across every app process on one database.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import bcrypt
from sqlalchemy import Engine, exists, or_, select, update
from sqlalchemy.orm import Session

from dashboard.core.permissions import Actor
from dashboard.services.audit import record
from db.engine import now
from db.models import User, UserSubteam

BCRYPT_COST = 12
MIN_PASSWORD_LENGTH = 12
MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
# bcrypt looks only at the first 72 bytes; longer input is refused rather than silently cut.
MAX_PASSWORD_BYTES = 72


@dataclass(frozen=True)
class SignInResult:
    """``actor`` is set only on success. Failures are deliberately not told apart
    (unknown name, wrong password, locked, disabled): the page shows one message."""

    actor: Actor | None

    @property
    def ok(self) -> bool:
        return self.actor is not None


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=BCRYPT_COST)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode(), password_hash.encode())
    except ValueError:  # not a bcrypt hash (or password longer than bcrypt accepts)
        return False


@functools.cache
def _decoy_hash() -> str:
    # Checked for unknown, locked or disabled names so every failure costs the same time.
    return hash_password(secrets.token_urlsafe(16))


def normalise_username(username: str) -> str:
    """streamlit-authenticator lower-cases names; we store and compare them the same way."""
    return username.strip().lower()


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
    password_ok = verify_password(password, row.password_hash if usable else _decoy_hash())
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


def actor_for(engine: Engine, username: str) -> Actor | None:
    """The signed-in person as an ``Actor``; ``None`` for an unknown or disabled name."""
    name = normalise_username(username)
    user_query = select(User.id, User.role, User.display_name, User.subteam_id).where(
        User.username == name, User.disabled.is_(False)
    )
    with engine.connect() as connection:
        user = connection.execute(user_query).first()
        if user is None:
            return None
        linked = connection.execute(
            select(UserSubteam.subteam_id).where(UserSubteam.user_id == user.id)
        ).scalars()
        subteams = set(linked)
    if user.subteam_id is not None:
        subteams.add(user.subteam_id)
    return Actor(name, user.role, frozenset(subteams), user.display_name)


def credentials(engine: Engine) -> dict:
    """The streamlit-authenticator credentials dict of every enabled account.

    A disabled account is left out, so its remember-me cookie stops working too.
    """
    query = (
        select(User.username, User.display_name, User.email, User.password_hash, User.role)
        .where(User.disabled.is_(False))
        .order_by(User.username)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return {
        "usernames": {
            row.username: {
                "name": row.display_name,
                "email": row.email,
                "password": row.password_hash,
                "roles": [row.role],
            }
            for row in rows
        }
    }


def demo_accounts_exist(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(select(exists().where(User.is_demo.is_(True)))).scalar())
