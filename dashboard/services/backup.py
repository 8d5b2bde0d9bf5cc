"""Online backup of the SQLite database (safe while the panel writes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from dashboard.core.errors import PanelError
from dashboard.core.permissions import Actor, require_admin
from dashboard.services.audit import record_now

PG_DUMP_HINT = "pg_dump --format=custom --file=strategia.dump NAZWA_BAZY"


class BackupError(PanelError):
    pass


def backup_sqlite(engine: Engine, actor: Actor, destination: Path) -> Path:
    """Copy the live database page by page with SQLite's backup API (admins only; the
    copy holds personal data, so it is audit-logged).

    Written to a temporary file beside the destination and renamed, so a failed
    backup never leaves a half-written file under the final name.
    """
    require_admin(actor)
    if engine.dialect.name != "sqlite":
        raise BackupError("admin.backup.error.postgres", hint=PG_DUMP_HINT)
    source_path = engine.url.database
    if not source_path or source_path == ":memory:" or not Path(source_path).exists():
        raise BackupError("admin.backup.error.no_database", path=source_path)
    destination = destination.expanduser().resolve()
    if not destination.parent.is_dir():
        raise BackupError("admin.backup.error.no_folder", folder=destination.parent)
    if destination == Path(source_path).resolve():
        raise BackupError("admin.backup.error.same_file")
    partial = destination.with_name(destination.name + ".part")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target, pages=1024)
        finally:
            target.close()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError("admin.backup.error.failed", reason=error) from error
    finally:
        source.close()
    os.replace(partial, destination)
    record_now(engine, actor.username, "backup.download", destination.name)
    return destination
