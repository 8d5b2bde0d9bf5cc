"""Search the way people type Polish, on SQLite (FTS5) and PostgreSQL (GIN index)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update

from dashboard.queries.proposals import ProposalFilters, count_proposals, list_proposals
from dashboard.queries.search import POSTGRES_DOCUMENT, fold, search_proposal_ids, search_terms
from db.engine import write_session
from db.models import Proposal, ProposalEvent
from tests.support.proposals import add_proposal, seed_reference


@pytest.fixture
def corpus(engine):
    seed_reference(engine)
    ids = {
        "sciezki": add_proposal(
            engine,
            "Ścieżki rowerowe na Bydgoskim Przedmieściu",
            "Bezpieczne połączenie z centrum dla dzieci jadących do szkoły.",
        ),
        "lawki": add_proposal(engine, "Nowe ŁAWKI w parku", "Więcej miejsc do odpoczynku."),
        "rowerow": add_proposal(
            engine, "Wypożyczalnia", "Sieć miejskich rowerów przy przystankach."
        ),
        "laczenie": add_proposal(engine, "Łączenie danych miejskich", "Otwarte dane o ruchu."),
        "budzet": add_proposal(engine, "Budżet obywatelski", "Głosowanie przez internet."),
    }
    return engine, ids


def found(engine, query: str) -> set[int]:
    return set(search_proposal_ids(engine, query))


def test_fold_removes_case_and_polish_letters():
    assert fold("Ścieżki ŁĄCZĄ Żółć") == "sciezki lacza zolc"
    assert search_terms('  "Rower"  AND ławki* rower ') == ("rower", "and", "lawki")


def test_stem_finds_inflected_forms(corpus):
    engine, ids = corpus
    assert found(engine, "rower") == {ids["sciezki"], ids["rowerow"]}
    assert found(engine, "ROWEROWE") == {ids["sciezki"]}
    # "rowerów" is also the beginning of "rowerowe": a prefix finds both.
    assert found(engine, "rowerów") == {ids["sciezki"], ids["rowerow"]}


def test_letters_with_or_without_diacritics_and_l_stroke(corpus):
    engine, ids = corpus
    for query in ("lawki", "ławki", "ŁAWKI", "Lawk"):
        assert found(engine, query) == {ids["lawki"]}, query
    for query in ("laczenie", "Łączenie", "łącz"):
        assert found(engine, query) == {ids["laczenie"]}, query
    assert found(engine, "sciezki") == found(engine, "ŚCIEŻKI") == {ids["sciezki"]}
    assert found(engine, "glosowanie") == {ids["budzet"]}


def test_every_word_must_match_in_title_or_description(corpus):
    engine, ids = corpus
    assert found(engine, "rower bydgoskim") == {ids["sciezki"]}
    assert found(engine, "rower szkoły") == {ids["sciezki"]}
    assert found(engine, "rower ławki") == set()


HOSTILE_QUERIES = (
    '"rower', "rower AND", "NOT OR", "rower*", "(ławki", "title:rower", "rower's", "NEAR(a b",
    "'; DROP TABLE proposals; --", "a & b | !c", "rower:*", "^rower", "-rower", "+ - * ( )",
)  # fmt: skip


def test_search_syntax_in_user_input_never_fails(corpus):
    engine, ids = corpus
    for query in HOSTILE_QUERIES:
        result = found(engine, query)
        if search_terms(query) == ("rower",):
            assert ids["sciezki"] in result, query
        filters = ProposalFilters(q=query)
        assert count_proposals(engine, filters) == len(list_proposals(engine, filters)), query
    assert count_proposals(engine, ProposalFilters()) == len(ids)


def test_operator_words_are_plain_words(corpus):
    engine, ids = corpus
    lead = add_proposal(engine, "Spotkania NOT i OR w okręgu", "")
    assert found(engine, "not or") == {lead}


def test_index_follows_edits_and_deletes(corpus):
    engine, ids = corpus
    with write_session(engine) as session:
        session.execute(
            update(Proposal).where(Proposal.id == ids["lawki"]).values(title="Zielone skwery")
        )
    assert found(engine, "lawki") == set()
    assert found(engine, "skwer") == {ids["lawki"]}
    with write_session(engine) as session:
        session.execute(delete(ProposalEvent).where(ProposalEvent.proposal_id == ids["budzet"]))
        session.execute(delete(Proposal).where(Proposal.id == ids["budzet"]))
    assert found(engine, "budzet") == set()


def test_query_without_words_means_no_search(corpus):
    engine, ids = corpus
    assert count_proposals(engine, ProposalFilters(q=' "" *** ')) == len(ids)


def test_postgresql_query_uses_the_gin_index(corpus):
    engine, _ = corpus
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL plan check")
    with engine.connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))
        plan = connection.execute(
            text(
                f"EXPLAIN SELECT id FROM proposals WHERE {POSTGRES_DOCUMENT} @@ to_tsquery('simple', :q)"  # noqa: S608 (a constant)
            ),
            {"q": "'rower':*"},
        ).scalars()
        assert "ix_proposals_search" in "\n".join(plan)
        assert connection.execute(select(Proposal.id)).first() is not None
