"""proposal search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 04:40:00

Full-text search over proposals(title, description), case- and diacritics-insensitive,
queried with word-prefix terms (dashboard/search.py builds the queries).

- SQLite: an FTS5 table ``proposals_fts`` (rowid = proposals.id) with the
  ``unicode61 remove_diacritics 2`` tokenizer, kept in sync by triggers. FTS5 does not
  fold ł/Ł, so the triggers store the text with ł→l, Ł→L already replaced.
- PostgreSQL: a GIN expression index over
  ``to_tsvector('simple', lower(translate(title || ' ' || description, PL, ASCII)))``;
  PostgreSQL keeps it in sync itself. Queries must repeat the expression verbatim
  (dashboard.search.POSTGRES_DOCUMENT) for the planner to use the index.

Neither object is in db/models.py; db/migrations/env.py leaves them out of
autogenerate comparison. Caution for later revisions: a SQLite ``batch_alter_table``
on ``proposals`` recreates the table and drops its triggers — re-run
``create_sqlite_triggers()`` from this module after such a change.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
ASCII_LETTERS = "acelnoszzACELNOSZZ"
POSTGRES_INDEX = "ix_proposals_search"


# FTS5 does not fold ł/Ł: the index stores the text with them already replaced.
FOLDED_NEW = (
    "new.id, replace(replace(new.title, 'ł', 'l'), 'Ł', 'L'), "
    "replace(replace(new.description, 'ł', 'l'), 'Ł', 'L')"
)
SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER proposals_fts_after_insert AFTER INSERT ON proposals BEGIN
        INSERT INTO proposals_fts(rowid, title, description) VALUES (%(new)s);
    END
    """,
    """
    CREATE TRIGGER proposals_fts_after_update AFTER UPDATE OF id, title, description
    ON proposals BEGIN
        DELETE FROM proposals_fts WHERE rowid = old.id;
        INSERT INTO proposals_fts(rowid, title, description) VALUES (%(new)s);
    END
    """,
    """
    CREATE TRIGGER proposals_fts_after_delete AFTER DELETE ON proposals BEGIN
        DELETE FROM proposals_fts WHERE rowid = old.id;
    END
    """,
)


def create_sqlite_triggers() -> None:
    for trigger in SQLITE_TRIGGERS:
        op.execute(trigger % {"new": FOLDED_NEW})


def _upgrade_sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE proposals_fts USING fts5("
        "title, description, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "INSERT INTO proposals_fts(rowid, title, description) "
        "SELECT id, replace(replace(title, 'ł', 'l'), 'Ł', 'L'), "
        "replace(replace(description, 'ł', 'l'), 'Ł', 'L') FROM proposals"
    )
    create_sqlite_triggers()


def _upgrade_postgresql() -> None:
    op.execute(
        f"CREATE INDEX {POSTGRES_INDEX} ON proposals USING gin ("
        "to_tsvector('simple', lower(translate(title || ' ' || description, "
        f"'{POLISH_LETTERS}', '{ASCII_LETTERS}'))))"
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _upgrade_sqlite()
    elif dialect == "postgresql":
        _upgrade_postgresql()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("after_insert", "after_update", "after_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS proposals_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS proposals_fts")
    elif dialect == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {POSTGRES_INDEX}")
