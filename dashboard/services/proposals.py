"""Reviewing proposals: status changes along the workflow, bulk changes, edits.

Every change runs in one ``write_session`` transaction that also writes its
``proposal_events`` row and bumps ``proposals.version``. An edit names the version
it was based on; if someone changed the proposal since, it is refused
(``VersionConflict``) instead of overwriting their work.

Workflow (design.md §3 order). Forward steps need no note; a step back one stage,
``rejected`` and ``merged`` need one; ``merged`` names the proposal it joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.permissions import Actor, PermissionDenied, require_subteam_editor
from db.engine import now, write_session
from db.models import PROPOSAL_STATUSES, Proposal, ProposalEvent

FORWARD: dict[str, tuple[str, ...]] = {
    "submitted": ("in_review", "rejected", "merged"),
    "in_review": ("consulted", "accepted", "partially_accepted", "rejected", "merged"),
    "consulted": ("accepted", "partially_accepted", "rejected", "merged"),
    "accepted": ("included",),
    "partially_accepted": ("included",),
    "rejected": (),
    "merged": (),
    "included": (),
}
# One stage back (always with a note): reopening a rejected or merged proposal
# puts it back in review.
BACK: dict[str, tuple[str, ...]] = {
    "submitted": (),
    "in_review": ("submitted",),
    "consulted": ("in_review",),
    "accepted": ("consulted",),
    "partially_accepted": ("consulted",),
    "rejected": ("in_review",),
    "merged": ("in_review",),
    "included": ("accepted", "partially_accepted"),
}
NOTE_REQUIRED = ("rejected", "merged")
MAX_NOTE = 2000
MAX_TITLE = 500
MAX_DESCRIPTION = 20000
MAX_AREA = 200


class ReviewError(Exception):
    """A refused change. ``key``/``values`` name the catalogue label for the page;
    the message itself is Polish (CLI, logs)."""

    def __init__(self, message: str, key: str = "proposals.error.generic", **values: object):
        super().__init__(message)
        self.key = key
        self.values = values


class ProposalNotFound(ReviewError):
    pass


class InvalidTransition(ReviewError):
    pass


class NoteRequired(ReviewError):
    pass


class InvalidMergeTarget(ReviewError):
    pass


class InvalidEdit(ReviewError):
    pass


class VersionConflict(ReviewError):
    pass


class BulkChangeRefused(ReviewError):
    """Nothing was changed; ``reasons`` lists (proposal id, Polish reason) for every refused row."""

    def __init__(self, reasons: list[tuple[int, str]]):
        summary = "; ".join(f"nr {pid}: {reason}" for pid, reason in reasons)
        super().__init__(
            f"Nie zmieniono żadnej propozycji — odrzucone wiersze: {summary}",
            "proposals.error.bulk_refused",
            count=len(reasons),
        )
        self.reasons = reasons


@dataclass(frozen=True)
class _StatusChange:
    """What a status change asks for; the same for every proposal of a bulk change."""

    to_status: str
    note: str | None
    merged_into_id: int | None


def allowed_targets(from_status: str) -> tuple[str, ...]:
    """Statuses a proposal in ``from_status`` may move to, in workflow order."""
    targets = set(FORWARD[from_status]) | set(BACK[from_status])
    return tuple(status for status in PROPOSAL_STATUSES if status in targets)


def note_required(from_status: str, to_status: str) -> bool:
    return to_status in NOTE_REQUIRED or to_status in BACK.get(from_status, ())


def change_status(
    engine: Engine,
    actor: Actor,
    proposal_id: int,
    to_status: str,
    note: str | None,
    expected_version: int,
    merged_into_id: int | None = None,
) -> int:
    """Move one proposal to ``to_status``; returns its new version."""
    change = _StatusChange(to_status, note, merged_into_id)
    with write_session(engine) as session:
        return _apply_status(session, actor, proposal_id, expected_version, change)


def bulk_change_status(
    engine: Engine,
    actor: Actor,
    selection: Sequence[tuple[int, int]],
    to_status: str,
    note: str | None,
    merged_into_id: int | None = None,
) -> int:
    """Move every (proposal id, loaded version) in ``selection`` — all or nothing.

    Returns the number changed; raises ``BulkChangeRefused`` listing every refused row.
    """
    selection = list(dict(selection).items())  # each proposal once
    if not selection:
        raise ReviewError("Nie zaznaczono żadnej propozycji.", "proposals.error.empty_selection")
    change = _StatusChange(to_status, note, merged_into_id)
    with write_session(engine) as session:
        reasons: list[tuple[int, str]] = []
        for proposal_id, expected_version in selection:
            try:
                _check_status_change(session, actor, proposal_id, expected_version, change)
            except (ReviewError, PermissionDenied) as error:
                reasons.append((proposal_id, str(error)))
        if reasons:
            raise BulkChangeRefused(reasons)
        for proposal_id, expected_version in selection:
            _apply_status(session, actor, proposal_id, expected_version, change)
    return len(selection)


def edit_proposal(
    engine: Engine,
    actor: Actor,
    proposal_id: int,
    expected_version: int,
    title: str,
    description: str,
    strategic_area: str | None,
) -> int:
    """Change title, description and strategic area; returns the (possibly unchanged) version."""
    title, description = (title or "").strip(), (description or "").strip()
    area = (strategic_area or "").strip() or None
    _validate_edit(title, description, area)
    with write_session(engine) as session:
        current = _load_for_change(session, actor, proposal_id, expected_version)
        new_values = {"title": title, "description": description, "strategic_area": area}
        changed = [name for name, value in new_values.items() if current[name] != value]
        if not changed:
            return current["version"]
        version = _bump(session, proposal_id, expected_version, new_values)
        _write_event(session, actor, proposal_id, None, None, _edit_note(changed))
        return version


def _validate_edit(title: str, description: str, area: str | None) -> None:
    if not title:
        raise InvalidEdit("Tytuł nie może być pusty.", "proposals.error.title_empty")
    limits = (
        ("tytuł", title, MAX_TITLE),
        ("opis", description, MAX_DESCRIPTION),
        ("obszar strategiczny", area or "", MAX_AREA),
    )
    for name, value, limit in limits:
        if len(value) > limit:
            raise InvalidEdit(
                f"{name.capitalize()} jest za długi (najwyżej {limit} znaków).",
                "proposals.error.too_long",
                field=name,
                limit=limit,
            )


def _edit_note(changed: list[str]) -> str:
    names = {"title": "tytuł", "description": "opis", "strategic_area": "obszar strategiczny"}
    return "Edycja: " + ", ".join(names[name] for name in changed)


def _load_for_change(
    session: Session, actor: Actor, proposal_id: int, expected_version: int
) -> dict:
    row = (
        session.execute(
            select(
                Proposal.id,
                Proposal.subteam_id,
                Proposal.status,
                Proposal.version,
                Proposal.title,
                Proposal.description,
                Proposal.strategic_area,
            ).where(Proposal.id == proposal_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        raise ProposalNotFound(
            f"Propozycja nr {proposal_id} nie istnieje.",
            "proposals.error.not_found",
            id=proposal_id,
        )
    require_subteam_editor(actor, row["subteam_id"])
    if row["version"] != expected_version:
        raise VersionConflict(
            f"Propozycja nr {proposal_id} została w międzyczasie zmieniona przez kogoś innego. "
            "Nic nie nadpisano — odśwież widok i wprowadź zmianę ponownie.",
            "proposals.error.version_conflict",
            id=proposal_id,
        )
    return dict(row)


def _check_status_change(
    session: Session, actor: Actor, proposal_id: int, expected_version: int, change: _StatusChange
) -> dict:
    current = _load_for_change(session, actor, proposal_id, expected_version)
    from_status, to_status = current["status"], change.to_status
    if to_status not in PROPOSAL_STATUSES or to_status not in allowed_targets(from_status):
        raise InvalidTransition(
            f"Nie można zmienić statusu z „{from_status}” na „{to_status}”.",
            "proposals.error.transition",
            from_status=from_status,
            to_status=to_status,
        )
    text = (change.note or "").strip()
    if note_required(from_status, to_status) and not text:
        raise NoteRequired(
            "Ta zmiana statusu wymaga notatki z uzasadnieniem.", "proposals.error.note_required"
        )
    if len(text) > MAX_NOTE:
        raise NoteRequired(
            f"Notatka jest za długa (najwyżej {MAX_NOTE} znaków).",
            "proposals.error.too_long",
            field="notatka",
            limit=MAX_NOTE,
        )
    if to_status == "merged":
        _check_merge_target(session, proposal_id, change.merged_into_id)
    return current


def _check_merge_target(session: Session, proposal_id: int, target_id: int | None) -> None:
    if target_id is None:
        raise InvalidMergeTarget(
            "Wskaż propozycję, z którą ta propozycja zostaje połączona.",
            "proposals.error.merge_target_missing",
        )
    if target_id == proposal_id:
        raise InvalidMergeTarget(
            "Propozycji nie można połączyć z nią samą.", "proposals.error.merge_self"
        )
    target = session.execute(
        select(Proposal.status, Proposal.merged_into_id).where(Proposal.id == target_id)
    ).first()
    if target is None:
        raise InvalidMergeTarget(
            f"Propozycja docelowa nr {target_id} nie istnieje.",
            "proposals.error.merge_target_unknown",
            id=target_id,
        )
    if target.status == "merged":
        raise InvalidMergeTarget(
            f"Propozycja nr {target_id} sama jest połączona z nr {target.merged_into_id} — "
            "wskaż tę propozycję.",
            "proposals.error.merge_target_merged",
            id=target_id,
            other=target.merged_into_id,
        )


def _apply_status(
    session: Session, actor: Actor, proposal_id: int, expected_version: int, change: _StatusChange
) -> int:
    current = _check_status_change(session, actor, proposal_id, expected_version, change)
    merged = change.to_status == "merged"
    values = {
        "status": change.to_status,
        "merged_into_id": change.merged_into_id if merged else None,
    }
    version = _bump(session, proposal_id, expected_version, values)
    _write_event(session, actor, proposal_id, current["status"], change.to_status, change.note)
    return version


def _bump(session: Session, proposal_id: int, expected_version: int, values: dict) -> int:
    """Write ``values`` only if the version is still the loaded one (belt and braces)."""
    result = session.execute(
        update(Proposal)
        .where(Proposal.id == proposal_id, Proposal.version == expected_version)
        .values(**values, version=expected_version + 1, updated_at=now())
    )
    if result.rowcount != 1:
        raise VersionConflict(
            f"Propozycja nr {proposal_id} została w międzyczasie zmieniona przez kogoś innego.",
            "proposals.error.version_conflict",
            id=proposal_id,
        )
    return expected_version + 1


def _write_event(
    session: Session,
    actor: Actor,
    proposal_id: int,
    from_status: str | None,
    to_status: str | None,
    note: str | None,
) -> None:
    session.execute(
        insert(ProposalEvent).values(
            proposal_id=proposal_id,
            at=now(),
            actor=actor.username,
            from_status=from_status,
            to_status=to_status,
            note=(note or "").strip() or None,
        )
    )
