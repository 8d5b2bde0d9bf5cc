"""Every file the panel hands out goes through one of our export paths.

Streamlit's own table export is off (``client.disableDataExport``), so a download
button is the only way out. This test lists every ``download_button`` in the code and
checks that each one is a known path: spreadsheets through ``dashboard/exports``
(formula-neutralised always, audited when personal), the database backup through the
audited backup service, chart images and the meeting deck (no table cells, no personal
data). A new download button fails here until it is given one of these paths.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from harness.apptest import ROOT

# file → (the function its button's data must come from, why that path is safe)
DOWNLOAD_PATHS = {
    "dashboard/ui/admin/congress.py": (
        "export_signups",
        "exports.signups: admins only, neutralised, audited",
    ),
    "dashboard/ui/proposals/export.py": (
        "build_export",
        "exports.proposals: neutralised, audited when it holds authors' e-mails",
    ),
    "dashboard/ui/admin/backup.py": ("backup_sqlite", "services.backup: admins only, audited"),
    "dashboard/ui/presentation.py": ("deck_bytes", "deck: charts only, no personal data"),
    "dashboard/ui/charts.py": ("vegalite_to_png", "a chart image, no table cells"),
    "dashboard/ui/public/results.py": (
        "render",
        "exports.public: public columns only, neutralised, no personal data",
    ),
    "dashboard/ui/my_signup.py": ("ics", "the resident's own event as a calendar entry"),
}


def download_calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "download_button"
    ]


def called_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


def code_files() -> list[Path]:
    return sorted([*(ROOT / "dashboard").rglob("*.py"), *(ROOT / "pages").glob("*.py")])


def test_every_download_button_takes_a_known_export_path():
    found = {
        str(path.relative_to(ROOT)): len(download_calls(path))
        for path in code_files()
        if download_calls(path)
    }
    unknown = sorted(set(found) - set(DOWNLOAD_PATHS))
    assert not unknown, f"download buttons outside a known export path: {unknown}"
    assert set(found) == set(DOWNLOAD_PATHS), "a listed download path has no button any more"
    for relative, (source, _why) in DOWNLOAD_PATHS.items():
        assert source in called_names(ROOT / relative), f"{relative} no longer calls {source}"


def test_public_open_data_is_neutralised():
    assert "neutralise_frame" in called_names(ROOT / "dashboard/exports/public.py")


def test_spreadsheet_exports_neutralise_and_audit():
    for relative in ("dashboard/exports/signups.py", "dashboard/exports/proposals.py"):
        names = called_names(ROOT / relative)
        assert "neutralise_frame" in names, relative
        assert "record_now" in names, relative


def test_streamlit_table_export_is_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_the_config_option_exists_in_this_streamlit():
    from streamlit import config

    assert "client.disableDataExport" in config._config_options_template
