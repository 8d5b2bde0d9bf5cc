"""Settings from the environment first, then ``.streamlit/secrets.toml``.

Nothing here imports Streamlit: the app passes ``st.secrets`` in, the CLI reads
the same secrets file itself.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.engine import DEFAULT_DATABASE_URL

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
# Not beside pages/: a pages/ folder next to the entry script turns on Streamlit's
# legacy pages-directory mode, which would serve pages without the sign-in router.
ENTRY_SCRIPT = PROJECT_ROOT / "dashboard" / "web" / "app.py"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    cookie_key: str | None = None
    cookie_name: str = "panel_strategii_torun"
    cookie_expiry_days: float = 1.0
    small_group_threshold: int = 5


def read_secrets_file(path: Path = SECRETS_FILE) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _pick(name: str, secrets: Mapping[str, Any], default: Any) -> Any:
    value = os.environ.get(name.upper())
    if value not in (None, ""):
        return value
    value = secrets.get(name.lower(), secrets.get(name.upper()))
    return default if value in (None, "") else value


def load_settings(secrets: Mapping[str, Any] | None = None) -> Settings:
    if secrets is None:
        secrets = read_secrets_file()
    return Settings(
        database_url=str(_pick("database_url", secrets, DEFAULT_DATABASE_URL)),
        cookie_key=_pick("cookie_key", secrets, None),
        cookie_name=str(_pick("cookie_name", secrets, Settings.cookie_name)),
        cookie_expiry_days=float(_pick("cookie_expiry_days", secrets, Settings.cookie_expiry_days)),
        small_group_threshold=int(
            _pick("small_group_threshold", secrets, Settings.small_group_threshold)
        ),
    )
