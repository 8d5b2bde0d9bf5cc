"""Export exactly the current view of proposals: CSV for Polish Excel, and XLSX.

File format (the importer reads it back):

- Columns, Polish headers in this order: ``id; tytuł; opis; status; podzespół; źródło;
  okręg; obszar strategiczny; data zgłoszenia`` (+ ``autor; e-mail autora`` for admins).
  Status and source as Polish labels, podzespół as the subteam slug, okręg as its number,
  data zgłoszenia as DD.MM.YYYY (a real date cell in XLSX).
- CSV: UTF-8 with BOM, ``;`` separator. Before the header row come a few notes, one
  cell each, starting with ``#``: what the file is, the data-as-of time, the filters
  (readable and as URL parameters) and the row count. The importer skips them.
- XLSX: sheet "Propozycje" (header in row 1), sheet "Informacje" with the same notes.
- Text cells a spreadsheet would run as a formula are neutralised (leading apostrophe).

An export holding personal data (authors' e-mails, admins only) is written to the audit log.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

import pandas as pd
from sqlalchemy import Engine

from dashboard.core.errors import InvalidInput
from dashboard.core.formatting import format_date, format_datetime
from dashboard.core.permissions import Actor
from dashboard.core.privacy import neutralise_frame
from dashboard.i18n import t
from dashboard.queries.proposals import ProposalFilters, export_rows
from dashboard.services import audit
from db.engine import now

COLUMNS = {
    "id": "id",
    "title": "tytuł",
    "description": "opis",
    "status": "status",
    "subteam_slug": "podzespół",
    "source": "źródło",
    "district_number": "okręg",
    "strategic_area": "obszar strategiczny",
    "created_at": "data zgłoszenia",
}
PERSONAL_COLUMNS = {"author_name": "autor", "author_email": "e-mail autora"}
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NOTE_PREFIX = "# "
DATA_SHEET = "Propozycje"
INFO_SHEET = "Informacje"
AUDIT_ACTION = "export_proposals_personal"


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    file_name: str
    mime: str
    row_count: int


def export_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows from ``export_rows`` as the file shows them: Polish headers and labels."""
    frame = rows.copy()
    frame["status"] = frame["status"].map(lambda code: t(f"status.{code}", "pl"))
    frame["source"] = frame["source"].map(lambda code: t(f"source.{code}", "pl"))
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.date
    names = {**COLUMNS, **PERSONAL_COLUMNS}
    frame = frame[[column for column in names if column in frame.columns]]
    return neutralise_frame(frame.rename(columns=names))


def describe_filters(filters: ProposalFilters) -> str:
    """The filters in words (Polish), e.g. ``status: przyjęta, w ocenie | szukaj: „rower”``."""
    parts = []
    if filters.q:
        parts.append(f"szukaj: „{filters.q}”")
    if filters.team_slug:
        parts.append(f"zespół tematyczny: {filters.team_slug}")
    listed = (
        ("status", [t(f"status.{s}", "pl") for s in filters.statuses]),
        ("podzespół", list(filters.subteam_slugs)),
        ("źródło", [t(f"source.{s}", "pl") for s in filters.sources]),
        ("okręg", [str(n) for n in filters.district_numbers]),
        ("obszar strategiczny", list(filters.areas)),
        ("kategoria autora", [t(f"category.{c}", "pl") for c in filters.categories]),
    )
    parts += [f"{name}: {', '.join(values)}" for name, values in listed if values]
    if filters.date_from:
        parts.append(f"od: {format_date(filters.date_from)}")
    if filters.date_to:
        parts.append(f"do: {format_date(filters.date_to)}")
    return " | ".join(parts) if parts else "brak (wszystkie propozycje)"


def notes(filters: ProposalFilters, as_of: datetime, row_count: int) -> list[tuple[str, str]]:
    query = urlencode(filters.to_query_params(), doseq=True)
    return [
        ("Plik", "Panel Strategii Toruń — eksport propozycji"),
        ("Stan danych na", format_datetime(as_of)),
        ("Filtry", describe_filters(filters)),
        ("Parametry adresu", f"/propozycje?{query}" if query else "/propozycje"),
        ("Liczba wierszy", str(row_count)),
    ]


def to_csv(frame: pd.DataFrame, file_notes: list[tuple[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for name, value in file_notes:
        writer.writerow([f"{NOTE_PREFIX}{name}: {value}"])
    printable = frame.copy()
    if "data zgłoszenia" in printable:
        printable["data zgłoszenia"] = printable["data zgłoszenia"].map(format_date)
    writer.writerow(printable.columns)
    writer.writerows(printable.astype(object).where(printable.notna(), "").itertuples(index=False))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, file_notes: list[tuple[str, str]]) -> bytes:
    from openpyxl import Workbook  # heavy import, only when a spreadsheet is built
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(DATA_SHEET)
    bold = Font(bold=True)
    data.append([_styled(WriteOnlyCell(data, value=name), bold) for name in frame.columns])
    date_column = list(frame.columns).index("data zgłoszenia")
    for values in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        row = list(values)
        cell = WriteOnlyCell(data, value=row[date_column])
        cell.number_format = "DD.MM.YYYY"
        row[date_column] = cell
        data.append(row)
    info = workbook.create_sheet(INFO_SHEET)
    info.append([_styled(WriteOnlyCell(info, value=v), bold) for v in ("Pole", "Wartość")])
    for name, value in file_notes:
        info.append([name, value])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _styled(cell, font):
    cell.font = font
    return cell


def build_export(
    engine: Engine,
    actor: Actor,
    filters: ProposalFilters,
    file_format: str,
    as_of: datetime | None = None,
    include_personal: bool = True,
) -> ExportFile:
    """The current view as a file; authors' data only for admins (and only when
    ``include_personal``), and then audited."""
    if file_format not in FORMATS:
        raise InvalidInput("error.export_format", format=file_format, allowed="csv, xlsx")
    as_of = as_of or now()
    include_personal = include_personal and actor.sees_personal_data()
    emails_for = actor if include_personal else None
    frame = export_frame(export_rows(engine, filters, emails_for))
    file_notes = notes(filters, as_of, len(frame))
    content = to_csv(frame, file_notes) if file_format == "csv" else to_xlsx(frame, file_notes)
    if include_personal:
        audit.record_now(
            engine,
            actor.username,
            AUDIT_ACTION,
            f"{file_format}: {describe_filters(filters)}",
            len(frame),
        )
    stamp = as_of.strftime("%Y-%m-%d_%H%M")
    return ExportFile(
        content, f"propozycje_{stamp}.{file_format}", FORMATS[file_format], len(frame)
    )
