"""Change counters the caches key on."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class DataVersion(Base):
    """One row whose counter every write transaction bumps.

    Cached query results are keyed by it, so a write in any app process
    invalidates the caches of every process at their next run.
    """

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class TableVersion(Base):
    """One counter per table, bumped by database triggers on every change to that table
    (``db/change_tracking.py``): caches key on the versions of the tables a query reads."""

    __tablename__ = "table_versions"

    table_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
