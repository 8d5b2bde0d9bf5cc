"""Who came to a Congress edition: registered sign-ups that came and did not, overall,
per workshop and per participant category (after the edition has ended)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, Float, case, cast, func, select

from dashboard.queries import congress_tallies as tallied
from dashboard.queries.common import count_if, query_frame, reads
from dashboard.queries.congress import TABLES_READ, CongressFilter, signup_conditions
from db.models import PARTICIPANT_CATEGORIES, Event, EventSession, Signup, SignupSession


@reads(*TABLES_READ)
def edition_has_ended(engine: Engine, edition: int, today: date) -> bool:
    statement = select(Event.ends_on).where(Event.edition == edition)
    with engine.connect() as connection:
        ends_on = connection.execute(statement).scalar()
    return ends_on is not None and ends_on < today


def _attendance_columns():
    came = count_if(Signup.attended.is_(True))
    missed = count_if(Signup.attended.is_not(True))
    rate = case(
        (func.count(Signup.id) > 0, cast(missed, Float) / func.count(Signup.id)), else_=None
    )
    return came.label("came"), missed.label("did_not_come"), rate.label("no_show_rate")


def _attendance_frame(engine: Engine, statement) -> pd.DataFrame:
    frame = query_frame(engine, statement)
    frame["no_show_rate"] = pd.to_numeric(frame["no_show_rate"], errors="coerce").astype("float64")
    return frame.astype({"came": "int64", "did_not_come": "int64"})


@reads(*TABLES_READ)
def attendance_totals(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """One row for the registered sign-ups: came, did_not_come, no_show_rate."""
    if flt.workshop_id is None:
        statement = tallied.attendance_totals(flt.edition, flt.category, flt.day)
    else:
        statement = select(*_attendance_columns()).where(
            Signup.status == "registered", *signup_conditions(flt)
        )
    return _attendance_frame(engine, statement)


@reads(*TABLES_READ)
def attendance_by_workshop(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Registered sign-ups per workshop: title, came, did_not_come, no_show_rate."""
    if flt.workshop_id is None and flt.day is None:
        return _attendance_frame(engine, tallied.attendance_by_workshop(flt.edition, flt.category))
    statement = (
        select(EventSession.title, *_attendance_columns())
        .select_from(Signup)
        .join(SignupSession, SignupSession.signup_id == Signup.id)
        .join(EventSession, EventSession.id == SignupSession.session_id)
        .where(
            Signup.status == "registered",
            EventSession.kind == "workshop",
            *signup_conditions(flt),
        )
        .group_by(EventSession.id, EventSession.title)
        .order_by(EventSession.title)
    )
    return _attendance_frame(engine, statement)


@reads(*TABLES_READ)
def attendance_by_category(engine: Engine, flt: CongressFilter) -> pd.DataFrame:
    """Registered sign-ups per category: category, came, did_not_come, no_show_rate."""
    if flt.workshop_id is None:
        statement = tallied.attendance_by_category(flt.edition, flt.category, flt.day)
    else:
        statement = (
            select(Signup.category, *_attendance_columns())
            .where(Signup.status == "registered", *signup_conditions(flt))
            .group_by(Signup.category)
        )
    frame = _attendance_frame(engine, statement)
    rank = {category: index for index, category in enumerate(PARTICIPANT_CATEGORIES)}
    frame = frame.sort_values("category", key=lambda column: column.map(rank))
    return frame.reset_index(drop=True)
