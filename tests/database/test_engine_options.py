"""The panel's PostgreSQL connections plan for data on SSD or in memory
(``db.engine.POSTGRES_OPTIONS``), unless the database URL brings its own options."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import make_engine
from harness.databases import postgres_admin_url, require_postgres_or_skip


def _setting(url: str, name: str, **options) -> str:
    engine = make_engine(url, **options)
    try:
        with engine.connect() as connection:
            return connection.execute(text(f"SHOW {name}")).scalar_one()
    finally:
        engine.dispose()


def test_panel_connections_use_the_random_page_cost_for_fast_storage():
    require_postgres_or_skip()
    assert _setting(postgres_admin_url(), "random_page_cost") == "1.1"


def test_a_caller_s_connect_arguments_are_kept_beside_it():
    require_postgres_or_skip()
    url = postgres_admin_url()
    assert _setting(url, "application_name", connect_args={"application_name": "panel-test"}) == (
        "panel-test"
    )
    assert _setting(url, "random_page_cost", connect_args={"application_name": "x"}) == "1.1"


def test_options_in_the_database_url_win():
    require_postgres_or_skip()
    separator = "&" if "?" in postgres_admin_url() else "?"
    url = f"{postgres_admin_url()}{separator}options=-c%20random_page_cost%3D2"
    assert _setting(url, "random_page_cost") == "2"
