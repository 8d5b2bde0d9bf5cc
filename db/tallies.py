"""Congress sign-up tallies kept by the database itself (tables in ``db/models/tallies.py``).

/kongres and /zapisy read per-edition counts from three small tables instead of grouping
~100 000 sign-ups per edition. Triggers on ``signups`` and ``signup_sessions`` add a
change's new rows and subtract its old ones in the writer's own transaction, so the
panel, an import, plain ``sqlite3`` or ``psql`` all keep them exact:

- SQLite: ``AFTER`` row triggers (each sees the table as it is right after its row);
- PostgreSQL: ``AFTER`` statement triggers with transition tables (``old_rows``,
  ``new_rows``), so a statement touching many rows does one grouped upsert per tally.

Every delta is "contribution of the rows after the change minus contribution before",
where a sign-up's day mask depends on its sessions: for a change to ``signup_sessions``
the state before is the current pairs without ``new_rows`` plus ``old_rows``.
A change to a session's day or id (or inserting/deleting a session some sign-up points
at) is rare and recounts everything; so does ``TRUNCATE`` on PostgreSQL.

``ensure_tallies`` runs after every upgrade (``db/migrations/env.py``): SQLite batch
mode rebuilds a table without its triggers, so missing triggers are installed again and
the tallies recounted.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

from db import change_tracking

# ruff: noqa: S608 -- SQL built from constants only, no input

TALLY_TABLES = ("signup_tallies", "signup_day_tallies", "session_tallies")
_SIGNUP_KEYS = ("event_id", "category", "status", "came", "district_id", "age_group", "day_mask")
_DAY_KEYS = ("event_id", "signed_up_on", "category", "status", "day_mask")
_SESSION_KEYS = ("session_id", "event_id", "category", "status", "came")
_KEYS = dict(zip(TALLY_TABLES, (_SIGNUP_KEYS, _DAY_KEYS, _SESSION_KEYS), strict=True))

_SIGNUP_COLUMNS = (
    "id",
    "event_id",
    "category",
    "status",
    "attended",
    "district_id",
    "age_group",
    "created_at",
)
_PAIR_COLUMNS = ("signup_id", "session_id")
_SESSION_COLUMNS = ("id", "day")
_OPERATIONS = ("insert", "update", "delete")
_SOURCES = ("signups", "signup_sessions", "event_sessions")


# --- contributions ------------------------------------------------------------------


def _has_day(signup_id: str, day: int, old_pairs: str | None, new_pairs: str | None) -> str:
    """Whether the sign-up held a session of ``day`` — now, or (given a change's
    transition rows) before the change: current pairs less ``new_pairs``, plus ``old_pairs``."""
    unchanged = (
        ""
        if new_pairs is None
        else f" AND NOT EXISTS (SELECT 1 FROM {new_pairs} hn WHERE hn.signup_id = hp.signup_id"
        " AND hn.session_id = hp.session_id)"
    )
    held = (
        "EXISTS (SELECT 1 FROM signup_sessions hp JOIN event_sessions he ON he.id = hp.session_id"
        f" WHERE hp.signup_id = {signup_id} AND he.day = {day}{unchanged})"
    )
    if old_pairs is None:
        return held
    removed = (
        f"EXISTS (SELECT 1 FROM {old_pairs} ho JOIN event_sessions hf ON hf.id = ho.session_id"
        f" WHERE ho.signup_id = {signup_id} AND hf.day = {day})"
    )
    return f"({held} OR {removed})"


def _mask(signup_id: str, old_pairs: str | None = None, new_pairs: str | None = None) -> str:
    day1 = _has_day(signup_id, 1, old_pairs, new_pairs)
    day2 = _has_day(signup_id, 2, old_pairs, new_pairs)
    return f"(CASE WHEN {day1} THEN 1 ELSE 0 END + CASE WHEN {day2} THEN 2 ELSE 0 END)"


def _signed_up_on(dialect: str) -> str:
    return "date(s.created_at)" if dialect == "sqlite" else "CAST(s.created_at AS DATE)"


_CAME = "CASE WHEN s.attended THEN 1 ELSE 0 END"


def _columns(table: str, dialect: str, mask: str) -> str:
    """The key columns of ``table`` for sign-up ``s`` (and pair ``p`` for sessions)."""
    values = {
        "signup_tallies": (
            "s.event_id",
            "s.category",
            "s.status",
            _CAME,
            "COALESCE(s.district_id, 0)",
            "COALESCE(s.age_group, '')",
            mask,
        ),
        "signup_day_tallies": (
            "s.event_id",
            _signed_up_on(dialect),
            "s.category",
            "s.status",
            mask,
        ),
        "session_tallies": ("p.session_id", "s.event_id", "s.category", "s.status", _CAME),
    }[table]
    return ", ".join(f"{value} AS {key}" for value, key in zip(values, _KEYS[table], strict=True))


def _apply(table: str, parts: list[str]) -> str:
    """Add the signed rows of ``parts`` (each ``SELECT <keys>, ±1 AS n``) to ``table``."""
    keys = ", ".join(_KEYS[table])
    body = " UNION ALL ".join(parts)
    # Rows in key order: concurrent writers on PostgreSQL lock tally rows in one order.
    return (
        f"INSERT INTO {table} ({keys}, signups) SELECT {keys}, SUM(n) FROM ({body}) d"
        f" WHERE true GROUP BY {keys} HAVING SUM(n) <> 0 ORDER BY {keys}"
        f" ON CONFLICT ({keys}) DO UPDATE SET signups = {table}.signups + excluded.signups"
    )


def _signup_change(dialect: str, old: str | None, new: str | None) -> list[str]:
    """Deltas for rows of ``signups`` replaced (``old``) by ``new``; pairs unchanged."""
    statements = []
    for table in TALLY_TABLES:
        parts = []
        for rows, sign in ((new, 1), (old, -1)):
            if rows is None:
                continue
            if table == "session_tallies":
                source = f"{rows} s JOIN signup_sessions p ON p.signup_id = s.id"
            else:
                source = f"{rows} s"
            columns = _columns(table, dialect, _mask("s.id"))
            parts.append(f"SELECT {columns}, {sign} AS n FROM {source}")
        statements.append(_apply(table, parts))
    return statements


def _pair_change(dialect: str, old: str | None, new: str | None) -> list[str]:
    """Deltas for rows of ``signup_sessions`` replaced (``old``) by ``new``."""
    touched = " UNION ".join(
        f"SELECT a.signup_id FROM {rows} a" for rows in (old, new) if rows is not None
    )
    affected = f"signups s WHERE s.id IN ({touched})"
    statements = []
    for table in ("signup_tallies", "signup_day_tallies"):
        after = _columns(table, dialect, _mask("s.id"))
        before = _columns(table, dialect, _mask("s.id", old, new))
        statements.append(
            _apply(
                table,
                [
                    f"SELECT {after}, 1 AS n FROM {affected}",
                    f"SELECT {before}, -1 AS n FROM {affected}",
                ],
            )
        )
    parts = [
        f"SELECT {_columns('session_tallies', dialect, '')}, {sign} AS n"
        f" FROM {rows} p JOIN signups s ON s.id = p.signup_id"
        for rows, sign in ((new, 1), (old, -1))
        if rows is not None
    ]
    statements.append(_apply("session_tallies", parts))
    return statements


def recount_statements(dialect: str) -> list[str]:
    """Empty the tallies and count every sign-up again."""
    masks = (
        "(SELECT p.signup_id, MAX(CASE WHEN e.day = 1 THEN 1 ELSE 0 END)"
        " + MAX(CASE WHEN e.day = 2 THEN 2 ELSE 0 END) AS mask"
        " FROM signup_sessions p JOIN event_sessions e ON e.id = p.session_id"
        " GROUP BY p.signup_id)"
    )
    sources = {
        "signup_tallies": f"signups s LEFT JOIN {masks} m ON m.signup_id = s.id",
        "signup_day_tallies": f"signups s LEFT JOIN {masks} m ON m.signup_id = s.id",
        "session_tallies": "signup_sessions p JOIN signups s ON s.id = p.signup_id",
    }
    statements = []
    for table in TALLY_TABLES:
        keys = ", ".join(_KEYS[table])
        columns = _columns(table, dialect, "COALESCE(m.mask, 0)")
        statements.append(f"DELETE FROM {table}")
        statements.append(
            f"INSERT INTO {table} ({keys}, signups) SELECT {keys}, COUNT(*)"
            f" FROM (SELECT {columns} FROM {sources[table]}) d GROUP BY {keys}"
        )
    return statements


def recount_tallies(connection: Connection) -> None:
    for statement in recount_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)


# --- SQLite: row triggers -------------------------------------------------------------


def _row(prefix: str, columns: tuple[str, ...]) -> str:
    return "(SELECT " + ", ".join(f"{prefix}.{column} AS {column}" for column in columns) + ")"


def _sqlite_triggers() -> dict[str, str]:
    """Trigger name → its CREATE statement."""
    triggers = {}
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _SIGNUP_COLUMNS)
    for source, columns, deltas in (
        ("signups", _SIGNUP_COLUMNS, _signup_change),
        ("signup_sessions", _PAIR_COLUMNS, _pair_change),
    ):
        for operation in _OPERATIONS:
            old = _row("OLD", columns) if operation != "insert" else None
            new = _row("NEW", columns) if operation != "delete" else None
            event = operation.upper()
            when = ""
            if source == "signups" and operation == "update":
                event = f"UPDATE OF {', '.join(columns)}"
                when = f" WHEN {changed}"
            body = "; ".join(deltas("sqlite", old, new))
            triggers[f"tally_{source}_{operation}"] = (
                f"CREATE TRIGGER tally_{source}_{operation} AFTER {event} ON {source}"
                f"{when} BEGIN {body}; END"
            )
    recount = "; ".join(recount_statements("sqlite"))
    held = "EXISTS (SELECT 1 FROM signup_sessions WHERE session_id IN ({ids}))"
    session_rules = {
        "insert": ("INSERT", held.format(ids="NEW.id")),
        "delete": ("DELETE", held.format(ids="OLD.id")),
        "update": (
            "UPDATE OF id, day",
            f"(OLD.id IS NOT NEW.id OR OLD.day IS NOT NEW.day) AND {held.format(ids='OLD.id, NEW.id')}",
        ),
    }
    for operation, (event, when) in session_rules.items():
        triggers[f"tally_event_sessions_{operation}"] = (
            f"CREATE TRIGGER tally_event_sessions_{operation} AFTER {event} ON event_sessions"
            f" WHEN {when} BEGIN {recount}; END"
        )
    return triggers


# --- PostgreSQL: statement triggers with transition tables --------------------------------


def _function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{body}\nRETURN NULL;\nEND\n$$"
    )


def _unchanged_signups_excluded(old: str, new: str) -> tuple[str, str]:
    """Sign-ups whose counted columns an UPDATE left alone cancel out: leave them out
    (anonymising an edition updates every row and changes no count)."""
    same = " AND ".join(f"o.{c} IS NOT DISTINCT FROM n.{c}" for c in _SIGNUP_COLUMNS)
    pairs = f"SELECT n.id FROM old_rows o JOIN new_rows n ON o.id = n.id WHERE {same}"
    return (
        f"(SELECT * FROM {old} WHERE id NOT IN ({pairs}))",
        f"(SELECT * FROM {new} WHERE id NOT IN ({pairs}))",
    )


def _postgres_statements() -> list[str]:
    statements = [
        _function("tally_recount", "\n".join(f"{s};" for s in recount_statements("postgresql")))
    ]
    for source, deltas in (("signups", _signup_change), ("signup_sessions", _pair_change)):
        for operation in _OPERATIONS:
            old = "old_rows" if operation != "insert" else None
            new = "new_rows" if operation != "delete" else None
            if source == "signups" and operation == "update":
                old, new = _unchanged_signups_excluded(old, new)
            body = "\n".join(f"{s};" for s in deltas("postgresql", old, new))
            statements.append(_function(f"tally_{source}_{operation}", body))
    held = "EXISTS (SELECT 1 FROM signup_sessions p WHERE p.session_id IN ({ids}))"
    conditions = {
        "insert": held.format(ids="SELECT id FROM new_rows"),
        "delete": held.format(ids="SELECT id FROM old_rows"),
        "update": "EXISTS (SELECT id, day FROM old_rows EXCEPT SELECT id, day FROM new_rows) AND "
        + held.format(ids="SELECT id FROM old_rows UNION SELECT id FROM new_rows"),
    }
    for operation, condition in conditions.items():
        body = f"IF {condition} THEN PERFORM tally_recount_now(); END IF;"
        statements.append(_function(f"tally_event_sessions_{operation}", body))
    statements.append(
        "CREATE OR REPLACE FUNCTION tally_recount_now() RETURNS void LANGUAGE plpgsql AS $$\n"
        "BEGIN\n" + "\n".join(f"{s};" for s in recount_statements("postgresql")) + "\nEND\n$$"
    )
    for source in _SOURCES:
        for operation in _OPERATIONS:
            referencing = {
                "insert": "NEW TABLE AS new_rows",
                "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                "delete": "OLD TABLE AS old_rows",
            }[operation]
            name = f"tally_{source}_{operation}"
            statements.append(
                f"CREATE OR REPLACE TRIGGER {name} AFTER {operation.upper()} ON {source}"
                f" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
        statements.append(
            f"CREATE OR REPLACE TRIGGER tally_{source}_truncate AFTER TRUNCATE ON {source}"
            " FOR EACH STATEMENT EXECUTE FUNCTION tally_recount()"
        )
    return statements


def _postgres_functions() -> list[str]:
    names = ["tally_recount", "tally_recount_now"]
    for source in _SOURCES:
        names += [f"tally_{source}_{operation}" for operation in _OPERATIONS]
    return names


# --- install, check, remove ------------------------------------------------------------------


def trigger_names(dialect: str) -> set[str]:
    names = {f"tally_{source}_{operation}" for source in _SOURCES for operation in _OPERATIONS}
    if dialect == "postgresql":
        names |= {f"tally_{source}_truncate" for source in _SOURCES}
    return names


def installed_triggers(connection: Connection) -> set[str]:
    """The names of the tally triggers in the catalogue now."""
    return {
        name
        for _table, name in change_tracking.installed_triggers(connection)
        if name.startswith("tally_")
    }


def install_tally_triggers(connection: Connection) -> None:
    """Create (or replace) every tally trigger; the tallies are not recounted."""
    if connection.dialect.name == "sqlite":
        for name, create in _sqlite_triggers().items():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            connection.exec_driver_sql(create)
    else:
        for statement in _postgres_statements():
            connection.exec_driver_sql(statement)


def drop_tally_triggers(connection: Connection) -> None:
    dialect = connection.dialect.name
    for name in sorted(trigger_names(dialect)):
        if dialect == "sqlite":
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        else:
            table = next(source for source in _SOURCES if name.startswith(f"tally_{source}_"))
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    if dialect == "postgresql":
        for function in _postgres_functions():
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")


def ensure_tallies(connection: Connection) -> bool:
    """Install missing tally triggers and recount (a table rebuilt by SQLite batch mode
    lost its triggers); True when something was missing. No-op before revision 0011."""
    if not set(TALLY_TABLES) <= set(inspect(connection).get_table_names()):
        return False
    if installed_triggers(connection) >= trigger_names(connection.dialect.name):
        return False
    install_tally_triggers(connection)
    recount_tallies(connection)
    return True
