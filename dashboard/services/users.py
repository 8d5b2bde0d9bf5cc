"""User management: add, list, set a password, disable/enable, unlock.

Every change needs an admin ``Actor`` (the CLI acts as ``cli.common.cli_actor()``), runs in one
transaction and leaves an audit-log entry. Errors are ``UserError`` with a catalogue
key, so the page can show them in the person's language and the CLI in Polish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.core.errors import PanelError
from dashboard.core.permissions import Actor, require_admin
from dashboard.core.security import (
    MAX_PASSWORD_BYTES,
    MIN_PASSWORD_LENGTH,
    hash_password,
    normalise_username,
)
from dashboard.services.audit import record
from dashboard.services.sessions import end_user_sessions
from db.engine import now, write_session
from db.models import USER_ROLES, Subteam, User, UserSubteam

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,49}$")


class UserError(PanelError):
    """A refused user-management request."""


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    password: str
    role: str
    subteam_ids: tuple[int, ...] = field(default_factory=tuple)
    email: str | None = None


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("access.error.password_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise UserError("access.error.password_long", maximum=MAX_PASSWORD_BYTES)
    if password != password.strip():
        raise UserError("access.error.password_spaces")


def add_user(engine: Engine, actor: Actor, new: NewUser) -> None:
    require_admin(actor)
    username = normalise_username(new.username)
    _validate_new_user(username, new)
    password_hash = hash_password(new.password)  # ~0.2 s: outside the write lock
    subteam_ids = tuple(dict.fromkeys(new.subteam_ids))
    try:
        with write_session(engine) as session:
            _require_subteams_exist(session, subteam_ids)
            if _user_id(session, username) is not None:
                raise UserError("access.error.username_taken", username=username)
            user_id = session.execute(
                insert(User)
                .values(
                    username=username,
                    display_name=new.display_name.strip(),
                    email=(new.email or "").strip() or None,
                    password_hash=password_hash,
                    role=new.role,
                    subteam_id=subteam_ids[0] if subteam_ids else None,
                    failed_logins=0,
                    disabled=False,
                    is_demo=False,
                    created_at=now(),
                )
                .returning(User.id)
            ).scalar_one()
            for subteam_id in subteam_ids:
                session.execute(insert(UserSubteam).values(user_id=user_id, subteam_id=subteam_id))
            record(session, actor.username, "user.add", f"{username} ({new.role})")
    except IntegrityError as error:  # a concurrent add of the same name
        raise UserError("access.error.username_taken", username=username) from error


def _validate_new_user(username: str, new: NewUser) -> None:
    if not USERNAME_PATTERN.match(username):
        raise UserError("access.error.username_format", username=username)
    if not new.display_name.strip():
        raise UserError("access.error.display_name_missing")
    if new.role not in USER_ROLES:
        raise UserError("access.error.role_unknown", role=new.role, roles=", ".join(USER_ROLES))
    if new.role == "lead" and not new.subteam_ids:
        raise UserError("access.error.lead_needs_subteam")
    if new.role != "lead" and new.subteam_ids:
        raise UserError("access.error.subteams_only_for_leads")
    validate_password(new.password)


def _require_subteams_exist(session: Session, subteam_ids: Iterable[int]) -> None:
    wanted = set(subteam_ids)
    if not wanted:
        return
    found = set(session.execute(select(Subteam.id).where(Subteam.id.in_(wanted))).scalars())
    missing = sorted(wanted - found)
    if missing:
        raise UserError("access.error.subteam_unknown", ids=", ".join(map(str, missing)))


def _user_id(session: Session, username: str) -> int | None:
    return session.execute(select(User.id).where(User.username == username)).scalar()


def _require_user(session: Session, username: str) -> int:
    user_id = _user_id(session, normalise_username(username))
    if user_id is None:
        raise UserError("access.error.user_unknown", username=username)
    return user_id


def set_password(engine: Engine, actor: Actor, username: str, password: str) -> None:
    """A new password also lifts a lockout (the admin has just vouched for the person) and
    ends every sign-in session of the account."""
    require_admin(actor)
    validate_password(password)
    password_hash = hash_password(password)
    with write_session(engine) as session:
        user_id = _require_user(session, username)
        session.execute(
            update(User)
            .where(User.id == user_id)
            .values(password_hash=password_hash, failed_logins=0, locked_until=None, is_demo=False)
        )
        end_user_sessions(session, user_id)  # a copied cookie must not outlive the old password
        record(session, actor.username, "user.set_password", normalise_username(username))


def set_disabled(engine: Engine, actor: Actor, username: str, disabled: bool = True) -> None:
    require_admin(actor)
    name = normalise_username(username)
    with write_session(engine) as session:
        user_id = _require_user(session, name)
        if disabled:
            _refuse_disabling_last_admin(session, user_id)
        session.execute(update(User).where(User.id == user_id).values(disabled=disabled))
        if disabled:
            end_user_sessions(session, user_id)
        record(session, actor.username, "user.disable" if disabled else "user.enable", name)


def _refuse_disabling_last_admin(session: Session, user_id: int) -> None:
    other_admins = session.execute(
        select(func.count())
        .select_from(User)
        .where(User.role == "admin", User.disabled.is_(False), User.id != user_id)
    ).scalar_one()
    role = session.execute(select(User.role).where(User.id == user_id)).scalar_one()
    if role == "admin" and other_admins == 0:
        raise UserError("access.error.last_admin")


def unlock(engine: Engine, actor: Actor, username: str) -> None:
    require_admin(actor)
    name = normalise_username(username)
    with write_session(engine) as session:
        user_id = _require_user(session, name)
        session.execute(
            update(User).where(User.id == user_id).values(failed_logins=0, locked_until=None)
        )
        record(session, actor.username, "user.unlock", name)
