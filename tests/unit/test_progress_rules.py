"""The progress rules, pinned at their boundaries (pure functions)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dashboard.core.progress_rules import (
    AT_RISK,
    DONE,
    LATE,
    ON_TRACK,
    OPEN,
    OVERDUE,
    PROPOSAL_STAGES,
    MilestoneFacts,
    congress_countdown,
    milestone_state,
    milestone_status,
    stage_of,
    status_from_counts,
    status_windows,
    subteam_status,
    weighted_completion,
)
from db.models import PROPOSAL_STATUSES

AS_OF = date(2026, 3, 16)


def days(n: int) -> date:
    return AS_OF + timedelta(days=n)


@pytest.mark.parametrize(
    ("due_offset", "expected"),
    [
        (-30, LATE),
        (-15, LATE),  # overdue by 15 days
        (-14, AT_RISK),  # overdue by exactly 14 days
        (-1, AT_RISK),
        (0, AT_RISK),  # due today
        (7, AT_RISK),  # due in exactly 7 days
        (8, ON_TRACK),  # due in 8 days
        (60, ON_TRACK),
    ],
)
def test_open_milestone_status_at_the_boundaries(due_offset: int, expected: str) -> None:
    assert milestone_status(days(due_offset), None, AS_OF) == expected


def test_a_milestone_done_by_the_as_of_date_is_on_track_however_late_it_was_due() -> None:
    assert milestone_status(days(-40), days(-1), AS_OF) == ON_TRACK
    assert milestone_status(days(-40), AS_OF, AS_OF) == ON_TRACK


def test_a_milestone_done_after_the_as_of_date_counts_as_open_then() -> None:
    assert milestone_status(days(-20), days(1), AS_OF) == LATE
    assert milestone_state(days(-20), days(1), AS_OF) == OVERDUE
    assert milestone_state(days(3), days(5), AS_OF) == OPEN
    assert milestone_state(days(-20), days(-2), AS_OF) == DONE


def test_status_windows_match_the_single_milestone_rule() -> None:
    """The SQL counts milestones in these windows: they must agree with milestone_status."""
    windows = status_windows(AS_OF)
    for offset in range(-40, 40):
        due = days(offset)
        late = due < windows.late_before
        at_risk = windows.late_before <= due <= windows.due_soon_until
        assert milestone_status(due, None, AS_OF) == status_from_counts(int(late), int(at_risk))


def test_a_subteam_takes_its_worst_milestone() -> None:
    on_track = MilestoneFacts(days(30), None)
    at_risk = MilestoneFacts(days(-14), None)
    late = MilestoneFacts(days(-15), None)
    assert subteam_status([], AS_OF) == ON_TRACK
    assert subteam_status([on_track], AS_OF) == ON_TRACK
    assert subteam_status([on_track, at_risk], AS_OF) == AT_RISK
    assert subteam_status([at_risk, late, on_track], AS_OF) == LATE


def test_status_from_counts_prefers_late_over_at_risk() -> None:
    assert status_from_counts(0, 0) == ON_TRACK
    assert status_from_counts(0, 2) == AT_RISK
    assert status_from_counts(1, 5) == LATE


def test_weighted_completion_counts_weight_done_by_the_as_of_date() -> None:
    milestones = [
        MilestoneFacts(days(-30), days(-31), weight=3),  # done
        MilestoneFacts(days(-10), days(2), weight=2),  # done only after the as-of date
        MilestoneFacts(days(10), None, weight=1),
    ]
    assert weighted_completion(milestones, AS_OF) == pytest.approx(3 / 6)
    assert weighted_completion(milestones, days(2)) == pytest.approx(5 / 6)
    assert weighted_completion([], AS_OF) == 0.0


def test_every_proposal_status_belongs_to_exactly_one_stage() -> None:
    members = [status for statuses in PROPOSAL_STAGES.values() for status in statuses]
    assert sorted(members) == sorted(PROPOSAL_STATUSES)
    assert stage_of("consulted") == "under_review"
    assert stage_of("merged") == "decided"
    assert stage_of("included") == "included"


EDITIONS = [
    ("I Kongres", date(2024, 9, 10), date(2024, 9, 11)),
    ("II Kongres", date(2025, 9, 29), date(2025, 9, 30)),
]


def test_congress_countdown_next_running_last_and_none() -> None:
    before = congress_countdown(EDITIONS, date(2025, 9, 19))
    assert (before.kind, before.days, before.name) == ("next", 10, "II Kongres")
    during = congress_countdown(EDITIONS, date(2025, 9, 30))
    assert (during.kind, during.name) == ("running", "II Kongres")
    after = congress_countdown(EDITIONS, date(2025, 10, 10))
    assert (after.kind, after.days, after.name) == ("last", 10, "II Kongres")
    assert congress_countdown([], AS_OF).kind == "none"
