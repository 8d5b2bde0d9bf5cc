"""What the audience sees: the filters of /prezentacja and the meeting deck."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard.queries.scope import Scope

# The filters a chart can follow (``ChartEntry.filters``).
SUBTEAMS = "subteams"
EDITION = "edition"
SINCE = "since"

DEFAULT_SINCE_DAYS = 14


@dataclass(frozen=True)
class PresentationFilters:
    """Subteams (empty = the whole team), Congress edition, and the date the "since"
    views start. Hashable, so it keys the page's caches."""

    subteam_slugs: tuple[str, ...] = ()
    edition: int | None = None
    since: date | None = None
    as_of: date | None = None

    @property
    def scope(self) -> Scope:
        return Scope(subteam_slugs=self.subteam_slugs)
