"""``make bench BENCH_ARGS=--postgres URL``: the SQLite data copied into PostgreSQL, whole,
reused while the source is unchanged and loaded again when it changed."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bench import postgres_copy
from harness.databases import postgres_admin_url, require_postgres_or_skip

COUNTED = ("participants", "proposals", "proposal_events", "signups", "signup_sessions", "users")


@pytest.fixture
def bench_url() -> str:
    require_postgres_or_skip()
    admin = make_url(postgres_admin_url())
    name = f"bench_test_{uuid.uuid4().hex[:12]}"
    yield admin.set(drivername="postgresql", database=name).render_as_string(hide_password=False)
    server = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def counts_in_sqlite(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in COUNTED
        }


def counts_in_postgres(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in COUNTED
        }


def test_copy_is_whole_reused_and_reloaded_when_the_source_changes(demo_path, tmp_path, bench_url):
    source = tmp_path / "city.sqlite"
    shutil.copyfile(demo_path, source)
    expected = counts_in_sqlite(source)
    assert expected["proposals"] > 0

    postgres_copy.load_copy(bench_url, source)
    assert counts_in_postgres(bench_url) == expected
    with psycopg.connect(bench_url) as connection:
        # The sequences continue after the copied ids: a new proposal gets a free id.
        next_id = connection.execute(
            "SELECT nextval(pg_get_serial_sequence('proposals', 'id'))"
        ).fetchone()[0]
        assert next_id == connection.execute("SELECT max(id) + 1 FROM proposals").fetchone()[0]
        connection.execute(
            "DELETE FROM proposal_events WHERE id IN (SELECT min(id) FROM proposal_events)"
        )

    postgres_copy.load_copy(bench_url, source)  # unchanged source: the copy is kept
    assert counts_in_postgres(bench_url)["proposal_events"] == expected["proposal_events"] - 1

    with sqlite3.connect(source) as connection:
        connection.execute(
            "DELETE FROM proposal_events WHERE id IN (SELECT max(id) FROM proposal_events)"
        )
    postgres_copy.load_copy(bench_url, source)  # a write to the source: loaded again
    assert counts_in_postgres(bench_url) == counts_in_sqlite(source)


def test_only_a_bench_database_is_ever_dropped(demo_path):
    with pytest.raises(ValueError, match="must start with 'bench'"):
        postgres_copy.load_copy("postgresql://postgres@127.0.0.1:5432/postgres", demo_path)
