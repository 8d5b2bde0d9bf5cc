"""Review workflow: transitions, notes, merging, version conflicts, bulk, permissions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.queries.proposals import proposal_detail, proposal_history
from dashboard.services.proposals import (
    BulkChangeRefused,
    InvalidEdit,
    InvalidMergeTarget,
    InvalidTransition,
    NoteRequired,
    VersionConflict,
    allowed_targets,
    bulk_change_status,
    change_status,
    edit_proposal,
)
from db.models import Proposal, ProposalEvent
from harness.apptest import ADMIN, LEAD, MEMBER
from tests.support.proposals import add_proposal, seed_reference

OTHER_LEAD = Actor("lider2", "lead", frozenset({2}), "Lider podzespołu 2")


@pytest.fixture
def review_db(engine):
    seed_reference(engine)
    ids = [add_proposal(engine, f"Propozycja {n}", "Opis", subteam_id=1) for n in range(3)]
    other = add_proposal(engine, "Propozycja podzespołu 2", "Opis", subteam_id=2)
    return engine, ids, other


def state(engine, proposal_id):
    with engine.connect() as connection:
        row = connection.execute(
            select(Proposal.status, Proposal.version, Proposal.merged_into_id).where(
                Proposal.id == proposal_id
            )
        ).one()
        events = connection.execute(
            select(ProposalEvent.from_status, ProposalEvent.to_status, ProposalEvent.note)
            .where(ProposalEvent.proposal_id == proposal_id)
            .order_by(ProposalEvent.id)
        ).all()
    return row, [tuple(event) for event in events]


def test_workflow_table_is_sensible():
    assert allowed_targets("submitted") == ("in_review", "rejected", "merged")
    assert "included" in allowed_targets("accepted")
    assert "included" not in allowed_targets("in_review")
    assert allowed_targets("included") == ("accepted", "partially_accepted")


def test_forward_path_writes_one_event_per_change(review_db):
    engine, (first, *_), _ = review_db
    version = 1
    for status in ("in_review", "consulted", "accepted", "included"):
        version = change_status(engine, LEAD, first, status, None, version)
    row, events = state(engine, first)
    assert (row.status, row.version) == ("included", 5)
    assert [event[1] for event in events] == [
        "submitted",
        "in_review",
        "consulted",
        "accepted",
        "included",
    ]
    assert events[2][0] == "in_review"


def test_note_rules_and_illegal_steps(review_db):
    engine, (first, second, _), _ = review_db
    with pytest.raises(NoteRequired):
        change_status(engine, LEAD, first, "rejected", "   ", 1)
    with pytest.raises(InvalidTransition):
        change_status(engine, LEAD, first, "included", None, 1)
    with pytest.raises(InvalidTransition):
        change_status(engine, LEAD, first, "no-such-status", None, 1)
    assert state(engine, first)[0].version == 1  # nothing written by refused changes
    change_status(engine, LEAD, first, "rejected", "Poza kompetencjami miasta", 1)
    # Reopening is a step back: a note is required.
    with pytest.raises(NoteRequired):
        change_status(engine, LEAD, first, "in_review", "", 2)
    change_status(engine, LEAD, first, "in_review", "Nowe informacje", 2)
    row, events = state(engine, first)
    assert row.status == "in_review"
    assert events[-1] == ("rejected", "in_review", "Nowe informacje")


def test_merge_names_an_existing_other_proposal(review_db):
    engine, (first, second, third), other = review_db
    with pytest.raises(InvalidMergeTarget):
        change_status(engine, LEAD, first, "merged", "Duplikat", 1)
    with pytest.raises(InvalidMergeTarget):
        change_status(engine, LEAD, first, "merged", "Duplikat", 1, merged_into_id=first)
    with pytest.raises(InvalidMergeTarget):
        change_status(engine, LEAD, first, "merged", "Duplikat", 1, merged_into_id=99999)
    with pytest.raises(NoteRequired):
        change_status(engine, LEAD, first, "merged", None, 1, merged_into_id=other)
    # Across subteams is fine: duplicates are found across subteams.
    change_status(engine, LEAD, first, "merged", "Duplikat", 1, merged_into_id=other)
    assert state(engine, first)[0].merged_into_id == other
    with pytest.raises(InvalidMergeTarget):  # a merged proposal is not a target
        change_status(engine, LEAD, second, "merged", "Duplikat", 1, merged_into_id=first)
    change_status(engine, LEAD, first, "in_review", "Jednak różne", 2)
    assert state(engine, first)[0].merged_into_id is None


def test_stale_version_is_refused_not_overwritten(review_db):
    engine, (first, *_), _ = review_db
    change_status(engine, ADMIN, first, "in_review", None, 1)  # someone else, meanwhile
    with pytest.raises(VersionConflict) as refused:
        change_status(engine, LEAD, first, "rejected", "Nie", 1)
    assert "zmieniona przez kogoś innego" in str(refused.value)
    with pytest.raises(VersionConflict):
        edit_proposal(engine, LEAD, first, 1, "Nowy tytuł", "Opis", None)
    row, events = state(engine, first)
    assert (row.status, row.version, len(events)) == ("in_review", 2, 2)


def test_permissions_are_enforced_by_the_service(review_db):
    engine, (first, *_), other = review_db
    for actor in (OTHER_LEAD, MEMBER, Actor("dyrektor", "director")):
        with pytest.raises(PermissionDenied):
            change_status(engine, actor, first, "in_review", None, 1)
        with pytest.raises(PermissionDenied):
            edit_proposal(engine, actor, first, 1, "Przejęty tytuł", "", None)
    with pytest.raises(PermissionDenied):
        change_status(engine, LEAD, other, "in_review", None, 1)
    assert state(engine, first)[0].version == 1
    assert change_status(engine, ADMIN, other, "in_review", None, 1) == 2


def test_bulk_change_is_all_or_nothing_with_reasons(review_db):
    engine, (first, second, third), other = review_db
    change_status(engine, LEAD, third, "in_review", None, 1)
    selection = [(first, 1), (second, 1), (third, 1), (other, 1)]
    with pytest.raises(BulkChangeRefused) as refused:
        bulk_change_status(engine, LEAD, selection, "in_review", None)
    reasons = dict(refused.value.reasons)
    assert set(reasons) == {third, other}
    assert "zmieniona" in str(reasons[third]) and "nie może" in str(reasons[other])
    assert state(engine, first)[0].version == 1 and state(engine, second)[0].version == 1
    assert bulk_change_status(engine, LEAD, [(first, 1), (second, 1)], "in_review", None) == 2
    assert state(engine, first)[0].status == state(engine, second)[0].status == "in_review"


def test_edit_changes_text_and_records_an_event(review_db):
    engine, (first, *_), _ = review_db
    with pytest.raises(InvalidEdit):
        edit_proposal(engine, LEAD, first, 1, "   ", "Opis", None)
    version = edit_proposal(engine, LEAD, first, 1, " Ławki w parku ", "Nowy opis", "Zieleń")
    assert version == 2
    assert edit_proposal(engine, LEAD, first, 2, "Ławki w parku", "Nowy opis", "Zieleń") == 2
    detail = proposal_detail(engine, first)
    assert (detail.title, detail.description, detail.strategic_area) == (
        "Ławki w parku",
        "Nowy opis",
        "Zieleń",
    )
    history = proposal_history(engine, first)
    assert history["note"].iloc[-1] == "Edycja: tytuł, opis, obszar strategiczny"
    assert len(history) == 2
