"""One way to write a percent: the tables' text ("10%") is the text the charts draw."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import vl_convert

from dashboard.charts.base import finalize
from dashboard.charts.congress import _percent_text
from dashboard.charts.progress import share_text
from dashboard.deck.content import _percent
from dashboard.i18n import format_percent
from dashboard.ui.tables import PERCENT_FORMAT


def _drawn_texts(chart: alt.TopLevelMixin) -> set[str]:
    svg = vl_convert.vegalite_to_svg(finalize(chart, "pl").to_dict())
    return {re.sub(r"\s+", " ", text).strip() for text in re.findall(r">([^<>]+)</text>", svg)}


def test_a_chart_axis_draws_a_percent_as_the_tables_write_it():
    frame = pd.DataFrame({"share": [0.0, 0.1, 0.5], "name": ["a", "b", "c"]})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(x=alt.X("share:Q", axis=alt.Axis(format="%", values=[0.1])), y="name:N")
    )
    texts = _drawn_texts(chart)
    assert format_percent(0.1) == "10%"
    assert format_percent(0.1) in texts, texts
    assert "10\u00a0%" not in texts and "10 %" not in texts


def test_tables_labels_and_the_deck_write_the_same_text():
    for share in (0.0, 0.1, 0.77, 1.0):
        table_cell = PERCENT_FORMAT % round(share * 100)
        assert table_cell == format_percent(share) == share_text(share, "pl")
        assert _percent_text(share, "pl") == _percent(share, "pl") == table_cell
    assert format_percent(0.125, 1) == "12,5%"
