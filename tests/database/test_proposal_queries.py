"""Filters from the URL, the filtered list, its count, facets, detail and history."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dashboard.queries.proposals import (
    ProposalFilters,
    count_proposals,
    export_rows,
    facet_counts,
    filter_options,
    list_proposals,
    proposal_detail,
    proposal_history,
    view_total,
)
from harness.apptest import ADMIN
from tests.support.proposals import add_proposal, seed_reference


def test_filters_round_trip_through_url_parameters():
    filters = ProposalFilters(
        q="ścieżki rowerowe",
        statuses=("accepted", "in_review"),
        subteam_slugs=("partycypacja",),
        sources=("congress",),
        district_numbers=(1, 13),
        areas=("Mobilność",),
        categories=("ngo",),
        date_from=date(2025, 9, 1),
        date_to=date(2025, 9, 30),
        team_slug="spoleczenstwo",
    )
    params = filters.to_query_params()
    assert params["status"] == ["accepted", "in_review"]
    assert params["from"] == "2025-09-01" and params["district"] == ["1", "13"]
    assert set(params) == {
        "q",
        "status",
        "subteam",
        "source",
        "district",
        "area",
        "category",
        "from",
        "to",
        "team",
    }
    assert ProposalFilters.from_query_params(params) == filters
    assert ProposalFilters().to_query_params() == {}


def test_invalid_url_values_are_left_out():
    params = {
        "status": ["accepted", "nonsense"],
        "district": ["x", "3"],
        "category": "alien",
        "from": "31.02.2025",
        "to": "30.09.2025",
        "q": "  rower ",
    }
    filters = ProposalFilters.from_query_params(params)
    assert filters.statuses == ("accepted",)
    assert filters.district_numbers == (3,)
    assert filters.categories == ()
    assert filters.date_from is None and filters.date_to == date(2025, 9, 30)
    assert filters.q == "rower"


@pytest.fixture
def browse_db(engine):
    seed_reference(engine)
    add = add_proposal
    ids = {
        "a": add(engine, "Ścieżki rowerowe", "Do szkół", status="accepted", district_id=1,
                 author_id=1, strategic_area="Mobilność", created_at=datetime(2025, 9, 29, 9)),
        "b": add(engine, "Rowerowy Toruń", "Stojaki", status="in_review", source="workshop",
                 district_id=2, author_id=2, created_at=datetime(2025, 9, 30, 23, 59)),
        "c": add(engine, "Ławki nad Wisłą", "Zieleń", subteam_id=2, status="accepted",
                 created_at=datetime(2025, 10, 1, 0, 0)),
        "d": add(engine, "Otwarte dane", "Portal", subteam_id=2, source="online_form",
                 author_id=1, created_at=datetime(2025, 8, 1)),
    }  # fmt: skip
    return engine, ids


def test_each_filter_narrows_the_list_and_the_count(browse_db):
    engine, ids = browse_db
    cases = {
        ProposalFilters(): {"a", "b", "c", "d"},
        ProposalFilters(statuses=("accepted",)): {"a", "c"},
        ProposalFilters(subteam_slugs=("smart-city",)): {"c", "d"},
        ProposalFilters(team_slug="spoleczenstwo"): {"a", "b", "c", "d"},
        ProposalFilters(team_slug="inny"): set(),
        ProposalFilters(sources=("workshop", "online_form")): {"b", "d"},
        ProposalFilters(district_numbers=(1, 2)): {"a", "b"},
        ProposalFilters(areas=("Mobilność",)): {"a"},
        ProposalFilters(categories=("ngo",)): {"a", "d"},
        # "to" includes the whole last day; "from" starts at midnight.
        ProposalFilters(date_from=date(2025, 9, 29), date_to=date(2025, 9, 30)): {"a", "b"},
        ProposalFilters(q="rower", statuses=("accepted",)): {"a"},
        ProposalFilters(q="lawki wisla"): {"c"},
    }
    by_id = {value: key for key, value in ids.items()}
    for filters, expected in cases.items():
        rows = list_proposals(engine, filters)
        assert {by_id[i] for i in rows["id"]} == expected, filters
        assert count_proposals(engine, filters) == len(expected), filters
        assert view_total(facet_counts(engine, filters)) == len(expected), filters
    newest_first = list_proposals(engine, ProposalFilters())["id"].tolist()
    assert newest_first == [ids["c"], ids["b"], ids["a"], ids["d"]]
    assert list_proposals(engine, ProposalFilters(), limit=2, offset=1)["id"].tolist() == [
        ids["b"],
        ids["a"],
    ]


def test_facets_count_the_current_results(browse_db):
    engine, _ = browse_db
    facets = facet_counts(engine, ProposalFilters(statuses=("accepted",)))
    as_dict = {(row.facet, row.value): row["count"] for _, row in facets.iterrows()}
    assert as_dict == {
        ("status", "accepted"): 2,
        ("source", "congress"): 2,
        ("subteam", "partycypacja"): 1,
        ("subteam", "smart-city"): 1,
        ("district", "1"): 1,
        ("district", ""): 1,  # city-wide
    }
    labels = facets.set_index(["facet", "value"])["label"]
    assert labels[("subteam", "smart-city")] == "Smart City"
    # With a search text the facets come from one pass over the matches.
    searched = facet_counts(engine, ProposalFilters(q="rower"))
    assert {(row.facet, row.value, row.label): row["count"] for _, row in searched.iterrows()} == {
        ("status", "accepted", "accepted"): 1,
        ("status", "in_review", "in_review"): 1,
        ("source", "congress", "congress"): 1,
        ("source", "workshop", "workshop"): 1,
        ("subteam", "partycypacja", "Partycypacja"): 2,
        ("district", "1", "Bydgoskie Przedmieście"): 1,
        ("district", "2", "Chełmińskie Przedmieście"): 1,
    }
    assert facet_counts(engine, ProposalFilters(q="nieistniejące")).empty


def test_detail_hides_e_mail_unless_allowed_and_history_is_ordered(browse_db):
    engine, ids = browse_db
    hidden = proposal_detail(engine, ids["a"])
    assert hidden.author_name == "Anna Łęcka" and hidden.author_email is None
    assert hidden.subteam_name == "Partycypacja" and hidden.district_number == 1
    shown = proposal_detail(engine, ids["a"], emails_for=ADMIN)
    assert shown.author_email == "anna.lecka@example.com"
    assert proposal_detail(engine, 999999) is None
    history = proposal_history(engine, ids["a"])
    assert history[["from_status", "to_status"]].iloc[0].tolist()[1] == "accepted"
    options = filter_options(engine)
    assert options.subteams == (("partycypacja", "Partycypacja"), ("smart-city", "Smart City"))
    assert options.areas == ("Mobilność",) and len(options.districts) == 3
    personal = export_rows(engine, ProposalFilters(), emails_for=ADMIN)
    assert "author_email" in personal and "author_email" not in export_rows(
        engine, ProposalFilters()
    )
