"""Mapping the values an import did not recognise, once, on /admin.

Below a checked file's problems, each unrecognised value (an okręg, a source, a
workshop...) gets a choice of what it means, preselected with the suggestion when there
is one; saving remembers the choices (``services.import_mappings``) and checks the file
again, so the next file with the same value is read the same way. The saved mappings
are listed under the import section.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.i18n import format_int
from dashboard.importers import ImportReport
from dashboard.importers.report import Unmatched, rows_text
from dashboard.queries.import_mappings import import_mappings
from dashboard.services.import_mappings import save_mapping
from dashboard.ui import feedback
from dashboard.ui.tables import show_table
from dashboard.web import state

LEAVE = ""  # the choice that maps nothing


def offer(
    actor: Actor,
    report: ImportReport,
    edition: int | None,
    prefix: str,
    check_again: Callable[[], None],
) -> None:
    """One choice per unrecognised value and a button that remembers the choices."""
    if not actor.is_admin or not report.unmatched:
        return
    targets = dict(report.targets)
    st.subheader(web.tr("imports.mapping.heading"))
    st.caption(web.tr("imports.mapping.help"))
    chosen: list[tuple[Unmatched, str]] = []
    for number, item in enumerate(report.unmatched):
        options = [LEAVE, *(target for target, _name in targets.get(item.kind, ()))]
        names = dict(targets.get(item.kind, ()))
        default = options.index(item.suggestion) if item.suggestion in options else 0
        choice = st.selectbox(
            web.tr(
                "imports.mapping.choose",
                value=item.value,
                column=item.column,
                rows=rows_text(item.rows, web.lang()),
            ),
            options,
            index=default,
            format_func=lambda target, names=names: (
                web.tr("imports.mapping.leave") if target == LEAVE else names[target]
            ),
            key=f"{prefix}_map_{number}",
        )
        chosen.append((item, choice))
    if st.button(web.tr("imports.mapping.save"), key=f"{prefix}_map_save"):
        picked = [(item, target) for item, target in chosen if target]
        if _save(actor, picked, edition, prefix):
            check_again()


def _save(
    actor: Actor, chosen: list[tuple[Unmatched, str]], edition: int | None, prefix: str
) -> int:
    """Saves the chosen mappings; how many were saved (a refusal is shown here)."""
    if not chosen:
        st.info(web.tr("imports.mapping.none_chosen"))
        return 0
    saved = 0
    for item, target in chosen:
        outcome = feedback.run_write(
            lambda item=item, target=target: save_mapping(
                web.engine(), actor, item.kind, item.value, target, edition=edition
            )
        )
        saved += outcome.ok
    if saved:
        feedback.flash(
            state.import_result(prefix),
            web.tr("imports.mapping.saved_count", count=format_int(saved)),
        )
    return saved


def show_saved(actor: Actor) -> None:
    """The mappings remembered so far (admins only), newest first."""
    if not actor.is_admin:
        return
    frame = web.query(import_mappings, actor)
    if frame.empty:
        return
    with st.expander(web.tr("imports.mapping.list")):
        table = frame.assign(kind=frame["kind"].map(lambda k: web.tr(f"imports.mapping.kind.{k}")))
        table = table[["kind", "value", "meaning", "created_by", "created_at"]]
        show_table(
            table.rename(columns=lambda c: web.tr(f"imports.mapping.column.{c}")),
        )
