"""Progress rules: traffic-light status of a subteam, weighted completion, stages.

Pure functions of dates and numbers — no database, no Streamlit. The SQL in
``dashboard.queries.progress`` counts milestones in the windows that
``status_windows`` defines, and ``status_from_counts`` turns the counts into a
status, so the rule lives here once.

The rule, for an as-of date D and a milestone not done by D:
- overdue by 1..14 days, or due within the next 7 days (D..D+7) → at risk;
- overdue by more than 14 days → late;
- anything else → on track.
A subteam takes the worst status of its milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

ON_TRACK = "on_track"
AT_RISK = "at_risk"
LATE = "late"
# Worst first: the order of the headline figures and of the status legend.
TRAFFIC_STATUSES = (LATE, AT_RISK, ON_TRACK)
# Text symbols every common font has (DejaVu, Liberation): colour emoji show as empty
# boxes where no emoji font is installed. Always drawn next to the status word.
TRAFFIC_ICONS = {ON_TRACK: "✓", AT_RISK: "▲", LATE: "✕"}

AT_RISK_MAX_OVERDUE_DAYS = 14
DUE_SOON_DAYS = 7

# One milestone's state on the as-of date (the timeline's marks).
DONE = "done"
OPEN = "open"
OVERDUE = "overdue"
MILESTONE_STATES = (DONE, OPEN, OVERDUE)

# Proposal statuses grouped into the stages of the headline figures.
PROPOSAL_STAGES = {
    "submitted": ("submitted",),
    "under_review": ("in_review", "consulted"),
    "decided": ("accepted", "partially_accepted", "rejected", "merged"),
    "included": ("included",),
}
# The proposal figures every page and the deck show (dashboard.queries.figures), each a
# set of statuses; unlike the stages they overlap: "decided" includes "included".
PROPOSAL_FIGURES: dict[str, tuple[str, ...]] = {
    "submitted": PROPOSAL_STAGES["submitted"],
    "under_review": PROPOSAL_STAGES["under_review"],
    "decided": PROPOSAL_STAGES["decided"] + PROPOSAL_STAGES["included"],
    "included": PROPOSAL_STAGES["included"],
}
DECIDED_STATUSES = PROPOSAL_FIGURES["decided"]


@dataclass(frozen=True)
class StatusWindows:
    """Due-date boundaries for an as-of date: the SQL counts open milestones in them."""

    late_before: date  # due before this and not done → late
    overdue_before: date  # due before this and not done → overdue (at risk unless late)
    due_soon_until: date  # due from the as-of date up to this day inclusive → at risk


def status_windows(as_of: date) -> StatusWindows:
    return StatusWindows(
        late_before=as_of - timedelta(days=AT_RISK_MAX_OVERDUE_DAYS),
        overdue_before=as_of,
        due_soon_until=as_of + timedelta(days=DUE_SOON_DAYS),
    )


def is_done(done_on: date | None, as_of: date) -> bool:
    """Done on the as-of date: marked done on that day or before (a later completion is open)."""
    return done_on is not None and done_on <= as_of


def milestone_state(due_date: date, done_on: date | None, as_of: date) -> str:
    if is_done(done_on, as_of):
        return DONE
    return OVERDUE if due_date < as_of else OPEN


def milestone_status(due_date: date, done_on: date | None, as_of: date) -> str:
    """The traffic light one milestone contributes on the as-of date."""
    if is_done(done_on, as_of):
        return ON_TRACK
    windows = status_windows(as_of)
    if due_date < windows.late_before:
        return LATE
    if due_date <= windows.due_soon_until:
        return AT_RISK
    return ON_TRACK


def status_from_counts(late: int, at_risk: int) -> str:
    """A subteam's status from its counts of late and at-risk open milestones."""
    if late:
        return LATE
    if at_risk:
        return AT_RISK
    return ON_TRACK


def worst_status(statuses: Iterable[str]) -> str:
    found = set(statuses)
    return next((status for status in TRAFFIC_STATUSES if status in found), ON_TRACK)


@dataclass(frozen=True)
class MilestoneFacts:
    due_date: date
    done_on: date | None
    weight: int = 1


def subteam_status(milestones: Iterable[MilestoneFacts], as_of: date) -> str:
    return worst_status(milestone_status(m.due_date, m.done_on, as_of) for m in milestones)


def weighted_completion(milestones: Iterable[MilestoneFacts], as_of: date) -> float:
    """Share of milestone weight done by the as-of date (0.0 when there are no milestones)."""
    items = list(milestones)
    return completion_share(
        sum(m.weight for m in items if is_done(m.done_on, as_of)), sum(m.weight for m in items)
    )


def completion_share(done_weight: float, total_weight: float) -> float:
    return float(done_weight) / float(total_weight) if total_weight else 0.0


def count_figures(by_status: Mapping[str, int]) -> dict[str, int]:
    """Every proposal figure (plus ``proposals``, all of them) from counts per status."""
    counts = {
        key: int(sum(by_status.get(status, 0) for status in statuses))
        for key, statuses in PROPOSAL_FIGURES.items()
    }
    return {"proposals": int(sum(by_status.values())), **counts}


def stage_of(status: str) -> str:
    return next(stage for stage, members in PROPOSAL_STAGES.items() if status in members)


@dataclass(frozen=True)
class CongressCountdown:
    """Days to the next Congress (``kind="next"``), days since the last one, or a running one."""

    kind: str  # "next" | "running" | "last" | "none"
    days: int = 0
    name: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


def congress_countdown(
    editions: Iterable[tuple[str, date, date]], as_of: date
) -> CongressCountdown:
    """From (name, starts_on, ends_on) of every edition: the next one, else the last one."""
    ordered = sorted(editions, key=lambda edition: edition[1])
    for name, starts_on, ends_on in ordered:
        if starts_on <= as_of <= ends_on:
            return CongressCountdown("running", 0, name, starts_on, ends_on)
        if starts_on > as_of:
            return CongressCountdown("next", (starts_on - as_of).days, name, starts_on, ends_on)
    if ordered:
        name, starts_on, ends_on = ordered[-1]
        return CongressCountdown("last", (as_of - ends_on).days, name, starts_on, ends_on)
    return CongressCountdown("none")
