"""Exports of the current view: CSV for Polish Excel, XLSX, the CLI, audit of personal data."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from dashboard.cli import run
from dashboard.exports.proposals import build_export
from dashboard.queries.audit import recent_entries
from dashboard.queries.proposals import ProposalFilters, list_proposals
from harness.apptest import ADMIN, LEAD
from tests.support.proposals import add_proposal, seed_reference

AS_OF = datetime(2026, 3, 16, 14, 5)
HEADER = [
    "id",
    "tytuł",
    "opis",
    "status",
    "podzespół",
    "źródło",
    "okręg",
    "obszar strategiczny",
    "data zgłoszenia",
]


@pytest.fixture
def export_db(sqlite_engine):
    engine = sqlite_engine
    seed_reference(engine)
    add_proposal(
        engine,
        '=HYPERLINK("http://zlo")',
        "+48 dzwoń; teraz",
        status="accepted",
        district_id=1,
        author_id=1,
        strategic_area="Mobilność",
    )
    add_proposal(
        engine,
        "Ścieżki rowerowe",
        "Opis z „cudzysłowem”\ni nową linią",
        status="accepted",
        subteam_id=2,
        created_at=datetime(2025, 10, 2, 8),
    )
    add_proposal(engine, "Ławki", "Zieleń", status="submitted")
    return engine  # fmt: skip


def read_csv(content: bytes) -> tuple[list[str], list[list[str]]]:
    assert content.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    notes = [line[0] for line in lines if line and line[0].startswith("#")]
    table = lines[len(notes) :]
    return notes, table


def test_csv_is_excel_friendly_and_records_filters(export_db):
    filters = ProposalFilters(statuses=("accepted",), q="")
    exported = build_export(export_db, LEAD, filters, "csv", as_of=AS_OF)
    notes, table = read_csv(exported.content)
    assert table[0] == HEADER
    assert b";" in exported.content.splitlines()[len(notes)]
    assert "# Stan danych na: 16.03.2026, 14:05" in notes
    assert "# Filtry: status: przyjęta" in notes
    assert "# Parametry adresu: /propozycje?status=accepted" in notes
    expected_ids = list_proposals(export_db, filters)["id"].astype(str).tolist()
    assert [row[0] for row in table[1:]] == expected_ids  # exactly the view, same order
    rows = {row[0]: dict(zip(HEADER, row, strict=True)) for row in table[1:]}
    first = rows[expected_ids[-1]]
    assert first["tytuł"] == '\'=HYPERLINK("http://zlo")'  # neutralised, not a formula
    assert first["opis"] == "'+48 dzwoń; teraz"
    assert (first["status"], first["źródło"], first["okręg"]) == (
        "przyjęta",
        "Kongres Dialogu",
        "1",
    )
    assert first["data zgłoszenia"] == "30.09.2025" and first["podzespół"] == "partycypacja"
    second = rows[expected_ids[0]]
    assert second["opis"] == "Opis z „cudzysłowem”\ni nową linią" and second["okręg"] == ""
    assert exported.file_name == "propozycje_2026-03-16_1405.csv" and exported.row_count == 2


def test_xlsx_has_data_and_information_sheets(export_db):
    filters = ProposalFilters(q="ławki", date_from=date(2025, 1, 1))
    exported = build_export(export_db, LEAD, filters, "xlsx", as_of=AS_OF)
    workbook = load_workbook(io.BytesIO(exported.content))
    assert workbook.sheetnames == ["Propozycje", "Informacje"]
    rows = list(workbook["Propozycje"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and len(rows) == 2
    assert rows[1][1] == "Ławki" and rows[1][3] == "zgłoszona"
    assert rows[1][8].date() == date(2025, 9, 30)
    info = dict(workbook["Informacje"].iter_rows(min_row=2, values_only=True))
    assert info["Stan danych na"] == "16.03.2026, 14:05"
    assert info["Filtry"] == "szukaj: „ławki” | od: 01.01.2025"
    assert info["Liczba wierszy"] == "1"


def test_personal_data_only_for_admins_and_audited(export_db):
    lead_file = build_export(export_db, LEAD, ProposalFilters(), "csv", as_of=AS_OF)
    assert "e-mail autora" not in read_csv(lead_file.content)[1][0]
    assert recent_entries(export_db, ADMIN).empty
    admin_file = build_export(export_db, ADMIN, ProposalFilters(), "xlsx", as_of=AS_OF)
    header = next(
        load_workbook(io.BytesIO(admin_file.content))["Propozycje"].iter_rows(values_only=True)
    )
    assert header[-2:] == ("autor", "e-mail autora")
    entries = recent_entries(export_db, ADMIN)
    assert entries[["actor", "action", "row_count"]].iloc[0].tolist() == [
        "admin",
        "export_proposals_personal",
        3,
    ]


def test_cli_exports_the_filtered_view(export_db, tmp_path, capsys):
    url = export_db.url.render_as_string(hide_password=False)
    out = tmp_path / "rower.csv"
    code = run(["--database-url", url, "export", "proposals", "--out", str(out), "--q", "rower",
                "--status", "accepted", "--subteam", "smart-city", "--from", "01.10.2025"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    notes, table = read_csv(out.read_bytes())
    assert [row[1] for row in table[1:]] == ["Ścieżki rowerowe"]
    assert any("szukaj: „rower”" in note and "od: 01.10.2025" in note for note in notes)
    assert "e-mail autora" not in table[0]
    xlsx = tmp_path / "wszystkie.xlsx"
    assert run(["--database-url", url, "export", "proposals", "--out", str(xlsx)]) == 0
    assert len(list(load_workbook(xlsx)["Propozycje"].iter_rows())) == 4
    assert (
        run(["--database-url", url, "export", "proposals", "--out", str(tmp_path / "x.pdf")]) == 1
    )
    assert "rozszerzenia .csv albo .xlsx" in capsys.readouterr().err
