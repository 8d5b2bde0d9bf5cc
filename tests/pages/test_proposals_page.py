"""/propozycje under AppTest: the URL reproduces a view, detail, review, literal HTML, import."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from dashboard.queries.proposals import ProposalFilters, count_proposals, list_proposals
from dashboard.web import state
from db.engine import make_engine, write_session
from db.models import Proposal
from harness.apptest import (
    ADMIN,
    DIRECTOR,
    LEAD,
    MEMBER,
    assert_no_exception,
    markdown_text,
    page_test,
)

PAGE = "pages/propozycje.py"


pytestmark = pytest.mark.usefixtures("fresh_caches")


def detail_facts(at) -> str:
    tables = [element.value for element in at.dataframe]
    return next(table for table in tables if "Pole" in table.columns).to_string()


def test_url_parameters_reproduce_the_view(demo_url):
    params = {"q": "rady", "status": ["accepted", "in_review", "consulted"], "from": "2025-01-01"}
    engine = make_engine(demo_url)
    filters = ProposalFilters.from_query_params(params)
    expected_count = count_proposals(engine, filters)
    expected_ids = list_proposals(engine, filters)["id"].tolist()
    engine.dispose()
    assert 0 < expected_count < 320

    at = page_test(PAGE, demo_url, actor=MEMBER, query_params=params).run()
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert table["id"].tolist() == expected_ids
    assert f"Znaleziono: {expected_count} " in markdown_text(at)
    assert at.multiselect(key="prop_status").value == ["accepted", "in_review", "consulted"]
    assert at.text_input(key="prop_q").value == "rady"
    # The widgets write the same view back to the URL (codes, repeated parameters).
    assert at.query_params["status"] == ["accepted", "in_review", "consulted"]
    assert at.query_params["q"] == "rady" and at.query_params["from"] == "2025-01-01"
    # No review controls for a member.
    assert not [button for button in at.button if button.key == "prop_bulk_apply"]


def test_english_labels_and_plural_forms(demo_url):
    at = page_test(PAGE, demo_url, actor=MEMBER, query_params={"q": "xyzzy-nic"}, lang="en").run()
    assert_no_exception(at)
    assert "Found: 0 proposals" in markdown_text(at)


def test_detail_from_url_and_lead_changes_status(demo_engine, demo_copy_url):
    proposal_id = int(
        list_proposals(
            demo_engine,
            ProposalFilters(statuses=("submitted",), subteam_slugs=("model-partycypacji",)),
        )["id"].iloc[0]
    )
    html_title = "<b>Pogrubienie</b> **gwiazdki** [link](javascript:alert(1))"
    with write_session(demo_engine) as session:
        session.execute(update(Proposal).where(Proposal.id == proposal_id).values(title=html_title))

    at = page_test(PAGE, demo_copy_url, actor=LEAD, query_params={"id": str(proposal_id)}).run()
    assert_no_exception(at)
    subheaders = [element.value for element in at.subheader]
    escaped = next(text for text in subheaders if "Pogrubienie" in text)
    assert "\\<b\\>Pogrubienie\\</b\\>" in escaped and "\\*\\*gwiazdki\\*\\*" in escaped
    assert all(not element.proto.allow_html for element in at.markdown)

    status_key = f"prop_review_{proposal_id}"
    at.selectbox(key=f"{status_key}_status").set_value("in_review")
    at.button(key=f"{status_key}_apply").click().run()
    assert_no_exception(at)
    assert any("w ocenie" in element.value for element in at.success)
    history = markdown_text(at)
    assert "zgłoszona → w ocenie" in history

    # Rejecting without a note is refused with a clear message; nothing changes.
    at.selectbox(key=f"{status_key}_status").set_value("rejected")
    at.button(key=f"{status_key}_apply").click().run()
    assert any("wymaga notatki" in element.value for element in at.error)


def test_admin_sees_author_e_mail_and_member_does_not(demo_url):
    engine = make_engine(demo_url)
    rows = list_proposals(engine, ProposalFilters(categories=("ngo",)))
    engine.dispose()
    proposal_id = str(rows["id"].iloc[0])
    admin = page_test(PAGE, demo_url, actor=ADMIN, query_params={"id": proposal_id}).run()
    member = page_test(PAGE, demo_url, actor=MEMBER, query_params={"id": proposal_id}).run()
    facts_admin, facts_member = (detail_facts(at) for at in (admin, member))
    assert "@" in facts_admin and "@" not in facts_member
    assert [b.label for b in admin.get("download_button")] == ["Pobierz CSV", "Pobierz XLSX"]


def select_rows(at, positions: list[int]) -> None:
    at.session_state[at.session_state[state.PROPOSAL_TABLE.key]] = {
        "selection": {"rows": positions, "columns": [], "cells": []}
    }


def test_bulk_change_of_selected_rows(demo_engine, demo_copy_url):
    params = {"subteam": "model-partycypacji", "status": "submitted"}
    before = count_proposals(demo_engine, ProposalFilters.from_query_params(params))
    at = page_test(PAGE, demo_copy_url, actor=LEAD, query_params=params).run()
    ids = at.dataframe[0].value["id"].tolist()[:2]
    select_rows(at, [0, 1])
    at.run()
    assert any("Zmiana statusu: 2 propozycje" in element.value for element in at.subheader)
    at.selectbox(key="prop_bulk_status").set_value("rejected")
    at.button(key="prop_bulk_apply").click().run()  # no note: refused for every row
    assert any("Nie zmieniono żadnej propozycji" in element.value for element in at.error)
    assert count_proposals(demo_engine, ProposalFilters.from_query_params(params)) == before

    select_rows(at, [0, 1])
    at.run()
    at.selectbox(key="prop_bulk_status").set_value("in_review")
    at.button(key="prop_bulk_apply").click().run()
    assert_no_exception(at)
    assert any("2 propozycje" in element.value for element in at.success)
    assert count_proposals(demo_engine, ProposalFilters.from_query_params(params)) == before - 2
    in_review = list_proposals(demo_engine, ProposalFilters(statuses=("in_review",)), limit=10000)
    assert set(ids) <= set(in_review["id"])


IMPORT_FILE = "prop_import_file_proposals"
# The lead's own subteam (id 1) and another one: the import is all or nothing.
MIXED_SUBTEAMS_CSV = (
    "Tytuł;Podzespół;Źródło;Data zgłoszenia\n"
    "Ławki przy bulwarze;model-partycypacji;congress;30.09.2025\n"
    "Czujniki smogu na szkołach;smart-city;congress;01.10.2025\n"
).encode()


def import_expanders(at) -> list:
    return [element for element in at.expander if element.label == "Import propozycji"]


@pytest.mark.parametrize("actor", [MEMBER, DIRECTOR], ids=["member", "director"])
def test_import_is_not_offered_to_members_and_directors(demo_url, actor):
    at = page_test(PAGE, demo_url, actor=actor).run()
    assert_no_exception(at)
    assert not import_expanders(at)
    assert not [uploader for uploader in at.file_uploader if uploader.key == IMPORT_FILE]


def test_lead_imports_into_own_subteam_only(demo_engine, demo_copy_url):
    before = count_proposals(demo_engine, ProposalFilters())
    at = page_test(PAGE, demo_copy_url, actor=LEAD).run()
    assert_no_exception(at)
    assert len(import_expanders(at)) == 1

    at.file_uploader(key=IMPORT_FILE).upload("spotkanie.csv", MIXED_SUBTEAMS_CSV, "text/csv").run()
    at.button(key="prop_import_check").click().run()
    assert_no_exception(at)
    problems = import_expanders(at)[0].dataframe[0].value
    assert problems["Wiersz"].tolist() == ["3"]
    assert problems["Kolumna"].tolist() == ["Podzespół"]
    assert "brak uprawnień do importu do podzespołu „smart-city”" in problems["Problem"].iloc[0]
    assert not [button for button in at.button if button.key == "prop_import_confirm"]
    assert count_proposals(demo_engine, ProposalFilters()) == before

    own_rows_only = b"\n".join(MIXED_SUBTEAMS_CSV.splitlines()[:2])
    at.file_uploader(key=IMPORT_FILE).set_value(("ławki.csv", own_rows_only, "text/csv")).run()
    at.button(key="prop_import_check").click().run()
    at.button(key="prop_import_confirm").click().run()
    assert_no_exception(at)
    assert any("Dodano: 1" in message.value for message in at.success)
    assert count_proposals(demo_engine, ProposalFilters(q="bulwarze")) == 1
    assert count_proposals(demo_engine, ProposalFilters()) == before + 1
