"""Widgets of /zapisy, the public Congress registration: the form, the waitlist question
and the confirmation. Storing is ``dashboard.registration.register``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date, format_long_date
from dashboard.queries import congress as cq
from dashboard.queries.registration import OpenEdition, district_choices
from dashboard.services import registration
from dashboard.services.registration import (
    Outcome,
    RegistrationForm,
    RegistrationResult,
)
from dashboard.ui import feedback
from dashboard.ui.tables import field_value_table
from dashboard.web import state
from db.models import AGE_GROUPS, PARTICIPANT_CATEGORIES

DONE_MESSAGES = {
    Outcome.REGISTERED: "congress.signup.done_registered",
    Outcome.WAITLISTED: "congress.signup.done_waitlisted",
    Outcome.UPDATED: "congress.signup.done_updated",
}


@dataclass(frozen=True)
class Choices:
    """What the form offers: okręgi, the edition's workshops and which of them are full."""

    districts: dict[int, str]
    titles: dict[int, str]
    full_workshops: frozenset[int]

    def workshop_label(self, session_id: int) -> str:
        if session_id in self.full_workshops:
            return web.tr("congress.signup.workshop_full", title=self.titles[session_id])
        return self.titles[session_id]

    def district_label(self, number: int) -> str:
        if number == registration.OUTSIDE_TORUN:
            return web.tr("congress.outside_torun")
        return f"{number}. {self.districts[number]}"


def load_choices(edition: OpenEdition) -> Choices:
    fill = web.query(cq.workshop_fill, cq.CongressFilter(edition=edition.edition))
    return Choices(
        districts=dict(web.query(district_choices)),
        titles={session_id: title for session_id, title, _ in edition.workshops},
        full_workshops=frozenset(fill.loc[fill["flag"] == "full", "session_id"]),
    )


def edition_header(edition: OpenEdition) -> bool:
    """Name, dates and the registration window; False when registration is closed."""
    lang = web.lang()
    st.subheader(edition.name)
    start, end = format_long_date(edition.starts_on, lang), format_long_date(edition.ends_on, lang)
    st.write(web.tr("congress.signup.when", start=start, end=end))
    if not edition.is_open:
        st.warning(web.tr("congress.signup.closed"))
        return False
    if edition.closes_on is not None:
        st.caption(web.tr("congress.signup.closes_on", date=format_date(edition.closes_on)))
    return True


def show_confirmation(form: RegistrationForm, result: RegistrationResult, choices: Choices) -> None:
    st.success(web.tr(DONE_MESSAGES[result.outcome]))
    days = [web.tr("congress.day_n", day=day) for day, on in ((1, form.day1), (2, form.day2)) if on]
    workshop = choices.titles.get(form.workshop_id, "—") if form.day2 else "—"
    rows = [
        ("congress.signup.name", registration.normalise_name(form.full_name)),
        ("congress.signup.email", registration.normalise_email(form.email)),
        ("common.district", choices.district_label(form.district_number)),
        ("congress.age_group", form.age_group),
        ("congress.category", web.tr(f"category.{form.category}")),
        ("congress.days", ", ".join(days)),
        ("congress.workshop", workshop),
        ("common.status", web.tr(f"congress.signup.status.{result.status}")),
        ("congress.signup.photo", web.tr("congress.yes" if form.photo_consent else "congress.no")),
    ]
    field_value_table("congress.signup.field", "congress.signup.value", rows)
    if st.button(web.tr("congress.signup.another"), key="zapisy_another"):
        state.REGISTRATION_DONE.pop()
        st.rerun()


def stored_registration() -> tuple[RegistrationForm, RegistrationResult] | None:
    """(form, result) of the registration this session just stored, if any."""
    return state.REGISTRATION_DONE.get()


def submit(form: RegistrationForm) -> None:
    """Store the form and answer: errors, closed, the waitlist question or the confirmation."""
    # SQLite locked beyond busy_timeout (or a dropped connection) is said here; the
    # form keeps every value, so trying again loses nothing.
    stored = feedback.run_write(lambda: registration.register(web.engine(), form))
    if not stored.ok:
        return
    result = stored.value
    state.REGISTRATION_PENDING.pop()
    if result.outcome is Outcome.INVALID:
        lines = [
            f"- **{web.tr(f'congress.signup.field.{field}')}**: {web.tr(key)}"
            for field, key in result.errors.items()
        ]
        st.error(web.tr("congress.signup.fix") + "\n\n" + "\n".join(lines))
    elif result.outcome is Outcome.CLOSED:
        st.error(web.tr("congress.signup.closed"))
    elif result.outcome is Outcome.FULL:
        state.REGISTRATION_PENDING.set(form)
        st.rerun()
    else:
        state.REGISTRATION_DONE.set((form, result))
        st.rerun()


def waitlist_question(choices: Choices) -> None:
    """After a submission found the workshop full: join the waitlist or choose another."""
    pending = state.REGISTRATION_PENDING.get()
    if pending is None:
        return
    st.warning(web.tr("congress.signup.full", title=choices.titles.get(pending.workshop_id, "")))
    accept_column, change_column = st.columns(2)
    if accept_column.button(web.tr("congress.signup.accept_waitlist"), type="primary"):
        submit(replace(pending, waitlist_ok=True))
    if change_column.button(web.tr("congress.signup.choose_other")):
        state.REGISTRATION_PENDING.pop()
        st.rerun()


def privacy_note() -> None:
    with st.expander(web.tr("congress.signup.privacy_title")):
        st.markdown(web.tr("congress.signup.privacy_text"))


def _choice(label: str, options: list, key: str, format_func: Callable = str, **kwargs) -> object:
    """A selectbox that starts empty, so nobody sends a choice they did not make."""
    return st.selectbox(
        label,
        options,
        index=None,
        format_func=format_func,
        placeholder=web.tr("congress.signup.choose"),
        key=key,
        **kwargs,
    )


def signup_form(edition: OpenEdition, choices: Choices) -> RegistrationForm | None:
    """The registration form; the filled-in form when it was sent, else None."""
    with st.form("zapisy"):
        person = _person_fields(choices)
        days = _day_fields(edition, choices)
        consents = _consent_fields()
        sent = st.form_submit_button(web.tr("congress.signup.submit"), type="primary")
    if not sent:
        return None
    return RegistrationForm(edition=edition.edition, **person, **days, **consents)


def _person_fields(choices: Choices) -> dict[str, object]:
    return {
        "full_name": st.text_input(
            web.tr("congress.signup.name"), max_chars=200, key="zapisy_name"
        ),
        "email": st.text_input(web.tr("congress.signup.email"), max_chars=254, key="zapisy_email"),
        "district_number": _choice(
            web.tr("common.district"),
            [*choices.districts, registration.OUTSIDE_TORUN],
            "zapisy_district",
            choices.district_label,
        ),
        "age_group": _choice(web.tr("congress.age_group"), list(AGE_GROUPS), "zapisy_age"),
        "category": _choice(
            web.tr("congress.signup.category"),
            list(PARTICIPANT_CATEGORIES),
            "zapisy_category",
            lambda code: web.tr(f"category.{code}"),
        ),
    }


def _day_fields(edition: OpenEdition, choices: Choices) -> dict[str, object]:
    lang = web.lang()
    st.write(web.tr("congress.signup.days_question"))
    return {
        "day1": st.checkbox(
            web.tr("congress.signup.day1", date=format_long_date(edition.starts_on, lang)),
            key="zapisy_day1",
        ),
        "day2": st.checkbox(
            web.tr("congress.signup.day2", date=format_long_date(edition.ends_on, lang)),
            key="zapisy_day2",
        ),
        "workshop_id": _choice(
            web.tr("congress.signup.workshop"),
            list(choices.titles),
            "zapisy_workshop",
            choices.workshop_label,
            help=web.tr("congress.signup.workshop_help"),
        ),
    }


def _consent_fields() -> dict[str, object]:
    consents = {
        "consent": st.checkbox(web.tr("congress.signup.consent"), key="zapisy_consent"),
        "photo_consent": st.checkbox(web.tr("congress.signup.photo_consent"), key="zapisy_photo"),
    }
    # The honeypot: people leave it empty (the box says so), bots tend to fill it in.
    with st.expander(web.tr("congress.signup.honeypot_box"), expanded=False):
        consents["honeypot"] = st.text_input(
            web.tr("congress.signup.honeypot"), label_visibility="collapsed", key="zapisy_website"
        )
    return consents
