"""Congress statistics on a small hand-built fixture, checked against numbers counted by hand.

``build_congress`` is reused by the registration, admin and page tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from dashboard.charts import congress as charts
from dashboard.queries import attendance as attendance_queries
from dashboard.queries import congress as cq
from dashboard.services.congress_admin import anonymise_edition
from db.models import Signup
from harness.apptest import ADMIN
from tests.support.congress import (
    PAST,
    build_congress,
    migrated_database,
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def congress(request, tmp_path_factory) -> Iterator[tuple[Engine, dict[str, int]]]:
    """One fixture database per backend for the read-only tests of this module."""
    with migrated_database(request.param, tmp_path_factory.mktemp("congress")) as engine:
        yield engine, build_congress(engine)


EDITION_2 = cq.CongressFilter(edition=2)


def test_totals_per_edition_against_workshop_capacity(congress):
    engine, _ = congress
    totals = cq.totals_by_edition(engine).set_index("edition")
    assert totals.loc[2, ["registered", "waitlisted", "cancelled", "capacity"]].tolist() == [
        6,
        1,
        1,
        6,
    ]
    assert totals.loc[1, ["registered", "waitlisted", "cancelled", "capacity"]].tolist() == [
        2,
        0,
        1,
        5,
    ]
    residents = cq.totals_by_edition(engine, "resident").set_index("edition")
    assert residents.loc[2, ["registered", "waitlisted", "cancelled"]].tolist() == [3, 1, 0]


def test_status_totals_follow_filters(congress):
    engine, ids = congress
    assert cq.status_totals(engine, EDITION_2) == {
        "registered": 6,
        "waitlisted": 1,
        "cancelled": 1,
        "capacity": 6,
    }
    day1 = cq.status_totals(engine, cq.CongressFilter(2, day=1))
    assert day1 == {"registered": 3, "waitlisted": 0, "cancelled": 1, "capacity": None}
    workshop_b = cq.status_totals(engine, cq.CongressFilter(2, workshop_id=ids["WB"]))
    assert workshop_b == {"registered": 2, "waitlisted": 1, "cancelled": 0, "capacity": 2}


def test_day_split(congress):
    engine, _ = congress
    split = cq.day_split(engine, EDITION_2).set_index("part")["count"].to_dict()
    assert split == {"day1_only": 1, "day2_only": 4, "both": 2}
    ngo = cq.day_split(engine, cq.CongressFilter(2, category="ngo")).set_index("part")["count"]
    assert ngo.to_dict() == {"day1_only": 1, "day2_only": 0, "both": 1}


def test_workshop_fill_with_waitlist_and_flags(congress):
    engine, ids = congress
    fill = cq.workshop_fill(engine, EDITION_2).set_index("session_id")
    assert fill.loc[ids["WA"], ["registered", "waitlisted", "capacity"]].tolist() == [3, 0, 4]
    assert fill.loc[ids["WA"], "fill_rate"] == pytest.approx(0.75)
    assert fill.loc[ids["WA"], "flag"] == "ok"
    assert fill.loc[ids["WB"], ["registered", "waitlisted", "capacity"]].tolist() == [2, 1, 2]
    assert fill.loc[ids["WB"], "flag"] == "full"
    assert [cq.fill_flag(rate) for rate in (0.79, 0.8, 0.99, 1.0, 1.2, None)] == [
        "ok",
        "near_full",
        "near_full",
        "full",
        "full",
        "no_limit",
    ]


def test_cumulative_signups_by_date(congress):
    engine, _ = congress
    cumulative = cq.cumulative_signups(engine, EDITION_2)
    assert [d.date().isoformat() for d in cumulative["date"]] == [
        "2025-09-20",
        "2025-09-22",
        "2025-09-25",
        "2025-09-26",
    ]
    assert cumulative["signups"].tolist() == [2, 2, 2, 1]
    assert cumulative["cumulative"].tolist() == [2, 4, 6, 7]


def test_edition_against_previous_aligned_on_days_before(congress):
    engine, _ = congress
    comparison = cq.edition_comparison(engine, EDITION_2)
    current = comparison[comparison["edition"] == 2]
    previous = comparison[comparison["edition"] == 1]
    assert current["days_before"].tolist() == [9, 7, 4, 3]
    assert current["cumulative"].tolist() == [2, 4, 6, 7]
    assert previous["days_before"].tolist() == [7, 2]
    assert previous["cumulative"].tolist() == [1, 2]
    assert cq.previous_edition(engine, 1) is None


def test_who_breakdowns(congress):
    engine, _ = congress
    districts = cq.by_district(engine, EDITION_2).set_index("district_number")["count"]
    assert districts.to_dict() == {1: 3, 2: 2, 3: 1, 0: 1}
    ages = cq.by_age_group(engine, EDITION_2).set_index("age_group")["count"].to_dict()
    assert ages == {
        "<18": 0,
        "18-24": 1,
        "25-34": 3,
        "35-44": 1,
        "45-54": 1,
        "55-64": 0,
        "65+": 1,
    }
    categories = cq.by_category(engine, EDITION_2).set_index("category")["count"]
    assert categories[["resident", "ngo", "seniors_council", "academia"]].tolist() == [4, 2, 1, 0]
    assert categories.sum() == 7


def test_attendance_by_workshop_and_category(congress):
    engine, _ = congress
    totals = attendance_queries.attendance_totals(engine, EDITION_2).iloc[0]
    assert (totals["came"], totals["did_not_come"]) == (4, 2)
    assert totals["no_show_rate"] == pytest.approx(1 / 3)
    workshops = attendance_queries.attendance_by_workshop(engine, EDITION_2).set_index("title")
    assert workshops.loc["Sesja WA", ["came", "did_not_come"]].tolist() == [2, 1]
    assert workshops.loc["Sesja WB", ["came", "did_not_come"]].tolist() == [1, 1]
    categories = attendance_queries.attendance_by_category(engine, EDITION_2).set_index("category")
    assert categories.loc["resident", ["came", "did_not_come"]].tolist() == [2, 1]
    assert categories.loc["seniors_council", "no_show_rate"] == pytest.approx(0.0)
    assert attendance_queries.edition_has_ended(engine, 2, date(2025, 10, 1))
    assert not attendance_queries.edition_has_ended(engine, 2, date(2025, 9, 30))


def all_statistics(engine: Engine, flt: cq.CongressFilter) -> dict[str, object]:
    """Every figure /kongres shows for ``flt``."""
    return {
        "editions": cq.totals_by_edition(engine),
        "totals": cq.status_totals(engine, flt),
        "days": cq.day_split(engine, flt),
        "fill": cq.workshop_fill(engine, flt),
        "cumulative": cq.cumulative_signups(engine, flt),
        "comparison": cq.edition_comparison(engine, flt),
        "district": cq.by_district(engine, flt),
        "age": cq.by_age_group(engine, flt),
        "category": cq.by_category(engine, flt),
        "attendance": attendance_queries.attendance_totals(engine, flt),
        "attendance_workshop": attendance_queries.attendance_by_workshop(engine, flt),
        "attendance_category": attendance_queries.attendance_by_category(engine, flt),
    }


def test_anonymising_leaves_every_figure_identical(congress):
    engine, _ = congress
    filters = [EDITION_2, cq.CongressFilter(2, day=2, category="resident"), cq.CongressFilter(1)]
    before = [all_statistics(engine, flt) for flt in filters]
    assert anonymise_edition(engine, ADMIN, 2, today=date(2025, 10, 15)) == 8
    assert anonymise_edition(engine, ADMIN, 1, today=date(2025, 10, 15)) == 3
    after = [all_statistics(engine, flt) for flt in filters]
    for old, new in zip(before, after, strict=True):
        for name, value in old.items():
            if isinstance(value, pd.DataFrame):
                pd.testing.assert_frame_equal(value, new[name], obj=name)
            else:
                assert value == new[name], name
    with engine.connect() as connection:
        left = connection.execute(
            select(Signup.full_name, Signup.email).where(Signup.anonymised_at.is_(None))
        ).all()
    assert left == []


def _chart_values(chart) -> list[dict]:
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_charts_have_titles_and_tell_flags_by_text(congress):
    engine, _ = congress
    fill = charts.workshop_fill_chart(cq.workshop_fill(engine, EDITION_2), "pl")
    assert fill.to_dict()["title"]["text"] == "Zapełnienie warsztatów"
    labels = {row["title"]: row["label"] for row in _chart_values(fill) if "label" in row}
    assert labels["Sesja WB"] == "2/2 (+1 rez.) — komplet"
    assert labels["Sesja WA"] == "3/4"

    districts = charts.district_labels(cq.by_district(engine, EDITION_2), "en")
    who = charts.who_chart(
        districts, "label", "congress.chart.by_district", "common.district", "en"
    )
    bars = {row["label"]: row["count"] for row in _chart_values(who) if "label" in row}
    assert bars == {
        "1. Bydgoskie Przedmieście": 3,
        "2. Chełmińskie": 2,
        "3. Mokre": 1,
        "outside Toruń / not given": 1,
    }
    categories = charts.category_labels(
        attendance_queries.attendance_by_category(engine, EDITION_2), "pl"
    )
    attendance = charts.attendance_chart(
        categories, "label", "congress.chart.attendance_category", "congress.category", "pl"
    )
    rates = {
        row["label"]: row["rate_text"] for row in _chart_values(attendance) if "rate_text" in row
    }
    assert rates["mieszkaniec / mieszkanka"] == "nieobecni: 33%"
    for chart in (
        charts.editions_chart(cq.totals_by_edition(engine), "pl"),
        charts.days_chart(cq.day_split(engine, EDITION_2), "en"),
        charts.cumulative_chart(cq.cumulative_signups(engine, EDITION_2), PAST["start"], 10, "pl"),
        charts.edition_comparison_chart(cq.edition_comparison(engine, EDITION_2), "pl"),
    ):
        assert chart.to_dict()["title"]["text"]


def test_one_workshop_narrows_days_and_attendance(congress):
    """A workshop filter is counted from the rows (the tallies keep no per-workshop days)."""
    engine, ids = congress
    workshop_a = cq.CongressFilter(edition=2, workshop_id=ids["WA"])
    days = cq.day_split(engine, workshop_a).set_index("part")["count"].to_dict()
    assert days == {"day1_only": 0, "day2_only": 2, "both": 1}  # s3, s4; s1
    came = attendance_queries.attendance_by_workshop(engine, workshop_a).set_index("title")
    assert came[["came", "did_not_come"]].to_dict("index") == {
        "Sesja WA": {"came": 2, "did_not_come": 1}
    }
    on_day_1 = cq.CongressFilter(edition=2, day=1, workshop_id=ids["WA"])
    assert cq.day_split(engine, on_day_1)["count"].tolist() == [0, 0, 1]
    assert cq.status_totals(engine, on_day_1)["registered"] == 1
    assert cq.by_district(engine, workshop_a).set_index("district_number")["count"].sum() == 3
