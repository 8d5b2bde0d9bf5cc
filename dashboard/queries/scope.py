"""Which subteams a read covers — one type for every query that can be narrowed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from db.models import Subteam


@dataclass(frozen=True)
class Scope:
    """A thematic team, chosen subteams by id (the pages' filters) and/or by slug (URLs,
    the CLI and the deck). Every part left empty: the whole panel.

    Frozen and made of tuples, so it is hashable and can be a cache key."""

    team_id: int | None = None
    subteam_ids: tuple[int, ...] = ()
    subteam_slugs: tuple[str, ...] = ()

    @classmethod
    def of(cls, team_id: int | None = None, subteam_id: int | None = None) -> Scope:
        """The scope of a page's two filters: one team and/or one subteam (``None`` = all)."""
        return cls(team_id, () if subteam_id is None else (subteam_id,))

    @property
    def is_everything(self) -> bool:
        return self.team_id is None and not self.subteam_ids and not self.subteam_slugs

    def conditions(self) -> list[ColumnElement[bool]]:
        """Conditions on the ``subteams`` table, which the caller joins."""
        subteams = Subteam.__table__.c
        conditions: list[ColumnElement[bool]] = []
        if self.team_id is not None:
            conditions.append(subteams.team_id == self.team_id)
        if self.subteam_ids:
            conditions.append(subteams.id.in_(self.subteam_ids))
        if self.subteam_slugs:
            conditions.append(subteams.slug.in_(self.subteam_slugs))
        return conditions

    def on_column(self, subteam_id_column) -> list[ColumnElement[bool]]:
        """The same conditions on a ``subteam_id`` column, without joining ``subteams``."""
        if self.is_everything:
            return []
        chosen = select(Subteam.__table__.c.id).where(*self.conditions())
        return [subteam_id_column.in_(chosen)]


EVERYTHING = Scope()
