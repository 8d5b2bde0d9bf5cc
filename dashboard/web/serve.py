"""What ``streamlit run`` serves: the entry script (``app.py``) as an ``st.App``, with
two additions in front of Streamlit's own server, both for a fresh tab's wait:
``PageBaseHint`` (below) and ``FrontendAssets`` (Streamlit's frontend files from memory);
and, before it serves, the modules the pages import (``preload_page_imports``); and
replies without Nagle's delay (``send_small_replies_at_once``).

A tab opened straight on a page (``/postepy``, a bookmark, a link in an e-mail) does
not know where Streamlit's server starts: its frontend first asks
``/postepy/_stcore/health``, gets a 404, waits 100 ms and asks ``/_stcore/health``.
Every page of the panel lies one step below the panel's base address, so the page's
HTML can say where that is (``window.__streamlit``, the frontend's documented settings
for a host page), and the tab connects at once. Streamlit's maintainers name this the
fix for that first 404 (streamlit/streamlit#11537).
"""

from __future__ import annotations

import ast
import asyncio.base_events
import contextlib
import gc
import importlib
import logging
import socket
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from types import ModuleType

import streamlit as st
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config

from dashboard.core.navigation import PAGES
from dashboard.core.settings import ENTRY_SCRIPT
from db.migrate import head_revision

log = logging.getLogger(__name__)

# Run before Streamlit's own code: the base is this address's parent, computed by the
# browser, so it holds behind a proxy that serves the panel under a prefix too.
BASE_HINT = (
    b"<script>(() => { const base = new URL('.', location.href).href;"
    b" window.__streamlit = Object.assign({}, window.__streamlit,"
    b" {BACKEND_BASE_URL: base, MAIN_PAGE_BASE_URL: base}); })();</script>"
)


class PageBaseHint:
    """Adds ``BASE_HINT`` to the HTML Streamlit answers for a page's address (one path
    segment, no file extension). Everything else passes through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not is_page_request(scope):
            await self.app(scope, receive, send)
            return
        # The page's HTML is ~1.5 KB: asked for uncompressed, so it can be edited.
        headers = [(name, value) for name, value in scope["headers"] if name != b"accept-encoding"]
        await self.app({**scope, "headers": headers}, receive, _HintedSend(send))


def is_page_request(scope: Scope) -> bool:
    """A GET of ``/<base>/<page>``: one segment below the base (``server.baseUrlPath``)."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    path = path_below_base(scope)
    return bool(path) and "/" not in path and "." not in path


def path_below_base(scope: Scope) -> str | None:
    """The request's path after the base (``server.baseUrlPath``), without slashes at its
    ends; ``None`` when it lies outside the base."""
    base = config.get_option("server.baseUrlPath").strip("/")
    path = scope["path"].strip("/")
    if not base:
        return path
    return path.removeprefix(f"{base}/") if path.startswith(f"{base}/") else None


class _HintedSend:
    """Holds the response until its last body part, then sends it with the hint added
    when it is an HTML page (its length updated)."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.start: Message | None = None
        self.body = b""

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if message.get("more_body", False):
            return
        start, body = self.start, self.body
        if start["status"] == 200 and _is_html(start) and b"<head>" in body:
            body = body.replace(b"<head>", b"<head>" + BASE_HINT, 1)
            start = {**start, "headers": _with_length(start["headers"], len(body))}
        await self.send(start)
        await self.send({"type": "http.response.body", "body": body, "more_body": False})


def _is_html(start: Message) -> bool:
    return any(
        name == b"content-type" and value.startswith(b"text/html")
        for name, value in start["headers"]
    )


def _with_length(headers: list[tuple[bytes, bytes]], length: int) -> list[tuple[bytes, bytes]]:
    kept = [(name, value) for name, value in headers if name not in (b"content-length", b"etag")]
    return [*kept, (b"content-length", str(length).encode())]


FRONTEND_DIR = Path(st.__file__).parent / "static"
IMMUTABLE = b"public, immutable, max-age=31536000"  # as Streamlit's own static files
# The kinds of file in Streamlit's static folder, typed as Streamlit's handler types them.
CONTENT_TYPES = {
    ".js": b"application/javascript",
    ".css": b"text/css; charset=utf-8",
    ".woff2": b"font/woff2",
    ".png": b"image/png",
    ".svg": b"image/svg+xml",
    ".gif": b"image/gif",
}


class FrontendAssets:
    """Streamlit's own frontend files (``/static/...``, names carrying their content's hash)
    answered from memory: a fresh tab asks for 75-140 of them, and each one through
    Streamlit's file handler cost the server ~1 ms of CPU that the browser, on the same
    cores, was waiting for. Only files listed in Streamlit's static folder at start are
    served here (the listing is the allow-list); anything else passes through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.listed = {
            path.relative_to(FRONTEND_DIR).as_posix(): path
            for path in (FRONTEND_DIR / "static").rglob("*")
            if path.is_file() and path.suffix in CONTENT_TYPES
        }
        self.loaded: dict[str, tuple[bytes, bytes]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = self._asset_name(scope)
        if name is None:
            await self.app(scope, receive, send)
            return
        body, content_type = self._load(name)
        headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", IMMUTABLE),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send(
            {"type": "http.response.body", "body": body if scope["method"] == "GET" else b""}
        )

    def _asset_name(self, scope: Scope) -> str | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        if any(name == b"range" for name, _ in scope["headers"]):
            return None
        name = path_below_base(scope)
        return name if name in self.listed else None

    def _load(self, name: str) -> tuple[bytes, bytes]:
        if name not in self.loaded:
            path = self.listed[name]
            self.loaded[name] = (path.read_bytes(), CONTENT_TYPES[path.suffix])
        return self.loaded[name]


def preload_page_imports(scripts: Iterable[Path]) -> list[str]:
    """Import every module the scripts import at their top level; returns their names.

    A page script runs anew in every session, but what it imports stays loaded in the
    process: loaded here before the server answers, so the first visitors after a start
    do not each wait for it (~1 s of imports; fifty anonymous /zapisy tabs opened at
    once on a new server waited 2.6 s, of which the imports were most). Modules the
    panel loads only when asked (the deck's writers, vl-convert) stay unloaded.
    """
    loaded: dict[str, None] = {}
    for script in scripts:
        for statement in ast.parse(script.read_text(encoding="utf-8")).body:
            for module in _imported_modules(statement):
                loaded[module.__name__] = None
    return list(loaded)


def _imported_modules(statement: ast.stmt) -> Iterator[ModuleType]:
    """The modules one top-level statement imports ("from package import module" too)."""
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            yield importlib.import_module(alias.name)
    elif isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
        module = importlib.import_module(statement.module)
        yield module
        for alias in statement.names:
            member = getattr(module, alias.name, None)
            if member is None:
                member = importlib.import_module(f"{statement.module}.{alias.name}")
            if isinstance(member, ModuleType):
                yield member


@contextlib.asynccontextmanager
async def preloaded(_app: st.App) -> AsyncIterator[None]:
    try:
        preload_page_imports([ENTRY_SCRIPT, *(Path(spec.path) for spec in PAGES)])
        head_revision()  # every run checks the database against it: parsed before the first
    except Exception:  # the page that imports it shows the error, as without the preload
        log.exception("preloading the pages' modules failed")
    # As dashboard.web does when imported: what is loaded now lives as long as the process.
    gc.collect()
    gc.freeze()
    yield


def send_small_replies_at_once() -> None:
    """Turn Nagle's algorithm off on every TCP connection the server accepts.

    asyncio turns it off only for sockets made with ``proto=IPPROTO_TCP``; Streamlit's
    listening socket is made with ``proto=0``, so the connections it accepts kept it on. A
    reply written in two parts (headers, then a small body; a websocket frame after
    another) then waited for the browser's delayed acknowledgement: ~44 ms for each small
    file on a reused connection, and most of a fresh tab's 97-146 files are a few KB.
    """
    if not hasattr(asyncio.base_events, "_set_nodelay"):
        log.warning("asyncio has no _set_nodelay: small replies may wait for Nagle's delay")
        return
    asyncio.base_events._set_nodelay = _set_nodelay_on_tcp


def _set_nodelay_on_tcp(sock: socket.socket) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


send_small_replies_at_once()
app = st.App(
    "app.py",
    lifespan=preloaded,
    middleware=[Middleware(FrontendAssets), Middleware(PageBaseHint)],
)
