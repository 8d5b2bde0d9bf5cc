"""Settings, declared once: each field of ``Settings`` is one setting with its default and
what it means. Values come from the environment first (``DATABASE_URL``), then from
``.streamlit/secrets.toml`` (``database_url``). A test checks the README documents each one.

Nothing here imports Streamlit: the app passes ``st.secrets`` in, the CLI reads the same
secrets file itself.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from dashboard.core.errors import InvalidInput
from db.engine import DEFAULT_DATABASE_URL

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECRETS_FILE = PROJECT_ROOT / ".streamlit" / "secrets.toml"
# Not beside pages/: a pages/ folder next to the entry script turns on Streamlit's
# legacy pages-directory mode, which would serve pages without the sign-in router.
ENTRY_SCRIPT = PROJECT_ROOT / "dashboard" / "web" / "app.py"
# What `streamlit run` is given: the entry script as an st.App (see dashboard/web/serve.py).
SERVED_SCRIPT = PROJECT_ROOT / "dashboard" / "web" / "serve.py"


def setting(default: Any, meaning: str) -> Any:
    return field(default=default, metadata={"meaning": meaning})


@dataclass(frozen=True)
class Settings:
    database_url: str = setting(
        DEFAULT_DATABASE_URL,
        "SQLAlchemy URL; `postgresql://user:pass@host/db` uses psycopg 3",
    )
    cookie_key: str | None = setting(
        None,
        "secret mixed into the stored hash of every sign-in token (changing it ends every "
        "session); the panel refuses to start without it unless it holds demo data only",
    )
    cookie_name: str = setting("panel_strategii_torun", "name of the sign-in cookie")
    cookie_expiry_days: float = setting(
        1.0, "how long a sign-in lasts (days) unless it is ended earlier (see Security)"
    )
    small_group_threshold: int = setting(
        5, 'groups smaller than this show as "<5" in presentation and public views'
    )
    smtp_host: str | None = setting(
        None, "mail server; without it e-mail waits in the outbox (listed on /admin)"
    )
    smtp_port: int = setting(25, "mail server port (587 with STARTTLS, 465 is not supported)")
    smtp_user: str | None = setting(None, "mail server user name, if it asks for one")
    smtp_password: str | None = setting(None, "mail server password (keep it in secrets)")
    smtp_starttls: bool = setting(False, "`true` to switch the connection to TLS (STARTTLS)")
    mail_from: str = setting(
        "Panel Strategii Toruń <panel-strategii@localhost>", "sender of every e-mail"
    )
    public_base_url: str = setting(
        "http://localhost:8501", "the panel's public address: links in e-mails point here"
    )


class SettingsError(InvalidInput):
    default_key = "settings.invalid"


def read_secrets_file(path: Path = SECRETS_FILE) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _raw_value(name: str, secrets: Mapping[str, Any]) -> Any:
    value = os.environ.get(name.upper())
    if value not in (None, ""):
        return value
    value = secrets.get(name.lower(), secrets.get(name.upper()))
    return None if value in (None, "") else value


def _typed(spec: Field, raw: Any) -> Any:
    kind = str(spec.type).split("|")[0].strip()
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            return _boolean(raw)
    except ValueError:
        raise SettingsError(name=spec.name.upper(), value=raw, expected=kind) from None
    return str(raw)


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "yes", "tak", "on"):
        return True
    if text in ("0", "false", "no", "nie", "off"):
        return False
    raise ValueError(text)


def load_settings(secrets: Mapping[str, Any] | None = None) -> Settings:
    if secrets is None:
        secrets = read_secrets_file()
    given = {}
    for spec in fields(Settings):
        raw = _raw_value(spec.name, secrets)
        if raw is not None:
            given[spec.name] = _typed(spec, raw)
    return Settings(**given)


def documented_settings() -> list[tuple[str, Any, str]]:
    """(NAME, default, meaning) of every setting, for the README and its test."""
    return [
        (spec.name.upper(), spec.default, spec.metadata["meaning"]) for spec in fields(Settings)
    ]
