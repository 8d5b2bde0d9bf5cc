"""The personal list of an edition's sign-ups as a file, for admins only and audit-logged."""

from __future__ import annotations

import io

import pandas as pd
from sqlalchemy import Engine

from dashboard.core.errors import InvalidInput
from dashboard.core.permissions import Actor, require_admin
from dashboard.core.privacy import neutralise_frame
from dashboard.queries.signups import signup_list
from dashboard.services import audit

EXPORT_FORMATS = ("csv", "xlsx")


def export_signups(engine: Engine, actor: Actor, edition: int, fmt: str) -> bytes:
    """The personal list as CSV (UTF-8 with BOM, ';') or XLSX; the export is audit-logged."""
    require_admin(actor)
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput("error.export_format", format=fmt, allowed="csv, xlsx")
    frame = neutralise_frame(signup_list(engine, actor, edition))
    frame["created_at"] = frame["created_at"].map(
        lambda value: value.strftime("%Y-%m-%d %H:%M") if pd.notna(value) else ""
    )
    data = _csv_bytes(frame) if fmt == "csv" else _xlsx_bytes(frame)
    audit.record_now(
        engine,
        actor.username,
        "congress.signups_export",
        f"Lista zapisów na Kongres, edycja {edition}, format {fmt.upper()}",
        row_count=len(frame),
    )
    return data


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")


def _xlsx_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Zapisy", engine="openpyxl")
    return buffer.getvalue()
