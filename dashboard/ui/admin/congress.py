"""The Congress section of /admin: registration window, check-in, sign-up list, anonymisation."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.exports.signups import export_signups
from dashboard.queries import congress as cq
from dashboard.queries import signups
from dashboard.services import congress_admin, registration
from dashboard.ui import feedback
from dashboard.ui.tables import show_table
from dashboard.web import state

MAX_CHECKIN_ROWS = 25
LIST_ROWS = 500


def render(actor: Actor) -> None:
    feedback.show_flash(state.FLASH_CONGRESS_ADMIN)
    editions = web.query(cq.editions)
    if editions.empty:
        st.info(web.tr("congress.no_editions"))
        return
    names = {int(e): name for e, name in zip(editions["edition"], editions["name"], strict=True)}
    edition = st.selectbox(
        web.tr("congress.edition"), list(names), format_func=names.get, key="admin_congress_edition"
    )
    event = editions[editions["edition"] == edition].iloc[0]
    _registration_window(actor, edition, event)
    _checkin(actor, edition)
    _signup_list(actor, edition)
    _anonymise(actor, edition)


def _registration_window(actor: Actor, edition: int, event) -> None:
    st.subheader(web.tr("congress.admin.window"))
    with st.form(f"admin_congress_window_{edition}", enter_to_submit=False):
        is_open = st.toggle(
            web.tr("congress.admin.window_open"), value=bool(event["registration_open"])
        )
        closes_on = st.date_input(
            web.tr("congress.admin.window_closes"),
            value=event["registration_closes_on"],
            format="DD.MM.YYYY",
        )
        if st.form_submit_button(web.tr("congress.admin.save")):
            saved = feedback.run_write(
                lambda: registration.set_registration_window(
                    web.engine(), actor, edition, is_open, closes_on
                )
            )
            if saved.ok:
                st.rerun()


def _toggle_attended(actor: Actor, signup_id: int, key: str) -> None:
    attended = bool(state.widget(key).get())
    feedback.run_write(
        lambda: congress_admin.set_attended(web.engine(), actor, signup_id, attended)
    )


def _checkin(actor: Actor, edition: int) -> None:
    st.subheader(web.tr("congress.admin.checkin"))
    counts = signups.checkin_counts(web.engine(), actor, edition)
    columns = st.columns(4)
    for column, key in zip(
        columns, ("registered", "present", "expected", "waitlisted"), strict=True
    ):
        column.metric(web.tr(f"congress.admin.count.{key}"), web.number(counts[key]))
    text = st.text_input(web.tr("congress.admin.search"), key="admin_congress_search")
    if not text.strip():
        st.caption(web.tr("congress.admin.search_hint"))
        return
    found = signups.search_signups(web.engine(), actor, edition, text)
    if found.empty:
        st.info(web.tr("congress.admin.no_match"))
        return
    if len(found) > MAX_CHECKIN_ROWS:
        st.caption(web.tr("congress.admin.too_many", count=len(found), shown=MAX_CHECKIN_ROWS))
    for row in found.head(MAX_CHECKIN_ROWS).itertuples():
        name_column, status_column, toggle_column = st.columns([4, 2, 2])
        name_column.text(f"{row.full_name or '—'} · {row.email or '—'}")
        status_column.text(web.tr(f"congress.signup.status.{row.status}"))
        key = f"admin_congress_attended_{row.id}"
        state.widget(key).set(bool(row.attended))
        toggle_column.toggle(
            web.tr("congress.admin.attended"),
            key=key,
            on_change=_toggle_attended,
            args=(actor, int(row.id), key),
        )


def _signup_list(actor: Actor, edition: int) -> None:
    st.subheader(web.tr("congress.admin.list"))
    st.caption(web.tr("congress.admin.list_note"))
    # One screenful: a whole edition can be 100 000+ rows; the export has them all.
    frame = signups.signup_list(web.engine(), actor, edition, limit=LIST_ROWS)
    total = signups.signup_count(web.engine(), actor, edition)
    if total > len(frame):
        st.caption(web.tr("congress.admin.list_shown", shown=len(frame), total=total))
    show_table(frame)
    for column, fmt, mime in zip(
        st.columns([1, 1, 4])[:2],
        ("csv", "xlsx"),
        ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        strict=True,
    ):
        column.download_button(
            web.tr(f"congress.admin.export_{fmt}"),
            data=lambda fmt=fmt: export_signups(web.engine(), actor, edition, fmt),
            file_name=f"zapisy-kongres-{edition}.{fmt}",
            mime=mime,
            key=f"admin_congress_export_{fmt}",
        )


def _anonymise(actor: Actor, edition: int) -> None:
    st.subheader(web.tr("congress.admin.anonymise"))
    st.caption(web.tr("congress.admin.anonymise_note"))
    confirmed = st.checkbox(
        web.tr("congress.admin.anonymise_confirm", edition=edition),
        key=f"admin_congress_anonymise_ok_{edition}",
    )
    if st.button(
        web.tr("congress.admin.anonymise_button"),
        disabled=not confirmed,
        key=f"admin_congress_anonymise_{edition}",
    ):
        done = feedback.run_write(
            lambda: congress_admin.anonymise_edition(web.engine(), actor, edition)
        )
        if done.ok:
            # Shown after the rerun, which also redraws the (now anonymous) list above.
            text = web.tr("congress.admin.anonymised", count=done.value)
            feedback.flash(state.FLASH_CONGRESS_ADMIN, text)
            st.rerun()
