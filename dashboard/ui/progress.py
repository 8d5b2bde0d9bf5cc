"""Widgets of /postepy and /zespol: URL-kept filters, headline figures, tables and the
milestone forms. Streamlit code only — numbers come from ``dashboard.queries``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import web
from dashboard.core.errors import PanelError
from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor, PermissionDenied
from dashboard.core.progress_rules import PROPOSAL_STAGES, TRAFFIC_ICONS, congress_countdown
from dashboard.queries import changes
from dashboard.queries import progress as pq
from dashboard.queries.scope import Scope
from dashboard.services import milestones as milestone_service
from dashboard.ui.feedback import error_text
from db.engine import now
from db.models import PROPOSAL_STATUSES

AS_OF_PARAM = "na_dzien"
SINCE_PARAM = "od"
TEAM_PARAM = "zespol"
SUBTEAM_PARAM = "podzespol"
EARLIEST_AS_OF = date(2024, 1, 1)
FLASH_KEY = "progress_flash"


def today() -> date:
    return now().date()


# --- filters kept in the URL ---------------------------------------------------


ALL = ""  # the "all" choice; a None option would show as an empty selectbox


def url_select(label: str, param: str, options: dict[str, str], all_label: str) -> str | None:
    """A selectbox over slugs kept in the URL as ``?param=slug`` (language-independent);
    ``None`` means all."""
    key = f"progress_{param}"
    choices = [ALL, *options]
    if key not in st.session_state:
        wanted = st.query_params.get(param)
        st.session_state[key] = wanted if wanted in options else ALL
    elif st.session_state[key] not in choices:
        st.session_state[key] = ALL  # e.g. a subteam outside the newly chosen team
    value = st.selectbox(
        label, choices, key=key, format_func=lambda slug: options.get(slug, all_label)
    )
    if value == ALL:
        st.query_params.pop(param, None)
        return None
    st.query_params[param] = value
    return value


def scope_filters(subteams: pd.DataFrame) -> Scope:
    """Thematic team and subteam selectboxes; the subteam list follows the team."""
    teams = dict(zip(subteams["team_slug"], subteams["team_name"], strict=False))
    team_column, subteam_column = st.columns(2)
    with team_column:
        team_slug = url_select(
            web.tr("common.thematic_team"), TEAM_PARAM, teams, web.tr("progress.filter.all_teams")
        )
    in_team = subteams if team_slug is None else subteams[subteams["team_slug"] == team_slug]
    with subteam_column:
        subteam_slug = url_select(
            web.tr("common.subteam"),
            SUBTEAM_PARAM,
            dict(zip(in_team["slug"], in_team["name"], strict=True)),
            web.tr("progress.filter.all_subteams"),
        )
    team_id = _id_of(subteams, "team_slug", team_slug, "team_id")
    subteam_id = _id_of(subteams, "slug", subteam_slug, "id")
    return Scope.of(team_id, subteam_id)


def _id_of(frame: pd.DataFrame, column: str, slug: str | None, id_column: str) -> int | None:
    if slug is None:
        return None
    return int(frame.loc[frame[column] == slug, id_column].iloc[0])


def _reset_since() -> None:
    """A new as-of date moves the "since" date back to its default, 14 days earlier
    (forgetting the widget's state makes it take its new default, and leaves the URL)."""
    st.session_state.pop(SINCE_PARAM, None)


def date_filters() -> tuple[date, date]:
    """The as-of date (default today) and the "since" date (default 14 days before it),
    both kept in the URL (``?na_dzien=2026-03-01&od=2026-02-15``)."""
    as_of_column, since_column = st.columns(2)
    current_day = today()
    with as_of_column:
        as_of = st.date_input(
            web.tr("progress.filter.as_of"),
            value=current_day,
            min_value=EARLIEST_AS_OF,
            max_value=current_day,
            format="DD.MM.YYYY",
            key=AS_OF_PARAM,
            bind="query-params",
            on_change=_reset_since,
        )
    with since_column:
        since = st.date_input(
            web.tr("progress.filter.since"),
            value=changes.default_since(as_of),
            min_value=EARLIEST_AS_OF,
            max_value=current_day,
            format="DD.MM.YYYY",
            key=SINCE_PARAM,
            bind="query-params",
        )
    if since > as_of:
        st.warning(web.tr("progress.filter.since_after_as_of", date=format_date(as_of)))
        since = as_of
    return as_of, since


# --- headline figures --------------------------------------------------------------


def headline(headline: pq.Headline, congresses: pd.DataFrame, as_of: date) -> None:
    total = headline.subteams
    help_text = web.tr("progress.metric.subteams_help", total=total)
    columns = st.columns(5)
    for column, status, count in zip(
        columns,
        ("on_track", "at_risk", "late"),
        (headline.on_track, headline.at_risk, headline.late),
        strict=False,
    ):
        label = f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.metric.{status}')}"
        column.metric(label, count, help=help_text, border=True)
    columns[3].metric(
        web.tr("progress.metric.milestones"),
        web.tr(
            "progress.metric.of", done=headline.milestones_done, total=headline.milestones_total
        ),
        help=web.tr("progress.metric.milestones_help"),
        border=True,
    )
    _congress_metric(columns[4], congresses, as_of)
    stage_help = web.tr("progress.stage.help", date=format_date(as_of))
    for column, stage in zip(st.columns(4), PROPOSAL_STAGES, strict=True):
        column.metric(
            web.tr(f"progress.stage.{stage}"), headline.stage(stage), help=stage_help, border=True
        )


def _congress_metric(column, congresses: pd.DataFrame, as_of: date) -> None:
    editions = zip(congresses["name"], congresses["starts_on"], congresses["ends_on"], strict=True)
    countdown = congress_countdown(editions, as_of)
    if countdown.kind == "none":
        column.metric(
            web.tr("progress.metric.congress_none"),
            web.tr("progress.metric.congress_unknown"),
            border=True,
        )
        return
    help_text = web.tr(
        "progress.metric.congress_help",
        name=countdown.name,
        start=format_date(countdown.starts_on),
        end=format_date(countdown.ends_on),
    )
    labels = {
        "next": "progress.metric.days_to_congress",
        "last": "progress.metric.days_since_congress",
        "running": "progress.metric.congress_running",
    }
    value = (
        web.tr("progress.metric.congress_today")
        if countdown.kind == "running"
        else web.count_text(countdown.days, "noun.day")
    )
    column.metric(web.tr(labels[countdown.kind]), value, help=help_text, border=True)


# --- tables ------------------------------------------------------------------------


def status_text(status: str) -> str:
    """'🟢 na dobrej drodze': icon and words, so colour is never the only cue."""
    return f"{TRAFFIC_ICONS[status]} {web.tr(f'progress.traffic.{status}')}"


def show_table(table: pd.DataFrame, column_config: dict | None = None) -> None:
    """A read-only table across the page, without the index."""
    st.dataframe(table, hide_index=True, width="stretch", column_config=column_config)


def date_column(label_key: str) -> st.column_config.DateColumn:
    return st.column_config.DateColumn(web.tr(label_key), format="DD.MM.YYYY")


def wide_text_column(label_key: str) -> st.column_config.TextColumn:
    return st.column_config.TextColumn(web.tr(label_key), width="large")


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


def subteam_table(progress: pd.DataFrame) -> None:
    table = pd.DataFrame(
        {
            "status": [status_text(s) for s in progress["status"]],
            "subteam": progress["subteam"],
            "completion": (progress["completion"].astype(float) * 100).round(),
            "milestones": [
                web.tr("progress.metric.of", done=done, total=total)
                for done, total in zip(
                    progress["milestones_done"], progress["milestones_total"], strict=True
                )
            ],
            "overdue": progress["overdue_count"].astype(int),
            "proposals_total": progress["proposals_total"].astype(int),
            "proposals_decided": progress["proposals_decided"].astype(int),
            "last_activity": progress["last_activity"],
        }
    )
    show_table(
        table,
        {
            "status": st.column_config.TextColumn(web.tr("progress.col.status")),
            "subteam": wide_text_column("common.subteam"),
            "completion": st.column_config.ProgressColumn(
                web.tr("progress.col.completion"), min_value=0, max_value=100, format="%d %%"
            ),
            "milestones": st.column_config.TextColumn(web.tr("progress.col.milestones")),
            "overdue": st.column_config.NumberColumn(web.tr("progress.col.overdue")),
            "proposals_total": st.column_config.NumberColumn(
                web.tr("progress.col.proposals_total")
            ),
            "proposals_decided": st.column_config.NumberColumn(
                web.tr("progress.col.proposals_decided")
            ),
            "last_activity": date_column("progress.col.last_activity"),
        },
    )
    st.caption(web.tr("progress.status_rule"))


def pipeline_table(pipeline: pd.DataFrame) -> None:
    """The pipeline chart's numbers, one column per status in workflow order."""
    wide = counts_by_subteam(pipeline, "status", list(PROPOSAL_STATUSES))
    wide.columns = [web.tr(f"status.{status}") for status in wide.columns]
    show_subteam_rows(wide)


def proposal_link(proposal_id: int) -> str:
    """Relative link to a proposal's detail on /propozycje (works under a base URL path)."""
    return f"propozycje?id={int(proposal_id)}"


def _link_column() -> st.column_config.LinkColumn:
    return st.column_config.LinkColumn(
        web.tr("progress.col.link"), display_text=web.tr("progress.col.open_link")
    )


def _proposals_table(columns: dict[str, object], proposal_ids, config: dict) -> None:
    """Proposal rows (``columns`` with subteam and title) and a link to each proposal."""
    table = pd.DataFrame({**columns, "link": [proposal_link(i) for i in proposal_ids]})
    show_table(
        table,
        {
            "subteam": web.tr("common.subteam"),
            "title": wide_text_column("progress.col.title"),
            **config,
            "link": _link_column(),
        },
    )


def new_proposals_table(frame: pd.DataFrame) -> None:
    _proposals_table(
        {
            "created_at": frame["created_at"],
            "subteam": frame["subteam"],
            "title": frame["title"],
            "source": [web.tr(f"source.{s}") for s in frame["source"]],
            "status": [web.tr(f"status.{s}") for s in frame["status"]],
        },
        frame["id"],
        {
            "created_at": date_column("progress.col.created_at"),
            "source": web.tr("progress.col.source"),
            "status": web.tr("common.status"),
        },
    )


def status_changes_table(frame: pd.DataFrame) -> None:
    _proposals_table(
        {
            "at": frame["at"],
            "subteam": frame["subteam"],
            "title": frame["title"],
            "from_status": [web.tr(f"status.{s}") for s in frame["from_status"]],
            "to_status": [web.tr(f"status.{s}") for s in frame["to_status"]],
            "actor": frame["actor"],
        },
        frame["proposal_id"],
        {
            "at": st.column_config.DatetimeColumn(
                web.tr("progress.col.at"), format="DD.MM.YYYY, HH:mm"
            ),
            "from_status": web.tr("progress.col.from_status"),
            "to_status": web.tr("progress.col.to_status"),
            "actor": web.tr("progress.col.actor"),
        },
    )


def milestones_completed_table(frame: pd.DataFrame) -> None:
    show_table(
        frame[["done_on", "subteam", "title", "due_date", "weight"]],
        {
            "done_on": date_column("progress.col.done_on"),
            "subteam": web.tr("common.subteam"),
            "title": wide_text_column("progress.col.milestone"),
            "due_date": date_column("progress.col.due_date"),
            "weight": web.tr("progress.col.weight"),
        },
    )


def since_section(since: date, as_of: date, scope: Scope) -> None:
    st.subheader(web.tr("progress.section.since", date=format_date(since)))
    counts = web.query(changes.since_counts, since, as_of, scope)
    totals = (counts.new_proposals, counts.status_changes, counts.milestones_completed)
    labels = ("progress.since.new", "progress.since.changes", "progress.since.completed")
    for column, label, count in zip(st.columns(3), labels, totals, strict=True):
        column.metric(web.tr(label), count, border=True)
    tabs = st.tabs(
        [f"{web.tr(label)} ({count})" for label, count in zip(labels, totals, strict=True)]
    )
    loaders: tuple[tuple[Callable, Callable], ...] = (
        (changes.new_proposals, new_proposals_table),
        (changes.status_changes, status_changes_table),
        (changes.milestones_completed, milestones_completed_table),
    )
    for tab, total, (loader, render) in zip(tabs, totals, loaders, strict=True):
        with tab:
            if not total:
                st.caption(web.tr("progress.since.empty"))
                continue
            frame = web.query(loader, since, as_of, scope)
            render(frame)
            if len(frame) < total:
                st.caption(web.tr("progress.since.truncated", shown=len(frame), total=total))


# --- milestone changes (leads of their own subteams, admins) ------------------------


def editable_subteams(actor: Actor, progress: pd.DataFrame) -> dict[int, str]:
    """Subteams in view whose milestones ``actor`` may change (id → name)."""
    return {
        int(subteam_id): name
        for subteam_id, name in zip(progress["subteam_id"], progress["subteam"], strict=True)
        if actor.can_edit_subteam(int(subteam_id))
    }


def _attempt(change: Callable[[], object]) -> None:
    """Run one service call; on success rerun with a note, otherwise say why and keep input."""
    try:
        result = change()
    except PermissionDenied:
        st.error(web.tr("progress.edit.denied"))
        return
    except (PanelError, OperationalError) as error:
        st.error(error_text(error))
        return
    if result is False:
        st.info(web.tr("progress.edit.unchanged"))
        return
    st.session_state[FLASH_KEY] = web.tr("progress.edit.saved")
    st.rerun()


def _milestone_label(row: pd.Series) -> str:
    done = (
        web.tr("progress.edit.option_done", date=format_date(row["done_on"]))
        if row["done_on"]
        else ""
    )
    return web.tr(
        "progress.edit.option",
        title=row["title"],
        subteam=row["subteam"],
        due=format_date(row["due_date"]),
        done=done,
    )


def milestone_editor(actor: Actor, subteams: dict[int, str]) -> None:
    st.subheader(web.tr("progress.section.edit"))
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.success(flash)
    st.caption(web.tr("progress.edit.intro", subteams=", ".join(subteams.values())))
    engine = web.engine()
    current = web.query(pq.current_milestones, tuple(sorted(subteams)))
    labels = {int(row["id"]): _milestone_label(row) for _, row in current.iterrows()}
    done_tab, move_tab, add_tab = st.tabs(
        [
            web.tr("progress.edit.done_tab"),
            web.tr("progress.edit.move_tab"),
            web.tr("progress.edit.add_tab"),
        ]
    )
    with done_tab:
        _done_form(engine, actor, labels)
    with move_tab:
        _move_form(engine, actor, labels)
    with add_tab:
        _add_form(engine, actor, subteams)


def _choose(label_key: str, options: dict[int, str], key: str) -> int:
    """A select box of ``options`` (id → label) returning the chosen id."""
    return st.selectbox(web.tr(label_key), list(options), format_func=options.get, key=key)


def _pick_date(label_key: str, value: date, key: str, **bounds: date) -> date:
    return st.date_input(web.tr(label_key), value=value, format="DD.MM.YYYY", key=key, **bounds)


def _done_form(engine, actor: Actor, labels: dict[int, str]) -> None:
    if not labels:
        st.caption(web.tr("progress.edit.none"))
        return
    with st.form("progress_done_form"):
        milestone_id = _choose("progress.edit.milestone", labels, "progress_done_milestone")
        done_on = _pick_date(
            "progress.edit.done_on", today(), "progress_done_on", max_value=today()
        )
        done_column, reopen_column = st.columns(2)
        mark = done_column.form_submit_button(web.tr("progress.edit.mark_done"), type="primary")
        reopen = reopen_column.form_submit_button(web.tr("progress.edit.reopen"))
    if mark:
        _attempt(lambda: milestone_service.mark_done(engine, actor, milestone_id, done_on))
    elif reopen:
        _attempt(lambda: milestone_service.reopen(engine, actor, milestone_id))


def _move_form(engine, actor: Actor, labels: dict[int, str]) -> None:
    if not labels:
        st.caption(web.tr("progress.edit.none"))
        return
    with st.form("progress_move_form"):
        milestone_id = _choose("progress.edit.milestone", labels, "progress_move_milestone")
        new_due = _pick_date(
            "progress.edit.new_due",
            today() + timedelta(days=14),
            "progress_new_due",
            min_value=EARLIEST_AS_OF,
        )
        move = st.form_submit_button(web.tr("progress.edit.move"), type="primary")
    if move:
        _attempt(lambda: milestone_service.move_due_date(engine, actor, milestone_id, new_due))


def _add_form(engine, actor: Actor, subteams: dict[int, str]) -> None:
    with st.form("progress_add_form"):
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
        _attempt(
            lambda: milestone_service.add_milestone(
                engine, actor, subteam_id, title, due, int(weight)
            )
        )
