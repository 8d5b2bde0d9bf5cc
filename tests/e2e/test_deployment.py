"""The documented deployment, started on this machine: two panel processes on one
PostgreSQL database behind Debian's nginx (deploy/nginx.conf, ``ip_hash``).

A resident registers and a director signs in through nginx in Chromium; the
registration is then in the database, and the other panel process (reached
directly) sees it too — no state lives in one process.

Skips with a reason when nginx is missing, unless ``REQUIRE_NGINX=1`` (``.ci/run``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import make_engine
from db.migrate import upgrade
from db.models import Signup
from harness.chromium import (
    exception_texts,
    register_on_zapisy,
    settle,
    shows_sign_in_form,
    sign_in,
    skip_unless_required,
)
from harness.databases import temporary_postgres_database
from harness.server import (
    ROOT,
    PanelServer,
    die_with_parent,
    ensure_open_congress,
    free_port,
    stop_process_group,
)

pytestmark = [pytest.mark.deployment, pytest.mark.browser, pytest.mark.postgres]

NGINX = Path(os.environ.get("NGINX_PATH", "/usr/sbin/nginx"))
SITE_CONFIG = ROOT / "deploy" / "nginx.conf"
PRODUCTION_UPSTREAMS = ("127.0.0.1:8501", "127.0.0.1:8502")


def require_nginx_or_skip() -> None:
    if NGINX.exists():
        return
    skip_unless_required(f"nginx not found at {NGINX} (apt-get install nginx)", "REQUIRE_NGINX")


PRODUCTION_ACCESS_LOG = "/var/log/nginx/panel-strategii.access.log"


def site_config_for_test(upstream_ports: list[int], listen_port: int, access_log: Path) -> str:
    """deploy/nginx.conf as shipped, with this test's ports (and access log) in place of
    the production ones."""
    site = SITE_CONFIG.read_text(encoding="utf-8")
    assert PRODUCTION_ACCESS_LOG in site
    site = site.replace(PRODUCTION_ACCESS_LOG, str(access_log))
    for production, port in zip(PRODUCTION_UPSTREAMS, upstream_ports, strict=True):
        assert production in site, f"{production} not in {SITE_CONFIG}"
        site = site.replace(production, f"127.0.0.1:{port}")
    site, listens = re.subn(r"listen\s+80;", f"listen 127.0.0.1:{listen_port};", site)
    assert listens == 1
    assert "ip_hash;" in site and "proxy_read_timeout" in site
    return site


def main_config(prefix: Path, site_path: Path) -> str:
    """A minimal nginx.conf around the site file: everything under a temporary prefix."""
    return f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site_path};
}}
"""


def start_nginx(prefix: Path, upstream_ports: list[int]) -> tuple[subprocess.Popen, int]:
    port = free_port()
    site = prefix / "panel-strategii.conf"
    site.write_text(
        site_config_for_test(upstream_ports, port, prefix / "access.log"), encoding="utf-8"
    )
    config = prefix / "nginx.conf"
    config.write_text(main_config(prefix, site), encoding="utf-8")
    command = [str(NGINX), "-p", str(prefix), "-c", str(config), "-g", "daemon off;"]
    checked = subprocess.run([*command[:-2], "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    wait_for_health(f"http://127.0.0.1:{port}", process)
    return process, port


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode(errors="replace")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer through nginx")


def registered_in_open_edition(engine) -> int:
    from sqlalchemy import func

    from dashboard.queries.registration import open_edition
    from db.models import Event

    edition = open_edition(engine).edition
    with engine.connect() as connection:
        return connection.execute(
            select(func.count())
            .select_from(Signup)
            .join(Event, Event.id == Signup.event_id)
            .where(Event.edition == edition, Signup.status == "registered")
        ).scalar_one()


def registered_metric(page) -> int:
    from dashboard.i18n import t

    metric = page.locator('[data-testid="stMetric"]').filter(
        has_text=t("signup_status.registered", "pl")
    )
    text = metric.first.locator('[data-testid="stMetricValue"]').inner_text()
    return int(re.sub(r"\D", "", text))


def test_two_processes_behind_nginx_serve_sign_in_and_registration(
    tmp_path: Path, playwright_browser
):
    require_nginx_or_skip()
    from db.demo import seed_demo

    with temporary_postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        seed_demo(engine, scale=1, seed=2035)
        ensure_open_congress(engine)
        servers = [PanelServer(url, tmp_path / f"panel-{n}.log") for n in (1, 2)]
        nginx = None
        try:
            for server in servers:
                server.start()
            prefix = tmp_path / "nginx"
            prefix.mkdir()
            nginx, port = start_nginx(prefix, [server.port for server in servers])
            email = f"przez-nginx-{uuid.uuid4().hex[:8]}@example.org"
            with contextlib.nullcontext(playwright_browser) as browser:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                context.set_default_timeout(60_000)
                front = f"http://127.0.0.1:{port}"

                resident = context.new_page()
                register_on_zapisy(resident, front, "Jan Kowalski przez nginx", email)
                assert exception_texts(resident) == []

                director = browser.new_context(viewport={"width": 1280, "height": 800})
                page = director.new_page()
                page.goto(front)
                settle(page)
                sign_in(page, "dyrektor")
                assert exception_texts(page) == []
                assert page.locator('[data-testid="stSidebarNav"] a').count() >= 5

                # Each process, reached directly with the same cookie, shows the same count.
                registered = registered_in_open_edition(engine)
                for server in servers:
                    page.goto(f"{server.url}/kongres")
                    settle(page)
                    assert exception_texts(page) == []
                    assert not shows_sign_in_form(page)
                    assert registered_metric(page) == registered, server.url
                context.close()
                director.close()
            with engine.connect() as connection:
                stored = connection.execute(
                    select(Signup.full_name).where(Signup.email == email)
                ).scalar_one()
            assert stored == "Jan Kowalski przez nginx"
            # A manage link's token travels in the query string: never logged.
            secret = "t0kenThatMustNotBeLogged"
            urllib.request.urlopen(f"http://127.0.0.1:{port}/moj-zapis?t={secret}").read()
            access_log = logged_after_response(prefix / "access.log", "/moj-zapis")
            assert "/_stcore/stream" in access_log and " 101 " in access_log
            assert "/moj-zapis" in access_log and secret not in access_log
        finally:
            stop_process_group(nginx)
            for server in servers:
                server.stop()
            engine.dispose()
    shutil.rmtree(tmp_path / "nginx", ignore_errors=True)


def logged_after_response(log: Path, path: str, timeout: float = 10) -> str:
    """The access log once it holds ``path``: nginx writes a request's line after it has
    sent the response, so a client can read the whole answer before the line is there."""
    deadline = time.monotonic() + timeout
    while path not in (text := log.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return text
