"""Running ``python -m dashboard`` as a person does, in a child process."""

from __future__ import annotations

import os
import subprocess
import sys

from dashboard.core.settings import PROJECT_ROOT as ROOT


def run_cli(
    *args: str, url: str | None = None, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    env.pop("DATABASE_URL", None)
    prefix = ["--database-url", url] if url else []
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *prefix, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
