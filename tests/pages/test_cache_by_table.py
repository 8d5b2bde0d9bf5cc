"""Caches follow the versions of the tables each query reads, whoever writes.

- every query a page runs declares (at least) the tables its SQL touches;
- a sign-up or a check-in leaves /propozycje's cache warm (no data query on the next run),
  and a proposal change leaves /kongres's warm;
- a proposal inserted with plain ``sqlite3`` or ``psql`` shows on the page's next run.
"""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import date

import pytest
from sqlalchemy import select, update

from dashboard import web
from dashboard.core.navigation import PAGES
from dashboard.queries.progress import subteam_options
from dashboard.web import cache
from db.change_tracking import VERSIONS_TABLE
from db.demo import seed_demo
from db.engine import make_engine, write_session
from db.migrate import upgrade
from db.models import Proposal, Signup
from harness.apptest import ADMIN, assert_no_exception, markdown_text, page_test
from harness.databases import temporary_postgres_database
from tests.support.sql_watch import watch_sql

PROPOSALS = "pages/propozycje.py"
CONGRESS = "pages/kongres.py"
MARKER = "Zielony dach nad przystankiem Bema (test pamięci podręcznej)"


pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_every_page_query_declares_the_tables_it_reads(demo_url, monkeypatch):
    with watch_sql(monkeypatch) as watch:
        for spec in PAGES:  # the public pages too: /wyniki is linked from the city's website
            assert_no_exception(page_test(spec.script, demo_url, actor=ADMIN, timeout=60).run())
    assert watch.by_query, "no query went through web.query"
    undeclared_reads = {
        name: sorted(tables - watch.declared[name])
        for name, tables in watch.by_query.items()
        if watch.declared[name] is not None and not tables <= watch.declared[name]
    }
    assert undeclared_reads == {}
    declared = [name for name, tables in watch.declared.items() if tables is not None]
    assert len(declared) >= 10  # the hot pages' queries are declared, not left to "all"


def _add_signup(url: str) -> None:
    engine = make_engine(url)
    with write_session(engine) as session:
        signup = session.scalars(select(Signup).limit(1)).one()
        session.add(
            Signup(
                event_id=signup.event_id,
                full_name="Nowa Osoba",
                email="nowa.osoba@example.org",
                district_id=signup.district_id,
                age_group="25-34",
                category="resident",
                status="registered",
                created_at=signup.created_at,
                consent_at=signup.consent_at,
                attended=False,
            )
        )
        session.execute(update(Signup).where(Signup.id == signup.id).values(attended=True))
    engine.dispose()


def test_a_signup_and_a_check_in_leave_the_proposals_page_warm(demo_copy_url, monkeypatch):
    at = page_test(PROPOSALS, demo_copy_url, actor=ADMIN).run()
    assert_no_exception(at)
    _add_signup(demo_copy_url)
    with watch_sql(monkeypatch) as watch:
        at.run()
    assert_no_exception(at)
    assert watch.data_statements() == []


def test_a_proposal_change_leaves_the_congress_page_warm(demo_copy_url, monkeypatch):
    at = page_test(CONGRESS, demo_copy_url, actor=ADMIN, timeout=60).run()
    assert_no_exception(at)
    engine = make_engine(demo_copy_url)
    with write_session(engine) as session:
        session.execute(update(Proposal).where(Proposal.id == 1).values(title="Nowy tytuł"))
    engine.dispose()
    with watch_sql(monkeypatch) as watch:
        at.run()
    assert_no_exception(at)
    assert watch.data_statements() == []


def test_a_signup_is_seen_by_the_congress_page(demo_copy_url, monkeypatch):
    page_test(CONGRESS, demo_copy_url, actor=ADMIN, timeout=60).run()
    _add_signup(demo_copy_url)
    with watch_sql(monkeypatch) as watch:
        assert_no_exception(page_test(CONGRESS, demo_copy_url, actor=ADMIN, timeout=60).run())
    assert any("signups" in statement for statement in watch.data_statements())


INSERT = (
    "INSERT INTO proposals (subteam_id, title, description, status, source, strategic_area, "
    "created_at, updated_at, version) SELECT subteam_id, '{title}', '', 'submitted', source, "
    "strategic_area, created_at, updated_at, 1 FROM proposals WHERE id = 1"
)


def _count_shown(at) -> str:
    return next(line for line in markdown_text(at).splitlines() if "Znaleziono" in line)


def test_a_proposal_written_with_plain_sqlite3_shows_on_the_next_run(demo_copy_url):
    at = page_test(PROPOSALS, demo_copy_url, actor=ADMIN).run()
    before = _count_shown(at)
    connection = sqlite3.connect(demo_copy_url.removeprefix("sqlite:///"))
    with connection:
        connection.execute(INSERT.format(title=MARKER))
    connection.close()
    at.run()  # same tab
    assert _count_shown(at) != before
    fresh = page_test(
        PROPOSALS, demo_copy_url, actor=ADMIN, query_params={"q": "przystankiem Bema"}
    )
    assert MARKER in fresh.run().dataframe[0].value["title"].tolist()  # a new tab


def test_a_proposal_written_with_psql_shows_on_the_next_run():
    with temporary_postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        seed_demo(engine, scale=1, seed=7, today=date(2026, 3, 16))
        engine.dispose()
        at = page_test(PROPOSALS, url, actor=ADMIN).run()
        assert_no_exception(at)
        before = _count_shown(at)
        plain_url = url.replace("postgresql+psycopg://", "postgresql://")
        subprocess.run(
            ["psql", plain_url, "-v", "ON_ERROR_STOP=1", "-c", INSERT.format(title=MARKER)],
            check=True,
            capture_output=True,
        )
        at.run()
        assert _count_shown(at) != before


def test_a_run_reads_the_table_versions_once_and_the_next_run_again(demo_copy_url, monkeypatch):
    at = page_test("pages/postepy.py", demo_copy_url, actor=ADMIN).run()
    assert_no_exception(at)
    calls = []

    def counted_query(fn, *args, **kwargs):
        calls.append(fn)
        return cache.query(fn, *args, **kwargs)

    monkeypatch.setattr(web, "query", counted_query)
    with watch_sql(monkeypatch) as watch:
        at.run()
        at.run()
    assert_no_exception(at)
    assert len(calls) >= 16  # eight or more cached queries a run
    version_reads = [s for s in watch.statements if VERSIONS_TABLE in s]
    assert len(version_reads) == 2  # one per run, however many cached queries it makes
    assert watch.data_statements() == []


def test_a_cached_result_changed_by_its_caller_stays_as_read(demo_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    first = web.query(subteam_options)
    first["name"] = "zmienione"  # a page adding or overwriting a column
    again = web.query(subteam_options)
    assert "zmienione" not in set(again["name"])
    assert again is not first
