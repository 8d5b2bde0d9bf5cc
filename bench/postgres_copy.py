"""The city-scale data on PostgreSQL (``--postgres URL``): the same page measurements on
both databases, each page's PostgreSQL time against SQLite's (target ≤ 1.5 ×).

The SQLite file is copied into the database the URL names (created when missing): migrated
with ``init-db``, every table bulk-copied with COPY in dependency order, sequences moved
past the copied ids, VACUUM ANALYZE. The source's fingerprint (file name, schema revision, table
versions) is kept as the database's comment, so a second run with unchanged data reuses
the copy. A stale copy is dropped and loaded again — so the name must start with "bench",
and a database the tests or a deployment use is never given by mistake.

Pages are compared by wall time: PostgreSQL's share of a page's work runs in the server
process, outside the panel's CPU time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.report import Row
from db.change_tracking import UNTRACKED, VERSIONS_TABLE

RATIO_TARGET = 1.5
# Below this difference a page's two times are the same on a shared machine.
NOISE_S = 0.01
COPY_BATCH_ROWS = 10_000
SKIPPED_TABLES = UNTRACKED  # bookkeeping: init-db writes its own rows


def rows(
    postgres_url: str,
    sqlite_path: Path,
    sqlite_rows: list[Row],
    page_rows: Callable[[str], list[Row]],
) -> list[Row]:
    """``page_rows`` on the PostgreSQL copy, each row against ``sqlite_rows``."""
    url = load_copy(postgres_url, sqlite_path)
    print("  pages on PostgreSQL:", flush=True)
    postgres_rows = page_rows(url)
    sqlite_by_name = {row.name: row for row in sqlite_rows}
    return [
        _ratio_row(row, sqlite_by_name.get(row.name))
        for row in postgres_rows
        if row.measured is not None
    ]


def _ratio_row(postgres: Row, sqlite: Row | None) -> Row:
    name = f"{postgres.name} on PostgreSQL"
    target = f"≤ {RATIO_TARGET} × SQLite"
    if sqlite is None or not sqlite.measured:
        return Row(name, None, "×", target, None, "no SQLite figure to compare with")
    ratio = postgres.measured / sqlite.measured
    passed = (ratio <= RATIO_TARGET or postgres.measured - sqlite.measured <= NOISE_S) and not (
        postgres.note
    )
    note = f"PostgreSQL {postgres.measured:.3f} s, SQLite {sqlite.measured:.3f} s"
    if postgres.note:
        note += f"; {postgres.note}"
    return Row(name, round(ratio, 2), "×", target, passed, note, postgres.cpu_seconds)


# --- the copy ------------------------------------------------------------------------------


def load_copy(postgres_url: str, sqlite_path: Path) -> str:
    """The URL of an up-to-date PostgreSQL copy of ``sqlite_path``."""
    url = make_url(postgres_url)
    name = url.database or ""
    if not name.startswith("bench"):
        raise ValueError(
            f"--postgres: the database name must start with 'bench' (got {name!r}); "
            "it is dropped and loaded again whenever the city-scale data changes"
        )
    fingerprint = source_fingerprint(sqlite_path)
    if _stored_fingerprint(url) == fingerprint:
        print(f"  reusing PostgreSQL database {name} ({fingerprint})", flush=True)
        return postgres_url
    started = time.perf_counter()
    print(f"  loading {sqlite_path.name} into PostgreSQL database {name} ...", flush=True)
    _recreate_database(url)
    _run_cli(postgres_url, "init-db")
    _copy_tables(sqlite_path, _driver_url(url))
    _set_comment(url, fingerprint)
    print(f"  loaded in {time.perf_counter() - started:.0f} s", flush=True)
    return postgres_url


def source_fingerprint(sqlite_path: Path) -> str:
    """Changes with the file, its schema revision or any write to it."""
    connection = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        versions = connection.execute(
            f"SELECT table_name, version FROM {VERSIONS_TABLE} ORDER BY table_name"  # noqa: S608
        ).fetchall()
    finally:
        connection.close()
    digest = hashlib.sha256(repr(versions).encode()).hexdigest()[:10]
    return f"bench copy of {sqlite_path.name}, revision {revision}, versions {digest}"


def _driver_url(url) -> str:
    """The URL as libpq takes it (without SQLAlchemy's driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _server_url(url) -> str:
    return _driver_url(url.set(database="postgres"))


def _stored_fingerprint(url) -> str | None:
    import psycopg

    with psycopg.connect(_server_url(url), autocommit=True) as connection:
        found = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (url.database,),
        ).fetchone()
    return found[0] if found else None


def _recreate_database(url) -> None:
    import psycopg
    from psycopg import sql

    name = sql.Identifier(url.database)
    with psycopg.connect(_server_url(url), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _set_comment(url, fingerprint: str) -> None:
    import psycopg
    from psycopg import sql

    statement = sql.SQL("COMMENT ON DATABASE {} IS {}").format(
        sql.Identifier(url.database), sql.Literal(fingerprint)
    )
    with psycopg.connect(_server_url(url), autocommit=True) as connection:
        connection.execute(statement)


def _run_cli(database_url: str, *args: str) -> None:
    from dashboard.core.settings import PROJECT_ROOT

    command = [sys.executable, "-m", "dashboard", "--database-url", database_url, *args]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True)


def _copy_tables(sqlite_path: Path, postgres_dsn: str) -> None:
    import psycopg

    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        with psycopg.connect(postgres_dsn) as target:
            # The source is one consistent database: no foreign-key checks or change-tracking
            # triggers per copied row (superuser); the versions are bumped once at the end.
            target.execute("SET session_replication_role = replica")
            sqlite_tables = _sqlite_tables(source)
            for table in _tables_in_dependency_order(target):
                if table in SKIPPED_TABLES or table not in sqlite_tables:
                    continue
                _copy_table(source, target, table)
            target.execute("SET session_replication_role = DEFAULT")
            _reset_sequences(target)
            target.execute(f"UPDATE {VERSIONS_TABLE} SET version = version + 1")  # noqa: S608
            target.commit()
            target.autocommit = True
            # VACUUM too: its visibility map lets index-only scans skip the table, as
            # autovacuum would have done by now on a database that grew by itself.
            target.execute("VACUUM ANALYZE")
    finally:
        source.close()


def _sqlite_tables(source: sqlite3.Connection) -> set[str]:
    return {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _tables_in_dependency_order(target) -> list[str]:
    """The public tables, every table after those its foreign keys point to."""
    tables = [
        row[0]
        for row in target.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    depends: dict[str, set[str]] = {table: set() for table in tables}
    for child, parent in target.execute(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
    ):
        if child != parent and child in depends:
            depends[child].add(parent)
    ordered: list[str] = []
    while depends:
        ready = sorted(table for table, parents in depends.items() if not parents - set(ordered))
        if not ready:  # a cycle: foreign keys are not checked during the copy anyway
            ready = sorted(depends)
        ordered.extend(ready)
        for table in ready:
            del depends[table]
    return ordered


def _copyable_columns(target, table: str) -> list[str]:
    """The table's columns a COPY may write (not generated ones)."""
    return [
        row[0]
        for row in target.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
            (table,),
        )
    ]


def _copy_table(source: sqlite3.Connection, target, table: str) -> None:
    from psycopg import sql

    source_columns = {row[1] for row in source.execute(f'PRAGMA table_info("{table}")')}
    columns = [column for column in _copyable_columns(target, table) if column in source_columns]
    started = time.perf_counter()
    copy = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    count = 0
    with target.cursor().copy(copy) as writer:
        for batch in _batches(source, table, columns):
            for values in batch:
                writer.write_row(values)
            count += len(batch)
    print(f"    {table}: {count} rows in {time.perf_counter() - started:.1f} s", flush=True)


def _batches(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list]:
    listed = ", ".join(f'"{column}"' for column in columns)
    cursor = source.execute(f'SELECT {listed} FROM "{table}"')  # noqa: S608 -- schema names
    while batch := cursor.fetchmany(COPY_BATCH_ROWS):
        yield batch


def _reset_sequences(target) -> None:
    """Every serial or identity column's sequence continues after the copied ids."""
    from psycopg import sql

    owned = target.execute(
        "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), "
        "column_name) FROM information_schema.columns WHERE table_schema = 'public' "
        "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL"
    ).fetchall()
    for table, column, sequence in owned:
        statement = sql.SQL(
            "SELECT setval({}, coalesce(max({}), 1), max({}) IS NOT NULL) FROM {}"
        ).format(
            sql.Literal(sequence),
            sql.Identifier(column),
            sql.Identifier(column),
            sql.Identifier(table),
        )
        target.execute(statement)
