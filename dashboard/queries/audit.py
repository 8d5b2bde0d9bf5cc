"""The audit log as admins read it on /admin."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.common import reads
from db.models import AuditLog


@reads("audit_log")
def recent_entries(engine: Engine, actor: Actor, limit: int = 500) -> pd.DataFrame:
    """The newest entries first (admins only: they name who exported whose data)."""
    require_admin(actor)
    query = select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
    with engine.connect() as connection:
        return pd.read_sql(query, connection, parse_dates=["at"])
