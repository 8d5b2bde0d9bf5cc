"""import_mappings: values an import did not recognise, mapped once by an admin

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03 08:00:00

An admin maps a cell the importers did not understand ("Śródmieście", "Smart City") to
what it means (an okręg, a code, a workshop) on /admin or with
``python -m dashboard import map``; the next file with the same value (compared folded)
is read with that meaning and the dry-run report says so.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("folded_value", sa.String(length=500), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('district', 'source', 'category', 'signup_status', 'status', 'workshop')",
            name=op.f("ck_import_mappings_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint(
            "kind", "folded_value", name=op.f("uq_import_mappings_kind_folded_value")
        ),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
