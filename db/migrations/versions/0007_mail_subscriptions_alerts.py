"""staff e-mail: weekly digest subscriptions and the last alerted state of each milestone

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-03 07:45:00

``mail_subscriptions`` holds one row per staff user who chose e-mail from the panel (the
weekly digest on Monday morning). ``milestone_alerts`` remembers the traffic light each
milestone had when the alert job last looked, so its subteam's leads get one e-mail per
change of state, not one per run.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_subscriptions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("weekly_digest", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_mail_subscriptions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_mail_subscriptions")),
    )
    op.create_table(
        "milestone_alerts",
        sa.Column("milestone_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('on_track', 'at_risk', 'late')", name=op.f("ck_milestone_alerts_status")
        ),
        sa.ForeignKeyConstraint(
            ["milestone_id"],
            ["milestones.id"],
            name=op.f("fk_milestone_alerts_milestone_id_milestones"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("milestone_id", name=op.f("pk_milestone_alerts")),
    )


def downgrade() -> None:
    op.drop_table("milestone_alerts")
    op.drop_table("mail_subscriptions")
