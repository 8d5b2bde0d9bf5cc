"""The demo milestones: each subteam's traffic light, today and on any date."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date

import pytest
from sqlalchemy import select

from db.demo.milestones import plan_milestones
from db.models import Milestone
from tests.database.test_demo import TODAY, fetch_rows, shared_seeded_engine

seeded_engine = shared_seeded_engine()


def _milestone_lights(rows, today: date) -> dict[int, dict[str, list[int]]]:
    """Per subteam: days overdue of open milestones, days until open ones due within a week."""
    lights = defaultdict(lambda: {"overdue": [], "due_soon": []})
    for row in rows:
        if row["done_on"] is not None:
            assert row["done_on"] <= today
            continue
        days = (row["due_date"] - today).days
        if days < 0:
            lights[row["subteam_id"]]["overdue"].append(-days)
        elif days <= 7:
            lights[row["subteam_id"]]["due_soon"].append(days)
    return lights


def _assert_traffic_light_mix(rows, today: date) -> None:
    lights = _milestone_lights(rows, today)
    assert lights[1] == {"overdue": [], "due_soon": []}  # on track
    assert len(lights[2]["overdue"]) == 1 and 3 <= lights[2]["overdue"][0] <= 10  # at risk
    assert max(lights[3]["overdue"]) > 14  # late
    assert lights[4]["overdue"] == [] and len(lights[4]["due_soon"]) == 1  # at risk
    assert 3 <= lights[4]["due_soon"][0] <= 5
    per_subteam = Counter(row["subteam_id"] for row in rows)
    assert all(5 <= per_subteam[s] <= 8 for s in (1, 2, 3, 4))
    assert all(1 <= row["weight"] <= 3 for row in rows)
    assert any(row["done_on"] is None and row["due_date"] > today for row in rows)


def test_traffic_lights_in_the_seeded_database(seeded_engine):
    columns = (Milestone.subteam_id, Milestone.due_date, Milestone.done_on, Milestone.weight)
    rows = [row._asdict() for row in fetch_rows(seeded_engine, select(*columns))]
    _assert_traffic_light_mix(rows, TODAY)


@pytest.mark.parametrize("seed", [1, 2035, 99])
@pytest.mark.parametrize(
    "today",
    [
        date(2025, 6, 1),
        date(2025, 12, 31),
        date(2026, 2, 28),
        date(2026, 11, 26),
        date(2028, 2, 29),
    ],
)
def test_traffic_light_mix_holds_on_any_date(today: date, seed: int):
    _assert_traffic_light_mix(plan_milestones(random.Random(seed), today), today)
