"""Importing proposals from real files, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from dashboard.cli.common import cli_actor
from dashboard.core.errors import PermissionDenied
from dashboard.exports.proposals import build_export
from dashboard.importers import import_proposals
from dashboard.queries.proposals import ProposalFilters
from db.engine import data_version, make_engine
from db.migrate import upgrade
from db.models import AuditLog, Proposal, ProposalEvent
from harness.apptest import ADMIN, DIRECTOR, LEAD, assert_no_exception, page_test, section
from tests.support.cli import run_cli
from tests.support.imports import FIXTURES, add_reference_data, count

BROKEN_PROBLEMS = [
    (3, "Tytuł", "required"),
    (4, "Podzespół", "unknown_subteam"),
    (5, "Data zgłoszenia", "impossible_date"),
    (6, "Status", "unknown_status"),
    (7, "Okręg", "unknown_district"),
    (8, "Okręg", "unknown_district"),
]


@pytest.fixture
def reference(engine):
    add_reference_data(engine)
    return engine


def stored_proposals(engine) -> dict[str, dict]:
    query = select(
        Proposal.id,
        Proposal.title,
        Proposal.description,
        Proposal.subteam_id,
        Proposal.status,
        Proposal.source,
        Proposal.district_id,
        Proposal.strategic_area,
        Proposal.created_at,
        Proposal.import_key,
    )
    with engine.connect() as connection:
        return {row.title: row._asdict() for row in connection.execute(query)}


def test_windows_1250_file_imports_with_every_reference_resolved(reference):
    report = import_proposals(
        reference, ADMIN, FIXTURES / "proposals_cp1250_semicolon.csv", "rada.csv"
    )

    assert report.ok and report.applied
    assert (report.rows_total, report.to_add, report.unchanged) == (5, 5, 0)
    rows = stored_proposals(reference)
    youth = rows["Budżet obywatelski dla młodzieży"]
    assert (youth["subteam_id"], youth["status"], youth["source"], youth["district_id"]) == (
        1,
        "submitted",
        "workshop",
        5,
    )
    assert youth["created_at"] == datetime(2025, 9, 30)
    hours = rows["Dyżury radnych okręgów w bibliotekach"]
    assert (hours["subteam_id"], hours["status"], hours["source"], hours["district_id"]) == (
        2,
        "in_review",
        "congress",
        8,
    )
    premises = rows["Lokale dla organizacji pozarządowych"]
    assert (premises["subteam_id"], premises["status"], premises["district_id"]) == (
        3,
        "accepted",
        9,
    )
    air = rows["Otwarte dane o jakości powietrza"]
    assert (air["subteam_id"], air["district_id"], air["source"]) == (4, None, "email")
    assert air["created_at"] == datetime(2025, 11, 3, 9, 15)
    walks = rows["Spacery badawcze po Starym Mieście"]
    assert (walks["status"], walks["source"], walks["district_id"]) == (
        "partially_accepted",
        "district_council",
        3,
    )
    assert all(len(row["import_key"]) == 64 for row in rows.values())

    with reference.connect() as connection:
        events = connection.execute(
            select(ProposalEvent.proposal_id, ProposalEvent.from_status, ProposalEvent.to_status)
        ).all()
        audit = connection.execute(select(AuditLog.action, AuditLog.row_count)).all()
    by_proposal = {row["id"]: row["status"] for row in rows.values()}
    assert sorted(events) == sorted((pid, None, status) for pid, status in by_proposal.items())
    assert audit == [("import_proposals", 5)]


def test_bom_and_xlsx_files_import_english_headers_codes_and_real_dates(reference):
    bom = import_proposals(reference, ADMIN, FIXTURES / "proposals_bom.csv", "bom.csv")
    xlsx = import_proposals(reference, ADMIN, (FIXTURES / "proposals.xlsx").read_bytes(), "p.xlsx")

    assert bom.ok and xlsx.ok, (bom.problems, xlsx.problems)
    assert (bom.to_add, xlsx.to_add) == (4, 3)
    rows = stored_proposals(reference)
    assert rows["Konsultacje online z mapą"]["description"].endswith(
        "i odpowiedzi urzędu w jednym miejscu"
    )
    assert rows["Konsultacje online z mapą"]["created_at"] == datetime(2025, 9, 29, 10, 30)
    assert rows["Mała retencja na osiedlach"]["district_id"] == 5  # "Rubinkowo"
    assert rows["Rada Seniorów w każdym okręgu"]["status"] == "rejected"
    wifi = rows["Wi-Fi w autobusach MZK"]
    assert (wifi["subteam_id"], wifi["status"], wifi["source"], wifi["district_id"]) == (
        4,
        "in_review",
        "online_form",
        6,
    )
    assert wifi["created_at"] == datetime(2025, 9, 30, 14, 5)
    assert rows["Inkubator inicjatyw sąsiedzkich"]["source"] == "ngo"


def test_dry_run_lists_every_problem_and_a_real_import_adds_nothing(reference):
    version = data_version(reference)

    report = import_proposals(
        reference, ADMIN, FIXTURES / "proposals_broken.csv", "zle.csv", dry_run=True
    )

    assert [(p.row, p.column, p.code) for p in report.problems] == BROKEN_PROBLEMS
    assert (report.rows_total, report.to_add, report.applied) == (8, 2, False)
    reasons = report.problems_frame("pl")["Problem"].tolist()
    assert reasons[2] == "taki dzień nie istnieje: „31.02.2025”"
    assert "„Śródmieście”" in reasons[4]
    assert report.problems_frame("en").columns.tolist() == ["Row", "Column", "Problem"]
    assert count(reference, Proposal) == 0
    assert data_version(reference) == version  # a dry run is not a write

    # the real import of the same file: all or nothing
    report = import_proposals(reference, ADMIN, FIXTURES / "proposals_broken.csv", "zle.csv")

    assert not report.applied
    assert [(p.row, p.column, p.code) for p in report.problems] == BROKEN_PROBLEMS
    assert count(reference, Proposal) == 0
    assert count(reference, ProposalEvent) == 0
    assert count(reference, AuditLog) == 0


def test_importing_the_same_file_again_adds_nothing(reference):
    path = FIXTURES / "proposals_cp1250_semicolon.csv"
    import_proposals(reference, ADMIN, path, "a.csv")
    keys_before = {row["import_key"] for row in stored_proposals(reference).values()}

    dry = import_proposals(reference, ADMIN, path, "a.csv", dry_run=True)
    again = import_proposals(reference, ADMIN, path, "a.csv")

    assert (dry.to_add, dry.unchanged) == (0, 5)
    assert again.applied and (again.to_add, again.unchanged) == (0, 5)
    assert count(reference, Proposal) == 5
    assert count(reference, ProposalEvent) == 5
    assert {row["import_key"] for row in stored_proposals(reference).values()} == keys_before


def test_a_lead_imports_only_into_their_own_subteams(reference):
    refused = import_proposals(reference, LEAD, FIXTURES / "proposals_cp1250_semicolon.csv", "x")

    assert not refused.applied
    assert [(p.row, p.code) for p in refused.problems] == [
        (3, "not_your_subteam"),
        (4, "not_your_subteam"),
        (5, "not_your_subteam"),
    ]
    assert count(reference, Proposal) == 0

    own = "Tytuł;Podzespół;Źródło\nŁawki przy Wiśle;1;spotkanie zespołu\n".encode("cp1250")
    accepted = import_proposals(reference, LEAD, own, "own.csv")
    assert accepted.applied and accepted.to_add == 1
    with reference.connect() as connection:
        assert connection.execute(select(ProposalEvent.actor)).scalar_one() == "lider"

    with pytest.raises(PermissionDenied):
        import_proposals(reference, DIRECTOR, own, "own.csv", dry_run=True)


def test_missing_columns_and_the_default_source(sqlite_engine):
    add_reference_data(sqlite_engine)
    no_source = "Tytuł;Podzespół\nPomysł;2\n".encode()

    missing = import_proposals(sqlite_engine, ADMIN, no_source, "x.csv", dry_run=True)
    assert [(p.row, p.column, p.code) for p in missing.problems] == [
        (1, "Źródło", "missing_column")
    ]
    defaulted = import_proposals(sqlite_engine, ADMIN, no_source, "x.csv", default_source="meeting")
    assert defaulted.applied and stored_proposals(sqlite_engine)["Pomysł"]["source"] == "meeting"

    no_title = import_proposals(
        sqlite_engine, ADMIN, b"Opis,Podzespol\nx,1\n", "y.csv", dry_run=True
    )
    assert ("missing_column", "Tytuł") in {(p.code, p.column) for p in no_title.problems}

    duplicated = "Tytuł;Podzespół;Źródło\nTo samo;1;e-mail\n  to  SAMO ;1;e-mail\n".encode()
    report = import_proposals(sqlite_engine, ADMIN, duplicated, "d.csv", dry_run=True)
    assert [(p.row, p.code, dict(p.values)) for p in report.problems] == [
        (3, "duplicate_row", {"row": 2})
    ]


def test_problems_and_refusals_read_in_english_too(sqlite_engine):
    add_reference_data(sqlite_engine)
    broken = import_proposals(
        sqlite_engine, ADMIN, FIXTURES / "proposals_broken.csv", "zle.csv", dry_run=True
    )
    date_problem = broken.problems[2]
    assert str(date_problem) == (
        "wiersz 5, kolumna „Data zgłoszenia”: taki dzień nie istnieje: „31.02.2025”"
    )
    assert date_problem.describe("en") == (
        "row 5, column “Data zgłoszenia”: no such day: “31.02.2025”"
    )

    unreadable = import_proposals(sqlite_engine, ADMIN, b"Tytu\x81\x98", "x.csv", dry_run=True)
    [problem] = unreadable.problems
    assert (problem.row, problem.code) == (None, "unreadable")
    assert "kodowanie nie jest ani UTF-8" in problem.reason()
    # said once, not "cannot read the file: Cannot read the file: ..."
    assert problem.reason("en") == (
        "Cannot read the file: the encoding is neither UTF-8 nor Windows-1250 (byte 5)."
    )
    assert problem.reason().count("odczytać") == 1
    assert unreadable.problems_frame("en")["Row"].tolist() == ["whole file"]

    with pytest.raises(PermissionDenied) as refused:
        import_proposals(sqlite_engine, DIRECTOR, b"", "x.csv", dry_run=True)
    assert refused.value.key == "imports.error.proposals_forbidden"
    assert "(dyrektor)" in str(refused.value) and "Only an administrator" in (
        refused.value.message("en")
    )


def test_round_trip_export_csv_and_xlsx_then_import_into_a_fresh_database(reference, tmp_path):
    for name in ("proposals_cp1250_semicolon.csv", "proposals_bom.csv", "proposals.xlsx"):
        assert import_proposals(reference, ADMIN, FIXTURES / name, name).applied
    original = comparable(reference)
    assert len(original) == 12

    for file_format in ("csv", "xlsx"):
        exported = build_export(reference, ADMIN, ProposalFilters(), file_format)
        fresh = make_engine(f"sqlite:///{tmp_path / f'fresh-{file_format}.sqlite'}")
        upgrade(fresh)
        add_reference_data(fresh)

        report = import_proposals(fresh, ADMIN, exported.content, exported.file_name)

        assert report.applied, report.problems
        assert set(report.ignored_columns) <= {"id", "autor", "e-mail autora"}
        assert comparable(fresh) == original
        again = import_proposals(fresh, ADMIN, exported.content, exported.file_name)
        assert (again.to_add, again.unchanged) == (0, 12)
        fresh.dispose()


def comparable(engine) -> list[tuple]:
    """What an export carries of each proposal (the date without its time)."""
    return sorted(
        (
            row["title"],
            row["description"],
            row["subteam_id"],
            row["status"],
            row["source"],
            row["district_id"],
            row["strategic_area"],
            row["created_at"].date(),
        )
        for row in stored_proposals(engine).values()
    )


def test_cli_dry_run_lists_problems_and_exits_1_then_imports(sqlite_engine):
    add_reference_data(sqlite_engine)
    url = str(sqlite_engine.url)

    dry = run_cli(
        "import", "proposals", str(FIXTURES / "proposals_broken.csv"), "--dry-run", url=url
    )
    assert dry.returncode == 1 and "Traceback" not in dry.stderr
    assert "wiersz 5  Data zgłoszenia: taki dzień nie istnieje: „31.02.2025”" in dry.stdout
    assert "wiersz 7  Okręg: nieznany okręg „Śródmieście”" in dry.stdout

    done = run_cli("import", "proposals", str(FIXTURES / "proposals.xlsx"), url=url)
    assert done.returncode == 0, done.stderr
    assert "Dodano: 3" in done.stdout
    assert count(sqlite_engine, Proposal) == 3
    with sqlite_engine.connect() as connection:
        assert connection.execute(select(AuditLog.actor)).scalar_one() == cli_actor().username

    unknown = run_cli(
        "import", "proposals", str(FIXTURES / "proposals.xlsx"), "--as", "nikt", url=url
    )
    assert unknown.returncode == 1 and "nikt" in unknown.stderr


def test_admin_page_checks_the_upload_then_imports_on_confirm(sqlite_engine):
    add_reference_data(sqlite_engine)
    at = page_test(
        "pages/admin.py",
        str(sqlite_engine.url),
        actor=ADMIN,
        query_params=section("imports.section"),
    )
    at.run()
    assert_no_exception(at)

    broken = (FIXTURES / "proposals_broken.csv").read_bytes()
    at.file_uploader(key="imports_file_proposals").upload("zle.csv", broken, "text/csv").run()
    at.button(key="imports_check").click().run()
    assert_no_exception(at)
    problems = at.dataframe[-1].value
    assert problems["Wiersz"].tolist() == ["3", "4", "5", "6", "7", "8"]
    assert not [button for button in at.button if button.key == "imports_confirm"]
    assert count(sqlite_engine, Proposal) == 0

    good = (FIXTURES / "proposals_cp1250_semicolon.csv").read_bytes()
    at.file_uploader(key="imports_file_proposals").set_value(("rada.csv", good, "text/csv")).run()
    at.button(key="imports_check").click().run()
    assert count(sqlite_engine, Proposal) == 0  # checking writes nothing
    at.button(key="imports_confirm").click().run()
    assert_no_exception(at)
    assert count(sqlite_engine, Proposal) == 5
    assert any("Dodano: 5" in message.value for message in at.success)
