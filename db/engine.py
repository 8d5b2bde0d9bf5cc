"""Engine and session factory for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

DEFAULT_SQLITE_PATH = Path(__file__).resolve().parent / "strategia.sqlite"
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_SQLITE_PATH}"
BUSY_TIMEOUT_MS = 5000
CITY_TIMEZONE = ZoneInfo("Europe/Warsaw")

_BUMP_DATA_VERSION = text("UPDATE data_version SET version = version + 1 WHERE id = 1")
_READ_DATA_VERSION = text("SELECT version FROM data_version WHERE id = 1")

# PostgreSQL's planner assumes spinning disks (random_page_cost 4): to find the ~1 000
# proposals changed since a date it read all 100 000 rather than look each up by its key
# (/postepy's status counts as of a past date, 45 -> 7 ms at city scale). 1.1 is
# PostgreSQL's advice for data on SSD or in memory; set for the panel's connections only.
POSTGRES_OPTIONS = "-c random_page_cost=1.1"

# Marks a connection whose next transaction must take SQLite's write lock at BEGIN.
_IMMEDIATE = "sqlite_begin_immediate"


def now() -> datetime:
    """Wall-clock time in Toruń, second precision, naive (as stored in the database)."""
    return datetime.now(CITY_TIMEZONE).replace(tzinfo=None, microsecond=0)


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def normalise_url(url: str) -> str:
    """Accept the common ``postgres://`` and ``postgresql://`` forms and use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str = DEFAULT_DATABASE_URL, **kwargs) -> Engine:
    url = normalise_url(url)
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
        _install_sqlite_pragmas(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if "options" not in make_url(url).query:  # a DBA's own options in the URL win
        kwargs["connect_args"] = {"options": POSTGRES_OPTIONS, **kwargs.get("connect_args", {})}
    return create_engine(url, **kwargs)


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
        # so reads inside a transaction see one snapshot.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        database = make_url(str(engine.url)).database
        if database and database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One transaction for a write: committed on success, rolled back on any error.

    On SQLite the write lock is taken at BEGIN, so a read-check-write sequence
    (capacity, versions) cannot be overtaken by another writer in between; a
    concurrent writer waits up to ``busy_timeout``.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection = connection.execution_options(**{_IMMEDIATE: True})
        with Session(bind=connection) as session, session.begin():
            # First statement is a write: on PostgreSQL it also orders writers.
            session.execute(_BUMP_DATA_VERSION)
            yield session


def data_version(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(_READ_DATA_VERSION).scalar_one()
