"""Congress sign-ups: who signed up, when over the campaign, for which sessions, and
whether they got a place, cancelled, and came."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from db.demo.draws import PICK_DISTRICT_NUMBER, DemoRun, Weighted, at
from db.demo.names import ascii_slug, random_name
from db.models import AGE_GROUPS

SIGNUPS_PER_SCALE = {1: 470, 2: 490, 3: 520}  # per Congress edition (id), whole campaign
CAMPAIGN_DAYS = 42
SIGNUP_CATEGORY_WEIGHTS = {
    "resident": 52,
    "ngo": 13,
    "district_council": 9,
    "academia": 8,
    "city_office": 7,
    "business": 4,
    "seniors_council": 3,
    "womens_council": 2,
    "plenipotentiary": 2,
}
AGE_WEIGHTS = (4, 11, 17, 20, 16, 14, 18)  # in the order of AGE_GROUPS
SENIOR_AGE_WEIGHTS = (0, 0, 0, 0, 0, 25, 75)
NO_DISTRICT_SHARE = 0.06
CANCELLED_SHARE = 0.04
ATTENDED_SHARE = 0.8
PHOTO_CONSENT_SHARE = 0.6

PICK_SIGNUP_CATEGORY = Weighted.of(SIGNUP_CATEGORY_WEIGHTS)
PICK_AGE = Weighted(AGE_GROUPS, AGE_WEIGHTS)
PICK_SENIOR_AGE = Weighted(AGE_GROUPS, SENIOR_AGE_WEIGHTS)


class Signups:
    """The ``signups`` and ``signup_sessions`` rows of every edition, ids across editions."""

    def __init__(self, run: DemoRun) -> None:
        self.run = run
        self.rows: list[dict[str, Any]] = []
        self.session_rows: list[dict[str, Any]] = []

    def run_campaign(
        self, event_id: int, event: dict[str, Any], panels: list[dict], workshops: Weighted
    ) -> None:
        """Sign-ups in time order; once a session is full, its later ones wait."""
        registered = {row["id"]: 0 for row in (*panels, *workshops.options)}
        count = SIGNUPS_PER_SCALE[event_id] * self.run.scale
        for created_at in self._signup_times(event, count):
            signup_id = len(self.rows) + 1
            sessions = self._chosen_sessions(panels, workshops)
            status = self._status(sessions, registered)
            self.rows.append(self._signup_row(signup_id, event_id, event, created_at, status))
            self.session_rows.extend(
                {"signup_id": signup_id, "session_id": session["id"]} for session in sessions
            )

    def _signup_times(self, event: dict[str, Any], count: int) -> list[datetime]:
        """Sign-up moments over the campaign, denser towards the Congress, none after today."""
        rng = self.run.rng
        moments = []
        for _ in range(count):
            days_before = 1 + int(CAMPAIGN_DAYS * rng.random() ** 2)
            day = event["starts_on"] - timedelta(days=days_before)
            moment = at(day, rng.randint(7, 22), rng.randint(0, 59))
            if moment <= self.run.latest:
                moments.append(moment)
        moments.sort()
        return moments

    def _chosen_sessions(self, panels: list[dict], workshops: Weighted) -> list[dict]:
        rng = self.run.rng
        draw = rng.random()
        day_one, day_two = draw < 0.75, draw >= 0.30  # 30 % day 1, 25 % day 2, 45 % both
        chosen = []
        if day_one:
            chosen = [panel for panel in panels if rng.random() < 0.85] or [rng.choice(panels)]
        if day_two:
            chosen.append(workshops.pick(rng))
        return chosen

    def _status(self, sessions: list[dict], registered: dict[int, int]) -> str:
        if self.run.rng.random() < CANCELLED_SHARE:
            return "cancelled"
        full = any(
            s["capacity"] is not None and registered[s["id"]] >= s["capacity"] for s in sessions
        )
        if full:
            return "waitlisted"
        for session in sessions:
            registered[session["id"]] += 1
        return "registered"

    def _signup_row(
        self,
        signup_id: int,
        event_id: int,
        event: dict[str, Any],
        created_at: datetime,
        status: str,
    ) -> dict[str, Any]:
        rng = self.run.rng
        first, last = random_name(rng, female=rng.random() < 0.55)
        category = PICK_SIGNUP_CATEGORY.pick(rng)
        ages = PICK_SENIOR_AGE if category == "seniors_council" else PICK_AGE
        domain = "example.org" if rng.random() < 0.6 else "example.com"
        district = None if rng.random() < NO_DISTRICT_SHARE else PICK_DISTRICT_NUMBER.pick(rng)
        updated_at = self._cancelled_at(created_at, event) if status == "cancelled" else None
        held = event["ends_on"] < self.run.today
        return {
            "id": signup_id,
            "event_id": event_id,
            "full_name": f"{first} {last}",
            "email": f"{ascii_slug(first)}.{ascii_slug(last)}.{signup_id}@{domain}",
            "district_id": district,
            # Keep the order of the keys: age group, photo consent, attendance are drawn in it.
            "age_group": ages.pick(rng),
            "category": category,
            "status": status,
            "created_at": created_at,
            "consent_at": created_at,
            "photo_consent": rng.random() < PHOTO_CONSENT_SHARE,
            "attended": held and status == "registered" and rng.random() < ATTENDED_SHARE,
            "updated_at": updated_at,
            "anonymised_at": None,
        }

    def _cancelled_at(self, created_at: datetime, event: dict[str, Any]) -> datetime:
        """A few days after signing up; never after today or the Congress's first morning."""
        days_later = self.run.rng.randint(1, 10)
        cancelled_at = min(created_at + timedelta(days=days_later), self.run.latest)
        return min(cancelled_at, at(event["starts_on"], 8, 0))
