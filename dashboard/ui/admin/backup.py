"""The backup section of /admin: an online SQLite copy to download, or the pg_dump hint."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_datetime
from dashboard.core.permissions import Actor, require_admin
from dashboard.services.audit import record_now
from dashboard.services.backup import BackupError, backup_sqlite
from db.engine import now

BACKUP_KEY = "admin.backup.file"
PG_DUMP_HINT = "pg_dump --format=custom --file=strategia.dump NAZWA_BAZY"


def render(actor: Actor) -> None:
    engine = web.engine()
    if engine.dialect.name != "sqlite":
        st.write(web.tr("admin.backup.postgres"))
        st.code(PG_DUMP_HINT, language="bash")
        return
    st.caption(web.tr("admin.backup.intro"))
    if st.button(web.tr("admin.backup.create"), key="admin.backup.create"):
        try:
            st.session_state[BACKUP_KEY] = create_backup(actor)
        except BackupError as error:
            st.error(web.tr("admin.backup.failed", reason=str(error)))
    backup = st.session_state.get(BACKUP_KEY)
    if backup:
        name, data = backup
        st.download_button(
            web.tr("admin.backup.download", name=name),
            data=data,
            file_name=name,
            mime="application/vnd.sqlite3",
            key="admin.backup.download",
        )


def create_backup(actor: Actor) -> tuple[str, bytes]:
    """A consistent copy of the live database as bytes (it holds personal data: audit-logged)."""
    require_admin(actor)
    engine = web.engine()
    name = f"strategia-{now():%Y%m%d-%H%M%S}.sqlite"
    with tempfile.TemporaryDirectory() as folder:
        written = backup_sqlite(engine, Path(folder) / name)
        data = written.read_bytes()
    record_now(engine, actor.username, "backup.download", f"{name} ({format_datetime(now())})")
    return name, data
