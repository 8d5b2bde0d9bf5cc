"""Slowing down a burst of submissions from one browser session (the public form)."""

from __future__ import annotations

from datetime import datetime, timedelta

BURST_LIMIT = 3  # submissions allowed ...
BURST_WINDOW = timedelta(seconds=60)  # ... within this long


def wait_seconds(
    sent_at: list[datetime],
    moment: datetime,
    limit: int = BURST_LIMIT,
    window: timedelta = BURST_WINDOW,
) -> int:
    """Seconds to wait before the next submission (0: go ahead)."""
    recent = sorted(at for at in sent_at if moment - at < window)
    if len(recent) < limit:
        return 0
    oldest_counted = recent[-limit]
    return max(1, int((oldest_counted + window - moment).total_seconds() + 0.999))


def remember(sent_at: list[datetime], moment: datetime, window: timedelta = BURST_WINDOW) -> list:
    """The times worth keeping after a submission at ``moment``."""
    return [at for at in sent_at if moment - at < window] + [moment]
