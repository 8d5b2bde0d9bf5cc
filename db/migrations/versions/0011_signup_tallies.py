"""signup tallies: per-edition Congress counts kept by triggers on the sign-up tables

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 13:30:00

``signup_tallies``, ``signup_day_tallies`` and ``session_tallies`` hold the counts
/kongres and /zapisy read (``db/models/tallies.py``); the triggers of ``db/tallies.py``
on ``signups``, ``signup_sessions`` and ``event_sessions`` keep them in every writer's
transaction. They are filled here from the rows present. The migration environment
re-installs missing triggers after every upgrade (``db.tallies.ensure_tallies``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.change_tracking import track_table, untrack_table
from db.tallies import drop_tally_triggers, install_tally_triggers, recount_tallies

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(name: str, kind) -> sa.Column:
    return sa.Column(name, kind, nullable=False)


def upgrade() -> None:
    op.create_table(
        "signup_tallies",
        _key("event_id", sa.Integer()),
        _key("category", sa.String(length=30)),
        _key("status", sa.String(length=20)),
        _key("came", sa.Integer()),
        _key("district_id", sa.Integer()),
        _key("age_group", sa.String(length=10)),
        _key("day_mask", sa.Integer()),
        _key("signups", sa.Integer()),
        sa.PrimaryKeyConstraint(
            "event_id",
            "category",
            "status",
            "came",
            "district_id",
            "age_group",
            "day_mask",
            name=op.f("pk_signup_tallies"),
        ),
    )
    op.create_table(
        "signup_day_tallies",
        _key("event_id", sa.Integer()),
        _key("signed_up_on", sa.Date()),
        _key("category", sa.String(length=30)),
        _key("status", sa.String(length=20)),
        _key("day_mask", sa.Integer()),
        _key("signups", sa.Integer()),
        sa.PrimaryKeyConstraint(
            "event_id",
            "signed_up_on",
            "category",
            "status",
            "day_mask",
            name=op.f("pk_signup_day_tallies"),
        ),
    )
    op.create_table(
        "session_tallies",
        _key("session_id", sa.Integer()),
        _key("event_id", sa.Integer()),
        _key("category", sa.String(length=30)),
        _key("status", sa.String(length=20)),
        _key("came", sa.Integer()),
        _key("signups", sa.Integer()),
        sa.PrimaryKeyConstraint(
            "session_id", "event_id", "category", "status", "came", name=op.f("pk_session_tallies")
        ),
    )
    connection = op.get_bind()
    install_tally_triggers(connection)
    recount_tallies(connection)
    for table in ("signup_tallies", "signup_day_tallies", "session_tallies"):
        track_table(connection, table)


def downgrade() -> None:
    connection = op.get_bind()
    drop_tally_triggers(connection)
    for table in ("session_tallies", "signup_day_tallies", "signup_tallies"):
        untrack_table(connection, table)
        op.drop_table(table)
