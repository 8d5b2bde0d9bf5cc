"""Queries of the access area (small reference lists for the admin forms)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from db.models import Subteam


def subteam_options(engine: Engine) -> pd.DataFrame:
    """Subteams in menu order: ``id``, ``name``."""
    query = select(Subteam.id, Subteam.name).order_by(Subteam.position, Subteam.id)
    with engine.connect() as connection:
        return pd.read_sql(query, connection)
