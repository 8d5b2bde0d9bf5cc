"""/wyniki's stacked bars number a segment only where the number fits the drawn bar."""

from __future__ import annotations

import json
import re

import pandas as pd
import vl_convert

from dashboard.charts import public
from dashboard.queries.public import OUTCOMES

# One edition: a large "under review" share and smaller outcomes, as at city scale.
COUNTS = dict(zip(OUTCOMES, [6794, 2574, 6720, 2529, 900, 33895], strict=True))


def numbers_on_bars(chart, width: int) -> set[str]:
    """The bold numbers of the chart drawn ``width`` pixels wide (axis labels are not bold)."""
    svg = vl_convert.vegalite_to_svg(json.dumps(chart.properties(width=width).to_dict()))
    bold = re.findall(r'<text[^>]*font-weight="bold"[^>]*>([^<]*)</text>', svg)
    return {text.replace("\xa0", " ") for text in bold if re.fullmatch(r"[\d\xa0]+", text)}


def test_a_phone_numbers_only_the_segments_wide_enough_for_their_number():
    frame = pd.DataFrame({"edition": 2025, "outcome": list(COUNTS), "count": list(COUNTS.values())})
    chart = public.outcomes_by_edition_chart(frame, "pl")
    phone, desktop = numbers_on_bars(chart, 300), numbers_on_bars(chart, 900)
    assert phone == {"33 895"}
    assert desktop == {"6 794", "6 720", "33 895"}


def test_segments_keep_the_legend_order_and_end_where_the_next_starts():
    frame = pd.DataFrame(
        {"area": "city", "outcome": list(reversed(COUNTS)), "count": 1, "share": 1 / 6}
    )
    data = public._labelled(frame, "pl", "area", "share")
    assert list(data["outcome"]) == list(OUTCOMES)
    assert data["start"].iloc[0] == 0 and abs(data["end"].iloc[-1] - 1) < 1e-9
    assert (data["start"].iloc[1:].to_numpy() == data["end"].iloc[:-1].to_numpy()).all()
