"""The milestone forms of /postepy: mark done or reopen, move the due date, add one.
Shown to leads (their own subteams) and admins; the services check again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor
from dashboard.queries import progress as pq
from dashboard.services import milestones as milestone_service
from dashboard.ui import feedback
from dashboard.ui.progress.dates import EARLIEST_AS_OF, today
from dashboard.ui.sections import in_open_tab, lazy_tabs
from dashboard.web import state

EDIT_TABS = ("done", "move", "add")  # progress.edit.<tab>_tab
EDIT_TABS_KEY = "progress_edit_tab"  # only the open form runs


def editable_subteams(actor: Actor, progress: pd.DataFrame) -> dict[int, str]:
    """Subteams in view whose milestones ``actor`` may change (id → name)."""
    return {
        int(subteam_id): name
        for subteam_id, name in zip(progress["subteam_id"], progress["subteam"], strict=True)
        if actor.can_edit_subteam(int(subteam_id))
    }


def _save(change: Callable[[], object]) -> None:
    """Run one service call; on success rerun with a note, otherwise say why and keep input."""
    outcome = feedback.run_write(change, denied_key="progress.edit.denied")
    if not outcome.ok:
        return
    if outcome.value is False:
        st.info(web.tr("progress.edit.unchanged"))
        return
    feedback.flash(state.FLASH_MILESTONES, web.tr("progress.edit.saved"))
    st.rerun()


def _milestone_label(row) -> str:
    """The choice's text, title (subteam, due date), of one ``current_milestones`` row
    (a named tuple from ``itertuples``)."""
    done = web.tr("progress.edit.option_done", date=format_date(row.done_on)) if row.done_on else ""
    return web.tr(
        "progress.edit.option",
        title=row.title,
        subteam=row.subteam,
        due=format_date(row.due_date),
        done=done,
    )


def milestone_editor(actor: Actor, subteams: dict[int, str]) -> None:
    st.subheader(web.tr("progress.section.edit"))
    feedback.show_flash(state.FLASH_MILESTONES)
    st.caption(web.tr("progress.edit.intro", subteams=", ".join(subteams.values())))
    engine = web.engine()
    current = web.query(pq.current_milestones, tuple(sorted(subteams)))
    labels = {int(row.id): _milestone_label(row) for row in current.itertuples(index=False)}
    done_tab, move_tab, add_tab = lazy_tabs(
        [web.tr(f"progress.edit.{tab}_tab") for tab in EDIT_TABS], EDIT_TABS_KEY
    )
    for tab, form in ((done_tab, _done_form), (move_tab, _move_form)):
        in_open_tab(tab, partial(_existing_form, form, engine, actor, labels))
    in_open_tab(add_tab, partial(_add_form, engine, actor, subteams))


def _existing_form(form: Callable, engine, actor: Actor, labels: dict[int, str]) -> None:
    """A form about the existing milestones (``labels``: id → label), or a note that none is."""
    if labels:
        form(engine, actor, labels)
    else:
        st.caption(web.tr("progress.edit.none"))


def _choose(label_key: str, options: dict[int, str], key: str) -> int:
    """A select box of ``options`` (id → label) returning the chosen id."""
    return st.selectbox(web.tr(label_key), list(options), format_func=options.get, key=key)


def _pick_date(label_key: str, value: date, key: str, **bounds: date) -> date:
    return st.date_input(web.tr(label_key), value=value, format="DD.MM.YYYY", key=key, **bounds)


def _done_form(engine, actor: Actor, labels: dict[int, str]) -> None:
    with st.form("progress_done_form", enter_to_submit=False):
        milestone_id = _choose("progress.edit.milestone", labels, "progress_done_milestone")
        done_on = _pick_date(
            "progress.edit.done_on", today(), "progress_done_on", max_value=today()
        )
        done_column, reopen_column = st.columns(2)
        mark = done_column.form_submit_button(web.tr("progress.edit.mark_done"), type="primary")
        reopen = reopen_column.form_submit_button(web.tr("progress.edit.reopen"))
    if mark:
        _save(lambda: milestone_service.mark_done(engine, actor, milestone_id, done_on))
    elif reopen:
        _save(lambda: milestone_service.reopen(engine, actor, milestone_id))


def _move_form(engine, actor: Actor, labels: dict[int, str]) -> None:
    with st.form("progress_move_form", enter_to_submit=False):
        milestone_id = _choose("progress.edit.milestone", labels, "progress_move_milestone")
        new_due = _pick_date(
            "progress.edit.new_due",
            today() + timedelta(days=14),
            "progress_new_due",
            min_value=EARLIEST_AS_OF,
        )
        move = st.form_submit_button(web.tr("progress.edit.move"), type="primary")
    if move:
        _save(lambda: milestone_service.move_due_date(engine, actor, milestone_id, new_due))


def _add_form(engine, actor: Actor, subteams: dict[int, str]) -> None:
    with st.form("progress_add_form", enter_to_submit=False):
        subteam_id = _choose("progress.edit.subteam", subteams, "progress_add_subteam")
        title = st.text_input(
            web.tr("progress.edit.title"),
            max_chars=milestone_service.TITLE_MAX_LENGTH,
            key="progress_add_title",
        )
        due = _pick_date(
            "progress.edit.due",
            today() + timedelta(days=30),
            "progress_add_due",
            min_value=EARLIEST_AS_OF,
        )
        low, high = milestone_service.WEIGHT_RANGE
        weight = st.number_input(
            web.tr("progress.edit.weight"),
            min_value=low,
            max_value=high,
            value=1,
            step=1,
            key="progress_add_weight",
        )
        add = st.form_submit_button(web.tr("progress.edit.add"), type="primary")
    if add:
        _save(
            lambda: milestone_service.add_milestone(
                engine, actor, subteam_id, title, due, int(weight)
            )
        )
