"""Congress of Dialogue statistics: sign-ups, capacity, days, workshops, who, attendance.

Every function takes an engine and returns a DataFrame aggregated in SQL.
Nothing here reads names or e-mails, so anonymising an edition changes no figure.
Filters: the edition always; day, workshop and category narrow the sign-ups
counted. Workshop fill rates always count every category (capacity is shared),
so the category filter does not apply to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import (
    Date,
    Engine,
    Float,
    and_,
    case,
    cast,
    func,
    literal,
    select,
)

from dashboard.queries import congress_tallies as tallied
from dashboard.queries.common import count_if, query_frame, reads
from db.models import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    District,
    Event,
    EventSession,
    Signup,
    SignupSession,
)

# What these queries read: their cached results follow these tables' versions. Most
# counts come from the tallies; a one-workshop filter counts the sign-ups themselves.
TABLES_READ = (
    "districts",
    "event_sessions",
    "events",
    "signup_sessions",
    "signups",
    *tallied.TABLES_READ,
)

NEAR_FULL = 0.8  # fill rate from which a workshop is flagged
FULL = 1.0
DAY_PARTS = ("day1_only", "day2_only", "both")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class CongressFilter:
    edition: int
    day: int | None = None
    workshop_id: int | None = None
    category: str | None = None


def _event_id(edition: int):
    return select(Event.id).where(Event.edition == edition).scalar_subquery()


def signup_conditions(flt: CongressFilter, *, edition: bool = True, workshop: bool = True):
    conditions = []
    if edition:
        conditions.append(Signup.event_id == _event_id(flt.edition))
    if flt.category is not None:
        conditions.append(Signup.category == flt.category)
    # Correlated to the sign-up only: day_split joins signup_sessions and event_sessions
    # itself, and auto-correlation would take those away from these subqueries too.
    if flt.day is not None:
        conditions.append(
            select(SignupSession.signup_id)
            .join(EventSession, EventSession.id == SignupSession.session_id)
            .where(SignupSession.signup_id == Signup.id, EventSession.day == flt.day)
            .correlate(Signup)
            .exists()
        )
    if workshop and flt.workshop_id is not None:
        conditions.append(
            select(SignupSession.signup_id)
            .where(
                SignupSession.signup_id == Signup.id,
                SignupSession.session_id == flt.workshop_id,
            )
            .correlate(Signup)
            .exists()
        )
    return conditions


def _workshop_conditions(flt: CongressFilter) -> list:
    """The edition's workshops, narrowed to the filter's day and workshop."""
    conditions = [EventSession.event_id == _event_id(flt.edition), EventSession.kind == "workshop"]
    if flt.day is not None:
        conditions.append(EventSession.day == flt.day)
    if flt.workshop_id is not None:
        conditions.append(EventSession.id == flt.workshop_id)
    return conditions


ACTIVE = Signup.status != "cancelled"


# --- editions and workshops ----------------------------------------------------


@reads(*TABLES_READ)
def editions(engine: Engine) -> pd.DataFrame:
    """Every edition, newest first, with its dates, registration window and target."""
    statement = select(
        Event.id,
        Event.edition,
        Event.name,
        Event.starts_on,
        Event.ends_on,
        Event.venue,
        Event.registration_open,
        Event.registration_closes_on,
        Event.target_signups,
    ).order_by(Event.edition.desc())
    return query_frame(engine, statement)


@reads(*TABLES_READ)
def workshops(engine: Engine, edition: int) -> pd.DataFrame:
    """The workshops of an edition: id, day, title, capacity."""
    statement = (
        select(EventSession.id, EventSession.day, EventSession.title, EventSession.capacity)
        .where(EventSession.event_id == _event_id(edition), EventSession.kind == "workshop")
        .order_by(EventSession.day, EventSession.title)
    )
    return query_frame(engine, statement)


def _workshop_capacity_by_event():
    return (
        select(EventSession.event_id, func.sum(EventSession.capacity).label("capacity"))
        .where(EventSession.kind == "workshop")
        .group_by(EventSession.event_id)
        .subquery()
    )


# --- totals ----------------------------------------------------------------------


@reads(*TABLES_READ)
def totals_by_edition(engine: Engine, category: str | None = None) -> pd.DataFrame:
    """Per edition: registered, waitlisted, cancelled and the total workshop capacity."""
    counts = tallied.counts_by_edition(category)
    capacity = _workshop_capacity_by_event()
    statement = (
        select(
            Event.edition,
            Event.name,
            func.coalesce(counts.c.registered, 0).label("registered"),
            func.coalesce(counts.c.waitlisted, 0).label("waitlisted"),
            func.coalesce(counts.c.cancelled, 0).label("cancelled"),
            capacity.c.capacity,
            Event.target_signups,
        )
        .outerjoin(counts, counts.c.event_id == Event.id)
        .outerjoin(capacity, capacity.c.event_id == Event.id)
        .order_by(Event.edition)
    )
    return query_frame(engine, statement)


@reads(*TABLES_READ)
def status_totals(engine: Engine, flt: CongressFilter) -> dict[str, int | None]:
    """Registered, waitlisted, cancelled of the filtered sign-ups, and the matching capacity."""
    if flt.workshop_id is None:
        counts = tallied.status_counts(flt.edition, flt.category, flt.day)
    elif flt.day is None:
        counts = tallied.workshop_status_counts(flt.edition, flt.category, flt.workshop_id)
    else:
        counts = select(
            count_if(Signup.status == "registered"),
            count_if(Signup.status == "waitlisted"),
            count_if(Signup.status == "cancelled"),
        ).where(*signup_conditions(flt))
    capacity = select(func.sum(EventSession.capacity)).where(*_workshop_conditions(flt))
    with engine.connect() as connection:
        registered, waitlisted, cancelled = connection.execute(counts).one()
        total_capacity = connection.execute(capacity).scalar()
    return {
        "registered": int(registered),
        "waitlisted": int(waitlisted),
        "cancelled": int(cancelled),
        "capacity": None if total_capacity is None else int(total_capacity),
    }


# --- days and workshops --------------------------------------------------------------


@reads(*TABLES_READ)
def day_split(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Active sign-ups for day 1 only, day 2 only and both days (part, count)."""
    statement = (
        _day_split_from_rows(flt)
        if flt.workshop_id is not None
        else tallied.day_parts(flt.edition, flt.category, flt.day)
    )
    with engine.connect() as connection:
        counts = connection.execute(statement).one()
    return pd.DataFrame({"part": list(DAY_PARTS), "count": [int(value) for value in counts]})


def _day_split_from_rows(flt: CongressFilter):
    # Only this edition's active sign-ups are grouped (by index), not every edition's pairs.
    per_signup = (
        select(
            Signup.id,
            func.max(case((EventSession.day == 1, 1), else_=0)).label("day1"),
            func.max(case((EventSession.day == 2, 1), else_=0)).label("day2"),
        )
        .join(SignupSession, SignupSession.signup_id == Signup.id)
        .join(EventSession, EventSession.id == SignupSession.session_id)
        .where(ACTIVE, *signup_conditions(flt))
        .group_by(Signup.id)
        .subquery()
    )
    return select(
        count_if(and_(per_signup.c.day1 == 1, per_signup.c.day2 == 0)),
        count_if(and_(per_signup.c.day1 == 0, per_signup.c.day2 == 1)),
        count_if(and_(per_signup.c.day1 == 1, per_signup.c.day2 == 1)),
    ).select_from(per_signup)


def fill_flag(rate: float | None) -> str:
    """``full`` from 100 %, ``near_full`` from 80 %, else ``ok`` (``no_limit`` without a capacity)."""
    if rate is None or pd.isna(rate):
        return "no_limit"
    if rate >= FULL:
        return "full"
    if rate >= NEAR_FULL:
        return "near_full"
    return "ok"


@reads(*TABLES_READ)
def workshop_fill(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Per workshop: capacity, registered, waitlisted, fill rate and its flag."""
    counts = tallied.session_counts(flt.edition)
    registered = func.coalesce(counts.c.registered, 0)
    fill_rate = case(
        (EventSession.capacity > 0, cast(registered, Float) / EventSession.capacity),
        else_=None,
    )
    statement = (
        select(
            EventSession.id.label("session_id"),
            EventSession.day,
            EventSession.title,
            EventSession.capacity,
            registered.label("registered"),
            func.coalesce(counts.c.waitlisted, 0).label("waitlisted"),
            fill_rate.label("fill_rate"),
        )
        .outerjoin(counts, counts.c.session_id == EventSession.id)
        .where(*_workshop_conditions(flt))
        .order_by(EventSession.day, EventSession.title)
    )
    frame = query_frame(engine, statement)
    frame["fill_rate"] = pd.to_numeric(frame["fill_rate"], errors="coerce").astype("float64")
    frame["flag"] = [fill_flag(rate) for rate in frame["fill_rate"]]
    return frame


# --- over time -----------------------------------------------------------------------


def _signup_day(engine: Engine):
    if engine.dialect.name == "sqlite":
        return func.date(Signup.created_at)
    return cast(Signup.created_at, Date)


@reads(*TABLES_READ)
def cumulative_signups(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Active sign-ups per day of registration and their running total (date, signups, cumulative)."""
    if flt.workshop_id is None:
        statement = tallied.cumulative(flt.edition, flt.category, flt.day)
    else:
        statement = _cumulative_from_rows(engine, flt)
    frame = query_frame(engine, statement)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"signups": "int64", "cumulative": "int64"})


def _cumulative_from_rows(engine: Engine, flt: CongressFilter):
    day = _signup_day(engine)
    return (
        select(
            day.label("date"),
            func.count(Signup.id).label("signups"),
            func.sum(func.count(Signup.id)).over(order_by=day).label("cumulative"),
        )
        .where(ACTIVE, *signup_conditions(flt))
        .group_by(day)
        .order_by(day)
    )


@reads(*TABLES_READ)
def previous_edition(engine: Engine, edition: int) -> int | None:
    statement = select(func.max(Event.edition)).where(Event.edition < edition)
    with engine.connect() as connection:
        return connection.execute(statement).scalar()


@reads(*TABLES_READ)
def edition_comparison(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """This edition and the previous one, aligned on days before the event.

    Columns: edition, name, days_before, signups, cumulative. Day and category filters
    apply to both editions; a workshop belongs to one edition, so it is ignored.
    """
    previous = previous_edition(engine, flt.edition)
    chosen = [flt.edition] if previous is None else [flt.edition, previous]
    statement = tallied.comparison(engine, chosen, flt.category, flt.day)
    frame = query_frame(engine, statement)
    return frame.astype(
        {"edition": "int64", "days_before": "int64", "signups": "int64", "cumulative": "int64"}
    )


# --- who -------------------------------------------------------------------------------


@reads(*TABLES_READ)
def by_district(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Active sign-ups per okręg (all 13, zeros included) plus those outside Toruń.

    Columns: district_number (0 = outside / not given), district, count.
    """
    if flt.workshop_id is None:
        counted = tallied.active_by("district_id", flt.edition, flt.category, flt.day)
    else:
        counted = (
            select(
                func.coalesce(Signup.district_id, 0).label("district_id"),
                func.count(Signup.id).label("count"),
            )
            .where(ACTIVE, *signup_conditions(flt))
            .group_by(Signup.district_id)
        )
    counts = counted.subquery()
    per_district = (
        select(
            District.number.label("district_number"),
            District.name.label("district"),
            func.coalesce(counts.c.count, 0).label("count"),
        )
        .outerjoin(counts, counts.c.district_id == District.id)
        .order_by(District.number)
    )
    outside = select(
        literal(0).label("district_number"),
        literal(UNKNOWN).label("district"),
        func.coalesce(func.sum(counts.c.count), 0).label("count"),
    ).where(counts.c.district_id == 0)
    frame = pd.concat(
        [query_frame(engine, per_district), query_frame(engine, outside)], ignore_index=True
    )
    return frame.astype({"district_number": "int64", "count": "int64"})


def _count_by(engine: Engine, flt: CongressFilter, column, order: tuple[str, ...], name: str):
    if flt.workshop_id is None:
        statement = tallied.active_by(name, flt.edition, flt.category, flt.day)
    else:
        statement = (
            select(column.label(name), func.count(Signup.id).label("count"))
            .where(ACTIVE, *signup_conditions(flt))
            .group_by(column)
        )
    frame = query_frame(engine, statement)
    frame[name] = frame[name].fillna(UNKNOWN)
    counts = frame.set_index(name)["count"]
    # Every group is listed (zeros too) in its natural order; unknown only if present.
    keys = list(order) + ([UNKNOWN] if UNKNOWN in counts.index else [])
    frame = counts.reindex(keys, fill_value=0).rename_axis(name).reset_index()
    return frame.astype({"count": "int64"})


@reads(*TABLES_READ)
def by_age_group(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Active sign-ups per age group (age_group, count), youngest first."""
    return _count_by(engine, flt, Signup.age_group, AGE_GROUPS, "age_group")


@reads(*TABLES_READ)
def by_category(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Active sign-ups per participant category (category, count)."""
    return _count_by(engine, flt, Signup.category, PARTICIPANT_CATEGORIES, "category")
