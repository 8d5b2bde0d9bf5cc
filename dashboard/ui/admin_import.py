"""The import section of /admin: upload → dry-run report → confirm the import.

The file is checked without writing first; the confirm button appears only for
a file without problems and imports exactly the bytes that were checked (the
importer validates again inside its transaction, so nothing half-done is stored).
"""

from __future__ import annotations

import hashlib

import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import web
from dashboard.i18n import format_int
from dashboard.importers import ImportReport, import_proposals, import_signups
from dashboard.permissions import Actor, PermissionDenied
from dashboard.queries import congress as congress_queries
from db.models import PROPOSAL_SOURCES

PROPOSALS, SIGNUPS = "proposals", "signups"
CHECKED_KEY = "imports_checked"  # (file fingerprint, options) -> dry-run report
RESULT_KEY = "imports_result"
FILE_TYPES = ["csv", "xlsx", "txt"]


def render(actor: Actor) -> None:
    st.caption(web.tr("imports.help"))
    if RESULT_KEY in st.session_state:
        st.success(st.session_state.pop(RESULT_KEY))
    kinds = [PROPOSALS, SIGNUPS] if actor.is_admin else [PROPOSALS]
    kind = st.segmented_control(
        web.tr("imports.kind"),
        kinds,
        format_func=lambda value: web.tr(f"imports.kind.{value}"),
        default=PROPOSALS,
        required=True,
        key="imports_kind",
    )
    options = _options(kind)
    if options is None:
        return
    upload = st.file_uploader(web.tr("imports.upload"), type=FILE_TYPES, key=f"imports_file_{kind}")
    if upload is None:
        return
    data = upload.getvalue()
    fingerprint = (kind, upload.name, hashlib.sha256(data).hexdigest(), options)
    if st.button(web.tr("imports.check"), key="imports_check"):
        report = _run(actor, kind, data, upload.name, options, dry_run=True)
        st.session_state[CHECKED_KEY] = (fingerprint, report)
    checked = st.session_state.get(CHECKED_KEY)
    if checked is None or checked[0] != fingerprint or checked[1] is None:
        return
    report = checked[1]
    show_report(report)
    if report.ok and report.to_add + report.to_update > 0:
        rows = report.to_add + report.to_update
        label = web.tr("imports.confirm", count=web.count_text(rows, "noun.row"))
        if st.button(label, type="primary", key="imports_confirm"):
            _confirm(actor, kind, data, upload.name, options)


def _options(kind: str) -> tuple | None:
    """The import's options: the default source for proposals, the edition for sign-ups."""
    if kind == PROPOSALS:
        choices = [None, *PROPOSAL_SOURCES]
        source = st.selectbox(
            web.tr("imports.default_source"),
            choices,
            format_func=lambda code: (
                web.tr("imports.no_default_source") if code is None else web.tr(f"source.{code}")
            ),
            key="imports_default_source",
        )
        return (source,)
    editions = web.query(congress_queries.editions)
    if editions.empty:
        st.info(web.tr("imports.no_editions"))
        return None
    names = dict(zip(editions["edition"].astype(int), editions["name"], strict=True))
    edition = st.selectbox(
        web.tr("imports.edition"),
        list(names),
        format_func=lambda year: f"{names[year]} ({year})",
        key="imports_edition",
    )
    return (int(edition),)


def _run(
    actor: Actor, kind: str, data: bytes, name: str, options: tuple, dry_run: bool
) -> ImportReport | None:
    try:
        if kind == PROPOSALS:
            return import_proposals(
                web.engine(), actor, data, name, dry_run, default_source=options[0]
            )
        return import_signups(web.engine(), actor, data, name, options[0], dry_run)
    except PermissionDenied:
        st.error(web.tr("imports.forbidden"))
    except OperationalError:
        st.error(web.tr("app.retry_locked"))
    return None


def _confirm(actor: Actor, kind: str, data: bytes, name: str, options: tuple) -> None:
    report = _run(actor, kind, data, name, options, dry_run=False)
    if report is None:
        return
    st.session_state.pop(CHECKED_KEY, None)
    if not report.applied:
        # Someone changed the data since the check: show the fresh problems.
        st.session_state[CHECKED_KEY] = None
        show_report(report)
        return
    st.session_state[RESULT_KEY] = report.summary(web.lang())
    web.after_write()
    st.rerun()


def show_report(report: ImportReport) -> None:
    lang = web.lang()
    st.write(report.summary(lang))
    if report.ignored_columns:
        st.caption(web.tr("imports.ignored_columns", columns=", ".join(report.ignored_columns)))
    if report.problems:
        key = "imports.problems_found" if report.dry_run else "imports.problems_refused"
        st.error(web.tr(key, count=format_int(len(report.problems))))
        st.dataframe(report.problems_frame(lang), hide_index=True, width="stretch")
    elif report.to_add + report.to_update == 0:
        st.info(web.tr("imports.nothing_to_do"))
