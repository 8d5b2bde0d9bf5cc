"""Realistic, deterministic demo data for the panel (design.md §1 and §3).

``seed_demo`` fills an empty, migrated database: the civil-society team with its
four subteams, the 13 districts, members, milestones, proposals with their audit
trail, both Congress editions with sessions and sign-ups, and demo accounts.
Everything is built in memory with explicit ids and written with bulk inserts in
one transaction, so ``--scale 100`` stays well under a minute on SQLite.

Dates are relative to ``today`` so the progress page always shows a mix: subteam 1
on track, subteam 2 at risk (overdue a few days), subteam 3 late, subteam 4 at risk
(a milestone due within days).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any

import bcrypt
from sqlalchemy import Connection, Engine, Table, func, inspect, select, text

from db.demo import text as vocab
from db.engine import now, write_session
from db.models import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    Base,
    DataVersion,
    District,
    Event,
    EventSession,
    Milestone,
    Participant,
    Proposal,
    ProposalEvent,
    Signup,
    SignupSession,
    Subteam,
    SubteamMember,
    ThematicTeam,
    User,
    UserSubteam,
)

DEMO_PASSWORD = "demo"
DEMO_USERS = {"admin": "admin", "dyrektor": "director", "lider": "lead", "czlonek": "member"}
BCRYPT_ROUNDS = 12

PROPOSALS_PER_SCALE = 320
EXTRA_AUTHORS_PER_SCALE = 20
SIGNUPS_PER_SCALE = {1: 470, 2: 490, 3: 520}  # per Congress edition (id), whole campaign
FIRST_PROPOSAL_DAY = date(2024, 9, 10)
EARLIEST_TODAY = date(2025, 1, 1)
CAMPAIGN_DAYS = 42
PANEL_CAPACITY = 400  # per scale unit
INSERT_CHUNK = 5000

# Tables in foreign-key order: parents first.
INSERT_ORDER: tuple[Table, ...] = tuple(
    model.__table__
    for model in (
        ThematicTeam,
        Subteam,
        District,
        Participant,
        SubteamMember,
        Milestone,
        Proposal,
        ProposalEvent,
        Event,
        EventSession,
        Signup,
        SignupSession,
        User,
        UserSubteam,
    )
)
# A database holding rows in any of these is "in use" and never seeded over.
CONTENT_TABLES: tuple[Table, ...] = (
    Subteam.__table__,
    Proposal.__table__,
    Signup.__table__,
    User.__table__,
)

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
REVIEW_PATH = ("submitted", "in_review", "consulted")
# Sources whose proposals an administrator typed in from cards, forms or mail.
IMPORTED_SOURCES = ("congress", "workshop", "online_form", "email")
# Minimum age, per workflow step, of a proposal that went through that many steps.
DAYS_PER_STEP = 4

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

# Each subteam's milestone plan: (earliest, latest) offset in days from today, done?
# The shapes give the traffic lights: 1 on track, 2 overdue 3-10 days, 3 overdue
# more than 14 days, 4 an open milestone due in 3-5 days.
MILESTONE_PLANS: dict[int, tuple[tuple[int, int, bool], ...]] = {
    1: (
        (-175, -165, True),
        (-125, -115, True),
        (-80, -70, True),
        (-35, -25, True),
        (-10, -8, True),
        (15, 25, False),
        (55, 65, False),
    ),
    2: (
        (-160, -140, True),
        (-110, -90, True),
        (-50, -40, True),
        (-10, -3, False),
        (20, 30, False),
        (70, 90, False),
    ),
    3: (
        (-170, -150, True),
        (-120, -100, True),
        (-35, -25, False),
        (15, 25, False),
        (50, 60, False),
        (100, 120, False),
    ),
    4: (
        (-150, -130, True),
        (-95, -85, True),
        (-55, -45, True),
        (-15, -12, True),
        (3, 5, False),
        (30, 40, False),
        (70, 80, False),
        (110, 130, False),
    ),
}
TEAM_APPOINTED_ON = date(2025, 5, 20)

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
        "venue": "CKK Jordanki",
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
EXTRA_AUTHOR_CATEGORY_WEIGHTS = {
    "resident": 50,
    "ngo": 20,
    "district_council": 15,
    "business": 5,
    "academia": 5,
    "seniors_council": 3,
    "womens_council": 2,
}


class DemoDataError(Exception):
    """The database cannot take demo data (it is not empty or has no schema)."""


# --- public API ----------------------------------------------------------------


def database_is_empty(engine: Engine) -> bool:
    """True when no subteams, proposals, sign-ups or users are stored."""
    with engine.connect() as connection:
        return _is_empty(connection)


def seed_demo(
    engine: Engine, *, scale: int = 1, seed: int = 2035, today: date | None = None
) -> dict[str, int]:
    """Fill an empty, migrated database; return row counts per table."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    today = today or now().date()  # the date in Toruń
    if today < EARLIEST_TODAY:
        raise ValueError(f"today must be {EARLIEST_TODAY} or later, got {today}")
    with write_session(engine) as session:
        connection = session.connection()
        _require_empty_schema(connection)
        rows = DemoBuilder(random.Random(seed), today, scale).build()
        _insert_all(connection, rows)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection, rows)
    return {table_name: len(table_rows) for table_name, table_rows in rows.items()}


def clear_all_data(engine: Engine) -> dict[str, int]:
    """Delete every row of every table, children first; return deleted counts.

    The ``data_version`` row stays (the caches key on it, and this write bumps it);
    ``alembic_version`` is not a model table and is never touched.
    """
    deleted: dict[str, int] = {}
    with write_session(engine) as session:
        connection = session.connection()
        existing = set(inspect(connection).get_table_names())
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in existing and table is not DataVersion.__table__:
                deleted[table.name] = connection.execute(table.delete()).rowcount
    return deleted


# --- database side ---------------------------------------------------------------


def _is_empty(connection: Connection) -> bool:
    return all(
        connection.execute(select(table.c.id).limit(1)).first() is None for table in CONTENT_TABLES
    )


def _require_empty_schema(connection: Connection) -> None:
    existing = set(inspect(connection).get_table_names())
    missing = sorted(table.name for table in INSERT_ORDER if table.name not in existing)
    if missing:
        raise DemoDataError(
            "Baza danych nie ma schematu — najpierw wykonaj migracje. "
            f"/ The database has no schema — run the migrations first (missing: {', '.join(missing)})."
        )
    if not _is_empty(connection):
        raise DemoDataError(
            "Baza danych nie jest pusta — dane demonstracyjne można wczytać tylko do pustej bazy "
            "(wyczyść ją najpierw, np. opcją --force). "
            "/ The database is not empty — demo data can only be loaded into an empty database "
            "(clear it first, e.g. with --force)."
        )


def _insert_all(connection: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    write = _copy_rows if _can_copy(connection) else _insert_rows
    with _search_index_filled_once(connection):
        for table in INSERT_ORDER:
            if rows[table.name]:
                write(connection, table, rows[table.name])


# Filling SQLite's proposal search index once after the bulk insert is about twice as
# fast as its per-row trigger (see revision 0002); same folding of ł/Ł as the trigger.
_FTS_INSERT_TRIGGER = "proposals_fts_after_insert"
_FTS_FILL = (
    "INSERT INTO proposals_fts(rowid, title, description) "
    "SELECT id, replace(replace(title, 'ł', 'l'), 'Ł', 'L'), "
    "replace(replace(description, 'ł', 'l'), 'Ł', 'L') FROM proposals"
)


@contextmanager
def _search_index_filled_once(connection: Connection) -> Iterator[None]:
    trigger_sql = None
    if connection.dialect.name == "sqlite":
        trigger_sql = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
            {"name": _FTS_INSERT_TRIGGER},
        ).scalar()
    if trigger_sql is None:
        yield
        return
    connection.exec_driver_sql(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
    yield
    connection.exec_driver_sql(_FTS_FILL)
    connection.exec_driver_sql(trigger_sql)


def _insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), INSERT_CHUNK):
        connection.execute(table.insert(), rows[start : start + INSERT_CHUNK])


def _can_copy(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"


def _copy_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY, in the same transaction: several times faster than INSERTs."""
    from psycopg import sql  # present whenever the psycopg driver is

    columns = list(rows[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    driver_connection = connection.connection.driver_connection
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def _reset_sequences(connection: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Explicit ids leave PostgreSQL sequences behind; move them past the largest id."""
    for table in INSERT_ORDER:
        if "id" not in table.c or not rows[table.name]:
            continue
        sequence = func.pg_get_serial_sequence(table.name, "id")
        largest = select(func.max(table.c.id)).scalar_subquery()
        connection.execute(select(func.setval(sequence, largest)))


@functools.cache
def _demo_password_hash(username: str) -> str:
    # One salted hash per account and process: cost 12 takes ~0.2 s, and tests seed often.
    return bcrypt.hashpw(DEMO_PASSWORD.encode(), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode()


# --- small helpers ---------------------------------------------------------------


def feminine_surname(surname: str) -> str:
    for masculine, feminine in vocab.FEMININE_ENDINGS:
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


@functools.cache
def ascii_slug(text: str) -> str:
    return text.translate(vocab.POLISH_TO_ASCII).lower().replace(" ", "-")


class Weighted:
    """A weighted pick among fixed options; the cumulative weights are summed once.

    ``random.choices`` re-sums them on every call, which dominates at ``--scale 100``.
    """

    def __init__(self, options: Iterable[Any], weights: Iterable[float]) -> None:
        self.options = tuple(options)
        self.cumulative = tuple(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    @classmethod
    def of(cls, weights: dict[Any, float]) -> Weighted:
        return cls(weights.keys(), weights.values())

    def pick(self, rng: random.Random) -> Any:
        return self.options[bisect.bisect(self.cumulative, rng.random() * self.total)]


PICK_STATUS = Weighted.of(STATUS_WEIGHTS)
PICK_SOURCE = Weighted.of(SOURCE_WEIGHTS)
PICK_SUBTEAM = Weighted.of(SUBTEAM_WEIGHTS)
PICK_AREA_BY_SUBTEAM = {
    position: Weighted.of(dict(pairs)) for position, pairs in vocab.SUBTEAM_AREAS.items()
}
PICK_DECISION_BEFORE_INCLUSION = Weighted.of({"accepted": 3, "partially_accepted": 1})
PICK_DISTRICT_NUMBER = Weighted.of({number: weight for number, _name, weight in vocab.DISTRICTS})
PICK_SUBTEAM_BY_CATEGORY = {
    category: Weighted((1, 2, 3, 4), weights) for category, weights in SUBTEAM_AFFINITY.items()
}
PICK_EXTRA_AUTHOR_CATEGORY = Weighted.of(EXTRA_AUTHOR_CATEGORY_WEIGHTS)
PICK_SIGNUP_CATEGORY = Weighted.of(SIGNUP_CATEGORY_WEIGHTS)
PICK_AGE = Weighted(AGE_GROUPS, AGE_WEIGHTS)
PICK_SENIOR_AGE = Weighted(AGE_GROUPS, SENIOR_AGE_WEIGHTS)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute))


# --- milestones (pure, so tests can check the traffic lights at any date) ---------


def plan_milestones(rng: random.Random, today: date) -> list[dict[str, Any]]:
    """Milestone rows for subteams 1-4, ids from 1, shaped by ``MILESTONE_PLANS``."""
    rows: list[dict[str, Any]] = []
    for position, plan in MILESTONE_PLANS.items():
        titles = vocab.MILESTONE_TITLES[position]
        first_due = today + timedelta(days=plan[0][0])
        created_day = min(TEAM_APPOINTED_ON, first_due - timedelta(days=30))
        for index, ((earliest, latest, done), title) in enumerate(zip(plan, titles, strict=True)):
            due = today + timedelta(days=rng.randint(earliest, latest))
            rows.append(
                {
                    "id": len(rows) + 1,
                    "subteam_id": position,
                    "title": title,
                    "due_date": due,
                    "done_on": _done_on(rng, due, today) if done else None,
                    "weight": rng.randint(1, 3),
                    "created_at": _at(created_day, 10, 0) + timedelta(minutes=5 * index),
                }
            )
    return rows


def _done_on(rng: random.Random, due: date, today: date) -> date:
    return min(due + timedelta(days=rng.randint(-7, 3)), today - timedelta(days=1))


# --- the builder -----------------------------------------------------------------


class DemoBuilder:
    """Builds every demo row in memory, with explicit ids, from one random stream."""

    def __init__(self, rng: random.Random, today: date, scale: int) -> None:
        self.rng = rng
        self.today = today
        self.scale = scale
        # Nothing generated is later than the last minute of yesterday.
        self.latest = _at(today, 0, 0) - timedelta(minutes=1)
        self.rows: dict[str, list[dict[str, Any]]] = {table.name: [] for table in INSERT_ORDER}
        self.used_member_names: set[str] = set()
        self.used_member_emails: set[str] = set()
        self.lead_names: dict[int, str] = {}
        self.members_by_subteam: dict[int, list[int]] = {position: [] for position in range(1, 5)}
        self.participants_by_category: dict[str, list[int]] = {
            category: [] for category in PARTICIPANT_CATEGORIES
        }

    def build(self) -> dict[str, list[dict[str, Any]]]:
        self._teams_and_districts()
        self._members()
        self._extra_authors()
        self.rows["milestones"] = plan_milestones(self.rng, self.today)
        self._proposals()
        self._congress()
        self._users()
        return self.rows

    # -- people ---------------------------------------------------------------

    def _random_name(self, female: bool) -> tuple[str, str]:
        rng = self.rng
        while True:
            first = rng.choice(vocab.FEMALE_FIRST_NAMES if female else vocab.MALE_FIRST_NAMES)
            surname = rng.choice(vocab.SURNAMES)
            last = feminine_surname(surname) if female else surname
            if f"{first} {last}" not in vocab.FAMOUS_NAMES:
                return first, last

    def _member_name(self, female: bool) -> tuple[str, str]:
        """A name no other subteam member has, so lists of members read unambiguously."""
        while True:
            first, last = self._random_name(female)
            if f"{first} {last}" not in self.used_member_names:
                self.used_member_names.add(f"{first} {last}")
                return first, last

    def _weighted_district_number(self) -> int:
        return PICK_DISTRICT_NUMBER.pick(self.rng)

    def _add_participant(
        self,
        first: str,
        last: str,
        category: str,
        organization: str | None,
        district_number: int | None,
        email: str | None,
    ) -> int:
        participant_id = len(self.rows["participants"]) + 1
        self.rows["participants"].append(
            {
                "id": participant_id,
                "full_name": f"{first} {last}",
                "email": email,
                "organization": organization,
                "category": category,
                "district_id": district_number,
            }
        )
        self.participants_by_category[category].append(participant_id)
        return participant_id

    def _member_email(self, first: str, last: str) -> str | None:
        if self.rng.random() < 0.1:
            return None
        base = f"{ascii_slug(first)}.{ascii_slug(last)}"
        email, suffix = f"{base}@example.org", 2
        while email in self.used_member_emails:
            email, suffix = f"{base}{suffix}@example.org", suffix + 1
        self.used_member_emails.add(email)
        return email

    def _organization(self, category: str) -> tuple[str | None, int | None]:
        """An organization for a category, and the district it implies (if any)."""
        if category == "district_council":
            number = self._weighted_district_number()
            return f"Rada Okręgu nr {number}", number
        return self.rng.choice(ORGANIZATIONS[category]), None

    def _home_district(self, category: str, implied: int | None) -> int | None:
        if implied is not None:
            return implied
        if category == "resident" or self.rng.random() < 0.5:
            return self._weighted_district_number()
        return None

    def _members(self) -> None:
        for position, role, female, category, organization, district in SUBTEAM_LEADERSHIP:
            first, last = self._member_name(female)
            email = self._member_email(first, last)
            participant_id = self._add_participant(
                first, last, category, organization, district, email
            )
            self._add_membership(position, participant_id, role)
            if role == "lead":
                self.lead_names[position] = f"{first} {last}"
        regulars = [
            category for category, count in MEMBER_CATEGORY_COUNTS.items() for _ in range(count)
        ]
        for category in regulars:
            self._regular_member(category)
        self._appoint_experts()

    def _regular_member(self, category: str) -> None:
        female = category == "womens_council" or self.rng.random() < 0.55
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
        primary = PICK_SUBTEAM_BY_CATEGORY[category].pick(self.rng)
        self._add_membership(primary, participant_id, "member")
        if self.rng.random() < SECOND_SUBTEAM_SHARE:
            second = self.rng.choice([p for p in range(1, 5) if p != primary])
            self._add_membership(second, participant_id, "member")

    def _add_membership(self, position: int, participant_id: int, role: str) -> None:
        self.rows["subteam_members"].append(
            {"subteam_id": position, "participant_id": participant_id, "role": role}
        )
        self.members_by_subteam[position].append(participant_id)

    def _appoint_experts(self) -> None:
        category_of = {row["id"]: row["category"] for row in self.rows["participants"]}
        for position in range(1, 5):
            memberships = [
                row
                for row in self.rows["subteam_members"]
                if row["subteam_id"] == position and row["role"] == "member"
            ]
            preferred = [
                m for m in memberships if category_of[m["participant_id"]] in EXPERT_CATEGORIES
            ]
            others = [m for m in memberships if m not in preferred]
            wanted = self.rng.randint(3, 4)
            chosen = self.rng.sample(preferred, min(wanted, len(preferred)))
            chosen += self.rng.sample(others, min(wanted - len(chosen), len(others)))
            for membership in chosen:
                membership["role"] = "expert"

    def _extra_authors(self) -> None:
        """Residents and activists who authored proposals without joining a subteam."""
        for _ in range(EXTRA_AUTHORS_PER_SCALE * self.scale):
            category = PICK_EXTRA_AUTHOR_CATEGORY.pick(self.rng)
            first, last = self._random_name(female=self.rng.random() < 0.55)
            organization, implied_district = self._organization(category)
            participant_id = len(self.rows["participants"]) + 1
            email = None
            if self.rng.random() < 0.7:
                email = f"{ascii_slug(first)}.{ascii_slug(last)}.{participant_id}@example.com"
            self._add_participant(
                first,
                last,
                category,
                organization,
                self._home_district(category, implied_district),
                email,
            )

    # -- teams and districts ----------------------------------------------------

    def _teams_and_districts(self) -> None:
        teams = (vocab.CIVIL_SOCIETY_TEAM, *vocab.OTHER_TEAMS)
        self.rows["thematic_teams"] = [
            {"id": team_id, **team} for team_id, team in enumerate(teams, start=1)
        ]
        self.rows["subteams"] = [
            {"id": position, "team_id": 1, "position": position, **subteam}
            for position, subteam in enumerate(vocab.SUBTEAMS, start=1)
        ]
        self.rows["districts"] = [
            # A district's id is its number, so rows link to it without a lookup.
            {"id": number, "number": number, "name": name}
            for number, name, _weight in vocab.DISTRICTS
        ]

    # -- proposals ----------------------------------------------------------------

    def _proposals(self) -> None:
        drafts = [self._proposal_draft(index) for index in range(PROPOSALS_PER_SCALE * self.scale)]
        # Ids follow creation time, so a merge target (lower id) always existed first.
        drafts.sort(key=lambda draft: (draft["created_at"], draft["index"]))
        merge_targets: dict[tuple[int, str | None], list[dict[str, Any]]] = {}
        for proposal_id, draft in enumerate(drafts, start=1):
            draft["id"] = proposal_id
            self._proposal_history(draft, merge_targets)
            if draft["status"] != "merged":  # merge into live proposals, never into chains
                for area in (None, draft["strategic_area"]):
                    merge_targets.setdefault((draft["subteam_id"], area), []).append(draft)
            del draft["index"], draft["path"]
            self.rows["proposals"].append(draft)

    def _proposal_draft(self, index: int) -> dict[str, Any]:
        rng = self.rng
        position = PICK_SUBTEAM.pick(rng)
        area = PICK_AREA_BY_SUBTEAM[position].pick(rng)
        status = PICK_STATUS.pick(rng)
        source = PICK_SOURCE.pick(rng)
        path = self._status_path(status)
        author_id = self._author(source, position)
        district_number = self._proposal_district(source, area, author_id)
        title, description = self._proposal_text(area, district_number)
        created_at = self._proposal_created_at(source, status, len(path) - 1)
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
        pool_by_source = {
            "district_council": self.participants_by_category["district_council"],
            "ngo": self.participants_by_category["ngo"],
            "city_office": self.participants_by_category["city_office"],
            "meeting": self.members_by_subteam[position],
        }
        pool = pool_by_source.get(source)
        if pool:
            return self.rng.choice(pool)
        return self.rng.randint(1, len(self.rows["participants"]))

    def _proposal_district(self, source: str, area: str, author_id: int | None) -> int | None:
        if source == "district_council" and author_id is not None:
            author_district = self.rows["participants"][author_id - 1]["district_id"]
            if author_district is not None:
                return author_district
        spatial = area in ("Przestrzeń publiczna", "Rady okręgów", "Kultura i czas wolny")
        if self.rng.random() < (0.75 if spatial else 0.4):
            return self._weighted_district_number()
        return None

    def _proposal_text(self, area: str, district_number: int | None) -> tuple[str, str]:
        rng = self.rng
        core, flags = rng.choice(vocab.TITLE_CORES[area]).split("|")
        district_name = district_number and vocab.DISTRICTS[district_number - 1][1]
        group = rng.choice(vocab.GROUPS_GENITIVE) if "g" in flags and rng.random() < 0.45 else None
        title = core + (f" dla {group}" if group else "")
        if district_name and "d" in flags and rng.random() < 0.6:
            # "Tablica ogłoszeń rady okręgu (Mokre)", not "… rady okręgu w okręgu Mokre".
            title += f" ({district_name})" if "okręg" in core else f" w okręgu {district_name}"
        elif rng.random() < 0.08:
            title += rng.choice(vocab.TITLE_ENDINGS)
        sentences = [rng.choice(vocab.PROBLEMS[area])]
        if group:
            sentences.append(vocab.AUDIENCE_SENTENCE.format(group=group))
        if district_name:
            template = rng.choice(vocab.DISTRICT_SENTENCES)
            sentences.append(template.format(number=district_number, name=district_name))
        else:
            sentences.append(rng.choice(vocab.CITYWIDE_SENTENCES))
        if rng.random() < 0.6:
            sentences.append(rng.choice(vocab.IMPLEMENTATION_SENTENCES))
        return title, " ".join(sentences)

    def _proposal_created_at(self, source: str, status: str, steps: int) -> datetime:
        """Congress ideas on Congress days, recent ones mostly still 'submitted'.

        A proposal that went through more workflow steps was created longer ago.
        """
        rng = self.rng
        latest_day = self.today - timedelta(days=1 + DAYS_PER_STEP * steps)
        workshop_day_2025 = CONGRESS_EDITIONS[2]["ends_on"]
        day: date | None = None
        if source == "congress":
            edition = CONGRESS_EDITIONS[rng.choice((1, 2))]
            day = rng.choice((edition["starts_on"], edition["ends_on"]))
        elif source == "workshop" and rng.random() < 0.5:
            day = workshop_day_2025
        elif status == "submitted" and rng.random() < 0.5:
            day = self.today - timedelta(days=rng.randint(1, 60))
        if day is not None and day <= latest_day:
            return _at(day, rng.randint(10, 16), rng.randint(0, 59))
        span = max(0, (latest_day - FIRST_PROPOSAL_DAY).days)
        day = FIRST_PROPOSAL_DAY + timedelta(days=rng.randint(0, span))
        return _at(day, rng.randint(8, 21), rng.randint(0, 59))

    def _proposal_history(
        self, proposal: dict[str, Any], merge_targets: dict[tuple[int, str | None], list]
    ) -> None:
        path = proposal["path"]
        if path[-1] == "merged":
            target = self._merge_target(proposal, merge_targets)
            if target is None:  # the first proposal of its subteam: nothing to merge into
                path = proposal["path"] = (*REVIEW_PATH, "rejected")
                proposal["status"] = "rejected"
            else:
                proposal["merged_into_id"] = target["id"]
        moment = proposal["created_at"]
        self._proposal_event(proposal, moment, None, path[0], self._created_note(proposal))
        for from_status, to_status in zip(path, path[1:], strict=False):
            moment = self._advance(moment)
            note = self._transition_note(to_status, proposal)
            self._proposal_event(proposal, moment, from_status, to_status, note)
        proposal["updated_at"] = moment

    def _merge_target(
        self, proposal: dict[str, Any], merge_targets: dict[tuple[int, str | None], list]
    ) -> dict[str, Any] | None:
        """An earlier proposal of the same subteam, preferably of the same strategic area."""
        subteam = proposal["subteam_id"]
        same_area = merge_targets.get((subteam, proposal["strategic_area"]))
        candidates = same_area or merge_targets.get((subteam, None))
        return self.rng.choice(candidates) if candidates else None

    def _advance(self, moment: datetime) -> datetime:
        """A later moment, a share of the remaining time ahead, in office hours."""
        rng = self.rng
        days_left = (self.latest.date() - moment.date()).days
        if days_left >= 2:
            step = max(1, round(days_left * rng.uniform(0.08, 0.45)))
            later = _at(
                moment.date() + timedelta(days=step), rng.randint(8, 17), rng.randint(0, 59)
            )
        else:
            later = moment + timedelta(minutes=rng.randint(5, 90))
        return min(later, self.latest)

    def _proposal_event(
        self,
        proposal: dict[str, Any],
        moment: datetime,
        from_status: str | None,
        to_status: str,
        note: str | None,
    ) -> None:
        if from_status is None:
            actor = (
                "admin" if proposal["source"] in IMPORTED_SOURCES else self._lead_actor(proposal)
            )
        elif to_status == "included":
            actor = "dyrektor"
        else:
            actor = self._lead_actor(proposal)
        events = self.rows["proposal_events"]
        events.append(
            {
                "id": len(events) + 1,
                "proposal_id": proposal["id"],
                "at": moment,
                "actor": actor,
                "from_status": from_status,
                "to_status": to_status,
                "note": note,
            }
        )

    def _lead_actor(self, proposal: dict[str, Any]) -> str:
        # Subteam 1's lead works in the panel as the demo account "lider".
        subteam = proposal["subteam_id"]
        return "lider" if subteam == 1 else self.lead_names[subteam]

    def _created_note(self, proposal: dict[str, Any]) -> str:
        template = vocab.CREATED_NOTES[proposal["source"]]
        edition = "I" if proposal["created_at"].year == 2024 else "II"
        return template.format(edition=edition)

    def _transition_note(self, to_status: str, proposal: dict[str, Any]) -> str | None:
        choice = self.rng.choice
        if to_status == "merged":
            target = self.rows["proposals"][proposal["merged_into_id"] - 1]
            return vocab.MERGED_NOTE.format(target_id=target["id"], target_title=target["title"])
        if to_status == "consulted":
            return vocab.CONSULTED_NOTE.format(unit=choice(vocab.OPINION_UNITS))
        if to_status == "included":
            goal = f"{self.rng.randint(1, 4)}.{self.rng.randint(1, 6)}"
            return vocab.INCLUDED_NOTE.format(goal=goal)
        return choice(vocab.NOTES_BY_STATUS[to_status])

    # -- Congress -------------------------------------------------------------------

    def _congress(self) -> None:
        for edition, event in congress_editions(self.today).items():
            year = event["starts_on"].year
            self.rows["events"].append({"id": edition, "edition": year, **event})
            panels, workshops = self._sessions(edition)
            self._signups(event, edition, panels, workshops)

    def _sessions(self, edition: int) -> tuple[list[dict], Weighted]:
        """Day-1 panels, and day-2 workshops weighted by how popular they are."""
        panels, workshops, popularity = [], [], []
        programme = min(edition, 2)  # the upcoming Congress repeats the 2025 programme
        for index, title in enumerate(vocab.PANELS[programme]):
            # The opening panel at CKK Jordanki is in the concert hall: no practical limit.
            capacity = None if edition >= 2 and index == 0 else PANEL_CAPACITY * self.scale
            panels.append(self._session(edition, 1, "panel", title, None, capacity))
        for title, position, capacity, weight in vocab.WORKSHOPS[programme]:
            row = self._session(edition, 2, "workshop", title, position, capacity * self.scale)
            workshops.append(row)
            popularity.append(weight)
        return panels, Weighted(workshops, popularity)

    def _session(
        self,
        event_id: int,
        day: int,
        kind: str,
        title: str,
        subteam: int | None,
        capacity: int | None,
    ) -> dict[str, Any]:
        sessions = self.rows["event_sessions"]
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

    def _signup_times(self, event: dict[str, Any], count: int) -> list[datetime]:
        """Sign-up moments over the campaign, denser towards the Congress, none after today."""
        rng = self.rng
        moments = []
        for _ in range(count):
            days_before = 1 + int(CAMPAIGN_DAYS * rng.random() ** 2)
            day = event["starts_on"] - timedelta(days=days_before)
            moment = _at(day, rng.randint(7, 22), rng.randint(0, 59))
            if moment <= self.latest:
                moments.append(moment)
        moments.sort()
        return moments

    def _signups(
        self, event: dict[str, Any], event_id: int, panels: list[dict], workshops: Weighted
    ) -> None:
        registered = {row["id"]: 0 for row in (*panels, *workshops.options)}
        held = event["ends_on"] < self.today
        for created_at in self._signup_times(event, SIGNUPS_PER_SCALE[event_id] * self.scale):
            signup_id = len(self.rows["signups"]) + 1
            sessions = self._chosen_sessions(panels, workshops)
            status = self._signup_status(sessions, registered)
            self.rows["signups"].append(
                self._signup_row(signup_id, event, event_id, created_at, status, held)
            )
            self.rows["signup_sessions"].extend(
                {"signup_id": signup_id, "session_id": session["id"]} for session in sessions
            )

    def _chosen_sessions(self, panels: list[dict], workshops: Weighted) -> list[dict]:
        rng = self.rng
        draw = rng.random()
        day_one, day_two = draw < 0.75, draw >= 0.30  # 30 % day 1, 25 % day 2, 45 % both
        chosen = []
        if day_one:
            chosen = [panel for panel in panels if rng.random() < 0.85] or [rng.choice(panels)]
        if day_two:
            chosen.append(workshops.pick(rng))
        return chosen

    def _signup_status(self, sessions: list[dict], registered: dict[int, int]) -> str:
        if self.rng.random() < CANCELLED_SHARE:
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
        event: dict[str, Any],
        event_id: int,
        created_at: datetime,
        status: str,
        held: bool,
    ) -> dict[str, Any]:
        rng = self.rng
        first, last = self._random_name(female=rng.random() < 0.55)
        category = PICK_SIGNUP_CATEGORY.pick(rng)
        ages = PICK_SENIOR_AGE if category == "seniors_council" else PICK_AGE
        domain = "example.org" if rng.random() < 0.6 else "example.com"
        district = None if rng.random() < NO_DISTRICT_SHARE else self._weighted_district_number()
        updated_at = None
        if status == "cancelled":
            updated_at = min(created_at + timedelta(days=rng.randint(1, 10)), self.latest)
            updated_at = min(updated_at, _at(event["starts_on"], 8, 0))
        return {
            "id": signup_id,
            "event_id": event_id,
            "full_name": f"{first} {last}",
            "email": f"{ascii_slug(first)}.{ascii_slug(last)}.{signup_id}@{domain}",
            "district_id": district,
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

    # -- accounts ---------------------------------------------------------------------

    def _users(self) -> None:
        created_at = now()
        for user_id, (username, role) in enumerate(DEMO_USERS.items(), start=1):
            subteam = 1 if role == "lead" else None
            self.rows["users"].append(
                {
                    "id": user_id,
                    "username": username,
                    "display_name": vocab.USER_DISPLAY_NAMES[username],
                    "email": f"{username}@example.org",
                    "password_hash": _demo_password_hash(username),
                    "role": role,
                    "subteam_id": subteam,
                    "failed_logins": 0,
                    "locked_until": None,
                    "disabled": False,
                    "is_demo": True,
                    "created_at": created_at,
                }
            )
            if subteam is not None:
                self.rows["user_subteams"].append({"user_id": user_id, "subteam_id": subteam})
