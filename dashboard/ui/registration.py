"""Widgets of /zapisy, the public Congress registration: the form, the waitlist question
and the confirmation. Storing is ``dashboard.services.registration.register``.

Errors are shown at each field (after a rerun, so the form keeps every value) and the
first wrong field gets the focus. A burst of submissions from one browser session is
slowed down (``core.throttle``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st
import streamlit.components.v1 as components

from dashboard import web
from dashboard.core import throttle
from dashboard.core.formatting import format_date, format_long_date
from dashboard.queries import congress as cq
from dashboard.queries.registration import OpenEdition, district_choices
from dashboard.services import mail_delivery, registration
from dashboard.services.registration import (
    Outcome,
    RegistrationForm,
    RegistrationResult,
)
from dashboard.ui import feedback
from dashboard.web import state
from db.engine import now
from db.models import AGE_GROUPS, PARTICIPANT_CATEGORIES

DONE_MESSAGES = {
    Outcome.REGISTERED: "congress.signup.done_registered",
    Outcome.WAITLISTED: "congress.signup.done_waitlisted",
}
# The form field a service error names -> the key of the widget that shows it.
FIELD_WIDGETS = {
    "full_name": "zapisy_name",
    "email": "zapisy_email",
    "district": "zapisy_district",
    "age_group": "zapisy_age",
    "category": "zapisy_category",
    "days": "zapisy_day1",
    "workshop": "zapisy_workshop",
    "consent": "zapisy_consent",
}
HONEYPOT_KEY = "zapisy_website"


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
    """Name, dates, hours and venue; False when registration is closed."""
    lang = web.lang()
    st.subheader(edition.name)
    start, end = format_long_date(edition.starts_on, lang), format_long_date(edition.ends_on, lang)
    lines = [web.tr("congress.signup.when", start=start, end=end)]
    if edition.hours:
        lines.append(web.tr("congress.signup.hours", hours=edition.hours))
    if edition.venue:
        lines.append(web.tr("congress.signup.venue", venue=edition.venue))
    st.markdown("  \n".join(lines))
    if not edition.is_open:
        st.warning(web.tr("congress.signup.closed"))
        return False
    if edition.closes_on is not None:
        st.caption(web.tr("congress.signup.closes_on", date=format_date(edition.closes_on)))
    return True


def contact_notice(edition: OpenEdition) -> None:
    """Whom to ask, and the data protection officer, beside the privacy notice."""
    if edition.contact:
        st.caption(web.tr("congress.signup.contact", contact=edition.contact))
    if edition.dpo_contact:
        st.caption(web.tr("congress.signup.dpo", contact=edition.dpo_contact))


def show_confirmation(form: RegistrationForm, result: RegistrationResult) -> None:
    """The same words for a new and a repeated address: check your inbox."""
    email = registration.normalise_email(form.email)
    st.success(web.tr(DONE_MESSAGES[result.outcome], email=email))
    if st.button(web.tr("congress.signup.another"), key="zapisy_another"):
        state.REGISTRATION_DONE.pop()
        st.rerun()


def stored_registration() -> tuple[RegistrationForm, RegistrationResult] | None:
    """(form, result) of the registration this session just stored, if any."""
    return state.REGISTRATION_DONE.get()


def submit(form: RegistrationForm) -> None:
    """Store the form and answer: errors, closed, the waitlist question or the confirmation."""
    moment = now()
    sent_at = state.REGISTRATION_SENT_AT.get([]) or []
    wait = throttle.wait_seconds(sent_at, moment)
    if wait:
        st.error(web.tr("congress.signup.throttled", seconds=wait))
        return
    state.REGISTRATION_SENT_AT.set(throttle.remember(sent_at, moment))
    base_url = web.settings().public_base_url
    # SQLite locked beyond busy_timeout (or a dropped connection) is said here; the
    # form keeps every value, so trying again loses nothing.
    stored = feedback.run_write(lambda: registration.register(web.engine(), form, None, base_url))
    if not stored.ok:
        return
    result = stored.value
    state.REGISTRATION_PENDING.pop()
    state.REGISTRATION_ERRORS.pop()
    if result.outcome is Outcome.INVALID:
        state.REGISTRATION_ERRORS.set(result.errors)
        st.rerun()
    elif result.outcome is Outcome.CLOSED:
        st.error(web.tr("congress.signup.closed"))
    elif result.outcome is Outcome.FULL:
        state.REGISTRATION_PENDING.set(form)
        st.rerun()
    else:
        mail_delivery.send_soon(web.engine(), web.settings(), result.mail_ids)
        state.REGISTRATION_DONE.set((form, result))
        st.rerun()


def error_summary() -> None:
    """Above the form: what to fix, for people who read the page top to bottom."""
    errors = state.REGISTRATION_ERRORS.get() or {}
    if not errors:
        return
    lines = [
        f"- **{web.tr(f'congress.signup.field.{field}')}**: {web.tr(key)}"
        for field, key in errors.items()
    ]
    st.error(web.tr("congress.signup.fix") + "\n\n" + "\n".join(lines))


def _field_error(field: str) -> None:
    key = (state.REGISTRATION_ERRORS.get() or {}).get(field)
    if key:
        st.error(web.tr(key), icon=":material/error:")


def focus_first_error() -> None:
    """Put the keyboard focus on the first field with an error (once per answer)."""
    errors = state.REGISTRATION_ERRORS.get() or {}
    first = next((FIELD_WIDGETS[f] for f in FIELD_WIDGETS if f in errors), None)
    if first is None:
        return
    selector = json.dumps(f".st-key-{first} input")
    components.html(
        "<script>const el = window.parent.document.querySelector("
        f"{selector}); if (el) {{ el.focus(); }}</script>",
        height=0,
    )


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
    _hide_honeypot()
    with st.form("zapisy", enter_to_submit=False):
        person = _person_fields(choices)
        days = _day_fields(edition, choices)
        consents = _consent_fields()
        sent = st.form_submit_button(web.tr("congress.signup.submit"), type="primary")
    if not sent:
        return None
    return RegistrationForm(edition=edition.edition, **person, **days, **consents)


def _person_fields(choices: Choices) -> dict[str, object]:
    # No max_chars: a longer paste would be cut or dropped by the browser; the service
    # says "too long" at the field instead.
    name = st.text_input(
        web.tr("congress.signup.name"),
        key="zapisy_name",
        help=web.tr("congress.signup.name_help"),
        autocomplete="name",
    )
    _field_error("full_name")
    email = st.text_input(web.tr("congress.signup.email"), key="zapisy_email", autocomplete="email")
    _field_error("email")
    district = _choice(
        web.tr("common.district"),
        [*choices.districts, registration.OUTSIDE_TORUN],
        "zapisy_district",
        choices.district_label,
    )
    _field_error("district")
    age_group = _choice(web.tr("congress.age_group"), list(AGE_GROUPS), "zapisy_age")
    _field_error("age_group")
    category = _choice(
        web.tr("congress.signup.category"),
        list(PARTICIPANT_CATEGORIES),
        "zapisy_category",
        lambda code: web.tr(f"category.{code}"),
    )
    _field_error("category")
    return {
        "full_name": name,
        "email": email,
        "district_number": district,
        "age_group": age_group,
        "category": category,
    }


def _day_fields(edition: OpenEdition, choices: Choices) -> dict[str, object]:
    lang = web.lang()
    st.write(web.tr("congress.signup.days_question"))
    day1 = st.checkbox(
        web.tr("congress.signup.day1", date=format_long_date(edition.starts_on, lang)),
        key="zapisy_day1",
    )
    day2 = st.checkbox(
        web.tr("congress.signup.day2", date=format_long_date(edition.ends_on, lang)),
        key="zapisy_day2",
    )
    _field_error("days")
    workshop = _choice(
        web.tr("congress.signup.workshop"),
        list(choices.titles),
        "zapisy_workshop",
        choices.workshop_label,
        help=web.tr("congress.signup.workshop_help"),
    )
    _field_error("workshop")
    return {"day1": day1, "day2": day2, "workshop_id": workshop}


def _consent_fields() -> dict[str, object]:
    consent = st.checkbox(web.tr("congress.signup.consent"), key="zapisy_consent")
    _field_error("consent")
    photo = st.checkbox(web.tr("congress.signup.photo_consent"), key="zapisy_photo")
    # The honeypot: hidden from people and screen readers (display: none), so only a
    # bot that fills every input it finds in the page fills it in.
    honeypot = st.text_input(
        web.tr("congress.signup.honeypot"), label_visibility="collapsed", key=HONEYPOT_KEY
    )
    return {"consent": consent, "photo_consent": photo, "honeypot": honeypot}


def _hide_honeypot() -> None:
    st.html(f"<style>.st-key-{HONEYPOT_KEY} {{ display: none !important; }}</style>")
