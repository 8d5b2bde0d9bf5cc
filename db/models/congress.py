"""The congress: editions, sessions, residents' sign-ups and their manage links."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    SESSION_KINDS,
    SIGNUP_STATUSES,
    Base,
    one_of,
)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    edition: Mapped[int] = mapped_column(Integer, unique=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(String(300))
    hours: Mapped[str | None] = mapped_column(String(100))  # e.g. "9:00–16:00"
    contact: Mapped[str | None] = mapped_column(String(300))  # whom residents write to
    dpo_contact: Mapped[str | None] = mapped_column(String(300))  # data protection officer
    registration_open: Mapped[bool] = mapped_column(Boolean, default=True)
    registration_closes_on: Mapped[date | None] = mapped_column(Date)
    target_signups: Mapped[int | None] = mapped_column(Integer)


class EventSession(Base):
    __tablename__ = "event_sessions"
    __table_args__ = (
        CheckConstraint(one_of("kind", SESSION_KINDS), name="kind"),
        CheckConstraint("day IN (1, 2)", name="day"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    day: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    subteam_id: Mapped[int | None] = mapped_column(ForeignKey("subteams.id"))
    capacity: Mapped[int | None] = mapped_column(Integer)


class Signup(Base):
    __tablename__ = "signups"
    __table_args__ = (
        UniqueConstraint("event_id", "email"),
        CheckConstraint(one_of("status", SIGNUP_STATUSES), name="status"),
        CheckConstraint(one_of("category", PARTICIPANT_CATEGORIES), name="category"),
        CheckConstraint(
            "age_group IS NULL OR " + one_of("age_group", AGE_GROUPS), name="age_group"
        ),
        Index("ix_signups_event_created", "event_id", "created_at"),
        Index("ix_signups_event_name", "event_id", "full_name"),  # /admin's list by name
        # Covers /kongres's per-edition breakdowns (okręg first: its GROUP BY walks the index).
        Index(
            "ix_signups_edition_breakdown",
            "event_id",
            "district_id",
            "status",
            "age_group",
            "category",
            "attended",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    # Name and e-mail are emptied when an edition is anonymised; the rest stays.
    full_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    age_group: Mapped[str | None] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="registered")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    photo_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)


class SignupSession(Base):
    __tablename__ = "signup_sessions"
    # Per-workshop counts read (session, sign-up) pairs from the index alone.
    __table_args__ = (Index("ix_signup_sessions_session_signup", "session_id", "signup_id"),)

    signup_id: Mapped[int] = mapped_column(ForeignKey("signups.id"), primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("event_sessions.id"), primary_key=True, index=True
    )


class SignupLink(Base):
    """A personal manage link: only the SHA-256 of its random token is kept."""

    __tablename__ = "signup_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    signup_id: Mapped[int] = mapped_column(ForeignKey("signups.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
