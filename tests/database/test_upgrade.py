"""Upgrading a populated database from the first revision to head keeps every row."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, MetaData, insert, inspect, select

from db.demo import seed_demo
from db.engine import make_engine, now
from db.migrate import current_revision, head_revision, upgrade
from harness.databases import temporary_database

FIRST_REVISION = "0001"


def first_revision_rows(moment: datetime) -> dict[str, list[dict]]:
    """Rows for every table of the first revision, written without today's models."""
    day = moment.date()
    proposals = [
        {
            "id": n,
            "subteam_id": 1 + n % 2,
            "title": f"Ścieżka rowerowa nr {n} — Łódzka",
            "description": "Zażółć gęślą jaźń.",
            "status": ("submitted", "accepted", "rejected")[n % 3],
            "source": "congress",
            "author_participant_id": 1 + n % 5,
            "district_id": 1 + n % 13,
            "strategic_area": "Mobilność",
            "created_at": moment,
            "updated_at": moment,
            "version": 1,
        }
        for n in range(1, 61)
    ]
    signups = [
        {
            "id": n,
            "event_id": 1,
            "full_name": f"Mieszkanka {n}",
            "email": f"m{n}@example.org",
            "district_id": 1 + n % 13,
            "age_group": "25-34",
            "category": "resident",
            "status": "registered",
            "created_at": moment,
            "consent_at": moment,
            "photo_consent": n % 2 == 0,
            "attended": False,
        }
        for n in range(1, 41)
    ]
    return {
        "thematic_teams": [{"id": 1, "name": "Zespół", "slug": "zespol", "description": ""}],
        "subteams": [
            {
                "id": s,
                "team_id": 1,
                "name": f"P{s}",
                "slug": f"p{s}",
                "description": "",
                "position": s,
            }
            for s in (1, 2)
        ],
        "districts": [{"id": n, "number": n, "name": f"Okręg {n}"} for n in range(1, 14)],
        "participants": [
            {"id": n, "full_name": f"Członkini {n}", "email": None, "category": "ngo"}
            for n in range(1, 6)
        ],
        "subteam_members": [
            {"subteam_id": 1, "participant_id": n, "role": "member"} for n in range(1, 4)
        ],
        "milestones": [
            {
                "id": n,
                "subteam_id": 1,
                "title": f"Kamień milowy {n}",
                "due_date": day,
                "done_on": day if n % 2 else None,
                "weight": n,
                "created_at": moment,
            }
            for n in range(1, 5)
        ],
        "milestone_events": [
            {"id": 1, "milestone_id": 1, "at": moment, "actor": "lider", "change": "done"}
        ],
        "proposals": proposals,
        "proposal_events": [
            {
                "id": p["id"],
                "proposal_id": p["id"],
                "at": moment,
                "actor": "import",
                "from_status": None,
                "to_status": p["status"],
                "note": None,
            }
            for p in proposals
        ],
        "events": [
            {
                "id": 1,
                "name": "II Kongres",
                "edition": 2,
                "starts_on": day,
                "ends_on": day,
                "registration_open": False,
            }
        ],
        "event_sessions": [
            {
                "id": 1,
                "event_id": 1,
                "day": 2,
                "kind": "workshop",
                "title": "Warsztat",
                "capacity": 50,
            }
        ],
        "signups": signups,
        "signup_sessions": [{"signup_id": s["id"], "session_id": 1} for s in signups],
        "users": [
            {
                "id": 1,
                "username": "admin",
                "display_name": "Admin",
                "password_hash": "x",
                "role": "admin",
                "failed_logins": 0,
                "disabled": False,
                "is_demo": False,
            }
        ],
        "user_subteams": [{"user_id": 1, "subteam_id": 1}],
        "audit_log": [{"id": 1, "at": moment, "actor": "admin", "action": "test"}],
        "app_settings": [{"key": "przykład", "value": "wartość"}],
    }


# Tables a later revision removed deliberately (never read or written): revision 0003.
DROPPED_ON_PURPOSE = ("app_settings",)


def all_rows(engine: Engine, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of the given tables, only the given columns, in primary-key order."""
    metadata = MetaData()
    metadata.reflect(engine, only=list(columns))
    contents = {}
    with engine.connect() as connection:
        for name, names in columns.items():
            table = metadata.tables[name]
            order = list(table.primary_key.columns) or list(table.columns)
            chosen = [table.c[column] for column in names]
            contents[name] = [
                tuple(row) for row in connection.execute(select(*chosen).order_by(*order))
            ]
    return contents


def test_upgrade_from_first_revision_keeps_every_row(db_kind: str, tmp_path: Path):
    with temporary_database(db_kind, tmp_path) as url:
        engine = make_engine(url)
        upgrade(engine, FIRST_REVISION)
        assert current_revision(engine) == FIRST_REVISION
        rows = first_revision_rows(now())
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.begin() as connection:
            for name, table_rows in rows.items():
                connection.execute(insert(metadata.tables[name]), table_rows)
        columns = {name: [c.name for c in metadata.tables[name].columns] for name in rows}
        before = all_rows(engine, columns)

        upgrade(engine)

        assert current_revision(engine) == head_revision()
        for name in DROPPED_ON_PURPOSE:
            assert name not in inspect(engine).get_table_names()
            rows.pop(name)
            columns.pop(name)
        after = all_rows(engine, columns)
        for name, table_rows in rows.items():
            assert len(after[name]) == len(table_rows), name
            assert after[name] == before[name], name
        engine.dispose()


def test_new_indexes_get_statistics_where_the_file_has_them(tmp_path: Path):
    analysed, plain = (make_engine(f"sqlite:///{tmp_path / name}.sqlite") for name in "ap")
    for engine in (analysed, plain):
        upgrade(engine, "0011")
    seed_demo(analysed, scale=1, seed=7, today=date(2026, 3, 16))  # ANALYZE skips empty tables
    with analysed.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    for engine in (analysed, plain):
        upgrade(engine)
    with analysed.connect() as connection:
        indexes = {row[0] for row in connection.exec_driver_sql("SELECT idx FROM sqlite_stat1")}
    assert {"ix_proposals_queue", "ix_signups_event_name"} <= indexes
    assert "sqlite_stat1" not in inspect(plain).get_table_names()
    for engine in (analysed, plain):
        engine.dispose()
