"""Milestone changes: permissions, the audit trail, and repeated or bad input."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, insert, select

from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.services import milestones as service
from db.engine import now, write_session
from db.models import Milestone, MilestoneEvent, Subteam, ThematicTeam

ADMIN = Actor("admin", "admin", frozenset(), "Administrator")
DIRECTOR = Actor("dyrektor", "director", frozenset(), "Dyrektor")
LEAD_OF_1 = Actor("lider", "lead", frozenset({1}), "Liderka")
MEMBER = Actor("czlonek", "member", frozenset(), "Członek")
DUE = date(2026, 4, 30)


@pytest.fixture
def two_subteams(engine: Engine) -> Engine:
    """Subteams 1 and 2 with one open milestone each (ids 1 and 2)."""
    with write_session(engine) as session:
        session.execute(insert(ThematicTeam).values(id=1, name="Z", slug="z", description=""))
        session.execute(
            insert(Subteam),
            [
                {"id": i, "team_id": 1, "name": f"S{i}", "slug": f"s{i}", "description": ""}
                for i in (1, 2)
            ],
        )
        # No explicit ids: the PostgreSQL sequence must stay in step for later inserts.
        for subteam_id in (1, 2):
            milestone_id = session.execute(
                insert(Milestone)
                .values(
                    subteam_id=subteam_id,
                    title=f"Kamień {subteam_id}",
                    due_date=DUE,
                    weight=1,
                    created_at=datetime(2026, 1, 5, 9, 0),
                )
                .returning(Milestone.id)
            ).scalar_one()
            assert milestone_id == subteam_id
    return engine


def _milestone(engine: Engine, milestone_id: int) -> Milestone:
    with engine.connect() as connection:
        return connection.execute(select(Milestone).where(Milestone.id == milestone_id)).one()


def _events(engine: Engine) -> list[tuple]:
    statement = select(
        MilestoneEvent.milestone_id,
        MilestoneEvent.actor,
        MilestoneEvent.change,
        MilestoneEvent.old_value,
        MilestoneEvent.new_value,
        MilestoneEvent.at,
    ).order_by(MilestoneEvent.id)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement).all()]


def test_lead_marks_own_milestone_done_and_the_change_is_recorded(two_subteams: Engine) -> None:
    today = now().date()
    before = now()
    assert service.mark_done(two_subteams, LEAD_OF_1, 1) is True
    assert _milestone(two_subteams, 1).done_on == today
    [(milestone_id, actor, change, old, new, at)] = _events(two_subteams)
    assert (milestone_id, actor, change, old, new) == (1, "lider", "done", None, str(today))
    assert before <= at <= now()


def test_repeating_a_change_writes_nothing_more(two_subteams: Engine) -> None:
    done_on = now().date() - timedelta(days=2)
    assert service.mark_done(two_subteams, LEAD_OF_1, 1, done_on) is True
    assert service.mark_done(two_subteams, LEAD_OF_1, 1, done_on) is False
    assert service.move_due_date(two_subteams, LEAD_OF_1, 1, DUE) is False
    assert service.reopen(two_subteams, LEAD_OF_1, 1) is True
    assert service.reopen(two_subteams, LEAD_OF_1, 1) is False
    changes = [(event[2], event[3], event[4]) for event in _events(two_subteams)]
    assert changes == [("done", None, str(done_on)), ("reopened", str(done_on), None)]
    assert _milestone(two_subteams, 1).done_on is None


def test_lead_may_not_change_another_subteams_milestone(two_subteams: Engine) -> None:
    with pytest.raises(PermissionDenied):
        service.mark_done(two_subteams, LEAD_OF_1, 2)
    with pytest.raises(PermissionDenied):
        service.move_due_date(two_subteams, LEAD_OF_1, 2, DUE + timedelta(days=7))
    with pytest.raises(PermissionDenied):
        service.add_milestone(two_subteams, LEAD_OF_1, 2, "Obcy kamień", DUE)
    assert _milestone(two_subteams, 2).done_on is None
    assert _milestone(two_subteams, 2).due_date == DUE
    assert _events(two_subteams) == []


@pytest.mark.parametrize("actor", [DIRECTOR, MEMBER], ids=["director", "member"])
def test_directors_and_members_only_read(two_subteams: Engine, actor: Actor) -> None:
    for change in (
        lambda: service.mark_done(two_subteams, actor, 1),
        lambda: service.reopen(two_subteams, actor, 1),
        lambda: service.move_due_date(two_subteams, actor, 1, DUE + timedelta(days=1)),
        lambda: service.add_milestone(two_subteams, actor, 1, "Nowy", DUE),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert _events(two_subteams) == []


def test_admin_moves_any_due_date_with_old_and_new_value(two_subteams: Engine) -> None:
    new_due = DUE + timedelta(days=21)
    assert service.move_due_date(two_subteams, ADMIN, 2, new_due) is True
    assert _milestone(two_subteams, 2).due_date == new_due
    [event] = _events(two_subteams)
    assert event[:5] == (2, "admin", "due_date", str(DUE), str(new_due))


def test_add_milestone_records_it_and_ignores_a_repeated_submission(two_subteams: Engine) -> None:
    first = service.add_milestone(two_subteams, LEAD_OF_1, 1, "  Raport   końcowy ", DUE, 3)
    again = service.add_milestone(two_subteams, LEAD_OF_1, 1, "Raport końcowy", DUE, 3)
    assert again == first
    row = _milestone(two_subteams, first)
    assert (row.subteam_id, row.title, row.due_date, row.weight, row.done_on) == (
        1,
        "Raport końcowy",
        DUE,
        3,
        None,
    )
    assert [event[:3] for event in _events(two_subteams)] == [(first, "lider", "created")]


BAD_INPUT = [
    ("   ", 1, "progress.error.title_empty"),
    ("x" * 301, 1, "progress.error.title_long"),
    ("Dobry tytuł", 0, "progress.error.weight"),
    ("Dobry tytuł", 101, "progress.error.weight"),
]


def test_add_milestone_refuses_bad_input_with_a_clear_reason(two_subteams: Engine) -> None:
    for title, weight, key in BAD_INPUT:
        with pytest.raises(service.MilestoneError) as caught:
            service.add_milestone(two_subteams, ADMIN, 1, title, DUE, weight)
        assert caught.value.key == key, title
    with two_subteams.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Milestone)).scalar_one() == 2


def test_unknown_milestone_subteam_and_future_completion_are_refused(two_subteams: Engine) -> None:
    with pytest.raises(service.MilestoneError) as missing:
        service.mark_done(two_subteams, ADMIN, 999)
    assert missing.value.key == "progress.error.no_milestone"
    assert "999" in str(missing.value)
    with pytest.raises(service.MilestoneError) as no_subteam:
        service.add_milestone(two_subteams, ADMIN, 77, "Kamień", DUE)
    assert no_subteam.value.key == "progress.error.no_subteam"
    with pytest.raises(service.MilestoneError) as future:
        service.mark_done(two_subteams, ADMIN, 1, now().date() + timedelta(days=1))
    assert future.value.key == "progress.error.done_in_future"
    assert _events(two_subteams) == []
