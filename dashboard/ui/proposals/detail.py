"""One proposal on /propozycje: its text and facts, its history, similar proposals,
and for those who may change it, the review controls."""

from __future__ import annotations

import streamlit as st

from dashboard import web
from dashboard.core.formatting import format_date, format_datetime
from dashboard.core.permissions import Actor
from dashboard.queries import proposals as pq
from dashboard.queries.similar import similar_proposals
from dashboard.ui.markdown import plain
from dashboard.ui.proposals.review import review_controls
from dashboard.ui.proposals.table import district_text
from dashboard.ui.public.publication import publication_controls
from dashboard.ui.tables import field_value_table, show_table


def detail(actor: Actor, proposal_id: int) -> None:
    emails_for = actor if actor.sees_personal_data() else None
    found = web.query(pq.proposal_detail, proposal_id, emails_for)
    if found is None:
        st.warning(web.tr("proposals.detail.not_found", id=proposal_id))
        return
    st.divider()
    st.subheader(f"{web.tr('proposals.detail.number', id=found.id)} {plain(found.title)}")
    st.markdown(plain(found.description) or web.tr("proposals.detail.no_description"))
    _facts(found)
    _history(proposal_id)
    _similar(proposal_id)
    if actor.can_edit_subteam(found.subteam_id):
        review_controls(found)
        publication_controls(actor, proposal_id)  # /wyniki (public helper, issue 15)


def _facts(found: pq.ProposalDetail) -> None:
    author = found.author_name or web.tr("common.none")
    if found.author_email:
        author = f"{author} <{found.author_email}>"
    merged = (
        f" → nr {found.merged_into_id}" if found.status == "merged" and found.merged_into_id else ""
    )
    rows = [
        ("common.status", web.tr(f"status.{found.status}") + merged),
        ("common.subteam", found.subteam_name),
        ("proposals.filter.source", web.tr(f"source.{found.source}")),
        ("common.district", district_text(found.district_number, found.district_name)),
        ("proposals.filter.area", found.strategic_area or web.tr("common.none")),
        ("proposals.detail.author", author),
        ("proposals.col.created", format_date(found.created_at)),
        ("proposals.detail.updated", format_datetime(found.updated_at)),
    ]
    field_value_table(
        "proposals.detail.field", "proposals.detail.value", rows, key="prop_detail_facts"
    )


def _history(proposal_id: int) -> None:
    st.markdown(f"**{web.tr('proposals.detail.history')}**")
    history = web.query(pq.proposal_history, proposal_id)
    if history.empty:
        st.caption(web.tr("proposals.detail.no_history"))
        return
    for event in history.itertuples():
        change = _event_change(event.from_status, event.to_status)
        line = f"{format_datetime(event.at)} · {plain(event.actor)} · {change}"
        note = f"  \n{plain(event.note)}" if isinstance(event.note, str) and event.note else ""
        st.markdown(f"- {line}{note}")


def _event_change(from_status, to_status) -> str:
    if not isinstance(to_status, str):
        return web.tr("proposals.detail.edited")
    target = web.tr(f"status.{to_status}")
    if not isinstance(from_status, str):
        return web.tr("proposals.detail.created", status=target)
    return f"{web.tr(f'status.{from_status}')} → {target}"


def _similar(proposal_id: int) -> None:
    st.markdown(f"**{web.tr('proposals.similar')}**")
    similar = web.query(similar_proposals, proposal_id)
    if similar.empty:
        st.caption(web.tr("proposals.similar.none"))
        return
    text = st.column_config.TextColumn
    show_table(
        similar.assign(status=similar["status"].map(lambda code: web.tr(f"status.{code}"))),
        {
            "id": st.column_config.NumberColumn(web.tr("proposals.col.id"), format="%d"),
            "title": text(web.tr("proposals.col.title")),
            "subteam": text(web.tr("common.subteam")),
            "status": text(web.tr("common.status")),
            "score": st.column_config.ProgressColumn(
                web.tr("proposals.similar.score"), min_value=0.0, max_value=1.0, format="%.2f"
            ),
        },
        key="prop_similar",
        column_order=["score", "id", "title", "subteam", "status"],
    )
