"""Running the real panel for browser tests, the deployment test and the benchmark.

- ``PanelServer``: ``streamlit run dashboard/web/app.py`` as a child process in its own process
  group (so stopping it leaves nothing behind), ready when ``/_stcore/health``
  answers ``ok``.
- ``launch_chromium``: Debian's Chromium driven by Playwright.
- ``settle``: wait until Streamlit has finished running the script and stayed idle.
- ``sign_in``: the streamlit-authenticator form, found by its input types, not labels.
"""

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

import pytest

from dashboard.core.settings import ENTRY_SCRIPT

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COOKIE_KEY = "e2e-cookie-key-only-for-tests-0123456789"
DEMO_PASSWORD = "demo"
# How long one page may take to run; raise it on a slow or busy machine.
SCRIPT_TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "60000"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_unavailable_reason() -> str | None:
    if not CHROMIUM_PATH.exists():
        return f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    return None


def require_browser_or_skip() -> None:
    reason = browser_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


class PanelServer:
    """One ``streamlit run dashboard/web/app.py`` process serving the panel on 127.0.0.1."""

    def __init__(
        self,
        database_url: str,
        log_path: Path,
        *,
        port: int | None = None,
        extra_env: Mapping[str, str] | None = None,
    ) -> None:
        self.database_url = database_url
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
            str(ENTRY_SCRIPT),
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
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read().decode().strip() == "ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the panel did not answer within {timeout} s:\n{self.log_tail()}")

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


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
    )


_SETTLED_JS = """
(quietMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const now = performance.now();
  // Between connecting and the first run the state is idle too: wait for content.
  const drawn = document.querySelector(
    '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
  const idle = app && drawn
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED';
  if (!idle) { window.__panelBusyAt = now; return false; }
  return now - window.__panelBusyAt >= quietMs;
}
"""


def settle(page, quiet_ms: int = 800, timeout_ms: int = SCRIPT_TIMEOUT_MS) -> None:
    """Wait until the script has finished and stayed idle for ``quiet_ms``.

    Components (the sign-in cookie reader) trigger a second run a moment after
    the first one, so "idle once" is not enough.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.evaluate("window.__panelBusyAt = performance.now()")
    page.wait_for_function(_SETTLED_JS, arg=quiet_ms, timeout=timeout_ms, polling=100)


SIGN_IN_PASSWORD = 'input[type="password"][autocomplete="current-password"]'


def sign_in_form(page):
    return page.locator('[data-testid="stForm"]').filter(has=page.locator(SIGN_IN_PASSWORD))


def shows_sign_in_form(page) -> bool:
    return page.locator(SIGN_IN_PASSWORD).count() > 0


STAFF_MENU_LINK = '[data-testid="stSidebarNav"] a[href$="/propozycje"]'


def needs_sign_in(page) -> bool:
    """After a load: True when the sign-in form shows, False once the staff menu does."""
    page.wait_for_selector(f"{SIGN_IN_PASSWORD}, {STAFF_MENU_LINK}", timeout=SCRIPT_TIMEOUT_MS)
    return shows_sign_in_form(page)


def sign_in(page, username: str, password: str = DEMO_PASSWORD, attempts: int = 3) -> None:
    """Fill the sign-in form shown on the current page and submit it.

    A click that lands while the first runs are still wiring the form up can be
    lost, so the form is sent again when it is still there after a while.
    """
    for attempt in range(1, attempts + 1):
        form = sign_in_form(page)
        form.wait_for(timeout=SCRIPT_TIMEOUT_MS)
        form.locator('input[type="text"]').first.fill(username)
        form.locator(SIGN_IN_PASSWORD).fill(password)
        page.wait_for_timeout(300)
        form.locator('[data-testid="stFormSubmitButton"] button').click()
        try:
            page.wait_for_selector(SIGN_IN_PASSWORD, state="detached", timeout=15_000)
            break
        except Exception:
            if attempt == attempts:
                raise
            settle(page)
    settle(page)
    wait_for_sign_in_cookie(page)


def wait_for_sign_in_cookie(page, timeout_s: float = 20) -> None:
    """The remember-me cookie is written by a component a moment after signing in;
    a new tab opened before that would find the visitor signed out."""
    from dashboard.core.settings import Settings

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(cookie["name"] == Settings.cookie_name for cookie in page.context.cookies()):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"no {Settings.cookie_name} cookie {timeout_s} s after signing in")


def exception_texts(page) -> list[str]:
    return page.locator('[data-testid="stException"]').all_inner_texts()


def rss_of_tree_kib(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (KiB)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, pending = 0, [root_pid]
    while pending:
        pid = pending.pop()
        total += _rss_kib(pid)
        pending.extend(children.get(pid, []))
    return total


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


def choose(page, container, label: str, option_text: str | None = None) -> None:
    """Pick an option of the Streamlit selectbox labelled ``label`` (the first one if no text)."""
    box = container.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    field = box.locator('input, [role="combobox"]').first
    field.click()
    options = page.locator('[role="option"]')
    if option_text is not None:
        # The option list is virtualised: type to bring a far option into view.
        page.keyboard.type(option_text)
        options = options.filter(has_text=option_text)
    options.first.click()


def tick(container, label: str) -> None:
    box = container.locator('[data-testid="stCheckbox"]').filter(has_text=label).first
    box.locator("label").first.click()


def register_on_zapisy(page, base_url: str, full_name: str, email: str) -> None:
    """Fill and send the public Congress form as a resident (both days, first workshop)."""
    from dashboard.i18n import t

    def tr(key: str) -> str:
        return t(key, "pl")

    page.goto(f"{base_url}/zapisy")
    settle(page)
    form = page.locator('[data-testid="stForm"]').filter(has_text=tr("congress.signup.email"))
    page.get_by_label(tr("congress.signup.name"), exact=True).fill(full_name)
    page.get_by_label(tr("congress.signup.email"), exact=True).fill(email)
    choose(page, form, tr("common.district"), "1.")
    choose(page, form, tr("congress.age_group"), "35-44")
    choose(page, form, tr("congress.signup.category"), tr("category.resident"))
    checkboxes = form.locator('[data-testid="stCheckbox"]')
    checkboxes.nth(0).locator("label").first.click()  # day 1
    checkboxes.nth(1).locator("label").first.click()  # day 2
    choose(page, form, tr("congress.signup.workshop"))
    tick(form, tr("congress.signup.consent")[:40])
    form.locator('[data-testid="stFormSubmitButton"] button').click()
    settle(page)
