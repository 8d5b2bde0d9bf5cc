"""Widgets of /postepy, one module per part of the page. Streamlit code only — numbers
come from ``dashboard.queries``.

- ``dates``: the as-of and "since" dates, kept in the URL
- ``headline``: the traffic lights, milestones, proposal stages and the Congress countdown
- ``subteams``: the per-subteam table and the pipeline's numbers
- ``changes``: what changed since the chosen date
- ``milestones``: the milestone forms of leads (own subteams) and admins

The team and subteam choice is ``dashboard.ui.scope`` (shared with /zespol).
"""
