"""The export buttons of /propozycje: the current view as CSV or XLSX, built on click."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.exports.proposals import FORMATS, build_export
from dashboard.queries import proposals as pq


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
