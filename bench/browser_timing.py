"""What a person waits for in Chromium: a fresh tab, a sidebar switch, a search (issue 16, 3).

**Time to view**, the one definition used for the panel and for its floor: from the start
(a fresh tab: navigation start, ``performance.timeOrigin``; in a session: the click or key
press, caught in the page by a capturing listener) until the moment Streamlit last became
idle — script ``notRunning``, connection ``CONNECTED``, an element drawn in the main block
(as ``harness.chromium.settle`` waits for) — after which it stayed idle for ``QUIET_MS``.
The run is known to have happened when the script state is seen changing or, for a run
too short to show as running, when the main block's content first changes after the
start. A rerun a component asks for right
after the first one (the sign-in cookie reader) is part of the wait: the view is not final
before it. A page in the browser polls that state every 10 ms (``_WATCH_JS``), so the
figures are the browser's own clock, not Playwright's round trips.

**The floor** is ``bench/floor_app.py``: a bare Streamlit page showing what /propozycje
shows on arrival (the 200 newest proposals and four count tables) from the same file,
served by its own ``streamlit run`` in the same run. Each staff page's fresh tab is judged
by its median over the floor's median (≤ ``FRESH_TAB_RATIO``).

Fresh tabs: signed in once as the admin; every measurement is a new browser context (no
HTTP cache, no session) carrying that sign-in cookie, so the panel signs the tab in from
the cookie as it does for a returning person. The first tab of every page is a warm-up
(module imports, the shared query cache) and is not counted, for the floor alike.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

FRESH_TAB_RATIO = 1.25
SWITCH_TARGET_S = 0.4
SEARCH_TARGET_S = 0.3
FRESH_TABS = 5  # counted fresh tabs per page, after one warm-up tab (3 gave medians ±0.1 s apart)
SWITCH_ROUNDS = 2  # times through the staff menu
SEARCH_QUERIES = ("rower", "ławki", "zieleń w okręgu", "konsultacje społeczne", "Rada Seniorów")
QUIET_MS = 800
VIEWPORT = {"width": 1280, "height": 800}
FLOOR_SCRIPT = Path(__file__).with_name("floor_app.py")

# Installed in every page before its own scripts run.
_WATCH_JS = """
(() => {
  const w = window.__bench = {start: 0, idleSince: null, ranSinceStart: false};
  const busy = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const drawn = document.querySelector(
      '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
    return !(app && drawn
      && app.getAttribute('data-test-script-state') === 'notRunning'
      && app.getAttribute('data-test-connection-state') === 'CONNECTED');
  };
  const ran = () => { w.idleSince = null; w.ranSinceStart = true; };
  setInterval(() => {
    if (busy()) ran();
    else if (w.idleSince === null) w.idleSince = performance.now();
  }, 10);
  // A rerun of a few hundredths of a second (warm caches) can start and finish between
  // two polls, or within one drawing of the page, so the script state never shows
  // "running": a change of that state, or the first change of the main block's content
  // after the start, also counts as the run having happened.
  const inMain = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    return !!(element && element.closest('[data-testid="stMainBlockContainer"]'));
  };
  new MutationObserver((records) => {
    if (records.some((r) => r.type === 'attributes' || (!w.ranSinceStart && inMain(r.target)))) {
      ran();
    }
  }).observe(document, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['data-test-script-state'],
  });
  const mark = () => { w.start = performance.now(); w.ranSinceStart = false; w.idleSince = null; };
  addEventListener('click', (e) => { if (e.target.closest('a')) mark(); }, true);
  const typing = (e) => e.target.closest && e.target.closest('input, textarea');
  addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || (e.key === 'r' && !typing(e))) mark();
  }, true);
})();
"""

# True once the page has run since the start and then been idle for ``quiet`` ms.
_VIEWED_JS = """
(quiet) => {
  const w = window.__bench;
  return !!w && w.ranSinceStart && w.idleSince !== null
    && performance.now() - w.idleSince >= quiet;
}
"""


@dataclass
class Timing:
    seconds: float | None
    problem: str = ""


def watch(context) -> None:
    """Every page of ``context`` records when Streamlit becomes idle."""
    context.add_init_script(_WATCH_JS)


def time_to_view(page, timeout_ms: int) -> float:
    """Seconds from the start (navigation, click or key) to the view (see the module doc)."""
    page.wait_for_function(_VIEWED_JS, arg=QUIET_MS, timeout=timeout_ms, polling=50)
    return page.evaluate("(window.__bench.idleSince - window.__bench.start) / 1000")


def view_problem(page) -> str:
    """'' when the main block shows a page and no error or sign-in form."""
    from harness.chromium import SIGN_IN_PASSWORD, exception_texts

    if page.locator(SIGN_IN_PASSWORD).count():
        return "the sign-in form shows"
    errors = exception_texts(page)
    return f"exception: {errors[0][:80]}" if errors else ""


def fresh_tab(browser, url: str, storage_state: dict | None, timeout_ms: int) -> Timing:
    context = browser.new_context(storage_state=storage_state, viewport=VIEWPORT)
    try:
        watch(context)
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        page.goto(url, wait_until="commit")
        seconds = time_to_view(page, timeout_ms)
        problem = view_problem(page)
        return Timing(None if problem else seconds, problem)
    except Exception as error:  # one stuck tab is a figure, not the end of the part
        return Timing(None, f"{type(error).__name__}: {error}"[:120])
    finally:
        context.close()


def admin_storage_state(browser, panel_url: str, username: str = "admin") -> dict:
    from harness.chromium import settle, sign_in

    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(panel_url)
        settle(page)
        sign_in(page, username)
        return context.storage_state()
    finally:
        context.close()


def staff_pages() -> list[str]:
    from dashboard.core.navigation import PAGES

    return [spec.url_path for spec in PAGES if spec.audience != "public" and spec.in_menu]


def median_or_none(timings: list[Timing]) -> float | None:
    done = [t.seconds for t in timings if t.seconds is not None]
    return statistics.median(done) if done else None


def first_problem(timings: list[Timing]) -> str:
    return next((t.problem for t in timings if t.problem), "")


# --- the three measurements -----------------------------------------------------------


def fresh_tab_timings(
    browser, floor_url: str, panel_url: str, state: dict, pages: list[str], tabs: int, timeout: int
) -> tuple[list[Timing], dict[str, list[Timing]]]:
    """Floor and pages interleaved round by round, so a busy moment hits both alike."""
    floor: list[Timing] = []
    panel: dict[str, list[Timing]] = {page: [] for page in pages}
    for round_number in range(tabs + 1):
        floor_timing = fresh_tab(browser, floor_url, None, timeout)
        page_timings = {
            page: fresh_tab(browser, f"{panel_url}/{page}", state, timeout) for page in pages
        }
        if round_number == 0:
            continue  # the warm-up round
        floor.append(floor_timing)
        for page, timing in page_timings.items():
            panel[page].append(timing)
    return floor, panel


def sidebar_switch_timings(
    browser, panel_url: str, state: dict, pages: list[str], rounds: int, timeout: int
) -> dict[str, list[Timing]]:
    """In one signed-in tab: click each staff page's menu link in turn, ``rounds`` times."""
    context = browser.new_context(storage_state=state, viewport=VIEWPORT)
    timings: dict[str, list[Timing]] = {page: [] for page in pages}
    try:
        watch(context)
        page = context.new_page()
        page.set_default_timeout(timeout)
        page.goto(f"{panel_url}/{pages[-1]}", wait_until="commit")
        time_to_view(page, timeout)
        for _ in range(rounds):
            for url_path in pages:
                timings[url_path].append(_switch(page, url_path, timeout))
    finally:
        context.close()
    return timings


def _switch(page, url_path: str, timeout: int) -> Timing:
    try:
        link = _menu_link(page, url_path)
        expand = page.locator('[data-testid="stExpandSidebarButton"]')
        if expand.is_visible():  # /prezentacja closes the sidebar; opening it is not timed
            expand.click()
        link.click()
        seconds = time_to_view(page, timeout)
        path = urlparse(page.url).path.strip("/")
        if path != url_path and not (path == "" and _is_default(url_path)):
            return Timing(None, f"the address is {page.url}")
        problem = view_problem(page)
        return Timing(None if problem else seconds, problem)
    except Exception as error:
        return Timing(None, f"{type(error).__name__}: {error}"[:120])


def _is_default(url_path: str) -> bool:
    from dashboard.core.navigation import page_by_url_path

    return page_by_url_path(url_path).default


def _menu_link(page, url_path: str):
    """The page's link in the staff menu; the default page's address is the root."""
    if not _is_default(url_path):
        return page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url_path}"]')
    links = page.locator('[data-testid="stSidebarNav"] a')
    index = links.evaluate_all(
        "(all) => all.findIndex((a) => new URL(a.href).pathname.replace(/\\/$/, '') === '')"
    )
    return links.nth(index)


def search_timings(
    browser, panel_url: str, state: dict, queries: tuple[str, ...], timeout: int
) -> list[Timing]:
    """On /propozycje in one tab: type each query in the search box and press Enter; the
    wait ends at the view after the count of found proposals has changed."""
    from dashboard.i18n import t

    context = browser.new_context(storage_state=state, viewport=VIEWPORT)
    timings = []
    try:
        watch(context)
        page = context.new_page()
        page.set_default_timeout(timeout)
        page.goto(f"{panel_url}/propozycje", wait_until="commit")
        time_to_view(page, timeout)
        box = page.get_by_label(t("proposals.filter.q", "pl"), exact=True)
        found = page.locator('[data-testid="stMainBlockContainer"] p strong').filter(
            has_text=t("proposals.found", "pl", count="").strip()
        )
        for query in queries:
            timings.append(_search(page, box, found, query, timeout))
    finally:
        context.close()
    return timings


def _search(page, box, found, query: str, timeout: int) -> Timing:
    try:
        before = found.first.inner_text()
        box.fill(query)
        box.press("Enter")
        seconds = time_to_view(page, timeout)
        after = found.first.inner_text()
        if after == before:
            return Timing(None, f"the count stayed {after!r}")
        problem = view_problem(page)
        return Timing(None if problem else seconds, problem)
    except Exception as error:
        return Timing(None, f"{type(error).__name__}: {error}"[:120])


# --- bench rows -----------------------------------------------------------------------


def measure(
    database_path: Path,
    database_url: str,
    tabs: int = FRESH_TABS,
    rounds: int = SWITCH_ROUNDS,
    queries: tuple[str, ...] = SEARCH_QUERIES,
    pages: list[str] | None = None,
) -> dict:
    from playwright.sync_api import sync_playwright

    from harness.chromium import launch_chromium
    from harness.server import PanelServer

    timeout = int(os.environ.get("E2E_TIMEOUT_MS", "120000"))
    pages = pages or staff_pages()
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
        panel = PanelServer(database_url, Path(folder) / "panel.log")
        floor = PanelServer(
            database_url,
            Path(folder) / "floor.log",
            script=FLOOR_SCRIPT,
            script_args=(str(database_path),),
        )
        with panel, floor, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                state = admin_storage_state(browser, panel.url)
                floor_tabs, page_tabs = fresh_tab_timings(
                    browser, floor.url, panel.url, state, pages, tabs, timeout
                )
                print(f"  fresh tabs done ({len(pages)} pages × {tabs + 1})", flush=True)
                switches = sidebar_switch_timings(browser, panel.url, state, pages, rounds, timeout)
                print(f"  sidebar switches done ({len(pages)} × {rounds})", flush=True)
                searches = search_timings(browser, panel.url, state, queries, timeout)
            finally:
                browser.close()
    return {"floor": floor_tabs, "pages": page_tabs, "switches": switches, "searches": searches}


def rows(database_path: Path, database_url: str, row_type, **options) -> list:
    from harness.chromium import browser_unavailable_reason

    reason = browser_unavailable_reason()
    if reason:
        return [row_type("Chromium timings", None, "s", "runs", None, reason)]
    result = measure(database_path, database_url, **options)
    floor = median_or_none(result["floor"])
    out = [
        row_type(
            "floor: bare Streamlit page, fresh tab (median)",
            _rounded(floor),
            "s",
            "reference",
            None if floor is not None else False,
            first_problem(result["floor"]),
        )
    ]
    print(f"  floor fresh tab: {_shown(floor)} s", flush=True)
    for page, timings in result["pages"].items():
        out.append(_fresh_tab_row(row_type, page, timings, floor))
    out.append(
        _median_row(row_type, "in-session sidebar switch", result["switches"], SWITCH_TARGET_S)
    )
    out.append(
        _median_row(
            row_type, "in-session search on /propozycje", {"": result["searches"]}, SEARCH_TARGET_S
        )
    )
    return out


def _fresh_tab_row(row_type, page: str, timings: list[Timing], floor: float | None):
    seconds = median_or_none(timings)
    ratio = None if seconds is None or not floor else seconds / floor
    problem = first_problem(timings)
    passed = ratio is not None and ratio <= FRESH_TAB_RATIO and not problem
    print(
        f"  /{page} fresh tab: {_shown(seconds)} s, {_shown(ratio)} × floor {problem}", flush=True
    )
    row = row_type(
        f"/{page} fresh tab, time to view (median of {len(timings)})",
        _rounded(seconds),
        "s",
        f"≤ {FRESH_TAB_RATIO} × floor",
        passed,
        problem,
    )
    row.ratio = None if ratio is None else round(ratio, 2)
    return row


def _median_row(row_type, name: str, timings: dict[str, list[Timing]], target: float):
    every = [t for page_timings in timings.values() for t in page_timings]
    seconds = median_or_none(every)
    problem = first_problem(every)
    slowest = {page: median_or_none(t) for page, t in timings.items() if page}
    note = problem
    if slowest and any(value is not None for value in slowest.values()):
        page, value = max(
            ((p, v) for p, v in slowest.items() if v is not None), key=lambda item: item[1]
        )
        note = "; ".join(filter(None, [f"slowest /{page} {value:.2f} s", problem]))
    passed = seconds is not None and seconds <= target and not problem
    print(f"  {name}: median {_shown(seconds)} s of {len(every)} {note}", flush=True)
    return row_type(
        f"{name} (median of {len(every)})", _rounded(seconds), "s", f"≤ {target} s", passed, note
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
