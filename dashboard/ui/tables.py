"""Read-only tables: one look across the pages (no index, full width, labelled columns)."""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.i18n import PERCENT_SIGN
from dashboard.web import state

MISSING_TEXT = "—"
# Whole percents on 0–100 values, written as format_percent writes them ("10%").
PERCENT_FORMAT = "%d" + PERCENT_SIGN.replace("%", "%%")
TABLE_BUDGET_PX = 760  # an expander on a 1280-px page is 784 px wide
MIN_TEXT_PX = 110
MIN_PX = 56
CHAR_PX = 7.5
NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}


def show_table(table: pd.DataFrame, column_config: Mapping | None = None, **options) -> None:
    """A read-only table across the page, without the index; a missing text shows as "—"
    (the grid would write the English "None"). Every column gets a width so the table
    fits the page (see ``fitted_config``)."""
    texts = frozenset(name for name in table.columns if _is_text(table[name]))
    table = dash_missing_text(table, texts)
    config = fitted_config(table, column_config, texts=texts)
    options.setdefault("placeholder", MISSING_TEXT)  # not "None" in an empty date or number
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, **options)


def fitted_config(
    table: pd.DataFrame,
    column_config: Mapping | None = None,
    budget: int = TABLE_BUDGET_PX,
    texts: frozenset[str] | None = None,
) -> dict:
    """``column_config`` with a pixel width for every column that has none: without
    one the grid sizes columns to their longest text and cuts the table on the right
    (issue 13). The widths add up to at most ``budget`` (an expander on a 1280-px
    screen); the grid stretches them on wider screens. Long texts end in "…" and show
    whole when the cell is clicked. ``texts``: the text columns, when already known."""
    config = {name: _entry(name, (column_config or {}).get(name)) for name in table.columns}
    extra = {k: v for k, v in (column_config or {}).items() if k not in config}
    widths = {
        name: _natural_width(table[name], entry)
        for name, entry in config.items()
        if entry.get("width") is None
    }
    fixed = sum(_px(entry["width"]) for entry in config.values() if entry.get("width") is not None)
    texts = [name for name in widths if _is_text_column(table, name, texts)]
    over = fixed + sum(widths.values()) - budget
    text_total = sum(widths[name] for name in texts)
    if over > 0 and text_total:
        keep = max(text_total - over, MIN_TEXT_PX * len(texts)) / text_total
        widths.update({name: max(MIN_TEXT_PX, int(widths[name] * keep)) for name in texts})
    for _ in range(3):  # still too wide: narrow every column (headers then end in "…")
        over = fixed + sum(widths.values()) - budget
        wider = {name: width for name, width in widths.items() if width > MIN_PX}
        if over <= 0 or not wider:
            break
        keep = max(sum(wider.values()) - over, 0) / sum(wider.values())
        widths.update({name: max(MIN_PX, int(width * keep)) for name, width in wider.items()})
    return {
        **extra,
        **{name: _with_width(entry, widths.get(name)) for name, entry in config.items()},
    }


def _with_width(entry: dict, width: int | None) -> dict:
    """The entry with its width; a header that may end in "…" shows whole on hover."""
    if width is None:
        return entry
    return {**entry, "width": width, "help": entry.get("help") or entry.get("label")}


def _px(width) -> int:
    return NAMED_WIDTHS.get(width, width) if isinstance(width, str) else int(width)


def _entry(name: str, entry) -> dict:
    if entry is None:
        return {"label": str(name)}
    if isinstance(entry, str):
        return {"label": entry}
    return dict(entry)


def _natural_width(column: pd.Series, entry: dict) -> int:
    """About the width the grid would give: the header or the longest value, capped."""
    header = len(str(entry.get("label") or column.name)) * CHAR_PX + 28
    kind = (entry.get("type_config") or {}).get("type")
    if kind == "link":
        return int(max(header, 70))
    if kind == "progress":
        return int(max(header, 110))
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return int(min(max(header, 60), 120))
    if kind == "datetime" or (pd.api.types.is_datetime64_any_dtype(column) and kind != "date"):
        return int(min(max(header, 140), 160))  # 03.12.2026, 10:15
    if kind == "date":
        return int(min(max(header, 100), 130))
    return int(min(max(header, _longest_text(column) * CHAR_PX + 24), 400))


def _longest_text(column: pd.Series) -> int:
    """Characters in the longest present value (a string column is measured by its own
    string kernel: drawing a table measures every text column at every run)."""
    if pd.api.types.is_string_dtype(column) and column.dtype != object:
        longest = column.str.len().max()
    else:
        longest = column.dropna().astype(str).str.len().max() if len(column) else 0
    return 0 if pd.isna(longest) else int(longest)


def view_key(prefix: str, view: object) -> str:
    """A widget key that follows ``view`` (filters, page): a table's selection (row
    positions) never carries over to other rows."""
    return f"{prefix}_{zlib.crc32(repr(view).encode())}"


def page_picker(
    total: int, page_size: int, key: str, label: Callable[[int], str]
) -> tuple[int, int]:
    """A page picker (widget ``key``, labelled ``label(pages)``) when ``total`` rows need
    more than one table page of ``page_size``; returns (page, pages), pages counted from 1."""
    pages = max(1, math.ceil(total / page_size))
    picked = state.widget(key)
    if pages == 1:
        picked.pop()
        return 1, 1
    if (picked.get(1) or 1) > pages:  # the view shrank
        picked.set(pages)
    number = st.number_input(label(pages), min_value=1, max_value=pages, step=1, key=key)
    return int(number), pages


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


def dash_missing_text(table: pd.DataFrame, texts: frozenset[str] | None = None) -> pd.DataFrame:
    """Missing cells of text columns as "—" (``texts``: the text columns, when known)."""
    gaps = [
        name
        for name in table.columns
        if _is_text_column(table, name, texts) and table[name].hasnans
    ]
    return table.fillna(dict.fromkeys(gaps, MISSING_TEXT)) if gaps else table


def _is_text_column(table: pd.DataFrame, name: str, texts: frozenset[str] | None) -> bool:
    return name in texts if texts is not None else _is_text(table[name])


def _is_text(column: pd.Series) -> bool:
    if column.dtype != object:  # numbers and dates are never looked at value by value
        return pd.api.types.is_string_dtype(column)
    values = column.dropna()
    return len(values) > 0 and all(isinstance(v, str) for v in values)


def date_column(label_key: str) -> st.column_config.DateColumn:
    return st.column_config.DateColumn(web.tr(label_key), format="DD.MM.YYYY")


def wide_text_column(label_key: str) -> st.column_config.TextColumn:
    """A long text (titles, names): sized with the others by ``fitted_config``."""
    return st.column_config.TextColumn(web.tr(label_key))


def count_column(label_key: str) -> st.column_config.NumberColumn:
    """A whole count with thousands grouped as the reader's browser writes them ("28 389"
    in a Polish browser), as the cards above a table write theirs."""
    return st.column_config.NumberColumn(web.tr(label_key), format="localized")


def percent_column(label: str, progress: bool = False):
    """Whole percents of a 0–100 column ("10%", as format_percent and the charts write
    them; Streamlit's own "percent" format writes "10.00%")."""
    if progress:
        return st.column_config.ProgressColumn(
            label, min_value=0, max_value=100, format=PERCENT_FORMAT
        )
    return st.column_config.NumberColumn(label, format=PERCENT_FORMAT)


def as_percents(table: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Shares (0–1) of ``columns`` as whole percents (0–100) for ``percent_column``."""
    return table.assign(**{name: (table[name].astype(float) * 100).round() for name in columns})


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
