"""/zapisy — public registration for the Congress of Dialogue (no sign-in)."""

from dataclasses import replace

import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError

from dashboard import registration, web
from dashboard.formatting import format_date, format_long_date
from dashboard.queries import congress as cq
from dashboard.registration import Outcome, RegistrationForm
from db.engine import now
from db.models import AGE_GROUPS, PARTICIPANT_CATEGORIES

PENDING_KEY = "zapisy_pending"  # a form waiting for the person to accept the waitlist
DONE_KEY = "zapisy_done"  # (form, result) of the last stored registration

lang = web.lang()
st.title(web.tr("congress.signup.title"))

edition = web.query(registration.open_edition, now().date())
if edition is None:
    st.info(web.tr("congress.signup.no_edition"))
    st.stop()

st.subheader(edition.name)
st.write(
    web.tr(
        "congress.signup.when",
        start=format_long_date(edition.starts_on, lang),
        end=format_long_date(edition.ends_on, lang),
    )
)
if not edition.is_open:
    st.warning(web.tr("congress.signup.closed"))
    st.stop()
if edition.closes_on is not None:
    st.caption(web.tr("congress.signup.closes_on", date=format_date(edition.closes_on)))

districts = dict(web.query(registration.district_choices))
fill = web.query(cq.workshop_fill, cq.CongressFilter(edition=edition.edition))
full_workshops = set(fill.loc[fill["flag"] == "full", "session_id"])
titles = {session_id: title for session_id, title, _ in edition.workshops}


def workshop_label(session_id: int) -> str:
    if session_id in full_workshops:
        return web.tr("congress.signup.workshop_full", title=titles[session_id])
    return titles[session_id]


def district_label(number: int) -> str:
    if number == registration.OUTSIDE_TORUN:
        return web.tr("congress.outside_torun")
    return f"{number}. {districts[number]}"


def show_confirmation(form: RegistrationForm, result: registration.RegistrationResult) -> None:
    message_key = {
        Outcome.REGISTERED: "congress.signup.done_registered",
        Outcome.WAITLISTED: "congress.signup.done_waitlisted",
        Outcome.UPDATED: "congress.signup.done_updated",
    }[result.outcome]
    st.success(web.tr(message_key))
    days = [web.tr("congress.day_n", day=day) for day, on in ((1, form.day1), (2, form.day2)) if on]
    rows = [
        ("congress.signup.name", " ".join(form.full_name.split())),
        ("congress.signup.email", registration.normalise_email(form.email)),
        ("common.district", district_label(form.district_number)),
        ("congress.age_group", form.age_group),
        ("congress.category", web.tr(f"category.{form.category}")),
        ("congress.days", ", ".join(days)),
        ("congress.workshop", titles.get(form.workshop_id, "—") if form.day2 else "—"),
        ("common.status", web.tr(f"congress.signup.status.{result.status}")),
        ("congress.signup.photo", web.tr("congress.yes" if form.photo_consent else "congress.no")),
    ]
    summary = pd.DataFrame(
        {
            web.tr("congress.signup.field"): [web.tr(key) for key, _ in rows],
            web.tr("congress.signup.value"): [value for _, value in rows],
        }
    )
    st.dataframe(summary, hide_index=True, width="stretch")
    if st.button(web.tr("congress.signup.another"), key="zapisy_another"):
        del st.session_state[DONE_KEY]
        st.rerun()


def submit(form: RegistrationForm) -> None:
    try:
        result = registration.register(web.engine(), form)
    except OperationalError:
        # SQLite stayed locked beyond busy_timeout (or the connection dropped):
        # the form keeps every value, so trying again loses nothing.
        st.error(web.tr("app.retry_locked"))
        return
    st.session_state.pop(PENDING_KEY, None)
    if result.outcome is Outcome.INVALID:
        lines = [
            f"- **{web.tr(f'congress.signup.field.{field}')}**: {web.tr(key)}"
            for field, key in result.errors.items()
        ]
        st.error(web.tr("congress.signup.fix") + "\n\n" + "\n".join(lines))
    elif result.outcome is Outcome.CLOSED:
        st.error(web.tr("congress.signup.closed"))
    elif result.outcome is Outcome.FULL:
        st.session_state[PENDING_KEY] = form
        st.rerun()
    else:
        web.after_write()
        st.session_state[DONE_KEY] = (form, result)
        st.rerun()


if DONE_KEY in st.session_state:
    show_confirmation(*st.session_state[DONE_KEY])
    st.stop()

pending = st.session_state.get(PENDING_KEY)
if pending is not None:
    st.warning(web.tr("congress.signup.full", title=titles.get(pending.workshop_id, "")))
    accept_column, change_column = st.columns(2)
    if accept_column.button(web.tr("congress.signup.accept_waitlist"), type="primary"):
        submit(replace(pending, waitlist_ok=True))
    if change_column.button(web.tr("congress.signup.choose_other")):
        st.session_state.pop(PENDING_KEY, None)
        st.rerun()

with st.expander(web.tr("congress.signup.privacy_title")):
    st.markdown(web.tr("congress.signup.privacy_text"))

with st.form("zapisy"):
    full_name = st.text_input(web.tr("congress.signup.name"), max_chars=200, key="zapisy_name")
    email = st.text_input(web.tr("congress.signup.email"), max_chars=254, key="zapisy_email")
    district = st.selectbox(
        web.tr("common.district"),
        [*districts, registration.OUTSIDE_TORUN],
        index=None,
        format_func=district_label,
        placeholder=web.tr("congress.signup.choose"),
        key="zapisy_district",
    )
    age_group = st.selectbox(
        web.tr("congress.age_group"),
        list(AGE_GROUPS),
        index=None,
        placeholder=web.tr("congress.signup.choose"),
        key="zapisy_age",
    )
    category = st.selectbox(
        web.tr("congress.signup.category"),
        list(PARTICIPANT_CATEGORIES),
        index=None,
        format_func=lambda code: web.tr(f"category.{code}"),
        placeholder=web.tr("congress.signup.choose"),
        key="zapisy_category",
    )
    st.write(web.tr("congress.signup.days_question"))
    day1 = st.checkbox(
        web.tr("congress.signup.day1", date=format_long_date(edition.starts_on, lang)),
        key="zapisy_day1",
    )
    day2 = st.checkbox(
        web.tr("congress.signup.day2", date=format_long_date(edition.ends_on, lang)),
        key="zapisy_day2",
    )
    workshop = st.selectbox(
        web.tr("congress.signup.workshop"),
        list(titles),
        index=None,
        format_func=workshop_label,
        placeholder=web.tr("congress.signup.choose"),
        help=web.tr("congress.signup.workshop_help"),
        key="zapisy_workshop",
    )
    consent = st.checkbox(web.tr("congress.signup.consent"), key="zapisy_consent")
    photo_consent = st.checkbox(web.tr("congress.signup.photo_consent"), key="zapisy_photo")
    with st.expander(web.tr("congress.signup.honeypot_box"), expanded=False):
        honeypot = st.text_input(
            web.tr("congress.signup.honeypot"), label_visibility="collapsed", key="zapisy_website"
        )
    sent = st.form_submit_button(web.tr("congress.signup.submit"), type="primary")

if sent:
    submit(
        RegistrationForm(
            edition=edition.edition,
            full_name=full_name,
            email=email,
            district_number=district,
            age_group=age_group,
            category=category,
            day1=day1,
            day2=day2,
            workshop_id=workshop,
            consent=consent,
            photo_consent=photo_consent,
            honeypot=honeypot,
        )
    )
