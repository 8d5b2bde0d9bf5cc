"""The real panel served for browser tests, the deployment test and the benchmark:
``streamlit run dashboard/web/serve.py`` as a child process in its own process group (so
stopping it leaves nothing behind), ready when ``/_stcore/health`` answers ``ok``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from dashboard.core.settings import PROJECT_ROOT as ROOT
from dashboard.core.settings import SERVED_SCRIPT

COOKIE_KEY = "e2e-cookie-key-only-for-tests-0123456789"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PanelServer:
    """One ``streamlit run dashboard/web/serve.py`` process serving the panel on 127.0.0.1
    (or ``script`` with ``script_args``: the benchmark's bare floor page)."""

    def __init__(
        self,
        database_url: str,
        log_path: Path,
        *,
        port: int | None = None,
        extra_env: Mapping[str, str] | None = None,
        script: Path = SERVED_SCRIPT,
        script_args: tuple[str, ...] = (),
        base_path: str = "",
    ) -> None:
        self.database_url = database_url
        self.script = script
        self.script_args = script_args
        self.base_path = base_path.strip("/")  # server.baseUrlPath: served under /<base_path>
        self.port = port or free_port()
        self.log_path = log_path
        self.extra_env = dict(extra_env or {})
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> PanelServer:
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "COOKIE_KEY": COOKIE_KEY,
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--client.showErrorDetails",
            "full",
        ]
        if self.base_path:
            command += ["--server.baseUrlPath", self.base_path]
        if self.script_args:
            command += ["--", *self.script_args]
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        log.close()
        self._wait_healthy(timeout)
        return self

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the panel exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self._health_url(), timeout=2) as answer:
                    if answer.read().decode().strip() == "ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the panel did not answer within {timeout} s:\n{self.log_tail()}")

    def _health_url(self) -> str:
        prefix = f"/{self.base_path}" if self.base_path else ""
        return f"{self.url}{prefix}/_stcore/health"

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        stop_process_group(self.process)
        self.process = None

    def __enter__(self) -> PanelServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


def die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the test process dies, even by a
    signal that skips fixture teardown (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:  # not Linux: teardown still stops the group
        pass


def stop_process_group(process: subprocess.Popen | None, grace: float = 10) -> None:
    """SIGTERM the child's whole process group, then SIGKILL whatever is left."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
    except ProcessLookupError:
        pass


def process_stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (state, parent, ...;
    ``[11]`` and ``[12]`` are user and system CPU in clock ticks); ``None`` once it ended."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def descendant_pids(root_pid: int) -> list[int]:
    """Every process below ``root_pid`` (children, their children, ...), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        fields = process_stat(int(entry.name)) if entry.name.isdigit() else None
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, pending = [], list(children.get(root_pid, []))
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    return found


def rss_of_tree_kib(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (KiB)."""
    return sum(_rss_kib(pid) for pid in [root_pid, *descendant_pids(root_pid)])


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def ensure_open_congress(engine) -> int:
    """The edition residents can register for; adds the next one when the demo has none open.

    The demo's editions are in the past of the real clock the served panel runs on,
    so browser tests open the next edition the way organisers would: a copy of the
    latest edition's programme, 45 days ahead.
    """
    from datetime import timedelta

    from sqlalchemy import func, insert, select

    from dashboard.queries.registration import open_edition
    from db.engine import now, write_session
    from db.models import Event, EventSession

    current = open_edition(engine)
    if current is not None and current.is_open:
        return current.edition
    today = now().date()
    with write_session(engine) as session:
        latest = session.scalars(select(Event).order_by(Event.edition.desc()).limit(1)).one()
        edition = latest.edition + 1
        new_id = session.execute(select(func.max(Event.id))).scalar_one() + 1
        session.execute(
            insert(Event).values(
                id=new_id,
                name=f"{latest.name} ({edition})",
                edition=edition,
                starts_on=today + timedelta(days=45),
                ends_on=today + timedelta(days=46),
                venue=latest.venue,
                registration_open=True,
                target_signups=latest.target_signups,
            )
        )
        programme = session.execute(
            select(
                EventSession.day,
                EventSession.kind,
                EventSession.title,
                EventSession.subteam_id,
                EventSession.capacity,
            ).where(EventSession.event_id == latest.id)
        ).all()
        session.execute(
            insert(EventSession), [{**row._asdict(), "event_id": new_id} for row in programme]
        )
    return edition
