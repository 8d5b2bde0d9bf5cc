"""/propozycje — browse, filter, search, read, review and export proposals."""

import streamlit as st

from dashboard import web
from dashboard.queries import proposals as pq
from dashboard.ui.proposals import detail, export, filters, imports, review, table

actor = web.require_actor()
st.title(web.tr("proposals.title"))
imports.import_section(actor)

view = filters.filters_sidebar(web.query(pq.filter_options))
facets = web.query(pq.facet_counts, view)
total = pq.view_total(facets)

table_column, facet_column = st.columns([3, 1])
with facet_column:
    table.facets(facets)
with table_column:
    st.markdown(f"**{web.tr('proposals.found', count=web.count_text(total, 'noun.proposal'))}**")
    export.export_buttons(actor, view, total)
    offset = table.page_offset(total)
    rows = web.query(pq.list_proposals, view, pq.PAGE_SIZE, offset)
    if total > len(rows):
        st.caption(web.tr("proposals.page_note", shown=pq.PAGE_SIZE))
    selected = table.proposals_table(rows, view, offset) if not rows.empty else []
    if rows.empty:
        st.info(web.tr("proposals.empty"))
    st.caption(web.tr("proposals.table_help"))

if len(selected) > 1:
    review.bulk_controls(actor, rows, selected)
detail_id = table.detail_id_from_selection(rows, selected)
if detail_id is not None:
    detail.detail(actor, detail_id)
review.show_flash()  # a message whose controls are gone (e.g. after a bulk change)
