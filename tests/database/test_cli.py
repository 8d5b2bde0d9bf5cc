"""The command line as a person uses it: real processes, real database files."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest

from dashboard.core.settings import PROJECT_ROOT
from harness.databases import temporary_postgres_database
from tests.support.cli import run_cli

ROOT = PROJECT_ROOT
COMMANDS = ("init-db", "seed-demo", "backup", "check")


def assert_clean_failure(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "usage:" in result.stdout


def test_init_seed_check_and_backup_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'panel.sqlite'}"
    assert run_cli("init-db", url=url).returncode == 0
    seeded = run_cli("seed-demo", "--seed", "7", url=url)
    assert seeded.returncode == 0, seeded.stderr
    check = run_cli("check", url=url)
    assert check.returncode == 0, check.stderr
    assert "proposals" in check.stdout

    refused = run_cli("seed-demo", url=url)
    assert_clean_failure(refused, "--force")
    assert run_cli("seed-demo", "--if-empty", url=url).returncode == 0

    backup_path = tmp_path / "kopia.sqlite"
    assert run_cli("backup", str(backup_path), url=url).returncode == 0
    with sqlite3.connect(backup_path) as copy, sqlite3.connect(tmp_path / "panel.sqlite") as live:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = "SELECT count(*) FROM proposals"
        assert copy.execute(count).fetchone() == live.execute(count).fetchone()


def test_seed_demo_force_replaces_the_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'panel.sqlite'}"
    run_cli("init-db", url=url)
    run_cli("seed-demo", url=url)
    replaced = run_cli("seed-demo", "--force", url=url)
    assert replaced.returncode == 0, replaced.stderr
    with sqlite3.connect(tmp_path / "panel.sqlite") as connection:
        users = connection.execute("SELECT count(*) FROM users WHERE username = 'admin'").fetchone()
    assert users == (1,)


def test_bad_url_is_one_clear_line():
    assert_clean_failure(run_cli("check", url="nosuchdb://x"), "DATABASE_URL")


def test_missing_directory_is_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'nie-ma' / 'panel.sqlite'}"
    assert_clean_failure(run_cli("init-db", url=url), "nie istnieje")


def test_missing_sqlite_file_is_reported_by_check(tmp_path):
    assert_clean_failure(run_cli("check", url=f"sqlite:///{tmp_path / 'x.sqlite'}"), "init-db")


def test_unreachable_server_is_one_clear_line():
    result = run_cli("check", url="postgresql://postgres@127.0.0.1:1/none")
    assert_clean_failure(result, "połączyć")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'ro.sqlite'}"
    run_cli("init-db", url=url)
    (tmp_path / "ro.sqlite").chmod(0o444)
    assert_clean_failure(run_cli("seed-demo", url=url), "odczytu")


def test_read_only_file_under_root_is_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'ro.sqlite'}"
    run_cli("init-db", url=url)
    # A read-only open is what a person gets on a mounted read-only share.
    ro_url = f"sqlite:///file:{tmp_path / 'ro.sqlite'}?mode=ro&uri=true"
    assert_clean_failure(run_cli("seed-demo", url=ro_url), "odczytu")


def test_locked_database_is_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'locked.sqlite'}"
    run_cli("init-db", url=url)
    holder = sqlite3.connect(tmp_path / "locked.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli("seed-demo", url=url)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "zablokowana" in result.stderr


def test_backup_on_postgresql_points_to_pg_dump():
    with temporary_postgres_database() as url:
        run_cli("init-db", url=url)
        result = run_cli("backup", "/tmp/kopia.dump", url=url)
    assert_clean_failure(result, "pg_dump")


def test_init_db_on_postgresql_and_check(tmp_path):
    with temporary_postgres_database() as url:
        assert run_cli("init-db", url=url).returncode == 0
        check = run_cli("check", url=url)
    assert check.returncode == 0, check.stderr
    assert "signups" in check.stdout
