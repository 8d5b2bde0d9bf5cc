"""Sign-in, navigation per role, deep links and /admin under AppTest (real SQLite files)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.core.settings import ENTRY_SCRIPT
from dashboard.queries import accounts
from dashboard.queries.audit import recent_entries
from dashboard.services import auth, sessions, users
from dashboard.ui import auth as sign_in_ui
from dashboard.web import state
from harness.apptest import (
    ADMIN,
    DIRECTOR,
    MEMBER,
    ROOT,
    assert_no_exception,
    page_test,
    section,
)
from tests.support.accounts import add_account

# The personal manage-link page is public (no sign-in) but in nobody's menu.
PUBLIC_PAGES = {"zapisy", "wyniki", "moj_zapis"}
STAFF_PAGES = {
    "postepy",
    "propozycje",
    "kongres",
    "zespol",
    "prezentacja",
    "ustawienia",
} | PUBLIC_PAGES
EXPECTED_PAGES = {
    "czlonek": STAFF_PAGES,
    "lider": STAFF_PAGES | {"kolejka"},
    "dyrektor": STAFF_PAGES,
    "admin": STAFF_PAGES | {"admin", "kolejka"},
}
LANDING_PAGE = {"lider": "kolejka"}  # a lead lands on their queue, everyone else on /postepy
SCRIPT = "<script>alert(1)</script>"


def app_test(
    database_url: str, *, cookie_key: str | None = "test-cookie-key-long-enough-for-hs256-0123"
) -> AppTest:
    """The entry script as a browser session runs it."""
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=60)
    at.secrets["database_url"] = database_url
    if cookie_key:
        at.secrets["cookie_key"] = cookie_key
    at.session_state[state.LANGUAGE.key] = "pl"
    return at


def open_url(at: AppTest, url_path: str, **query_params: str) -> AppTest:
    """What a browser does for a typed address: ask for the page by its URL path.

    AppTest has no public way to request a URL path before the first run; its own
    ``switch_page`` sets this same field.
    """
    at._page_hash = calc_hash(url_path)
    for key, value in query_params.items():
        at.query_params[key] = value
    return at.run()


def submit_sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key=sign_in_ui.USERNAME_INPUT).input(username)
    at.text_input(key=sign_in_ui.PASSWORD_INPUT).input(password)
    return next(button for button in at.button if button.label == "Zaloguj się").click().run()


def page_scripts(at: AppTest) -> set[str]:
    """URL paths of the page *scripts* this run registered (sign-in stand-ins have none)."""
    return {
        Path(info["script_path"]).stem
        for info in at._registered_pages.values()
        if info.get("script_path")
    }


def ran_page(at: AppTest) -> str:
    info = at._registered_pages[at._finished_page_script_hash]
    return Path(info["script_path"]).stem if info.get("script_path") else "sign-in"


def is_sign_in_form(at: AppTest) -> bool:
    labels = [text_input.label for text_input in at.text_input]
    return labels == ["Nazwa użytkownika", "Hasło"] and any(
        button.label == "Zaloguj się" for button in at.button
    )


def test_every_page_script_of_the_navigation_exists():
    from dashboard.core.navigation import PAGES

    missing = [spec.script for spec in PAGES if not (ROOT / spec.script).is_file()]
    assert not missing


def test_visitor_gets_the_sign_in_form_and_only_the_public_page(demo_url):
    at = app_test(demo_url).run()
    assert_no_exception(at)
    assert is_sign_in_form(at)
    assert page_scripts(at) == PUBLIC_PAGES
    assert state.ACTOR.key not in at.session_state


@pytest.mark.parametrize("username", list(EXPECTED_PAGES))
def test_each_role_signs_in_and_gets_its_pages(demo_copy_url, username):
    at = submit_sign_in(app_test(demo_copy_url).run(), username, "demo")
    assert_no_exception(at)
    assert at.session_state[state.ACTOR.key].username == username
    assert page_scripts(at) == EXPECTED_PAGES[username]
    assert ran_page(at) == LANDING_PAGE.get(username, "postepy")
    assert not is_sign_in_form(at)


def test_member_opening_the_admin_url_never_sees_its_content(demo_copy_url):
    at = submit_sign_in(app_test(demo_copy_url).run(), "czlonek", "demo")
    assert "admin" not in page_scripts(at)
    open_url(at, "admin")
    assert_no_exception(at)
    assert ran_page(at) == "postepy"
    assert "Administracja" not in [title.value for title in at.title]
    admin_tabs = {"Użytkownicy", "Dziennik zdarzeń", "Kopia zapasowa"}
    assert not admin_tabs & {tab.label for tab in at.tabs}
    assert not any(button.label == "Dodaj użytkownika" for button in at.button)


def test_admin_page_script_refuses_other_roles_itself(demo_url):
    for actor in (MEMBER, DIRECTOR):
        at = page_test("pages/admin.py", demo_url, actor=actor).run()
        assert_no_exception(at)
        assert [error.value for error in at.error] == ["Nie masz uprawnień do tej strony."]
        assert not at.dataframe and not at.tabs


def test_deep_link_with_filters_opens_after_signing_in(demo_copy_url):
    at = open_url(app_test(demo_copy_url), "propozycje", status="accepted")
    assert_no_exception(at)
    assert is_sign_in_form(at), "a visitor sees the sign-in form at the requested address"
    assert page_scripts(at) == PUBLIC_PAGES
    submit_sign_in(at, "lider", "demo")
    assert_no_exception(at)
    assert ran_page(at) == "propozycje"
    assert at.query_params["status"] in ("accepted", ["accepted"])
    assert state.RETURN_TO.key not in at.session_state


def test_signed_in_person_opening_a_deep_link_lands_on_it(demo_copy_url):
    at = submit_sign_in(app_test(demo_copy_url).run(), "dyrektor", "demo")
    open_url(at, "propozycje", status="rejected")
    assert_no_exception(at)
    assert ran_page(at) == "propozycje"
    assert at.query_params["status"] in ("rejected", ["rejected"])


def test_failures_say_the_same_whether_or_not_the_name_exists(demo_copy_url):
    wrong_password = submit_sign_in(app_test(demo_copy_url).run(), "czlonek", "zle-haslo")
    unknown_name = submit_sign_in(app_test(demo_copy_url).run(), "nikogo-takiego", "zle-haslo")
    messages = [[error.value for error in at.error] for at in (wrong_password, unknown_name)]
    assert messages[0] == messages[1]
    assert messages[0][0].startswith("Nie udało się zalogować")
    assert is_sign_in_form(wrong_password) and state.ACTOR.key not in wrong_password.session_state


def test_sign_out_returns_to_the_sign_in_form(demo_copy_url):
    at = submit_sign_in(app_test(demo_copy_url).run(), "admin", "demo")
    next(button for button in at.sidebar.button if button.label == "Wyloguj się").click().run()
    assert_no_exception(at)
    assert is_sign_in_form(at)
    assert state.ACTOR.key not in at.session_state
    assert page_scripts(at) == PUBLIC_PAGES
    assert [info.value for info in at.info] == ["Wylogowano."]


def test_disabled_account_is_signed_out_at_its_next_run(demo_copy_url, demo_engine):
    at = submit_sign_in(app_test(demo_copy_url).run(), "czlonek", "demo")
    assert at.session_state[state.ACTOR.key].username == "czlonek"
    users.set_disabled(demo_engine, ADMIN, "czlonek", True)
    at.run()
    assert is_sign_in_form(at)
    assert state.ACTOR.key not in at.session_state


def test_demo_badge_while_demo_accounts_exist(demo_url):
    # A visitor has no sidebar: the badge stands above the sign-in form (on a phone a
    # sidebar would open over the form).
    at = app_test(demo_url).run()
    assert any("DEMO" in str(element.proto) for element in at.main.markdown)
    assert not any("DEMO" in str(element.proto) for element in at.sidebar.markdown)


@pytest.mark.usefixtures("fast_bcrypt")
def test_outside_demo_mode_no_cookie_key_means_no_start(sqlite_engine, monkeypatch):
    monkeypatch.delenv("COOKIE_KEY", raising=False)
    add_account(sqlite_engine, "szefowa", "admin")
    url = sqlite_engine.url.render_as_string(hide_password=False)
    refused = app_test(url, cookie_key=None).run()
    assert_no_exception(refused)
    assert "COOKIE_KEY" in refused.error[0].value
    assert not refused.text_input
    started = app_test(url).run()
    assert is_sign_in_form(started)
    assert not any("DEMO" in str(element.proto) for element in started.sidebar.markdown)


def test_admin_users_table_shows_markup_as_text(demo_copy_url, demo_engine):
    users.add_user(
        demo_engine, ADMIN, users.NewUser("skrypt", SCRIPT, "bardzo-dlugie-haslo", "member")
    )
    at = page_test("pages/admin.py", demo_copy_url, actor=ADMIN).run()
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert SCRIPT in table["Imię i nazwisko"].tolist()
    assert "password_hash" not in table.columns
    rendered = [element.value for element in at.markdown] + [c.value for c in at.caption]
    assert not any("<script>" in text for text in rendered)


def by_label(elements, label: str):
    return next(element for element in elements if element.label == label)


def test_admin_adds_a_user_through_the_form_and_the_audit_log_shows_it(demo_copy_url, demo_engine):
    at = page_test("pages/admin.py", demo_copy_url, actor=ADMIN).run()
    by_label(at.text_input, "Nazwa użytkownika (login)").input("nowy.czlonek")
    by_label(at.text_input, "Imię i nazwisko").input("Nowy Członek")
    by_label(at.text_input, "Hasło (co najmniej 12 znaków)").input("krotkie")
    by_label(at.text_input, "Powtórz hasło").input("krotkie")
    by_label(at.button, "Dodaj użytkownika").click().run()
    assert [error.value for error in at.error] == ["Hasło musi mieć co najmniej 12 znaków."]
    by_label(at.text_input, "Hasło (co najmniej 12 znaków)").input("dlugie-haslo-123")
    by_label(at.text_input, "Powtórz hasło").input("dlugie-haslo-123")
    by_label(at.button, "Dodaj użytkownika").click().run()
    assert_no_exception(at)
    assert [success.value for success in at.success] == ["Dodano użytkownika nowy.czlonek."]
    assert "nowy.czlonek" in at.dataframe[0].value["Login"].tolist()
    assert not _audit_actions(at)  # only the open tab (users) ran
    audit = next(
        table.value
        for table in _audit_tab(demo_copy_url).dataframe
        if "Czynność" in table.value.columns
    )
    assert audit.iloc[0]["Czynność"] == "user.add"
    assert audit.iloc[0]["Kto"] == "admin"


def test_admin_backup_tab_offers_a_consistent_copy_and_logs_it(demo_copy_url, demo_engine):
    backup = section("admin.tab.backup")
    at = page_test("pages/admin.py", demo_copy_url, actor=ADMIN, query_params=backup).run()
    by_label(at.button, "Utwórz kopię zapasową").click().run()
    assert_no_exception(at)
    name, data = at.session_state[state.BACKUP_FILE.key]
    assert data.startswith(b"SQLite format 3\x00") and name.endswith(".sqlite")
    assert any(f"Pobierz kopię ({name})" in str(e.proto) for e in at.get("download_button"))
    assert recent_entries(demo_engine, ADMIN)["action"].tolist()[0] == "backup.download"


def _audit_tab(url: str) -> AppTest:
    """/admin opened on its audit log tab."""
    return page_test(
        "pages/admin.py", url, actor=ADMIN, query_params=section("admin.tab.audit")
    ).run()


def _audit_actions(at: AppTest) -> list[str]:
    """The audit log's actions on screen, newest first (none: the log is empty)."""
    tables = [table.value for table in at.dataframe if "Czynność" in table.value.columns]
    return tables[0]["Czynność"].tolist() if tables else []


def test_a_lockout_shows_in_the_audit_log_at_once(demo_copy_url, demo_engine):
    at = _audit_tab(demo_copy_url)
    assert "user.locked" not in _audit_actions(at)
    for _ in range(5):  # written without a data-version bump: a cached read would miss it
        assert not auth.sign_in(demo_engine, "czlonek", "zle-haslo-000").ok
    at.run()
    assert _audit_actions(at)[0] == "user.locked"


def test_admin_signs_a_user_out_everywhere_from_the_users_form(demo_copy_url, demo_engine):
    member = auth.sign_in(demo_engine, "czlonek", "demo").actor
    token = sessions.start_session(demo_engine, member, timedelta(days=1), "klucz")
    at = page_test("pages/admin.py", demo_copy_url, actor=ADMIN).run()
    by_label(at.selectbox, "Użytkownik").select("czlonek")
    by_label(at.button, "Wyloguj wszędzie").click().run()
    assert_no_exception(at)
    assert [s.value for s in at.success] == ["Zakończono wszystkie sesje użytkownika czlonek."]
    assert accounts.actor_for_session(demo_engine, token, "klucz") is None
    assert _audit_actions(_audit_tab(demo_copy_url))[0] == "user.sign_out_everywhere"
