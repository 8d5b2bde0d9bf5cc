"""Widgets of /moj-zapis, the page a resident's personal link opens (no sign-in):
their sign-up, a change form, cancellation and an .ics file. The token in the link is
the permission (``dashboard.services.my_signup``).
"""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_long_date
from dashboard.services import mail_delivery, my_signup
from dashboard.services.my_signup import Change, InvalidLink, MySignup
from dashboard.services.signup_links import TOKEN_PARAMETER
from dashboard.ui import feedback
from dashboard.web import state


def token() -> str:
    return st.query_params.get(TOKEN_PARAMETER, "") or ""


def load(link_token: str) -> MySignup | None:
    """The sign-up, or None after saying (the same for every bad link) that it does not work."""
    try:
        return my_signup.open_signup(web.engine(), link_token)
    except InvalidLink as error:
        st.error(error.message(web.lang()))
        return None


def summary(signup: MySignup) -> None:
    lang = web.lang()
    feedback.show_flash(state.FLASH_MY_SIGNUP)
    st.subheader(signup.event_name)
    start, end = format_long_date(signup.starts_on, lang), format_long_date(signup.ends_on, lang)
    lines = [
        web.tr("manage.who", name=signup.full_name, email=signup.email),
        web.tr("manage.status", status=web.tr(f"congress.signup.status.{signup.status}")),
        web.tr("congress.signup.when", start=start, end=end),
    ]
    if signup.hours:
        lines.append(web.tr("congress.signup.hours", hours=signup.hours))
    if signup.venue:
        lines.append(web.tr("congress.signup.venue", venue=signup.venue))
    days = [web.tr("congress.day_n", day=d) for d, on in ((1, signup.day1), (2, signup.day2)) if on]
    lines.append(f"{web.tr('congress.days')}: {', '.join(days) or '—'}")
    if signup.day2:
        lines.append(f"{web.tr('congress.workshop')}: {signup.workshop_title or '—'}")
    st.markdown("  \n".join(_escape(line) for line in lines))
    st.download_button(
        web.tr("manage.ics"),
        data=my_signup.ics(signup),
        file_name="kongres-dialogu.ics",
        mime="text/calendar",
        icon=":material/calendar_add_on:",
    )


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace("[", "\\[")


def change_form(link_token: str, signup: MySignup) -> None:
    if signup.status == "cancelled":
        return
    st.subheader(web.tr("manage.change_title"))
    lang = web.lang()
    titles = dict(signup.workshops)
    with st.form("moj_zapis_change", enter_to_submit=False):
        day1 = st.checkbox(
            web.tr("congress.signup.day1", date=format_long_date(signup.starts_on, lang)),
            value=signup.day1,
        )
        day2 = st.checkbox(
            web.tr("congress.signup.day2", date=format_long_date(signup.ends_on, lang)),
            value=signup.day2,
        )
        options = list(titles)
        workshop = st.selectbox(
            web.tr("congress.signup.workshop"),
            options,
            index=options.index(signup.workshop_id) if signup.workshop_id in titles else None,
            format_func=titles.get,
            placeholder=web.tr("congress.signup.choose"),
        )
        photo = st.checkbox(web.tr("congress.signup.photo_consent"), value=signup.photo_consent)
        sent = st.form_submit_button(web.tr("manage.save"), type="primary")
    if sent:
        wanted = Change(day1=day1, day2=day2, workshop_id=workshop, photo_consent=photo)
        _write(lambda: my_signup.change(web.engine(), link_token, wanted, _base()), "manage.saved")


def cancel_form(link_token: str, signup: MySignup) -> None:
    if signup.status == "cancelled":
        return
    st.subheader(web.tr("manage.cancel_title"))
    with st.form("moj_zapis_cancel", enter_to_submit=False):
        confirmed = st.checkbox(web.tr("manage.cancel_confirm"))
        sent = st.form_submit_button(web.tr("manage.cancel"))
    if sent and not confirmed:
        st.error(web.tr("manage.cancel_needs_confirm"))
    elif sent:
        _write(lambda: my_signup.cancel(web.engine(), link_token, _base()), "manage.cancelled")


def contacts(signup: MySignup) -> None:
    if signup.contact:
        st.caption(web.tr("congress.signup.contact", contact=signup.contact))
    if signup.dpo_contact:
        st.caption(web.tr("congress.signup.dpo", contact=signup.dpo_contact))


def _base() -> str:
    return web.settings().public_base_url


def _write(action, saved_key: str) -> None:
    outcome = feedback.run_write(action)
    if outcome.ok:
        mail_delivery.send_soon(web.engine(), web.settings(), outcome.value)
        feedback.flash(state.FLASH_MY_SIGNUP, web.tr(saved_key))
        st.rerun()
