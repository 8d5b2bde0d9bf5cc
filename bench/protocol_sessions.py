"""Many anonymous sessions of a public page, driven at Streamlit's protocol level.

Each session is a websocket client on ``/_stcore/stream`` that speaks the server's own
messages (``streamlit.proto``): it sends one ``BackMsg.rerun_script`` for the page and
reads ``ForwardMsg``s until ``script_finished``. That is what a browser tab costs the
server, without 50 headless browsers measuring themselves on a 2-core machine.
Bounded: a fixed number of sessions, loopback only, one overall deadline.

One real Chromium tab opens the same page alongside and must show it.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.memory import PeakRss

# The public page the sessions open. /wyniki (issue 15) is to be measured here too:
# add "wyniki" to this tuple once that page exists.
PUBLIC_PAGES = ("zapisy", "wyniki")
SESSIONS = 50
DEADLINE_S = 180
MEDIAN_TARGET_S = 2.0
P95_TARGET_S = 4.0


@dataclass
class SessionTiming:
    seconds: float | None
    error: str = ""


async def _one_session(ws_url: str, page: str, query_string: str) -> SessionTiming:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started = time.perf_counter()
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=DEADLINE_S
        ) as socket:
            message = BackMsg()
            message.rerun_script.query_string = query_string
            message.rerun_script.page_name = page
            await socket.send(message.SerializeToString())
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await socket.recv())
                if forward.WhichOneof("type") == "script_finished":
                    return SessionTiming(time.perf_counter() - started)
    except Exception as error:  # one failed session is a figure, not a crash
        return SessionTiming(None, f"{type(error).__name__}: {error}"[:120])


async def _many_sessions(ws_url: str, page: str, sessions: int) -> list[SessionTiming]:
    tasks = [_one_session(ws_url, page, "") for _ in range(sessions)]
    return await asyncio.wait_for(asyncio.gather(*tasks), timeout=DEADLINE_S)


def sessions_at_once(server_url: str, page: str, sessions: int) -> list[SessionTiming]:
    """``sessions`` sessions of ``page`` opened together on a running server."""
    ws_url = server_url.replace("http://", "ws://") + "/_stcore/stream"
    return asyncio.run(_many_sessions(ws_url, page, sessions))


def _chromium_shows(server_url: str, page: str) -> str:
    """'' when one real tab shows the page's first heading, else why not."""
    from playwright.sync_api import sync_playwright

    from harness.chromium import browser_unavailable_reason, launch_chromium, settle

    reason = browser_unavailable_reason()
    if reason:
        return reason
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            tab = browser.new_page(viewport={"width": 390, "height": 844})
            tab.set_default_timeout(DEADLINE_S * 1000)
            tab.goto(f"{server_url}/{page}")
            settle(tab)
            heading = tab.locator("h1, h2").first
            return "" if heading.is_visible() else "no heading shown"
        finally:
            browser.close()


def measure(database_url: str, page: str, sessions: int = SESSIONS) -> dict:
    from harness.server import PanelServer

    with tempfile.TemporaryDirectory(prefix="bench-protocol-") as folder:
        server = PanelServer(database_url, Path(folder) / "streamlit.log").start()
        peak = PeakRss(server.process.pid).start()
        browser_result: dict[str, str] = {}
        tab = threading.Thread(
            target=lambda: browser_result.update(problem=_chromium_shows(server.url, page))
        )
        try:
            tab.start()
            timings = sessions_at_once(server.url, page, sessions)
            tab.join(DEADLINE_S)
        finally:
            peak.stop()
            server.stop()
    done = sorted(t.seconds for t in timings if t.seconds is not None)
    errors = [t.error for t in timings if t.error]
    return {
        "page": page,
        "sessions": sessions,
        "finished": len(done),
        "median_s": statistics.median(done) if done else None,
        "p95_s": done[max(0, round(0.95 * len(done)) - 1)] if done else None,
        "first_s": done[0] if done else None,
        "last_s": done[-1] if done else None,
        "peak_mb": peak.kib / 1024,
        "errors": errors[:3],
        "browser_problem": browser_result.get("problem", "the tab did not finish"),
    }


def rows(database_url: str, row_type) -> list:
    """Bench rows for every public page: median and p95 until the run finishes, memory."""
    out = []
    for page in PUBLIC_PAGES:
        result = measure(database_url, page)
        note = f"{result['finished']}/{result['sessions']} finished"
        if result["errors"]:
            note += f"; {result['errors'][0]}"
        if result["browser_problem"]:
            note += f"; Chromium tab: {result['browser_problem']}"
        ok = result["finished"] == result["sessions"] and not result["browser_problem"]
        name = f"/{page}, {SESSIONS} protocol sessions"
        for label, value, target in (
            ("median", result["median_s"], MEDIAN_TARGET_S),
            ("p95", result["p95_s"], P95_TARGET_S),
        ):
            passed = value is not None and value <= target and ok
            shown = None if value is None else round(value, 3)
            out.append(row_type(f"{name}: {label}", shown, "s", f"≤ {target} s", passed, note))
        out.append(
            row_type(
                f"{name}: server memory (peak RSS)",
                round(result["peak_mb"]),
                "MB",
                "≤ 400 MB",
                result["peak_mb"] <= 400,
            )
        )
        print(
            f"  /{page}: {note}, first {result['first_s']}, median {result['median_s']}, "
            f"p95 {result['p95_s']}, last {result['last_s']}, "
            f"peak {result['peak_mb']:.0f} MB",
            flush=True,
        )
    return out
