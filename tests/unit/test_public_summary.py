"""/wyniki's summary table: counts per edition and outcome, one column per outcome."""

import pandas as pd

from dashboard.queries.public import OUTCOMES
from dashboard.ui.public.results import outcomes_wide


def test_counts_land_in_their_edition_and_outcome_with_zeros_where_none():
    frame = pd.DataFrame(
        {
            "edition": [2025, 2024, 2025, 2024],
            "outcome": ["accepted", "rejected", "under_review", "accepted"],
            "count": [7, 3, 40, 5],
        }
    )

    wide = outcomes_wide(frame, "edition")

    assert list(wide.columns) == list(OUTCOMES)
    assert list(wide.index) == [2024, 2025]
    assert wide.loc[2024, "accepted"] == 5 and wide.loc[2024, "rejected"] == 3
    assert wide.loc[2025, "under_review"] == 40
    assert wide.loc[2025, "rejected"] == 0
    assert wide.to_numpy().sum() == 55
    assert all(dtype.kind == "i" for dtype in wide.dtypes)


def test_it_matches_a_pandas_pivot_and_ignores_an_outcome_it_does_not_show():
    frame = pd.DataFrame(
        {
            "edition": [2024, 2024, 2024],
            "outcome": ["merged", "merged", "withdrawn_by_script"],
            "count": [2, 3, 9],
        }
    )
    pivot = (
        frame.pivot_table(index="edition", columns="outcome", values="count", aggfunc="sum")
        .reindex(columns=list(OUTCOMES))
        .fillna(0)
        .astype(int)
    )

    pd.testing.assert_frame_equal(outcomes_wide(frame, "edition"), pivot, check_names=False)
    assert outcomes_wide(frame, "edition").loc[2024, "merged"] == 5
