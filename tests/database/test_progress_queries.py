"""Progress queries on a small hand-built history (SQLite and PostgreSQL).

The as-of date D is 16.03.2026. The history is chosen so that the state on D
differs from today's: a proposal accepted on 20.03 was "in review" on D, a
proposal created on 18.03 did not exist yet, a milestone done on 20.03 was open.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine, event, insert

from dashboard.queries import changes as change_queries
from dashboard.queries import progress as pq
from dashboard.queries.scope import Scope
from db.engine import write_session
from db.models import Event, Milestone, Proposal, ProposalEvent, Subteam, ThematicTeam

D = date(2026, 3, 16)
TEAM, OTHER_TEAM = 1, 2
# Subteams: A and B in the first team, C in the second.
A, B, C = 1, 2, 3
P1, P2, P3, P4 = 1, 2, 3, 4


def _proposal(pid: int, subteam: int, status: str, created: datetime) -> dict:
    return {
        "id": pid,
        "subteam_id": subteam,
        "title": f"Propozycja {pid}",
        "description": "",
        "status": status,
        "source": "meeting",
        "created_at": created,
        "updated_at": created,
    }


def _event(eid: int, pid: int, at: datetime, old: str | None, new: str) -> dict:
    return {
        "id": eid,
        "proposal_id": pid,
        "at": at,
        "actor": "lider",
        "from_status": old,
        "to_status": new,
    }


def _milestone(mid: int, subteam: int, due: date, done: date | None, weight: int) -> dict:
    return {
        "id": mid,
        "subteam_id": subteam,
        "title": f"Kamień {mid}",
        "due_date": due,
        "done_on": done,
        "weight": weight,
        "created_at": datetime(2026, 1, 2, 9, 0),
    }


@pytest.fixture
def history(engine: Engine) -> Engine:
    with write_session(engine) as session:
        session.execute(
            insert(ThematicTeam),
            [
                {"id": TEAM, "name": "Zespół 1", "slug": "z1", "description": ""},
                {"id": OTHER_TEAM, "name": "Zespół 2", "slug": "z2", "description": ""},
            ],
        )
        session.execute(
            insert(Subteam),
            [
                {"id": A, "team_id": TEAM, "name": "A", "slug": "a", "description": "", "position": 1},
                {"id": B, "team_id": TEAM, "name": "B", "slug": "b", "description": "", "position": 2},
                {"id": C, "team_id": OTHER_TEAM, "name": "C", "slug": "c", "description": "", "position": 3},
            ],
        )  # fmt: skip
        session.execute(
            insert(Milestone),
            [
                _milestone(1, A, date(2026, 2, 1), date(2026, 1, 30), 3),
                _milestone(2, A, date(2026, 3, 2), None, 1),  # overdue by 14 days on D
                _milestone(3, B, date(2026, 3, 1), date(2026, 3, 20), 2),  # done after D
                _milestone(4, C, date(2026, 3, 23), None, 1),  # due in 7 days on D
            ],
        )
        session.execute(
            insert(Proposal),
            [
                _proposal(P1, A, "accepted", datetime(2026, 3, 1, 10, 0)),
                _proposal(P2, A, "submitted", datetime(2026, 3, 18, 9, 0)),
                _proposal(P3, B, "rejected", datetime(2026, 2, 1, 12, 0)),  # no events
                _proposal(P4, B, "included", datetime(2026, 3, 10, 8, 0)),
            ],
        )
        session.execute(
            insert(ProposalEvent),
            [
                _event(1, P1, datetime(2026, 3, 1, 10, 0), None, "submitted"),
                _event(2, P1, datetime(2026, 3, 5, 11, 0), "submitted", "in_review"),
                _event(3, P1, datetime(2026, 3, 20, 12, 0), "in_review", "accepted"),
                _event(4, P2, datetime(2026, 3, 18, 9, 0), None, "submitted"),
                _event(5, P4, datetime(2026, 3, 10, 8, 0), None, "submitted"),
                # The last second of D still belongs to D; midnight after it does not.
                _event(6, P4, datetime(2026, 3, 16, 23, 59, 59), "submitted", "consulted"),
                _event(7, P4, datetime(2026, 3, 17, 0, 0, 0), "consulted", "included"),
            ],
        )
        session.execute(
            insert(Event),
            [
                {
                    "id": 1,
                    "name": "III Kongres",
                    "edition": 3,
                    "starts_on": date(2026, 9, 28),
                    "ends_on": date(2026, 9, 29),
                }
            ],
        )
    return engine


def _by_subteam(frame, column: str) -> dict:
    return dict(zip(frame["subteam_id"], frame[column], strict=True))


def _pipeline(engine: Engine, as_of: date) -> set[tuple[int, str, int]]:
    frame = pq.pipeline_as_of(engine, as_of)
    return set(zip(frame["subteam_id"], frame["status"], frame["count"], strict=True))


def test_pipeline_shows_each_proposal_as_it_stood_on_the_as_of_date(history: Engine) -> None:
    assert _pipeline(history, D) == {(A, "in_review", 1), (B, "rejected", 1), (B, "consulted", 1)}
    assert _pipeline(history, date(2026, 3, 4)) == {(A, "submitted", 1), (B, "rejected", 1)}
    assert _pipeline(history, date(2026, 3, 21)) == {
        (A, "accepted", 1),
        (A, "submitted", 1),
        (B, "rejected", 1),
        (B, "included", 1),
    }
    assert _pipeline(history, date(2026, 1, 31)) == set()


def test_subteam_status_and_completion_on_the_as_of_date(history: Engine) -> None:
    on_d = pq.subteam_progress(history, D)
    assert list(on_d["subteam_id"]) == [A, B, C]
    # A: overdue by exactly 14 days → at risk; B: its milestone was done only on 20.03,
    # so on D it was overdue by 15 days → late; C: due in exactly 7 days → at risk.
    assert _by_subteam(on_d, "status") == {A: "at_risk", B: "late", C: "at_risk"}
    assert _by_subteam(on_d, "completion") == pytest.approx({A: 3 / 4, B: 0.0, C: 0.0})
    assert _by_subteam(on_d, "milestones_done") == {A: 1, B: 0, C: 0}

    day_before = pq.subteam_progress(history, date(2026, 3, 15))
    # C's milestone is then due in 8 days → on track.
    assert _by_subteam(day_before, "status")[C] == "on_track"

    day_after = pq.subteam_progress(history, date(2026, 3, 17))
    assert _by_subteam(day_after, "status")[A] == "late"  # overdue by 15 days

    later = pq.subteam_progress(history, date(2026, 3, 21))
    assert _by_subteam(later, "status")[B] == "on_track"
    assert _by_subteam(later, "completion")[B] == pytest.approx(1.0)


def test_proposal_counts_and_last_activity_as_of(history: Engine) -> None:
    on_d = pq.subteam_progress(history, D)
    assert _by_subteam(on_d, "proposals_total") == {A: 1, B: 2, C: 0}
    assert _by_subteam(on_d, "proposals_decided") == {A: 0, B: 1, C: 0}
    last = _by_subteam(on_d, "last_activity")
    assert last[A] == datetime(2026, 3, 5, 11, 0)
    assert last[B] == datetime(2026, 3, 16, 23, 59, 59)
    assert last[C] == datetime(2026, 1, 2, 9, 0)  # only its milestone's creation

    later = pq.subteam_progress(history, date(2026, 3, 21))
    assert _by_subteam(later, "proposals_total") == {A: 2, B: 2, C: 0}
    assert _by_subteam(later, "proposals_decided") == {A: 1, B: 2, C: 0}


def test_progress_as_of_reads_the_status_counts_once_for_table_and_pipeline(
    history: Engine,
) -> None:
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):  # not BEGIN
            statements.append(statement)

    event.listen(history, "before_cursor_execute", record)
    try:
        view = pq.progress_as_of(history, D, Scope.of(team_id=TEAM))
    finally:
        event.remove(history, "before_cursor_execute", record)
    assert len(statements) == 2  # the pipeline's counts, then the subteams' milestones
    assert sum("MATERIALIZED" in statement for statement in statements) == 1  # status counts
    assert _by_subteam(view.subteams, "proposals_total") == {A: 1, B: 2}
    assert view.pipeline.groupby("subteam_id")["count"].sum().to_dict() == {A: 1, B: 2}
    assert _by_subteam(view.subteams, "proposals_decided") == {A: 0, B: 1}


def test_milestones_as_of_hide_a_later_completion(history: Engine) -> None:
    frame = pq.milestones_as_of(history, D)
    states = dict(zip(frame["id"], frame["state"], strict=True))
    done_on = dict(zip(frame["id"], frame["done_on"], strict=True))
    assert states == {1: "done", 2: "overdue", 3: "overdue", 4: "open"}
    assert done_on[3] is None
    assert done_on[1] == date(2026, 1, 30)
    assert pq.milestones_as_of(history, date(2026, 3, 21)).set_index("id").loc[3, "state"] == "done"
    assert pq.milestones_as_of(history, date(2026, 1, 1)).empty  # none created yet


def test_filters_by_thematic_team_and_subteam(history: Engine) -> None:
    assert list(pq.subteam_progress(history, D, Scope.of(team_id=TEAM))["subteam_id"]) == [A, B]
    assert list(pq.subteam_progress(history, D, Scope.of(subteam_id=C))["subteam_id"]) == [C]
    assert set(pq.pipeline_as_of(history, D, Scope.of(subteam_id=A))["subteam_id"]) == {A}
    assert list(pq.milestones_as_of(history, D, Scope.of(team_id=OTHER_TEAM))["id"]) == [4]


def test_since_view_lists_changes_in_the_window(history: Engine) -> None:
    since = date(2026, 3, 2)
    new = change_queries.new_proposals(history, since, D)
    assert list(new["id"]) == [P4]
    assert list(new["status"]) == ["consulted"]  # its status on D, not today's
    changes = change_queries.status_changes(history, since, D)
    # Newest first; creation events (no previous status) are not status changes.
    assert list(zip(changes["proposal_id"], changes["to_status"], strict=True)) == [
        (P4, "consulted"),
        (P1, "in_review"),
    ]
    assert change_queries.milestones_completed(history, since, D).empty
    completed = change_queries.milestones_completed(history, date(2026, 3, 17), date(2026, 3, 21))
    assert list(completed["id"]) == [3]

    counts = change_queries.since_counts(history, since, D)
    assert counts == change_queries.SinceCounts(
        new_proposals=1, status_changes=2, milestones_completed=0
    )
    assert change_queries.since_counts(
        history, since, D, Scope.of(subteam_id=A)
    ) == change_queries.SinceCounts(0, 1, 0)
    wide = change_queries.since_counts(history, date(2026, 3, 1), date(2026, 3, 21))
    assert wide == change_queries.SinceCounts(
        new_proposals=3, status_changes=4, milestones_completed=1
    )


def test_headline_figures_sum_the_subteams(history: Engine) -> None:
    headline = pq.headline_figures(history, D)
    assert (headline.on_track, headline.at_risk, headline.late) == (0, 2, 1)
    assert (headline.milestones_done, headline.milestones_total) == (1, 4)
    assert dict(headline.figures) == {
        "proposals": 3,
        "submitted": 0,
        "under_review": 2,
        "decided": 1,
        "included": 0,
    }


def test_congress_editions_and_subteam_options(history: Engine) -> None:
    editions = pq.congress_editions(history)
    assert list(editions["name"]) == ["III Kongres"]
    assert editions.loc[0, "starts_on"] == date(2026, 9, 28)
    options = pq.subteam_options(history)
    assert list(options["slug"]) == ["a", "b", "c"]
    assert list(options["team_slug"]) == ["z1", "z1", "z2"]
