from datetime import date

import pandas as pd
import pytest

from dashboard.core.fingerprint import data_key


def frame(counts):
    return pd.DataFrame({"district": ["Mokre", "Bielany"], "count": counts})


def test_equal_data_gives_equal_keys_whoever_built_it():
    assert data_key(frame([3, 4])) == data_key(frame([3, 4]).copy())
    assert hash(data_key((frame([3, 4]), date(2026, 12, 3))))


def test_a_changed_value_type_or_column_gives_another_key():
    base = data_key(frame([3, 4]))
    assert data_key(frame([3, 5])) != base
    assert data_key(frame([3.0, 4.0])) != base
    assert data_key(frame([3, 4]).rename(columns={"count": "n"})) != base
    assert data_key((frame([3, 4]), date(2026, 12, 3))) != data_key(
        (frame([3, 4]), date(2026, 12, 4))
    )
    assert data_key(1) != data_key(True)


def test_data_that_cannot_be_a_key_says_so():
    with pytest.raises(TypeError):
        data_key(pd.DataFrame({"tags": [["a"], ["b"]]}))
    with pytest.raises(TypeError):
        data_key((frame([1, 2]), ["a list"]))
