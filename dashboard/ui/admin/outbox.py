"""The outbox on /admin: what waits, what went, and why a message was given up."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.permissions import Actor
from dashboard.i18n import CATALOGUE
from dashboard.queries.mail import outbox_counts, outbox_messages
from dashboard.services.mail_delivery import MAX_ATTEMPTS
from dashboard.ui.tables import show_labelled
from db.models import OUTBOX_STATES

LIMIT = 500
# The state and the reason first: on a narrow screen they are what an admin looks for.
COLUMNS = (
    "status", "last_error", "recipient", "subject", "attempts", "created_at",
    "next_attempt_at", "sent_at", "kind",
)  # fmt: skip
WHEN = "DD.MM.YYYY HH:mm"


def render(actor: Actor) -> None:
    if not web.settings().smtp_host:
        st.warning(web.tr("mail.outbox.no_server"))
    st.caption(web.tr("mail.outbox.intro", attempts=MAX_ATTEMPTS, limit=LIMIT))
    counts = web.query(outbox_counts, actor)
    for column, state in zip(st.columns(len(OUTBOX_STATES)), OUTBOX_STATES, strict=True):
        column.metric(web.tr(f"mail.outbox.state.{state}"), web.number(counts[state]))
    chosen = st.multiselect(
        web.tr("mail.outbox.filter"),
        OUTBOX_STATES,
        default=("pending", "sending", "failed") if counts["failed"] else (),
        format_func=lambda state: web.tr(f"mail.outbox.state.{state}"),
        key="admin.outbox.status",
    )
    messages = web.query(outbox_messages, actor, tuple(chosen), limit=LIMIT)
    if messages.empty:
        st.info(web.tr("mail.outbox.empty"))
        return
    messages["last_error"] = messages["last_error"].fillna("")
    messages["status"] = web.tr_each("mail.outbox.state", messages["status"])
    messages["kind"] = messages["kind"].map(_kind_label)
    show_labelled(
        messages,
        COLUMNS,
        "mail.outbox.col",
        {"created_at": WHEN, "next_attempt_at": WHEN, "sent_at": WHEN},
    )


def _kind_label(kind: str) -> str:
    key = f"mail.kind.{kind}"
    return web.tr(key) if key in CATALOGUE else kind
