"""A lead's queue: the query (their subteams, awaiting a decision, most urgent first) and
the services (assign one or many all-or-nothing, answer the author), on SQLite and
PostgreSQL, with test data built through the real services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.queries import queue as qq
from dashboard.services.proposals import BulkChangeRefused, VersionConflict, change_status
from dashboard.services.queue import InvalidAssignment, answer, assign
from db.engine import now
from db.models import Proposal, ProposalEvent, User
from harness.apptest import ADMIN, MEMBER
from tests.support.accounts import add_account
from tests.support.proposals import add_proposal, seed_reference

LEAD_1 = Actor("lider1", "lead", frozenset({1}), "Liderka 1")
LEAD_2 = Actor("lider2", "lead", frozenset({2}), "Lider 2")


@pytest.fixture
def queue_db(engine):
    seed_reference(engine)
    add_account(engine, "lider1", "lead", (1,), display_name="Liderka 1")
    add_account(engine, "ekspert1", "member", (1,), display_name="Ekspertka 1")
    add_account(engine, "lider2", "lead", (2,), display_name="Lider 2")
    add_account(engine, "byly1", "member", (1,), display_name="Były członek", disabled=True)
    ids = [add_proposal(engine, f"Propozycja {n}", subteam_id=1) for n in range(3)]
    other = add_proposal(engine, "Propozycja podzespołu 2", subteam_id=2)
    return engine, ids, other


def user_id(engine, username: str) -> int:
    with engine.connect() as connection:
        return connection.execute(select(User.id).where(User.username == username)).scalar_one()


def row(engine, proposal_id: int):
    with engine.connect() as connection:
        return connection.execute(
            select(
                Proposal.assignee_id,
                Proposal.response_due,
                Proposal.public_answer,
                Proposal.version,
            ).where(Proposal.id == proposal_id)
        ).one()


def notes(engine, proposal_id: int) -> list[str]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                select(ProposalEvent.note)
                .where(ProposalEvent.proposal_id == proposal_id, ProposalEvent.to_status.is_(None))
                .order_by(ProposalEvent.id)
            ).scalars()
        )


def test_queue_holds_the_leads_subteams_awaiting_a_decision_most_urgent_first(queue_db):
    engine, (first, second, third), other = queue_db
    soon, later = now().date() + timedelta(days=3), now().date() + timedelta(days=20)
    assign(engine, LEAD_1, [(third, 1)], None, soon)
    assign(engine, LEAD_1, [(first, 1)], None, later)
    change_status(engine, LEAD_1, second, "in_review", None, 1)
    decided = add_proposal(engine, "Już przyjęta", subteam_id=1, status="accepted")

    queue = qq.lead_queue(engine, qq.queue_subteams(LEAD_1))
    # Earliest response due first, then those without a due date (oldest first).
    assert list(queue["id"]) == [third, first, second]
    assert decided not in set(queue["id"]) and other not in set(queue["id"])
    assert list(queue["response_due"][:2]) == [soon, later]
    assert list(qq.lead_queue(engine, qq.queue_subteams(LEAD_2))["id"]) == [other]
    assert len(qq.lead_queue(engine, qq.queue_subteams(ADMIN))) == 4
    assert qq.lead_queue(engine, qq.queue_subteams(MEMBER)).empty


def test_assignable_users_are_the_enabled_accounts_of_the_subteams(queue_db):
    engine, _, _ = queue_db
    users = qq.assignable_users(engine, (1,))
    assert sorted(users["display_name"]) == ["Ekspertka 1", "Liderka 1"]
    assert set(qq.assignable_users(engine, None)["display_name"]) == {
        "Ekspertka 1",
        "Liderka 1",
        "Lider 2",
    }


def test_assign_many_at_once_writes_each_and_an_audit_row(queue_db):
    engine, ids, _ = queue_db
    expert = user_id(engine, "ekspert1")
    due = now().date() + timedelta(days=14)
    assert assign(engine, LEAD_1, [(pid, 1) for pid in ids], expert, due) == 3
    for pid in ids:
        assert row(engine, pid)[:2] == (expert, due)
        assert row(engine, pid).version == 2
        assert notes(engine, pid) == [
            f"Przypisanie: Ekspertka 1; termin odpowiedzi: {due:%d.%m.%Y}"
        ]
    queue = qq.lead_queue(engine, (1,))
    assert set(queue["assignee"]) == {"Ekspertka 1"}


def test_assigning_many_is_all_or_nothing_and_names_every_refused_row(queue_db):
    engine, (first, second, _), other = queue_db
    change_status(engine, LEAD_1, second, "in_review", None, 1)  # version 2 now
    expert = user_id(engine, "ekspert1")
    with pytest.raises(BulkChangeRefused) as refused:
        assign(engine, LEAD_1, [(first, 1), (second, 1), (other, 1)], expert, None)
    assert [pid for pid, _ in refused.value.reasons] == [second, other]
    assert isinstance(refused.value.reasons[0][1], VersionConflict)
    assert isinstance(refused.value.reasons[1][1], PermissionDenied)
    assert f"nr {second}" in refused.value.message("pl")
    assert row(engine, first).assignee_id is None  # nothing changed
    assert notes(engine, first) == []


@pytest.mark.parametrize("who", ["lider2", "byly1"])
def test_the_assignee_must_be_an_enabled_user_of_the_subteam(queue_db, who):
    engine, (first, _, _), _ = queue_db
    with pytest.raises(BulkChangeRefused) as refused:
        assign(engine, LEAD_1, [(first, 1)], user_id(engine, who), None)
    assert isinstance(refused.value.reasons[0][1], InvalidAssignment)
    assert row(engine, first).assignee_id is None


def test_a_response_due_date_in_the_past_is_refused(queue_db):
    engine, (first, _, _), _ = queue_db
    with pytest.raises(InvalidAssignment, match="już minął"):
        assign(engine, LEAD_1, [(first, 1)], None, now().date() - timedelta(days=1))


def test_members_and_directors_cannot_assign_or_answer(queue_db):
    engine, (first, _, _), _ = queue_db
    with pytest.raises(BulkChangeRefused):
        assign(engine, MEMBER, [(first, 1)], None, date.today() + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        answer(engine, MEMBER, first, 1, "Dziękujemy")
    assert row(engine, first).public_answer is None


def test_answer_to_the_author_is_stored_audited_and_version_checked(queue_db):
    engine, (first, _, _), _ = queue_db
    assert answer(engine, LEAD_1, first, 1, "  Dziękujemy, rozpatrzymy w kwietniu.  ") == 2
    assert row(engine, first).public_answer == "Dziękujemy, rozpatrzymy w kwietniu."
    assert notes(engine, first) == ["Odpowiedź dla autora: Dziękujemy, rozpatrzymy w kwietniu."]
    with pytest.raises(VersionConflict):
        answer(engine, LEAD_1, first, 1, "Inna odpowiedź")
    assert answer(engine, ADMIN, first, 2, "") == 3
    assert row(engine, first).public_answer is None


def test_the_list_holds_the_most_urgent_and_the_size_counts_every_one(queue_db):
    engine, (first, second, third), other = queue_db
    assign(engine, LEAD_1, [(third, 1)], None, now().date() + timedelta(days=3))
    whole = qq.lead_queue(engine, qq.queue_subteams(LEAD_1))
    shortened = qq.lead_queue(engine, qq.queue_subteams(LEAD_1), limit=2)
    assert list(shortened["id"]) == list(whole["id"])[:2] == [third, first]
    assert "public_answer" not in shortened.columns  # only the opened proposal shows it
    assert qq.queue_size(engine, qq.queue_subteams(LEAD_1)) == 3
    assert qq.queue_size(engine, qq.queue_subteams(ADMIN)) == 4
    assert qq.queue_size(engine, qq.queue_subteams(MEMBER)) == 0
