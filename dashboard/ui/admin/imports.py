"""The import of proposals and sign-ups: upload → dry-run report → confirm the import.

The file is checked without writing first; the confirm button appears only for
a file without problems and imports exactly the bytes that were checked (the
importer validates again inside its transaction, so nothing half-done is stored).

``render`` is the /admin section (proposals and sign-ups); ``proposal_import`` is
the proposals part alone, which /propozycje shows to leads as well. Every widget
and session-state entry starts with the caller's ``prefix``, so the two never mix.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.i18n import format_int
from dashboard.importers import ImportReport, import_proposals, import_signups
from dashboard.queries import congress as congress_queries
from dashboard.ui import feedback
from dashboard.ui.admin import import_mappings as mappings
from dashboard.ui.tables import show_table
from dashboard.web import state
from db.models import PROPOSAL_SOURCES

PROPOSALS, SIGNUPS = "proposals", "signups"
ADMIN_PREFIX = "imports"
FILE_TYPES = ["csv", "xlsx", "txt"]


def render(actor: Actor) -> None:
    """The /admin section: proposals (admins and leads) or sign-ups (admins only)."""
    prefix = ADMIN_PREFIX
    show_intro(prefix)
    kinds = [PROPOSALS, SIGNUPS] if actor.is_admin else [PROPOSALS]
    kind = st.segmented_control(
        web.tr("imports.kind"),
        kinds,
        format_func=lambda value: web.tr(f"imports.kind.{value}"),
        default=PROPOSALS,
        required=True,
        key=f"{prefix}_kind",
    )
    if kind == PROPOSALS:
        proposal_import(actor, prefix)
    else:
        edition = _edition(prefix)
        if edition is not None:
            _check_then_import(actor, SIGNUPS, (edition,), prefix)
    mappings.show_saved(actor)


def show_intro(prefix: str) -> None:
    """The help text and the result of the import just confirmed (once)."""
    st.caption(web.tr("imports.help"))
    feedback.show_flash(state.import_result(prefix))


def proposal_import(actor: Actor, prefix: str) -> None:
    """The default-source choice, then upload → check → confirm for a proposals file."""
    choices = [None, *PROPOSAL_SOURCES]
    source = st.selectbox(
        web.tr("imports.default_source"),
        choices,
        format_func=lambda code: (
            web.tr("imports.no_default_source") if code is None else web.tr(f"source.{code}")
        ),
        key=f"{prefix}_default_source",
    )
    _check_then_import(actor, PROPOSALS, (source,), prefix)


def _edition(prefix: str) -> int | None:
    """The Congress edition sign-ups go to; None (with a note) when there is none."""
    editions = web.query(congress_queries.editions)
    if editions.empty:
        st.info(web.tr("imports.no_editions"))
        return None
    names = dict(zip(editions["edition"].astype(int), editions["name"], strict=True))
    edition = st.selectbox(
        web.tr("imports.edition"),
        list(names),
        format_func=lambda year: f"{names[year]} ({year})",
        key=f"{prefix}_edition",
    )
    return int(edition)


def _check_then_import(actor: Actor, kind: str, options: tuple, prefix: str) -> None:
    upload = st.file_uploader(
        web.tr("imports.upload"), type=FILE_TYPES, key=f"{prefix}_file_{kind}"
    )
    if upload is None:
        return
    data = upload.getvalue()
    fingerprint = (kind, upload.name, hashlib.sha256(data).hexdigest(), options)
    checked_slot = state.checked_import(prefix)

    def check() -> None:
        report = _run(actor, kind, data, upload.name, options, dry_run=True)
        checked_slot.set((fingerprint, report))

    if st.button(web.tr("imports.check"), key=f"{prefix}_check"):
        check()
    checked = checked_slot.get()
    if checked is None or checked[0] != fingerprint or checked[1] is None:
        return
    report = checked[1]
    show_report(report)
    edition = options[0] if kind == SIGNUPS else None

    def check_again() -> None:
        check()
        st.rerun()

    mappings.offer(actor, report, edition, prefix, check_again)
    if report.ok and report.to_add + report.to_update > 0:
        rows = report.to_add + report.to_update
        label = web.tr("imports.confirm", count=web.count_text(rows, "noun.row"))
        if st.button(label, type="primary", key=f"{prefix}_confirm"):
            _confirm(actor, kind, data, upload.name, options, prefix)


def _run(
    actor: Actor, kind: str, data: bytes, name: str, options: tuple, dry_run: bool
) -> ImportReport | None:
    def call() -> ImportReport:
        if kind == PROPOSALS:
            return import_proposals(
                web.engine(), actor, data, name, dry_run, default_source=options[0]
            )
        return import_signups(web.engine(), actor, data, name, options[0], dry_run)

    return feedback.run_write(call, denied_key="imports.forbidden").value


def _confirm(actor: Actor, kind: str, data: bytes, name: str, options: tuple, prefix: str) -> None:
    report = _run(actor, kind, data, name, options, dry_run=False)
    if report is None:
        return
    checked_slot = state.checked_import(prefix)
    if not report.applied:
        # Someone changed the data since the check: show the fresh problems.
        checked_slot.set(None)
        show_report(report)
        return
    checked_slot.pop()
    feedback.flash(state.import_result(prefix), report.summary(web.lang()))
    st.rerun()


def show_report(report: ImportReport) -> None:
    lang = web.lang()
    st.write(report.summary(lang))
    if report.ignored_columns:
        st.caption(web.tr("imports.ignored_columns", columns=", ".join(report.ignored_columns)))
    if report.notes:
        st.warning(web.tr("imports.notes_heading"))
        notes = [note.describe(lang) for note in report.notes]
        show_table(pd.DataFrame({web.tr("imports.column.note"): notes}))
    if report.problems:
        key = "imports.problems_found" if report.dry_run else "imports.problems_refused"
        st.error(web.tr(key, count=format_int(len(report.problems))))
        show_table(report.problems_frame(lang))
    elif report.to_add + report.to_update == 0:
        st.info(web.tr("imports.nothing_to_do"))
