"""Importing proposals: admins into any subteam, leads into their own subteams only.

A proposal carries a fingerprint of its row (``proposals.import_key``), so importing
the same file again adds nothing; every new proposal gets its first audit-trail entry.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from dashboard.core.errors import PermissionDenied
from dashboard.core.permissions import Actor
from dashboard.importers import vocabulary
from dashboard.importers.cells import RowCells
from dashboard.importers.folding import fold
from dashboard.importers.matching import (
    Vocabulary,
    district_vocabulary,
    label_vocabulary,
    stored_mappings,
    with_mappings,
)
from dashboard.importers.plan import Plan, execute, in_chunks
from dashboard.importers.reading import Schema, Source, Table
from dashboard.importers.report import ImportReport, Problems, read_checked
from dashboard.services import audit
from db.engine import now
from db.models import PROPOSAL_SOURCES, PROPOSAL_STATUSES, Proposal, ProposalEvent, Subteam

# Header aliases (the Polish header first) live in headers.toml, beside this module.
PROPOSAL_SCHEMA: Schema = vocabulary.schema("proposals")
PROPOSAL_REQUIRED = ("title", "subteam")


def import_proposals(
    engine: Engine,
    actor: Actor,
    source: Source,
    filename: str | None = None,
    dry_run: bool = False,
    *,
    default_source: str | None = None,
) -> ImportReport:
    """Import proposals; admins into any subteam, leads into their own subteams only.

    ``default_source`` (a code of ``PROPOSAL_SOURCES``) applies to rows whose
    source cell is empty or whose file has no source column.
    """
    if actor.role not in ("admin", "lead"):
        raise PermissionDenied("imports.error.proposals_forbidden", username=actor.username)
    if default_source is not None and default_source not in PROPOSAL_SOURCES:
        raise ValueError(f"Unknown default source {default_source!r}")
    table, file_problems = read_checked(source, filename, PROPOSAL_SCHEMA, PROPOSAL_REQUIRED)
    if "source" not in table.headers and default_source is None and table.rows:
        file_problems.add(table.header_row, "source", "missing_column", column="Źródło")

    def plan(session: Session) -> Plan:
        lookups = _Lookups.load(session, actor, default_source, "source" in table.headers)
        return _plan(session, table, file_problems.copy(), lookups, dry_run)

    def write(session: Session, planned: Plan) -> None:
        _write(session, actor, planned, filename)

    return execute(engine, dry_run, plan, write)


def proposal_import_key(subteam_id: int, title: str, description: str, created: str) -> str:
    """A fingerprint of what a row says, independent of spacing and letter case."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    payload = "\x1f".join(("proposal-v1", str(subteam_id), norm(title), norm(description), created))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class _Lookups:
    """What a row's cells are checked against, read once per import."""

    actor: Actor
    subteams: dict[str, int]  # id, folded slug or folded name -> id
    districts: Vocabulary
    statuses: Vocabulary
    sources: Vocabulary
    default_source: str | None
    source_required: bool  # the file has a source column: an empty cell needs the default
    timestamp: datetime

    @classmethod
    def load(
        cls, session: Session, actor: Actor, default_source: str | None, source_column: bool
    ) -> _Lookups:
        subteams: dict[str, int] = {}
        for subteam_id, slug, name in session.execute(
            select(Subteam.id, Subteam.slug, Subteam.name)
        ):
            for key in (str(subteam_id), fold(slug), fold(name)):
                subteams.setdefault(key, subteam_id)
        mappings = stored_mappings(session)
        return cls(
            actor=actor,
            subteams=subteams,
            districts=with_mappings(district_vocabulary(session), mappings.get("district", {})),
            statuses=with_mappings(
                label_vocabulary("status", "status", PROPOSAL_STATUSES), mappings.get("status", {})
            ),
            sources=with_mappings(
                label_vocabulary(
                    "source", "source", PROPOSAL_SOURCES, "sources", note_synonyms=True
                ),
                mappings.get("source", {}),
            ),
            default_source=default_source,
            source_required=source_column,
            timestamp=now(),
        )


def _plan(
    session: Session, table: Table, problems: Problems, lookups: _Lookups, dry_run: bool
) -> Plan:
    candidates: list[dict[str, Any]] = []
    first_row_of_key: dict[str, int] = {}
    for source_row in table.rows:
        cells = RowCells(problems, source_row)
        proposal = _parse_row(cells, lookups)
        # A repeated row is reported whatever else is wrong with either row: by what the
        # cells say, and (for good rows) by what they mean ("1" and the subteam's name).
        keys = [_cells_key(cells)] + ([proposal["import_key"]] if proposal else [])
        first = next((first_row_of_key[k] for k in keys if k in first_row_of_key), None)
        if first is not None:
            problems.add(source_row.number, "title", "duplicate_row", row=first)
            continue
        for key in keys:
            first_row_of_key[key] = source_row.number
        if proposal is None:
            continue
        candidates.append(proposal)
    existing = _ids_by_import_key(session, [c["import_key"] for c in candidates])
    inserts = [c for c in candidates if c["import_key"] not in existing]
    report = problems.report(
        to_add=len(inserts),
        unchanged=len(candidates) - len(inserts),
        ignored_columns=tuple(table.ignored_headers),
        dry_run=dry_run,
    )
    return Plan(report=report, inserts=inserts)


def _parse_row(cells: RowCells, lookups: _Lookups) -> dict[str, Any] | None:
    """The proposal a row describes, or None when the row has problems."""
    title = cells.required_text("title")
    description = cells.text("description")
    subteam_id = _subteam(cells, lookups)
    status = cells.code("status", lookups.statuses, "unknown_status", default="submitted")
    source = cells.code(
        "source",
        lookups.sources,
        "unknown_source",
        default=lookups.default_source,
        required=lookups.source_required,
    )
    district_id = cells.district(lookups.districts)
    area = cells.text("strategic_area") or None
    if area:
        cells.check_length("strategic_area", area)
    created = cells.created_at()
    if not cells.ok:
        return None
    created_text = created.isoformat() if created else ""
    return {
        "subteam_id": subteam_id,
        "title": title,
        "description": description,
        "status": status,
        "source": source,
        "district_id": district_id,
        "strategic_area": area,
        "created_at": created or lookups.timestamp,
        "updated_at": lookups.timestamp,
        "version": 1,
        "import_key": proposal_import_key(subteam_id, title, description, created_text),
    }


def _cells_key(cells: RowCells) -> str:
    """What a row says, folded: the title, description, subteam and date cells."""
    parts = ("title", "description", "subteam", "created_at")
    return "cells\x1f" + "\x1f".join(fold(cells.text(name)) for name in parts)


def _subteam(cells: RowCells, lookups: _Lookups) -> int | None:
    cell = cells.text("subteam")
    if not cell:
        cells.problem("subteam", "required")
        return None
    subteam_id = lookups.subteams.get(fold(cell))
    if subteam_id is None:
        cells.problem("subteam", "unknown_subteam", value=cell)
    elif not lookups.actor.can_edit_subteam(subteam_id):
        cells.problem("subteam", "not_your_subteam", value=cell)
    return subteam_id


def _ids_by_import_key(session: Session, keys: list[str]) -> dict[str, int]:
    """Import key -> id of the stored proposals among ``keys`` (the others are new).

    Also finds the ids after a plain executemany INSERT: RETURNING in parameter
    order makes SQLAlchemy send one INSERT per row on SQLite.
    """
    found: dict[str, int] = {}
    for chunk in in_chunks(keys):
        query = select(Proposal.import_key, Proposal.id).where(Proposal.import_key.in_(chunk))
        found.update(session.execute(query).all())
    return found


def _write(session: Session, actor: Actor, plan: Plan, filename: str | None) -> None:
    if plan.inserts:
        session.execute(insert(Proposal.__table__), plan.inserts)
        id_of = _ids_by_import_key(session, [row["import_key"] for row in plan.inserts])
        note = f"Import z pliku {filename}" if filename else "Import z pliku"
        events = [_first_event(id_of[row["import_key"]], row, actor, note) for row in plan.inserts]
        session.execute(insert(ProposalEvent.__table__), events)
    report = plan.report
    summary = f"{filename or 'plik'}: dodano {report.to_add}, bez zmian {report.unchanged}"
    audit.record(session, actor.username, "import_proposals", summary, report.to_add)


def _first_event(proposal_id: int, row: dict[str, Any], actor: Actor, note: str) -> dict:
    """The audit-trail entry of a proposal that came from a file."""
    return {
        "proposal_id": proposal_id,
        "at": row["updated_at"],
        "actor": actor.username,
        "from_status": None,
        "to_status": row["status"],
        "note": note,
    }
