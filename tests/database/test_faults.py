"""Faults and load, on a real SQLite file and a real PostgreSQL database.

- Eight processes change proposal statuses and register for the Congress while
  eight others read: every write is either committed or reported to its caller
  as failed, and the database holds exactly what was reported.
- An import killed with SIGKILL half-way leaves the database as it was.
- A backup taken while the panel writes restores to a sound database holding
  every row committed before the backup started.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, text

from dashboard.core.permissions import Actor
from dashboard.core.settings import PROJECT_ROOT
from dashboard.services import proposals as review
from dashboard.services import registration
from db.engine import make_engine, now, write_session
from db.migrate import current_revision, head_revision, upgrade
from db.models import (
    AuditLog,
    District,
    Event,
    EventSession,
    Proposal,
    ProposalEvent,
    Signup,
    SignupSession,
    Subteam,
    ThematicTeam,
)
from harness.databases import temporary_database
from tests.support.cli import run_cli

ROOT = PROJECT_ROOT
WRITERS = 8
READERS = 8
OPERATIONS_PER_WRITER = 12
PROPOSALS = 40
WORKSHOP_CAPACITY = 15
EDITION = 3
FAULT_ADMIN = Actor("fault-test", "admin", frozenset(), "Test odporności")
# One forward step per status, so any writer can always move a proposal on.
NEXT_STATUS = {
    "submitted": "in_review",
    "in_review": "consulted",
    "consulted": "accepted",
    "accepted": "included",
}


# --- reference data ----------------------------------------------------------------


def congress_dates(today: date) -> tuple[date, date]:
    return today + timedelta(days=60), today + timedelta(days=61)


def add_reference_data(engine: Engine, proposals: int = PROPOSALS) -> dict[str, list[int]]:
    """A subteam, the 13 districts, an open Congress edition with two workshops, proposals."""
    moment = now()
    starts_on, ends_on = congress_dates(moment.date())
    with write_session(engine) as session:
        session.execute(
            insert(ThematicTeam).values(id=1, name="Zespół testowy", slug="test", description="")
        )
        session.execute(
            insert(Subteam).values(
                id=1, team_id=1, name="Podzespół 1", slug="p1", description="", position=1
            )
        )
        session.execute(
            insert(District),
            [{"id": n, "number": n, "name": f"Okręg nr {n}"} for n in range(1, 14)],
        )
        session.execute(
            insert(Event).values(
                id=1,
                name="III Toruński Kongres Dialogu",
                edition=EDITION,
                starts_on=starts_on,
                ends_on=ends_on,
                registration_open=True,
            )
        )
        session.execute(
            insert(EventSession),
            [
                {"id": 1, "event_id": 1, "day": 1, "kind": "panel", "title": "Panel otwarcia"},
                *[
                    {
                        "id": 1 + n,
                        "event_id": 1,
                        "day": 2,
                        "kind": "workshop",
                        "title": f"Warsztat {n}",
                        "capacity": WORKSHOP_CAPACITY,
                    }
                    for n in (1, 2)
                ],
            ],
        )
        session.execute(
            insert(Proposal),
            [
                {
                    "id": n,
                    "subteam_id": 1,
                    "title": f"Propozycja testowa {n}: ławki i ścieżki rowerowe",
                    "description": "Opis propozycji.",
                    "status": "submitted",
                    "source": "congress",
                    "created_at": moment,
                    "updated_at": moment,
                    "version": 1,
                }
                for n in range(1, proposals + 1)
            ],
        )
    return {"workshops": [2, 3], "proposals": list(range(1, proposals + 1))}


# --- eight writers and eight readers ---------------------------------------------------


def _writer(url: str, index: int, results) -> None:
    engine = make_engine(url)
    rng = random.Random(index)
    outcomes = []
    for step in range(OPERATIONS_PER_WRITER):
        if step % 2 == 0:
            outcomes.append(_one_status_change(engine, rng))
        else:
            outcomes.append(_one_registration(engine, rng, index, step))
    engine.dispose()
    results.put(("writer", index, outcomes))


def _one_status_change(engine: Engine, rng: random.Random) -> tuple:
    proposal_id = rng.randint(1, PROPOSALS)
    with engine.connect() as connection:
        status, version = connection.execute(
            select(Proposal.status, Proposal.version).where(Proposal.id == proposal_id)
        ).one()
    to_status = NEXT_STATUS.get(status)
    if to_status is None:
        return ("status", proposal_id, None, "skipped")
    try:
        review.change_status(
            engine,
            FAULT_ADMIN,
            proposal_id,
            to_status,
            note="test obciążenia",
            expected_version=version,
        )
    except Exception as error:  # reported to the caller as failed: that is the contract
        return ("status", proposal_id, to_status, f"failed: {type(error).__name__}")
    return ("status", proposal_id, to_status, "committed")


def _one_registration(engine: Engine, rng: random.Random, index: int, step: int) -> tuple:
    email = f"mieszkaniec-{index}-{step}@example.org"
    form = registration.RegistrationForm(
        edition=EDITION,
        full_name=f"Mieszkaniec {index} {step}",
        email=email,
        district_number=rng.randint(1, 13),
        age_group="35-44",
        category="resident",
        day1=True,
        day2=True,
        workshop_id=rng.choice([2, 3]),
        consent=True,
        waitlist_ok=True,
    )
    try:
        result = registration.register(engine, form)
    except Exception as error:
        return ("signup", email, None, f"failed: {type(error).__name__}")
    state = "committed" if result.stored else f"refused: {result.outcome}"
    return ("signup", email, result.status, state)


def _reader(url: str, index: int, stop, results) -> None:
    engine = make_engine(url)
    reads, errors = 0, []
    while not stop.is_set():
        try:
            with engine.connect() as connection:
                connection.execute(
                    select(Proposal.status, func.count()).group_by(Proposal.status)
                ).all()
                connection.execute(
                    select(SignupSession.session_id, func.count())
                    .join(Signup, Signup.id == SignupSession.signup_id)
                    .where(Signup.status == "registered")
                    .group_by(SignupSession.session_id)
                ).all()
            reads += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
        time.sleep(0.05)
    engine.dispose()
    results.put(("reader", index, (reads, errors)))


def run_writers_and_readers(url: str) -> tuple[list[tuple], list[tuple[int, list[str]]]]:
    # fork: a child starts in milliseconds instead of re-importing pandas and SQLAlchemy;
    # each child opens its own engine (the caller disposed of its pool before this).
    context = multiprocessing.get_context("fork")
    results, stop = context.Queue(), context.Event()
    writers = [context.Process(target=_writer, args=(url, n, results)) for n in range(WRITERS)]
    readers = [
        context.Process(target=_reader, args=(url, n, stop, results)) for n in range(READERS)
    ]
    for process in readers + writers:
        process.start()
    collected = [results.get(timeout=240) for _ in writers]
    stop.set()
    collected += [results.get(timeout=60) for _ in readers]
    for process in readers + writers:
        process.join(timeout=60)
        if process.exitcode is None:
            process.kill()
        assert process.exitcode == 0, f"a worker process failed (exit code {process.exitcode})"
    outcomes = [item for kind, _, data in collected if kind == "writer" for item in data]
    reads = [data for kind, _, data in collected if kind == "reader"]
    return outcomes, reads


def test_parallel_writers_and_readers_lose_nothing(engine: Engine):
    add_reference_data(engine)
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()  # no pooled connection may be inherited by the forked workers

    outcomes, reads = run_writers_and_readers(url)

    for count, errors in reads:
        assert errors == [], f"a reader failed while others wrote: {errors[:3]}"
        assert count > 0
    status_changes = [o for o in outcomes if o[0] == "status" and o[3] == "committed"]
    signups = [o for o in outcomes if o[0] == "signup" and o[3] == "committed"]
    unexplained = [o for o in outcomes if not o[3].startswith(("committed", "failed", "skipped"))]
    assert not unexplained, unexplained
    assert status_changes, "no status change went through at all"
    assert signups, "no registration went through at all"

    with engine.connect() as connection:
        events = connection.execute(
            select(ProposalEvent.proposal_id, ProposalEvent.to_status).order_by(ProposalEvent.id)
        ).all()
        proposals = {
            row.id: row
            for row in connection.execute(select(Proposal.id, Proposal.status, Proposal.version))
        }
        stored_signups = connection.execute(select(Signup.email, Signup.status)).all()
        taken = dict(
            connection.execute(
                select(SignupSession.session_id, func.count())
                .join(Signup, Signup.id == SignupSession.signup_id)
                .where(Signup.status == "registered", SignupSession.session_id.in_([2, 3]))
                .group_by(SignupSession.session_id)
            ).all()
        )

    # Exactly the reported status changes are stored, each with its audit-trail row.
    assert Counter((pid, to) for pid, to in events) == Counter(
        (pid, to) for _, pid, to, _ in status_changes
    )
    changes_per_proposal = Counter(pid for _, pid, _, _ in status_changes)
    for proposal_id, row in proposals.items():
        assert row.version == 1 + changes_per_proposal[proposal_id]
        history = [to for pid, to in events if pid == proposal_id]
        assert row.status == (history[-1] if history else "submitted")

    # Exactly the reported registrations are stored, with the reported status.
    assert sorted((email, status) for _, email, status, _ in signups) == sorted(
        (row.email, row.status) for row in stored_signups
    )
    assert all(count <= WORKSHOP_CAPACITY for count in taken.values())


# --- an import killed half-way ------------------------------------------------------------


def write_signups_file(path: Path, rows: int) -> None:
    header = "Imię i nazwisko;Adres e-mail;Okręg;Wiek;Kategoria;Data zgłoszenia;Zgoda (RODO)\n"
    lines = [
        f"Osoba Testowa {n};osoba{n}@example.org;{1 + n % 13};35-44;mieszkaniec;"
        f"{(date.today() - timedelta(days=1 + n % 30)):%d.%m.%Y};tak\n"
        for n in range(rows)
    ]
    path.write_text(header + "".join(lines), encoding="utf-8-sig")


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.__tablename__: connection.execute(
                select(func.count()).select_from(table)
            ).scalar_one()
            for table in (Signup, SignupSession, AuditLog, Proposal, ProposalEvent)
        }


def import_is_writing(engine: Engine) -> bool:
    """True once another connection holds an open write transaction on the database."""
    if engine.dialect.name == "sqlite":
        import sqlite3

        probe = sqlite3.connect(engine.url.database, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    "WHERE c.relname = 'signups' AND l.mode = 'RowExclusiveLock' "
                    "AND l.pid <> pg_backend_pid()"
                )
            ).scalar_one()
        )


def test_import_killed_half_way_changes_nothing(engine: Engine, tmp_path: Path):
    add_reference_data(engine, proposals=3)
    before = table_counts(engine)
    data_file = tmp_path / "zapisy.csv"
    write_signups_file(data_file, 50_000)
    url = engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "dashboard", "--database-url", url]
    command += ["import", "signups", str(data_file), "--edition", str(EDITION)]
    importer = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while not import_is_writing(engine):
            assert importer.poll() is None, (
                "the import ended before it could be killed: "
                + importer.stdout.read().decode(errors="replace")[-2000:]
            )
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.005)
        os.killpg(importer.pid, signal.SIGKILL)
    finally:
        if importer.poll() is None:
            os.killpg(importer.pid, signal.SIGKILL)
        importer.wait(timeout=30)
        importer.stdout.close()
    assert importer.returncode == -signal.SIGKILL

    # PostgreSQL rolls the dead client's transaction back once it notices the socket closed.
    deadline = time.monotonic() + 30
    while import_is_writing(engine) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert table_counts(engine) == before


# --- backup while the panel writes -------------------------------------------------------


def test_backup_during_writes_restores_every_committed_row(tmp_path: Path):
    source = tmp_path / "live.sqlite"
    engine = make_engine(f"sqlite:///{source}")
    upgrade(engine)
    add_reference_data(engine, proposals=200)
    committed: list[int] = []
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            with write_session(engine) as session:
                new_id = session.execute(
                    insert(AuditLog)
                    .values(at=now(), actor="fault-test", action="test.write", detail="x" * 500)
                    .returning(AuditLog.id)
                ).scalar_one()
            committed.append(new_id)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(committed) < 200:
            time.sleep(0.01)
        committed_before_backup = set(committed)
        destination = tmp_path / "kopia.sqlite"
        result = subprocess.run(
            [sys.executable, "-m", "dashboard", "--database-url", f"sqlite:///{source}"]
            + ["backup", str(destination)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        written_during_backup = len(committed) - len(committed_before_backup)
    finally:
        stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    assert written_during_backup > 0, "the writer was not running while the backup ran"

    restored_path = tmp_path / "przywrocona.sqlite"
    restored_path.write_bytes(destination.read_bytes())
    restored = make_engine(f"sqlite:///{restored_path}")
    with restored.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        stored = set(connection.execute(select(AuditLog.id)).scalars())
        proposals = connection.execute(select(func.count()).select_from(Proposal)).scalar_one()
    assert committed_before_backup <= stored
    assert proposals == 200
    assert current_revision(restored) == head_revision()
    restored.dispose()
    engine.dispose()


def test_backup_of_postgresql_points_to_pg_dump(tmp_path: Path):
    with temporary_database("postgresql", tmp_path) as url:
        result = run_cli("backup", str(tmp_path / "kopia.sqlite"), url=url)
    assert result.returncode == 1
    assert "pg_dump" in result.stderr
    assert "Traceback" not in result.stderr
