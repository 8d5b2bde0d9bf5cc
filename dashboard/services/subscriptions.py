"""A staff user's own e-mail choices (the weekly digest), set on /ustawienia."""

from __future__ import annotations

from sqlalchemy import Engine, delete, insert, select

from dashboard.core.errors import InvalidInput
from dashboard.core.permissions import Actor
from db.engine import now, write_session
from db.models import MailSubscription, User


class SubscriptionError(InvalidInput):
    default_key = "mail.settings.error.no_email"


def set_weekly_digest(engine: Engine, actor: Actor, wanted: bool) -> None:
    """Subscribe or unsubscribe the signed-in user; only an account with an e-mail can
    subscribe (its address comes from the account, never from the form)."""
    with write_session(engine) as session:
        user = session.execute(
            select(User.id, User.email).where(
                User.username == actor.username, User.disabled.is_(False)
            )
        ).first()
        if user is None:
            raise SubscriptionError("error.permission_denied")
        if wanted and not user.email:
            raise SubscriptionError()
        session.execute(delete(MailSubscription).where(MailSubscription.user_id == user.id))
        session.execute(
            insert(MailSubscription).values(user_id=user.id, weekly_digest=wanted, updated_at=now())
        )
