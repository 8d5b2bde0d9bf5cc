"""Proposals: what each one says, who sent it and from where, when, and how far
through the workflow it got. Their ids follow creation time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from db.demo import text as vocab
from db.demo.congress import CONGRESS_EDITIONS
from db.demo.draws import PICK_DISTRICT_NUMBER, DemoRun, Weighted, at
from db.demo.people import People
from db.demo.proposal_trail import REVIEW_PATH, ProposalTrail

PROPOSALS_PER_SCALE = 320
FIRST_PROPOSAL_DAY = date(2024, 9, 10)
# Minimum age, per workflow step, of a proposal that went through that many steps.
DAYS_PER_STEP = 4
STATUS_WEIGHTS = {
    "submitted": 20,
    "in_review": 20,
    "consulted": 15,
    "accepted": 12,
    "partially_accepted": 8,
    "rejected": 8,
    "merged": 5,
    "included": 12,
}
SOURCE_WEIGHTS = {
    "congress": 25,
    "workshop": 18,
    "meeting": 12,
    "online_form": 15,
    "district_council": 10,
    "ngo": 9,
    "email": 5,
    "city_office": 6,
}
SUBTEAM_WEIGHTS = {1: 30, 2: 25, 3: 25, 4: 20}
# Areas whose proposals usually concern a place, so usually name a district.
SPATIAL_AREAS = ("Przestrzeń publiczna", "Rady okręgów", "Kultura i czas wolny")

PICK_STATUS = Weighted.of(STATUS_WEIGHTS)
PICK_SOURCE = Weighted.of(SOURCE_WEIGHTS)
PICK_SUBTEAM = Weighted.of(SUBTEAM_WEIGHTS)
PICK_AREA_BY_SUBTEAM = {
    position: Weighted.of(dict(pairs)) for position, pairs in vocab.SUBTEAM_AREAS.items()
}
PICK_DECISION_BEFORE_INCLUSION = Weighted.of({"accepted": 3, "partially_accepted": 1})


def proposal_rows(
    run: DemoRun, people: People
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``proposals`` rows and their ``proposal_events``."""
    drafter = ProposalDrafter(run, people)
    drafts = [drafter.draft(index) for index in range(PROPOSALS_PER_SCALE * run.scale)]
    # Ids follow creation time, so a merge target (lower id) always existed first.
    drafts.sort(key=lambda draft: (draft["created_at"], draft["index"]))
    trail = ProposalTrail(run, people.lead_names)
    for proposal_id, draft in enumerate(drafts, start=1):
        draft["id"] = proposal_id
        trail.record(draft)
        del draft["index"], draft["path"]
    return drafts, trail.events


class ProposalDrafter:
    """Drafts one proposal at a time; its ``path`` is the statuses it went through."""

    def __init__(self, run: DemoRun, people: People) -> None:
        self.run = run
        self.rng = run.rng
        self.people = people

    def draft(self, index: int) -> dict[str, Any]:
        rng = self.rng
        position = PICK_SUBTEAM.pick(rng)
        area = PICK_AREA_BY_SUBTEAM[position].pick(rng)
        status = PICK_STATUS.pick(rng)
        source = PICK_SOURCE.pick(rng)
        path = self._status_path(status)
        author_id = self._author(source, position)
        district_number = self._district(source, area, author_id)
        title, group = self._title(area, district_number)
        description = self._description(area, group, district_number)
        created_at = self._created_at(source, status, len(path) - 1)
        return {
            "index": index,
            "path": path,
            "subteam_id": position,
            "title": title,
            "description": description,
            "status": status,
            "source": source,
            "author_participant_id": author_id,
            "district_id": district_number,
            "strategic_area": area,
            "created_at": created_at,
            "updated_at": created_at,
            "version": 1,
            "merged_into_id": None,
            "import_key": None,
        }

    def _status_path(self, status: str) -> tuple[str, ...]:
        if status in REVIEW_PATH:
            return REVIEW_PATH[: REVIEW_PATH.index(status) + 1]
        if status == "included":
            decision = PICK_DECISION_BEFORE_INCLUSION.pick(self.rng)
            return (*REVIEW_PATH, decision, "included")
        return (*REVIEW_PATH, status)

    def _author(self, source: str, position: int) -> int | None:
        if self.rng.random() < 0.45:
            return None
        by_category = self.people.ids_by_category
        pool_by_source = {
            "district_council": by_category["district_council"],
            "ngo": by_category["ngo"],
            "city_office": by_category["city_office"],
            "meeting": self.people.members_by_subteam[position],
        }
        pool = pool_by_source.get(source)
        if pool:
            return self.rng.choice(pool)
        return self.rng.randint(1, len(self.people.participants))

    def _district(self, source: str, area: str, author_id: int | None) -> int | None:
        if source == "district_council" and author_id is not None:
            author_district = self.people.district_of(author_id)
            if author_district is not None:
                return author_district
        if self.rng.random() < (0.75 if area in SPATIAL_AREAS else 0.4):
            return PICK_DISTRICT_NUMBER.pick(self.rng)
        return None

    def _title(self, area: str, district_number: int | None) -> tuple[str, str | None]:
        """The title, and the target group it names (if any)."""
        rng = self.rng
        core, flags = rng.choice(vocab.TITLE_CORES[area]).split("|")
        district_name = _district_name(district_number)
        group = rng.choice(vocab.GROUPS_GENITIVE) if "g" in flags and rng.random() < 0.45 else None
        title = core + (f" dla {group}" if group else "")
        if district_name and "d" in flags and rng.random() < 0.6:
            # "Tablica ogłoszeń rady okręgu (Mokre)", not "… rady okręgu w okręgu Mokre".
            title += f" ({district_name})" if "okręg" in core else f" w okręgu {district_name}"
        elif rng.random() < 0.08:
            title += rng.choice(vocab.TITLE_ENDINGS)
        return title, group

    def _description(self, area: str, group: str | None, district_number: int | None) -> str:
        rng = self.rng
        sentences = [rng.choice(vocab.PROBLEMS[area])]
        if group:
            sentences.append(vocab.AUDIENCE_SENTENCE.format(group=group))
        if district_number:
            template = rng.choice(vocab.DISTRICT_SENTENCES)
            name = _district_name(district_number)
            sentences.append(template.format(number=district_number, name=name))
        else:
            sentences.append(rng.choice(vocab.CITYWIDE_SENTENCES))
        if rng.random() < 0.6:
            sentences.append(rng.choice(vocab.IMPLEMENTATION_SENTENCES))
        return " ".join(sentences)

    def _created_at(self, source: str, status: str, steps: int) -> datetime:
        """Congress ideas on Congress days, recent ones mostly still 'submitted'.

        A proposal that went through more workflow steps was created longer ago.
        """
        rng = self.rng
        latest_day = self.run.today - timedelta(days=1 + DAYS_PER_STEP * steps)
        day: date | None = None
        if source == "congress":
            edition = CONGRESS_EDITIONS[rng.choice((1, 2))]
            day = rng.choice((edition["starts_on"], edition["ends_on"]))
        elif source == "workshop" and rng.random() < 0.5:
            day = CONGRESS_EDITIONS[2]["ends_on"]  # the 2025 workshop day
        elif status == "submitted" and rng.random() < 0.5:
            day = self.run.today - timedelta(days=rng.randint(1, 60))
        if day is not None and day <= latest_day:
            return at(day, rng.randint(10, 16), rng.randint(0, 59))
        span = max(0, (latest_day - FIRST_PROPOSAL_DAY).days)
        day = FIRST_PROPOSAL_DAY + timedelta(days=rng.randint(0, span))
        return at(day, rng.randint(8, 21), rng.randint(0, 59))


def _district_name(number: int | None) -> str | None:
    return vocab.DISTRICTS[number - 1][1] if number else None
