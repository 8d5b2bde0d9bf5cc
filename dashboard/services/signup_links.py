"""Personal manage links for sign-ups: a random token in the link, its SHA-256 in the
database, valid until the end of the event's last day.

The token is 32 random bytes (256 bits) from ``secrets``; whoever holds the link may see,
change or cancel that one sign-up, so only its hash is stored (a copy of the database
does not hand out working links) and a wrong or expired token tells nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.engine import now
from db.models import SignupLink

TOKEN_BYTES = 32
MANAGE_PATH = "moj-zapis"
TOKEN_PARAMETER = "t"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def expiry_for(ends_on: date) -> datetime:
    """The first moment after the event's last day."""
    return datetime.combine(ends_on + timedelta(days=1), time.min)


def issue(session: Session, signup_id: int, ends_on: date) -> str:
    """A new manage link's token for ``signup_id`` (stored hashed, in the caller's
    transaction); older links of that sign-up keep working."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.execute(
        insert(SignupLink).values(
            signup_id=signup_id,
            token_hash=token_hash(token),
            created_at=now(),
            expires_at=expiry_for(ends_on),
        )
    )
    return token


def manage_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/{MANAGE_PATH}?{urlencode({TOKEN_PARAMETER: token})}"


def signup_of(session: Session, token: str, moment: datetime | None = None) -> int | None:
    """The sign-up the token opens, or ``None`` (unknown, malformed or expired alike)."""
    if not token or len(token) > 200:
        return None
    moment = moment or now()
    return session.execute(
        select(SignupLink.signup_id).where(
            SignupLink.token_hash == token_hash(token), SignupLink.expires_at > moment
        )
    ).scalar()
