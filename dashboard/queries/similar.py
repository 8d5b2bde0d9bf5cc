"""Proposals similar to a given one, across subteams, to find duplicates to merge.

Fast at 100,000 proposals because Python only scores a few hundred candidates:

1. The proposal's words are folded (case, Polish letters) and cut to short stems
   ("rowerowe" → "rower") so inflected forms meet.
2. The search index counts how many proposals contain each stem; the rarest stems
   (the proposal's distinctive words) pick at most ``CANDIDATES`` candidates in SQL.
3. Candidates are scored by TF-IDF cosine similarity of their stems (0–1).
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
from sqlalchemy import Connection, Engine, func, select

from dashboard.queries.common import reads
from dashboard.queries.search import matching_ids, words
from db.models import Proposal, Subteam

CANDIDATES = 400
MAX_STEMS = 10
RETRIEVAL_STEMS = 8
MIN_WORD = 4
STEM_LENGTH = 5
# A stem in more than this share of all proposals says little about a duplicate.
COMMON_SHARE = 0.2
MIN_SCORE = 0.05
STOPWORDS = frozenset(
    """oraz jest przez ktory ktora ktore ktorych ktorym takze rowniez moze moga bedzie
    mozna bardzo tego tych temu tymi jako jego jej ich gdzie kiedy tylko wiecej sobie
    ktore ponad miedzy wszystkich wszystkie inne innych poprzez dzieki czyli albo lecz
    this that with from""".split()
)


def stems(text: str) -> list[str]:
    """Folded word stems, in text order, with repeats (for term frequencies)."""
    return [
        _stem(word)
        for word in words(text)
        if len(word) >= MIN_WORD and word not in STOPWORDS and not word.isdigit()
    ]


def _stem(word: str) -> str:
    # A crude Polish stem: drop the usual two-letter ending, keep at most five letters.
    return word[: min(STEM_LENGTH, max(MIN_WORD, len(word) - 2))]


@reads("proposal_events", "proposals", "subteams")
def similar_proposals(engine: Engine, proposal_id: int, limit: int = 5) -> pd.DataFrame:
    """Columns id, title, subteam, status, score (0–1), most similar first."""
    empty = pd.DataFrame(columns=["id", "title", "subteam", "status", "score"])
    with engine.connect() as connection:
        source = connection.execute(
            select(Proposal.title, Proposal.description).where(Proposal.id == proposal_id)
        ).first()
        if source is None:
            return empty
        # The title counts twice: it is the proposal's own summary.
        query_stems = stems(f"{source.title} {source.title} {source.description}")
        if not query_stems:
            return empty
        document_frequency = _document_frequencies(connection, query_stems)
        total = connection.execute(select(func.count(Proposal.id))).scalar_one()
        candidate_ids = _candidates(connection, document_frequency, total, proposal_id)
        if not candidate_ids:
            return empty
        candidates = pd.read_sql(
            select(
                Proposal.id,
                Proposal.title,
                Proposal.description,
                Subteam.name.label("subteam"),
                Proposal.status,
            )
            .join(Subteam, Subteam.id == Proposal.subteam_id)
            .where(Proposal.id.in_(candidate_ids)),
            connection,
        )
    candidates["score"] = _cosine_scores(query_stems, candidates)
    ranked = candidates[candidates["score"] >= MIN_SCORE].sort_values(
        ["score", "id"], ascending=[False, True]
    )
    return ranked.drop(columns="description").head(limit).reset_index(drop=True)


def _document_frequencies(connection: Connection, query_stems: list[str]) -> dict[str, int]:
    dialect = connection.dialect.name
    distinct = list(dict.fromkeys(query_stems))[:MAX_STEMS]
    frequencies = {}
    for stem in distinct:
        matching = matching_ids(dialect, (stem,)).subquery()
        frequencies[stem] = connection.execute(
            select(func.count()).select_from(matching)
        ).scalar_one()
    return frequencies


def _candidates(
    connection: Connection, document_frequency: dict[str, int], total: int, proposal_id: int
) -> list[int]:
    """Ids found by the rarest stems; each stem adds its share of the candidate budget."""
    useful = [
        stem
        for stem, count in sorted(document_frequency.items(), key=lambda item: item[1])
        if 1 < count <= max(CANDIDATES, total * COMMON_SHARE)
    ][:RETRIEVAL_STEMS]
    if not useful:
        return []
    dialect = connection.dialect.name
    per_stem = max(CANDIDATES // len(useful), 20)
    found: dict[int, None] = {}
    for stem in useful:
        matching = matching_ids(dialect, (stem,)).subquery()
        id_column = matching.c[0]
        statement = (
            select(id_column)
            .where(id_column != proposal_id)
            .order_by(id_column.desc())
            .limit(per_stem)
        )
        found.update(dict.fromkeys(connection.execute(statement).scalars()))
    return list(found)[:CANDIDATES]


def _cosine_scores(query_stems: list[str], candidates: pd.DataFrame) -> list[float]:
    """TF-IDF cosine of each candidate against the query (IDF over candidates + query)."""
    documents = [
        Counter(stems(f"{title} {title} {description}"))
        for title, description in zip(candidates["title"], candidates["description"], strict=True)
    ]
    query = Counter(query_stems)
    corpus_size = len(documents) + 1
    frequency = Counter(stem for document in [query, *documents] for stem in document)
    idf = {stem: math.log((1 + corpus_size) / (1 + count)) + 1 for stem, count in frequency.items()}
    query_vector = _weights(query, idf)
    query_norm = _norm(query_vector)
    scores = []
    for document in documents:
        vector = _weights(document, idf)
        dot = sum(weight * vector.get(stem, 0.0) for stem, weight in query_vector.items())
        norm = _norm(vector)
        scores.append(round(dot / (query_norm * norm), 3) if norm and query_norm else 0.0)
    return scores


def _weights(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {stem: (1 + math.log(count)) * idf[stem] for stem, count in counts.items()}


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(weight * weight for weight in vector.values()))
