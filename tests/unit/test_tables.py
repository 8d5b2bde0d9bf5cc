"""Tables never show the grid's English "None" for a missing text, fit the page (every
column has a width) and write percents as the charts do."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts.progress import share_text
from dashboard.i18n import format_percent
from dashboard.ui.tables import (
    MISSING_TEXT,
    PERCENT_FORMAT,
    TABLE_BUDGET_PX,
    _is_text,
    as_percents,
    dash_missing_text,
    fitted_config,
)


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


def _wide_table() -> pd.DataFrame:
    """Like /postepy's Podzespoły before issue 13: long names and titles, many columns."""
    return pd.DataFrame(
        {
            "Status": ["✓ na dobrej drodze", "✕ opóźniony"],
            "Podzespół": ["Współdziałanie Prezydenta i Rady Miasta z Radami Okręgów" * 2, "A"],
            "Tytuł": ["Raport z konsultacji z organizacjami pozarządowymi " * 4, "B"],
            "Kamienie milowe": ["3 z 7", "0 z 2"],
            "Opóźnione": [1, 0],
            "Propozycje": [120, 4],
            "Propozycje z decyzją": [98, 1],
            "Ostatnia aktywność": pd.to_datetime(["2026-11-30", "2026-12-01"]),
        }
    )


def test_every_column_gets_a_width_and_the_table_fits_the_page():
    config = fitted_config(_wide_table(), {"Tytuł": {"label": "Tytuł", "type_config": {}}})
    assert set(config) == set(_wide_table().columns)
    widths = [entry["width"] for entry in config.values()]
    assert all(isinstance(width, int) and width > 0 for width in widths), config
    assert sum(widths) <= TABLE_BUDGET_PX
    assert config["Tytuł"]["label"] == "Tytuł", "the given configuration is kept"
    assert config["Opóźnione"]["width"] >= len("Opóźnione") * 7, "a number's header is not cut"


def test_a_width_given_by_a_page_is_kept():
    table = pd.DataFrame({"a": ["x"], "b": [1]})
    config = fitted_config(table, {"a": {"label": "A", "width": 123}, "b": "Liczba"})
    assert config["a"]["width"] == 123
    assert config["b"]["label"] == "Liczba"


def test_percent_column_writes_percents_as_the_charts_do():
    assert PERCENT_FORMAT % 10 == format_percent(0.10) == share_text(0.10, "pl") == "10%"
    shown = as_percents(pd.DataFrame({"rate": [0.125, 0.8]}), ["rate"])
    assert list(shown["rate"]) == [12.0, 80.0]


@pytest.mark.parametrize(
    ("column", "is_text"),
    [
        (pd.Series(["a", None, "b"], dtype="str"), True),
        (pd.Series(["a", None, "b"], dtype=object), True),
        (pd.Series(["a", 3], dtype=object), False),
        (pd.Series([None, None], dtype=object), False),
        (pd.Series([1, 2]), False),
        (pd.Series([1.5, None]), False),
        (pd.Series(pd.to_datetime(["2026-12-01", None])), False),
        (pd.Series([True, False]), False),
    ],
)
def test_text_columns_are_told_from_numbers_dates_and_mixtures(column, is_text):
    assert _is_text(column) is is_text
