"""Who takes part: about 60 subteam members (a lead, a deputy and experts in each
subteam) and the residents and activists who sent proposals without joining one."""

from __future__ import annotations

from typing import Any

from db.demo import text as vocab
from db.demo.draws import PICK_DISTRICT_NUMBER, DemoRun, Weighted
from db.demo.names import ascii_slug, random_name
from db.models import PARTICIPANT_CATEGORIES

SUBTEAM_POSITIONS = (1, 2, 3, 4)
# (subteam position, role, female?, category, organization, district number)
SUBTEAM_LEADERSHIP = (
    (1, "lead", True, "city_office", "Biuro Dialogu i Innowacji Miejskich", None),
    (1, "deputy", False, "academia", vocab.UNIVERSITY_UNITS[0], None),
    (2, "lead", False, "district_council", "Rada Okręgu nr 5", 5),
    (2, "deputy", True, "city_office", "Biuro Rady Miasta", None),
    (3, "lead", True, "ngo", vocab.NGOS[0], None),
    (3, "deputy", False, "city_office", "Wydział Spraw Społecznych", None),
    (4, "lead", False, "city_office", "Wydział Informatyki i Cyfryzacji", None),
    (4, "deputy", True, "academia", vocab.UNIVERSITY_UNITS[3], None),
)
# Categories of the other 52 members; with the leadership, about 60 people.
MEMBER_CATEGORY_COUNTS = {
    "academia": 7,
    "district_council": 9,
    "ngo": 9,
    "business": 5,
    "city_office": 10,
    "womens_council": 3,
    "seniors_council": 3,
    "plenipotentiary": 3,
    "resident": 3,
}
# How likely a member of a category joins each subteam (positions 1..4).
SUBTEAM_AFFINITY = {
    "academia": (3, 1, 2, 3),
    "district_council": (2, 6, 1, 1),
    "ngo": (2, 1, 6, 1),
    "business": (0, 0, 1, 4),
    "city_office": (2, 2, 2, 3),
    "womens_council": (3, 1, 2, 1),
    "seniors_council": (2, 2, 2, 1),
    "plenipotentiary": (3, 1, 2, 1),
    "resident": (1, 1, 1, 1),
}
SECOND_SUBTEAM_SHARE = 0.25
EXPERT_CATEGORIES = ("academia", "business", "city_office", "plenipotentiary")
ORGANIZATIONS: dict[str, tuple[str | None, ...]] = {
    "academia": vocab.UNIVERSITY_UNITS,
    "ngo": vocab.NGOS,
    "business": vocab.BUSINESSES,
    "city_office": vocab.CITY_OFFICES,
    "womens_council": (vocab.WOMENS_COUNCIL,),
    "seniors_council": (vocab.SENIORS_COUNCIL,),
    "plenipotentiary": vocab.PLENIPOTENTIARIES,
    "resident": (None,),
}
EXTRA_AUTHORS_PER_SCALE = 20
EXTRA_AUTHOR_CATEGORY_WEIGHTS = {
    "resident": 50,
    "ngo": 20,
    "district_council": 15,
    "business": 5,
    "academia": 5,
    "seniors_council": 3,
    "womens_council": 2,
}

PICK_SUBTEAM_BY_CATEGORY = {
    category: Weighted(SUBTEAM_POSITIONS, weights) for category, weights in SUBTEAM_AFFINITY.items()
}
PICK_EXTRA_AUTHOR_CATEGORY = Weighted.of(EXTRA_AUTHOR_CATEGORY_WEIGHTS)


class People:
    """The ``participants`` and ``subteam_members`` rows, and the lookups proposals
    draw their authors from. ``cast`` builds them all."""

    def __init__(self, run: DemoRun) -> None:
        self.run = run
        self.participants: list[dict[str, Any]] = []
        self.memberships: list[dict[str, Any]] = []
        self.lead_names: dict[int, str] = {}
        self.members_by_subteam: dict[int, list[int]] = {p: [] for p in SUBTEAM_POSITIONS}
        self.ids_by_category: dict[str, list[int]] = {c: [] for c in PARTICIPANT_CATEGORIES}
        self._member_names: set[str] = set()
        self._member_emails: set[str] = set()

    @classmethod
    def cast(cls, run: DemoRun) -> People:
        people = cls(run)
        people._add_leadership()
        people._add_regular_members()
        people._appoint_experts()
        people._add_extra_authors()
        return people

    def district_of(self, participant_id: int) -> int | None:
        return self.participants[participant_id - 1]["district_id"]

    # -- subteam members ------------------------------------------------------------

    def _add_leadership(self) -> None:
        for position, role, female, category, organization, district in SUBTEAM_LEADERSHIP:
            first, last = self._member_name(female)
            email = self._member_email(first, last)
            participant_id = self._add_participant(
                first, last, category, organization, district, email
            )
            self._add_membership(position, participant_id, role)
            if role == "lead":
                self.lead_names[position] = f"{first} {last}"

    def _add_regular_members(self) -> None:
        for category, count in MEMBER_CATEGORY_COUNTS.items():
            for _ in range(count):
                self._add_regular_member(category)

    def _add_regular_member(self, category: str) -> None:
        rng = self.run.rng
        female = category == "womens_council" or rng.random() < 0.55
        first, last = self._member_name(female)
        organization, implied_district = self._organization(category)
        participant_id = self._add_participant(
            first,
            last,
            category,
            organization,
            self._home_district(category, implied_district),
            self._member_email(first, last),
        )
        primary = PICK_SUBTEAM_BY_CATEGORY[category].pick(rng)
        self._add_membership(primary, participant_id, "member")
        if rng.random() < SECOND_SUBTEAM_SHARE:
            second = rng.choice([p for p in SUBTEAM_POSITIONS if p != primary])
            self._add_membership(second, participant_id, "member")

    def _appoint_experts(self) -> None:
        """Three or four members of each subteam become experts, specialists first."""
        rng = self.run.rng
        category_of = {row["id"]: row["category"] for row in self.participants}
        for position in SUBTEAM_POSITIONS:
            memberships = [
                row
                for row in self.memberships
                if row["subteam_id"] == position and row["role"] == "member"
            ]
            preferred = [
                m for m in memberships if category_of[m["participant_id"]] in EXPERT_CATEGORIES
            ]
            others = [m for m in memberships if m not in preferred]
            wanted = rng.randint(3, 4)
            chosen = rng.sample(preferred, min(wanted, len(preferred)))
            chosen += rng.sample(others, min(wanted - len(chosen), len(others)))
            for membership in chosen:
                membership["role"] = "expert"

    def _member_name(self, female: bool) -> tuple[str, str]:
        """A name no other subteam member has, so lists of members read unambiguously."""
        while True:
            first, last = random_name(self.run.rng, female)
            if f"{first} {last}" not in self._member_names:
                self._member_names.add(f"{first} {last}")
                return first, last

    def _member_email(self, first: str, last: str) -> str | None:
        if self.run.rng.random() < 0.1:
            return None
        base = f"{ascii_slug(first)}.{ascii_slug(last)}"
        email, suffix = f"{base}@example.org", 2
        while email in self._member_emails:
            email, suffix = f"{base}{suffix}@example.org", suffix + 1
        self._member_emails.add(email)
        return email

    def _add_membership(self, position: int, participant_id: int, role: str) -> None:
        self.memberships.append(
            {"subteam_id": position, "participant_id": participant_id, "role": role}
        )
        self.members_by_subteam[position].append(participant_id)

    # -- authors outside the subteams ----------------------------------------------

    def _add_extra_authors(self) -> None:
        for _ in range(EXTRA_AUTHORS_PER_SCALE * self.run.scale):
            self._add_extra_author()

    def _add_extra_author(self) -> None:
        rng = self.run.rng
        category = PICK_EXTRA_AUTHOR_CATEGORY.pick(rng)
        first, last = random_name(rng, female=rng.random() < 0.55)
        organization, implied_district = self._organization(category)
        email = None
        if rng.random() < 0.7:
            participant_id = len(self.participants) + 1
            email = f"{ascii_slug(first)}.{ascii_slug(last)}.{participant_id}@example.com"
        self._add_participant(
            first,
            last,
            category,
            organization,
            self._home_district(category, implied_district),
            email,
        )

    # -- everyone -------------------------------------------------------------------

    def _add_participant(
        self,
        first: str,
        last: str,
        category: str,
        organization: str | None,
        district_number: int | None,
        email: str | None,
    ) -> int:
        participant_id = len(self.participants) + 1
        self.participants.append(
            {
                "id": participant_id,
                "full_name": f"{first} {last}",
                "email": email,
                "organization": organization,
                "category": category,
                "district_id": district_number,
            }
        )
        self.ids_by_category[category].append(participant_id)
        return participant_id

    def _organization(self, category: str) -> tuple[str | None, int | None]:
        """An organization for a category, and the district it implies (if any)."""
        if category == "district_council":
            number = PICK_DISTRICT_NUMBER.pick(self.run.rng)
            return f"Rada Okręgu nr {number}", number
        return self.run.rng.choice(ORGANIZATIONS[category]), None

    def _home_district(self, category: str, implied: int | None) -> int | None:
        if implied is not None:
            return implied
        if category == "resident" or self.run.rng.random() < 0.5:
            return PICK_DISTRICT_NUMBER.pick(self.run.rng)
        return None
