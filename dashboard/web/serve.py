"""What ``streamlit run`` serves: the entry script (``app.py``) as an ``st.App``, with
one addition to Streamlit's own server, ``PageBaseHint``.

A tab opened straight on a page (``/postepy``, a bookmark, a link in an e-mail) does
not know where Streamlit's server starts: its frontend first asks
``/postepy/_stcore/health``, gets a 404, waits 100 ms and asks ``/_stcore/health``.
Every page of the panel lies one step below the panel's base address, so the page's
HTML can say where that is (``window.__streamlit``, the frontend's documented settings
for a host page), and the tab connects at once. Streamlit's maintainers name this the
fix for that first 404 (streamlit/streamlit#11537).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config

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
    base = config.get_option("server.baseUrlPath").strip("/")
    path = scope["path"].strip("/")
    if base:
        if not path.startswith(f"{base}/"):
            return False
        path = path.removeprefix(f"{base}/")
    return bool(path) and "/" not in path and "." not in path


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


app = st.App("app.py", middleware=[Middleware(PageBaseHint)])
