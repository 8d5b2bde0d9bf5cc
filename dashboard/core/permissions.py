"""Who may see and change what. Services call these; pages only hide controls."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.core.errors import PermissionDenied

__all__ = ["Actor", "PermissionDenied", "require_admin", "require_subteam_editor"]


@dataclass(frozen=True)
class Actor:
    username: str
    role: str  # admin | director | lead | member
    subteam_ids: frozenset[int] = field(default_factory=frozenset)
    display_name: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_edit_subteam(self, subteam_id: int) -> bool:
        """Admins edit every subteam; leads only their own."""
        if self.is_admin:
            return True
        return self.role == "lead" and subteam_id in self.subteam_ids

    def sees_personal_data(self) -> bool:
        return self.is_admin


def require_subteam_editor(actor: Actor, subteam_id: int) -> None:
    if not actor.can_edit_subteam(subteam_id):
        raise PermissionDenied(
            "error.not_subteam_editor", username=actor.username, subteam_id=subteam_id
        )


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDenied("error.admin_only", username=actor.username)
