"""Residents' sign-ups with their names and e-mails: the door list, search and counts.

Personal data: every function takes the asking ``Actor`` and refuses anyone but an admin.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.core.permissions import Actor, require_admin
from db.models import District, Event, EventSession, Signup, SignupSession

LIST_COLUMNS = [
    "id",
    "full_name",
    "email",
    "district_number",
    "age_group",
    "category",
    "status",
    "workshop",
    "photo_consent",
    "attended",
    "created_at",
]


def signup_count(engine: Engine, actor: Actor, edition: int) -> int:
    require_admin(actor)
    statement = (
        select(func.count()).select_from(Signup).join(Event, Event.id == Signup.event_id)
    ).where(Event.edition == edition)
    with engine.connect() as connection:
        return connection.execute(statement).scalar_one()


def signup_list(
    engine: Engine, actor: Actor, edition: int, limit: int | None = None
) -> pd.DataFrame:
    """Sign-ups of an edition with name, e-mail and the workshop (admins only);
    all of them, or the first ``limit`` by name."""
    require_admin(actor)
    # Looked up per listed row: a short list reads only its own sign-ups' sessions.
    workshop = (
        select(func.min(EventSession.title))
        .join(SignupSession, SignupSession.session_id == EventSession.id)
        .where(SignupSession.signup_id == Signup.id, EventSession.kind == "workshop")
        .correlate(Signup)
        .scalar_subquery()
    )
    statement = (
        select(
            Signup.id,
            Signup.full_name,
            Signup.email,
            District.number.label("district_number"),
            Signup.age_group,
            Signup.category,
            Signup.status,
            workshop,
            Signup.photo_consent,
            Signup.attended,
            Signup.created_at,
        )
        .join(Event, Event.id == Signup.event_id)
        .outerjoin(District, District.id == Signup.district_id)
        .where(Event.edition == edition)
        .order_by(Signup.full_name, Signup.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    return pd.DataFrame(rows, columns=LIST_COLUMNS)


def search_signups(engine: Engine, actor: Actor, edition: int, text: str) -> pd.DataFrame:
    """Active sign-ups whose name or e-mail contains ``text`` (any case, Polish letters too).

    The match runs in Python: SQLite's lower() folds only ASCII, so 'łukasz'
    would not find 'Łukasz'. One edition is a few hundred rows.
    """
    frame = signup_list(engine, actor, edition)
    frame = frame[frame["status"] != "cancelled"]
    needle = " ".join(text.split()).casefold()
    if not needle:
        return frame.reset_index(drop=True)
    haystack = frame["full_name"].fillna("") + " " + frame["email"].fillna("")
    matches = [needle in value.casefold() for value in haystack]
    return frame[matches].reset_index(drop=True)


def checkin_counts(engine: Engine, actor: Actor, edition: int) -> dict[str, int]:
    """Live counts for the door: registered, present, still expected, waitlisted."""
    require_admin(actor)
    registered = Signup.status == "registered"
    statement = (
        select(
            func.count(Signup.id).filter(registered),
            func.count(Signup.id).filter(registered, Signup.attended.is_(True)),
            func.count(Signup.id).filter(Signup.status == "waitlisted"),
            func.count(Signup.id).filter(Signup.status != "cancelled", Signup.attended.is_(True)),
        )
        .join(Event, Event.id == Signup.event_id)
        .where(Event.edition == edition)
    )
    with engine.connect() as connection:
        total, present, waitlisted, present_all = connection.execute(statement).one()
    return {
        "registered": total,
        "present": present_all,
        "expected": total - present,
        "waitlisted": waitlisted,
    }
