"""/ustawienia: a staff user's own e-mail choices (the weekly digest)."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.queries.mail import my_mail_settings
from dashboard.services.subscriptions import set_weekly_digest
from dashboard.ui.feedback import save_and_rerun, show_flash
from dashboard.web import state


def render(actor: Actor) -> None:
    st.title(web.tr("mail.settings.title"))
    show_flash(state.FLASH_MAIL_SETTINGS)
    current = web.query(my_mail_settings, actor)
    if current.email:
        st.write(web.tr("mail.settings.address", email=current.email))
    else:
        st.info(web.tr("mail.settings.no_email"))
    with st.form("mail.settings", enter_to_submit=False, border=False):
        wanted = st.toggle(
            web.tr("mail.settings.weekly"),
            value=current.weekly_digest,
            help=web.tr("mail.settings.weekly_help"),
            disabled=not current.email and not current.weekly_digest,
        )
        saved = st.form_submit_button(web.tr("mail.settings.save"))
    if saved:
        save_and_rerun(
            lambda: set_weekly_digest(web.engine(), actor, wanted),
            state.FLASH_MAIL_SETTINGS,
            web.tr("mail.settings.saved_on" if wanted else "mail.settings.saved_off"),
        )
