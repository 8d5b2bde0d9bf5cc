"""One error type for everything a person should be told.

A service refuses a request by raising ``PanelError(key, **values)``: ``key`` names a
label of the i18n catalogue and ``values`` fill its placeholders, so the page shows the
message in the person's language (``dashboard.ui.feedback``) and the command line in
Polish (``dashboard.cli``). Any other exception is a bug and is not caught.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import DEFAULT_LANGUAGE, t


@dataclass(frozen=True)
class Label:
    """A value that is itself a catalogue key (a status, a field name), so the message
    shows it in the person's language too."""

    key: str


class PanelError(Exception):
    """A refused request, with what the person should be told."""

    default_key = "error.generic"

    def __init__(self, key: str | None = None, /, **values: object) -> None:
        self.key = key or self.default_key
        self.values = values
        super().__init__(self.key)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        values = {
            name: t(value.key, lang) if isinstance(value, Label) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)

    def __str__(self) -> str:
        return self.message()


class PermissionDenied(PanelError):
    """The actor may not do this."""

    default_key = "error.permission_denied"


class NotFound(PanelError):
    """What the request names does not exist (any more)."""

    default_key = "error.not_found"


class InvalidInput(PanelError):
    """A value the person gave cannot be used; the message names the field and why."""


class Conflict(PanelError):
    """Someone else changed the data first, or the request would duplicate it."""
