"""Mappings of import values: a value the importers did not recognise, mapped once by an
admin to what it means, so the next file with the same value is read that way.

The value is stored folded (case, diacritics, spacing ignored); the target is what the
matching vocabulary stores (an okręg's or workshop's id, a code). Admins only: sign-up
files carry personal data, and a mapping changes how every later file is read.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, insert, select

from dashboard.core.errors import InvalidInput
from dashboard.core.permissions import Actor, require_admin
from dashboard.importers.folding import fold
from dashboard.importers.matching import MAPPABLE_KINDS, vocabulary_for
from dashboard.services import audit
from db.engine import now, write_session
from db.models import Event, ImportMapping

VALUE_LIMIT = 500


class MappingError(InvalidInput):
    """A mapping that cannot be saved; the key's label says why."""


def save_mapping(
    engine: Engine,
    actor: Actor,
    kind: str,
    value: str,
    target: str,
    edition: int | None = None,
) -> str:
    """Map ``value`` (as written in a file) to ``target``; returns how a person names it.

    ``target`` is a stored target (``Vocabulary.targets``) or anything the vocabulary
    understands: an okręg's number or name, a code or label, a workshop's title (then
    ``edition`` names the Congress). A mapping of the same value is replaced.
    """
    require_admin(actor)
    folded = _checked_value(kind, value)
    if kind == "workshop" and edition is None:
        raise MappingError("imports.mapping.edition_needed")
    with write_session(engine) as session:
        event_id = None
        if edition is not None:
            event_id = session.scalar(select(Event.id).where(Event.edition == edition))
            if event_id is None:
                raise MappingError("imports.mapping.unknown_edition", edition=edition)
        vocab = vocabulary_for(session, kind, event_id)
        resolved = vocab.target_value(str(target))
        if resolved is None:
            match = vocab.match(str(target))
            resolved = match.value if match else None
        if resolved is None:
            raise MappingError("imports.mapping.unknown_target", target=target)
        session.execute(
            delete(ImportMapping).where(
                ImportMapping.kind == kind, ImportMapping.folded_value == folded
            )
        )
        session.execute(
            insert(ImportMapping).values(
                kind=kind,
                folded_value=folded,
                value=value.strip(),
                target=str(resolved),
                created_by=actor.username,
                created_at=now(),
            )
        )
        shown = vocab.display[resolved]
        audit.record(session, actor.username, "import_mapping", f"{kind}: {value} → {shown}")
    return shown


def delete_mapping(engine: Engine, actor: Actor, kind: str, value: str) -> bool:
    """Forget the mapping of ``value``; False when there was none."""
    require_admin(actor)
    folded = _checked_value(kind, value)
    with write_session(engine) as session:
        deleted = session.execute(
            delete(ImportMapping).where(
                ImportMapping.kind == kind, ImportMapping.folded_value == folded
            )
        ).rowcount
        if deleted:
            audit.record(session, actor.username, "import_mapping_deleted", f"{kind}: {value}")
    return bool(deleted)


def _checked_value(kind: str, value: str) -> str:
    if kind not in MAPPABLE_KINDS:
        raise MappingError(
            "imports.mapping.unknown_kind", kind=kind, kinds=", ".join(MAPPABLE_KINDS)
        )
    folded = fold(value)
    if not folded:
        raise MappingError("imports.mapping.empty_value")
    if len(value) > VALUE_LIMIT:
        raise MappingError("imports.mapping.too_long", limit=VALUE_LIMIT)
    return folded
