"""Running pages under Streamlit's AppTest against a real database file."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.core.permissions import Actor
from dashboard.core.settings import PROJECT_ROOT
from dashboard.i18n import t
from dashboard.ui.sections import SECTION_PARAM
from dashboard.web import state

ROOT = PROJECT_ROOT

ADMIN = Actor("admin", "admin", frozenset(), "Administrator panelu")
DIRECTOR = Actor("dyrektor", "director", frozenset(), "Dyrektor zespołu")
LEAD = Actor("lider", "lead", frozenset({1}), "Liderka podzespołu")
MEMBER = Actor("czlonek", "member", frozenset(), "Członek zespołu")


def page_test(
    script: str,
    database_url: str,
    *,
    actor: Actor | None = None,
    query_params: dict[str, str | list[str]] | None = None,
    lang: str = "pl",
    timeout: float = 30,
) -> AppTest:
    """An AppTest of one page script (``"pages/postepy.py"``), ready to ``run()``.

    The database URL goes in through secrets, as in a deployment.
    """
    at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
    at.secrets["database_url"] = database_url
    at.secrets["cookie_key"] = "test-cookie-key-not-secret"
    at.session_state[state.LANGUAGE.key] = lang
    if actor is not None:
        at.session_state[state.ACTOR.key] = actor
    for key, value in (query_params or {}).items():
        at.query_params[key] = value
    return at


def section(label_key: str, lang: str = "pl") -> dict[str, str]:
    """Query parameters that open one section of a page in tabs (only the open tab runs):
    ``page_test("pages/admin.py", url, query_params=section("admin.tab.audit"))``."""
    return {SECTION_PARAM: t(label_key, lang)}


def markdown_text(at: AppTest) -> str:
    """Every markdown element the run wrote, one per line."""
    return "\n".join(element.value for element in at.markdown)


def chart_specs(at: AppTest) -> list[dict]:
    """The Vega-Lite specs of every Altair chart the run drew."""
    return [json.loads(element.proto.spec) for element in at.get("arrow_vega_lite_chart")] + [
        json.loads(element.proto.spec) for element in at.get("vega_lite_chart")
    ]


def assert_no_exception(at: AppTest) -> None:
    messages = [exception.message for exception in at.exception]
    assert not messages, f"the page raised: {messages}"
