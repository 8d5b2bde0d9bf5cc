"""Time axes fit the data: a Congress day after the last sign-up is named in a note, not
drawn as a rule that stretches the axis (issue 13: "uses a quarter of its width")."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from dashboard.charts.congress import cumulative_chart


def _signups(first: date, days: int) -> pd.DataFrame:
    dates = [pd.Timestamp(first + timedelta(days=n)) for n in range(days)]
    return pd.DataFrame(
        {"date": dates, "signups": [5] * days, "cumulative": [5 * (n + 1) for n in range(days)]}
    )


def _layer_dates(chart) -> list[pd.Timestamp]:
    spec = chart.to_dict()
    found = []
    for dataset in spec["datasets"].values():
        found += [pd.Timestamp(row["date"]) for row in dataset if "date" in row]
    return found


def _texts(chart) -> list[str]:
    spec = chart.to_dict()
    return [row["label"] for data in spec["datasets"].values() for row in data if "label" in row]


def test_a_later_congress_day_keeps_the_axis_on_the_sign_ups():
    frame = _signups(date(2026, 11, 22), 10)
    congress = date(2027, 1, 4)
    chart = cumulative_chart(frame, congress, 650, "pl")
    assert max(_layer_dates(chart)) == frame["date"].max()
    assert "Kongres: 04.01.2027 →" in _texts(chart)


def test_a_congress_day_within_the_sign_ups_is_a_rule_on_its_date():
    frame = _signups(date(2026, 11, 22), 30)
    congress = date(2026, 12, 10)
    spec = cumulative_chart(frame, congress, None, "pl").to_dict()
    assert any(layer.get("mark", {}).get("type") == "rule" for layer in spec["layer"])
    assert "Kongres" in _texts(cumulative_chart(frame, congress, None, "pl"))
    assert pd.Timestamp(congress) in _layer_dates(cumulative_chart(frame, congress, None, "pl"))
