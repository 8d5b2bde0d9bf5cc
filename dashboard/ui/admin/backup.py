"""The backup section of /admin: an online SQLite copy to download, or the pg_dump hint."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.services.backup import PG_DUMP_HINT, BackupError, backup_sqlite
from dashboard.web import state
from db.engine import now


def render(actor: Actor) -> None:
    engine = web.engine()
    if engine.dialect.name != "sqlite":
        st.write(web.tr("admin.backup.postgres"))
        st.code(PG_DUMP_HINT, language="bash")
        return
    st.caption(web.tr("admin.backup.intro"))
    if st.button(web.tr("admin.backup.create"), key="admin.backup.create"):
        try:
            state.BACKUP_FILE.set(create_backup(actor))
        except BackupError as error:
            st.error(web.tr("admin.backup.failed", reason=error.message(web.lang())))
    backup = state.BACKUP_FILE.get()
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
    """A consistent copy of the live database as bytes (the service audits it)."""
    name = f"strategia-{now():%Y%m%d-%H%M%S}.sqlite"
    with tempfile.TemporaryDirectory() as folder:
        data = backup_sqlite(web.engine(), actor, Path(folder) / name).read_bytes()
    return name, data
