"""Imports of proposals and Congress sign-ups from CSV or XLSX files.

Both follow the same rules:
- a dry run reads the file and the database and lists EVERY problem by row,
  column and reason — nothing is written;
- a real import validates again inside one write transaction and writes only
  when there is no problem at all (all-or-nothing);
- importing the same file again adds nothing: proposals carry a fingerprint of
  their row (``proposals.import_key``), sign-ups are matched by edition and e-mail;
- values are recognised, never guessed: an unknown okręg, status, source,
  category, workshop or age format is a problem, not a default.

Reference data is read once into dicts and rows are written with bulk
statements, so a 50,000-row file takes seconds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

import pandas as pd
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from dashboard.core.permissions import Actor, PermissionDenied, require_admin
from dashboard.i18n import CATALOGUE, t
from dashboard.importers import reading as tabular
from dashboard.importers.reading import (
    CellValue,
    ImpossibleDateError,
    Source,
    Table,
    TabularError,
    parse_datetime,
    parse_yes_no,
    read_table,
    text_of,
)
from dashboard.services import audit
from db.engine import now, read_session, write_session
from db.models import (
    AGE_GROUPS,
    PARTICIPANT_CATEGORIES,
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    SIGNUP_STATUSES,
    District,
    Event,
    EventSession,
    Proposal,
    ProposalEvent,
    Signup,
    SignupSession,
    Subteam,
)

# The first alias is the Polish header used when a column must be named.
CREATED_AT_ALIASES = ("Data zgłoszenia", "created at", "date", "data")  # both imports
PROPOSAL_SCHEMA: dict[str, tuple[str, ...]] = {
    "title": ("Tytuł", "title", "tytuł propozycji", "nazwa propozycji", "propozycja", "temat"),
    "description": ("Opis", "description", "treść", "treść propozycji", "opis propozycji"),
    "subteam": ("Podzespół", "subteam", "podzespół tematyczny", "nazwa podzespołu"),
    "status": ("Status", "stan", "status propozycji"),
    "source": ("Źródło", "source", "źródło propozycji", "pochodzenie"),
    "district": ("Okręg", "district", "numer okręgu", "okręg nr", "nr okręgu"),
    "strategic_area": ("Obszar strategiczny", "strategic area", "obszar", "area"),
    "created_at": (*CREATED_AT_ALIASES, "created", "data utworzenia", "submitted on"),
}
PROPOSAL_REQUIRED = ("title", "subteam")

SIGNUP_SCHEMA: dict[str, tuple[str, ...]] = {
    "full_name": (
        "Imię i nazwisko",
        "full name",
        "name",
        "nazwisko i imię",
        "imię i nazwisko uczestnika",
        "uczestnik",
    ),
    "email": (
        "Adres e-mail",
        "e-mail",
        "adres email",
        "mail",
        "email address",
        "e-mail address",
    ),
    "district": ("Okręg", "district", "okręg zamieszkania", "numer okręgu"),
    "age_group": ("Wiek", "age", "grupa wiekowa", "age group", "przedział wiekowy"),
    "category": ("Kategoria", "category", "kategoria uczestnika", "participant category"),
    "created_at": (
        *CREATED_AT_ALIASES,
        "data zapisu",
        "sygnatura czasowa",
        "timestamp",
        "signed up at",
    ),
    "workshop": ("Warsztat", "workshop", "warsztaty", "workshops", "wybrany warsztat"),
    "days": ("Dzień", "dni", "day", "days", "dzień kongresu", "udział w dniach"),
    "status": ("Status", "status zgłoszenia"),
    "consent": ("Zgoda", "consent", "zgoda na przetwarzanie danych", "zgoda rodo"),
    "photo_consent": ("Zgoda na zdjęcia", "photo consent", "zgoda na wizerunek"),
    "attended": ("Obecność", "attended", "obecny", "obecna"),
}
SIGNUP_REQUIRED = ("full_name", "email", "category")

LIMITS = {"title": 500, "strategic_area": 200, "full_name": 200, "email": 254}
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
CITY_WIDE = {"", "cale miasto", "city wide", "brak", "none", "-", "nie dotyczy"}
# Several workshops in one cell are separated by these.
WORKSHOP_SEPARATORS = re.compile(r"[;|\n]")
IN_CHUNK = 1000

# Folding is the costly part of validating a row; the same few values repeat.
fold = lru_cache(maxsize=65536)(tabular.fold)


# --- the report -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row number; None for the whole file
    column: str  # the header as written in the file (or the Polish name of a missing one)
    code: str  # a key "imports.problem.<code>" of the catalogue
    values: tuple[tuple[str, object], ...] = ()

    def reason(self, lang: str = "pl") -> str:
        return t(f"imports.problem.{self.code}", lang, **dict(self.values))

    def __str__(self) -> str:
        where = f"wiersz {self.row}" if self.row is not None else "cały plik"
        return f"{where}, kolumna „{self.column}”: {self.reason()}"


@dataclass(frozen=True)
class ImportReport:
    rows_total: int = 0
    to_add: int = 0
    to_update: int = 0
    unchanged: int = 0
    problems: tuple[Problem, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    dry_run: bool = True
    applied: bool = False  # True once a real import has written its rows

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self, lang: str = "pl") -> str:
        key = "imports.summary_done" if self.applied else "imports.summary"
        return t(
            key,
            lang,
            total=self.rows_total,
            add=self.to_add,
            update=self.to_update,
            unchanged=self.unchanged,
        )

    def problems_frame(self, lang: str = "pl") -> pd.DataFrame:
        """One line per problem: row, column, reason — for a table on screen."""
        return pd.DataFrame(
            {
                t("imports.column.row", lang): [
                    str(p.row) if p.row is not None else t("imports.file_level", lang)
                    for p in self.problems
                ],
                t("imports.column.column", lang): [p.column for p in self.problems],
                t("imports.column.reason", lang): [p.reason(lang) for p in self.problems],
            }
        )


class _Refused(Exception):
    """Rolls the write transaction back when validation inside it found problems."""

    def __init__(self, report: ImportReport):
        super().__init__("import refused")
        self.report = report


@dataclass
class _Plan:
    report: ImportReport
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    # row position in ``inserts``/signup id of ``updates`` -> workshop session ids
    insert_sessions: list[frozenset[int] | None] = field(default_factory=list)
    update_sessions: dict[int, frozenset[int]] = field(default_factory=dict)


class _RowProblems:
    """Collects the problems of one file, naming columns as the file names them."""

    def __init__(self, table: Table, schema: dict[str, tuple[str, ...]]):
        self.table, self.schema = table, schema
        self.items: list[Problem] = []

    def column(self, field_name: str) -> str:
        return self.table.headers.get(field_name) or self.schema[field_name][0]

    def add(self, row: int | None, field_name: str, code: str, /, **values: object) -> None:
        self.items.append(Problem(row, self.column(field_name), code, tuple(values.items())))

    def add_raw(self, row: int | None, column: str, code: str, /, **values: object) -> None:
        self.items.append(Problem(row, column, code, tuple(values.items())))


# --- shared steps -------------------------------------------------------------------


def _read(
    source: Source, filename: str | None, schema: dict, required: Sequence[str]
) -> tuple[Table, _RowProblems]:
    try:
        table = read_table(source, filename, schema, required)
    except TabularError as error:
        table = Table(rows=[], headers={}, header_row=0)
        problems = _RowProblems(table, schema)
        problems.add_raw(None, "—", "unreadable", detail=str(error))
        return table, problems
    problems = _RowProblems(table, schema)
    for field_name in required:
        if field_name not in table.headers:
            problems.add(
                table.header_row or None, field_name, "missing_column", column=schema[field_name][0]
            )
    for label in table.duplicate_headers:
        problems.add_raw(table.header_row, label, "duplicate_column", column=label)
    if not table.rows and table.header_row:
        problems.add_raw(None, "—", "no_rows")
    return table, problems


def _execute(
    engine: Engine,
    dry_run: bool,
    plan: Callable[[Session], _Plan],
    write: Callable[[Session, _Plan], None],
) -> ImportReport:
    if dry_run:
        with read_session(engine) as session:
            return plan(session).report
    try:
        with write_session(engine) as session:
            planned = plan(session)
            if planned.report.problems:
                raise _Refused(planned.report)
            write(session, planned)
            return replace(planned.report, applied=True)
    except _Refused as refused:
        return refused.report


def _text(values: dict[str, CellValue], field_name: str) -> str:
    value = values.get(field_name, "")
    return value if value.__class__ is str else text_of(value)


def _check_length(problems: _RowProblems, row: int, field_name: str, value: str) -> None:
    limit = LIMITS[field_name]
    if len(value) > limit:
        problems.add(row, field_name, "too_long", length=len(value), limit=limit)


def _parse_created(problems: _RowProblems, row: int, value: CellValue) -> datetime | None:
    """The row's date; None when empty or wrong (a wrong one is reported)."""
    if value == "":
        return None
    try:
        return parse_datetime(value)
    except ImpossibleDateError:
        problems.add(row, "created_at", "impossible_date", value=text_of(value))
    except ValueError:
        problems.add(row, "created_at", "bad_date", value=text_of(value))
    return None


def _label_index(prefix: str, codes: Iterable[str], extra: dict[str, str] | None = None) -> dict:
    """Folded code, Polish label and English label -> code."""
    index: dict[str, str] = {}
    for code in codes:
        polish, english = CATALOGUE[f"{prefix}.{code}"]
        for name in (code, polish, english):
            index.setdefault(fold(name), code)
    for name, code in (extra or {}).items():
        index.setdefault(fold(name), code)
    return index


def _district_resolver(session: Session) -> Callable[[str], int | None | bool]:
    """Okręg cell -> district id; None for city-wide/empty; False when unknown."""
    by_number: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for district_id, number, name in session.execute(
        select(District.id, District.number, District.name)
    ):
        by_number[str(number)] = district_id
        by_name[fold(name)] = district_id

    @cache
    def resolve(cell: str) -> int | None | bool:
        folded = fold(cell)
        if folded in CITY_WIDE:
            return None
        folded = re.sub(r"^(okreg|district|rada okregu)\s+(nr\s+)?", "", folded)
        if folded in by_number:
            return by_number[folded]
        if folded in by_name:
            return by_name[folded]
        match = re.fullmatch(r"(\d+) (.+)", folded)
        if match and by_number.get(match[1]) == by_name.get(match[2], -1):
            return by_number[match[1]]
        return False

    return resolve


def _chunks(items: Sequence, size: int = IN_CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- proposals ----------------------------------------------------------------------


def import_proposals(
    engine: Engine,
    actor: Actor,
    source: Source,
    filename: str | None = None,
    dry_run: bool = False,
    *,
    default_source: str | None = None,
) -> ImportReport:
    """Import proposals; admins into any subteam, leads into their own subteams only.

    ``default_source`` (a code of ``PROPOSAL_SOURCES``) applies to rows whose
    source cell is empty or whose file has no source column.
    """
    if actor.role not in ("admin", "lead"):
        raise PermissionDenied(
            f"Tylko administrator albo lider podzespołu importuje propozycje ({actor.username})."
        )
    if default_source is not None and default_source not in PROPOSAL_SOURCES:
        raise ValueError(f"Unknown default source {default_source!r}")
    table, file_problems = _read(source, filename, PROPOSAL_SCHEMA, PROPOSAL_REQUIRED)
    if "source" not in table.headers and default_source is None and table.header_row:
        file_problems.add(table.header_row, "source", "missing_column", column="Źródło")

    def plan(session: Session) -> _Plan:
        return _plan_proposals(session, actor, table, file_problems, default_source, dry_run)

    def write(session: Session, planned: _Plan) -> None:
        _write_proposals(session, actor, planned, filename)

    return _execute(engine, dry_run, plan, write)


def proposal_import_key(subteam_id: int, title: str, description: str, created: str) -> str:
    """A fingerprint of what a row says, independent of spacing and letter case."""

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    payload = "\x1f".join(("proposal-v1", str(subteam_id), norm(title), norm(description), created))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _subteam_resolver(session: Session) -> tuple[dict[str, int], dict[int, str]]:
    index: dict[str, int] = {}
    names: dict[int, str] = {}
    for subteam_id, slug, name in session.execute(select(Subteam.id, Subteam.slug, Subteam.name)):
        names[subteam_id] = name
        for key in (str(subteam_id), fold(slug), fold(name)):
            index.setdefault(key, subteam_id)
    return index, names


def _plan_proposals(
    session: Session,
    actor: Actor,
    table: Table,
    file_problems: _RowProblems,
    default_source: str | None,
    dry_run: bool,
) -> _Plan:
    problems = _RowProblems(table, PROPOSAL_SCHEMA)
    problems.items.extend(file_problems.items)
    subteams, _names = _subteam_resolver(session)
    district_of = _district_resolver(session)
    statuses = _label_index("status", PROPOSAL_STATUSES)
    sources = _label_index("source", PROPOSAL_SOURCES)
    timestamp = now()
    candidates: list[dict[str, Any]] = []
    first_row_of_key: dict[str, int] = {}
    for source_row in table.rows:
        row, values = source_row.number, source_row.values
        before = len(problems.items)
        title = _text(values, "title")
        if not title:
            problems.add(row, "title", "required")
        else:
            _check_length(problems, row, "title", title)
        description = _text(values, "description")
        subteam_cell = _text(values, "subteam")
        subteam_id = subteams.get(fold(subteam_cell)) if subteam_cell else None
        if not subteam_cell:
            problems.add(row, "subteam", "required")
        elif subteam_id is None:
            problems.add(row, "subteam", "unknown_subteam", value=subteam_cell)
        elif not actor.can_edit_subteam(subteam_id):
            problems.add(row, "subteam", "not_your_subteam", value=subteam_cell)
        status_cell = _text(values, "status")
        status = statuses.get(fold(status_cell)) if status_cell else "submitted"
        if status is None:
            problems.add(row, "status", "unknown_status", value=status_cell)
        source_cell = _text(values, "source")
        source = sources.get(fold(source_cell)) if source_cell else default_source
        if source_cell and source is None:
            problems.add(row, "source", "unknown_source", value=source_cell)
        elif source is None and "source" in table.headers:
            problems.add(row, "source", "required")
        district_cell = _text(values, "district")
        district_id = district_of(district_cell)
        if district_id is False:
            problems.add(row, "district", "unknown_district", value=district_cell)
        area = _text(values, "strategic_area") or None
        if area:
            _check_length(problems, row, "strategic_area", area)
        created = _parse_created(problems, row, values.get("created_at", ""))
        if len(problems.items) > before:
            continue
        key = proposal_import_key(
            subteam_id, title, description, created.isoformat() if created else ""
        )
        if key in first_row_of_key:
            problems.add_raw(
                row, problems.column("title"), "duplicate_row", row=first_row_of_key[key]
            )
            continue
        first_row_of_key[key] = row
        candidates.append(
            {
                "subteam_id": subteam_id,
                "title": title,
                "description": description,
                "status": status,
                "source": source,
                "district_id": district_id,
                "strategic_area": area,
                "created_at": created or timestamp,
                "updated_at": timestamp,
                "version": 1,
                "import_key": key,
            }
        )
    existing = _ids_by_import_key(session, [c["import_key"] for c in candidates])
    inserts = [c for c in candidates if c["import_key"] not in existing]
    report = ImportReport(
        rows_total=len(table.rows),
        to_add=len(inserts),
        unchanged=len(candidates) - len(inserts),
        problems=tuple(problems.items),
        ignored_columns=tuple(table.ignored_headers),
        dry_run=dry_run,
    )
    return _Plan(report=report, inserts=inserts)


def _ids_by_import_key(session: Session, keys: list[str]) -> dict[str, int]:
    """Import key -> id of the stored proposals among ``keys`` (the others are new).

    Also finds the ids after a plain executemany INSERT: RETURNING in parameter
    order makes SQLAlchemy send one INSERT per row on SQLite.
    """
    found: dict[str, int] = {}
    for chunk in _chunks(keys):
        found.update(
            session.execute(
                select(Proposal.import_key, Proposal.id).where(Proposal.import_key.in_(chunk))
            ).all()
        )
    return found


def _write_proposals(session: Session, actor: Actor, plan: _Plan, filename: str | None) -> None:
    if plan.inserts:
        session.execute(insert(Proposal.__table__), plan.inserts)
        id_of = _ids_by_import_key(session, [row["import_key"] for row in plan.inserts])
        note = f"Import z pliku {filename}" if filename else "Import z pliku"
        events = [
            {
                "proposal_id": id_of[row["import_key"]],
                "at": row["updated_at"],
                "actor": actor.username,
                "from_status": None,
                "to_status": row["status"],
                "note": note,
            }
            for row in plan.inserts
        ]
        session.execute(insert(ProposalEvent.__table__), events)
    report = plan.report
    audit.record(
        session,
        actor.username,
        "import_proposals",
        f"{filename or 'plik'}: dodano {report.to_add}, bez zmian {report.unchanged}",
        report.to_add,
    )


# --- sign-ups -----------------------------------------------------------------------

CATEGORY_EXTRAS = {
    "mieszkaniec": "resident",
    "mieszkanka": "resident",
    "mieszkancy": "resident",
    "organizacja pozarzadowa ngo": "ngo",
    "uczelnia": "academia",
    "nauka": "academia",
    "rada kobiet": "womens_council",
    "pelnomocnik": "plenipotentiary",
}
STATUS_EXTRAS = {
    "zapisany": "registered",
    "zapisana": "registered",
    "zarejestrowany": "registered",
    "rezerwa": "waitlisted",
    "lista rezerwowa": "waitlisted",
    "rezygnacja": "cancelled",
    "anulowany": "cancelled",
    "odwolany": "cancelled",
}


def age_group_of(cell: str) -> str | None:
    """An age group code from a group ("25-34", "65+", "<18") or whole years ("33").

    Raises ValueError for anything else ("33 lata", "ok. 40"): never guessed.
    """
    text = re.sub(r"\s+", "", cell.replace("–", "-").replace("—", "-"))
    if text in AGE_GROUPS:
        return text
    folded = fold(cell)
    if folded in ("ponizej 18", "do 17", "under 18"):
        return "<18"
    if folded in ("65 i wiecej", "65 lat i wiecej", "powyzej 64", "65 and over"):
        return "65+"
    if not text.isdigit() or not 0 < int(text) < 120:
        raise ValueError(cell)
    years = int(text)
    if years < 18:
        return "<18"
    if years >= 65:
        return "65+"
    for group in AGE_GROUPS[1:-1]:
        low, high = (int(part) for part in group.split("-"))
        if low <= years <= high:
            return group
    raise ValueError(cell)  # unreachable: the groups cover 18..64


def import_signups(
    engine: Engine,
    actor: Actor,
    source: Source,
    filename: str | None,
    edition: int,
    dry_run: bool = False,
) -> ImportReport:
    """Import Congress sign-ups of one edition (admins only: personal data).

    An e-mail already signed up for the edition updates that sign-up (or leaves
    it unchanged); the same e-mail twice in the file is a problem.
    """
    require_admin(actor)
    table, file_problems = _read(source, filename, SIGNUP_SCHEMA, SIGNUP_REQUIRED)

    def plan(session: Session) -> _Plan:
        return _plan_signups(session, table, file_problems, edition, dry_run)

    def write(session: Session, planned: _Plan) -> None:
        _write_signups(session, actor, planned, filename, edition)

    return _execute(engine, dry_run, plan, write)


@dataclass
class _SignupContext:
    event_id: int
    district_of: Callable[[str], int | None | bool]
    sessions_of: Callable[[str, str], tuple[frozenset[int], tuple[Fault, ...]]]
    categories: dict[str, str]
    statuses: dict[str, str]
    existing: dict[str, dict[str, Any]]  # lower-case e-mail -> stored fields
    existing_sessions: dict[int, frozenset[int]]
    timestamp: datetime


def _signup_context(session: Session, event_id: int) -> _SignupContext:
    workshops: dict[str, int] = {}
    plenaries: dict[int, set[int]] = {1: set(), 2: set()}
    for session_id, title, day, kind in session.execute(
        select(EventSession.id, EventSession.title, EventSession.day, EventSession.kind).where(
            EventSession.event_id == event_id
        )
    ):
        workshops.setdefault(fold(title), session_id)
        workshops.setdefault(str(session_id), session_id)
        if kind != "workshop":
            plenaries[day].add(session_id)
    stored = session.execute(
        select(
            Signup.id,
            Signup.email,
            Signup.full_name,
            Signup.district_id,
            Signup.age_group,
            Signup.category,
            Signup.status,
            Signup.photo_consent,
            Signup.attended,
        ).where(Signup.event_id == event_id, Signup.email.is_not(None))
    ).mappings()
    existing = {row["email"].strip().lower(): dict(row) for row in stored}
    existing_sessions: dict[int, set[int]] = {}
    for signup_id, session_id in session.execute(
        select(SignupSession.signup_id, SignupSession.session_id)
        .join(Signup, Signup.id == SignupSession.signup_id)
        .where(Signup.event_id == event_id)
    ):
        existing_sessions.setdefault(signup_id, set()).add(session_id)
    return _SignupContext(
        event_id=event_id,
        district_of=_district_resolver(session),
        sessions_of=_session_resolver(
            workshops, {day: frozenset(ids) for day, ids in plenaries.items()}
        ),
        categories=_label_index("category", PARTICIPANT_CATEGORIES, CATEGORY_EXTRAS),
        statuses=_label_index("signup_status", SIGNUP_STATUSES, STATUS_EXTRAS),
        existing=existing,
        existing_sessions={key: frozenset(value) for key, value in existing_sessions.items()},
        timestamp=now(),
    )


def _edition_refusal(session: Session, event_id: int | None) -> str | None:
    """Why no sign-up may be imported into this edition, or None."""
    if event_id is None:
        return "unknown_edition"
    anonymised = select(Signup.id).where(
        Signup.event_id == event_id, Signup.anonymised_at.is_not(None)
    )
    if session.scalar(anonymised.limit(1)) is not None:
        # Re-importing a form export would bring back personal data erased on purpose.
        return "anonymised_edition"
    return None


def _plan_signups(
    session: Session, table: Table, file_problems: _RowProblems, edition: int, dry_run: bool
) -> _Plan:
    problems = _RowProblems(table, SIGNUP_SCHEMA)
    problems.items.extend(file_problems.items)
    event_id = session.scalar(select(Event.id).where(Event.edition == edition))
    refusal = _edition_refusal(session, event_id)
    if refusal:
        problems.add_raw(None, "—", refusal, value=edition)
        report = ImportReport(
            rows_total=len(table.rows), problems=tuple(problems.items), dry_run=dry_run
        )
        return _Plan(report)
    context = _signup_context(session, event_id)
    age_of = cache(age_group_of)
    plan = _Plan(report=ImportReport())
    first_row_of_email: dict[str, int] = {}
    unchanged = 0
    for source_row in table.rows:
        parsed = _parse_signup(problems, source_row.number, source_row.values, context, age_of)
        if parsed is None:
            continue
        fields, sessions = parsed
        email = fields["email"]
        if email in first_row_of_email:
            problems.add(
                source_row.number, "email", "duplicate_email", row=first_row_of_email[email]
            )
            continue
        first_row_of_email[email] = source_row.number
        stored = context.existing.get(email)
        if stored is None:
            plan.inserts.append(_new_signup(fields, context))
            plan.insert_sessions.append(sessions)
            continue
        changes = {k: v for k, v in fields.items() if k != "created_at" and stored.get(k) != v}
        changes.pop("email", None)
        old_sessions = context.existing_sessions.get(stored["id"], frozenset())
        sessions_changed = sessions is not None and sessions != old_sessions
        if not changes and not sessions_changed:
            unchanged += 1
            continue
        plan.updates.append({"id": stored["id"], **changes, "updated_at": context.timestamp})
        if sessions_changed:
            plan.update_sessions[stored["id"]] = sessions
    plan.report = ImportReport(
        rows_total=len(table.rows),
        to_add=len(plan.inserts),
        to_update=len(plan.updates),
        unchanged=unchanged,
        problems=tuple(problems.items),
        ignored_columns=tuple(table.ignored_headers),
        dry_run=dry_run,
    )
    return plan


def _parse_signup(
    problems: _RowProblems,
    row: int,
    values: dict[str, CellValue],
    context: _SignupContext,
    age_of: Callable[[str], str | None],
) -> tuple[dict[str, Any], frozenset[int] | None] | None:
    """The fields a row sets (only columns the file has) and its workshops, or None."""
    before = len(problems.items)
    fields: dict[str, Any] = {}
    full_name = " ".join(_text(values, "full_name").split())
    if not full_name:
        problems.add(row, "full_name", "required")
    else:
        _check_length(problems, row, "full_name", full_name)
    fields["full_name"] = full_name
    email = _text(values, "email").lower()
    if not email:
        problems.add(row, "email", "required")
    elif not EMAIL_PATTERN.fullmatch(email) or len(email) > LIMITS["email"]:
        problems.add(row, "email", "bad_email", value=email)
    fields["email"] = email
    category_cell = _text(values, "category")
    fields["category"] = context.categories.get(fold(category_cell))
    if not category_cell:
        problems.add(row, "category", "required")
    elif fields["category"] is None:
        problems.add(row, "category", "unknown_category", value=category_cell)
    if "district" in values:
        district_cell = _text(values, "district")
        fields["district_id"] = context.district_of(district_cell)
        if fields["district_id"] is False:
            problems.add(row, "district", "unknown_district", value=district_cell)
    if "age_group" in values:
        age_cell = _text(values, "age_group")
        try:
            fields["age_group"] = age_of(age_cell) if age_cell else None
        except ValueError:
            problems.add(row, "age_group", "bad_age", value=age_cell)
    if "status" in values:
        status_cell = _text(values, "status")
        fields["status"] = context.statuses.get(fold(status_cell)) if status_cell else "registered"
        if fields["status"] is None:
            problems.add(row, "status", "unknown_status", value=status_cell)
    for flag in ("photo_consent", "attended"):
        if flag in values:
            fields[flag] = _yes_no(problems, row, flag, values[flag]) or False
    if "consent" in values:
        _require_consent(problems, row, values["consent"])
    fields["created_at"] = _parse_created(problems, row, values.get("created_at", ""))
    sessions = _sessions(problems, row, values, context)
    if len(problems.items) > before:
        return None
    return fields, sessions


def _yes_no(problems: _RowProblems, row: int, field_name: str, value: CellValue) -> bool | None:
    try:
        return parse_yes_no(value)
    except ValueError:
        problems.add(row, field_name, "bad_yes_no", value=text_of(value))
        return None


def _require_consent(problems: _RowProblems, row: int, value: CellValue) -> None:
    try:
        consent = parse_yes_no(value)
    except ValueError:
        problems.add(row, "consent", "bad_yes_no", value=text_of(value))
        return
    if consent is not True:
        problems.add(row, "consent", "no_consent")


def _sessions(
    problems: _RowProblems, row: int, values: dict[str, CellValue], context: _SignupContext
) -> frozenset[int] | None:
    """Plenary sessions of the chosen days plus the chosen workshops (as the form stores
    them); None when the file has neither column, so stored sessions stay as they are."""
    if "days" not in values and "workshop" not in values:
        return None
    chosen, faults = context.sessions_of(_text(values, "days"), _text(values, "workshop"))
    for field_name, code, value in faults:
        problems.add(row, field_name, code, value=value)
    return chosen


Fault = tuple[str, str, str]  # field, problem code, offending value


def _session_resolver(
    workshops: dict[str, int], plenaries: dict[int, frozenset[int]]
) -> Callable[[str, str], tuple[frozenset[int], tuple[Fault, ...]]]:
    """(days cell, workshop cell) -> session ids and faults; the same cells repeat, so cached."""

    @cache
    def resolve(days_cell: str, workshop_cell: str) -> tuple[frozenset[int], tuple[Fault, ...]]:
        days, faults = _days(days_cell)
        chosen = set().union(*(plenaries[day] for day in days))
        for part in WORKSHOP_SEPARATORS.split(workshop_cell):
            if not part.strip():
                continue
            session_id = workshops.get(fold(part))
            if session_id is None:
                faults.append(("workshop", "unknown_workshop", part.strip()))
            else:
                chosen.add(session_id)
        return frozenset(chosen), tuple(faults)

    return resolve


def _days(cell: str) -> tuple[set[int], list[Fault]]:
    folded = fold(cell)
    if not folded:
        return set(), []
    if folded in ("oba", "obydwa", "oba dni", "obydwa dni", "both", "both days"):
        return {1, 2}, []
    words = set(folded.replace("dzien", " ").replace("day", " ").split()) - {"i", "and", "oraz"}
    if words and words <= {"1", "2"}:
        return {int(word) for word in words}, []
    return set(), [("days", "bad_days", cell)]


def _new_signup(fields: dict[str, Any], context: _SignupContext) -> dict[str, Any]:
    created = fields["created_at"] or context.timestamp
    return {
        "event_id": context.event_id,
        "district_id": None,
        "age_group": None,
        "status": "registered",
        "photo_consent": False,
        "attended": False,
        **fields,
        "created_at": created,
        "consent_at": created,
    }


def _write_signups(
    session: Session, actor: Actor, plan: _Plan, filename: str | None, edition: int
) -> None:
    links: list[dict[str, int]] = []
    if plan.inserts:
        session.execute(insert(Signup.__table__), plan.inserts)
        event_id = plan.inserts[0]["event_id"]
        id_of = dict(
            session.execute(
                select(Signup.email, Signup.id).where(
                    Signup.event_id == event_id, Signup.email.is_not(None)
                )
            ).all()
        )
        for row, sessions in zip(plan.inserts, plan.insert_sessions, strict=True):
            signup_id = id_of[row["email"]]
            links.extend({"signup_id": signup_id, "session_id": s} for s in sessions or ())
    if plan.updates:
        session.execute(update(Signup), plan.updates)
    replaced = list(plan.update_sessions)
    for chunk in _chunks(replaced):
        session.execute(delete(SignupSession).where(SignupSession.signup_id.in_(chunk)))
    for signup_id in replaced:
        links.extend(
            {"signup_id": signup_id, "session_id": s} for s in plan.update_sessions[signup_id]
        )
    if links:
        session.execute(insert(SignupSession.__table__), links)
    report = plan.report
    audit.record(
        session,
        actor.username,
        "import_signups",
        f"{filename or 'plik'} (edycja {edition}): dodano {report.to_add}, "
        f"zaktualizowano {report.to_update}, bez zmian {report.unchanged}",
        report.to_add + report.to_update,
    )
