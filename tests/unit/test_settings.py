"""Settings are declared once, read from the environment before secrets, and documented."""

from __future__ import annotations

import re

import pytest

from dashboard.core.settings import PROJECT_ROOT, SettingsError, documented_settings, load_settings

README = PROJECT_ROOT / "README.md"


def test_every_setting_is_in_the_readme_configuration_table():
    documented = set(re.findall(r"^\| `([A-Z_]+)` / `[a-z_]+` \|", README.read_text(), re.M))
    declared = {name for name, _, _ in documented_settings()}
    assert declared - documented == set(), "settings missing from README"
    assert documented - declared == set(), "README documents settings that do not exist"


def test_environment_comes_before_secrets(monkeypatch):
    monkeypatch.setenv("SMALL_GROUP_THRESHOLD", "7")
    settings = load_settings({"small_group_threshold": 3, "cookie_expiry_days": "2.5"})
    assert settings.small_group_threshold == 7
    assert settings.cookie_expiry_days == 2.5


def test_a_bad_value_names_the_setting_and_what_was_expected(monkeypatch):
    monkeypatch.setenv("COOKIE_EXPIRY_DAYS", "jeden")
    with pytest.raises(SettingsError) as refused:
        load_settings({})
    assert "COOKIE_EXPIRY_DAYS" in str(refused.value) and "„jeden”" in str(refused.value)
    assert "expected: float" in refused.value.message("en")
