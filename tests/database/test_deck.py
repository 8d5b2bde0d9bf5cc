"""The meeting deck: PPTX and PDF opened with independent readers (python-pptx, pypdf),
the CLI, and the deck's queries on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader
from sqlalchemy import insert

from dashboard import deck
from dashboard.cli import run
from dashboard.deck import ChangeSection, ChartSlide, DeckContent, DeckError, Figure
from dashboard.deck import catalogue as presentation
from dashboard.deck.layout import fit_box
from dashboard.deck.pdf_file import write_pdf
from dashboard.deck.pptx_file import write_pptx
from dashboard.queries import changes as change_queries
from dashboard.queries import presentation as queries
from dashboard.queries import progress as progress_queries
from dashboard.queries.scope import Scope
from db.engine import make_engine
from db.models import (
    Event,
    Milestone,
    Participant,
    Proposal,
    ProposalEvent,
    Signup,
    Subteam,
    SubteamMember,
    ThematicTeam,
)
from tests.conftest import DEMO_TODAY

MEETING = datetime.combine(DEMO_TODAY, datetime.min.time()).replace(hour=10)
POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"


@pytest.fixture(scope="module")
def default_content(demo_path: Path) -> DeckContent:
    """The default deck (every chart, whole team) collected once for this module."""
    engine = make_engine(f"sqlite:///{demo_path}")
    try:
        return deck.collect_deck(engine, now=MEETING)
    finally:
        engine.dispose()


def expected_titles(content: DeckContent) -> list[str]:
    charts = [presentation.chart_title(chart_id, "pl") for chart_id in presentation.CHART_IDS]
    return [
        "Postępy prac zespołu",
        "Najważniejsze liczby",
        "Wymaga uwagi",
        *charts,
        "Co się zmieniło od 02.03.2026",
    ]


def test_default_deck_has_every_chart_and_the_changes_since_two_weeks(default_content):
    assert [chart.chart_id for chart in default_content.charts] == list(presentation.CHART_IDS)
    assert default_content.slide_titles == expected_titles(default_content)
    assert "16 marca 2026" in default_content.date_line
    headings = [section.heading for section in default_content.changes]
    assert headings == ["Nowe propozycje", "Zmiany statusów", "Ukończone kamienie milowe"]
    for chart in default_content.charts:
        assert chart.png.startswith(b"\x89PNG"), chart.chart_id
        assert "stan danych na 16.03.2026, 10:00" in chart.caption


def test_pptx_opens_with_one_slide_per_part_titles_and_chart_images(default_content):
    slides = Presentation(io.BytesIO(write_pptx(default_content))).slides
    assert len(slides) == 3 + len(presentation.CHART_IDS) + 1
    assert [slide.shapes.title.text for slide in slides] == expected_titles(default_content)
    attention = " ".join(
        shape.text_frame.text for shape in slides[2].shapes if shape.has_text_frame
    )
    assert default_content.attention.items
    for line in default_content.attention.items:
        assert line in attention
    for slide, chart in zip(list(slides)[3:-1], default_content.charts, strict=True):
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert pictures[0].image.content_type == "image/png"
        assert pictures[0].image.blob == chart.png
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert chart.caption in texts
    title_slide_text = " ".join(
        shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame
    )
    assert "Zespół ds. społeczeństwa obywatelskiego" in title_slide_text
    assert "16 marca 2026" in title_slide_text
    closing = " ".join(shape.text_frame.text for shape in slides[-1].shapes if shape.has_text_frame)
    assert "Nowe propozycje (" in closing and "Zmiany statusów (" in closing


def test_pdf_has_the_same_pages_titles_and_images(default_content):
    reader = PdfReader(io.BytesIO(write_pdf(default_content)))
    assert len(reader.pages) == 3 + len(presentation.CHART_IDS) + 1
    assert [item.title for item in reader.outline] == expected_titles(default_content)
    for page in reader.pages[3:-1]:
        assert image_count(page) == 1
    assert image_count(reader.pages[0]) == 0
    assert "Postępy prac zespołu" in reader.pages[0].extract_text()
    assert "Najważniejsze liczby" in reader.pages[1].extract_text()


def image_count(page) -> int:
    """Images placed on a PDF page (XObjects of subtype /Image), without decoding them."""
    objects = page["/Resources"].get("/XObject", {})
    return sum(1 for item in objects.values() if item.get_object()["/Subtype"] == "/Image")


def test_pdf_embeds_a_font_with_every_polish_letter():
    content = DeckContent(
        lang="pl",
        title=f"Zażółć gęślą jaźń {POLISH_LETTERS}",
        team="Zespół",
        scope="cały zespół",
        date_line="Spotkanie zespołu, 16 marca 2026",
        figures_title="Najważniejsze liczby",
        figures=(Figure("12\u00a0345", "Łączna liczba"),),
        attention=ChangeSection("Wymaga uwagi", 0, ()),
        charts=(),
        changes_title="Zmiany",
        changes=(ChangeSection("Źródła", 0, ()),),
        footer="stopka",
    )
    reader = PdfReader(io.BytesIO(write_pdf(content)))
    text = reader.pages[0].extract_text()
    for letter in POLISH_LETTERS:
        assert letter in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    base_fonts = [str(font.get_object()["/BaseFont"]) for font in fonts.values()]
    assert any("DejaVu" in name or "Liberation" in name for name in base_fonts), base_fonts


def test_deck_for_chosen_subteams_and_charts_names_the_filters(demo_url, tmp_path):
    engine = make_engine(demo_url)
    slug, name = progress_queries.subteam_options(engine).iloc[0][["slug", "name"]]
    out = deck.build_deck(
        engine,
        tmp_path / "podzespol.pptx",
        since=date(2026, 1, 1),
        subteam_slugs=(slug,),
        chart_ids=("pipeline",),
        now=MEETING,
    )
    slides = Presentation(str(out)).slides
    assert [slide.shapes.title.text for slide in slides] == [
        "Postępy prac zespołu",
        "Najważniejsze liczby",
        "Wymaga uwagi",
        "Propozycje w podzespołach według statusu",
        "Co się zmieniło od 01.01.2026",
    ]
    captions = [shape.text_frame.text for shape in slides[3].shapes if shape.has_text_frame]
    assert any(f"podzespoły: {name}" in caption for caption in captions)
    engine.dispose()


def test_english_deck(demo_url, tmp_path):
    engine = make_engine(demo_url)
    out = deck.build_deck(
        engine, tmp_path / "deck.pdf", chart_ids=("team_mix",), lang="en", now=MEETING
    )
    reader = PdfReader(str(out))
    assert [item.title for item in reader.outline] == [
        "Team progress",
        "Headline figures",
        "Needs attention",
        "Subteam members by category",
        "What changed since 02.03.2026",
    ]
    engine.dispose()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"subteam_slugs": ("nie-ma-takiego",)}, "Nieznany podzespół: nie-ma-takiego"),
        ({"chart_ids": ("wykres-x",)}, "Nieznany wykres: wykres-x"),
        ({"since": date(2026, 4, 1)}, "późniejsza"),
        ({"edition": 9}, r"Nieznana edycja Kongresu: 9 \(dostępne: 2024, 2025, 2026\)"),
    ],
)
def test_bad_options_are_refused_and_write_nothing(demo_url, tmp_path, options, message):
    engine = make_engine(demo_url)
    out = tmp_path / "deck.pptx"
    with pytest.raises(DeckError, match=message):
        deck.build_deck(engine, out, now=MEETING, **options)
    assert not out.exists()
    with pytest.raises(DeckError, match="pptx albo .pdf"):
        deck.build_deck(engine, tmp_path / "deck.docx", now=MEETING)
    engine.dispose()


def test_cli_builds_a_deck_and_reports_bad_options(demo_url, tmp_path, capsys):
    out = tmp_path / "spotkanie.pdf"
    code = run(
        ["--database-url", demo_url, "deck", "--out", str(out), "--as-of", "16.03.2026"]
        + ["--chart", "signups_by_age", "--since", "2026-03-01"]
    )
    assert code == 0
    assert "Zapisano" in capsys.readouterr().out
    reader = PdfReader(str(out))
    assert len(reader.pages) == 5  # title, figures, "Wymaga uwagi", chart, changes
    assert reader.outline[-1].title == "Co się zmieniło od 01.03.2026"

    code = run(["--database-url", demo_url, "deck", "--out", str(out), "--subteam", "xyz"])
    assert code == 1
    assert "Błąd: Nieznany podzespół: xyz" in capsys.readouterr().err


# --- the deck's queries on SQLite and PostgreSQL ------------------------------------


def _small_team(engine) -> None:
    """Two subteams; a proposal created and moved on in the window, one before it;
    a milestone done in the window and one overdue; six members in two categories."""
    at = datetime(2026, 3, 10, 12, 0)
    before = datetime(2026, 1, 5, 9, 0)
    with engine.begin() as connection:
        connection.execute(insert(ThematicTeam).values(id=1, name="Zespół A", slug="a"))
        connection.execute(
            insert(Subteam),
            _rows(
                "id name slug position",
                [(1, "Pierwszy", "pierwszy", 1), (2, "Drugi", "drugi", 2)],
                team_id=1,
            ),
        )
        connection.execute(
            insert(Participant),
            [
                {"id": n, "full_name": f"Osoba {n}", "category": "ngo" if n <= 5 else "academia"}
                for n in range(1, 7)
            ],
        )
        members = [{"subteam_id": 1, "participant_id": n} for n in range(1, 7)]
        members.append({"subteam_id": 2, "participant_id": 1})  # in both: counted once
        connection.execute(insert(SubteamMember), members)
        connection.execute(
            insert(Proposal),
            _rows(
                "id subteam_id title status created_at updated_at",
                [
                    (1, 1, "Nowa ławka", "in_review", at, at),
                    (2, 2, "Stara sprawa", "accepted", before, before),
                ],
                source="meeting",
            ),
        )
        connection.execute(
            insert(ProposalEvent),
            _rows(
                "proposal_id from_status to_status at",
                [
                    (1, None, "submitted", at),
                    (1, "submitted", "in_review", datetime(2026, 3, 12, 8, 0)),
                    (2, "consulted", "accepted", datetime(2026, 3, 14, 8, 0)),
                    (2, "in_review", "consulted", before),
                ],
                actor="x",
            ),
        )
        connection.execute(
            insert(Milestone),
            _rows(
                "id subteam_id title due_date done_on",
                [
                    (1, 1, "Raport", date(2026, 3, 1), date(2026, 3, 11)),
                    (2, 2, "Ankieta", date(2026, 2, 1), None),
                ],
                weight=1,
                created_at=datetime(2025, 6, 1),
            ),
        )
        connection.execute(
            insert(Event).values(
                id=1,
                name="Kongres",
                edition=2026,
                starts_on=date(2026, 9, 28),
                ends_on=date(2026, 9, 29),
            )
        )
        connection.execute(
            insert(Signup),
            [
                {"event_id": 1, "email": f"o{n}@example.pl", "category": "resident",
                 "status": "registered" if n < 3 else "cancelled", "created_at": at}
                for n in range(6)
            ],
        )  # fmt: skip


def _rows(columns: str, values: list[tuple], **same: object) -> list[dict[str, object]]:
    """Insert parameters: each tuple of ``values`` named by ``columns``, plus ``same``."""
    return [dict(zip(columns.split(), row, strict=True), **same) for row in values]


def test_deck_queries_count_the_window_and_the_chosen_subteams(engine):
    _small_team(engine)
    since, as_of = date(2026, 3, 2), date(2026, 3, 16)

    figures = queries.headline_figures(engine, as_of, since)
    assert (figures.proposals, figures.proposals_new, figures.proposals_decided) == (2, 1, 1)
    assert (figures.milestones_total, figures.milestones_done) == (2, 1)
    assert figures.milestones_overdue == 1
    assert figures.members == 6
    assert (figures.edition, figures.signups) == (2026, 3)
    assert figures.next_congress == date(2026, 9, 28)

    only_first = queries.headline_figures(engine, as_of, since, Scope(subteam_slugs=("pierwszy",)))
    assert (only_first.proposals, only_first.milestones_overdue) == (1, 0)

    new = change_queries.new_proposals(engine, since, as_of)
    assert list(new["title"]) == ["Nowa ławka"]
    changes = change_queries.status_changes(engine, since, as_of)
    assert list(changes["to_status"]) == ["accepted", "in_review"]
    only_drugi = change_queries.since_counts(engine, since, as_of, Scope(subteam_slugs=("drugi",)))
    assert only_drugi.status_changes == 1
    by_target = queries.status_changes_by_target(engine, since, as_of)
    assert dict(zip(by_target["to_status"], by_target["count"], strict=True)) == {
        "accepted": 1,
        "in_review": 1,
    }
    only_second = queries.status_changes_by_target(
        engine, since, as_of, Scope(subteam_slugs=("drugi",))
    )
    assert list(only_second["to_status"]) == ["accepted"]
    done = change_queries.milestones_completed(engine, since, as_of)
    assert list(done["title"]) == ["Raport"]

    mix = queries.members_by_category(engine, Scope(subteam_slugs=("pierwszy", "drugi")))
    assert dict(zip(mix["category"], mix["count"], strict=True)) == {"academia": 1, "ngo": 5}
    assert queries.team_names(engine, Scope(subteam_slugs=("drugi",))) == ["Zespół A"]


def test_people_counts_below_the_threshold_are_shown_as_less_than_five(engine):
    _small_team(engine)
    content = deck.collect_deck(engine, now=datetime(2026, 3, 16, 10, 0))
    assert len(content.charts) == len(presentation.CHART_IDS)
    figures = {figure.label: figure.value for figure in content.figures}
    assert figures["Zapisy na Kongres 2026"] == "<5"
    assert figures["Członkowie podzespołów"] == "6"
    changes = {section.heading: section for section in content.changes}
    assert changes["Zmiany statusów"].total == 2
    assert changes["Ukończone kamienie milowe"].items == ("Raport (Pierwszy, 11.03.2026)",)


def test_image_is_fitted_inside_the_slide_box():
    png = ChartSlide("x", "t", "c", _png(2000, 500)).png
    x, y, width, height = fit_box(png, 12.0, 5.0)
    assert width == pytest.approx(12.0)
    assert height == pytest.approx(3.0)
    assert (x, y) == (pytest.approx(0.0), pytest.approx(1.0))


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_every_presentation_chart_draws_on_an_empty_database(engine):
    filters = presentation.resolve_filters(engine, presentation.PresentationFilters(), DEMO_TODAY)
    assert filters.edition is None
    for chart_id in presentation.CHART_IDS:
        spec = presentation.build_chart(
            engine, chart_id, filters, "pl", threshold=5, data_as_of=MEETING
        ).to_dict()
        assert spec["title"]["text"] == presentation.chart_title(chart_id, "pl")
    content = deck.collect_deck(engine, chart_ids=(), now=MEETING)
    assert [section.total for section in content.changes] == [0, 0, 0]


def test_a_second_deck_reuses_each_chart_image_until_its_data_changes(demo_engine):
    charts = ("pipeline", "team_mix", "signups_by_district")
    first = deck.collect_deck(demo_engine, chart_ids=charts, now=MEETING)
    again = deck.collect_deck(demo_engine, chart_ids=charts, now=MEETING.replace(hour=11))
    assert all(a.png is b.png for a, b in zip(first.charts, again.charts, strict=True))

    with demo_engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE proposals SET status = 'accepted' "
            "WHERE id IN (SELECT id FROM proposals WHERE status = 'submitted' LIMIT 500)"
        )
    after_write = deck.collect_deck(demo_engine, chart_ids=charts, now=MEETING)
    pipeline_before, team_before, signups_before = first.charts
    pipeline_after, team_after, signups_after = after_write.charts
    assert pipeline_after.png != pipeline_before.png  # drawn again, from the new statuses
    # A status change leaves the team and sign-up charts' data as it was: kept, not redrawn.
    assert team_after.png is team_before.png
    assert signups_after.png is signups_before.png
