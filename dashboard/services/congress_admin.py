"""Admin services for the Congress: check-in, the personal sign-up list, export, anonymisation.

Every function here refuses anyone but an admin (names and e-mails of residents).
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from sqlalchemy import Engine, func, select, update

from dashboard.core.permissions import Actor, require_admin
from dashboard.core.privacy import neutralise_frame
from dashboard.services import audit
from db.engine import now, write_session
from db.models import District, Event, EventSession, Signup, SignupSession

EXPORT_FORMATS = ("csv", "xlsx")
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


class CongressAdminError(ValueError):
    """An admin action that cannot be done; the message says why (Polish)."""


def _event(session_or_connection, edition: int) -> Event | None:
    return session_or_connection.execute(select(Event).where(Event.edition == edition)).scalar()


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
    workshop = (
        select(SignupSession.signup_id, func.min(EventSession.title).label("workshop"))
        .join(EventSession, EventSession.id == SignupSession.session_id)
        .where(EventSession.kind == "workshop")
        .group_by(SignupSession.signup_id)
        .subquery()
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
            workshop.c.workshop,
            Signup.photo_consent,
            Signup.attended,
            Signup.created_at,
        )
        .join(Event, Event.id == Signup.event_id)
        .outerjoin(District, District.id == Signup.district_id)
        .outerjoin(workshop, workshop.c.signup_id == Signup.id)
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


def set_attended(engine: Engine, actor: Actor, signup_id: int, attended: bool) -> None:
    """Mark (or un-mark) that a person came."""
    require_admin(actor)
    with write_session(engine) as session:
        changed = session.execute(
            update(Signup).where(Signup.id == signup_id).values(attended=attended, updated_at=now())
        ).rowcount
        if not changed:
            raise CongressAdminError(f"Nie ma zapisu o numerze {signup_id}.")


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


def export_signups(engine: Engine, actor: Actor, edition: int, fmt: str) -> bytes:
    """The personal list as CSV (UTF-8 with BOM, ';') or XLSX; the export is audit-logged."""
    require_admin(actor)
    if fmt not in EXPORT_FORMATS:
        raise CongressAdminError(f"Nieznany format eksportu: {fmt} (dozwolone: csv, xlsx).")
    frame = neutralise_frame(signup_list(engine, actor, edition))
    frame["created_at"] = frame["created_at"].map(
        lambda value: value.strftime("%Y-%m-%d %H:%M") if pd.notna(value) else ""
    )
    data = _csv_bytes(frame) if fmt == "csv" else _xlsx_bytes(frame)
    audit.record_now(
        engine,
        actor.username,
        "congress.signups_export",
        f"Lista zapisów na Kongres, edycja {edition}, format {fmt.upper()}",
        row_count=len(frame),
    )
    return data


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")


def _xlsx_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Zapisy", engine="openpyxl")
    return buffer.getvalue()


def anonymise_edition(engine: Engine, actor: Actor, edition: int, today: date | None = None) -> int:
    """Clear names and e-mails of an edition's sign-ups once the event is over.

    Every other column stays, so the statistics on /kongres do not change.
    Returns how many sign-ups were anonymised (0 when already done).
    """
    require_admin(actor)
    today = today or now().date()
    with write_session(engine) as session:
        event = _event(session, edition)
        if event is None:
            raise CongressAdminError(f"Nie ma edycji Kongresu {edition}.")
        if event.ends_on >= today:
            raise CongressAdminError(
                f"Edycję {edition} można zanonimizować dopiero po Kongresie "
                f"(kończy się {event.ends_on:%d.%m.%Y})."
            )
        count = session.execute(
            update(Signup)
            .where(Signup.event_id == event.id, Signup.anonymised_at.is_(None))
            .values(full_name=None, email=None, anonymised_at=now())
        ).rowcount
        audit.record(
            session,
            actor.username,
            "congress.anonymise",
            f"Anonimizacja zapisów na Kongres, edycja {edition}",
            row_count=count,
        )
        return count
