"""/kongres under load (issue 16, 4): a director refreshes while residents sign up and
staff check people in.

Into a copy of the bench database (the bench's own file is left as it was), served by
its own panel:

* two generator processes on this machine (``python -m bench.load_run <kind> ...``), each
  bounded — a fixed number of calls on a fixed schedule and a deadline: ``signups`` calls
  the panel's own ``services.registration.register`` ``RATE_PER_S`` times a second
  (new addresses, the open edition, day 2 with a workshop and the waitlist accepted);
  ``checkins`` calls ``services.congress_admin.set_attended`` as the admin, as often,
  for registered sign-ups of the previous edition;
* one director's tab in Chromium on /kongres that presses ``r`` (Streamlit's rerun key:
  the page runs again over the data as it is now, which is what "refresh" means inside a
  session), waits for the view (``bench.browser_timing.time_to_view``), pauses
  ``REFRESH_PAUSE_S`` and presses again, until both generators have finished.

Afterwards SQL checks that every call the generators saw succeed is in the database
exactly once: each new address one sign-up with the returned id, each check-in one
``congress.checkin`` audit entry and the sign-up marked attended.
"""

from __future__ import annotations

import json
import math
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

RATE_PER_S = 5
DURATION_S = 60
GRACE_S = 15  # a generator behind schedule stops this long after its last slot
REFRESH_PAUSE_S = 0.5
IDLE_REFRESHES = 5  # before the generators start: the same refresh without load
MEDIAN_TARGET_S = 0.6
P95_TARGET_S = 1.0


# --- a generator (its own process) ------------------------------------------------------


def _admin():
    from dashboard.core.permissions import Actor

    return Actor("admin", "admin", frozenset(), "Generator obciążenia")


def signup_call(engine, tag: str, edition: int, workshops: list[int]):
    from dashboard.services.registration import RegistrationForm, register
    from db.models import AGE_GROUPS

    def call(number: int) -> int:
        form = RegistrationForm(
            edition=edition,
            full_name=f"Mieszkanka Obciążeniowa {number}",
            email=f"load-{tag}-{number}@example.org",
            district_number=1 + number % 13,
            age_group=AGE_GROUPS[number % len(AGE_GROUPS)],
            category="resident",
            day1=True,
            day2=bool(workshops),
            workshop_id=workshops[number % len(workshops)] if workshops else None,
            consent=True,
            waitlist_ok=True,
        )
        result = register(engine, form)
        if not result.stored or result.signup_id is None:
            raise RuntimeError(f"not stored: {result.outcome} {result.errors}")
        return result.signup_id

    return call


def _checkin_call(engine, targets: list[int]):
    from dashboard.services.congress_admin import set_attended

    actor = _admin()

    def call(number: int) -> int:
        set_attended(engine, actor, targets[number], True)
        return targets[number]

    return call


def generate(call, count: int, rate: float) -> list[dict]:
    """``call(n)`` for n in 0..count-1, the n-th due at n / rate seconds; bounded by
    the schedule's end plus ``GRACE_S``. One entry per call: ok, id or error, seconds."""
    started = time.monotonic()
    deadline = started + count / rate + GRACE_S
    results = []
    for number in range(count):
        delay = started + number / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        if time.monotonic() > deadline:
            results.append({"n": number, "ok": False, "error": "not sent: behind schedule"})
            continue
        began = time.perf_counter()
        try:
            value = call(number)
            results.append({"n": number, "ok": True, "id": value})
        except Exception as error:  # a failed call is a figure, not the end of the run
            results.append({"n": number, "ok": False, "error": f"{type(error).__name__}: {error}"})
        results[-1]["s"] = round(time.perf_counter() - began, 4)
    return results


def generator_main(argv: list[str]) -> int:
    """``python -m bench.load_run signups|checkins URL RATE SECONDS SPEC_JSON OUT_JSON``."""
    from db.engine import make_engine

    kind, url, rate, seconds, spec_path, out_path = argv
    spec = json.loads(Path(spec_path).read_text())
    engine = make_engine(url)
    if kind == "signups":
        call = signup_call(engine, spec["tag"], spec["edition"], spec["workshops"])
        count = round(float(rate) * float(seconds))
    else:
        count = min(round(float(rate) * float(seconds)), len(spec["checkin_targets"]))
        call = _checkin_call(engine, spec["checkin_targets"])
    Path(out_path + ".started").touch()  # the director's loaded refreshes count from here
    began = time.monotonic()
    results = generate(call, count, float(rate))
    seconds_taken = time.monotonic() - began
    engine.dispose()
    Path(out_path).write_text(json.dumps({"seconds": seconds_taken, "calls": results}))
    return 0


# --- the run ----------------------------------------------------------------------------


def copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as original:
        with sqlite3.connect(target) as copy:
            original.backup(copy)


def prepare(url: str, tag: str, checkins: int) -> dict:
    """Opens the next edition when none is (``ensure_open_congress``); chooses whom to
    check in."""
    from sqlalchemy import select

    from db.engine import make_engine
    from db.models import Event, EventSession, Signup
    from harness.server import ensure_open_congress

    engine = make_engine(url)
    try:
        edition = ensure_open_congress(engine)
        with engine.connect() as connection:
            event_id = connection.scalar(select(Event.id).where(Event.edition == edition))
            workshops = connection.scalars(
                select(EventSession.id).where(
                    EventSession.event_id == event_id, EventSession.kind == "workshop"
                )
            ).all()
            previous = connection.scalar(
                select(Event.id).where(Event.edition < edition).order_by(Event.edition.desc())
            )
            targets = connection.scalars(
                select(Signup.id)
                .where(
                    Signup.event_id == previous,
                    Signup.status == "registered",
                    Signup.attended.is_not(True),
                )
                .order_by(Signup.id)
                .limit(checkins)
            ).all()
    finally:
        engine.dispose()
    return {"tag": tag, "edition": edition, "workshops": workshops, "checkin_targets": targets}


def _start_generator(kind: str, url: str, rate: float, seconds: float, folder: Path):
    out = folder / f"{kind}.json"
    command = [
        sys.executable,
        "-m",
        "bench.load_run",
        kind,
        url,
        str(rate),
        str(seconds),
        str(folder / "spec.json"),
        str(out),
    ]
    from dashboard.core.settings import PROJECT_ROOT

    log = (folder / f"{kind}.log").open("wb")
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    return process, out


def _refreshes(page, timeout_ms: int, keep_going) -> list[float]:
    from bench.browser_timing import time_to_view, view_problem

    seconds = []
    while keep_going():
        page.keyboard.press("r")
        seconds.append(time_to_view(page, timeout_ms))
        problem = view_problem(page)
        if problem:
            raise RuntimeError(f"/kongres after a refresh: {problem}")
        time.sleep(REFRESH_PAUSE_S)
    return seconds


def _director_tab(browser, panel_url: str, timeout_ms: int):
    from bench.browser_timing import VIEWPORT, admin_storage_state, time_to_view, watch

    state = admin_storage_state(browser, panel_url, "dyrektor")
    context = browser.new_context(storage_state=state, viewport=VIEWPORT)
    watch(context)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    page.goto(f"{panel_url}/kongres", wait_until="commit")
    time_to_view(page, timeout_ms)
    page.locator('[data-testid="stMainBlockContainer"] h1').first.click()  # focus off inputs
    return context, page


def measure(database_path: Path, rate: float = RATE_PER_S, seconds: float = DURATION_S) -> dict:
    import os

    from playwright.sync_api import sync_playwright

    from harness.chromium import launch_chromium
    from harness.server import PanelServer

    timeout_ms = int(os.environ.get("E2E_TIMEOUT_MS", "120000"))
    tag = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory(prefix="bench-load-") as name:
        folder = Path(name)
        copy = folder / "load.sqlite"
        copy_database(database_path, copy)
        url = f"sqlite:///{copy}"
        spec = prepare(url, tag, math.ceil(rate * seconds))
        (folder / "spec.json").write_text(json.dumps(spec))
        with PanelServer(url, folder / "panel.log") as panel, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                context, page = _director_tab(browser, panel.url, timeout_ms)
                done = iter(range(IDLE_REFRESHES))
                idle = _refreshes(page, timeout_ms, lambda: next(done, None) is not None)
                audit_watermark = _last_audit_id(copy)
                generators = [
                    _start_generator(kind, url, rate, seconds, folder)
                    for kind in ("signups", "checkins")
                ]
                _wait_started(generators)
                loaded = _refreshes(
                    page, timeout_ms, lambda: any(p.poll() is None for p, _ in generators)
                )
                context.close()
            finally:
                browser.close()
        for process, _ in generators:
            process.wait()
        outputs = {
            kind: _read_output(out) for kind, (_, out) in zip(KINDS, generators, strict=True)
        }
        check = verify(
            copy, spec, {kind: o["calls"] for kind, o in outputs.items()}, audit_watermark
        )
    for kind, output in outputs.items():
        check[kind]["rate"] = (
            check[kind]["succeeded"] / output["seconds"] if output["seconds"] else 0
        )
    return {"idle": idle, "loaded": loaded, "check": check}


KINDS = ("signups", "checkins")
START_WAIT_S = 120


def _wait_started(generators) -> None:
    deadline = time.monotonic() + START_WAIT_S
    for process, out in generators:
        marker = Path(f"{out}.started")
        while not marker.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the {out.stem} generator did not start: see {out.stem}.log")
            time.sleep(0.1)


def _read_output(out: Path) -> dict:
    if not out.exists():
        log = out.with_suffix(".log").read_text(errors="replace")[-300:]
        raise RuntimeError(f"the {out.stem} generator wrote no results: {log}")
    return json.loads(out.read_text())


def _last_audit_id(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    finally:
        connection.close()


def verify(path: Path, spec: dict, results: dict[str, list[dict]], audit_watermark: int) -> dict:
    """Per kind: sent, stored (succeeded), failed, lost, doubled — from SQL."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        signups = _verify_signups(connection, spec["tag"], results["signups"])
        checkins = _verify_checkins(connection, results["checkins"], audit_watermark)
    finally:
        connection.close()
    return {"signups": signups, "checkins": checkins}


def _counts(results: list[dict]) -> dict:
    return {
        "sent": len(results),
        "succeeded": sum(r["ok"] for r in results),
        "failed": sum(not r["ok"] for r in results),
        "errors": sorted({r["error"][:100] for r in results if not r["ok"]})[:3],
    }


def _verify_signups(connection, tag: str, results: list[dict]) -> dict:
    rows = connection.execute(
        "SELECT email, id FROM signups WHERE email LIKE ?", (f"load-{tag}-%",)
    ).fetchall()
    by_email: dict[str, list[int]] = {}
    for email, signup_id in rows:
        by_email.setdefault(email, []).append(signup_id)
    succeeded = {f"load-{tag}-{r['n']}@example.org": r["id"] for r in results if r["ok"]}
    lost = [email for email, sid in succeeded.items() if sid not in by_email.get(email, [])]
    doubled = [email for email, ids in by_email.items() if len(ids) > 1]
    unreported = [email for email in by_email if email not in succeeded]
    return {
        **_counts(results),
        "lost": len(lost),
        "doubled": len(doubled),
        "unreported": len(unreported),
    }


def _verify_checkins(connection, results: list[dict], audit_watermark: int) -> dict:
    entries = dict(
        connection.execute(
            "SELECT detail, count(*) FROM audit_log WHERE action = 'congress.checkin' "
            "AND id > ? GROUP BY detail",
            (audit_watermark,),
        ).fetchall()
    )
    ids = [r["id"] for r in results if r["ok"]]
    attended = (
        {
            row[0]
            for row in connection.execute(
                f"SELECT id FROM signups WHERE attended AND id IN ({','.join('?' * len(ids))})",  # noqa: S608
                ids,
            )
        }
        if ids
        else set()
    )
    lost = [sid for sid in ids if sid not in attended or not entries.get(f"zapis #{sid}")]
    doubled = [detail for detail, count in entries.items() if count > 1]
    reported = {f"zapis #{sid}" for sid in ids}
    unreported = [detail for detail in entries if detail not in reported]
    return {
        **_counts(results),
        "lost": len(lost),
        "doubled": len(doubled),
        "unreported": len(unreported),
    }


# --- bench rows -------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def rows(
    database_path: Path, row_type, rate: float = RATE_PER_S, seconds: float = DURATION_S
) -> list:
    from harness.chromium import browser_unavailable_reason

    reason = browser_unavailable_reason()
    name = f"/kongres in-session refresh under load ({rate:g} sign-ups/s + {rate:g} check-ins/s, {seconds:g} s)"
    if reason:
        return [row_type(name, None, "s", "runs", None, reason)]
    result = measure(database_path, rate, seconds)
    loaded, idle = result["loaded"], result["idle"]
    idle_note = f"{len(loaded)} refreshes; without load median {statistics.median(idle):.3f} s"
    out = [
        row_type(
            f"{name}: median",
            round(statistics.median(loaded), 3),
            "s",
            f"≤ {MEDIAN_TARGET_S} s",
            statistics.median(loaded) <= MEDIAN_TARGET_S,
            idle_note,
        ),
        row_type(
            f"{name}: p95",
            round(p95(loaded), 3),
            "s",
            f"≤ {P95_TARGET_S} s",
            p95(loaded) <= P95_TARGET_S,
        ),
    ]
    for kind, label in (
        ("signups", "sign-ups (register)"),
        ("checkins", "check-ins (set_attended)"),
    ):
        check = result["check"][kind]
        achieved = check["rate"]
        note = (
            f"{check['sent']} sent, {check['succeeded']} stored, {check['failed']} failed, "
            f"{check['lost']} lost, {check['doubled']} doubled, {check['unreported']} stored "
            f"but reported failed"
        )
        if check["errors"]:
            note += f"; {check['errors'][0]}"
        planned = round(rate * seconds)
        passed = (
            check["sent"] == planned
            and check["failed"] == 0
            and check["lost"] == check["doubled"] == check["unreported"] == 0
        )
        out.append(
            row_type(
                f"load: {label} during the refreshes",
                round(achieved, 2),
                "/s",
                f"{planned} at {rate:g}/s, none failed, lost or doubled",
                passed,
                note,
            )
        )
        print(f"  load {kind}: {note}", flush=True)
    print(
        f"  /kongres refresh under load: median {statistics.median(loaded):.3f} s, "
        f"p95 {p95(loaded):.3f} s ({idle_note})",
        flush=True,
    )
    return out


if __name__ == "__main__":
    sys.exit(generator_main(sys.argv[1:]))
