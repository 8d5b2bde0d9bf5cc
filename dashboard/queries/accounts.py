"""Who is signed in: the person as an ``Actor``, the person a sign-in session's token
belongs to, and whether demo accounts exist."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import Engine, exists, select

from dashboard.core.permissions import Actor
from dashboard.core.security import normalise_username
from db.engine import now
from db.models import SignInSession, User, UserSubteam


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


def actor_for_session(
    engine: Engine, token: str, key: str, at: datetime | None = None
) -> Actor | None:
    """The person a sign-in cookie's token belongs to, or ``None`` when its session has
    ended or expired or its account is disabled. Never cached: read on every run."""
    query = (
        select(User.username)
        .join(SignInSession, SignInSession.user_id == User.id)
        .where(
            SignInSession.token_hash == token_hash(token, key),
            SignInSession.expires_at > (at or now()),
            User.disabled.is_(False),
        )
    )
    with engine.connect() as connection:
        username = connection.execute(query).scalar()
    return actor_for(engine, username) if username else None


def token_hash(token: str, key: str) -> str:
    """What ``sign_in_sessions`` stores: HMAC-SHA256 of the token under the cookie key, so
    neither a copy of the table nor the key alone gives a working cookie."""
    return hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()


def demo_accounts_exist(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(select(exists().where(User.is_demo.is_(True)))).scalar())
