"""Changing proposals on /propozycje: the status and edit forms of one proposal, and the
status change of several selected rows at once.

Buttons use ``on_click`` callbacks whose arguments carry the proposal version the
person was looking at, so a change made by someone else in between is refused
(``VersionConflict``) instead of overwritten. The outcome is a flash message shown at
the top of the page in the run that follows.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.queries import proposals as pq
from dashboard.services.proposals import (
    allowed_targets,
    bulk_change_status,
    change_status,
    edit_proposal,
    note_required,
)
from dashboard.ui import feedback
from dashboard.web import state
from db.models import PROPOSAL_STATUSES

BULK_STATUS_KEY = "prop_bulk_status"
BULK_NOTE_KEY = "prop_bulk_note"


def show_flash() -> None:
    feedback.show_flash(state.FLASH_PROPOSALS)


def _attempt(action: Callable[[], object], success_text: str) -> bool:
    outcome = feedback.attempt(action, denied_key="proposals.error.permission")
    if not outcome.ok:
        feedback.flash(state.FLASH_PROPOSALS, outcome.problem, "error")
        return False
    feedback.flash(state.FLASH_PROPOSALS, success_text)
    # Rows may leave the view after a change: drop the selection of row positions.
    state.clear_proposal_selection()
    return True


def _status_label(code: str) -> str:
    return web.tr(f"status.{code}")


def review_controls(found: pq.ProposalDetail) -> None:
    status_tab, edit_tab = st.tabs(
        [web.tr("proposals.review.status_tab"), web.tr("proposals.review.edit_tab")]
    )
    with status_tab:
        _status_form(found)
    with edit_tab:
        _edit_form(found)
    show_flash()  # the outcome right under the tab's button


def _status_form(found: pq.ProposalDetail) -> None:
    targets = allowed_targets(found.status)
    if not targets:
        st.caption(web.tr("proposals.review.final"))
        return
    key = f"prop_review_{found.id}"
    status_change_fields(found, targets, key)
    st.button(
        web.tr("proposals.review.apply"),
        key=f"{key}_apply",
        type="primary",
        on_click=_on_change_status,
        args=(found.id, found.version, key),
    )


def status_change_fields(found: pq.ProposalDetail, targets: tuple[str, ...], key: str) -> None:
    """The new status, the note (required for some moves) and, for a merge, the target id;
    widgets keyed ``{key}_status``, ``{key}_note`` and ``{key}_into``."""
    target = st.selectbox(
        web.tr("proposals.review.new_status"),
        targets,
        key=f"{key}_status",
        format_func=_status_label,
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


def _on_change_status(proposal_id: int, seen_version: int, key: str) -> None:
    status, note, into = (state.widget(f"{key}{part}") for part in ("_status", "_note", "_into"))
    target = status.get()
    merge_into = into.get()
    done = _attempt(
        lambda: change_status(
            web.engine(),
            web.require_actor(),
            proposal_id,
            target,
            note.get(),
            seen_version,
            int(merge_into) if merge_into is not None else None,
        ),
        web.tr("proposals.review.changed", id=proposal_id, status=_status_label(target)),
    )
    if done:
        for slot in (status, note, into):
            slot.pop()


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
    title, description, area = (
        state.widget(f"{key}{part}").get() for part in ("_title", "_description", "_area")
    )
    _attempt(
        lambda: edit_proposal(
            web.engine(), web.require_actor(), proposal_id, seen_version, title, description, area
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
        key=BULK_STATUS_KEY,
        format_func=_status_label,
    )
    middle.text_input(web.tr("proposals.review.note"), key=BULK_NOTE_KEY)
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
    show_flash()
    st.caption(web.tr("proposals.bulk.help"))


def _on_bulk(selection: tuple[tuple[int, int], ...]) -> None:
    target = state.widget(BULK_STATUS_KEY).get()
    note = state.widget(BULK_NOTE_KEY).get()
    _attempt(
        lambda: bulk_change_status(web.engine(), web.require_actor(), selection, target, note),
        web.tr(
            "proposals.bulk.changed",
            count=web.count_text(len(selection), "noun.proposal"),
            status=_status_label(target),
        ),
    )
