"""Withdrawing a proposal from /wyniki and publishing descriptions: who may, the reason,
the audit trail — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.services.publication import (
    PublicationNotFound,
    ReasonRequired,
    restore_to_public,
    set_description_public,
    withdraw_from_public,
)
from db.models import AuditLog, Proposal, ProposalEvent
from harness.apptest import ADMIN, DIRECTOR, LEAD, MEMBER
from tests.support.proposals import add_proposal, seed_reference

OTHER_LEAD = Actor("lider2", "lead", frozenset({2}), "Lider podzespołu 2")


@pytest.fixture
def proposal(engine):
    seed_reference(engine)
    return engine, add_proposal(engine, "Ławki na Rynku", "Opis", subteam_id=1)


def public_state(engine, proposal_id):
    with engine.connect() as connection:
        return connection.execute(
            select(
                Proposal.public_withdrawn_at,
                Proposal.public_withdrawn_by,
                Proposal.public_withdrawal_reason,
                Proposal.description_public,
                Proposal.version,
            ).where(Proposal.id == proposal_id)
        ).one()


def trail(engine, proposal_id):
    with engine.connect() as connection:
        events = connection.execute(
            select(ProposalEvent.actor, ProposalEvent.to_status, ProposalEvent.note)
            .where(ProposalEvent.proposal_id == proposal_id)
            .order_by(ProposalEvent.id)
        ).all()
        audit = connection.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.detail).order_by(AuditLog.id)
        ).all()
    return events, audit


@pytest.mark.parametrize("actor", [LEAD, ADMIN], ids=["lead", "admin"])
def test_lead_and_admin_withdraw_with_a_reason_audited(proposal, actor):
    engine, proposal_id = proposal
    assert withdraw_from_public(engine, actor, proposal_id, "  Dane osobowe w tytule.  ")
    state = public_state(engine, proposal_id)
    assert state.public_withdrawn_at is not None
    assert state.public_withdrawn_by == actor.username
    assert state.public_withdrawal_reason == "Dane osobowe w tytule."
    assert state.version == 1  # not an edit: open review forms stay valid
    events, audit = trail(engine, proposal_id)
    assert events[-1].actor == actor.username and events[-1].to_status is None
    assert "Dane osobowe w tytule." in events[-1].note
    assert audit[-1].actor == actor.username and audit[-1].action == "public_withdrawn"
    assert f"propozycja {proposal_id}" in audit[-1].detail
    # Withdrawing again changes nothing and writes nothing.
    assert not withdraw_from_public(engine, actor, proposal_id, "Jeszcze raz.")
    assert trail(engine, proposal_id) == (events, audit)


@pytest.mark.parametrize(
    "actor", [MEMBER, DIRECTOR, OTHER_LEAD], ids=["member", "director", "other-lead"]
)
def test_others_may_not_withdraw_or_publish(proposal, actor):
    engine, proposal_id = proposal
    with pytest.raises(PermissionDenied):
        withdraw_from_public(engine, actor, proposal_id, "Dane osobowe w tytule.")
    with pytest.raises(PermissionDenied):
        set_description_public(engine, actor, proposal_id, True)
    state = public_state(engine, proposal_id)
    assert state.public_withdrawn_at is None and not state.description_public
    assert trail(engine, proposal_id)[1] == []


@pytest.mark.parametrize("reason", ["", "   ", "abc", "x" * 1001])
def test_reason_is_required_and_bounded(proposal, reason):
    engine, proposal_id = proposal
    with pytest.raises(ReasonRequired):
        withdraw_from_public(engine, LEAD, proposal_id, reason)
    assert public_state(engine, proposal_id).public_withdrawn_at is None


def test_restore_puts_it_back(proposal):
    engine, proposal_id = proposal
    withdraw_from_public(engine, LEAD, proposal_id, "Do sprawdzenia.")
    assert restore_to_public(engine, ADMIN, proposal_id)
    state = public_state(engine, proposal_id)
    assert state.public_withdrawn_at is None and state.public_withdrawal_reason is None
    assert not restore_to_public(engine, ADMIN, proposal_id)
    assert [entry.action for entry in trail(engine, proposal_id)[1]] == [
        "public_withdrawn",
        "public_restored",
    ]


def test_description_publication_is_audited(proposal):
    engine, proposal_id = proposal
    assert not public_state(engine, proposal_id).description_public
    assert set_description_public(engine, LEAD, proposal_id, True)
    assert public_state(engine, proposal_id).description_public
    assert not set_description_public(engine, LEAD, proposal_id, True)
    assert set_description_public(engine, ADMIN, proposal_id, False)
    actions = [entry.action for entry in trail(engine, proposal_id)[1]]
    assert actions == ["description_published", "description_unpublished"]


def test_unknown_proposal(proposal):
    engine, _ = proposal
    with pytest.raises(PublicationNotFound):
        withdraw_from_public(engine, ADMIN, 999, "Nie ma takiej.")
