"""outbox for e-mail; proposals' assignee, response due date and public answer;
drop the unused app_settings table

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 17:30:00

Every e-mail is an ``outbox`` row written in the same transaction as its cause, with
its attachments in ``outbox_attachments``; a sender delivers and marks them.
``proposals`` gains ``assignee_id`` (a user), ``response_due`` and ``public_answer``:
a lead's queue and the answer residents see. The columns are added with plain
``ALTER TABLE ... ADD COLUMN`` (no batch rebuild on SQLite), so the search triggers of
revision 0002 stay in place. ``app_settings`` was never read or written by anything.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("dedupe_key", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed')", name=op.f("ck_outbox_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_dedupe_key")),
    )
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"], unique=False)
    op.create_table(
        "outbox_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox.id"],
            name=op.f("fk_outbox_attachments_message_id_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_attachments")),
    )
    op.create_index(
        op.f("ix_outbox_attachments_message_id"),
        "outbox_attachments",
        ["message_id"],
        unique=False,
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; a batch rebuild would drop
        # the search triggers of revision 0002.
        op.execute("ALTER TABLE proposals ADD COLUMN assignee_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("proposals", sa.Column("assignee_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_proposals_assignee_id_users"), "proposals", "users", ["assignee_id"], ["id"]
        )
    op.add_column("proposals", sa.Column("response_due", sa.Date(), nullable=True))
    op.add_column("proposals", sa.Column("public_answer", sa.Text(), nullable=True))
    op.create_index(op.f("ix_proposals_assignee_id"), "proposals", ["assignee_id"])
    op.create_index(op.f("ix_proposals_response_due"), "proposals", ["response_due"])
    op.drop_table("app_settings")


def downgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    op.drop_index(op.f("ix_proposals_response_due"), table_name="proposals")
    op.drop_index(op.f("ix_proposals_assignee_id"), table_name="proposals")
    with op.batch_alter_table("proposals") as batch:
        batch.drop_column("public_answer")
        batch.drop_column("response_due")
        batch.drop_column("assignee_id")
    op.drop_index(op.f("ix_outbox_attachments_message_id"), table_name="outbox_attachments")
    op.drop_table("outbox_attachments")
    op.drop_index("ix_outbox_due", table_name="outbox")
    op.drop_table("outbox")
