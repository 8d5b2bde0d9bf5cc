"""For a lead or an admin in a proposal's detail (/propozycje): what /wyniki shows of it —
the description published or not, the proposal listed or withdrawn with a reason."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_datetime
from dashboard.core.permissions import Actor
from dashboard.queries.public import publication_state
from dashboard.services import publication
from dashboard.ui import feedback
from dashboard.ui.markdown import plain
from dashboard.web import state


def publication_controls(actor: Actor, proposal_id: int) -> None:
    current = web.query(publication_state, proposal_id)
    if current is None:
        return
    st.markdown(f"**{web.tr('public.admin.heading')}**")
    st.toggle(
        web.tr("public.admin.description_public"),
        value=current.description_public,
        key=f"pub_desc_{proposal_id}",
        help=web.tr("public.admin.description_help"),
        on_change=_toggle_description,
        args=(actor, proposal_id),
    )
    if current.withdrawn_at is not None:
        st.caption(
            web.tr(
                "public.admin.withdrawn",
                when=format_datetime(current.withdrawn_at),
                who=plain(current.withdrawn_by or ""),
                reason=plain(current.withdrawal_reason or ""),
            )
        )
        st.button(
            web.tr("public.admin.restore"),
            key=f"pub_restore_{proposal_id}",
            on_click=_write,
            args=(lambda: publication.restore_to_public(web.engine(), actor, proposal_id),),
        )
        return
    reason_key = f"pub_reason_{proposal_id}"
    st.text_input(web.tr("public.admin.reason"), key=reason_key, max_chars=publication.MAX_REASON)
    st.button(
        web.tr("public.admin.withdraw"),
        key=f"pub_withdraw_{proposal_id}",
        on_click=_withdraw,
        args=(actor, proposal_id, reason_key),
    )


def _toggle_description(actor: Actor, proposal_id: int) -> None:
    wanted = bool(state.widget(f"pub_desc_{proposal_id}").get())
    _write(lambda: publication.set_description_public(web.engine(), actor, proposal_id, wanted))


def _withdraw(actor: Actor, proposal_id: int, reason_key: str) -> None:
    reason = state.widget(reason_key).get("") or ""
    if _write(lambda: publication.withdraw_from_public(web.engine(), actor, proposal_id, reason)):
        state.widget(reason_key).pop()


def _write(action) -> bool:
    outcome = feedback.attempt(action, denied_key="proposals.error.permission")
    if outcome.ok:
        feedback.flash(state.FLASH_PROPOSALS, web.tr("public.admin.saved"))
    else:
        feedback.flash(state.FLASH_PROPOSALS, outcome.problem or "", "error")
    return outcome.ok
