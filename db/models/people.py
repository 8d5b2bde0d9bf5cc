"""Thematic teams, subteams, okręgi, participants and the subteams' milestones."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import MEMBER_ROLES, PARTICIPANT_CATEGORIES, Base, one_of


class ThematicTeam(Base):
    __tablename__ = "thematic_teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class Subteam(Base):
    __tablename__ = "subteams"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("thematic_teams.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class District(Base):
    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (CheckConstraint(one_of("category", PARTICIPANT_CATEGORIES), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    organization: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(30))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)


class SubteamMember(Base):
    __tablename__ = "subteam_members"
    __table_args__ = (CheckConstraint(one_of("role", MEMBER_ROLES), name="role"),)

    subteam_id: Mapped[int] = mapped_column(ForeignKey("subteams.id"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="member")


class Milestone(Base):
    __tablename__ = "milestones"
    __table_args__ = (CheckConstraint("weight > 0", name="weight_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subteam_id: Mapped[int] = mapped_column(ForeignKey("subteams.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MilestoneEvent(Base):
    """Who changed a milestone, when, and how (the milestones' audit trail)."""

    __tablename__ = "milestone_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestones.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    change: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str | None] = mapped_column(String(100))
    new_value: Mapped[str | None] = mapped_column(String(100))
