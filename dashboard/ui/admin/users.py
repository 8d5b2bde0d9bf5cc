"""The users section of /admin: the account list and the forms that change accounts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.core.security import normalise_username
from dashboard.queries.progress import subteam_options
from dashboard.queries.users import list_users
from dashboard.services import sessions, users
from dashboard.ui import feedback
from dashboard.ui.tables import show_labelled
from dashboard.web import state
from db.models import USER_ROLES

COLUMNS = (
    "username",
    "display_name",
    "email",
    "role",
    "subteams",
    "disabled",
    "failed_logins",
    "locked_until",
    "is_demo",
    "created_at",
)


def render(actor: Actor) -> None:
    feedback.show_flash(state.FLASH_USERS)
    # Not cached: lockout counters change without a data-version bump.
    frame = list_users(web.engine(), actor)
    _user_table(frame)
    left, right = st.columns(2)
    with left:
        _add_user_form(actor)
    with right:
        _manage_user_form(actor, list(frame["username"]))


def _user_table(frame: pd.DataFrame) -> None:
    st.subheader(web.tr("admin.users.table"))
    if frame.empty:
        st.info(web.tr("admin.users.no_users"))
        return
    show_labelled(
        frame.assign(role=frame["role"].map(lambda role: web.tr(f"access.role.{role}"))),
        COLUMNS,
        "admin.users.col",
        {"locked_until": "DD.MM.YYYY HH:mm", "created_at": "DD.MM.YYYY HH:mm"},
    )


def _add_user_form(actor: Actor) -> None:
    options = web.query(subteam_options)
    subteams = dict(zip(options["id"].tolist(), options["name"].tolist(), strict=True))
    with st.form("admin.users.add_form", enter_to_submit=False):
        st.subheader(web.tr("admin.users.add"))
        username = st.text_input(web.tr("admin.users.username"), max_chars=50)
        display_name = st.text_input(web.tr("admin.users.display_name"), max_chars=200)
        email = st.text_input(web.tr("admin.users.email"), max_chars=254)
        role = st.selectbox(
            web.tr("admin.users.role"),
            USER_ROLES,
            index=USER_ROLES.index("member"),
            format_func=lambda code: web.tr(f"access.role.{code}"),
        )
        subteam_ids = st.multiselect(
            web.tr("admin.users.subteams"),
            list(subteams),
            format_func=lambda subteam_id: subteams[subteam_id],
        )
        password = st.text_input(web.tr("admin.users.password"), type="password")
        repeat = st.text_input(web.tr("admin.users.password_repeat"), type="password")
        submitted = st.form_submit_button(web.tr("admin.users.add_submit"), type="primary")
    if not submitted:
        return
    if password != repeat:
        st.error(web.tr("access.error.password_mismatch"))
        return
    new = users.NewUser(username, display_name, password, role, tuple(subteam_ids), email)
    feedback.save_and_rerun(
        lambda: users.add_user(web.engine(), actor, new),
        state.FLASH_USERS,
        web.tr("admin.users.added", username=normalise_username(username)),
    )


def _manage_user_form(actor: Actor, usernames: list[str]) -> None:
    if not usernames:
        return
    with st.form("admin.users.manage_form", enter_to_submit=False):
        st.subheader(web.tr("admin.users.manage"))
        username = st.selectbox(web.tr("admin.users.pick"), usernames)
        password = st.text_input(web.tr("admin.users.new_password"), type="password")
        set_clicked = st.form_submit_button(web.tr("admin.users.set_password"))
        unlock_clicked = st.form_submit_button(web.tr("admin.users.unlock"))
        disable_clicked = st.form_submit_button(web.tr("admin.users.disable"))
        enable_clicked = st.form_submit_button(web.tr("admin.users.enable"))
        sign_out_clicked = st.form_submit_button(web.tr("admin.users.sign_out_everywhere"))
    engine = web.engine()
    actions = (
        (
            set_clicked,
            lambda: users.set_password(engine, actor, username, password),
            "password_set",
        ),
        (unlock_clicked, lambda: users.unlock(engine, actor, username), "unlocked"),
        (disable_clicked, lambda: users.set_disabled(engine, actor, username, True), "disabled"),
        (enable_clicked, lambda: users.set_disabled(engine, actor, username, False), "enabled"),
        (
            sign_out_clicked,
            lambda: sessions.sign_out_everywhere(engine, actor, username),
            "signed_out_everywhere",
        ),
    )
    for clicked, change, done_key in actions:
        if clicked:
            saved = web.tr(f"admin.users.{done_key}", username=username)
            feedback.save_and_rerun(change, state.FLASH_USERS, saved)
            return
