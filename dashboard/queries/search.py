"""Full-text search over proposals the way people type Polish.

Case-insensitive, diacritics-insensitive ("lawki" finds "ławki") and word-prefix
("rower" finds "rowerowe", "rowerów"). Every word of the query must match.

The user's text is never passed to the search engine as syntax: it is cut into
plain letter/digit tokens, each turned into a quoted prefix term, so quotes,
``AND``/``OR``/``NOT``, ``*``, ``:`` or parentheses can never cause an error.

Backed by revision 0002: an FTS5 table on SQLite, a GIN expression index on
PostgreSQL (``POSTGRES_DOCUMENT`` must stay identical to that index expression).
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, Engine, bindparam, literal_column, select, text
from sqlalchemy.sql import Select

from dashboard.queries.common import reads
from db.models import Proposal

MAX_TERMS = 12
MAX_TERM_LENGTH = 60
_POLISH_TO_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_TOKEN = re.compile(r"[^\W_]+")

# Must match the expression of index ix_proposals_search (revision 0002) verbatim.
POSTGRES_DOCUMENT = (
    "to_tsvector('simple', lower(translate(proposals.title || ' ' || proposals.description, "
    "'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ', 'acelnoszzACELNOSZZ')))"
)


def fold(value: str) -> str:
    """Lower case without diacritics: "Ścieżki ŁĄCZĄ" → "sciezki lacza"."""
    ascii_polish = value.translate(_POLISH_TO_ASCII)
    decomposed = unicodedata.normalize("NFKD", ascii_polish)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def words(text: str) -> list[str]:
    """The folded letter/digit words of a text, in order."""
    return _TOKEN.findall(fold(text))


def search_terms(query: str | None) -> tuple[str, ...]:
    """The folded words of a query, duplicates and overlong words left out, at most MAX_TERMS."""
    if not query:
        return ()
    terms: list[str] = []
    for token in words(query):
        if token not in terms and len(token) <= MAX_TERM_LENGTH:
            terms.append(token)
    return tuple(terms[:MAX_TERMS])


def fts5_expression(terms: tuple[str, ...], operator: str = "AND") -> str:
    """``"rower"* AND "lawki"*`` — quoted prefix terms; tokens are letters/digits only."""
    return f" {operator} ".join(f'"{term}"*' for term in terms)


def tsquery_expression(terms: tuple[str, ...], operator: str = "&") -> str:
    """``'rower':* & 'lawki':*`` for PostgreSQL's to_tsquery."""
    return f" {operator} ".join(f"'{term}':*" for term in terms)


def matching_ids(dialect: str, terms: tuple[str, ...], *, any_term: bool = False) -> Select:
    """A SELECT of the ids of proposals matching all (or, with ``any_term``, any) terms."""
    if dialect == "sqlite":
        expression = fts5_expression(terms, "OR" if any_term else "AND")
        return (
            select(literal_column("rowid"))
            .select_from(text("proposals_fts"))
            .where(
                text("proposals_fts MATCH :fts_query").bindparams(
                    bindparam("fts_query", value=expression)
                )
            )
        )
    expression = tsquery_expression(terms, "|" if any_term else "&")
    return select(Proposal.id).where(
        text(f"{POSTGRES_DOCUMENT} @@ to_tsquery('simple', :ts_query)").bindparams(
            bindparam("ts_query", value=expression)
        )
    )


def search_condition(dialect: str, query: str | None) -> ColumnElement[bool] | None:
    """A WHERE condition on ``proposals`` for the query, or None when it has no words."""
    terms = search_terms(query)
    if not terms:
        return None
    if dialect == "sqlite":
        return Proposal.id.in_(matching_ids(dialect, terms))
    # On PostgreSQL the condition stays on the outer query, so it combines with the
    # other filters in one plan (bitmap AND with the GIN index).
    return text(f"{POSTGRES_DOCUMENT} @@ to_tsquery('simple', :ts_query)").bindparams(
        bindparam("ts_query", value=tsquery_expression(terms))
    )


@reads("proposals")
def search_proposal_ids(engine: Engine, query: str, limit: int = 1000) -> list[int]:
    """Ids of proposals matching every word of ``query`` (smallest id first)."""
    terms = search_terms(query)
    if not terms:
        return []
    statement = matching_ids(engine.dialect.name, terms).order_by(text("1")).limit(limit)
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(statement)]
