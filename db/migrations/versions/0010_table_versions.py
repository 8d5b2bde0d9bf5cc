"""change tracking: a version counter per table, bumped by triggers; covering indexes
for the per-edition sign-up breakdowns

Revision ID: 0010
Revises: 0003
Create Date: 2026-12-03 08:00:00

``table_versions`` holds one counter per table; triggers on every table present at this
point (enumerated with the inspector, so tables added by earlier revisions are included)
bump it in the writer's own transaction, whoever the writer is. Later revisions that add a
table call ``db.change_tracking.track_table(op.get_bind(), name)``; the migration
environment also re-tracks every table after each upgrade.

Two covering indexes make /kongres's per-edition counts read indexes instead of rows:
``signups (event_id, district_id, status, age_group, category, attended)`` and
``signup_sessions (session_id, signup_id)``; /postepy's pipeline reads
``proposals (subteam_id, status, created_at)``, which replaces ``(subteam_id, status)``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.change_tracking import VERSIONS_TABLE, track_all_tables, trackable_tables, untrack_table

revision: str = "0010"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        VERSIONS_TABLE,
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_table_versions")),
    )
    track_all_tables(op.get_bind())
    op.create_index(
        "ix_signups_edition_breakdown",
        "signups",
        ["event_id", "district_id", "status", "age_group", "category", "attended"],
    )
    op.create_index(
        "ix_signup_sessions_session_signup", "signup_sessions", ["session_id", "signup_id"]
    )
    op.create_index(
        "ix_proposals_subteam_status_created", "proposals", ["subteam_id", "status", "created_at"]
    )
    op.drop_index("ix_proposals_subteam_status", table_name="proposals")


def downgrade() -> None:
    op.create_index("ix_proposals_subteam_status", "proposals", ["subteam_id", "status"])
    op.drop_index("ix_proposals_subteam_status_created", table_name="proposals")
    op.drop_index("ix_signup_sessions_session_signup", table_name="signup_sessions")
    op.drop_index("ix_signups_edition_breakdown", table_name="signups")
    connection = op.get_bind()
    for table in trackable_tables(connection):
        untrack_table(connection, table)
    op.drop_table(VERSIONS_TABLE)
    if connection.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS track_table_change()")
