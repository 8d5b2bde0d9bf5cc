"""Passwords and user names: bcrypt hashing and the one way names are compared."""

from __future__ import annotations

import functools
import secrets

import bcrypt

BCRYPT_COST = 12


MIN_PASSWORD_LENGTH = 12


# bcrypt looks only at the first 72 bytes; longer input is refused rather than silently cut.
MAX_PASSWORD_BYTES = 72


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=BCRYPT_COST)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode(), password_hash.encode())
    except ValueError:  # not a bcrypt hash (or password longer than bcrypt accepts)
        return False


@functools.cache
def decoy_hash() -> str:
    # Checked for unknown, locked or disabled names so every failure costs the same time.
    return hash_password(secrets.token_urlsafe(16))


def normalise_username(username: str) -> str:
    """streamlit-authenticator lower-cases names; we store and compare them the same way."""
    return username.strip().lower()
