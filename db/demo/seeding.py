"""Seeding an empty, migrated database with demo data, and clearing one.

Every row is built in memory with explicit ids and written in one transaction, so
``--scale 100`` stays well under a minute on SQLite.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import Connection, Engine, Table, inspect, select

from db.demo.accounts import account_rows
from db.demo.congress import congress_rows
from db.demo.draws import DemoRun
from db.demo.milestones import plan_milestones
from db.demo.people import People
from db.demo.proposals import proposal_rows
from db.demo.teams import district_rows, subteam_rows, team_rows
from db.demo.writer import INSERT_ORDER, Rows, write_rows
from db.engine import now, write_session
from db.models import Base, DataVersion, Proposal, Signup, Subteam, TableVersion, User

EARLIEST_TODAY = date(2025, 1, 1)
# A database holding rows in any of these is "in use" and never seeded over.
CONTENT_TABLES: tuple[Table, ...] = (
    Subteam.__table__,
    Proposal.__table__,
    Signup.__table__,
    User.__table__,
)


class DemoDataError(Exception):
    """The database cannot take demo data (it is not empty or has no schema)."""


def seed_demo(
    engine: Engine, *, scale: int = 1, seed: int = 2035, today: date | None = None
) -> dict[str, int]:
    """Fill an empty, migrated database; return row counts per table.

    The same ``seed``, ``today`` and ``scale`` give the same rows (bar the demo
    accounts' password salts and creation time).
    """
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    today = today or now().date()  # the date in Toruń
    if today < EARLIEST_TODAY:
        raise ValueError(f"today must be {EARLIEST_TODAY} or later, got {today}")
    with write_session(engine) as session:
        connection = session.connection()
        _require_empty_schema(connection)
        rows = build_rows(DemoRun(random.Random(seed), today, scale))
        write_rows(connection, rows)
    return {table_name: len(table_rows) for table_name, table_rows in rows.items()}


def build_rows(run: DemoRun) -> Rows:
    """Every demo row, by table in ``INSERT_ORDER``. The parts draw from one random
    stream in this order, so reordering them changes the data."""
    people = People.cast(run)
    milestones = plan_milestones(run.rng, run.today)
    proposals, proposal_events = proposal_rows(run, people)
    congress = congress_rows(run)
    users, user_subteams = account_rows()
    rows: Rows = {
        "thematic_teams": team_rows(),
        "subteams": subteam_rows(),
        "districts": district_rows(),
        "participants": people.participants,
        "subteam_members": people.memberships,
        "milestones": milestones,
        "proposals": proposals,
        "proposal_events": proposal_events,
        **congress,
        "users": users,
        "user_subteams": user_subteams,
    }
    return rows


def database_is_empty(engine: Engine) -> bool:
    """True when no subteams, proposals, sign-ups or users are stored."""
    with engine.connect() as connection:
        return _is_empty(connection)


_COUNTERS = (DataVersion.__table__, TableVersion.__table__)


def clear_all_data(engine: Engine) -> dict[str, int]:
    """Delete every row of every table, children first; return deleted counts.

    The ``data_version`` row and the ``table_versions`` counters stay (the caches key on
    them; a counter that restarted could meet a stale cached result again);
    ``alembic_version`` is not a model table and is never touched.
    """
    deleted: dict[str, int] = {}
    with write_session(engine) as session:
        connection = session.connection()
        existing = set(inspect(connection).get_table_names())
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in existing and table not in _COUNTERS:
                deleted[table.name] = connection.execute(table.delete()).rowcount
    return deleted


def _is_empty(connection: Connection) -> bool:
    return all(
        connection.execute(select(table.c.id).limit(1)).first() is None for table in CONTENT_TABLES
    )


def _require_empty_schema(connection: Connection) -> None:
    existing = set(inspect(connection).get_table_names())
    missing = sorted(table.name for table in INSERT_ORDER if table.name not in existing)
    if missing:
        raise DemoDataError(
            "Baza danych nie ma schematu — najpierw wykonaj migracje. "
            f"/ The database has no schema — run the migrations first (missing: {', '.join(missing)})."
        )
    if not _is_empty(connection):
        raise DemoDataError(
            "Baza danych nie jest pusta — dane demonstracyjne można wczytać tylko do pustej bazy "
            "(wyczyść ją najpierw, np. opcją --force). "
            "/ The database is not empty — demo data can only be loaded into an empty database "
            "(clear it first, e.g. with --force)."
        )
