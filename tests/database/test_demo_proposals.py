"""The demo proposals: their mix, their texts, and their audit trail."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import Engine, select

from db.models import PROPOSAL_SOURCES, PROPOSAL_STATUSES, Proposal, ProposalEvent
from tests.database.test_demo import TODAY, fetch_rows, shared_seeded_engine

seeded_engine = shared_seeded_engine()


def test_proposals_mix_statuses_sources_areas_and_districts(seeded_engine):
    rows = fetch_rows(
        seeded_engine,
        select(
            Proposal.status,
            Proposal.source,
            Proposal.strategic_area,
            Proposal.district_id,
            Proposal.subteam_id,
            Proposal.author_participant_id,
            Proposal.created_at,
            Proposal.updated_at,
            Proposal.version,
        ),
    )
    statuses = Counter(row.status for row in rows)
    assert set(statuses) == set(PROPOSAL_STATUSES)
    assert 0.1 < statuses["submitted"] / len(rows) < 0.3
    assert {row.source for row in rows} == set(PROPOSAL_SOURCES)
    assert len({row.strategic_area for row in rows}) >= 8
    assert {row.subteam_id for row in rows} == {1, 2, 3, 4}
    assert any(row.district_id is None for row in rows)
    assert len({row.district_id for row in rows if row.district_id}) == 13
    assert any(row.author_participant_id for row in rows)
    assert any(row.author_participant_id is None for row in rows)
    start, end = datetime(2024, 9, 10), datetime.combine(TODAY, datetime.min.time())
    assert all(start <= row.created_at <= row.updated_at < end for row in rows)
    assert {row.version for row in rows} == {1}


def test_titles_vary_and_carry_polish_search_words(seeded_engine):
    titles = [t for (t,) in fetch_rows(seeded_engine, select(Proposal.title))]
    assert len(set(titles)) > 150
    joined = " ".join(titles).lower()
    for word in (
        "rower",
        "zieleń",
        "młodzież",
        "senior",
        "konsultacje",
        "budżet obywatelski",
        "łąk",
        "ławk",
    ):
        assert word in joined, word
    descriptions = [d for (d,) in fetch_rows(seeded_engine, select(Proposal.description))]
    assert all(2 <= d.count(". ") + 1 <= 4 for d in descriptions)


# --- proposal history --------------------------------------------------------------


def _history(engine: Engine) -> dict[int, list]:
    events = fetch_rows(
        engine,
        select(ProposalEvent).order_by(
            ProposalEvent.proposal_id, ProposalEvent.at, ProposalEvent.id
        ),
    )
    by_proposal = defaultdict(list)
    for event in events:
        by_proposal[event.proposal_id].append(event)
    return by_proposal


def test_status_equals_last_event_and_times_never_go_back(seeded_engine):
    history = _history(seeded_engine)
    proposals = fetch_rows(
        seeded_engine,
        select(Proposal.id, Proposal.status, Proposal.created_at, Proposal.updated_at),
    )
    assert len(history) == len(proposals)
    end = datetime.combine(TODAY, datetime.min.time())
    for proposal in proposals:
        events = history[proposal.id]
        first, last = events[0], events[-1]
        assert (first.from_status, first.to_status, first.at) == (
            None,
            "submitted",
            proposal.created_at,
        )
        assert last.to_status == proposal.status
        assert last.at == proposal.updated_at < end
        times = [event.at for event in events]
        assert times == sorted(times)
        assert all(event.actor for event in events)
        for earlier, later in zip(events, events[1:], strict=False):
            assert later.from_status == earlier.to_status


def test_workflow_order_is_respected(seeded_engine):
    allowed = {
        "submitted": {"in_review"},
        "in_review": {"consulted"},
        "consulted": {"accepted", "partially_accepted", "rejected", "merged"},
        "accepted": {"included"},
        "partially_accepted": {"included"},
    }
    for events in _history(seeded_engine).values():
        for event in events[1:]:
            assert event.to_status in allowed[event.from_status]


def test_merged_point_to_an_earlier_proposal_of_the_same_subteam(seeded_engine):
    proposals = {
        row.id: row
        for row in fetch_rows(
            seeded_engine,
            select(Proposal.id, Proposal.subteam_id, Proposal.status, Proposal.merged_into_id),
        )
    }
    history = _history(seeded_engine)
    merged = [row for row in proposals.values() if row.status == "merged"]
    assert merged
    for row in merged:
        target = proposals[row.merged_into_id]
        assert target.id < row.id and target.subteam_id == row.subteam_id
        assert f"nr {target.id}" in history[row.id][-1].note
    for row in proposals.values():
        if row.status != "merged":
            assert row.merged_into_id is None
        if row.status in ("rejected", "merged"):
            assert history[row.id][-1].note
