"""Similar proposals across subteams, scored, found through the search index."""

from __future__ import annotations

from dashboard.queries.similar import similar_proposals, stems
from tests.support.proposals import add_proposal, seed_reference


def test_stems_meet_across_inflection():
    assert stems("Ścieżki rowerowe") == stems("ścieżek rowerowych") == ["sciez", "rower"]
    assert stems("oraz dla 2025 ławki") == ["lawk"]


def test_most_similar_comes_first_across_subteams(engine):
    seed_reference(engine)
    base = add_proposal(
        engine, "Ścieżki rowerowe do szkół", "Bezpieczne ścieżki rowerowe dla dzieci."
    )
    twin = add_proposal(
        engine, "Budowa ścieżek rowerowych", "Ścieżki rowerowe prowadzące do szkół.", subteam_id=2
    )
    cousin = add_proposal(engine, "Stojaki rowerowe", "Więcej stojaków przy urzędach.")
    add_proposal(engine, "Nowe ławki w parku", "Ławki i zieleń nad Wisłą.")
    add_proposal(engine, "Otwarte dane miejskie", "Portal z danymi o budżecie.")
    add_proposal(engine, "Konsultacje społeczne", "Spotkania w okręgach.")
    found = similar_proposals(engine, base)
    assert found["id"].tolist()[:2] == [twin, cousin]
    assert base not in found["id"].tolist()
    twin_row = found.iloc[0]
    assert twin_row["subteam"] == "Smart City" and 0.3 < twin_row["score"] <= 1
    assert found["score"].is_monotonic_decreasing
    assert similar_proposals(engine, 999999).empty


def test_a_proposal_with_nothing_in_common_has_no_similar(engine):
    seed_reference(engine)
    lone = add_proposal(engine, "Zegar słoneczny", "Na rynku staromiejskim.")
    add_proposal(engine, "Ławki w parku", "Zieleń.")
    assert similar_proposals(engine, lone).empty
