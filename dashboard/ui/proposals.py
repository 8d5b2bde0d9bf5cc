"""Widgets of /propozycje: URL-backed filters, facets, the table, the detail and review.

Filters live in the URL with language-independent codes (``?status=accepted``): on the
first run of the page the widgets are filled from the URL, afterwards the URL is
rewritten from the widgets. Review buttons use ``on_click`` callbacks whose arguments
carry the proposal version the person was looking at, so a change made by someone
else in between is refused (``VersionConflict``) instead of overwritten.
"""

from __future__ import annotations

import math
import zlib
from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import web
from dashboard.core.errors import PanelError
from dashboard.core.formatting import format_date, format_datetime
from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.core.privacy import escape_markdown
from dashboard.exports.proposals import FORMATS, build_export
from dashboard.queries import proposals as pq
from dashboard.queries.similar import similar_proposals
from dashboard.services.proposals import (
    allowed_targets,
    bulk_change_status,
    change_status,
    edit_proposal,
    note_required,
)
from dashboard.ui.admin import imports as admin_import
from dashboard.ui.feedback import error_text
from db.models import PARTICIPANT_CATEGORIES, PROPOSAL_SOURCES, PROPOSAL_STATUSES

WIDGET_KEYS = {
    "q": "prop_q",
    "team_slug": "prop_team",
    "subteam_slugs": "prop_subteam",
    "statuses": "prop_status",
    "sources": "prop_source",
    "district_numbers": "prop_district",
    "areas": "prop_area",
    "categories": "prop_category",
    "date_from": "prop_from",
    "date_to": "prop_to",
}
FLASH_KEY = "prop_flash"
TABLE_KEY = "prop_table"
PAGE_KEY = "prop_page"
LAST_SELECTED_KEY = "prop_last_selected"
IMPORT_PREFIX = "prop_import"
IMPORT_ROLES = ("lead", "admin")
DETAIL_PARAM = "id"


def plain(text: str | None) -> str:
    """Database text for st.markdown: every markdown/HTML character shown literally."""
    return escape_markdown(text or "").replace("\n", "  \n")


# --- filters ----------------------------------------------------------------------


def filters_sidebar(options: pq.FilterOptions) -> pq.ProposalFilters:
    """The filter widgets (sidebar), filled from the URL on first show; returns the view."""
    _fill_widgets_from_url(options)
    sidebar = st.sidebar
    sidebar.header(web.tr("proposals.filters"))
    sidebar.text_input(
        web.tr("proposals.filter.q"), key=WIDGET_KEYS["q"], help=web.tr("proposals.filter.q_help")
    )
    teams = dict(options.teams)
    if len(teams) > 1:
        sidebar.selectbox(
            web.tr("common.thematic_team"),
            ["", *teams],
            key=WIDGET_KEYS["team_slug"],
            format_func=lambda slug: teams.get(slug, web.tr("common.all")),
        )
    subteams = dict(options.subteams)
    sidebar.multiselect(
        web.tr("common.subteam"),
        list(subteams),
        key=WIDGET_KEYS["subteam_slugs"],
        format_func=subteams.get,
        placeholder=web.tr("common.all"),
    )
    _code_multiselect(sidebar, "common.status", "statuses", PROPOSAL_STATUSES, "status")
    _code_multiselect(sidebar, "proposals.filter.source", "sources", PROPOSAL_SOURCES, "source")
    districts = dict(options.districts)
    sidebar.multiselect(
        web.tr("common.district"),
        list(districts),
        key=WIDGET_KEYS["district_numbers"],
        format_func=lambda number: f"{number} — {districts[number]}",
        placeholder=web.tr("common.all"),
    )
    sidebar.multiselect(
        web.tr("proposals.filter.area"),
        list(options.areas),
        key=WIDGET_KEYS["areas"],
        placeholder=web.tr("common.all"),
    )
    _code_multiselect(
        sidebar, "proposals.filter.category", "categories", PARTICIPANT_CATEGORIES, "category"
    )
    from_column, to_column = sidebar.columns(2)
    from_column.date_input(
        web.tr("proposals.filter.from"), key=WIDGET_KEYS["date_from"], format="DD.MM.YYYY"
    )
    to_column.date_input(
        web.tr("proposals.filter.to"), key=WIDGET_KEYS["date_to"], format="DD.MM.YYYY"
    )
    sidebar.button(
        web.tr("proposals.filter.reset"), on_click=_reset_filters, icon=":material/filter_alt_off:"
    )
    filters = _filters_from_widgets()
    _write_url(filters)
    return filters


def _code_multiselect(container, label_key: str, field: str, codes, prefix: str) -> None:
    container.multiselect(
        web.tr(label_key),
        list(codes),
        key=WIDGET_KEYS[field],
        format_func=lambda code: web.tr(f"{prefix}.{code}"),
        placeholder=web.tr("common.all"),
    )


def _fill_widgets_from_url(options: pq.FilterOptions) -> None:
    if all(key in st.session_state for key in WIDGET_KEYS.values()):
        return
    from_url = pq.ProposalFilters.from_query_params(st.query_params)
    known = {
        "team_slug": {slug for slug, _ in options.teams} | {""},
        "subteam_slugs": {slug for slug, _ in options.subteams},
        "district_numbers": {number for number, _ in options.districts},
        "areas": set(options.areas),
    }
    for field, key in WIDGET_KEYS.items():
        if key in st.session_state:
            continue
        value = getattr(from_url, field)
        if field in known:  # a value the widget cannot show would break it
            value = (
                [item for item in value if item in known[field]]
                if isinstance(value, tuple)
                else (value if value in known[field] else "")
            )
        elif isinstance(value, tuple):
            value = list(value)
        st.session_state[key] = value


def _filters_from_widgets() -> pq.ProposalFilters:
    state = st.session_state
    return pq.ProposalFilters(
        q=(state[WIDGET_KEYS["q"]] or "").strip(),
        statuses=tuple(state[WIDGET_KEYS["statuses"]]),
        subteam_slugs=tuple(state[WIDGET_KEYS["subteam_slugs"]]),
        sources=tuple(state[WIDGET_KEYS["sources"]]),
        district_numbers=tuple(state[WIDGET_KEYS["district_numbers"]]),
        areas=tuple(state[WIDGET_KEYS["areas"]]),
        categories=tuple(state[WIDGET_KEYS["categories"]]),
        date_from=_as_date(state[WIDGET_KEYS["date_from"]]),
        date_to=_as_date(state[WIDGET_KEYS["date_to"]]),
        team_slug=state.get(WIDGET_KEYS["team_slug"]) or "",
    )


def _as_date(value) -> date | None:
    return value if isinstance(value, date) else None


def _write_url(filters: pq.ProposalFilters) -> None:
    wanted = filters.to_query_params()
    for name in pq.URL_NAMES.values():
        current = st.query_params.get_all(name)
        target = wanted.get(name)
        target_list = target if isinstance(target, list) else ([target] if target else [])
        if current != target_list:
            if target_list:
                st.query_params[name] = target_list if isinstance(target, list) else target
            else:
                del st.query_params[name]


def _reset_filters() -> None:
    for key in WIDGET_KEYS.values():
        st.session_state.pop(key, None)
    for name in (*pq.URL_NAMES.values(), DETAIL_PARAM):
        st.query_params.pop(name, None)
    st.session_state.pop(LAST_SELECTED_KEY, None)
    st.session_state.pop(PAGE_KEY, None)


# --- facets and table -------------------------------------------------------------


def facets(counts: pd.DataFrame) -> None:
    """How many of the current results fall in each status, subteam, okręg and source."""
    st.subheader(web.tr("proposals.facets"))
    titles = {
        "status": "common.status",
        "subteam": "common.subteam",
        "district": "common.district",
        "source": "proposals.filter.source",
    }
    for facet, title_key in titles.items():
        rows = counts[counts["facet"] == facet]
        if rows.empty:
            continue
        lines = [
            f"- {plain(_facet_label(facet, value, label))}: **{count}**"
            for value, label, count in zip(rows["value"], rows["label"], rows["count"], strict=True)
        ]
        st.markdown(f"**{web.tr(title_key)}**\n\n" + "\n".join(lines))


def _facet_label(facet: str, value: str, label: str) -> str:
    if facet in ("status", "source"):
        return web.tr(f"{facet}.{value}")
    if facet == "district":
        return f"{value} — {label}" if value else web.tr("common.city_wide")
    return label


def proposals_table(rows: pd.DataFrame, filters: pq.ProposalFilters, offset: int) -> list[int]:
    """The page of rows, sortable; returns the positions of the selected rows.

    The widget key follows the view, so a selection (row positions) never carries over
    to different rows when the filters or the page change.
    """
    table_key = f"{TABLE_KEY}_{zlib.crc32(repr((filters, offset)).encode())}"
    st.session_state[TABLE_KEY] = table_key
    shown = rows.assign(
        status=rows["status"].map(lambda code: web.tr(f"status.{code}")),
        source=rows["source"].map(lambda code: web.tr(f"source.{code}")),
        district=[
            f"{number} — {name}" if pd.notna(number) else web.tr("common.city_wide")
            for number, name in zip(rows["district_number"], rows["district_name"], strict=True)
        ],
    )
    event = st.dataframe(
        shown,
        key=table_key,
        on_select="rerun",
        selection_mode="multi-row",
        hide_index=True,
        width="stretch",
        column_order=[
            "id",
            "title",
            "status",
            "subteam",
            "source",
            "district",
            "strategic_area",
            "created_at",
        ],
        column_config={
            "id": st.column_config.NumberColumn(web.tr("proposals.col.id"), format="%d"),
            "title": st.column_config.TextColumn(web.tr("proposals.col.title"), width="large"),
            "status": st.column_config.TextColumn(web.tr("common.status")),
            "subteam": st.column_config.TextColumn(web.tr("common.subteam")),
            "source": st.column_config.TextColumn(web.tr("proposals.filter.source")),
            "district": st.column_config.TextColumn(web.tr("common.district")),
            "strategic_area": st.column_config.TextColumn(web.tr("proposals.filter.area")),
            "created_at": st.column_config.DateColumn(
                web.tr("proposals.col.created"), format="DD.MM.YYYY"
            ),
        },
    )
    return list(event.selection.rows) if event is not None else []


def page_offset(total: int) -> int:
    """A page picker when the view has more rows than one table page; returns the offset."""
    pages = max(1, math.ceil(total / pq.PAGE_SIZE))
    if pages == 1:
        st.session_state.pop(PAGE_KEY, None)
        return 0
    if st.session_state.get(PAGE_KEY, 1) > pages:  # the filters shrank the view
        st.session_state[PAGE_KEY] = pages
    number = st.number_input(
        web.tr("proposals.page", pages=pages), min_value=1, max_value=pages, step=1, key=PAGE_KEY
    )
    return (int(number) - 1) * pq.PAGE_SIZE


def detail_id_from_selection(rows: pd.DataFrame, selected: list[int]) -> int | None:
    """One selected row opens its detail (and goes in the URL as ``id``); else the URL's id."""
    if len(selected) == 1:
        proposal_id = int(rows.iloc[selected[0]]["id"])
        st.query_params[DETAIL_PARAM] = str(proposal_id)
        st.session_state[LAST_SELECTED_KEY] = proposal_id
        return proposal_id
    if st.session_state.pop(LAST_SELECTED_KEY, None) is not None:
        st.query_params.pop(DETAIL_PARAM, None)  # the person cleared their selection
        return None
    wanted = st.query_params.get(DETAIL_PARAM, "")
    return int(wanted) if wanted.isdigit() else None


# --- flash messages and writes ----------------------------------------------------


def show_flash() -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        kind, text = flash
        (st.success if kind == "success" else st.error)(text)


def _error_text(error: Exception) -> str:
    if isinstance(error, PermissionDenied):
        return web.tr("proposals.error.permission")
    return error_text(error)


def _attempt(action, success_text: str) -> bool:
    try:
        action()
    except (PanelError, OperationalError) as error:
        st.session_state[FLASH_KEY] = ("error", _error_text(error))
        return False
    st.session_state[FLASH_KEY] = ("success", success_text)
    # Rows may leave the view after a change: drop the selection of row positions.
    st.session_state.pop(st.session_state.get(TABLE_KEY, ""), None)
    return True


# --- detail ----------------------------------------------------------------------


def detail(actor: Actor, proposal_id: int) -> None:
    found = web.query(pq.proposal_detail, proposal_id, actor.sees_personal_data())
    if found is None:
        st.warning(web.tr("proposals.detail.not_found", id=proposal_id))
        return
    st.divider()
    st.subheader(f"{web.tr('proposals.detail.number', id=found.id)} {plain(found.title)}")
    st.markdown(plain(found.description) or web.tr("proposals.detail.no_description"))
    _detail_facts(found)
    _history(proposal_id)
    _similar(proposal_id)
    if actor.can_edit_subteam(found.subteam_id):
        review_controls(found)


def _detail_facts(found: pq.ProposalDetail) -> None:
    district = (
        f"{found.district_number} — {found.district_name}"
        if found.district_number is not None
        else web.tr("common.city_wide")
    )
    author = found.author_name or web.tr("common.none")
    if found.author_email:
        author = f"{author} <{found.author_email}>"
    facts = pd.DataFrame(
        {
            web.tr("proposals.detail.field"): [
                web.tr("common.status"),
                web.tr("common.subteam"),
                web.tr("proposals.filter.source"),
                web.tr("common.district"),
                web.tr("proposals.filter.area"),
                web.tr("proposals.detail.author"),
                web.tr("proposals.col.created"),
                web.tr("proposals.detail.updated"),
            ],
            web.tr("proposals.detail.value"): [
                web.tr(f"status.{found.status}")
                + (
                    f" → nr {found.merged_into_id}"
                    if found.status == "merged" and found.merged_into_id
                    else ""
                ),
                found.subteam_name,
                web.tr(f"source.{found.source}"),
                district,
                found.strategic_area or web.tr("common.none"),
                author,
                format_date(found.created_at),
                format_datetime(found.updated_at),
            ],
        }
    )
    st.dataframe(facts, hide_index=True, width="stretch", key="prop_detail_facts")


def _history(proposal_id: int) -> None:
    st.markdown(f"**{web.tr('proposals.detail.history')}**")
    history = web.query(pq.proposal_history, proposal_id)
    if history.empty:
        st.caption(web.tr("proposals.detail.no_history"))
        return
    for event in history.itertuples():
        change = _event_change(event.from_status, event.to_status)
        line = f"{format_datetime(event.at)} · {plain(event.actor)} · {change}"
        note = f"  \n{plain(event.note)}" if isinstance(event.note, str) and event.note else ""
        st.markdown(f"- {line}{note}")


def _event_change(from_status, to_status) -> str:
    if not isinstance(to_status, str):
        return web.tr("proposals.detail.edited")
    target = web.tr(f"status.{to_status}")
    if not isinstance(from_status, str):
        return web.tr("proposals.detail.created", status=target)
    return f"{web.tr(f'status.{from_status}')} → {target}"


def _similar(proposal_id: int) -> None:
    st.markdown(f"**{web.tr('proposals.similar')}**")
    similar = web.query(similar_proposals, proposal_id)
    if similar.empty:
        st.caption(web.tr("proposals.similar.none"))
        return
    shown = similar.assign(status=similar["status"].map(lambda code: web.tr(f"status.{code}")))
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        key="prop_similar",
        column_order=["score", "id", "title", "subteam", "status"],
        column_config={
            "id": st.column_config.NumberColumn(web.tr("proposals.col.id"), format="%d"),
            "title": st.column_config.TextColumn(web.tr("proposals.col.title")),
            "subteam": st.column_config.TextColumn(web.tr("common.subteam")),
            "status": st.column_config.TextColumn(web.tr("common.status")),
            "score": st.column_config.ProgressColumn(
                web.tr("proposals.similar.score"), min_value=0.0, max_value=1.0, format="%.2f"
            ),
        },
    )


# --- review -----------------------------------------------------------------------


def review_controls(found: pq.ProposalDetail) -> None:
    status_tab, edit_tab = st.tabs(
        [web.tr("proposals.review.status_tab"), web.tr("proposals.review.edit_tab")]
    )
    with status_tab:
        _status_form(found)
    with edit_tab:
        _edit_form(found)


def _status_form(found: pq.ProposalDetail) -> None:
    targets = allowed_targets(found.status)
    if not targets:
        st.caption(web.tr("proposals.review.final"))
        return
    key = f"prop_review_{found.id}"
    target = st.selectbox(
        web.tr("proposals.review.new_status"),
        targets,
        key=f"{key}_status",
        format_func=lambda code: web.tr(f"status.{code}"),
    )
    required = note_required(found.status, target)
    st.text_area(
        web.tr("proposals.review.note_required" if required else "proposals.review.note"),
        key=f"{key}_note",
        max_chars=2000,
    )
    if target == "merged":
        st.number_input(
            web.tr("proposals.review.merge_into"),
            min_value=1,
            step=1,
            value=None,
            key=f"{key}_into",
        )
    st.button(
        web.tr("proposals.review.apply"),
        key=f"{key}_apply",
        type="primary",
        on_click=_on_change_status,
        args=(found.id, found.version, key),
    )


def _on_change_status(proposal_id: int, seen_version: int, key: str) -> None:
    state = st.session_state
    target = state[f"{key}_status"]
    into = state.get(f"{key}_into")
    done = _attempt(
        lambda: change_status(
            web.engine(),
            web.require_actor(),
            proposal_id,
            target,
            state.get(f"{key}_note"),
            seen_version,
            int(into) if into is not None else None,
        ),
        web.tr("proposals.review.changed", id=proposal_id, status=web.tr(f"status.{target}")),
    )
    if done:
        for suffix in ("_status", "_note", "_into"):
            state.pop(f"{key}{suffix}", None)


def _edit_form(found: pq.ProposalDetail) -> None:
    key = f"prop_edit_{found.id}_{found.version}"
    st.text_input(
        web.tr("proposals.col.title"), value=found.title, key=f"{key}_title", max_chars=500
    )
    st.text_area(
        web.tr("proposals.detail.description"), value=found.description, key=f"{key}_description"
    )
    st.text_input(
        web.tr("proposals.filter.area"), value=found.strategic_area or "", key=f"{key}_area"
    )
    st.button(
        web.tr("proposals.review.save"),
        key=f"{key}_save",
        on_click=_on_edit,
        args=(found.id, found.version, key),
    )


def _on_edit(proposal_id: int, seen_version: int, key: str) -> None:
    state = st.session_state
    _attempt(
        lambda: edit_proposal(
            web.engine(),
            web.require_actor(),
            proposal_id,
            seen_version,
            state[f"{key}_title"],
            state[f"{key}_description"],
            state[f"{key}_area"],
        ),
        web.tr("proposals.review.saved", id=proposal_id),
    )


def bulk_controls(actor: Actor, rows: pd.DataFrame, selected: list[int]) -> None:
    """Change the status of every selected row at once (all or nothing)."""
    chosen = rows.iloc[selected]
    editable = [sid for sid in chosen["subteam_id"].unique() if actor.can_edit_subteam(int(sid))]
    if not editable:
        return
    st.subheader(web.tr("proposals.bulk.title", count=web.count_text(len(chosen), "noun.proposal")))
    left, middle, right = st.columns([2, 3, 1], vertical_alignment="bottom")
    left.selectbox(
        web.tr("proposals.review.new_status"),
        PROPOSAL_STATUSES,
        key="prop_bulk_status",
        format_func=lambda code: web.tr(f"status.{code}"),
    )
    middle.text_input(web.tr("proposals.review.note"), key="prop_bulk_note")
    selection = tuple(
        (int(pid), int(version))
        for pid, version in zip(chosen["id"], chosen["version"], strict=True)
    )
    right.button(
        web.tr("proposals.review.apply"),
        key="prop_bulk_apply",
        type="primary",
        on_click=_on_bulk,
        args=(selection,),
    )
    st.caption(web.tr("proposals.bulk.help"))


def _on_bulk(selection: tuple[tuple[int, int], ...]) -> None:
    state = st.session_state
    target = state["prop_bulk_status"]
    _attempt(
        lambda: bulk_change_status(
            web.engine(), web.require_actor(), selection, target, state.get("prop_bulk_note")
        ),
        web.tr(
            "proposals.bulk.changed",
            count=web.count_text(len(selection), "noun.proposal"),
            status=web.tr(f"status.{target}"),
        ),
    )


# --- export -----------------------------------------------------------------------


def export_buttons(actor: Actor, filters: pq.ProposalFilters, total: int) -> None:
    row = st.container(horizontal=True, vertical_alignment="center")
    for file_format in FORMATS:
        row.download_button(
            web.tr(f"proposals.export.{file_format}"),
            data=lambda file_format=file_format: _export_bytes(actor, filters, file_format),
            file_name=f"propozycje.{file_format}",
            mime=FORMATS[file_format],
            key=f"prop_export_{file_format}",
            icon=":material/download:",
            disabled=total == 0,
        )
    if actor.sees_personal_data():
        row.caption(web.tr("proposals.export.personal_note"))


def _export_bytes(actor: Actor, filters: pq.ProposalFilters, file_format: str) -> bytes:
    return build_export(web.engine(), actor, filters, file_format).content


# --- import -----------------------------------------------------------------------


def import_section(actor: Actor) -> None:
    """The proposals import of /admin, here for leads (own subteams) and admins."""
    if actor.role not in IMPORT_ROLES:
        return
    just_imported = f"{IMPORT_PREFIX}_result" in st.session_state
    with st.expander(web.tr("proposals.import.title"), expanded=just_imported):
        admin_import.show_intro(IMPORT_PREFIX)
        if not actor.is_admin:
            st.caption(web.tr("proposals.import.scope"))
        admin_import.proposal_import(actor, IMPORT_PREFIX)
