"""The proposals import of /admin, on /propozycje for leads (own subteams) and admins."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.ui.admin import imports as admin_import
from dashboard.web import state

IMPORT_PREFIX = "prop_import"
IMPORT_ROLES = ("lead", "admin")


def import_section(actor: Actor) -> None:
    if actor.role not in IMPORT_ROLES:
        return
    just_imported = state.import_result(IMPORT_PREFIX).is_set()
    with st.expander(web.tr("proposals.import.title"), expanded=just_imported):
        admin_import.show_intro(IMPORT_PREFIX)
        if not actor.is_admin:
            st.caption(web.tr("proposals.import.scope"))
        admin_import.proposal_import(actor, IMPORT_PREFIX)
