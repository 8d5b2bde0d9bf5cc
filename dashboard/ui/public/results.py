"""/wyniki sections: the summary per Congress edition, an okręg beside the city, the list
with a detail of the chosen row, and the open-data downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.charts import public as charts
from dashboard.core.formatting import format_date, format_datetime
from dashboard.exports import public as open_data
from dashboard.i18n import format_int, format_percent
from dashboard.queries import public as pq
from dashboard.ui.charts import recipe, show_chart
from dashboard.ui.public.filters import PAGE_KEY
from dashboard.ui.tables import page_picker, selectable_table, show_table, view_key

EMPTY = "—"
TABLE_COLUMNS = (
    "id", "title", "status", "subteam", "okreg", "source", "submitted_at",
    "last_decision_at", "public_answer",
)  # fmt: skip


def outcome_label(code: str) -> str:
    return web.tr(f"public.outcome.{code}")


def summary(frame: pd.DataFrame) -> None:
    """Per Congress edition: a chart, one sentence per edition and the same as a table."""
    st.subheader(web.tr("public.summary.heading"))
    if frame.empty:
        st.info(web.tr("public.summary.none"))
        return
    show_chart(recipe(charts.outcomes_by_edition_chart, frame, web.lang()), "wyniki-edycje")
    wide = outcomes_wide(frame, "edition")
    for edition, row in wide.iterrows():
        parts = ", ".join(
            f"{outcome_label(code)}: {format_int(int(row[code]))}"
            for code in pq.OUTCOMES
            if row[code]
        )
        total = web.count_text(int(row.sum()), "noun.proposal")
        st.markdown(web.tr("public.summary.sentence", edition=edition, total=total, parts=parts))
    with st.expander(web.tr("public.summary.text_heading")):
        table = wide.assign(total=wide.sum(axis=1)).reset_index()
        table.columns = [
            web.tr("public.summary.edition"),
            *(outcome_label(code) for code in pq.OUTCOMES),
            web.tr("public.summary.total"),
        ]
        table[web.tr("public.summary.edition")] = table[web.tr("public.summary.edition")].astype(
            str
        )
        show_table(table)


def outcomes_wide(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """One row per ``key`` value (sorted), one column of counts per outcome in
    ``pq.OUTCOMES`` order. Summed in Python: a dozen rows, and ``pivot_table`` spent
    2.5 ms on them at every run of /wyniki, an eighth of a run with fifty tabs open."""
    counts: dict = {}
    for value, outcome, count in zip(
        frame[key].tolist(), frame["outcome"].tolist(), frame["count"].tolist(), strict=True
    ):
        row = counts.setdefault(value, dict.fromkeys(pq.OUTCOMES, 0))
        if outcome in row:
            row[outcome] += int(count)
    rows = [counts[value] for value in sorted(counts)]
    index = pd.Index(sorted(counts), name=key)
    return pd.DataFrame(rows, index=index, columns=list(pq.OUTCOMES), dtype=int)


def okreg_comparison(frame: pd.DataFrame, number: int, name: str) -> None:
    st.subheader(web.tr("public.okreg.heading", number=number, name=name))
    okreg_label = web.tr("public.okreg.this", number=number)
    show_chart(
        recipe(charts.okreg_vs_city_chart, frame, okreg_label, web.lang()), f"wyniki-okreg-{number}"
    )
    shown = pd.DataFrame(
        {
            web.tr("public.outcome"): [outcome_label(code) for code in pq.OUTCOMES],
            **{
                f"{title} — {web.tr(metric_key)}": [
                    _cell(frame, area, code, column) for code in pq.OUTCOMES
                ]
                for area, title in (("okreg", okreg_label), ("city", web.tr("public.okreg.city")))
                for column, metric_key in (
                    ("count", "public.okreg.count"),
                    ("share", "public.okreg.share"),
                )
            },
        }
    )
    show_table(shown)


def _cell(frame: pd.DataFrame, area: str, outcome: str, column: str) -> str:
    match = frame[(frame["area"] == area) & (frame["outcome"] == outcome)]
    value = match[column].iloc[0] if not match.empty else 0
    return format_percent(float(value)) if column == "share" else format_int(int(value))


def page_offset(total: int) -> tuple[int, int]:
    """A page picker when the view is longer than a page; returns (page, pages)."""
    return page_picker(total, pq.PAGE_SIZE, PAGE_KEY, lambda _pages: web.tr("public.page"))


def proposals_table(rows: pd.DataFrame, filters: pq.PublicFilters, page: int) -> int | None:
    """The page of rows; returns the position of the chosen row, if any."""
    shown = rows.assign(
        status=web.tr_each("status", rows["status"]),
        source=web.tr_each("source", rows["source"]),
        okreg=[
            f"{number} — {name}" if pd.notna(number) else EMPTY
            for number, name in zip(rows["okreg_number"], rows["okreg_name"], strict=True)
        ],
        public_answer=rows["public_answer"].map(lambda text: text or EMPTY),
    )
    chosen = selectable_table(
        shown,
        view_key("pub_table", (filters, page)),
        "single-row",
        column_order=TABLE_COLUMNS,
        column_config=_column_config(),
    )
    return chosen[0] if chosen else None


def _column_config() -> dict:
    text = st.column_config.TextColumn
    date = st.column_config.DateColumn
    return {
        "id": st.column_config.NumberColumn(web.tr("public.col.id"), format="%d"),
        "title": text(web.tr("public.col.title"), width="large"),
        "status": text(web.tr("public.col.status")),
        "subteam": text(web.tr("public.col.subteam")),
        "okreg": text(web.tr("public.col.okreg")),
        "source": text(web.tr("public.col.source")),
        "submitted_at": date(web.tr("public.col.submitted"), format="DD.MM.YYYY"),
        "last_decision_at": date(web.tr("public.col.decided"), format="DD.MM.YYYY"),
        "public_answer": text(web.tr("public.col.answer"), width="large"),
    }


def detail(row: pd.Series) -> None:
    """The chosen proposal in full: plain text, nothing about its author."""
    with st.container(border=True):
        st.subheader(f"{row['id']}. {row['title']}", anchor=False)
        facts = [
            (web.tr("public.col.status"), web.tr(f"status.{row['status']}")),
            (web.tr("public.col.subteam"), row["subteam"]),
            (web.tr("public.col.source"), web.tr(f"source.{row['source']}")),
            (web.tr("public.col.submitted"), format_date(row["submitted_at"].date())),
            (
                web.tr("public.col.decided"),
                format_date(row["last_decision_at"].date())
                if pd.notna(row["last_decision_at"])
                else EMPTY,
            ),
        ]
        if pd.notna(row["okreg_number"]):
            facts.insert(
                2, (web.tr("public.col.okreg"), f"{row['okreg_number']} — {row['okreg_name']}")
            )
        for label, value in facts:
            st.text(f"{label}: {value}")
        st.markdown(f"**{web.tr('public.col.answer')}**")
        st.text(row["public_answer"] or EMPTY)
        st.markdown(f"**{web.tr('public.col.description')}**")
        st.text(row["description"] or web.tr("public.detail.no_description"))


def downloads(filters: pq.PublicFilters, total: int) -> None:
    """CSV and JSON of the whole view, built only when clicked."""
    st.subheader(web.tr("public.download.heading"))
    as_of = web.data_as_of()
    st.caption(
        web.tr(
            "public.download.note",
            count=web.count_text(total, "noun.proposal"),
            when=format_datetime(as_of),
        )
    )
    csv_column, json_column, _ = st.columns([1, 1, 2])
    for column, file_format in ((csv_column, "csv"), (json_column, "json")):
        column.download_button(
            web.tr(f"public.download.{file_format}"),
            data=lambda file_format=file_format: _file(filters, file_format, as_of).content,
            file_name=f"wyniki_{as_of.strftime('%Y-%m-%d_%H%M')}.{file_format}",
            mime=open_data.FORMATS[file_format],
            key=f"pub_download_{file_format}",
            icon=":material/download:",
            on_click="ignore",
        )


def _file(filters: pq.PublicFilters, file_format: str, as_of) -> open_data.OpenDataFile:
    rows = web.query(pq.public_proposals, filters, None)
    return open_data.render(open_data.open_data_frame(rows), filters, as_of, file_format)
