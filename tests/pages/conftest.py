"""Fixtures shared by the page tests."""

from __future__ import annotations

import pytest

from dashboard import web


@pytest.fixture
def fresh_caches():
    """Streamlit's caches emptied before and after the test (no result of another test)."""
    web.clear_caches()
    yield
    web.clear_caches()
