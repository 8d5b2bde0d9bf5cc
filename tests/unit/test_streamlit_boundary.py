"""Streamlit's caches and session state belong to ``dashboard/web`` alone.

Outside it, code reaches the session state through ``dashboard.web.state`` and caches
through ``dashboard.web.cache``; inside it, each of the two lives in its own module.
The check reads names in code (comments and strings do not count), so an alias such as
``from streamlit import session_state`` is caught too.
"""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

from harness.apptest import ROOT

WATCHED = {"session_state", "cache_data", "cache_resource"}
WEB = ROOT / "dashboard" / "web"
# Where a watched name may stand. Nothing outside dashboard/web needs one: widget values
# are read through web.state.widget(key), and the sign-in callbacks go through web.state.
OWNERS = {
    "session_state": {WEB / "state.py"},
    "cache_data": {WEB / "cache.py"},
    "cache_resource": {WEB / "cache.py"},
}


def watched_names(path: Path) -> list[tuple[str, int]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [
        (token.string, token.start[0])
        for token in tokens
        if token.type == tokenize.NAME and token.string in WATCHED
    ]


def scripts() -> list[Path]:
    return sorted([*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").glob("*.py")])


def test_only_web_state_and_web_cache_touch_session_state_and_caches():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in scripts()
        for name, line in watched_names(path)
        if path not in OWNERS[name]
    ]
    assert not found, "use dashboard.web.state / dashboard.web.cache instead:\n" + "\n".join(found)


def test_the_check_sees_what_it_looks_for():
    assert {name for name, _ in watched_names(WEB / "state.py")} == {"session_state"}
    assert {name for name, _ in watched_names(WEB / "cache.py")} == {
        "cache_data",
        "cache_resource",
    }
