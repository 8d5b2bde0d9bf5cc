"""What a cached query result depends on: the versions of the tables it declares, or of all."""

from __future__ import annotations

import pytest

from dashboard.queries.common import declared_tables, reads
from dashboard.web import cache


@pytest.fixture
def versions(monkeypatch) -> dict[str, int]:
    current = {"proposals": 3, "signups": 7, "events": 1}
    monkeypatch.setattr(cache, "engine", lambda: None)
    monkeypatch.setattr(cache, "table_versions", lambda _engine: dict(current))
    return current


@reads("proposals")
def declared(engine):
    return engine


def undeclared(engine):
    return engine


def test_a_declared_query_follows_only_its_tables(versions):
    before = cache.version_key(declared_tables(declared))
    versions["signups"] += 1
    assert cache.version_key(declared_tables(declared)) == before
    versions["proposals"] += 1
    assert cache.version_key(declared_tables(declared)) != before


def test_an_undeclared_query_follows_every_table(versions):
    assert declared_tables(undeclared) is None
    before = cache.version_key(declared_tables(undeclared))
    versions["events"] += 1
    assert cache.version_key(declared_tables(undeclared)) != before


def test_a_table_without_a_counter_yet_still_gets_a_key(versions):
    assert cache.version_key(frozenset({"tables_added_later"})) == (-1,)
