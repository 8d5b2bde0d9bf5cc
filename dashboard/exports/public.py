"""Open data of /wyniki: the current view as CSV and JSON (CC BY 4.0).

Column names are stable (documented in the README) and the same in both formats:
``COLUMNS`` below. Only what the page shows is in the files: public columns, a
description only where a reviewer marked it publishable, nothing withdrawn.

- CSV: UTF-8 with BOM, ``;`` separator. Before the header row come ``NOTE_LINES`` note
  lines starting with ``#`` (the licence, the data-as-of time, the filters, the row
  count); text cells a spreadsheet would run as a formula get a leading apostrophe.
- JSON: ``{"licence", "licence_url", "source", "data_as_of", "filters", "row_count",
  "columns", "proposals": [{column: value}]}``, dates as ISO 8601.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

import pandas as pd
from sqlalchemy import Engine

from dashboard.core.errors import InvalidInput
from dashboard.core.privacy import neutralise_frame
from dashboard.i18n import t
from dashboard.queries.public import PublicFilters, public_proposals

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.pl"
ATTRIBUTION = "Urząd Miasta Torunia — Panel Strategii Toruń (/wyniki)"
# Stable names: add new columns at the end, never rename or reorder these.
COLUMNS = (
    "id",
    "title",
    "status",
    "status_label",
    "subteam",
    "subteam_name",
    "okreg",
    "okreg_name",
    "source",
    "source_label",
    "submitted_on",
    "last_decision_on",
    "public_answer",
    "description",
)
NOTE_LINES = 4
FORMATS = {"csv": "text/csv", "json": "application/json"}


@dataclass(frozen=True)
class OpenDataFile:
    content: bytes
    file_name: str
    mime: str
    row_count: int


def open_data_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``public_proposals`` under the stable column names (labels in Polish)."""
    frame = pd.DataFrame(
        {
            "id": rows["id"].astype(int),
            "title": rows["title"],
            "status": rows["status"],
            "status_label": rows["status"].map(lambda code: t(f"status.{code}", "pl")),
            "subteam": rows["subteam_slug"],
            "subteam_name": rows["subteam"],
            "okreg": rows["okreg_number"],
            "okreg_name": rows["okreg_name"],
            "source": rows["source"],
            "source_label": rows["source"].map(lambda code: t(f"source.{code}", "pl")),
            "submitted_on": _iso_dates(rows["submitted_at"]),
            "last_decision_on": _iso_dates(rows["last_decision_at"]),
            "public_answer": rows["public_answer"],
            "description": rows["description"],
        },
        columns=list(COLUMNS),
    )
    return frame


def _iso_dates(values: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(values)
    return parsed.map(lambda value: value.date().isoformat() if pd.notna(value) else None)


def filters_query(filters: PublicFilters) -> str:
    query = urlencode(filters.to_query_params(), doseq=True)
    return f"/wyniki?{query}" if query else "/wyniki"


def to_csv(frame: pd.DataFrame, filters: PublicFilters, as_of: datetime) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    notes = (
        f"# Licencja: {LICENCE} ({LICENCE_URL}), uznanie autorstwa: {ATTRIBUTION}",
        f"# Stan danych na: {as_of.isoformat(timespec='seconds')}",
        f"# Widok: {filters_query(filters)}",
        f"# Liczba wierszy: {len(frame)}",
    )
    assert len(notes) == NOTE_LINES
    for note in notes:  # plain lines (no ';', quotes or line breaks: the view is URL-encoded)
        buffer.write(note + "\r\n")
    safe = neutralise_frame(frame)
    writer.writerow(COLUMNS)
    writer.writerows(safe.astype(object).where(safe.notna(), "").itertuples(index=False))
    return buffer.getvalue().encode("utf-8-sig")


def to_json(frame: pd.DataFrame, filters: PublicFilters, as_of: datetime) -> bytes:
    records = [
        {column: _plain(value) for column, value in zip(COLUMNS, row, strict=True)}
        for row in frame.itertuples(index=False)
    ]
    document = {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": ATTRIBUTION,
        "source": filters_query(filters),
        "data_as_of": as_of.isoformat(timespec="seconds"),
        "filters": filters.to_query_params(),
        "row_count": len(records),
        "columns": list(COLUMNS),
        "proposals": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _plain(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy / pandas scalars
        return value.item()
    return value


def render(frame: pd.DataFrame, filters: PublicFilters, as_of: datetime, file_format: str):
    if file_format not in FORMATS:
        raise InvalidInput("error.export_format", format=file_format, allowed="csv, json")
    build = to_csv if file_format == "csv" else to_json
    stamp = as_of.strftime("%Y-%m-%d_%H%M")
    return OpenDataFile(
        build(frame, filters, as_of),
        f"wyniki_{stamp}.{file_format}",
        FORMATS[file_format],
        len(frame),
    )


def build_open_data(
    engine: Engine, filters: PublicFilters, file_format: str, as_of: datetime
) -> OpenDataFile:
    """Every row of the view (no paging) as a file."""
    rows = public_proposals(engine, filters, limit=None)
    return render(open_data_frame(rows), filters, as_of, file_format)
