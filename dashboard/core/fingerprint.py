"""A hashable key for the data a chart is drawn from: equal data, equal key."""

from __future__ import annotations

from typing import Any

import pandas as pd


def data_key(value: Any) -> Any:
    """``value`` as a hashable key: a DataFrame by its columns, types and values, a tuple
    part by part, anything else as itself (with its type: 1, 1.0 and True differ).

    Raises ``TypeError`` when a part cannot be a key (a frame with lists in its cells)."""
    if isinstance(value, pd.DataFrame):
        values = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        return ("frame", tuple(value.columns), tuple(str(t) for t in value.dtypes), values)
    if isinstance(value, tuple):
        return ("tuple", *(data_key(part) for part in value))
    hash(value)
    return (type(value), value)
