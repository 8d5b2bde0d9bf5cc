"""/wyniki under AppTest (no sign-in): the URL gives the view, the summary and the okręg
comparison with their tables, an unknown okręg explained, and no personal data."""

from __future__ import annotations

import pytest

from dashboard.queries.public import PublicFilters, count_public, public_proposals
from db.engine import make_engine
from harness.apptest import assert_no_exception, chart_specs, markdown_text, page_test

PAGE = "pages/wyniki.py"


pytestmark = pytest.mark.usefixtures("fresh_caches")


def expected(demo_url, filters):
    engine = make_engine(demo_url)
    try:
        return count_public(engine, filters), public_proposals(engine, filters)["id"].tolist()
    finally:
        engine.dispose()


def test_anonymous_visitor_gets_the_view_from_the_url(demo_url):
    params = {"status": ["accepted", "rejected"], "okreg": "3", "from": "2024-01-01"}
    count, ids = expected(demo_url, PublicFilters.from_query_params(params))
    assert count > 0
    at = page_test(PAGE, demo_url, query_params=params).run()
    assert_no_exception(at)
    assert f"Znaleziono: {count} " in markdown_text(at)
    table = next(frame.value for frame in at.dataframe if "public_answer" in frame.value.columns)
    assert table["id"].tolist() == ids
    assert "author" not in " ".join(table.columns)
    assert at.multiselect(key="pub_status").value == ["accepted", "rejected"]
    assert at.selectbox(key="pub_okreg").value == 3
    titles = [spec.get("title") for spec in chart_specs(at)]
    assert len(titles) == 2  # per edition, and the okręg beside the city
    subheaders = [element.value for element in at.subheader]
    assert any(text.startswith("Okręg 3 — ") for text in subheaders)
    assert "Kongres 2025: " in markdown_text(at)


def test_whole_city_without_filters_and_english(demo_url):
    count, _ = expected(demo_url, PublicFilters())
    at = page_test(PAGE, demo_url, lang="en").run()
    assert_no_exception(at)
    assert f"Found: {count} " in markdown_text(at)
    assert len(chart_specs(at)) == 1


def test_unknown_okreg_is_explained(demo_url):
    at = page_test(PAGE, demo_url, query_params={"okreg": "99"}).run()
    assert_no_exception(at)
    assert "Nie ma okręgu nr 99" in at.warning[0].value


def first_proposal_of_subteam(url: str, subteam_id: int) -> int:
    from sqlalchemy import select

    from db.models import Proposal

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return (
                connection.execute(
                    select(Proposal.id)
                    .where(Proposal.subteam_id == subteam_id)
                    .order_by(Proposal.id)
                )
                .scalars()
                .first()
            )
    finally:
        engine.dispose()


def test_lead_publishes_a_description_and_withdraws_a_proposal(demo_copy_url):
    from dashboard.queries.public import publication_state
    from harness.apptest import LEAD, MEMBER

    proposal_id = first_proposal_of_subteam(demo_copy_url, 1)
    params = {"id": str(proposal_id)}
    member = page_test("pages/propozycje.py", demo_copy_url, actor=MEMBER, query_params=params)
    member.run()
    assert_no_exception(member)
    assert not member.toggle  # a member sees no publication controls

    at = page_test("pages/propozycje.py", demo_copy_url, actor=LEAD, query_params=params).run()
    assert_no_exception(at)
    at.toggle(key=f"pub_desc_{proposal_id}").set_value(True).run()
    assert_no_exception(at)
    at.text_input(key=f"pub_reason_{proposal_id}").input("Nazwisko w tytule.").run()
    at.button(key=f"pub_withdraw_{proposal_id}").click().run()
    assert_no_exception(at)
    assert "Zapisano zmianę publikacji" in " ".join(element.value for element in at.success)
    engine = make_engine(demo_copy_url)
    try:
        current = publication_state(engine, proposal_id)
        assert current.description_public
        assert current.withdrawn_by == "lider" and current.withdrawal_reason == "Nazwisko w tytule."
        assert proposal_id not in public_proposals(engine, PublicFilters(), None)["id"].tolist()
    finally:
        engine.dispose()
    at.button(key=f"pub_restore_{proposal_id}").click().run()
    assert_no_exception(at)
