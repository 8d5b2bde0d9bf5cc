"""Each subteam's milestones, dated relative to "today" so the progress page always
shows a mix of traffic lights: subteam 1 on track, subteam 2 at risk (overdue a few
days), subteam 3 late, subteam 4 at risk (a milestone due within days).

``plan_milestones`` is pure, so tests can check the traffic lights on any date.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from db.demo import text as vocab
from db.demo.draws import at

# Each subteam's milestone plan: (earliest, latest) offset in days from today, done?
# The shapes give the traffic lights: 1 on track, 2 overdue 3-10 days, 3 overdue
# more than 14 days, 4 an open milestone due in 3-5 days.
MILESTONE_PLANS: dict[int, tuple[tuple[int, int, bool], ...]] = {
    1: (
        (-175, -165, True),
        (-125, -115, True),
        (-80, -70, True),
        (-35, -25, True),
        (-10, -8, True),
        (15, 25, False),
        (55, 65, False),
    ),
    2: (
        (-160, -140, True),
        (-110, -90, True),
        (-50, -40, True),
        (-10, -3, False),
        (20, 30, False),
        (70, 90, False),
    ),
    3: (
        (-170, -150, True),
        (-120, -100, True),
        (-35, -25, False),
        (15, 25, False),
        (50, 60, False),
        (100, 120, False),
    ),
    4: (
        (-150, -130, True),
        (-95, -85, True),
        (-55, -45, True),
        (-15, -12, True),
        (3, 5, False),
        (30, 40, False),
        (70, 80, False),
        (110, 130, False),
    ),
}
TEAM_APPOINTED_ON = date(2025, 5, 20)


def plan_milestones(rng: random.Random, today: date) -> list[dict[str, Any]]:
    """Milestone rows for subteams 1-4, ids from 1, shaped by ``MILESTONE_PLANS``."""
    rows: list[dict[str, Any]] = []
    for position, plan in MILESTONE_PLANS.items():
        titles = vocab.MILESTONE_TITLES[position]
        first_due = today + timedelta(days=plan[0][0])
        created_day = min(TEAM_APPOINTED_ON, first_due - timedelta(days=30))
        for index, ((earliest, latest, done), title) in enumerate(zip(plan, titles, strict=True)):
            due = today + timedelta(days=rng.randint(earliest, latest))
            rows.append(
                {
                    "id": len(rows) + 1,
                    "subteam_id": position,
                    "title": title,
                    "due_date": due,
                    "done_on": _done_on(rng, due, today) if done else None,
                    "weight": rng.randint(1, 3),
                    "created_at": at(created_day, 10, 0) + timedelta(minutes=5 * index),
                }
            )
    return rows


def _done_on(rng: random.Random, due: date, today: date) -> date:
    return min(due + timedelta(days=rng.randint(-7, 3)), today - timedelta(days=1))
