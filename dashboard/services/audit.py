"""The audit log: who exported or changed personal data, when, what, how many rows."""

from __future__ import annotations

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from db.engine import now, write_session
from db.models import AuditLog


def record(
    session: Session, actor: str, action: str, detail: str = "", row_count: int | None = None
) -> None:
    """Add an entry inside the caller's transaction."""
    session.execute(
        insert(AuditLog).values(
            at=now(), actor=actor, action=action, detail=detail, row_count=row_count
        )
    )


def record_now(
    engine: Engine, actor: str, action: str, detail: str = "", row_count: int | None = None
) -> None:
    """Add an entry in its own transaction (e.g. right before a file is handed out)."""
    with write_session(engine) as session:
        record(session, actor, action, detail, row_count)
