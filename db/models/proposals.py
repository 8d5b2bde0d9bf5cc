"""Proposals and their history."""

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
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import PROPOSAL_SOURCES, PROPOSAL_STATUSES, Base, one_of


class Proposal(Base):
    __tablename__ = "proposals"
    __table_args__ = (
        CheckConstraint(one_of("status", PROPOSAL_STATUSES), name="status"),
        CheckConstraint(one_of("source", PROPOSAL_SOURCES), name="source"),
        # Covers /postepy's pipeline (count per subteam and status of proposals created by D).
        Index("ix_proposals_subteam_status_created", "subteam_id", "status", "created_at"),
        # /kolejka: one page of the proposals awaiting a decision, most urgent first.
        Index("ix_proposals_queue", "status", "subteam_id", "response_due", "created_at"),
        # /wyniki: public proposals per edition (submission date) and outcome.
        Index("ix_proposals_public_created", "public_withdrawn_at", "created_at", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subteam_id: Mapped[int] = mapped_column(ForeignKey("subteams.id"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(30), default="submitted", index=True)
    source: Mapped[str] = mapped_column(String(30), index=True)
    author_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id"), index=True
    )
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    strategic_area: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Optimistic concurrency: an edit names the version it was based on.
    version: Mapped[int] = mapped_column(Integer, default=1)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"))
    # Fingerprint of an imported row, so importing the same file again adds nothing.
    import_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    # A lead's queue: who handles it, by when the author gets an answer, and the answer
    # residents see on the public page.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    response_due: Mapped[date | None] = mapped_column(Date, index=True)
    public_answer: Mapped[str | None] = mapped_column(Text)
    # /wyniki (revision 0008): the description is published only once a reviewer marked
    # it publishable; a lead or an admin may take the proposal off the public list.
    description_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    public_withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    public_withdrawn_by: Mapped[str | None] = mapped_column(String(100))
    public_withdrawal_reason: Mapped[str | None] = mapped_column(Text)


class ProposalEvent(Base):
    __tablename__ = "proposal_events"
    __table_args__ = (Index("ix_proposal_events_proposal_at", "proposal_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
