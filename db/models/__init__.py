"""The schema contract as SQLAlchemy 2 typed models.

Table and column names are a contract other tools read: add freely, rename none.
Changes reach a database only through Alembic revisions in ``db/migrations``.

The tables live in one module per area; they are imported here in the order they were
first declared, so ``Base.metadata`` lists them as before, and ``from db.models import X``
works for every name.
"""

from __future__ import annotations

# The import order below is the tables' declaration order: Base.metadata lists them so.
# isort: off
from db.models.base import (
    AGE_GROUPS,
    ALERT_STATES,
    DIRECT_VOICE_CATEGORIES,
    IMPORT_MAPPING_KINDS,
    MEMBER_ROLES,
    NAMING_CONVENTION,
    OUTBOX_STATES,
    PARTICIPANT_CATEGORIES,
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    SESSION_KINDS,
    SIGNUP_STATUSES,
    USER_ROLES,
    Base,
)
from db.models.people import (
    District,
    Milestone,
    MilestoneEvent,
    Participant,
    Subteam,
    SubteamMember,
    ThematicTeam,
)
from db.models.proposals import (
    Proposal,
    ProposalEvent,
)
from db.models.congress import (
    Event,
    EventSession,
    Signup,
    SignupLink,
    SignupSession,
)
from db.models.accounts import (
    AuditLog,
    ImportMapping,
    SignInSession,
    User,
    UserSubteam,
)
from db.models.mail import (
    MailSubscription,
    MilestoneAlert,
    OutboxAttachment,
    OutboxMessage,
)
from db.models.bookkeeping import (
    DataVersion,
    TableVersion,
)
from db.models.tallies import (
    SessionTally,
    SignupDayTally,
    SignupTally,
)
# isort: on

__all__ = [
    "AGE_GROUPS",
    "ALERT_STATES",
    "AuditLog",
    "Base",
    "DIRECT_VOICE_CATEGORIES",
    "DataVersion",
    "District",
    "Event",
    "EventSession",
    "IMPORT_MAPPING_KINDS",
    "ImportMapping",
    "MEMBER_ROLES",
    "MailSubscription",
    "Milestone",
    "MilestoneAlert",
    "MilestoneEvent",
    "NAMING_CONVENTION",
    "OUTBOX_STATES",
    "OutboxAttachment",
    "OutboxMessage",
    "PARTICIPANT_CATEGORIES",
    "PROPOSAL_SOURCES",
    "PROPOSAL_STATUSES",
    "Participant",
    "Proposal",
    "ProposalEvent",
    "SESSION_KINDS",
    "SIGNUP_STATUSES",
    "SignInSession",
    "SessionTally",
    "Signup",
    "SignupDayTally",
    "SignupLink",
    "SignupSession",
    "SignupTally",
    "Subteam",
    "SubteamMember",
    "TableVersion",
    "ThematicTeam",
    "USER_ROLES",
    "User",
    "UserSubteam",
]
