"""Read-only tables: one look across the pages (no index, full width, labelled columns)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st

from dashboard import web

MISSING_TEXT = "—"


def show_table(table: pd.DataFrame, column_config: Mapping | None = None, **options) -> None:
    """A read-only table across the page, without the index; a missing text shows as "—"
    (the grid would write the English "None")."""
    table = dash_missing_text(table)
    st.dataframe(table, hide_index=True, width="stretch", column_config=column_config, **options)


def view_key(prefix: str, view: object) -> str:
    """A widget key that follows ``view`` (filters, page): a table's selection (row
    positions) never carries over to other rows."""
    return f"{prefix}_{zlib.crc32(repr(view).encode())}"


def selectable_table(shown: pd.DataFrame, key: str, selection_mode: str, **options) -> list[int]:
    """A table across the page whose rows can be selected; the selected row positions."""
    event = st.dataframe(
        shown,
        key=key,
        on_select="rerun",
        selection_mode=selection_mode,
        hide_index=True,
        width="stretch",
        **options,
    )
    return list(event.selection.rows) if event is not None else []


def dash_missing_text(table: pd.DataFrame) -> pd.DataFrame:
    texts = [name for name in table.columns if _is_text(table[name]) and table[name].isna().any()]
    return table.fillna(dict.fromkeys(texts, MISSING_TEXT)) if texts else table


def _is_text(column: pd.Series) -> bool:
    if pd.api.types.is_string_dtype(column) and column.dtype != object:
        return True
    values = column.dropna()
    return column.dtype == object and len(values) > 0 and all(isinstance(v, str) for v in values)


def date_column(label_key: str) -> st.column_config.DateColumn:
    return st.column_config.DateColumn(web.tr(label_key), format="DD.MM.YYYY")


def wide_text_column(label_key: str) -> st.column_config.TextColumn:
    return st.column_config.TextColumn(web.tr(label_key), width="large")


def show_labelled(
    frame: pd.DataFrame,
    columns: Iterable[str],
    label_prefix: str,
    datetime_formats: Mapping[str, str] | None = None,
) -> None:
    """``columns`` of ``frame`` headed by the catalogue's ``<label_prefix>.<column>``;
    ``datetime_formats`` gives some of them a date-and-time format."""
    columns = list(columns)
    labels = {name: web.tr(f"{label_prefix}.{name}") for name in columns}
    show_table(
        frame.loc[:, columns].rename(columns=labels),
        {
            labels[name]: st.column_config.DatetimeColumn(format=fmt)
            for name, fmt in (datetime_formats or {}).items()
        },
    )


def field_value_table(
    field_key: str, value_key: str, rows: Iterable[tuple[str, object]], **options
) -> None:
    """A two-column summary: the catalogue label of each row's key beside its value."""
    rows = list(rows)
    show_table(
        pd.DataFrame(
            {
                web.tr(field_key): [web.tr(key) for key, _ in rows],
                web.tr(value_key): [value for _, value in rows],
            }
        ),
        **options,
    )


def counts_by_subteam(frame: pd.DataFrame, column: str, order: list[str]) -> pd.DataFrame:
    """Subteams (in first-seen order) × the ``order`` values of ``column``; missing cells 0."""
    return (
        frame.set_index(["subteam", column])["count"]
        .unstack(fill_value=0)
        .reindex(columns=order, fill_value=0)
        .reindex(list(dict.fromkeys(frame["subteam"])))
        .astype(int)
    )


def show_subteam_rows(wide: pd.DataFrame) -> None:
    """A ``counts_by_subteam`` table (columns already labelled) with a subteam column."""
    wide.index.name = web.tr("common.subteam")
    wide.columns.name = None
    show_table(wide.reset_index())
