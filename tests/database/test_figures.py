"""One definition per figure: on the demo data, /postepy's headline, the /propozycje
facets and the meeting deck give each count the same value under the same words, and the
"Wymaga uwagi" list is exactly the late and at-risk milestones of the traffic-light rule."""

from __future__ import annotations

from datetime import datetime, time

from dashboard.core.progress_rules import AT_RISK, LATE, count_figures, milestone_status
from dashboard.deck.content import collect_deck
from dashboard.i18n import format_int, t
from dashboard.queries import figures
from dashboard.queries import progress as pq
from dashboard.queries import proposals as proposal_queries
from dashboard.queries.scope import Scope
from db.engine import make_engine
from tests.conftest import DEMO_TODAY

EVERY_PROPOSAL = proposal_queries.ProposalFilters()


def facet_figures(engine, filters=EVERY_PROPOSAL) -> dict[str, int]:
    counts = proposal_queries.facet_counts(engine, filters)
    statuses = counts[counts["facet"] == "status"]
    return count_figures(dict(zip(statuses["value"], statuses["count"], strict=True)))


def test_page_facets_and_deck_count_every_figure_alike(demo_url):
    engine = make_engine(demo_url)
    page = dict(pq.headline_figures(engine, DEMO_TODAY).figures)
    # Nothing changed after the demo's today, so the current statuses of the facets are
    # the statuses on that day.
    assert page == facet_figures(engine) == figures.proposal_figures(engine, DEMO_TODAY)
    # "W toku oceny" is both review statuses, "Z decyzją" includes "włączona do strategii".
    assert page["under_review"] > 0 and page["decided"] > page["included"] > 0
    assert sum(page[key] for key in ("submitted", "under_review", "decided")) == page["proposals"]

    deck = collect_deck(engine, chart_ids=(), now=datetime.combine(DEMO_TODAY, time(10)), lang="pl")
    values = {figure.label.split(" (")[0]: figure.value for figure in deck.figures}
    assert values[t("figure.proposals")] == format_int(page["proposals"])
    assert values[t("figure.decided")] == format_int(page["decided"])
    milestones = figures.milestone_figures(engine, DEMO_TODAY)
    progress = pq.subteam_progress(engine, DEMO_TODAY)
    assert milestones.overdue == int(progress["overdue_count"].sum())
    assert values[t("figure.overdue")] == format_int(milestones.overdue)
    assert (milestones.done, milestones.total) == (
        int(progress["milestones_done"].sum()),
        int(progress["milestones_total"].sum()),
    )
    engine.dispose()


def test_a_subteams_figures_match_its_facets(demo_url):
    engine = make_engine(demo_url)
    slug = pq.subteam_options(engine)["slug"].iloc[1]
    scoped = figures.proposal_figures(engine, DEMO_TODAY, Scope(subteam_slugs=(slug,)))
    filters = proposal_queries.ProposalFilters(subteam_slugs=(slug,))
    assert scoped == facet_figures(engine, filters)
    engine.dispose()


def test_needing_attention_is_every_late_and_at_risk_milestone(demo_url):
    engine = make_engine(demo_url)
    attention = figures.milestones_needing_attention(engine, DEMO_TODAY)
    every = pq.milestones_as_of(engine, DEMO_TODAY)
    expected = {
        int(m.id): milestone_status(m.due_date, m.done_on, DEMO_TODAY)
        for m in every.itertuples()
        if milestone_status(m.due_date, m.done_on, DEMO_TODAY) in (LATE, AT_RISK)
    }
    assert dict(zip(attention["id"].astype(int), attention["status"], strict=True)) == expected
    assert LATE in expected.values()
    assert list(attention["due_date"]) == sorted(attention["due_date"])
    for m in attention.itertuples():
        assert m.days_late == (DEMO_TODAY - m.due_date).days
    # The subteam table's late/at-risk counts are the same milestones.
    progress = pq.subteam_progress(engine, DEMO_TODAY)
    assert int(progress["late_count"].sum()) == list(expected.values()).count(LATE)
    assert int(progress["at_risk_count"].sum()) == list(expected.values()).count(AT_RISK)

    deck = collect_deck(engine, chart_ids=(), now=datetime.combine(DEMO_TODAY, time(10)))
    assert deck.attention.total == len(attention)
    for title, line in zip(attention["title"], deck.attention.items, strict=False):
        assert title[:40] in line
    engine.dispose()
