"""Proposals: the filtered list, its count, facet counts, detail and history — in SQL.

``ProposalFilters`` is the one description of a view: the page builds it from the
URL, the CLI from its options, and the export records it in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.sql import Select

from dashboard.core.permissions import Actor, require_admin
from dashboard.queries.common import reads
from dashboard.queries.search import search_condition, search_terms
from db.models import (
    PARTICIPANT_CATEGORIES,
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    District,
    Participant,
    Proposal,
    ProposalEvent,
    Subteam,
    ThematicTeam,
)

# What these queries read: their cached results follow these tables' versions.
TABLES_READ = (
    "districts",
    "participants",
    "proposal_events",
    "proposals",
    "subteams",
    "thematic_teams",
)

PAGE_SIZE = 200
FACETS = ("status", "subteam", "district", "source")
# URL parameter name of each field (q, status, subteam, source, district,
# area, category, from, to; plus team for the thematic team).
URL_NAMES = {
    "q": "q",
    "statuses": "status",
    "subteam_slugs": "subteam",
    "sources": "source",
    "district_numbers": "district",
    "areas": "area",
    "categories": "category",
    "date_from": "from",
    "date_to": "to",
    "team_slug": "team",
}


@dataclass(frozen=True)
class ProposalFilters:
    q: str = ""
    statuses: tuple[str, ...] = ()
    subteam_slugs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    district_numbers: tuple[int, ...] = ()
    areas: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    team_slug: str = ""

    @classmethod
    def from_query_params(cls, params: Any) -> ProposalFilters:
        """Read a view from URL parameters; values that cannot be valid are left out.

        ``params`` is ``st.query_params`` or any mapping of name → str or list of str.
        """
        return cls(
            q=first_param(params, "q").strip(),
            statuses=valid_codes(param_values(params, "status"), PROPOSAL_STATUSES),
            subteam_slugs=_unique(param_values(params, "subteam")),
            sources=valid_codes(param_values(params, "source"), PROPOSAL_SOURCES),
            district_numbers=_unique(
                int(v) for v in param_values(params, "district") if v.isdigit()
            ),
            areas=_unique(param_values(params, "area")),
            categories=valid_codes(param_values(params, "category"), PARTICIPANT_CATEGORIES),
            date_from=parse_url_date(first_param(params, "from")),
            date_to=parse_url_date(first_param(params, "to")),
            team_slug=first_param(params, "team").strip(),
        )

    def to_query_params(self) -> dict[str, str | list[str]]:
        """The URL parameters of this view (empty filters left out)."""
        return query_params_of(self, URL_NAMES)


@dataclass(frozen=True)
class FilterOptions:
    """What the filter widgets offer: (value, label) pairs from the database."""

    teams: tuple[tuple[str, str], ...]
    subteams: tuple[tuple[str, str], ...]
    districts: tuple[tuple[int, str], ...]
    areas: tuple[str, ...]


@dataclass(frozen=True)
class ProposalDetail:
    id: int
    title: str
    description: str
    status: str
    source: str
    subteam_id: int
    subteam_slug: str
    subteam_name: str
    district_number: int | None
    district_name: str | None
    strategic_area: str | None
    author_name: str | None
    author_email: str | None  # filled only for people who may see personal data
    author_organization: str | None
    author_category: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    merged_into_id: int | None


def param_values(params: Any, name: str) -> list[str]:
    if hasattr(params, "get_all"):
        values = params.get_all(name)
    else:
        raw = params.get(name, [])
        values = raw if isinstance(raw, list | tuple) else [raw]
    return [str(value) for value in values if str(value).strip()]


def query_params_of(filters: Any, url_names: dict[str, str]) -> dict[str, str | list[str]]:
    """A filters dataclass as URL parameters (``url_names``: field → parameter); empty
    filters are left out."""
    params: dict[str, str | list[str]] = {}
    for field in fields(filters):
        value = getattr(filters, field.name)
        if isinstance(value, tuple):
            if value:
                params[url_names[field.name]] = [str(item) for item in value]
        elif isinstance(value, date):
            params[url_names[field.name]] = value.isoformat()
        elif value is not None and value != "":
            params[url_names[field.name]] = str(value)
    return params


def first_param(params: Any, name: str) -> str:
    values = param_values(params, name)
    return values[0] if values else ""


def _unique(values) -> tuple:
    return tuple(dict.fromkeys(values))


def valid_codes(values: list[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    return _unique(value for value in values if value in allowed)


def parse_url_date(text: str) -> date | None:
    for parse in (date.fromisoformat, lambda s: datetime.strptime(s, "%d.%m.%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def apply_filters(statement: Select, filters: ProposalFilters, dialect: str) -> Select:
    """Add the view's conditions to a statement over ``proposals`` (subqueries, no joins)."""
    conditions = []
    if filters.statuses:
        conditions.append(Proposal.status.in_(filters.statuses))
    if filters.sources:
        conditions.append(Proposal.source.in_(filters.sources))
    if filters.subteam_slugs:
        slugs = select(Subteam.id).where(Subteam.slug.in_(filters.subteam_slugs))
        conditions.append(Proposal.subteam_id.in_(slugs))
    if filters.team_slug:
        team = (
            select(Subteam.id)
            .join(ThematicTeam, ThematicTeam.id == Subteam.team_id)
            .where(ThematicTeam.slug == filters.team_slug)
        )
        conditions.append(Proposal.subteam_id.in_(team))
    if filters.district_numbers:
        districts = select(District.id).where(District.number.in_(filters.district_numbers))
        conditions.append(Proposal.district_id.in_(districts))
    if filters.areas:
        conditions.append(Proposal.strategic_area.in_(filters.areas))
    if filters.categories:
        authors = select(Participant.id).where(Participant.category.in_(filters.categories))
        conditions.append(Proposal.author_participant_id.in_(authors))
    if filters.date_from:
        conditions.append(Proposal.created_at >= datetime.combine(filters.date_from, time()))
    if filters.date_to:
        day_after = datetime.combine(filters.date_to + timedelta(days=1), time())
        conditions.append(Proposal.created_at < day_after)
    searched = search_condition(dialect, filters.q)
    if searched is not None:
        conditions.append(searched)
    return statement.where(*conditions) if conditions else statement


NEWEST_FIRST = (Proposal.created_at.desc(), Proposal.id.desc())


def with_subteam_and_district(*columns) -> Select:
    """``select(*columns)`` over proposals joined to their subteam and (if any) okręg."""
    return (
        select(*columns)
        .join(Subteam, Subteam.id == Proposal.subteam_id)
        .outerjoin(District, District.id == Proposal.district_id)
    )


def _list_statement(filters: ProposalFilters, dialect: str) -> Select:
    statement = with_subteam_and_district(
        Proposal.id,
        Proposal.title,
        Proposal.status,
        Proposal.subteam_id,
        Subteam.name.label("subteam"),
        Subteam.slug.label("subteam_slug"),
        Proposal.source,
        District.number.label("district_number"),
        District.name.label("district_name"),
        Proposal.strategic_area,
        Proposal.created_at,
        Proposal.updated_at,
        Proposal.version,
    ).order_by(*NEWEST_FIRST)
    return apply_filters(statement, filters, dialect)


@reads(*TABLES_READ)
def list_proposals(
    engine: Engine, filters: ProposalFilters, limit: int = PAGE_SIZE, offset: int = 0
) -> pd.DataFrame:
    """One page of the view, newest first."""
    statement = _list_statement(filters, engine.dialect.name).limit(limit).offset(offset)
    with engine.connect() as connection:
        frame = pd.read_sql(statement, connection, parse_dates=["created_at", "updated_at"])
    return frame.astype({"district_number": "Int64"})


@reads(*TABLES_READ)
def count_proposals(engine: Engine, filters: ProposalFilters) -> int:
    statement = apply_filters(select(func.count(Proposal.id)), filters, engine.dialect.name)
    with engine.connect() as connection:
        return connection.execute(statement).scalar_one()


_FACET_COLUMNS = {
    "status": Proposal.status,
    "subteam": Proposal.subteam_id,
    "district": Proposal.district_id,
    "source": Proposal.source,
}


@reads(*TABLES_READ)
def facet_counts(engine: Engine, filters: ProposalFilters) -> pd.DataFrame:
    """Columns facet (status|subteam|district|source), value (text), label, count — of the view.

    Without a search text each facet is one GROUP BY that its index answers. With one,
    the full-text match is evaluated once: SQL counts the (status, subteam, okręg,
    source) combinations (a few thousand at most) and the facets are sums over those.
    """
    dialect = engine.dialect.name
    with engine.connect() as connection:
        if search_terms(filters.q):
            combined = select(
                *(column.label(facet) for facet, column in _FACET_COLUMNS.items()),
                func.count().label("n"),
            )
            combined = apply_filters(combined, filters, dialect).group_by(*_FACET_COLUMNS.values())
            combinations = pd.DataFrame(connection.execute(combined).all(), columns=[*FACETS, "n"])
            totals = {
                facet: combinations.groupby(facet, dropna=False, sort=False)["n"].sum().items()
                for facet in FACETS
            }
        else:
            totals = {}
            for facet, column in _FACET_COLUMNS.items():
                grouped = select(column, func.count()).group_by(column)
                totals[facet] = connection.execute(apply_filters(grouped, filters, dialect)).all()
        names = _facet_names(connection)
    rows = [
        (facet, *_facet_value_label(key, names.get(facet)), int(count))
        for facet in FACETS
        for key, count in totals[facet]
    ]
    result = pd.DataFrame(rows, columns=["facet", "value", "label", "count"])
    return result.sort_values(["facet", "count"], ascending=[True, False], ignore_index=True)


def view_total(facets: pd.DataFrame) -> int:
    """The number of proposals in the view, from its ``facet_counts``: every proposal has
    one status, so the status facet adds up to the view (a search is matched once, not
    again for a separate count)."""
    return int(facets.loc[facets["facet"] == "status", "count"].sum())


def _facet_names(connection) -> dict[str, dict]:
    subteams = connection.execute(select(Subteam.id, Subteam.slug, Subteam.name))
    districts = connection.execute(select(District.id, District.number, District.name))
    return {
        "subteam": {row.id: (row.slug, row.name) for row in subteams},
        "district": {row.id: (str(row.number), row.name) for row in districts},
    }


def _facet_value_label(key: object, names: dict | None) -> tuple[str, str]:
    """("accepted", "accepted"), ("partycypacja", "Partycypacja"), ("3", "Mokre"), ("", "")."""
    if key is None or pd.isna(key):
        return "", ""
    if names is None:
        return str(key), str(key)
    return names.get(int(key), (str(key), str(key)))


@reads(*TABLES_READ)
def export_rows(
    engine: Engine, filters: ProposalFilters, emails_for: Actor | None = None
) -> pd.DataFrame:
    """Every row of the view with the columns an export needs (codes, not labels); with the
    authors' names and e-mails when ``emails_for`` names the admin asking."""
    include_personal = emails_for is not None
    if include_personal:
        require_admin(emails_for)
    columns = [
        Proposal.id,
        Proposal.title,
        Proposal.description,
        Proposal.status,
        Subteam.slug.label("subteam_slug"),
        Proposal.source,
        District.number.label("district_number"),
        Proposal.strategic_area,
        Proposal.created_at,
    ]
    if include_personal:
        columns += [
            Participant.full_name.label("author_name"),
            Participant.email.label("author_email"),
        ]
    statement = with_subteam_and_district(*columns).order_by(*NEWEST_FIRST)
    if include_personal:
        statement = statement.outerjoin(
            Participant, Participant.id == Proposal.author_participant_id
        )
    statement = apply_filters(statement, filters, engine.dialect.name)
    with engine.connect() as connection:
        frame = pd.read_sql(statement, connection, parse_dates=["created_at"])
    return frame.astype({"district_number": "Int64"})


@reads(*TABLES_READ)
def filter_options(engine: Engine) -> FilterOptions:
    with engine.connect() as connection:
        teams = connection.execute(
            select(ThematicTeam.slug, ThematicTeam.name).order_by(ThematicTeam.name)
        ).all()
        subteams = connection.execute(
            select(Subteam.slug, Subteam.name).order_by(Subteam.position, Subteam.id)
        ).all()
        districts = connection.execute(
            select(District.number, District.name).order_by(District.number)
        ).all()
        areas = connection.execute(
            select(Proposal.strategic_area)
            .where(Proposal.strategic_area.is_not(None), Proposal.strategic_area != "")
            .distinct()
            .order_by(Proposal.strategic_area)
        ).scalars()
        return FilterOptions(
            teams=tuple((slug, name) for slug, name in teams),
            subteams=tuple((slug, name) for slug, name in subteams),
            districts=tuple((number, name) for number, name in districts),
            areas=tuple(areas),
        )


@reads(*TABLES_READ)
def proposal_detail(
    engine: Engine, proposal_id: int, emails_for: Actor | None = None
) -> ProposalDetail | None:
    """One proposal with names instead of ids; the author's e-mail only when ``emails_for``
    names the admin asking (anyone else is refused)."""
    if emails_for is not None:
        require_admin(emails_for)
    statement = (
        with_subteam_and_district(
            Proposal.id,
            Proposal.title,
            Proposal.description,
            Proposal.status,
            Proposal.source,
            Proposal.subteam_id,
            Subteam.slug.label("subteam_slug"),
            Subteam.name.label("subteam_name"),
            District.number.label("district_number"),
            District.name.label("district_name"),
            Proposal.strategic_area,
            Participant.full_name.label("author_name"),
            Participant.email.label("author_email"),
            Participant.organization.label("author_organization"),
            Participant.category.label("author_category"),
            Proposal.created_at,
            Proposal.updated_at,
            Proposal.version,
            Proposal.merged_into_id,
        )
        .outerjoin(Participant, Participant.id == Proposal.author_participant_id)
        .where(Proposal.id == proposal_id)
    )
    with engine.connect() as connection:
        row = connection.execute(statement).mappings().first()
    if row is None:
        return None
    values = dict(row)
    values["description"] = values["description"] or ""
    if emails_for is None:
        values["author_email"] = None
    return ProposalDetail(**values)


@reads(*TABLES_READ)
def proposal_history(engine: Engine, proposal_id: int) -> pd.DataFrame:
    """The proposal's events, oldest first: at, actor, from_status, to_status, note."""
    statement = (
        select(
            ProposalEvent.at,
            ProposalEvent.actor,
            ProposalEvent.from_status,
            ProposalEvent.to_status,
            ProposalEvent.note,
        )
        .where(ProposalEvent.proposal_id == proposal_id)
        .order_by(ProposalEvent.at, ProposalEvent.id)
    )
    with engine.connect() as connection:
        return pd.read_sql(statement, connection, parse_dates=["at"])
