"""What the deck and the chart catalogue refuse; the message says which value and why."""

from __future__ import annotations

from dashboard.core.errors import InvalidInput


class DeckError(InvalidInput):
    """Deck options that cannot be used: subteam, chart, edition, dates, file or font."""


class UnknownChart(DeckError):
    """A chart id that is not in the catalogue."""

    default_key = "presentation.error.unknown_chart"
