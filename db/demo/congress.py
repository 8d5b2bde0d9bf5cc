"""The Toruń Congress of Dialogue: two held editions and, once its year has come,
the upcoming one; each with day-1 panels, day-2 workshops and its sign-ups."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from db.demo import text as vocab
from db.demo.draws import DemoRun, Weighted
from db.demo.signups import Signups

CONGRESS_EDITIONS: dict[int, dict[str, Any]] = {
    1: {
        "name": "I Toruński Kongres Dialogu",
        "starts_on": date(2024, 9, 10),
        "ends_on": date(2024, 9, 11),
        "venue": "Aula Uniwersytetu Mikołaja Kopernika",
        "registration_open": False,
        "registration_closes_on": date(2024, 9, 6),
        "target_signups": 500,
    },
    2: {
        "name": "II Toruński Kongres Dialogu",
        "starts_on": date(2025, 9, 29),
        "ends_on": date(2025, 9, 30),
        "venue": "CKK Jordanki",
        "registration_open": False,
        "registration_closes_on": date(2025, 9, 26),
        "target_signups": 600,
    },
}
NEXT_EDITION_LEAD_DAYS = 30  # the upcoming Congress is about a month after "today"
PANEL_CAPACITY = 400  # per scale unit


def upcoming_edition(today: date) -> dict[str, Any] | None:
    """The next Congress, its registration open and its campaign under way — so the
    public form and the sign-up statistics have something live to show."""
    starts_on = today + timedelta(days=NEXT_EDITION_LEAD_DAYS)
    starts_on += timedelta(days=-starts_on.weekday() % 7)  # the following Monday
    if starts_on.year <= CONGRESS_EDITIONS[2]["starts_on"].year:
        return None
    return {
        "name": "III Toruński Kongres Dialogu",
        "starts_on": starts_on,
        "ends_on": starts_on + timedelta(days=1),
        "venue": "CKK Jordanki, al. Solidarności 1–3, Toruń",
        "hours": "9:00–16:00",
        "contact": "dialog@torun.example, tel. 56 611 00 00",
        "dpo_contact": "iod@torun.example",
        "registration_open": True,
        "registration_closes_on": starts_on - timedelta(days=3),
        "target_signups": 650,
    }


def congress_editions(today: date) -> dict[int, dict[str, Any]]:
    """Editions by event id; ``edition`` is the year, as in ``import signups --edition YEAR``."""
    editions = dict(CONGRESS_EDITIONS)
    upcoming = upcoming_edition(today)
    if upcoming is not None:
        editions[3] = upcoming
    return editions


def congress_rows(run: DemoRun) -> dict[str, list[dict[str, Any]]]:
    """The ``events``, ``event_sessions``, ``signups`` and ``signup_sessions`` rows."""
    events: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    signups = Signups(run)
    for event_id, event in congress_editions(run.today).items():
        contact = {"hours": None, "contact": None, "dpo_contact": None}
        events.append({"id": event_id, "edition": event["starts_on"].year, **contact, **event})
        panels, workshops = _programme(event_id, run.scale, sessions)
        signups.run_campaign(event_id, event, panels, workshops)
    return {
        "events": events,
        "event_sessions": sessions,
        "signups": signups.rows,
        "signup_sessions": signups.session_rows,
    }


def _programme(
    event_id: int, scale: int, sessions: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], Weighted]:
    """Add the edition's sessions; return its day-1 panels, and its day-2 workshops
    weighted by how popular they are."""
    programme = min(event_id, 2)  # the upcoming Congress repeats the 2025 programme
    panels = []
    for index, title in enumerate(vocab.PANELS[programme]):
        # The opening panel at CKK Jordanki is in the concert hall: no practical limit.
        capacity = None if event_id >= 2 and index == 0 else PANEL_CAPACITY * scale
        panels.append(_add_session(sessions, event_id, 1, "panel", title, None, capacity))
    workshops, popularity = [], []
    for title, position, capacity, weight in vocab.WORKSHOPS[programme]:
        workshops.append(
            _add_session(sessions, event_id, 2, "workshop", title, position, capacity * scale)
        )
        popularity.append(weight)
    return panels, Weighted(workshops, popularity)


def _add_session(
    sessions: list[dict[str, Any]],
    event_id: int,
    day: int,
    kind: str,
    title: str,
    subteam: int | None,
    capacity: int | None,
) -> dict[str, Any]:
    row = {
        "id": len(sessions) + 1,
        "event_id": event_id,
        "day": day,
        "kind": kind,
        "title": title,
        "subteam_id": subteam,
        "capacity": capacity,
    }
    sessions.append(row)
    return row
