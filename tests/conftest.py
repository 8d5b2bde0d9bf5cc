"""Shared fixtures: real databases (SQLite file and PostgreSQL), migrated to head.

- ``engine``: an empty migrated database, once on SQLite and once on PostgreSQL
  (SQLite: a copy of a file migrated once; PostgreSQL: one migrated database per run,
  emptied before each test).
- ``sqlite_engine``: the same on SQLite only.
- ``demo_url``: a SQLite demo database built once per test session (read-only use).
- ``demo_copy_url``: a private copy of it for a test that writes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from db.demo import seed_demo
from db.engine import make_engine
from db.migrate import upgrade
from harness.databases import temporary_database
from harness.mail_server import smtp_server  # noqa: F401  (fixtures for every test module)
from tests.support.accounts import fast_bcrypt  # noqa: F401

# The demo database's "today": fixed, so tests see the same data every day.
DEMO_TODAY = date(2026, 3, 16)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_kind(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory) -> Path:
    """Migrated once; each test gets a fresh copy of the file (faster than migrating)."""
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    eng = make_engine(f"sqlite:///{path}")
    upgrade(eng)
    eng.dispose()
    return path


@pytest.fixture(scope="session")
def migrated_postgres_url() -> Iterator[str]:
    """One migrated PostgreSQL database per test run; emptied before each test."""
    with temporary_database("postgresql", Path()) as url:
        eng = make_engine(url)
        upgrade(eng)
        eng.dispose()
        yield url


def _empty_postgres(url: str) -> Engine:
    eng = make_engine(url)
    keep = {"alembic_version", "data_version", "table_versions"}
    with eng.begin() as connection:
        tables = [name for name in inspect(connection).get_table_names() if name not in keep]
        quoted = ", ".join(f'"{name}"' for name in tables)
        connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        connection.execute(text("UPDATE data_version SET version = 0"))
    return eng


def fresh_sqlite_engine(template: Path, folder: Path) -> Engine:
    path = folder / "test.sqlite"
    shutil.copyfile(template, path)
    return make_engine(f"sqlite:///{path}")


@pytest.fixture
def engine(db_kind: str, tmp_path: Path, request) -> Iterator[Engine]:
    if db_kind == "sqlite":
        eng = fresh_sqlite_engine(request.getfixturevalue("migrated_sqlite_template"), tmp_path)
    else:
        eng = _empty_postgres(request.getfixturevalue("migrated_postgres_url"))
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(migrated_sqlite_template: Path, tmp_path: Path) -> Iterator[Engine]:
    eng = fresh_sqlite_engine(migrated_sqlite_template, tmp_path)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    eng = make_engine(f"sqlite:///{path}")
    upgrade(eng)
    seed_demo(eng, scale=1, seed=2035, today=DEMO_TODAY)
    eng.dispose()
    return path


@pytest.fixture
def demo_url(demo_path: Path) -> str:
    return f"sqlite:///{demo_path}"


@pytest.fixture
def demo_copy_url(demo_path: Path, tmp_path: Path) -> str:
    copy = tmp_path / "demo-copy.sqlite"
    shutil.copyfile(demo_path, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def demo_engine(demo_copy_url: str) -> Iterator[Engine]:
    eng = make_engine(demo_copy_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def playwright_browser() -> Iterator:
    """One Chromium for the whole run: Playwright's sync API cannot be started twice in one
    process while the first instance's event loop is alive (browser and deployment tests)."""
    from harness.chromium import launch_chromium, require_browser_or_skip

    require_browser_or_skip()
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = launch_chromium(playwright)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()
