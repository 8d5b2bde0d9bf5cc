"""Staff accounts, sign-in sessions, the audit log and remembered import mappings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import IMPORT_MAPPING_KINDS, USER_ROLES, Base, one_of


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(one_of("role", USER_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    subteam_id: Mapped[int | None] = mapped_column(ForeignKey("subteams.id"))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)


class SignInSession(Base):
    """One signed-in browser: the cookie holds a random token, this row only its SHA-256.

    Ending a session deletes its row; every script run looks the token up here.
    """

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class UserSubteam(Base):
    """Leads may be bound to more than one subteam; ``users.subteam_id`` is the first."""

    __tablename__ = "user_subteams"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    subteam_id: Mapped[int] = mapped_column(ForeignKey("subteams.id"), primary_key=True)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str | None] = mapped_column(Text)
    row_count: Mapped[int | None] = mapped_column(Integer)


class ImportMapping(Base):
    """A value an import did not recognise, mapped once by an admin to what it means
    (an okręg's id, a code, a workshop's id), remembered for the next file."""

    __tablename__ = "import_mappings"
    __table_args__ = (
        UniqueConstraint("kind", "folded_value"),
        CheckConstraint(one_of("kind", IMPORT_MAPPING_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    folded_value: Mapped[str] = mapped_column(String(500))  # compared folded
    value: Mapped[str] = mapped_column(String(500))  # as first written in a file
    target: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
