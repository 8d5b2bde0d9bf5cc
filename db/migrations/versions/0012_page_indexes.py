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

On an SQLite file that has planner statistics (``sqlite_stat1``: the city-scale bench file,
any database someone ran ANALYZE on) the new indexes are analysed too: without their own
statistics SQLite takes a new index for very selective and reads, say, an edition's check-in
counts through the name index (table rows) instead of the covering breakdown index.
"""

from collections.abc import Sequence

from alembic import op

NEW_INDEXES = ("ix_proposals_queue", "ix_proposals_public_created", "ix_signups_event_name")

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
    _analyze_if_analysed(NEW_INDEXES)


def _analyze_if_analysed(indexes: tuple[str, ...]) -> None:
    """SQLite only (PostgreSQL plans from the table's statistics), and only where statistics
    exist: a first ANALYZE would change the plans of every other query at once."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    found = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if found.first() is None:
        return
    for index in indexes:
        op.execute(f"ANALYZE {index}")  # names of this revision, not input


def downgrade() -> None:
    op.drop_index("ix_signups_event_name", table_name="signups")
    op.drop_index("ix_proposals_public_created", table_name="proposals")
    op.drop_index("ix_proposals_queue", table_name="proposals")
