"""Who may sign in: the signed-in person as an ``Actor``, the credentials the sign-in
cookie is checked against, and whether demo accounts exist."""

from __future__ import annotations

from sqlalchemy import Engine, exists, select

from dashboard.core.permissions import Actor
from dashboard.core.security import normalise_username
from db.models import User, UserSubteam


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
