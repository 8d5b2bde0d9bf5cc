"""Real test databases: a temporary SQLite file or a temporary PostgreSQL database.

PostgreSQL tests skip with a reason when no server answers, unless
``REQUIRE_POSTGRES=1`` (set by ``.ci/run``), when they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db.engine import normalise_url

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_admin_url() -> str:
    return normalise_url(os.environ.get("TEST_DATABASE_URL", DEFAULT_ADMIN_URL))


def postgres_required() -> bool:
    return os.environ.get("REQUIRE_POSTGRES") == "1"


def postgres_unavailable_reason() -> str | None:
    try:
        engine = create_engine(postgres_admin_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to reach the server
        return f"PostgreSQL unreachable at {postgres_admin_url()}: {str(error).splitlines()[0]}"
    return None


def require_postgres_or_skip() -> None:
    reason = postgres_unavailable_reason()
    if reason is None:
        return
    if postgres_required():
        pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


@contextmanager
def temporary_postgres_database() -> Iterator[str]:
    """Create a fresh database, yield its URL, drop it afterwards."""
    require_postgres_or_skip()
    admin_url = make_url(postgres_admin_url())
    name = f"strategia_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def temporary_database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'test.sqlite'}"
    else:
        with temporary_postgres_database() as url:
            yield url
