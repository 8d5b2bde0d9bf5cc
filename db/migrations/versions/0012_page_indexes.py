"""indexes for the staff pages' first runs: the queue's order, /wyniki's outcome counts,
the sign-up list of /admin

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:00:00

- ``proposals (status, subteam_id, response_due, created_at)``: /kolejka picks one page of
  the proposals awaiting a decision, most urgent first, from this index alone.
- ``proposals (public_withdrawn_at, created_at, status)``: /wyniki counts the public
  proposals per edition (by submission date) and outcome from this index alone.
- ``signups (event_id, full_name)``: /admin lists an edition's first sign-ups by name
  without sorting the whole edition.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_proposals_queue", "proposals", ["status", "subteam_id", "response_due", "created_at"]
    )
    op.create_index(
        "ix_proposals_public_created", "proposals", ["public_withdrawn_at", "created_at", "status"]
    )
    op.create_index("ix_signups_event_name", "signups", ["event_id", "full_name"])


def downgrade() -> None:
    op.drop_index("ix_signups_event_name", table_name="signups")
    op.drop_index("ix_proposals_public_created", table_name="proposals")
    op.drop_index("ix_proposals_queue", table_name="proposals")
