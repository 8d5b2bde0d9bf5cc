"""The sign-in flow of the entry script.

Sessions are ours (``dashboard.services.sessions``): signing in stores a random token's
hash in ``sign_in_sessions`` and gives the browser the token in a cookie. Every run
reads the token (from the session, else from the request's cookies via
``st.context.cookies`` — no component, no extra round trip) and looks it up in the
database, uncached, so a session ended anywhere (sign-out, a new password, a disabled
account, an admin's "sign out everywhere") is refused at once in every process. The
cookie is written and cleared by a one-line script (``st.html``) only at sign-in and
sign-out. streamlit-authenticator 0.4.2's cookie is a stateless JWT that stays valid
after its own logout until it expires, so the library is no longer used here.

Deep links: for a visitor who is not signed in, every staff page's URL path is
registered as a hidden page that shows the sign-in form. The address (and its query
parameters) therefore stays as it was, and the run after signing in registers the
real page under the same path, so ``/propozycje?status=accepted`` opens with its
filters. The requested page is also remembered in the session and opened once the
person is signed in, in case the address was lost on the way (e.g. the default page).
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import streamlit as st

from dashboard import web
from dashboard.core.navigation import PageSpec, page_by_url_path, pages_for
from dashboard.core.permissions import Actor
from dashboard.core.privacy import escape_markdown
from dashboard.queries import accounts
from dashboard.services import auth, sessions
from dashboard.web import state
from dashboard.web.cache import demo_cookie_key

USERNAME_INPUT = "access.username"
PASSWORD_INPUT = "access.password"
SIGN_IN_URL_PATH = "logowanie"


def demo_mode() -> bool:
    return web.query(accounts.demo_accounts_exist)


def session_key(demo: bool) -> str:
    """The secret mixed into stored token hashes. Stops the app when none is set
    outside demo mode (demo mode: a key per process, so sessions end with a restart)."""
    key = web.settings().cookie_key or (demo_cookie_key() if demo else None)
    if not key:
        st.error(web.tr("access.no_cookie_key"))
        st.stop()
    return key


def current_actor(key: str) -> Actor | None:
    """Who is signed in this run: the session's token checked against the database."""
    remembered = state.SESSION_TOKEN.get()
    token = remembered or _cookie_token()
    actor = accounts.actor_for_session(web.engine(), token, key) if token else None
    if actor is None:
        if remembered:
            state.SIGN_IN_MESSAGE.set("access.session_ended")
        cleared = state.COOKIE_CLEARED.get()
        if cleared is False or (token and cleared is None):
            _write_cookie("", max_age=0)
            state.COOKIE_CLEARED.set(True)
        state.forget_sign_in()
        return None
    state.SESSION_TOKEN.set(token)
    if state.SET_COOKIE.pop(False):
        _write_cookie(token, max_age=int(_lifetime().total_seconds()))
    state.set_actor(actor)
    return actor


def _cookie_token() -> str | None:
    """The token the browser sent with this session's request (read once, no component)."""
    name = web.settings().cookie_name
    value = st.context.cookies.get(name) if name in st.context.cookies else None
    return value if isinstance(value, str) and value else None


def _on_sign_out(key: str) -> None:
    """Runs before the script: this very run draws the signed-out page and clears the cookie."""
    token = state.SESSION_TOKEN.get()
    if token:
        sessions.end_session(web.engine(), token, key)
    state.forget_sign_in()
    state.COOKIE_CLEARED.set(False)  # clear it in this run, even if the request had none
    state.SIGN_IN_MESSAGE.set("access.signed_out")


def _lifetime() -> timedelta:
    return timedelta(days=web.settings().cookie_expiry_days)


def _write_cookie(value: str, max_age: int) -> None:
    """Set (or, with ``max_age=0``, clear) the sign-in cookie in the browser.

    A script rather than a component: it runs in the page itself, once, only when
    signing in or out. ``Secure`` whenever the page is served over HTTPS."""
    cookie = f"{web.settings().cookie_name}={value}; Path=/; Max-Age={max_age}; SameSite=Strict"
    script = (
        f"<script>document.cookie = {json.dumps(cookie)}"
        ' + (location.protocol === "https:" ? "; Secure" : "");</script>'
    )
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width="content")


def sidebar(key: str, actor: Actor | None, demo: bool) -> Actor | None:
    """Who is signed in, the sign-out button and the DEMO badge."""
    if demo:
        demo_note(st.sidebar)
    if actor is None:
        return None
    name = escape_markdown(actor.display_name or actor.username)
    st.sidebar.caption(web.tr("access.signed_in_as", name=name))
    st.sidebar.caption(web.tr("access.role", role=web.tr(f"access.role.{actor.role}")))
    st.sidebar.button(
        web.tr("access.sign_out"),
        key="access.sign_out",
        icon=":material/logout:",
        on_click=_on_sign_out,
        args=(key,),
    )
    return actor


def demo_note(where=st) -> None:
    """The DEMO badge and why: in the staff sidebar, or above a visitor's sign-in form (a
    visitor has no sidebar, so a phone shows it in the page instead of over the form)."""
    where.badge(web.tr("access.demo_badge"), icon=":material/science:", color="orange")
    where.caption(web.tr("access.demo_note"))


def navigation_pages(actor: Actor | None) -> list:
    """The ``st.Page`` list of this run: the role's pages, or for a visitor the sign-in
    page, the public pages and hidden sign-in stand-ins under every staff URL path."""
    if actor is not None:
        return [page for spec in pages_for(actor.role) for page in _staff_pages(spec)]
    public = [_page(spec, default=False) for spec in pages_for(None)]
    sign_in = st.Page(
        sign_in_page,
        title=web.tr("access.sign_in.nav"),
        icon=":material/login:",
        url_path=SIGN_IN_URL_PATH,
        default=True,
    )
    stand_ins = [
        st.Page(
            sign_in_page,
            title=web.tr(spec.title_key),
            url_path=spec.url_path,
            visibility="hidden",
        )
        for spec in _staff_only_pages()
    ]
    return [sign_in, *public, *stand_ins]


def _page(spec: PageSpec, default: bool | None = None, url_path: str | None = None) -> st.Page:
    return st.Page(
        spec.path,
        title=web.tr(spec.title_key),
        icon=spec.icon,
        url_path=spec.url_path if url_path is None else url_path,
        default=spec.default if default is None else default,
        visibility="visible" if spec.in_menu else "hidden",
    )


def _staff_pages(spec: PageSpec) -> list[st.Page]:
    """The default page is served at ``/``; a hidden twin keeps its own address
    (``/postepy?na_dzien=…``) working for bookmarks and shared links."""
    if not spec.default:
        return [_page(spec)]
    twin = st.Page(
        spec.path, title=web.tr(spec.title_key), url_path=spec.url_path, visibility="hidden"
    )
    return [_page(spec, url_path=""), twin]


def _staff_only_pages() -> list[PageSpec]:
    public = {spec.url_path for spec in pages_for(None)}
    return [spec for spec in pages_for("admin") if spec.url_path not in public]


def remember_requested_page(page: st.Page) -> None:
    """A visitor asked for a staff page: note it and its query parameters.

    Opening a public page instead forgets it (the person changed their mind)."""
    public = {spec.url_path for spec in pages_for(None)}
    if page.url_path in public:
        state.RETURN_TO.pop()
    elif page.url_path and page.url_path != SIGN_IN_URL_PATH:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        state.RETURN_TO.set((page.url_path, params))


def return_to_requested_page(page: st.Page, pages: list) -> None:
    """Once signed in, open the page asked for before signing in (with its parameters)."""
    requested = state.RETURN_TO.pop()
    if requested is None:
        return
    url_path, query_params = requested
    if page.url_path == url_path:
        if query_params and not st.query_params:
            # Signing in can rerun the page without the URL's parameters; put them back.
            st.query_params.from_dict(query_params)
        return
    target = next((candidate for candidate in pages if candidate.url_path == url_path), None)
    if target is not None:
        st.switch_page(target, query_params=query_params)


def sign_in_page() -> None:
    """The sign-in form: two labelled text inputs and a submit button."""
    st.title(web.tr("access.sign_in.title"))
    st.write(web.tr("access.sign_in.intro"))
    message = state.SIGN_IN_MESSAGE.pop()
    if message in ("access.signed_out", "access.session_ended"):
        st.info(web.tr(message))
    elif message:
        st.error(web.tr(message))
    if state.RETURN_TO.is_set():
        st.caption(web.tr("access.sign_in.after"))
    with st.form("access.sign_in_form"):
        st.text_input(
            web.tr("access.sign_in.username"), key=USERNAME_INPUT, autocomplete="username"
        )
        st.text_input(
            web.tr("access.sign_in.password"),
            type="password",
            key=PASSWORD_INPUT,
            autocomplete="current-password",
        )
        st.form_submit_button(web.tr("access.sign_in.submit"), type="primary", on_click=_on_sign_in)
    signup = page_by_url_path("zapisy")
    if signup is not None and Path(signup.path).is_file():
        st.page_link(signup.path, label=web.tr("access.sign_in.to_signup"), icon=signup.icon)


def _on_sign_in() -> None:
    """Runs before the script, so this very run already builds the signed-in navigation."""
    username_input, password_input = state.widget(USERNAME_INPUT), state.widget(PASSWORD_INPUT)
    username = username_input.get("") or ""
    password = password_input.get("") or ""
    password_input.set("")
    if not username.strip() or not password:
        state.SIGN_IN_MESSAGE.set("access.sign_in.missing")
        return
    result = auth.sign_in(web.engine(), username, password)
    if not result.ok:
        state.SIGN_IN_MESSAGE.set("access.sign_in.failed")
        return
    key = session_key(demo_mode())
    token = sessions.start_session(web.engine(), result.actor, _lifetime(), key)
    state.mark_signed_in(result.actor, token)
    username_input.set("")
