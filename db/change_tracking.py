"""Change tracking in the database: one version counter per table, bumped by triggers.

Every tracked table has triggers (SQLite: after each inserted, updated or deleted row;
PostgreSQL: after each INSERT, UPDATE, DELETE or TRUNCATE statement) that bump its row in
``table_versions``. Whoever writes — the panel, an import, plain ``sqlite3`` or ``psql`` —
the counter moves in the writer's own transaction, so caches keyed by the versions of the
tables a query reads miss exactly when one of those tables changed.

Migrations that add a table call ``track_table(op.get_bind(), "new_table")`` after creating
it. ``track_all_tables`` is idempotent; the migration environment runs it after every
upgrade, so a table rebuilt by SQLite batch mode (which drops its triggers) is tracked again.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, inspect, text

# ruff: noqa: S608 -- DDL built from constants and _check_name()d table names, no input

VERSIONS_TABLE = "table_versions"
# Bookkeeping tables: tracking them would only make every write look like a change to all.
UNTRACKED = frozenset({VERSIONS_TABLE, "data_version", "alembic_version"})
_OPERATIONS = ("insert", "update", "delete")

_UPSERT = (
    f"INSERT INTO {VERSIONS_TABLE} (table_name, version) VALUES ('{{table}}', 1) "
    f"ON CONFLICT (table_name) DO UPDATE SET version = {VERSIONS_TABLE}.version + 1"
)

_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION track_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {VERSIONS_TABLE} (table_name, version) VALUES (TG_TABLE_NAME, 1)
    ON CONFLICT (table_name) DO UPDATE SET version = {VERSIONS_TABLE}.version + 1;
    RETURN NULL;
END
$$
"""


def trackable_tables(connection: Connection) -> list[str]:
    """Every ordinary table of the schema, less bookkeeping and SQLite's virtual tables
    (a full-text index is kept by triggers on its source table, which is tracked)."""
    names = set(inspect(connection).get_table_names()) - UNTRACKED
    if connection.dialect.name == "sqlite":
        virtual = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
        ]
        names = {
            name
            for name in names
            if name not in virtual and not any(name.startswith(f"{v}_") for v in virtual)
        }
    return sorted(name for name in names if not name.startswith("sqlite_"))


def _check_name(table: str) -> str:
    # Table names come from the inspector or from migrations, never from people; still,
    # they are spliced into DDL, so only plain identifiers pass.
    if not table.replace("_", "").isalnum() or not table.isascii():
        raise ValueError(f"not a plain table name: {table!r}")
    return table


def track_table(connection: Connection, table: str) -> None:
    """Install (or re-install) the version triggers of ``table``; idempotent."""
    table = _check_name(table)
    connection.exec_driver_sql(
        f"INSERT INTO {VERSIONS_TABLE} (table_name, version) VALUES ('{table}', 0) "
        "ON CONFLICT (table_name) DO NOTHING"
    )
    if connection.dialect.name == "sqlite":
        for operation in _OPERATIONS:
            connection.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS track_{table}_{operation} "
                f'AFTER {operation.upper()} ON "{table}" '
                f"BEGIN {_UPSERT.format(table=table)}; END"
            )
    else:
        connection.exec_driver_sql(_POSTGRES_FUNCTION)
        connection.exec_driver_sql(
            f'CREATE OR REPLACE TRIGGER track_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION track_table_change()"
        )


def untrack_table(connection: Connection, table: str) -> None:
    table = _check_name(table)
    if connection.dialect.name == "sqlite":
        for operation in _OPERATIONS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS track_{table}_{operation}")
    else:
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS track_{table} ON "{table}"')
    connection.exec_driver_sql(f"DELETE FROM {VERSIONS_TABLE} WHERE table_name = '{table}'")


def track_all_tables(connection: Connection) -> list[str]:
    """Track every table present now (no-op before ``table_versions`` exists)."""
    if VERSIONS_TABLE not in inspect(connection).get_table_names():
        return []
    tables = trackable_tables(connection)
    for table in tables:
        track_table(connection, table)
    return tables


def installed_triggers(connection: Connection) -> set[tuple[str, str]]:
    """Every trigger in the catalogue now, as (table, trigger name)."""
    if connection.dialect.name == "sqlite":
        statement = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
    else:
        statement = "SELECT event_object_table, trigger_name FROM information_schema.triggers"
    return {(table, trigger) for table, trigger in connection.execute(text(statement))}


def tracked_tables(connection: Connection) -> set[str]:
    """The tables that have version triggers now (read from the catalogue)."""
    return {
        table
        for table, trigger in installed_triggers(connection)
        if trigger.startswith(f"track_{table}")
    }


def table_versions(engine: Engine) -> dict[str, int]:
    """Every table's version counter, in one small read."""
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT table_name, version FROM {VERSIONS_TABLE}"))
        return {name: version for name, version in rows}
