"""Importing Congress sign-ups of one edition from an online form's export (admins only).

A sign-up is matched by edition and e-mail: an e-mail already signed up updates that
sign-up (or leaves it unchanged), and the same e-mail twice in one file is a problem.
Only the columns the file has are compared and set; the others keep what is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.permissions import Actor, require_admin
from dashboard.importers import vocabulary
from dashboard.importers.cells import RowCells
from dashboard.importers.plan import Plan, execute, in_chunks
from dashboard.importers.reading import Schema, Source, Table
from dashboard.importers.report import WHOLE_FILE, ImportReport, Problems, read_checked
from dashboard.importers.signup_rows import SignupLookups, email_key, parse_signup
from dashboard.services import audit
from db.models import Event, Signup, SignupSession

# Header aliases (the Polish header first) live in headers.toml, beside this module.
SIGNUP_SCHEMA: Schema = vocabulary.schema("signups")
# Consent is required: a row without a yes is refused, never stored as consent given now.
SIGNUP_REQUIRED = ("full_name", "email", "category", "consent")
TIMESTAMP_FIELDS = ("created_at", "started_at")


def import_signups(
    engine: Engine,
    actor: Actor,
    source: Source,
    filename: str | None,
    edition: int,
    dry_run: bool = False,
) -> ImportReport:
    """Import Congress sign-ups of one edition (admins only: personal data).

    An e-mail already signed up for the edition updates that sign-up (or leaves
    it unchanged); the same e-mail twice in the file is a problem.
    """
    require_admin(actor)
    table, file_problems = read_checked(
        source, filename, SIGNUP_SCHEMA, SIGNUP_REQUIRED, refuse_unknown_sensitive=True
    )
    if table.rows and not any(name in table.headers for name in TIMESTAMP_FIELDS):
        # consent_at and created_at come from the form's own time of sending
        file_problems.add(table.header_row, "created_at", "missing_timestamp_column")

    def plan(session: Session) -> Plan:
        return _plan(session, table, file_problems.copy(), edition, dry_run)

    def write(session: Session, planned: Plan) -> None:
        _write(session, planned)
        summary = _audit_summary(planned.report, filename, edition)
        rows = planned.report.to_add + planned.report.to_update
        audit.record(session, actor.username, "import_signups", summary, rows)

    return execute(engine, dry_run, plan, write)


def _edition_refusal(session: Session, event_id: int | None) -> str | None:
    """Why no sign-up may be imported into this edition, or None."""
    if event_id is None:
        return "unknown_edition"
    anonymised = select(Signup.id).where(
        Signup.event_id == event_id, Signup.anonymised_at.is_not(None)
    )
    if session.scalar(anonymised.limit(1)) is not None:
        # Re-importing a form export would bring back personal data erased on purpose.
        return "anonymised_edition"
    return None


def _plan(session: Session, table: Table, problems: Problems, edition: int, dry_run: bool) -> Plan:
    event_id = session.scalar(select(Event.id).where(Event.edition == edition))
    refusal = _edition_refusal(session, event_id)
    if refusal:
        problems.add_raw(None, WHOLE_FILE, refusal, value=edition)
        return Plan(problems.report(dry_run=dry_run))
    lookups = SignupLookups.load(session, event_id)
    plan = Plan(report=ImportReport())
    first_row_of_email: dict[str, int] = {}
    unchanged = 0
    for source_row in table.rows:
        cells = RowCells(problems, source_row)
        parsed = parse_signup(cells, lookups)
        # A repeated e-mail is reported whatever else is wrong with either row.
        key = email_key(cells.text("email"))
        first = first_row_of_email.setdefault(key, source_row.number) if key else None
        if first is not None and first != source_row.number:
            cells.problem("email", "duplicate_email", row=first)
            continue
        if parsed is None:
            continue
        fields, sessions = parsed
        if not _plan_row(plan, lookups, fields, sessions):
            unchanged += 1
    plan.report = problems.report(
        to_add=len(plan.inserts),
        to_update=len(plan.updates),
        unchanged=unchanged,
        ignored_columns=tuple(table.ignored_headers),
        dry_run=dry_run,
    )
    return plan


def _plan_row(
    plan: Plan, lookups: SignupLookups, fields: dict[str, Any], sessions: frozenset[int] | None
) -> bool:
    """Adds the row's insert or update to ``plan``; False when it changes nothing."""
    stored = lookups.stored.get(fields["email"])
    if stored is None:
        plan.inserts.append(_new_signup(fields, lookups))
        plan.insert_sessions.append(sessions)
        return True
    changes = {k: v for k, v in fields.items() if k != "created_at" and stored.get(k) != v}
    changes.pop("email", None)
    old_sessions = lookups.stored_sessions.get(stored["id"], frozenset())
    sessions_changed = sessions is not None and sessions != old_sessions
    if not changes and not sessions_changed:
        return False
    plan.updates.append({"id": stored["id"], **changes, "updated_at": lookups.timestamp})
    if sessions_changed:
        plan.update_sessions[stored["id"]] = sessions
    return True


def _new_signup(fields: dict[str, Any], lookups: SignupLookups) -> dict[str, Any]:
    created = fields["created_at"] or lookups.timestamp
    return {
        "event_id": lookups.event_id,
        "district_id": None,
        "age_group": None,
        "status": "registered",
        "photo_consent": False,
        "attended": False,
        **fields,
        "created_at": created,
        "consent_at": created,
    }


def _write(session: Session, plan: Plan) -> None:
    links: list[dict[str, int]] = []
    if plan.inserts:
        session.execute(insert(Signup.__table__), plan.inserts)
        id_of = _ids_by_email(session, plan.inserts[0]["event_id"])
        for row, sessions in zip(plan.inserts, plan.insert_sessions, strict=True):
            links.extend(_links(id_of[row["email"]], sessions or ()))
    if plan.updates:
        session.execute(update(Signup), plan.updates)
    replaced = list(plan.update_sessions)
    for chunk in in_chunks(replaced):
        session.execute(delete(SignupSession).where(SignupSession.signup_id.in_(chunk)))
    for signup_id in replaced:
        links.extend(_links(signup_id, plan.update_sessions[signup_id]))
    if links:
        session.execute(insert(SignupSession.__table__), links)


def _ids_by_email(session: Session, event_id: int) -> dict[str, int]:
    query = select(Signup.email, Signup.id).where(
        Signup.event_id == event_id, Signup.email.is_not(None)
    )
    return dict(session.execute(query).all())


def _links(signup_id: int, session_ids: Iterable[int]) -> list[dict[str, int]]:
    return [{"signup_id": signup_id, "session_id": session_id} for session_id in session_ids]


def _audit_summary(report: ImportReport, filename: str | None, edition: int) -> str:
    return (
        f"{filename or 'plik'} (edycja {edition}): dodano {report.to_add}, "
        f"zaktualizowano {report.to_update}, bez zmian {report.unchanged}"
    )
