"""Shared fixtures: real databases (SQLite file and PostgreSQL), migrated to head.

- ``engine``: an empty migrated database, once on SQLite and once on PostgreSQL.
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
from sqlalchemy import Engine

from db.demo import seed_demo
from db.engine import make_engine
from db.migrate import upgrade
from tests.databases import temporary_database

# The demo database's "today": fixed, so tests see the same data every day.
DEMO_TODAY = date(2026, 3, 16)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_kind(request) -> str:
    return request.param


@pytest.fixture
def engine(db_kind: str, tmp_path: Path) -> Iterator[Engine]:
    with temporary_database(db_kind, tmp_path) as url:
        eng = make_engine(url)
        upgrade(eng)
        yield eng
        eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
    upgrade(eng)
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
