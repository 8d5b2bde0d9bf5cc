"""Alembic environment: the engine comes from ``db.migrate.alembic_config``."""

from alembic import context

from db.change_tracking import track_all_tables
from db.models import Base
from db.tallies import ensure_tallies

# Search objects created by revision 0002 outside the models (FTS5 table and its
# shadow tables on SQLite, a GIN expression index on PostgreSQL).
SEARCH_OBJECT_PREFIXES = ("proposals_fts", "ix_proposals_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (name or "").startswith(SEARCH_OBJECT_PREFIXES)


def run_migrations() -> None:
    config = context.config
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
            # A table added without tracking, or rebuilt by SQLite batch mode (which drops
            # its triggers), is tracked again here; idempotent, no-op before revision 0010.
            track_all_tables(connection)
            # The same for the sign-up tallies' triggers (then recounted); no-op before 0011.
            ensure_tallies(connection)
        if connection.in_transaction():
            connection.commit()


run_migrations()
