"""Declarative base, naming convention and the vocabularies the tables' CHECK constraints allow."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

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

IMPORT_MAPPING_KINDS = ("district", "source", "category", "signup_status", "status", "workshop")
OUTBOX_STATES = ("pending", "sending", "sent", "failed")
ALERT_STATES = ("on_track", "at_risk", "late")


def one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
