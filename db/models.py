"""The schema contract as SQLAlchemy 2 typed models.

Table and column names are a contract other tools read: add freely, rename none.
Changes reach a database only through Alembic revisions in ``db/migrations``.
"""

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
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PARTICIPANT_CATEGORIES = (
    "academia",
    "district_council",
    "ngo",
    "business",
    "city_office",
    "womens_council",
    "seniors_council",
    "plenipotentiary",
    "resident",
)
# Categories whose members bring residents' direct voice (the "mix of voices").
DIRECT_VOICE_CATEGORIES = ("district_council", "ngo", "womens_council", "seniors_council")
MEMBER_ROLES = ("lead", "deputy", "member", "expert")
PROPOSAL_STATUSES = (
    "submitted",
    "in_review",
    "consulted",
    "accepted",
    "partially_accepted",
    "rejected",
    "merged",
    "included",
)
PROPOSAL_SOURCES = (
    "congress",
    "workshop",
    "meeting",
    "online_form",
    "district_council",
    "ngo",
    "email",
    "city_office",
)
AGE_GROUPS = ("<18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
SESSION_KINDS = ("panel", "workshop")
SIGNUP_STATUSES = ("registered", "waitlisted", "cancelled")
USER_ROLES = ("admin", "director", "lead", "member")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    __table_args__ = (
        CheckConstraint(_one_of("category", PARTICIPANT_CATEGORIES), name="category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    organization: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(30))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)


class SubteamMember(Base):
    __tablename__ = "subteam_members"
    __table_args__ = (CheckConstraint(_one_of("role", MEMBER_ROLES), name="role"),)

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


class Proposal(Base):
    __tablename__ = "proposals"
    __table_args__ = (
        CheckConstraint(_one_of("status", PROPOSAL_STATUSES), name="status"),
        CheckConstraint(_one_of("source", PROPOSAL_SOURCES), name="source"),
        # Covers /postepy's pipeline (count per subteam and status of proposals created by D).
        Index("ix_proposals_subteam_status_created", "subteam_id", "status", "created_at"),
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
        CheckConstraint(_one_of("kind", SESSION_KINDS), name="kind"),
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
        CheckConstraint(_one_of("status", SIGNUP_STATUSES), name="status"),
        CheckConstraint(_one_of("category", PARTICIPANT_CATEGORIES), name="category"),
        CheckConstraint(
            "age_group IS NULL OR " + _one_of("age_group", AGE_GROUPS), name="age_group"
        ),
        Index("ix_signups_event_created", "event_id", "created_at"),
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


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_one_of("role", USER_ROLES), name="role"),)

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


IMPORT_MAPPING_KINDS = ("district", "source", "category", "signup_status", "status", "workshop")


class ImportMapping(Base):
    """A value an import did not recognise, mapped once by an admin to what it means
    (an okręg's id, a code, a workshop's id), remembered for the next file."""

    __tablename__ = "import_mappings"
    __table_args__ = (
        UniqueConstraint("kind", "folded_value"),
        CheckConstraint(_one_of("kind", IMPORT_MAPPING_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    folded_value: Mapped[str] = mapped_column(String(500))  # compared folded
    value: Mapped[str] = mapped_column(String(500))  # as first written in a file
    target: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


OUTBOX_STATES = ("pending", "sending", "sent", "failed")


class OutboxMessage(Base):
    """One e-mail, written in the same transaction as the change that causes it.

    Only the sender (``dashboard.services.mail``) delivers these rows; nothing else
    sends mail. ``dedupe_key`` keeps a message from being queued twice (an alert per
    change of state, a digest per week).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(_one_of("status", OUTBOX_STATES), name="status"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class OutboxAttachment(Base):
    __tablename__ = "outbox_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class MailSubscription(Base):
    """A staff user's choice of e-mail from the panel (the weekly digest)."""

    __tablename__ = "mail_subscriptions"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    weekly_digest: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


ALERT_STATES = ("on_track", "at_risk", "late")


class MilestoneAlert(Base):
    """The traffic light a milestone had when the alert job last looked; ``changes``
    counts its changes of state (one alert e-mail per change)."""

    __tablename__ = "milestone_alerts"
    __table_args__ = (CheckConstraint(_one_of("status", ALERT_STATES), name="status"),)

    milestone_id: Mapped[int] = mapped_column(
        ForeignKey("milestones.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(10))
    changes: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class DataVersion(Base):
    """One row whose counter every write transaction bumps.

    Cached query results are keyed by it, so a write in any app process
    invalidates the caches of every process at their next run.
    """

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class TableVersion(Base):
    """One counter per table, bumped by database triggers on every change to that table
    (``db/change_tracking.py``): caches key on the versions of the tables a query reads."""

    __tablename__ = "table_versions"

    table_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
