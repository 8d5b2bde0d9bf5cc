"""'Moja kolejka': a lead's proposals awaiting a decision, most urgent first, with the
detail beside the list — assign, answer the author, decide — and every message under
the button that caused it. A change starts a fresh, empty selection of rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor
from dashboard.queries import proposals as pq
from dashboard.queries import queue as qq
from dashboard.services import queue as queue_service
from dashboard.services.proposals import allowed_targets, change_status
from dashboard.ui import feedback
from dashboard.ui.markdown import plain
from dashboard.ui.proposals.review import status_change_fields
from dashboard.ui.tables import fitted_config, page_picker, selectable_table, view_key
from dashboard.web import state
from dashboard.web.state import Flash

NOBODY = 0  # the assignee choice "nobody" (user ids start at 1)
PAGE_KEY = "queue_page"  # the page picker of the list
# The list column is 5/8 of the page: about 497 px at 1280×720 with the sidebar open.
# Long titles end in "…" there and show whole in the detail beside the list.
QUEUE_TABLE_PX = 458  # less the tick-box column


def queue_page(actor: Actor) -> None:
    subteam_ids = qq.queue_subteams(actor)
    total = web.query(qq.queue_size, subteam_ids)
    users = web.query(qq.assignable_users, subteam_ids)
    st.caption(web.tr("queue.intro", count=web.count_text(total, "noun.proposal")))
    list_column, detail_column = st.columns([5, 3], gap="medium")
    with list_column:
        page = _page(total)
        rows = web.query(qq.lead_queue, subteam_ids, qq.PAGE_SIZE, (page - 1) * qq.PAGE_SIZE)
        selected = _table(rows) if not rows.empty else []
        if rows.empty:
            st.info(web.tr("queue.empty"))
    chosen = rows.iloc[selected]
    if len(chosen) == 1:
        state.QUEUE_OPEN.set(int(chosen["id"].iloc[0]))
    with detail_column:
        _message("bulk")
        if len(chosen) > 1:
            _bulk_form(chosen, users)
            return
        open_id = state.QUEUE_OPEN.get()
        if open_id is None:
            st.info(web.tr("queue.pick"))
            return
        _detail(actor, int(open_id), users)


def _page(total: int) -> int:
    """The table page to show (a lead's queue can be longer than one page)."""

    def label(pages: int) -> str:
        return web.tr("queue.page", pages=pages, size=qq.PAGE_SIZE)

    return page_picker(total, qq.PAGE_SIZE, PAGE_KEY, label)[0]


def _table(rows: pd.DataFrame) -> list[int]:
    ids = tuple(int(i) for i in rows["id"])
    key = view_key(f"queue_table_{state.QUEUE_ROUND.get(0)}", ids)
    shown = rows.assign(
        status=web.tr_each("status", rows["status"]),
        assignee=rows["assignee"].fillna("—"),
        response_due=["—" if pd.isna(due) else format_date(due) for due in rows["response_due"]],
    )
    # The subteam is named in the detail beside the list: here the title needs the room.
    order = ["response_due", "id", "title", "status", "assignee"]
    column = st.column_config
    config = {
        "response_due": column.TextColumn(
            web.tr("queue.col.due_short"), help=web.tr("queue.col.due"), width=84
        ),
        "id": column.NumberColumn(web.tr("proposals.col.id"), format="%d", width=48),
        "title": column.TextColumn(web.tr("proposals.col.title")),
        "status": column.TextColumn(web.tr("common.status"), width=100),
        "assignee": column.TextColumn(
            web.tr("queue.col.assignee_short"), help=web.tr("queue.col.assignee"), width=90
        ),
    }
    selected = selectable_table(
        shown,
        key,
        "multi-row",
        height=min(38 + 35 * len(rows), 600),
        column_order=order,
        column_config=fitted_config(shown[order], config, budget=QUEUE_TABLE_PX),
    )
    st.caption(web.tr("queue.table_help"))
    return selected


# --- messages next to the action ----------------------------------------------------


def _message(place: str) -> None:
    current = state.QUEUE_MESSAGE.get()
    if current is None or current[0] != place:
        return
    state.QUEUE_MESSAGE.pop()
    flash = current[1]
    (st.success if flash.kind == "success" else st.error)(flash.text)


def _attempt(place: str, action: Callable[[], object], success: str) -> bool:
    outcome = feedback.attempt(action, denied_key="proposals.error.permission")
    if not outcome.ok:
        state.QUEUE_MESSAGE.set((place, Flash(outcome.problem or "", "error")))
        return False
    state.QUEUE_MESSAGE.set((place, Flash(success)))
    state.QUEUE_ROUND.set(state.QUEUE_ROUND.get(0) + 1)  # a fresh, empty selection
    return True


# --- one proposal ---------------------------------------------------------------------


def _detail(actor: Actor, proposal_id: int, users: pd.DataFrame) -> None:
    item = web.query(qq.queue_item, proposal_id)
    found = web.query(pq.proposal_detail, proposal_id, None)
    if item.empty or found is None:
        st.warning(web.tr("proposals.detail.not_found", id=proposal_id))
        return
    row = item.iloc[0]
    with st.container(border=True):
        st.markdown(f"**{web.tr('proposals.detail.number', id=proposal_id)} {plain(found.title)}**")
        st.caption(
            " · ".join(
                [
                    web.tr(f"status.{found.status}"),
                    found.subteam_name,
                    web.tr("queue.created", date=format_date(found.created_at)),
                ]
            )
        )
        with st.expander(web.tr("queue.description"), expanded=False):
            st.markdown(plain(found.description) or web.tr("proposals.detail.no_description"))
        st.button(web.tr("queue.close"), key="queue_close", on_click=state.QUEUE_OPEN.pop)
    if not actor.can_edit_subteam(int(row["subteam_id"])):
        st.caption(web.tr("proposals.error.permission"))
        return
    prefix = f"queue_{proposal_id}_{int(row['version'])}"
    subteam_users = users[users["subteam_id"] == int(row["subteam_id"])]
    _assign_form(row, subteam_users, prefix)
    _answer_form(row, prefix)
    _decide_form(found, prefix)


def _user_choices(users: pd.DataFrame) -> dict[int, str]:
    names = dict(zip(users["id"].astype(int), users["display_name"], strict=True))
    return {NOBODY: web.tr("queue.nobody"), **names}


def _assign_form(row: pd.Series, users: pd.DataFrame, prefix: str) -> None:
    choices = _user_choices(users)
    current = int(row["assignee_id"]) if pd.notna(row["assignee_id"]) else NOBODY
    due = None if pd.isna(row["response_due"]) else row["response_due"]  # NaT is a date too
    with st.container(border=True):
        st.markdown(f"**{web.tr('queue.assign.title')}**")
        st.selectbox(
            web.tr("queue.col.assignee"),
            list(choices),
            index=list(choices).index(current) if current in choices else 0,
            format_func=choices.get,
            key=f"{prefix}_assignee",
        )
        st.date_input(web.tr("queue.col.due"), value=due, format="DD.MM.YYYY", key=f"{prefix}_due")
        st.button(
            web.tr("queue.assign.save"),
            key=f"{prefix}_assign",
            on_click=_on_assign,
            args=(((int(row["id"]), int(row["version"])),), prefix, f"{int(row['id'])}:assign"),
        )
        _message(f"{int(row['id'])}:assign")


def _on_assign(selection: tuple[tuple[int, int], ...], prefix: str, place: str) -> None:
    choice = state.widget(f"{prefix}_assignee").get()
    due = state.widget(f"{prefix}_due").get()
    _attempt(
        place,
        lambda: queue_service.assign(
            web.engine(),
            web.require_actor(),
            selection,
            None if not choice else int(choice),
            due if isinstance(due, date) else None,
        ),
        web.tr("queue.assign.saved", count=web.count_text(len(selection), "noun.proposal")),
    )


def _answer_form(row: pd.Series, prefix: str) -> None:
    proposal_id, version = int(row["id"]), int(row["version"])
    current = row["public_answer"] if isinstance(row["public_answer"], str) else ""
    with st.container(border=True):
        st.text_area(
            web.tr("queue.answer.label"),
            value=current,
            max_chars=queue_service.MAX_ANSWER,
            key=f"{prefix}_answer",
            help=web.tr("queue.answer.help"),
        )
        st.button(
            web.tr("queue.answer.save"),
            key=f"{prefix}_answer_save",
            on_click=_on_answer,
            args=(proposal_id, version, prefix),
        )
        _message(f"{proposal_id}:answer")


def _on_answer(proposal_id: int, version: int, prefix: str) -> None:
    text = state.widget(f"{prefix}_answer").get()
    _attempt(
        f"{proposal_id}:answer",
        lambda: queue_service.answer(web.engine(), web.require_actor(), proposal_id, version, text),
        web.tr("queue.answer.saved", id=proposal_id),
    )


def _decide_form(found: pq.ProposalDetail, prefix: str) -> None:
    targets = allowed_targets(found.status)
    with st.container(border=True):
        st.markdown(f"**{web.tr('queue.decide.title')}**")
        if not targets:
            st.caption(web.tr("proposals.review.final"))
            _message(f"{found.id}:decide")
            return
        status_change_fields(found, targets, prefix)
        st.button(
            web.tr("queue.decide.save"),
            key=f"{prefix}_decide",
            type="primary",
            on_click=_on_decide,
            args=(found.id, found.version, prefix),
        )
        _message(f"{found.id}:decide")


def _on_decide(proposal_id: int, version: int, prefix: str) -> None:
    target = state.widget(f"{prefix}_status").get()
    note = state.widget(f"{prefix}_note").get()
    into = state.widget(f"{prefix}_into").get()
    _attempt(
        f"{proposal_id}:decide",
        lambda: change_status(
            web.engine(),
            web.require_actor(),
            proposal_id,
            target,
            note,
            version,
            int(into) if into is not None else None,
        ),
        web.tr("proposals.review.changed", id=proposal_id, status=web.tr(f"status.{target}")),
    )


# --- several proposals at once ------------------------------------------------------------


def _bulk_form(chosen: pd.DataFrame, users: pd.DataFrame) -> None:
    subteams = set(chosen["subteam_id"].astype(int))
    # Only people of every chosen subteam can take them all.
    common = [
        user_id
        for user_id, group in users.groupby("id")
        if subteams <= set(group["subteam_id"].astype(int))
    ]
    choices = _user_choices(users[users["id"].isin(common)].drop_duplicates("id"))
    selection = tuple(
        (int(pid), int(version))
        for pid, version in zip(chosen["id"], chosen["version"], strict=True)
    )
    with st.container(border=True):
        st.subheader(web.tr("queue.bulk.title", count=web.count_text(len(chosen), "noun.proposal")))
        st.selectbox(
            web.tr("queue.col.assignee"),
            list(choices),
            format_func=choices.get,
            key="queue_bulk_assignee",
        )
        st.date_input(
            web.tr("queue.col.due"), value=None, format="DD.MM.YYYY", key="queue_bulk_due"
        )
        st.button(
            web.tr("queue.bulk.save"),
            key="queue_bulk_save",
            type="primary",
            on_click=_on_assign,
            args=(selection, "queue_bulk", "bulk"),
        )
        st.caption(web.tr("queue.bulk.help"))
