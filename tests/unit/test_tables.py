"""Tables never show the grid's English "None" for a missing text."""

from __future__ import annotations

import pandas as pd

from dashboard.ui.tables import MISSING_TEXT, dash_missing_text


def test_missing_texts_become_a_dash_and_other_columns_stay():
    frame = pd.DataFrame(
        {
            "organisation": pd.Series(["UMK", None], dtype=object),
            "name": ["Ala", None],
            "count": [1.0, None],
            "day": pd.Series([None, None], dtype=object),
        }
    )
    shown = dash_missing_text(frame)
    assert list(shown["organisation"]) == ["UMK", MISSING_TEXT]
    assert list(shown["name"]) == ["Ala", MISSING_TEXT]
    assert shown["count"].isna().iloc[1]
    assert shown["day"].isna().all(), "a column of no texts is left alone"
