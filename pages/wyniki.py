"""/wyniki — what became of the public proposals (anyone, no sign-in)."""

import streamlit as st

from dashboard import web
from dashboard.queries import public as pq
from dashboard.ui.public import filters, results

st.title(web.tr("public.title"))
st.write(web.tr("public.intro"))

options = web.query(pq.public_options)
missing_okreg = filters.unknown_okreg(options)
if missing_okreg is not None:
    st.warning(web.tr("public.okreg.unknown", number=missing_okreg))
view = filters.filter_widgets(options)
total = web.query(pq.count_public, view)

results.summary(web.query(pq.outcomes_by_edition, view))
if view.okreg is not None:
    name = dict(options.districts)[view.okreg]
    results.okreg_comparison(web.query(pq.outcomes_okreg_vs_city, view), view.okreg, name)

st.subheader(web.tr("public.list.heading"))
st.markdown(f"**{web.tr('public.found', count=web.count_text(total, 'noun.proposal'))}**")
page, pages = results.page_offset(total)
rows = web.query(pq.public_proposals, view, pq.PAGE_SIZE, (page - 1) * pq.PAGE_SIZE)
if rows.empty:
    st.info(web.tr("public.empty"))
else:
    if pages > 1:
        first = (page - 1) * pq.PAGE_SIZE + 1
        st.caption(
            web.tr(
                "public.page_note", page=page, pages=pages, first=first, last=first + len(rows) - 1
            )
        )
    st.caption(web.tr("public.table_caption"))
    chosen = results.proposals_table(rows, view, page)
    if chosen is not None:
        results.detail(rows.iloc[chosen])
results.downloads(view, total)
