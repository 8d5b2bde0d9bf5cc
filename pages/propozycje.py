"""/propozycje — browse, filter, search, read, review and export proposals."""

import streamlit as st

from dashboard import web
from dashboard.queries import proposals as pq
from dashboard.ui import proposals as ui

actor = web.require_actor()
st.title(web.tr("proposals.title"))
ui.show_flash()
ui.import_section(actor)

filters = ui.filters_sidebar(web.query(pq.filter_options))
total = web.query(pq.count_proposals, filters)

table_column, facet_column = st.columns([3, 1])
with facet_column:
    ui.facets(web.query(pq.facet_counts, filters))
with table_column:
    st.markdown(f"**{web.tr('proposals.found', count=web.count_text(total, 'noun.proposal'))}**")
    ui.export_buttons(actor, filters, total)
    offset = ui.page_offset(total)
    rows = web.query(pq.list_proposals, filters, pq.PAGE_SIZE, offset)
    if total > len(rows):
        st.caption(web.tr("proposals.page_note", shown=pq.PAGE_SIZE))
    selected = ui.proposals_table(rows, filters, offset) if not rows.empty else []
    if rows.empty:
        st.info(web.tr("proposals.empty"))
    st.caption(web.tr("proposals.table_help"))

if len(selected) > 1:
    ui.bulk_controls(actor, rows, selected)
detail_id = ui.detail_id_from_selection(rows, selected)
if detail_id is not None:
    ui.detail(actor, detail_id)
