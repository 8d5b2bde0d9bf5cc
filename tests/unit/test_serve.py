"""dashboard/web/serve.py's two additions, each in front of a small stand-in for
Streamlit's server (the real server: tests/e2e/test_serving.py)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from dashboard.web.serve import BASE_HINT, FRONTEND_DIR, FrontendAssets, PageBaseHint
from tests.support.threads import in_own_thread

PAGE = b"<!doctype html><html><head><title>x</title></head><body></body></html>"


class StandIn:
    """Answers every request with ``parts`` (the body in pieces) and records the paths."""

    def __init__(self, parts=(PAGE,), content_type=b"text/html; charset=utf-8", status=200):
        self.parts, self.content_type, self.status = parts, content_type, status
        self.paths: list[str] = []

    async def __call__(self, scope, receive, send):
        self.paths.append(scope["path"])
        length = str(sum(len(part) for part in self.parts)).encode()
        headers = [(b"content-type", self.content_type), (b"content-length", length)]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        for number, part in enumerate(self.parts, start=1):
            more = number < len(self.parts)
            await send({"type": "http.response.body", "body": part, "more_body": more})


def test_accepted_connections_send_without_nagles_delay():
    """A listener made as Streamlit makes it (``proto=0``): asyncio turned Nagle's algorithm
    off only for ``proto=IPPROTO_TCP``; with serve.py loaded every accepted connection has
    it off."""

    async def accept_one() -> int:
        listener = socket.socket(socket.AF_INET)  # proto 0, as Streamlit's _bind_socket
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted: asyncio.Future = asyncio.get_running_loop().create_future()

        class Record(asyncio.Protocol):
            def connection_made(self, transport):
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

        server = await asyncio.get_running_loop().create_server(Record, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        nodelay = await asyncio.wait_for(accepted, 10)
        writer.close()
        server.close()
        return nodelay

    assert in_own_thread(asyncio.run, accept_one()) != 0


def request(app, path: str, method: str = "GET", headers=()) -> tuple[int, dict, bytes]:
    scope = {"type": "http", "method": method, "path": path, "headers": list(headers)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    in_own_thread(asyncio.run, app(scope, receive, send))
    start = sent[0]
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_a_page_in_pieces_gets_one_hint_and_its_new_length():
    status, headers, body = request(PageBaseHint(StandIn(parts=(PAGE[:20], PAGE[20:]))), "/postepy")
    assert status == 200
    assert body == PAGE.replace(b"<head>", b"<head>" + BASE_HINT)
    assert int(headers[b"content-length"]) == len(body)


@pytest.mark.parametrize(
    "path", ["/", "/static/js/index.js", "/postepy/_stcore/health", "/a/b", "/favicon.png"]
)
def test_other_addresses_are_left_as_they_are(path):
    assert request(PageBaseHint(StandIn()), path)[2] == PAGE


def test_what_is_not_a_page_stays_untouched_at_a_page_address():
    for stand_in in (StandIn(content_type=b"application/json"), StandIn(status=404)):
        assert request(PageBaseHint(stand_in), "/postepy")[2] == PAGE


def test_the_hint_asks_for_the_page_uncompressed():
    seen = []

    async def app(scope, receive, send):
        seen.append(dict(scope["headers"]))
        await StandIn()(scope, receive, send)

    request(PageBaseHint(app), "/postepy", headers=[(b"accept-encoding", b"gzip")])
    assert b"accept-encoding" not in seen[0]


def test_listed_frontend_files_are_answered_without_streamlit():
    bundle = next((FRONTEND_DIR / "static" / "js").glob("index.*.js"))
    stand_in = StandIn()
    assets = FrontendAssets(stand_in)
    for _ in range(2):  # read once, then from memory
        status, headers, body = request(assets, f"/static/js/{bundle.name}")
        assert status == 200 and body == bundle.read_bytes()
        assert headers[b"content-type"] == b"application/javascript"
    assert stand_in.paths == []
    assert list(assets.loaded) == [f"static/js/{bundle.name}"]


@pytest.mark.parametrize(
    ("path", "method", "headers"),
    [
        ("/static/js/not-a-bundle.js", "GET", ()),
        ("/static/js/../../../config.py", "GET", ()),
        ("/index.html", "GET", ()),
        ("/_stcore/health", "GET", ()),
        ("/static/js/{bundle}", "POST", ()),
        ("/static/js/{bundle}", "GET", [(b"range", b"bytes=0-9")]),
    ],
)
def test_everything_else_goes_to_streamlit(path, method, headers):
    bundle = next((FRONTEND_DIR / "static" / "js").glob("index.*.js")).name
    stand_in = StandIn()
    request(FrontendAssets(stand_in), path.format(bundle=bundle), method, headers)
    assert stand_in.paths == [path.format(bundle=bundle)]


PRELOAD_CHECK = """
import asyncio, sys
from dashboard.web import serve

async def start():
    async with serve.preloaded(serve.app):
        pass

before = set(sys.modules)
asyncio.run(start())
from db.migrate import head_revision
print(" ".join(sorted(set(sys.modules) - before)))
print(head_revision.cache_info().currsize)
"""


def test_the_server_loads_what_the_pages_import_before_it_serves():
    """In a new interpreter, as the server starts: the modules every page imports are
    loaded by the lifespan; those the panel loads only when asked stay unloaded."""
    modules, migrations_read = _run_python(PRELOAD_CHECK).splitlines()
    loaded = set(modules.split())

    wanted = {
        "dashboard.ui.auth",  # the entry script's
        "dashboard.ui.public.results",  # /wyniki's
        "dashboard.queries.progress",  # /postepy's "from dashboard.queries import progress"
        "dashboard.ui.admin.users",  # /admin's
    }
    assert wanted <= loaded
    assert not {"pptx", "fpdf", "vl_convert"} & loaded  # the deck's writers, when asked
    assert migrations_read == "1"  # every run checks the database against the newest


def test_preloading_follows_each_kind_of_import(tmp_path):
    script = tmp_path / "page.py"
    script.write_text(
        "import json\n"
        "import email.mime.text\n"
        "from dashboard.core import formatting\n"
        "from dashboard.core.formatting import format_long_date\n"
        "from . import nothing_relative\n"
        "def later():\n"
        "    import pptx\n",
        encoding="utf-8",
    )
    from dashboard.web.serve import preload_page_imports

    assert preload_page_imports([script]) == [
        "json",
        "email.mime.text",
        "dashboard.core",
        "dashboard.core.formatting",
    ]


def test_a_page_importing_what_does_not_exist_fails_the_preload(tmp_path):
    script = tmp_path / "page.py"
    script.write_text("from dashboard.ui import no_such_section\n", encoding="utf-8")
    from dashboard.web.serve import preload_page_imports

    with pytest.raises(ModuleNotFoundError, match="no_such_section"):
        preload_page_imports([script])


def _run_python(code: str) -> str:
    import subprocess
    import sys

    from dashboard.core.settings import PROJECT_ROOT

    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_no_full_garbage_collection_after_every_script_run():
    """Streamlit's gc.collect(2) after each run took 60 % of the server's time with fifty
    tabs at once; the option must exist in this Streamlit and be off in the project."""
    import tomllib

    from streamlit import config

    from dashboard.core.settings import PROJECT_ROOT

    project = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert "runner.postScriptGC" in config._config_options_template
    assert project["runner"]["postScriptGC"] is False
