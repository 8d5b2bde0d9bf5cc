"""Which pages exist and who may open them.

A page a role may not open is left out of its navigation altogether: Streamlit
serves only the pages passed to ``st.navigation`` in the current run.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.settings import PROJECT_ROOT

STAFF_ROLES = ("admin", "director", "lead", "member")


@dataclass(frozen=True)
class PageSpec:
    script: str
    url_path: str
    title_key: str
    icon: str
    audience: str  # "staff", "lead" (leads and admins), "admin" or "public"
    default: bool = False
    in_menu: bool = True  # False: reachable by its address (a personal link) only

    @property
    def path(self) -> str:
        return str(PROJECT_ROOT / self.script)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/postepy.py", "postepy", "nav.progress", ":material/monitoring:", "staff", True),
    PageSpec("pages/kolejka.py", "kolejka", "nav.queue", ":material/inbox:", "lead"),
    PageSpec("pages/propozycje.py", "propozycje", "nav.proposals", ":material/lightbulb:", "staff"),
    PageSpec("pages/kongres.py", "kongres", "nav.congress", ":material/groups:", "staff"),
    PageSpec("pages/zespol.py", "zespol", "nav.team", ":material/diversity_3:", "staff"),
    PageSpec(
        "pages/prezentacja.py", "prezentacja", "nav.presentation", ":material/slideshow:", "staff"
    ),
    PageSpec("pages/zapisy.py", "zapisy", "nav.signup", ":material/how_to_reg:", "public"),
    PageSpec("pages/wyniki.py", "wyniki", "nav.results", ":material/fact_check:", "public"),
    PageSpec(
        "pages/moj_zapis.py",
        "moj-zapis",
        "nav.my_signup",
        ":material/badge:",
        "public",
        in_menu=False,
    ),
    PageSpec("pages/ustawienia.py", "ustawienia", "nav.settings", ":material/settings:", "staff"),
    PageSpec("pages/admin.py", "admin", "nav.admin", ":material/admin_panel_settings:", "admin"),
)


def may_open(role: str | None, spec: PageSpec) -> bool:
    if spec.audience == "public":
        return True
    if spec.audience == "admin":
        return role == "admin"
    if spec.audience == "lead":
        return role in ("lead", "admin")
    return role in STAFF_ROLES


def pages_for(role: str | None) -> list[PageSpec]:
    """The pages of ``role`` (``None`` = not signed in), in menu order."""
    visible = [spec for spec in PAGES if may_open(role, spec)]
    if role is None:
        # Residents: the public form is their only page, so it is the default one.
        return [PageSpec(**{**spec.__dict__, "default": True}) for spec in visible]
    if role == "lead":
        # A lead lands on their queue.
        return [
            PageSpec(**{**spec.__dict__, "default": spec.url_path == "kolejka"}) for spec in visible
        ]
    return visible


def page_by_url_path(url_path: str) -> PageSpec | None:
    return next((spec for spec in PAGES if spec.url_path == url_path), None)
