"""The sign-in flow of the entry script.

streamlit-authenticator 0.4.2 keeps its session entries (``authentication_status``,
``username``, ``name``, ``roles``; named in ``dashboard.web.state``) and the signed
remember-me cookie; the password check is ours (``dashboard.auth.sign_in``) because
the lockout must live in the database and hold even against the right password.

Deep links: for a visitor who is not signed in, every staff page's URL path is
registered as a hidden page that shows the sign-in form. The address (and its query
parameters) therefore stays as it was, and the run after signing in registers the
real page under the same path, so ``/propozycje?status=accepted`` opens with its
filters. The requested page is also remembered in the session and opened once the
person is signed in, in case the address was lost on the way (e.g. the default page).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError

from dashboard import web
from dashboard.core.navigation import PageSpec, page_by_url_path, pages_for
from dashboard.core.permissions import Actor
from dashboard.core.privacy import escape_markdown
from dashboard.queries import accounts
from dashboard.services import auth
from dashboard.web import state
from dashboard.web.cache import demo_cookie_key

USERNAME_INPUT = "access.username"
PASSWORD_INPUT = "access.password"
SIGN_IN_URL_PATH = "logowanie"


def demo_mode() -> bool:
    return web.query(accounts.demo_accounts_exist)


def build_authenticator(demo: bool) -> stauth.Authenticate:
    """Once per run, from the users table. Stops the app when no cookie key is set
    outside demo mode."""
    settings = web.settings()
    cookie_key = settings.cookie_key or (demo_cookie_key() if demo else None)
    if not cookie_key:
        st.error(web.tr("access.no_cookie_key"))
        st.stop()
    return stauth.Authenticate(
        web.query(accounts.credentials),
        cookie_name=settings.cookie_name,
        cookie_key=cookie_key,
        cookie_expiry_days=settings.cookie_expiry_days,
        auto_hash=False,
        # 0.4.2 reads the cookie from the request (st.context.cookies): no need to wait.
        login_sleep_time=0,
    )


def current_actor(authenticator: stauth.Authenticate) -> Actor | None:
    """Who is signed in this run (form, session or cookie), kept in the session."""
    if not state.AUTH_STATUS.get():
        try:
            authenticator.login(location="unrendered")
        except LoginError:  # a valid cookie of a disabled or removed account
            authenticator.cookie_controller.delete_cookie()
            state.AUTH_LOGOUT.set(True)
            sign_out(authenticator)
            return None
    username = state.authenticated_username()
    actor = web.query(accounts.actor_for, username) if username else None
    if username and actor is None:
        sign_out(authenticator)
        state.SIGN_IN_MESSAGE.set("access.account_unavailable")
        return None
    if actor is not None and state.SET_COOKIE.pop(False):
        authenticator.cookie_controller.set_cookie()
    state.set_actor(actor)
    return actor


def sign_out(authenticator: stauth.Authenticate) -> None:
    """Forget the person and delete the cookie (its component renders in this run)."""
    if state.AUTH_STATUS.get():
        authenticator.logout(location="unrendered")
    state.forget_sign_in()


def sidebar(authenticator: stauth.Authenticate, actor: Actor | None, demo: bool) -> Actor | None:
    """Who is signed in, the sign-out button and the DEMO badge. Returns the actor
    after a possible sign-out."""
    if demo:
        st.sidebar.badge(web.tr("access.demo_badge"), icon=":material/science:", color="orange")
        st.sidebar.caption(web.tr("access.demo_note"))
    if actor is None:
        return None
    name = escape_markdown(actor.display_name or actor.username)
    st.sidebar.caption(web.tr("access.signed_in_as", name=name))
    st.sidebar.caption(web.tr("access.role", role=web.tr(f"access.role.{actor.role}")))
    if st.sidebar.button(
        web.tr("access.sign_out"), key="access.sign_out", icon=":material/logout:"
    ):
        sign_out(authenticator)
        state.SIGN_IN_MESSAGE.set("access.signed_out")
        return None
    return actor


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
    if message == "access.signed_out":
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
    state.mark_signed_in(result.actor)
    username_input.set("")
