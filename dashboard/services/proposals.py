"""Reviewing proposals: status changes along the workflow, bulk changes, edits.

Every change runs in one ``write_session`` transaction that also writes its
``proposal_events`` row and bumps ``proposals.version``. An edit names the version
it was based on; if someone changed the proposal since, it is refused
(``VersionConflict``) instead of overwriting their work.

Workflow (statuses in their order). Forward steps need no note; a step back one stage,
``rejected`` and ``merged`` need one; ``merged`` names the proposal it joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.errors import Conflict, InvalidInput, Label, NotFound, PanelError
from dashboard.core.permissions import Actor, require_subteam_editor
from dashboard.i18n import DEFAULT_LANGUAGE, t
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


class ReviewError(PanelError):
    """A refused review change."""

    default_key = "proposals.error.generic"


class ProposalNotFound(ReviewError, NotFound):
    pass


class InvalidTransition(ReviewError, InvalidInput):
    pass


class NoteRequired(ReviewError, InvalidInput):
    pass


class InvalidMergeTarget(ReviewError, InvalidInput):
    pass


class InvalidEdit(ReviewError, InvalidInput):
    pass


class VersionConflict(ReviewError, Conflict):
    pass


class BulkChangeRefused(ReviewError, InvalidInput):
    """Nothing was changed; ``reasons`` pairs every refused proposal id with its error."""

    def __init__(self, reasons: list[tuple[int, PanelError]]):
        super().__init__("proposals.error.bulk_refused", count=len(reasons))
        self.reasons = reasons

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        lines = [super().message(lang)]
        lines += [
            t("proposals.error.bulk_row", lang, id=pid, reason=reason.message(lang))
            for pid, reason in self.reasons
        ]
        return "\n".join(lines)


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
        raise ReviewError("proposals.error.empty_selection")
    change = _StatusChange(to_status, note, merged_into_id)
    with write_session(engine) as session:
        reasons: list[tuple[int, PanelError]] = []
        for proposal_id, expected_version in selection:
            try:
                _check_status_change(session, actor, proposal_id, expected_version, change)
            except PanelError as error:
                reasons.append((proposal_id, error))
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
        current = load_for_change(session, actor, proposal_id, expected_version)
        new_values = {"title": title, "description": description, "strategic_area": area}
        changed = [name for name, value in new_values.items() if current[name] != value]
        if not changed:
            return current["version"]
        version = bump_version(session, proposal_id, expected_version, new_values)
        write_event(session, actor, proposal_id, None, None, _edit_note(changed))
        return version


def _validate_edit(title: str, description: str, area: str | None) -> None:
    if not title:
        raise InvalidEdit("proposals.error.title_empty")
    limits = (
        ("tytuł", title, MAX_TITLE),
        ("opis", description, MAX_DESCRIPTION),
        ("obszar strategiczny", area or "", MAX_AREA),
    )
    for name, value, limit in limits:
        if len(value) > limit:
            raise InvalidEdit("proposals.error.too_long", field=name, limit=limit)


def _edit_note(changed: list[str]) -> str:
    names = {"title": "tytuł", "description": "opis", "strategic_area": "obszar strategiczny"}
    return "Edycja: " + ", ".join(names[name] for name in changed)


def load_for_change(
    session: Session, actor: Actor, proposal_id: int, expected_version: int
) -> dict:
    """The proposal's editable fields, once the actor may edit it and the version matches."""
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
        raise ProposalNotFound("proposals.error.not_found", id=proposal_id)
    require_subteam_editor(actor, row["subteam_id"])
    if row["version"] != expected_version:
        raise VersionConflict("proposals.error.version_conflict", id=proposal_id)
    return dict(row)


def _check_status_change(
    session: Session, actor: Actor, proposal_id: int, expected_version: int, change: _StatusChange
) -> dict:
    current = load_for_change(session, actor, proposal_id, expected_version)
    from_status, to_status = current["status"], change.to_status
    if to_status not in PROPOSAL_STATUSES or to_status not in allowed_targets(from_status):
        raise InvalidTransition(
            "proposals.error.transition",
            from_status=_status_label(from_status),
            to_status=_status_label(to_status),
        )
    text = (change.note or "").strip()
    if note_required(from_status, to_status) and not text:
        raise NoteRequired("proposals.error.note_required")
    if len(text) > MAX_NOTE:
        raise NoteRequired("proposals.error.too_long", field="notatka", limit=MAX_NOTE)
    if to_status == "merged":
        _check_merge_target(session, proposal_id, change.merged_into_id)
    return current


def _status_label(status: str) -> Label | str:
    return Label(f"status.{status}") if status in PROPOSAL_STATUSES else status


def _check_merge_target(session: Session, proposal_id: int, target_id: int | None) -> None:
    if target_id is None:
        raise InvalidMergeTarget("proposals.error.merge_target_missing")
    if target_id == proposal_id:
        raise InvalidMergeTarget("proposals.error.merge_self")
    target = session.execute(
        select(Proposal.status, Proposal.merged_into_id).where(Proposal.id == target_id)
    ).first()
    if target is None:
        raise InvalidMergeTarget("proposals.error.merge_target_unknown", id=target_id)
    if target.status == "merged":
        raise InvalidMergeTarget(
            "proposals.error.merge_target_merged", id=target_id, other=target.merged_into_id
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
    version = bump_version(session, proposal_id, expected_version, values)
    write_event(session, actor, proposal_id, current["status"], change.to_status, change.note)
    return version


def bump_version(session: Session, proposal_id: int, expected_version: int, values: dict) -> int:
    """Write ``values`` only if the version is still the loaded one (belt and braces)."""
    result = session.execute(
        update(Proposal)
        .where(Proposal.id == proposal_id, Proposal.version == expected_version)
        .values(**values, version=expected_version + 1, updated_at=now())
    )
    if result.rowcount != 1:
        raise VersionConflict("proposals.error.version_conflict", id=proposal_id)
    return expected_version + 1


def write_event(
    session: Session,
    actor: Actor,
    proposal_id: int,
    from_status: str | None,
    to_status: str | None,
    note: str | None,
) -> None:
    """One ``proposal_events`` row (the proposal's trail); a blank note is stored as NULL."""
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
