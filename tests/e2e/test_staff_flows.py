"""Issue 13 in real Chromium at 1440×900: a director reads the late milestones on the first
screen of /postepy and reaches the proposals behind a card in one click; a lead assigns,
answers and decides from "Moja kolejka"."""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from dashboard.i18n import t
from dashboard.queries import figures
from db.engine import make_engine, now
from db.models import Proposal, ProposalEvent
from harness.chromium import choose, exception_texts, settle

DESKTOP = {"width": 1440, "height": 900}


def tr(key: str, **values) -> str:
    return t(key, "pl", **values)


def test_director_reads_late_milestones_first_and_opens_a_cards_proposals(
    page_as, e2e_database_url
):
    engine = make_engine(e2e_database_url)
    late = figures.milestones_needing_attention(engine, now().date())
    numbers = figures.proposal_figures(engine, now().date())
    engine.dispose()
    assert not late.empty, "the demo data has late or at-risk milestones today"

    page = page_as("dyrektor", viewport=DESKTOP)
    page.goto(page.url.split("?")[0].rstrip("/") + "/postepy")
    settle(page)
    assert exception_texts(page) == []
    expect(page.get_by_role("heading", name=tr("attention.title"))).to_be_visible()
    for title in late["title"].head(8):
        line = page.get_by_text(title, exact=True).first
        expect(line).to_be_in_viewport()  # on the first screen, without scrolling
        assert line.bounding_box()["y"] + 20 < DESKTOP["height"]
    # The "since" summary is on the first screen too.
    since = page.locator('[data-testid="stMarkdownContainer"] p').filter(
        has_text=tr("progress.since.details")
    )
    expect(since.first).to_be_in_viewport()

    # One click on the link under "W toku oceny" opens exactly those proposals.
    card = (
        page.locator('[data-testid="stColumn"]')
        .filter(has=page.get_by_text(tr("figure.under_review"), exact=True))
        .last
    )
    card.get_by_role("link", name=tr("progress.show")).click()
    settle(page)
    assert "/propozycje" in page.url
    assert "status=in_review" in page.url and "status=consulted" in page.url, page.url
    count = f"{numbers['under_review']} propozyc"
    expect(page.get_by_text(count).first).to_be_visible()
    assert exception_texts(page) == []


def test_postepy_cards_show_whole_labels_on_a_projector(page_as):
    page = page_as("dyrektor", viewport={"width": 1280, "height": 720})
    page.goto(page.url.split("?")[0].rstrip("/") + "/postepy")
    settle(page)
    labels = page.locator('[data-testid="stMetricLabel"] p')
    last_card = tr(f"figure.{figures.PROPOSAL_FIGURES[-1]}")
    expect(labels.filter(has_text=last_card).first).to_be_visible()
    assert labels.count() >= 4 + len(figures.PROPOSAL_FIGURES)
    cut = labels.evaluate_all(
        "ps => ps.filter(p => p.scrollWidth > p.clientWidth + 1"
        " || p.closest('.stMarkdownEllipsis')?.scrollWidth"
        " > p.closest('.stMarkdownEllipsis')?.clientWidth + 1).map(p => p.textContent)"
    )
    assert cut == [], f"card labels cut short at 1280 px: {cut}"


def test_queue_table_fits_beside_the_detail_on_a_projector(page_as):
    page = page_as("admin", viewport={"width": 1280, "height": 720})  # all subteams
    page.goto(page.url.split("?")[0].rstrip("/") + "/kolejka")
    settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible()
    overflow = grid.evaluate(
        "g => { const s = g.querySelector('.dvn-scroller'); return s.scrollWidth - s.clientWidth; }"
    )
    assert overflow <= 1, f"the queue is cut on the right by {overflow} px"


def _queue_row_click(page, row: int = 0) -> None:
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17 + 35 * row)
    settle(page)


def _button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def test_lead_assigns_answers_and_decides_from_the_queue(page_as, e2e_database_url):
    page = page_as("lider", viewport=DESKTOP)  # a lead lands on the queue
    expect(page.get_by_role("heading", name=tr("queue.title"))).to_be_visible()
    _queue_row_click(page)
    detail = (
        page.locator('[data-testid="stColumn"]')
        .filter(has=page.get_by_text(tr("queue.assign.title"), exact=True))
        .last
    )
    heading = detail.get_by_text("Propozycja nr ").first
    expect(heading).to_be_visible()
    proposal_id = int(heading.inner_text().split("nr ")[1].split(":")[0])

    # Assign: the lead themselves, a response due date in two weeks.
    choose(page, detail, tr("queue.col.assignee"), "Liderka")
    due = now().date() + timedelta(days=14)
    # The date field is one spin button per part: type the digits, they move along.
    day = detail.get_by_role("spinbutton", name=f"day, {tr('queue.col.due')}")
    day.click()
    page.keyboard.type(due.strftime("%d%m%Y"))
    page.keyboard.press("Tab")
    settle(page)
    _button(detail, tr("queue.assign.save")).click()
    settle(page)
    saved = tr("queue.assign.saved", count="1 propozycja")
    message = page.get_by_text(saved)
    expect(message).to_be_visible()
    # The message sits right under its button, not at the top of the page.
    button_box = _button(page, tr("queue.assign.save")).bounding_box()
    assert 0 < message.bounding_box()["y"] - button_box["y"] < 150
    # The change cleared the selection: no row is ticked any more.
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()

    # Answer the author.
    answer = "Dziękujemy — rozpatrzymy propozycję na kwietniowym posiedzeniu."
    answer_box = page.get_by_role("textbox", name=tr("queue.answer.label"))
    answer_box.fill(answer)
    answer_box.press("Tab")
    settle(page)
    _button(page, tr("queue.answer.save")).click()
    settle(page)
    expect(page.get_by_text(tr("queue.answer.saved", id=proposal_id))).to_be_visible()

    # Decide: accepted (in review or consulted → accepted needs no note).
    decide = (
        page.locator(
            '[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stVerticalBlock"]'
        )
        .filter(has=page.get_by_text(tr("queue.decide.title"), exact=True))
        .last
    )
    choose(page, decide, tr("proposals.review.new_status"), tr("status.accepted"))
    settle(page)
    _button(page, tr("queue.decide.save")).click()
    settle(page)
    changed = tr("proposals.review.changed", id=proposal_id, status=tr("status.accepted"))
    expect(page.get_by_text(changed)).to_be_visible()
    assert exception_texts(page) == []

    engine = make_engine(e2e_database_url)
    with engine.connect() as connection:
        stored = connection.execute(
            select(Proposal.status, Proposal.response_due, Proposal.public_answer).where(
                Proposal.id == proposal_id
            )
        ).one()
        trail = connection.execute(
            select(ProposalEvent.actor, ProposalEvent.to_status).where(
                ProposalEvent.proposal_id == proposal_id
            )
        ).all()
    engine.dispose()
    assert stored == ("accepted", due, answer)
    assert ("lider", "accepted") in trail
    assert sum(1 for actor, to in trail if actor == "lider" and to is None) == 2


def test_kongres_tab_opens_its_section_and_the_url_keeps_it(page_as):
    from dashboard.ui.congress import SECTIONS
    from dashboard.ui.sections import SECTION_PARAM

    page = page_as("dyrektor", viewport=DESKTOP)
    page.goto(page.url.split("?")[0].rstrip("/") + "/kongres")
    settle(page)
    page.get_by_role("tab", name=tr(SECTIONS[1])).click()
    settle(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    assert f"{SECTION_PARAM}=" in page.url, page.url
    expect(page.get_by_role("tab", name=tr(SECTIONS[1]))).to_have_attribute("aria-selected", "true")
    page.reload()
    settle(page)
    expect(page.get_by_role("tab", name=tr(SECTIONS[1]))).to_have_attribute("aria-selected", "true")
    assert exception_texts(page) == []


def test_postepy_builds_a_folded_table_and_a_since_list_when_opened(page_as):
    """Only what is open runs: the pipeline's numbers appear when their fold is opened, a
    "since" list when its tab is chosen."""
    page = page_as("dyrektor", viewport=DESKTOP)
    settle(page)
    fold = page.locator('[data-testid="stExpander"]').filter(has_text=tr("progress.pipeline.table"))
    expect(fold).to_have_count(1)
    expect(fold.locator('[data-testid="stDataFrame"]')).to_have_count(0)
    fold.get_by_text(tr("progress.pipeline.table")).click()
    settle(page)
    expect(fold.locator('[data-testid="stDataFrame"]')).to_be_visible()
    changes = page.get_by_role("tab", name=tr("progress.since.changes"), exact=False)
    changes.click()
    settle(page)
    expect(changes).to_have_attribute("aria-selected", "true")
    expect(
        page.get_by_role("tabpanel").locator('[data-testid="stDataFrame"]').first
    ).to_be_visible()
    assert exception_texts(page) == []
