"""Files to rows: reading a CSV or XLSX file the way people actually produce them.

- Encodings: UTF-8 with or without a BOM; otherwise Windows-1250 (Polish Excel).
- Separators: ``,`` ``;`` or tab, sniffed from the header line.
- Headers in Polish or English, matched to canonical field names regardless of
  case, diacritics and punctuation ("Tytuł", "tytul", "TITLE" → ``title``).
  Lines before the header (e.g. an export's filter notes) are skipped.
- Every row keeps its number as a person counts it in a spreadsheet (header = 1
  when it is the first line), so problems can point at it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from dashboard.core.errors import InvalidInput
from dashboard.importers.values import CellValue, fold

Source = bytes | str | Path
# Canonical field -> the header aliases that name it (the Polish header first).
Schema = Mapping[str, Sequence[str]]
RawRow = tuple[int, list[CellValue]]  # spreadsheet row number, cells

CANDIDATE_DELIMITERS = (";", ",", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ZIP_MAGIC = b"PK\x03\x04"
# How far down the file the header row may start (export notes come first).
HEADER_SEARCH_ROWS = 20
# Notes an export writes above its header ("# Stan danych na: ...") are not data.
NOTE_PREFIXES = ("#", '"#')
# An export neutralises formula-like text with a leading apostrophe; undo it.
NEUTRALISED_PREFIXES = ("'=", "'+", "'-", "'@", "'\t", "'\r")


class TabularError(InvalidInput, ValueError):
    """The file cannot be read as a table; the key's label says why."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # spreadsheet row number (header row counts)
    values: dict[str, CellValue]  # canonical field -> cell ('' when empty)


@dataclass
class Table:
    rows: list[SourceRow]
    headers: dict[str, str]  # canonical field -> header text as written in the file
    header_row: int
    ignored_headers: list[str] = field(default_factory=list)
    duplicate_headers: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def read_table(
    source: Source,
    filename: str | None,
    schema: Schema,
    required: Sequence[str] = (),
) -> Table:
    """Read ``source`` (bytes, or a path) as a table of ``schema`` fields.

    The header row is the first of the top rows naming every ``required`` field
    (or, when nothing is required, naming any known field).
    """
    data = _as_bytes(source)
    name = filename or (str(source) if isinstance(source, str | Path) else "")
    if _is_xlsx(data, name):
        raw_rows, encoding, delimiter = _xlsx_rows(data), "xlsx", ""
    else:
        text, encoding = decode(data)
        delimiter = sniff_delimiter(text)
        raw_rows = _csv_rows(text, delimiter)
    table = _map_rows(raw_rows, schema, required)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def build_header_index(schema: Schema) -> dict[str, str]:
    """Folded alias -> canonical field (the field name itself is an alias too)."""
    index: dict[str, str] = {}
    for field_name, aliases in schema.items():
        for alias in (field_name, *aliases):
            if index.setdefault(fold(alias), field_name) != field_name:
                raise ValueError(f"Alias {alias!r} names two fields")
    return index


# --- bytes to raw rows ---------------------------------------------------------


def _as_bytes(source: Source) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    return Path(source).read_bytes()


def _is_xlsx(data: bytes, filename: str) -> bool:
    return filename.lower().endswith(XLSX_SUFFIXES) or data.startswith(ZIP_MAGIC)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding name: strict UTF-8 (BOM optional), else Windows-1250."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode("cp1250"), "cp1250"
    except UnicodeDecodeError as error:
        raise TabularError("imports.error.encoding", byte=error.start + 1) from error


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most, and most even, columns."""
    sample_lines = [
        line
        for line in text.splitlines()[:HEADER_SEARCH_ROWS]
        if line.strip() and not line.startswith(NOTE_PREFIXES)
    ]
    if not sample_lines:
        return ","
    best, best_score = ",", (0, 0)
    for delimiter in CANDIDATE_DELIMITERS:
        widths = [len(row) for row in csv.reader(sample_lines, delimiter=delimiter)]
        widest = max(widths)
        score = (widths.count(widest) if widest > 1 else 0, widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(text: str, delimiter: str) -> list[RawRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:
        raise TabularError("imports.error.csv", row=reader.line_num, detail=error) from error


def _xlsx_rows(data: bytes) -> list[RawRow]:
    from openpyxl import load_workbook  # heavy import, only for spreadsheets

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise TabularError("imports.error.xlsx", detail=error) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [_xlsx_cell(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _xlsx_cell(value: object) -> CellValue:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- raw rows to a table of fields ---------------------------------------------


def _map_rows(raw_rows: list[RawRow], schema: Schema, required: Sequence[str]) -> Table:
    index = build_header_index(schema)
    header_at = _find_header(raw_rows, index, required)
    if header_at is None:
        return Table(rows=[], headers={}, header_row=0)
    header_number, header_cells = raw_rows[header_at]
    positions, headers, ignored, duplicates = {}, {}, [], []
    for position, cell in enumerate(header_cells):
        label = str(cell).strip()
        field_name = index.get(fold(label))
        if field_name is None:
            if label:
                ignored.append(label)
        elif field_name in positions:
            duplicates.append(label)
        else:
            positions[field_name], headers[field_name] = position, label
    rows = _data_rows(raw_rows[header_at + 1 :], positions)
    return Table(rows, headers, header_number, ignored, duplicates)


def _data_rows(raw_rows: list[RawRow], positions: dict[str, int]) -> list[SourceRow]:
    """Non-blank rows as field -> cell; written as one tight loop (50,000-row files)."""
    fields = list(positions.items())
    width = max(positions.values(), default=-1) + 1
    rows = []
    for number, cells in raw_rows:
        if all(cell.__class__ is str and not cell.strip() for cell in cells):
            continue
        if len(cells) < width:
            cells = [*cells, *([""] * (width - len(cells)))]
        values = {}
        for name, position in fields:
            value = cells[position]
            if value.__class__ is str:
                value = value.strip()
                if value[:1] == "'" and value.startswith(NEUTRALISED_PREFIXES):
                    value = value[1:]
            values[name] = value
        rows.append(SourceRow(number, values))
    return rows


def _find_header(
    raw_rows: list[RawRow], index: dict[str, str], required: Sequence[str]
) -> int | None:
    first_non_empty = None
    for at, (_number, cells) in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        fields = {index.get(fold(str(cell))) for cell in cells} - {None}
        is_note = bool(cells) and str(cells[0]).startswith("#")
        if first_non_empty is None and not is_note and any(_present(cell) for cell in cells):
            first_non_empty = at
        if fields and set(required) <= fields:
            return at
    # No row names the required fields: treat the first row as the header so
    # the importer can report exactly which columns are missing.
    return first_non_empty


def _present(cell: CellValue) -> bool:
    return not isinstance(cell, str) or bool(cell.strip())
