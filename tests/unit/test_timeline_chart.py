"""/postepy's milestone timeline on a phone: the as-of date's label and a Congress's name
are written toward the middle of the plot, so neither runs past its right edge (a name past
the edge took the narrow chart's width away from the dates)."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import vl_convert

from dashboard.charts import progress
from dashboard.charts.base import finalized_spec

AS_OF = date(2026, 12, 5)
MILESTONES = pd.DataFrame(
    {
        "id": [1, 2, 3],
        "subteam_id": [1, 1, 2],
        "subteam": ["Toruński model partycypacji", "Toruński model partycypacji", "Smart City"],
        "title": ["Diagnoza", "Warsztaty", "Wdrożenie"],
        "due_date": [date(2026, 6, 13), date(2026, 11, 20), date(2027, 1, 10)],
        "done_on": [date(2026, 6, 11), None, None],
        "weight": [1, 3, 2],
        "state": ["done", "open", "open"],
    }
)
NO_CONGRESS = pd.DataFrame(columns=["id", "name", "edition", "starts_on", "ends_on"])


def congress(starts_on: date) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [3],
            "name": ["III Toruński Kongres Dialogu"],
            "edition": [2027],
            "starts_on": [starts_on],
            "ends_on": [starts_on],
        }
    )


def drawn_svg(congresses: pd.DataFrame, plot_width: int) -> str:
    chart = progress.milestone_timeline_chart(MILESTONES, congresses, AS_OF, "pl")
    spec = finalized_spec(chart, "pl")
    return vl_convert.vegalite_to_svg(json.dumps({**spec, "width": plot_width}))


def drawn_width(congresses: pd.DataFrame, plot_width: int) -> float:
    svg = drawn_svg(congresses, plot_width)
    return float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1))


def anchor_of(congresses: pd.DataFrame, text: str) -> str:
    svg = drawn_svg(congresses, 600)
    found = re.search(rf'<text[^>]*text-anchor="(\w+)"[^>]*>{re.escape(text)}</text>', svg)
    return found.group(1) if found else "start"  # SVG's default anchor is the start


def test_labels_near_the_right_edge_stay_inside_a_phones_plot():
    near_the_end = congress(date(2027, 1, 8))
    for plot_width in (180, 260):
        assert drawn_width(near_the_end, plot_width) == drawn_width(NO_CONGRESS, plot_width)


def test_a_label_faces_the_middle_of_the_plot():
    assert anchor_of(congress(date(2027, 1, 8)), "III Toruński Kongres Dialogu") == "end"
    assert anchor_of(congress(date(2026, 6, 20)), "III Toruński Kongres Dialogu") == "start"
