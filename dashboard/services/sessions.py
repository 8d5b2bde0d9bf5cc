"""Server-side sign-in sessions: the cookie holds a random token, the database its hash.

A session lives in ``sign_in_sessions`` until it expires or is ended: signing out
ends that one; a new password, disabling the account and an admin's "sign out
everywhere" end every session of the user (``users.py`` calls ``end_user_sessions``
in its own transaction). Every script run checks the token against the database
(``queries.accounts.actor_for_session``), so an ended session is refused at once in
every app process. Sign-in bookkeeping does not bump the data version: no cached
view shows it.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.orm import Session

from dashboard.core.errors import NotFound
from dashboard.core.permissions import Actor, require_admin
from dashboard.core.security import normalise_username
from dashboard.queries.accounts import token_hash
from dashboard.services.audit import record
from db.engine import now
from db.models import SignInSession, User

TOKEN_BYTES = 32


def start_session(
    engine: Engine, actor: Actor, lifetime: timedelta, key: str, at: datetime | None = None
) -> str:
    """A new session for the person who has just signed in; returns the cookie's token.

    Expired sessions of the same person are dropped on the way.
    """
    moment = at or now()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with engine.begin() as connection:
        user_id = _user_id(connection, actor.username)
        connection.execute(
            delete(SignInSession).where(
                SignInSession.user_id == user_id, SignInSession.expires_at <= moment
            )
        )
        connection.execute(
            insert(SignInSession).values(
                user_id=user_id,
                token_hash=token_hash(token, key),
                created_at=moment,
                expires_at=moment + lifetime,
            )
        )
    return token


def end_session(engine: Engine, token: str, key: str) -> None:
    """Sign-out: this browser's session ends (other sessions of the person stay)."""
    with engine.begin() as connection:
        connection.execute(
            delete(SignInSession).where(SignInSession.token_hash == token_hash(token, key))
        )


def end_user_sessions(session: Session | Connection, user_id: int) -> int:
    """Inside the caller's transaction: every session of the user ends."""
    return session.execute(delete(SignInSession).where(SignInSession.user_id == user_id)).rowcount


def sign_out_everywhere(engine: Engine, actor: Actor, username: str) -> int:
    """An admin ends every session of ``username``; returns how many ended (audited)."""
    require_admin(actor)
    name = normalise_username(username)
    with engine.begin() as connection:
        user_id = connection.execute(select(User.id).where(User.username == name)).scalar()
        if user_id is None:
            raise NotFound("access.error.user_unknown", username=username)
        ended = end_user_sessions(connection, user_id)
        with Session(bind=connection) as session:
            record(session, actor.username, "user.sign_out_everywhere", name, row_count=ended)
    return ended


def _user_id(connection: Connection, username: str) -> int:
    return connection.execute(
        select(User.id).where(User.username == normalise_username(username))
    ).scalar_one()
