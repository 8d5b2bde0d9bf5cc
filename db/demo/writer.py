"""Writing the generated rows: bulk INSERTs (COPY on PostgreSQL with psycopg), the
search index filled once at the end on SQLite, and PostgreSQL's id sequences moved
past the explicit ids."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from db.models import Base

Rows = dict[str, list[dict[str, Any]]]  # table name -> rows, each with explicit ids

# The tables the generator fills, in foreign-key order: parents first.
INSERT_ORDER: tuple[Table, ...] = tuple(
    Base.metadata.tables[name]
    for name in (
        "thematic_teams",
        "subteams",
        "districts",
        "participants",
        "subteam_members",
        "milestones",
        "proposals",
        "proposal_events",
        "events",
        "event_sessions",
        "signups",
        "signup_sessions",
        "users",
        "user_subteams",
    )
)
INSERT_CHUNK = 5000


def write_rows(connection: Connection, rows: Rows) -> None:
    write = _copy_rows if _can_copy(connection) else _insert_rows
    with _search_index_filled_once(connection):
        for table in INSERT_ORDER:
            if rows[table.name]:
                write(connection, table, rows[table.name])
    if connection.dialect.name == "postgresql":
        _reset_sequences(connection, rows)


# Filling SQLite's proposal search index once after the bulk insert is about twice as
# fast as its per-row trigger (see revision 0002); same folding of ł/Ł as the trigger.
_FTS_INSERT_TRIGGER = "proposals_fts_after_insert"
_FTS_FILL = (
    "INSERT INTO proposals_fts(rowid, title, description) "
    "SELECT id, replace(replace(title, 'ł', 'l'), 'Ł', 'L'), "
    "replace(replace(description, 'ł', 'l'), 'Ł', 'L') FROM proposals"
)


@contextmanager
def _search_index_filled_once(connection: Connection) -> Iterator[None]:
    trigger_sql = None
    if connection.dialect.name == "sqlite":
        trigger_sql = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
            {"name": _FTS_INSERT_TRIGGER},
        ).scalar()
    if trigger_sql is None:
        yield
        return
    connection.exec_driver_sql(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
    yield
    connection.exec_driver_sql(_FTS_FILL)
    connection.exec_driver_sql(trigger_sql)


def _insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), INSERT_CHUNK):
        connection.execute(table.insert(), rows[start : start + INSERT_CHUNK])


def _can_copy(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"


def _copy_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY, in the same transaction: several times faster than INSERTs."""
    from psycopg import sql  # present whenever the psycopg driver is

    columns = list(rows[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    driver_connection = connection.connection.driver_connection
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def _reset_sequences(connection: Connection, rows: Rows) -> None:
    """Explicit ids leave PostgreSQL sequences behind; move them past the largest id."""
    for table in INSERT_ORDER:
        if "id" not in table.c or not rows[table.name]:
            continue
        sequence = func.pg_get_serial_sequence(table.name, "id")
        largest = select(func.max(table.c.id)).scalar_subquery()
        connection.execute(select(func.setval(sequence, largest)))
