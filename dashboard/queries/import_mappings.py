"""The saved mappings of import values (admins only), newest first."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.core.permissions import Actor, require_admin
from dashboard.importers.matching import vocabulary_for
from dashboard.queries.common import reads
from db.engine import read_session
from db.models import EventSession, ImportMapping

COLUMNS = ["kind", "value", "target", "meaning", "created_by", "created_at"]


@reads("import_mappings")
def import_mappings(engine: Engine, actor: Actor) -> pd.DataFrame:
    """kind, value (as first written), target (stored), meaning (as a person names the
    target), created_by, created_at."""
    require_admin(actor)
    query = select(
        ImportMapping.kind,
        ImportMapping.value,
        ImportMapping.target,
        ImportMapping.created_by,
        ImportMapping.created_at,
    ).order_by(ImportMapping.created_at.desc(), ImportMapping.id.desc())
    with read_session(engine) as session:
        rows = session.execute(query).all()
        names: dict[str, dict[str, str]] = {}
        for kind in {row.kind for row in rows}:
            if kind == "workshop":
                titles = session.execute(select(EventSession.id, EventSession.title)).all()
                names[kind] = {str(session_id): title for session_id, title in titles}
            else:
                names[kind] = dict(vocabulary_for(session, kind).targets())
    records = [
        (kind, value, target, names[kind].get(target, target), by, at)
        for kind, value, target, by, at in rows
    ]
    return pd.DataFrame(records, columns=COLUMNS)
