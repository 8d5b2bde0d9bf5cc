"""The demo sign-in accounts: one per role, all with the password ``demo``."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

import bcrypt

from db.demo import text as vocab
from db.engine import now

DEMO_PASSWORD = "demo"
DEMO_USERS = {"admin": "admin", "dyrektor": "director", "lider": "lead", "czlonek": "member"}
BCRYPT_ROUNDS = 12
LEAD_ACCOUNT = "lider"
LEAD_SUBTEAM = 1  # the subteam whose lead signs in as LEAD_ACCOUNT


def account_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``users`` rows, and the ``user_subteams`` row binding the lead to its subteam."""
    created_at = now()
    users, bindings = [], []
    for user_id, (username, role) in enumerate(DEMO_USERS.items(), start=1):
        subteam = LEAD_SUBTEAM if role == "lead" else None
        users.append(_user_row(user_id, username, role, subteam, created_at))
        if subteam is not None:
            bindings.append({"user_id": user_id, "subteam_id": subteam})
    return users, bindings


def _user_row(
    user_id: int, username: str, role: str, subteam: int | None, created_at: datetime
) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": username,
        "display_name": vocab.USER_DISPLAY_NAMES[username],
        "email": f"{username}@example.org",
        "password_hash": _demo_password_hash(username),
        "role": role,
        "subteam_id": subteam,
        "failed_logins": 0,
        "locked_until": None,
        "disabled": False,
        "is_demo": True,
        "created_at": created_at,
    }


@functools.cache
def _demo_password_hash(username: str) -> str:
    # One salted hash per account and process: cost 12 takes ~0.2 s, and tests seed often.
    return bcrypt.hashpw(DEMO_PASSWORD.encode(), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode()
