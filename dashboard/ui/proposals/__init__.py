"""Widgets of /propozycje, one module per part of the page.

- ``filters``: the sidebar filters, kept in the URL (``?status=accepted``)
- ``table``: facets, the page of rows, paging, which row's detail is open
- ``detail``: one proposal: facts, history, similar proposals
- ``review``: status changes and edits of one proposal, and of several at once
- ``export`` and ``imports``: files out and in

Filters live in the URL with language-independent codes: on the first run of the page
the widgets are filled from the URL, afterwards the URL is rewritten from the widgets.
"""
