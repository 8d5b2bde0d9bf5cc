"""Change tracking on SQLite and PostgreSQL: every table has version triggers, a write
moves only its own table's counter, and the counters survive clearing the data."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text, update

from db.change_tracking import UNTRACKED, table_versions, trackable_tables, tracked_tables
from db.demo.seeding import clear_all_data
from db.engine import now, write_session
from db.migrate import downgrade, upgrade
from db.models import District, Proposal, ThematicTeam


def test_every_table_is_tracked_after_the_migrations(engine: Engine):
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names()) - UNTRACKED
        expected = set(trackable_tables(connection))
        tracked = tracked_tables(connection)
    assert {"proposals", "signups", "signup_sessions", "milestones", "users"} <= expected
    assert tracked == expected
    assert not {name for name in tables - expected if not name.startswith("proposals_fts")}
    assert set(table_versions(engine)) == expected


def test_a_write_moves_only_its_tables_counter(engine: Engine):
    before = table_versions(engine)
    with write_session(engine) as session:
        session.add(District(number=1, name="Bydgoskie Przedmieście"))
    after_insert = table_versions(engine)
    assert after_insert["districts"] > before["districts"]
    assert {k: v for k, v in after_insert.items() if k != "districts"} == {
        k: v for k, v in before.items() if k != "districts"
    }
    with engine.begin() as connection:  # a writer that is not the panel's write_session
        connection.execute(update(District).values(name="Bydgoskie"))
    assert table_versions(engine)["districts"] > after_insert["districts"]


def test_plain_sql_insert_update_delete_each_bump(engine: Engine):
    seen = [table_versions(engine)["thematic_teams"]]
    statements = [
        "INSERT INTO thematic_teams (id, name, slug, description) VALUES (90, 'T', 't', '')",
        "UPDATE thematic_teams SET name = 'U' WHERE id = 90",
        "DELETE FROM thematic_teams WHERE id = 90",
    ]
    for statement in statements:
        with engine.begin() as connection:
            connection.execute(text(statement))
        seen.append(table_versions(engine)["thematic_teams"])
    assert seen == sorted(set(seen)), seen  # strictly increasing


def test_clearing_all_data_keeps_the_counters_rising(engine: Engine):
    with write_session(engine) as session:
        session.add(ThematicTeam(name="Zespół", slug="z", description=""))
    before = table_versions(engine)
    clear_all_data(engine)
    after = table_versions(engine)
    assert set(after) == set(before)
    assert after["thematic_teams"] > before["thematic_teams"]


def test_a_rolled_back_write_moves_nothing(engine: Engine):
    before = table_versions(engine)
    try:
        with write_session(engine) as session:
            session.add(District(number=2, name="Chełmińskie Przedmieście"))
            session.flush()
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert table_versions(engine) == before


def test_downgrade_removes_the_triggers_and_upgrade_restores_them(sqlite_engine: Engine):
    downgrade(sqlite_engine, "0003")
    with sqlite_engine.connect() as connection:
        assert tracked_tables(connection) == set()
        assert "table_versions" not in inspect(connection).get_table_names()
    upgrade(sqlite_engine)
    with sqlite_engine.begin() as connection:
        assert tracked_tables(connection) == set(trackable_tables(connection))
        connection.execute(update(Proposal).values(updated_at=now()))
