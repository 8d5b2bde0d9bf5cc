"""Personal data rules: small-group suppression and spreadsheet-safe cells."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

SMALL_GROUP_LABEL = "<5"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def small_group_label(threshold: int) -> str:
    return f"<{threshold}"


def suppress_small_groups(
    frame: pd.DataFrame, count_columns: Iterable[str], threshold: int = 5
) -> pd.DataFrame:
    """Counts from 1 to ``threshold - 1`` become the text ``"<threshold>"``.

    Zero stays zero (an empty group singles nobody out). For views meant for
    presenting or publishing; the original frame is not changed.
    """
    result = frame.copy()
    label = small_group_label(threshold)
    for column in count_columns:
        values = result[column]
        small = (values > 0) & (values < threshold)
        result[column] = values.astype(object).where(~small, label).astype(str)
    return result


def neutralise_cell(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells are safe to open in Excel or LibreOffice."""
    result = frame.copy()
    for column in result.columns:
        if pd.api.types.is_string_dtype(result[column]) or result[column].dtype == object:
            result[column] = result[column].map(neutralise_cell)
    return result


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")


def escape_markdown(text: object) -> str:
    """Text from the database made safe to put inside Markdown (``st.caption``,
    ``st.markdown``): every Markdown, HTML, LaTeX (``$``) and Streamlit directive
    (``:red[...]``, ``:material/x:``) character is backslash-escaped, so it shows
    literally."""
    return "".join("\\" + char if char in _MARKDOWN_SPECIALS else char for char in str(text))
