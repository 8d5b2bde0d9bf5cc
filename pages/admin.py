"""/admin — users, audit log, backups, the e-mail outbox (admins only).

Each tab is one ``render(actor)`` function from ``dashboard/ui``; add a section by
adding one (label key, render) pair to ``SECTIONS``. Only the open tab runs (the URL
keeps it: ``?sekcja=``), so check-ins at the door do not read the audit log each time.
"""

import streamlit as st

from dashboard import web
from dashboard.ui.admin import audit as admin_audit
from dashboard.ui.admin import backup as admin_backup
from dashboard.ui.admin import congress as admin_congress
from dashboard.ui.admin import imports as admin_import
from dashboard.ui.admin import outbox as admin_outbox
from dashboard.ui.admin import users as admin_users
from dashboard.ui.sections import in_open_tab, section_tabs

SECTIONS = [
    ("admin.tab.users", admin_users.render),
    ("congress.admin.tab", admin_congress.render),
    ("imports.section", admin_import.render),
    ("admin.tab.audit", admin_audit.render),
    ("admin.tab.backup", admin_backup.render),
    ("mail.outbox.tab", admin_outbox.render),
]

actor = web.require_actor()
if not actor.is_admin:
    st.error(web.tr("access.no_permission"))
    st.stop()

st.title(web.tr("admin.title"))
tabs = section_tabs([key for key, _ in SECTIONS])
for tab, (_, render) in zip(tabs, SECTIONS, strict=True):
    in_open_tab(tab, lambda render=render: render(actor))
