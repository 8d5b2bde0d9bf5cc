"""/postepy and /zespol under AppTest on the demo database (demo "today" = 16.03.2026)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dashboard.i18n import t
from dashboard.ui.progress.milestones import EDIT_TABS_KEY
from db.engine import make_engine
from db.models import Milestone, MilestoneEvent
from harness.apptest import ADMIN, DIRECTOR, LEAD, assert_no_exception, chart_specs, page_test
from tests.conftest import DEMO_TODAY

AS_OF = {"na_dzien": DEMO_TODAY.isoformat()}
MARK_DONE = {"pl": "Oznacz jako wykonany", "en": "Mark as done"}
STATUS_TEXTS = {
    "pl": {"✓ na dobrej drodze", "▲ zagrożony", "✕ opóźniony"},
    "en": {"✓ on track", "▲ at risk", "✕ late"},
}


def _buttons(at) -> list[str]:
    return [button.label for button in at.button]


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("actor", [DIRECTOR, LEAD], ids=["director", "lead"])
def test_progress_page_renders_for_directors_and_leads(demo_url: str, actor, lang: str) -> None:
    at = page_test("pages/postepy.py", demo_url, actor=actor, lang=lang, query_params=AS_OF)
    at.run()
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert len(table) == 4
    # The demo's four subteams show all three lights, each as icon + words.
    assert set(table["status"]) == STATUS_TEXTS[lang]
    assert table["completion"].between(0, 100).all()
    metrics = {metric.label: metric.value for metric in at.metric}
    milestones_label = "Kamienie milowe" if lang == "pl" else "Milestones"
    assert metrics[milestones_label] == ("14 z 27" if lang == "pl" else "14 of 27")
    # The demo's upcoming III Congress starts on 20.04.2026, 35 days after 16.03.2026.
    to_label = "Do Kongresu" if lang == "pl" else "To the Congress"
    assert metrics[to_label] == ("35 dni" if lang == "pl" else "35 days")
    titles = [spec.get("title", {}) for spec in chart_specs(at)]
    assert len(titles) == 2  # timeline and pipeline
    can_edit = actor is LEAD
    assert (MARK_DONE[lang] in _buttons(at)) is can_edit


def test_as_of_and_subteam_filters_come_from_the_url(demo_url: str) -> None:
    at = page_test(
        "pages/postepy.py",
        demo_url,
        actor=DIRECTOR,
        query_params={"na_dzien": "2026-03-01", "podzespol": "rady-okregow"},
    )
    at.run()
    assert_no_exception(at)
    assert at.date_input(key="na_dzien").value == date(2026, 3, 1)
    assert at.date_input(key="od").value == date(2026, 2, 15)  # 14 days before as-of
    table = at.dataframe[0].value
    assert list(table["subteam"]) == ["Współdziałanie Prezydenta i Rady Miasta z Radami Okręgów"]
    assert "1 marca 2026" in at.caption[0].value

    at.selectbox(key="progress_podzespol").set_value("").run()
    assert "podzespol" not in at.query_params
    assert len(at.dataframe[0].value) == 4

    at.date_input(key="na_dzien").set_value(date(2026, 3, 10)).run()
    assert at.date_input(key="od").value == date(2026, 2, 24)


def test_since_lists_link_to_the_proposal_detail(demo_url: str) -> None:
    at = page_test("pages/postepy.py", demo_url, actor=DIRECTOR, query_params=AS_OF)
    at.run()
    new_proposals = next(df.value for df in at.dataframe if "created_at" in df.value.columns)
    assert len(new_proposals) > 0
    assert new_proposals["link"].str.fullmatch(r"propozycje\?id=\d+").all()


def test_lead_marks_a_milestone_done_and_a_bad_title_keeps_the_input(demo_copy_url: str) -> None:
    engine = make_engine(demo_copy_url)
    with engine.connect() as connection:
        open_milestone = connection.execute(
            select(Milestone.id)
            .where(Milestone.subteam_id == 1, Milestone.done_on.is_(None))
            .order_by(Milestone.id)
        ).first()[0]
    at = page_test("pages/postepy.py", demo_copy_url, actor=LEAD, query_params=AS_OF)
    at.run()
    # Only the open form runs (the first tab: mark done).
    assert not [box for box in at.selectbox if box.key == "progress_add_subteam"]

    at.selectbox(key="progress_done_milestone").set_value(open_milestone)
    at.date_input(key="progress_done_on").set_value(DEMO_TODAY)
    next(b for b in at.button if b.label == MARK_DONE["pl"]).click().run()
    assert_no_exception(at)
    assert [success.value for success in at.success] == ["Zapisano zmianę."]
    with engine.connect() as connection:
        done_on = connection.execute(
            select(Milestone.done_on).where(Milestone.id == open_milestone)
        ).scalar_one()
        events = connection.execute(
            select(MilestoneEvent.actor, MilestoneEvent.change, MilestoneEvent.new_value).where(
                MilestoneEvent.milestone_id == open_milestone
            )
        ).all()
    assert done_on == DEMO_TODAY
    assert [tuple(event) for event in events] == [("lider", "done", DEMO_TODAY.isoformat())]

    at.session_state[EDIT_TABS_KEY] = t("progress.edit.add_tab")
    at.run()
    # Only the lead's own subteam is offered.
    assert at.selectbox(key="progress_add_subteam").options == ["Toruński model partycypacji"]
    at.text_input(key="progress_add_title").set_value("   ")
    next(b for b in at.button if b.label == "Dodaj kamień milowy").click().run()
    assert [error.value for error in at.error] == ["Podaj nazwę kamienia milowego."]
    assert at.text_input(key="progress_add_title").value == "   "
    engine.dispose()


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("actor", [DIRECTOR, LEAD], ids=["director", "lead"])
def test_team_page_renders_without_emails_for_non_admins(demo_url: str, actor, lang: str) -> None:
    at = page_test("pages/zespol.py", demo_url, actor=actor, lang=lang)
    at.run()
    assert_no_exception(at)
    assert len(chart_specs(at)) == 3
    members = at.dataframe[-1].value
    assert "email" not in members.columns
    assert not members.astype(str).apply(lambda column: column.str.contains("@")).any().any()
    assert len(at.metric) == 3


def test_team_page_shows_emails_to_admins(demo_url: str) -> None:
    at = page_test(
        "pages/zespol.py", demo_url, actor=ADMIN, query_params={"podzespol": "smart-city"}
    )
    at.run()
    assert_no_exception(at)
    members = at.dataframe[-1].value
    assert set(members["subteam"]) == {"Wdrożenie narzędzi Smart City"}
    emails = members["email"][members["email"] != "—"]  # "—": a member without an address
    assert len(emails) > 0
    assert emails.str.contains("@").all()


def test_first_screen_names_the_late_milestones_and_links_each_figure(demo_url: str) -> None:
    from dashboard.queries import figures

    engine = make_engine(demo_url)
    attention = figures.milestones_needing_attention(engine, DEMO_TODAY)
    numbers = figures.proposal_figures(engine, DEMO_TODAY)
    engine.dispose()
    at = page_test("pages/postepy.py", demo_url, actor=DIRECTOR, query_params=AS_OF)
    at.run()
    assert_no_exception(at)
    assert [sub.value for sub in at.subheader][0] == "Wymaga uwagi"
    text = "\n".join(block.value for block in at.markdown)
    for title in attention["title"]:
        assert f"**{title}**" in text
    assert "Opóźniony: **" in text and " po terminie" in text
    # The since summary sits above the figures.
    assert text.index("**Od 02.03.2026:**") < text.index("Opóźniony: **")
    metrics = {metric.label: metric for metric in at.metric}
    for key in ("proposals", "submitted", "under_review", "decided", "included"):
        assert metrics[t(f"figure.{key}")].value == str(numbers[key])
    # Every proposal figure opens /propozycje with its statuses (in AppTest a plain link).
    assert "(propozycje?status=in_review&status=consulted)" in text
    assert "(propozycje?status=submitted)" in text
    subteams = at.dataframe[0].value
    assert subteams["link"].str.fullmatch(r"propozycje\?subteam=[a-z-]+").all()


def test_facets_use_the_figure_words_of_the_progress_page(demo_url: str) -> None:
    from dashboard.queries import figures

    engine = make_engine(demo_url)
    numbers = figures.proposal_figures(engine, DEMO_TODAY)
    engine.dispose()
    at = page_test("pages/propozycje.py", demo_url, actor=DIRECTOR)
    at.run()
    assert_no_exception(at)
    text = "\n".join(block.value for block in at.markdown)
    for key in ("submitted", "under_review", "decided", "included"):
        assert f"- {t(f'figure.{key}')}: **{numbers[key]}**" in text


@pytest.mark.parametrize("page", ["pages/postepy.py", "pages/zespol.py"])
def test_every_table_column_has_a_width_that_fits_the_page(demo_url: str, page: str) -> None:
    """Without widths the grid sizes columns to their longest text and the Podzespoły and
    Zespół tables ran off the right edge at 1440 px (issue 13)."""
    import json

    from dashboard.ui.tables import TABLE_BUDGET_PX

    at = page_test(page, demo_url, actor=ADMIN, query_params=AS_OF)
    at.run()
    assert_no_exception(at)
    assert len(at.dataframe) > 0
    for table in at.dataframe:
        columns = json.loads(table.proto.columns)
        shown = [str(name) for name in table.value.columns]
        widths = [columns[name]["width"] for name in shown]
        assert all(isinstance(width, int) for width in widths), columns
        assert sum(widths) <= TABLE_BUDGET_PX, columns


def test_counts_in_the_thousands_are_written_with_a_thin_space(demo_copy_url: str) -> None:
    """A city has tens of thousands of proposals: "12 345", not "12345" (cards, facets)."""
    import sqlite3

    columns = "subteam_id, title, description, source, district_id, created_at, updated_at, version"
    path = demo_copy_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:  # another tool's write: plain SQL
        while connection.execute("SELECT count(*) FROM proposals").fetchone()[0] < 1500:
            connection.execute(
                f"INSERT INTO proposals (status, {columns}) "  # noqa: S608
                f"SELECT 'submitted', {columns} FROM proposals"
            )
        total, submitted = connection.execute(
            "SELECT count(*), sum(status = 'submitted') FROM proposals"
        ).fetchone()
    written = f"{total:,}".replace(",", "\u00a0")
    progress = page_test("pages/postepy.py", demo_copy_url, actor=DIRECTOR, query_params=AS_OF)
    progress.run()
    assert_no_exception(progress)
    cards = {metric.label: metric.value for metric in progress.metric}
    assert cards["Wszystkie propozycje"] == written
    proposals = page_test("pages/propozycje.py", demo_copy_url, actor=DIRECTOR).run()
    assert_no_exception(proposals)
    facets = "\n".join(block.value for block in proposals.markdown)
    assert f"**{submitted:,}**".replace(",", "\u00a0") in facets  # the status facet
