"""residents' e-mail: the event's hours, contact and data protection officer's contact;
personal manage links for sign-ups

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-03 07:40:00

``events`` gains ``hours`` (shown with the dates), ``contact`` (whom residents write to)
and ``dpo_contact`` (the data protection officer, IOD); ``venue`` exists already.
``signup_links`` holds one row per manage link sent: only the SHA-256 of the random
token is stored, with the moment it stops working (the end of the event's last day).
A sign-up may have several links (a repeated registration mails a fresh one and leaves
the older ones working). The waitlist needs no column: a ``waitlisted`` sign-up is one
whose owner agreed to wait, and its place is its ``created_at`` (then its id).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild), as in revision 0003.
    op.add_column("events", sa.Column("hours", sa.String(length=100), nullable=True))
    op.add_column("events", sa.Column("contact", sa.String(length=300), nullable=True))
    op.add_column("events", sa.Column("dpo_contact", sa.String(length=300), nullable=True))
    op.create_table(
        "signup_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signup_id"],
            ["signups.id"],
            name=op.f("fk_signup_links_signup_id_signups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signup_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_signup_links_token_hash")),
    )
    op.create_index(op.f("ix_signup_links_signup_id"), "signup_links", ["signup_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signup_links_signup_id"), table_name="signup_links")
    op.drop_table("signup_links")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("dpo_contact")
        batch.drop_column("contact")
        batch.drop_column("hours")
