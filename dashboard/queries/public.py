"""/wyniki: what became of the public proposals — reads for anyone, without sign-in.

Privacy by construction: every statement here selects only public columns of
``proposals`` (never the author, never ``participants`` or ``signups``), a description
only where a reviewer marked it publishable, and never a proposal withdrawn from the
public list. The search matches a description only where it is publishable, so a word
of an unpublished description cannot be found by searching for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Engine, and_, bindparam, case, func, literal, or_, select, text
from sqlalchemy.sql import ColumnElement, Select

from dashboard.queries.common import reads
from dashboard.queries.proposals import (
    NEWEST_FIRST,
    first_param,
    param_values,
    parse_url_date,
    query_params_of,
    valid_codes,
    with_subteam_and_district,
)
from dashboard.queries.search import (
    fts5_expression,
    search_condition,
    search_terms,
    tsquery_expression,
)
from db.models import (
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    District,
    Event,
    Proposal,
    ProposalEvent,
    Subteam,
)

PAGE_SIZE = 100
# The outcome groups of the summary, in the order residents read them.
OUTCOMES = ("accepted", "partially_accepted", "included", "rejected", "merged", "under_review")
UNDER_REVIEW = ("submitted", "in_review", "consulted")
DECIDED = ("accepted", "partially_accepted", "rejected", "merged", "included")
URL_NAMES = {
    "q": "q",
    "statuses": "status",
    "subteam_slugs": "subteam",
    "okreg": "okreg",
    "sources": "source",
    "date_from": "from",
    "date_to": "to",
}
POSTGRES_TITLE = (
    "to_tsvector('simple', lower(translate(proposals.title, "
    "'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ', 'acelnoszzACELNOSZZ')))"
)


@dataclass(frozen=True)
class PublicFilters:
    """One view of /wyniki; the URL, the downloads and the CLI all describe it this way."""

    q: str = ""
    statuses: tuple[str, ...] = ()
    subteam_slugs: tuple[str, ...] = ()
    okreg: int | None = None
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_query_params(cls, params: Any) -> PublicFilters:
        """Values that cannot be valid are left out (``params``: ``st.query_params`` or a
        mapping of name → str or list of str)."""
        okreg = first_param(params, "okreg").strip()
        return cls(
            q=first_param(params, "q").strip()[:200],
            statuses=valid_codes(param_values(params, "status"), PROPOSAL_STATUSES),
            subteam_slugs=tuple(dict.fromkeys(param_values(params, "subteam"))),
            okreg=int(okreg) if okreg.isdigit() and len(okreg) < 4 else None,
            sources=valid_codes(param_values(params, "source"), PROPOSAL_SOURCES),
            date_from=parse_url_date(first_param(params, "from")),
            date_to=parse_url_date(first_param(params, "to")),
        )

    def to_query_params(self) -> dict[str, str | list[str]]:
        return query_params_of(self, URL_NAMES)

    def without_okreg(self) -> PublicFilters:
        return PublicFilters(**{**self.__dict__, "okreg": None})


@dataclass(frozen=True)
class PublicOptions:
    subteams: tuple[tuple[str, str], ...]
    districts: tuple[tuple[int, str], ...]


def is_public() -> ColumnElement[bool]:
    return Proposal.public_withdrawn_at.is_(None)


def public_search_condition(dialect: str, query: str | None) -> ColumnElement[bool] | None:
    """Every word must match; in the description only where it is publishable."""
    terms = search_terms(query)
    if not terms:
        return None
    everywhere = search_condition(dialect, query)
    if dialect == "sqlite":
        title_only = Proposal.id.in_(
            select(text("rowid"))
            .select_from(text("proposals_fts"))
            .where(
                text("proposals_fts MATCH :fts_title").bindparams(
                    bindparam("fts_title", value=f"title : ({fts5_expression(terms)})")
                )
            )
        )
    else:
        title_only = text(f"{POSTGRES_TITLE} @@ to_tsquery('simple', :ts_title)").bindparams(
            bindparam("ts_title", value=tsquery_expression(terms))
        )
    return and_(everywhere, or_(Proposal.description_public.is_(True), title_only))


def apply_public_filters(statement: Select, filters: PublicFilters, dialect: str) -> Select:
    conditions: list[ColumnElement[bool]] = [is_public()]
    if filters.statuses:
        conditions.append(Proposal.status.in_(filters.statuses))
    if filters.sources:
        conditions.append(Proposal.source.in_(filters.sources))
    if filters.subteam_slugs:
        slugs = select(Subteam.id).where(Subteam.slug.in_(filters.subteam_slugs))
        conditions.append(Proposal.subteam_id.in_(slugs))
    if filters.okreg is not None:
        district = select(District.id).where(District.number == filters.okreg)
        conditions.append(Proposal.district_id.in_(district))
    if filters.date_from:
        conditions.append(Proposal.created_at >= datetime.combine(filters.date_from, time()))
    if filters.date_to:
        day_after = datetime.combine(filters.date_to + timedelta(days=1), time())
        conditions.append(Proposal.created_at < day_after)
    searched = public_search_condition(dialect, filters.q)
    if searched is not None:
        conditions.append(searched)
    return statement.where(*conditions)


def _last_decision():
    return (
        select(func.max(ProposalEvent.at))
        .where(ProposalEvent.proposal_id == Proposal.id, ProposalEvent.to_status.in_(DECIDED))
        .scalar_subquery()
    )


def _public_rows_statement(filters: PublicFilters, dialect: str) -> Select:
    description = case((Proposal.description_public.is_(True), Proposal.description), else_="")
    statement = with_subteam_and_district(
        Proposal.id,
        Proposal.title,
        Proposal.status,
        Subteam.slug.label("subteam_slug"),
        Subteam.name.label("subteam"),
        District.number.label("okreg_number"),
        District.name.label("okreg_name"),
        Proposal.source,
        Proposal.created_at.label("submitted_at"),
        _last_decision().label("last_decision_at"),
        func.coalesce(Proposal.public_answer, "").label("public_answer"),
        func.coalesce(description, "").label("description"),
    ).order_by(*NEWEST_FIRST)
    return apply_public_filters(statement, filters, dialect)


@reads("districts", "events", "proposal_events", "proposals", "subteams")
def public_proposals(
    engine: Engine, filters: PublicFilters, limit: int | None = PAGE_SIZE, offset: int = 0
) -> pd.DataFrame:
    """Rows of the view, newest first: only public columns (see the module docstring)."""
    statement = _public_rows_statement(filters, engine.dialect.name)
    if limit is not None:
        statement = statement.limit(limit).offset(offset)
    with engine.connect() as connection:
        frame = pd.read_sql(statement, connection, parse_dates=["submitted_at", "last_decision_at"])
    return frame.astype({"okreg_number": "Int64"})


@reads("districts", "events", "proposal_events", "proposals", "subteams")
def count_public(engine: Engine, filters: PublicFilters) -> int:
    statement = apply_public_filters(select(func.count(Proposal.id)), filters, engine.dialect.name)
    with engine.connect() as connection:
        return connection.execute(statement).scalar_one()


def _outcome() -> ColumnElement[str]:
    return case((Proposal.status.in_(UNDER_REVIEW), literal("under_review")), else_=Proposal.status)


@reads("districts", "events", "proposal_events", "proposals", "subteams")
def outcomes_by_edition(engine: Engine, filters: PublicFilters) -> pd.DataFrame:
    """Columns edition (the Congress year), outcome (``OUTCOMES``), count — of the view.

    A proposal belongs to the latest edition that had begun when it was submitted
    (earlier ones to the first edition); no edition at all gives an empty frame.
    """
    with engine.connect() as connection:
        editions = connection.execute(select(Event.starts_on, Event.edition)).all()
        rows = []
        if editions:
            edition = _edition_of_submission(editions).label("edition")
            outcome = _outcome().label("outcome")
            statement = apply_public_filters(
                select(edition, outcome, func.count().label("count")), filters, engine.dialect.name
            ).group_by(edition, outcome)
            rows = connection.execute(statement).all()
    frame = pd.DataFrame(rows, columns=["edition", "outcome", "count"])
    frame = frame.dropna(subset=["edition"]).astype({"edition": int, "count": int})
    return _ordered(frame, ["edition"])


def _edition_of_submission(editions: list[tuple[date, int]]) -> ColumnElement[int]:
    """SQL: the latest edition (by year) begun by a proposal's submission, else the first —
    written out from the few editions, so no lookup runs per proposal."""
    latest_begun = []
    for starts_on, _ in sorted(editions):
        begun = [year for start, year in editions if start <= starts_on]
        latest_begun.append((datetime.combine(starts_on, time()), max(begun)))
    whens = [(Proposal.created_at >= start, year) for start, year in reversed(latest_begun)]
    return case(*whens, else_=min(year for _, year in editions))


@reads("districts", "events", "proposal_events", "proposals", "subteams")
def outcomes_okreg_vs_city(engine: Engine, filters: PublicFilters) -> pd.DataFrame:
    """Columns area (``okreg`` or ``city``), outcome, count, share — the okręg of the view
    beside the whole city under the same other filters."""
    parts = []
    for area, view in (("okreg", filters), ("city", filters.without_okreg())):
        outcome = _outcome().label("outcome")
        statement = apply_public_filters(
            select(outcome, func.count().label("count")), view, engine.dialect.name
        ).group_by(outcome)
        with engine.connect() as connection:
            rows = connection.execute(statement).all()
        part = pd.DataFrame(rows, columns=["outcome", "count"])
        part.insert(0, "area", area)
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True).astype({"count": int})
    totals = frame.groupby("area")["count"].transform("sum")
    frame["share"] = (frame["count"] / totals.where(totals > 0)).fillna(0.0)
    return _ordered(frame, ["area"])


def _ordered(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    rank = {outcome: position for position, outcome in enumerate(OUTCOMES)}
    frame = frame.assign(_rank=frame["outcome"].map(rank))
    return frame.sort_values([*keys, "_rank"]).drop(columns="_rank").reset_index(drop=True)


@reads("districts", "events", "proposal_events", "proposals", "subteams")
def public_options(engine: Engine) -> PublicOptions:
    with engine.connect() as connection:
        subteams = connection.execute(
            select(Subteam.slug, Subteam.name).order_by(Subteam.position, Subteam.id)
        ).all()
        districts = connection.execute(
            select(District.number, District.name).order_by(District.number)
        ).all()
    return PublicOptions(
        subteams=tuple((slug, name) for slug, name in subteams),
        districts=tuple((number, name) for number, name in districts),
    )


@dataclass(frozen=True)
class PublicationState:
    """For the team's proposal detail: what /wyniki shows of one proposal."""

    description_public: bool
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str | None


def publication_state(engine: Engine, proposal_id: int) -> PublicationState | None:
    statement = select(
        Proposal.description_public,
        Proposal.public_withdrawn_at,
        Proposal.public_withdrawn_by,
        Proposal.public_withdrawal_reason,
    ).where(Proposal.id == proposal_id)
    with engine.connect() as connection:
        row = connection.execute(statement).first()
    return None if row is None else PublicationState(bool(row[0]), row[1], row[2], row[3])
