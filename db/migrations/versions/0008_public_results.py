"""public results: publishable descriptions and withdrawal from the public list

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-03 07:45:00

``proposals`` gains ``description_public`` (a reviewer marked the description fit to
publish on /wyniki; false until then) and ``public_withdrawn_at``,
``public_withdrawn_by``, ``public_withdrawal_reason`` (a lead or an admin took the
proposal off the public list, and why). Plain ``ALTER TABLE ... ADD COLUMN`` (no batch
rebuild on SQLite), so the search triggers of revision 0002 stay in place.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    "public_withdrawal_reason",
    "public_withdrawn_by",
    "public_withdrawn_at",
    "description_public",
)


def upgrade() -> None:
    op.add_column(
        "proposals",
        sa.Column("description_public", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("proposals", sa.Column("public_withdrawn_at", sa.DateTime(), nullable=True))
    op.add_column("proposals", sa.Column("public_withdrawn_by", sa.String(100), nullable=True))
    op.add_column("proposals", sa.Column("public_withdrawal_reason", sa.Text(), nullable=True))
    op.create_index(op.f("ix_proposals_public_withdrawn_at"), "proposals", ["public_withdrawn_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_proposals_public_withdrawn_at"), table_name="proposals")
    if op.get_bind().dialect.name == "sqlite":
        # DROP COLUMN in place (SQLite ≥ 3.35): a batch rebuild would drop the search
        # triggers of revision 0002.
        for column in COLUMNS:
            op.execute(f"ALTER TABLE proposals DROP COLUMN {column}")
    else:
        for column in COLUMNS:
            op.drop_column("proposals", column)
