"""Online backup of the SQLite database (safe while the panel writes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine


class BackupError(Exception):
    pass


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """Copy the live database page by page with SQLite's backup API.

    Written to a temporary file beside the destination and renamed, so a failed
    backup never leaves a half-written file under the final name.
    """
    if engine.dialect.name != "sqlite":
        raise BackupError(
            "Kopię bazy PostgreSQL wykonuje się narzędziem pg_dump, np.: "
            "pg_dump --format=custom --file=strategia.dump NAZWA_BAZY"
        )
    source_path = engine.url.database
    if not source_path or source_path == ":memory:" or not Path(source_path).exists():
        raise BackupError(f"Plik bazy danych nie istnieje: {source_path}")
    destination = destination.expanduser().resolve()
    if not destination.parent.is_dir():
        raise BackupError(f"Katalog docelowy nie istnieje: {destination.parent}")
    if destination == Path(source_path).resolve():
        raise BackupError("Kopia nie może nadpisać kopiowanej bazy.")
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
        raise BackupError(f"Kopia nie powiodła się: {error}") from error
    finally:
        source.close()
    os.replace(partial, destination)
    return destination
