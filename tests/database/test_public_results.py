"""/wyniki reads on SQLite and PostgreSQL: only public columns, publishable descriptions,
no withdrawn proposals, the Polish search, the summaries and the okręg comparison."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.queries.public import (
    PublicFilters,
    count_public,
    outcomes_by_edition,
    outcomes_okreg_vs_city,
    public_options,
    public_proposals,
)
from dashboard.services.publication import restore_to_public, set_description_public
from harness.apptest import ADMIN
from tests.support.public import PRIVATE_WORD, PUBLIC_WORD, SECRET_AUTHOR, SECRET_EMAIL, seed_public

PUBLIC_COLUMNS = {
    "id", "title", "status", "subteam_slug", "subteam", "okreg_number", "okreg_name", "source",
    "submitted_at", "last_decision_at", "public_answer", "description",
}  # fmt: skip


@pytest.fixture
def public_db(engine):
    return engine, seed_public(engine)


def ids(frame) -> set[int]:
    return set(frame["id"].astype(int))


def test_list_has_only_public_columns_and_no_personal_data(public_db):
    engine, data = public_db
    rows = public_proposals(engine, PublicFilters(), limit=None)
    assert set(rows.columns) == PUBLIC_COLUMNS
    assert data.withdrawn not in ids(rows)
    assert ids(rows) == {data.accepted, data.rejected, data.in_review, data.formula}
    text = rows.astype(str).to_csv()
    assert SECRET_AUTHOR not in text and SECRET_EMAIL not in text
    assert count_public(engine, PublicFilters()) == 4


def test_description_only_where_marked_publishable(public_db):
    engine, data = public_db
    rows = public_proposals(engine, PublicFilters(), limit=None).set_index("id")
    assert rows.loc[data.accepted, "description"] == "Opis do publikacji: więcej ławek."
    assert rows.loc[data.in_review, "description"] == ""
    assert rows.loc[data.accepted, "public_answer"] == "Ławki staną wiosną 2026."
    assert rows.loc[data.rejected, "public_answer"] == ""


def test_last_decision_is_the_latest_decided_status(public_db):
    engine, data = public_db
    rows = public_proposals(engine, PublicFilters(), limit=None).set_index("id")
    assert not rows["last_decision_at"].isna()[data.accepted]
    assert not rows["last_decision_at"].isna()[data.rejected]
    assert rows["last_decision_at"].isna()[data.in_review]  # in review: nothing decided yet


def test_search_ignores_unpublished_descriptions(public_db):
    engine, data = public_db
    assert count_public(engine, PublicFilters(q=PRIVATE_WORD)) == 0
    assert count_public(engine, PublicFilters(q="zzyzx")) == 0
    assert ids(public_proposals(engine, PublicFilters(q="lawki"))) == {data.accepted}
    assert ids(public_proposals(engine, PublicFilters(q=PUBLIC_WORD[:6]))) == {data.accepted}
    assert ids(public_proposals(engine, PublicFilters(q="wiecej lawek"))) == {data.accepted}
    set_description_public(engine, ADMIN, data.in_review, True)
    assert ids(public_proposals(engine, PublicFilters(q=PRIVATE_WORD))) == {data.in_review}


def test_filters_narrow_the_view(public_db):
    engine, data = public_db
    assert ids(public_proposals(engine, PublicFilters(okreg=1))) == {data.accepted, data.rejected}
    assert ids(public_proposals(engine, PublicFilters(statuses=("rejected",)))) == {data.rejected}
    assert ids(public_proposals(engine, PublicFilters(subteam_slugs=("smart-city",)))) == {
        data.in_review
    }
    assert ids(public_proposals(engine, PublicFilters(sources=("workshop",)))) == {data.rejected}
    before_2025 = PublicFilters(date_to=date(2024, 12, 31))
    assert ids(public_proposals(engine, before_2025)) == {data.accepted}
    assert count_public(engine, PublicFilters(date_from=date(2025, 9, 30))) == 3
    assert count_public(engine, PublicFilters(okreg=13)) == 0


def test_withdrawn_proposal_is_left_out_of_counts_and_search(public_db):
    engine, data = public_db
    assert count_public(engine, PublicFilters(q="wycofana")) == 0
    restore_to_public(engine, ADMIN, data.withdrawn)
    assert count_public(engine, PublicFilters(q="wycofana")) == 1


def test_outcomes_by_edition(public_db):
    engine, _ = public_db
    frame = outcomes_by_edition(engine, PublicFilters())
    counts = {(row.edition, row.outcome): row.count for row in frame.itertuples()}
    assert counts == {
        (2024, "accepted"): 1,
        (2025, "rejected"): 1,
        (2025, "under_review"): 2,  # in review, and the formula-like title (submitted)
    }
    assert list(frame["outcome"][frame["edition"] == 2025]) == ["rejected", "under_review"]
    assert outcomes_by_edition(engine, PublicFilters(q="nic-takiego")).empty


def test_okreg_compared_with_the_city(public_db):
    engine, _ = public_db
    frame = outcomes_okreg_vs_city(engine, PublicFilters(okreg=1))
    okreg = frame[frame["area"] == "okreg"].set_index("outcome")
    city = frame[frame["area"] == "city"].set_index("outcome")
    assert okreg["count"].to_dict() == {"accepted": 1, "rejected": 1}
    assert okreg["share"].to_dict() == {"accepted": 0.5, "rejected": 0.5}
    assert city["count"].sum() == 4
    assert city.loc["under_review", "share"] == pytest.approx(0.5)


def test_filters_round_trip_through_the_url():
    filters = PublicFilters(
        q="ławki",
        statuses=("accepted", "rejected"),
        subteam_slugs=("partycypacja",),
        okreg=3,
        sources=("workshop",),
        date_from=date(2025, 1, 1),
        date_to=date(2025, 12, 31),
    )
    assert PublicFilters.from_query_params(filters.to_query_params()) == filters
    odd = {"status": ["nonsense", "accepted"], "okreg": "x", "from": "31.12.2024", "to": "jutro"}
    assert PublicFilters.from_query_params(odd) == PublicFilters(
        statuses=("accepted",), date_from=date(2024, 12, 31)
    )


def test_options(public_db):
    engine, _ = public_db
    options = public_options(engine)
    assert [number for number, _ in options.districts] == [1, 2, 3]
    assert [slug for slug, _ in options.subteams] == ["partycypacja", "smart-city"]
