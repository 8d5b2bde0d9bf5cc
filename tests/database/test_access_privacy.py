"""Safe output and the audit log: formula cells, Markdown escaping, small groups, audit entries."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core.privacy import (
    escape_markdown,
    neutralise_cell,
    neutralise_frame,
    suppress_small_groups,
)
from dashboard.queries.audit import recent_entries
from dashboard.services import audit
from db.engine import write_session
from harness.apptest import ADMIN

HTML_TITLE = '<script>alert("x")</script><b>Park</b>'


@pytest.mark.parametrize(
    "formula",
    ['=HYPERLINK("http://zly.example")', "+48 600", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_cells_are_neutralised(formula):
    assert neutralise_cell(formula) == "'" + formula


def test_a_proposals_export_frame_is_neutralised_and_keeps_html_as_text():
    frame = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "tytuł": ["=1+1", HTML_TITLE, "Zwykły tytuł — ławki"],
            "opis": ["@cmd", "-10 drzew", None],
            "liczba": [-5, 0, 7],
        }
    )
    safe = neutralise_frame(frame)
    assert safe["tytuł"].tolist() == ["'=1+1", HTML_TITLE, "Zwykły tytuł — ławki"]
    assert safe["opis"].iloc[:2].tolist() == ["'@cmd", "'-10 drzew"]
    assert pd.isna(safe["opis"].iloc[2])
    assert safe["liczba"].tolist() == [-5, 0, 7], "numbers are not text and stay numbers"
    assert frame["tytuł"].iloc[0] == "=1+1", "the original frame is not changed"


def test_markdown_escaping_shows_markup_literally():
    escaped = escape_markdown(HTML_TITLE + " :red[alarm] $x$ **b** [link](http://x)")
    for raw in ("<script>", "<b>", ":red[", "$x$", "**b**", "[link]("):
        assert raw not in escaped
    assert escaped.replace("\\", "") == HTML_TITLE.replace("\\", "") + (
        " :red[alarm] $x$ **b** [link](http://x)"
    )
    assert escape_markdown("Łukasz Żółć") == "Łukasz Żółć"


def test_small_groups_show_as_less_than_threshold():
    frame = pd.DataFrame({"okręg": ["I", "II", "III"], "liczba": [0, 3, 12]})
    assert suppress_small_groups(frame, ["liczba"])["liczba"].tolist() == ["0", "<5", "12"]
    assert suppress_small_groups(frame, ["liczba"], threshold=13)["liczba"].tolist() == [
        "0",
        "<13",
        "<13",
    ]


def test_audit_log_is_written_and_read_newest_first(engine):
    with write_session(engine) as session:
        audit.record(session, "admin", "signups.export", "edycja 2025, CSV", 412)
    audit.record_now(engine, "lider", "proposals.export", HTML_TITLE, 37)
    entries = recent_entries(engine, ADMIN)
    assert entries["actor"].tolist() == ["lider", "admin"]
    assert entries["action"].tolist() == ["proposals.export", "signups.export"]
    assert entries["row_count"].tolist() == [37, 412]
    assert entries["detail"].iloc[0] == HTML_TITLE
    assert entries["at"].notna().all()


def test_an_entry_is_not_kept_when_its_transaction_fails(engine):
    with pytest.raises(RuntimeError), write_session(engine) as session:
        audit.record(session, "admin", "signups.export", "", 5)
        raise RuntimeError("the export failed")
    assert recent_entries(engine, ADMIN).empty
