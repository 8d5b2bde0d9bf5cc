"""Open data of /wyniki: CSV and JSON parse, carry the licence and the data-as-of time,
hold exactly the view and nothing personal; the CLI writes the same files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from dashboard.exports.public import COLUMNS, LICENCE, NOTE_LINES, build_open_data
from dashboard.queries.public import PublicFilters
from tests.support.cli import run_cli
from tests.support.public import PRIVATE_WORD, SECRET_AUTHOR, SECRET_EMAIL, seed_public

AS_OF = datetime(2026, 12, 3, 8, 15, 0)


def parse_csv(content: bytes) -> tuple[list[str], list[dict]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Polish Excel
    lines = content.decode("utf-8-sig").splitlines()
    notes, body = lines[:NOTE_LINES], lines[NOTE_LINES:]
    assert all(note.startswith("# ") for note in notes)
    return notes, list(csv.DictReader(io.StringIO("\n".join(body)), delimiter=";"))


def assert_nothing_personal(content: bytes) -> None:
    text = content.decode("utf-8-sig")
    for secret in (SECRET_AUTHOR, SECRET_EMAIL, PRIVATE_WORD, "Zzyzx"):
        assert secret not in text


def test_csv_of_the_view(engine):
    data = seed_public(engine)
    exported = build_open_data(engine, PublicFilters(okreg=1), "csv", AS_OF)
    notes, rows = parse_csv(exported.content)
    assert LICENCE in notes[0] and "2026-12-03T08:15:00" in notes[1]
    assert "/wyniki?okreg=1" in notes[2] and notes[3].endswith(": 2")
    assert list(rows[0]) == list(COLUMNS)
    by_id = {int(row["id"]): row for row in rows}
    assert set(by_id) == {data.accepted, data.rejected}
    accepted = by_id[data.accepted]
    assert accepted["status"] == "accepted" and accepted["status_label"] == "przyjęta"
    assert accepted["okreg"] == "1" and accepted["submitted_on"] == "2024-09-10"
    assert accepted["public_answer"] == "Ławki staną wiosną 2026."
    assert by_id[data.rejected]["source_label"] == "warsztat"
    assert exported.file_name == "wyniki_2026-12-03_0815.csv" and exported.row_count == 2
    assert_nothing_personal(exported.content)


def test_csv_neutralises_formulas_and_hides_private_descriptions(engine):
    data = seed_public(engine)
    _, rows = parse_csv(build_open_data(engine, PublicFilters(), "csv", AS_OF).content)
    by_id = {int(row["id"]): row for row in rows}
    assert by_id[data.formula]["title"].startswith("'=")
    assert by_id[data.in_review]["description"] == ""
    assert data.withdrawn not in by_id


def test_json_of_the_view(engine):
    data = seed_public(engine)
    exported = build_open_data(engine, PublicFilters(q="lawki"), "json", AS_OF)
    document = json.loads(exported.content)
    assert document["licence"] == LICENCE and document["data_as_of"] == "2026-12-03T08:15:00"
    assert document["filters"] == {"q": "lawki"} and document["row_count"] == 1
    assert document["columns"] == list(COLUMNS)
    [row] = document["proposals"]
    assert row["id"] == data.accepted and row["okreg"] == 1
    assert row["last_decision_on"] is not None and row["description"].startswith("Opis")
    assert_nothing_personal(exported.content)


def test_unknown_format_is_refused(engine):
    from dashboard.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        build_open_data(engine, PublicFilters(), "xlsx", AS_OF)


def test_cli_writes_csv_and_json(sqlite_engine, tmp_path):
    seed_public(sqlite_engine)
    url = str(sqlite_engine.url)
    csv_file, json_file = tmp_path / "wyniki.csv", tmp_path / "wyniki.json"
    result = run_cli("export", "public", "--out", str(csv_file), "--okreg", "1", url=url)
    assert result.returncode == 0, result.stderr
    assert "Zapisano 2 propozycji" in result.stdout
    _, rows = parse_csv(csv_file.read_bytes())
    assert len(rows) == 2
    result = run_cli("export", "public", "--out", str(json_file), "--status", "rejected", url=url)
    assert result.returncode == 0, result.stderr
    assert json.loads(json_file.read_text("utf-8"))["row_count"] == 1
    bad = run_cli("export", "public", "--out", str(tmp_path / "x.xlsx"), url=url)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
