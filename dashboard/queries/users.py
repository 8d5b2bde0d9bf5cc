"""The accounts list for /admin and the CLI (admins only)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, String, func, select

from dashboard.core.permissions import Actor, require_admin
from db.models import User, UserSubteam


def list_users(engine: Engine, actor: Actor) -> pd.DataFrame:
    """Every account without its password hash; ``subteams`` lists the bound subteam ids."""
    require_admin(actor)
    bound = (
        select(
            UserSubteam.user_id,
            func.aggregate_strings(UserSubteam.subteam_id.cast(String()), ",").label("subteams"),
        )
        .group_by(UserSubteam.user_id)
        .subquery()
    )
    query = (
        select(
            User.username,
            User.display_name,
            User.email,
            User.role,
            func.coalesce(bound.c.subteams, User.subteam_id.cast(String())).label("subteams"),
            User.disabled,
            User.failed_logins,
            User.locked_until,
            User.is_demo,
            User.created_at,
        )
        .outerjoin(bound, bound.c.user_id == User.id)
        .order_by(User.username)
    )
    with engine.connect() as connection:
        frame = pd.read_sql(query, connection, parse_dates=["locked_until", "created_at"])
    for column in ("disabled", "is_demo"):
        frame[column] = frame[column].astype(bool)
    frame["subteams"] = frame["subteams"].fillna("")
    return frame
