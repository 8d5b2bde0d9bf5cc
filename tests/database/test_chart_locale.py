"""Chart specs: every chart of the panel, finalized, carries the Polish number and time
locale, the Okabe–Ito palette and — in presentation mode — projector type sizes.

Every chart function in ``dashboard/charts/*.py`` must have a sample below, so a new
chart cannot skip these checks.
"""

from __future__ import annotations

import importlib
import inspect
import io
import json
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date, datetime

import altair as alt
import pandas as pd
import pytest
import vl_convert
from PIL import Image

import dashboard.charts
from dashboard.charts import base, congress, progress, public, team
from dashboard.charts import presentation as presentation_charts
from dashboard.charts.base import OKABE_ITO, finalize, finalized_spec, to_svg
from dashboard.deck import catalogue as presentation
from dashboard.deck.chart_steps import draw_workshop_fill
from dashboard.deck.filters import PresentationFilters
from dashboard.queries import attendance as attendance_queries
from dashboard.queries import congress as cq
from dashboard.queries import progress as pq
from dashboard.queries import public as public_queries
from dashboard.queries import team as tq
from db.engine import make_engine
from tests.conftest import DEMO_TODAY

POLISH_MONTHS = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
                 "sierpień", "wrzesień", "październik", "listopad", "grudzień"]  # fmt: skip
AS_OF = datetime(2026, 3, 16, 10, 0)

Sample = Callable[[object, str], alt.TopLevelMixin]


def _congress_filter(edition: int = 2025) -> cq.CongressFilter:
    return cq.CongressFilter(edition=edition)


def _cumulative(engine, lang):
    edition = cq.editions(engine).iloc[0]
    frame = cq.cumulative_signups(engine, _congress_filter(int(edition["edition"])))
    return congress.cumulative_chart(frame, edition["starts_on"], 500, lang)


# "module.function" → a chart built from the demo database with that function.
SAMPLES: dict[str, Sample] = {
    "congress.editions_chart": lambda e, lang: congress.editions_chart(
        cq.totals_by_edition(e), lang
    ),
    "congress.days_chart": lambda e, lang: congress.days_chart(
        cq.day_split(e, _congress_filter()), lang
    ),
    "congress.workshop_fill_chart": lambda e, lang: congress.workshop_fill_chart(
        cq.workshop_fill(e, _congress_filter()), lang
    ),
    "congress.cumulative_chart": _cumulative,
    "congress.edition_comparison_chart": lambda e, lang: congress.edition_comparison_chart(
        cq.edition_comparison(e, _congress_filter()), lang
    ),
    "congress.who_chart": lambda e, lang: congress.who_chart(
        congress.district_labels(cq.by_district(e, _congress_filter()), lang),
        "label",
        "congress.chart.by_district",
        "common.district",
        lang,
    ),
    "congress.attendance_chart": lambda e, lang: congress.attendance_chart(
        congress.category_labels(
            attendance_queries.attendance_by_category(e, _congress_filter(2024)), lang
        ),
        "label",
        "congress.chart.attendance_category",
        "congress.category",
        lang,
    ),
    "progress.traffic_light_chart": lambda e, lang: progress.traffic_light_chart(
        pq.subteam_progress(e, DEMO_TODAY), lang
    ),
    "progress.milestone_timeline_chart": lambda e, lang: progress.milestone_timeline_chart(
        pq.milestones_as_of(e, DEMO_TODAY), pq.congress_editions(e), DEMO_TODAY, lang
    ),
    "progress.pipeline_chart": lambda e, lang: progress.pipeline_chart(
        pq.pipeline_as_of(e, DEMO_TODAY), lang
    ),
    "team.members_by_category_chart": lambda e, lang: team.members_by_category_chart(
        tq.members_by_category(e), lang
    ),
    "team.members_by_role_chart": lambda e, lang: team.members_by_role_chart(
        tq.members_by_role(e), lang
    ),
    "team.direct_voice_chart": lambda e, lang: team.direct_voice_chart(
        tq.direct_voice_share(e), lang
    ),
    "presentation.suppressed_bar_chart": lambda e, lang: presentation_charts.suppressed_bar_chart(
        pd.DataFrame({"label": ["a", "b"], "count": [12_345, 3]}),
        lang=lang,
        title="Próba",
        category_title="Grupa",
        value_title="Liczba",
        threshold=5,
    ),
    "public.outcomes_by_edition_chart": lambda e, lang: public.outcomes_by_edition_chart(
        public_queries.outcomes_by_edition(e, public_queries.PublicFilters()), lang
    ),
    "public.okreg_vs_city_chart": lambda e, lang: public.okreg_vs_city_chart(
        public_queries.outcomes_okreg_vs_city(e, public_queries.PublicFilters(okreg=1)),
        "Okręg 1",
        lang,
    ),
    "presentation.empty_chart": lambda e, lang: presentation_charts.empty_chart("Pusty", lang),
    "presentation.status_changes_chart": lambda e, lang: presentation_charts.status_changes_chart(
        pd.DataFrame({"to_status": ["accepted", "in_review"], "count": [1234, 5]}), lang
    ),
}


def chart_functions() -> Iterator[str]:
    """Public functions in dashboard/charts/*.py that return a chart."""
    for module_info in pkgutil.iter_modules(dashboard.charts.__path__):
        if module_info.name == "base":
            continue
        module = importlib.import_module(f"dashboard.charts.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            returns = str(inspect.signature(function).return_annotation)
            if (
                function.__module__ == module.__name__
                and not name.startswith("_")
                and "Chart" in returns
            ):
                yield f"{module_info.name}.{name}"


@pytest.fixture(scope="module")
def demo(demo_path):
    engine = make_engine(f"sqlite:///{demo_path}")
    yield engine
    engine.dispose()


def test_every_chart_function_has_a_sample():
    missing = sorted(set(chart_functions()) - set(SAMPLES))
    assert not missing, f"add a sample to tests/test_chart_locale.py for: {missing}"


def assert_polish_look(spec: dict) -> None:
    config = spec["config"]
    number = config["locale"]["number"]
    assert number["decimal"] == ","
    assert number["thousands"] == "\u00a0"
    time = config["locale"]["time"]
    assert time["months"] == POLISH_MONTHS
    assert time["days"][1] == "poniedziałek"
    assert config["range"]["category"] == list(OKABE_ITO)
    # Axis labels keep a gap: Chromium drew the projector's timeline dates touching,
    # "14.06.202612.07.2026…" (vl-convert measures text narrower, so only the config shows).
    assert config["axis"]["labelSeparation"] >= 4


def assert_projector_sizes(spec: dict) -> None:
    config = spec["config"]
    assert config["title"]["fontSize"] >= 28
    assert config["title"]["subtitleFontSize"] >= 16
    assert config["axis"]["labelFontSize"] >= 16
    assert config["axis"]["titleFontSize"] >= 16
    assert config["legend"]["labelFontSize"] >= 16
    assert config["text"]["fontSize"] >= 16


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_panel_chart_finalized_has_polish_locale_and_palette(demo, name):
    chart = SAMPLES[name](demo, "pl")
    assert_polish_look(finalize(chart, "pl").to_dict())
    projector = finalize(chart, "pl", projector=True).to_dict()
    assert_polish_look(projector)
    assert_projector_sizes(projector)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_shared_configuration_gives_the_same_spec_as_finalize(demo, name):
    for lang in ("pl", "en"):
        chart = SAMPLES[name](demo, lang)
        for projector in (False, True):
            expected = finalize(chart, lang, projector=projector).to_dict(validate=False)
            assert finalized_spec(chart, lang, projector=projector) == expected


def _explicit_sizes(node) -> Iterator[tuple[str, float]]:
    """Font sizes set inside a spec (outside ``config``), which would beat the config."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "config":
                continue
            if key in ("fontSize", "labelFontSize", "titleFontSize") and isinstance(
                value, int | float
            ):
                yield key, value
            yield from _explicit_sizes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _explicit_sizes(item)


@pytest.fixture(scope="module")
def presentation_filters(demo) -> PresentationFilters:
    return presentation.resolve_filters(demo, PresentationFilters(), DEMO_TODAY)


@pytest.mark.parametrize("chart_id", presentation.CHART_IDS)
def test_presentation_charts_are_projector_sized_with_a_subtitle(
    demo, presentation_filters, chart_id
):
    chart = presentation.build_chart(
        demo, chart_id, presentation_filters, "pl", threshold=5, data_as_of=AS_OF
    )
    spec = finalize(chart, "pl", projector=True).to_dict()
    assert_polish_look(spec)
    assert_projector_sizes(spec)
    assert spec["title"]["text"] == presentation.chart_title(chart_id, "pl")
    assert "stan danych na 16.03.2026, 10:00" in " ".join(spec["title"]["subtitle"])
    too_small = [(key, size) for key, size in _explicit_sizes(spec) if size < 16]
    assert not too_small, too_small


def test_english_charts_use_english_number_format(demo, presentation_filters):
    chart = presentation.build_chart(
        demo, "pipeline", presentation_filters, "en", threshold=5, data_as_of=AS_OF
    )
    spec = finalize(chart, "en", projector=True).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == "."
    assert spec["title"]["text"] == "Proposals by subteam and status"


def test_rendered_image_shows_polish_thousands_and_month_names():
    """vl-convert applies the locale: the SVG text says "12 345" and "luty"."""
    frame = pd.DataFrame(
        {"day": pd.to_datetime(["2026-01-15", "2026-02-15", "2026-03-15"]), "n": [1, 12345, 2]}
    )
    chart = (
        alt.Chart(frame, title="Zażółć gęślą jaźń")
        .mark_line()
        .encode(x=alt.X("day:T", axis=alt.Axis(format="%B")), y="n:Q")
    )
    svg = to_svg(finalize(chart, "pl", projector=True)).decode("utf-8")
    assert "12\u00a0000" in svg or "10\u00a0000" in svg
    assert "luty" in svg
    assert "Zażółć gęślą jaźń" in svg


def test_small_groups_of_people_are_never_drawn_with_their_size():
    frame = pd.DataFrame({"label": ["duża", "mała", "pusta"], "count": [12, 3, 0]})
    drawn = presentation_charts.suppress_for_drawing(frame, "count", threshold=5)
    assert list(drawn["text"]) == ["12", "<5", "0"]
    assert list(drawn["shown"]) == [12, 0, 0]
    spec = presentation_charts.suppressed_bar_chart(
        frame, lang="pl", title="", category_title="", value_title="", threshold=5
    ).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {row["label"]: (row["shown"], row["text"]) for row in rows} == {
        "duża": (12, "12"),
        "mała": (0, "<5"),
        "pusta": (0, "0"),
    }
    columns = {"label", "shown", "text", "small_end", "label_at"}
    assert all(set(row) == columns for row in rows), "no exact counts"
    # "<5" is an outline up to the threshold, the same for every small group; 0 has none.
    outline = {row["label"]: (row["small_end"], row["label_at"]) for row in rows}
    assert outline == {"duża": (None, 12), "mała": (5, 5), "pusta": (None, 0)}


def test_workshops_with_few_sign_ups_stay_in_the_presented_fill():
    """Seats taken in a workshop are not a breakdown of people: the nearly empty ones are
    exactly what the organisers must see."""
    fill = pd.DataFrame(
        {
            "title": ["A", "B", "C"],
            "capacity": [40, 40, 40],
            "registered": [35, 2, 40],
            "waitlisted": [0, 1, 3],
            "fill_rate": [35 / 40, 2 / 40, 1.0],
            "flag": ["near_full", "ok", "full"],
        }
    )
    spec = draw_workshop_fill(fill, PresentationFilters(), "pl", 5).to_dict()
    rows = [row for rows in spec["datasets"].values() for row in rows if "title" in row]
    assert {row["title"]: row["registered"] for row in rows} == {"A": 35, "B": 2, "C": 40}


def test_projector_sizes_are_bigger_than_screen_sizes():
    for key, size in base.SCREEN_SIZES.items():
        assert base.PROJECTOR_SIZES[key] >= size
    assert base.PROJECTOR_SIZES["title"] >= 28 and base.PROJECTOR_SIZES["axis_label"] >= 16


def test_dates_in_subtitles_use_polish_format():
    assert presentation.subtitle_lines(
        "signups_by_age",
        PresentationFilters(edition=2025, since=date(2026, 3, 2), as_of=DEMO_TODAY),
        "pl",
        AS_OF,
        {},
        5,
    ) == [
        "Kongres Dialogu 2025",
        "stan danych na 16.03.2026, 10:00 · grupy liczące od 1 do 4 osób pokazano jako „<5”",
    ]


def test_presented_team_mix_of_one_subteam_hides_small_groups(demo):
    slug = presentation.subteam_names(demo).popitem()[0]
    filters = presentation.resolve_filters(demo, PresentationFilters((slug,)), DEMO_TODAY)
    data = presentation.load_chart_data(demo, "team_mix", filters)
    assert ((data["count"] > 0) & (data["count"] < 5)).any(), "the sample needs a small group"
    spec = presentation.build_chart(
        demo, "team_mix", filters, "pl", threshold=5, data_as_of=AS_OF
    ).to_dict()
    rows = [row for rows in spec["datasets"].values() for row in rows if "text" in row]
    expected = {
        presentation.t(f"category.{category}", "pl"): count
        for category, count in zip(data["category"], data["count"], strict=True)
    }
    for row in rows:
        count = expected[row["label"]]
        if 0 < count < 5:
            assert (row["shown"], row["text"]) == (0, "<5")
        else:
            assert (row["shown"], row["text"]) == (count, str(count))
        assert "count" not in row


def test_downloaded_images_get_the_screen_width_when_the_chart_has_none():
    frame = pd.DataFrame({"grupa": ["a", "b"], "n": [1, 2]})
    chart = finalize(alt.Chart(frame).mark_bar().encode(x="n:Q", y="grupa:N"), "pl")
    image = base.with_export_width(chart.to_dict())
    assert image["width"] == base.EXPORT_WIDTH
    assert base.with_export_width(chart.properties(width=200).to_dict())["width"] == 200
    png = vl_convert.vegalite_to_png(json.dumps(image), scale=1)
    assert png.startswith(b"\x89PNG")
    width = int.from_bytes(png[16:20], "big")
    assert width >= base.EXPORT_WIDTH


# The width Streamlit gives a chart on the 1280-px projector page (main column).
PROJECTOR_CHART_WIDTH = 1180
LEGEND_STRIP = 90


def _projector_png(chart: alt.TopLevelMixin) -> Image.Image:
    """``chart`` as the projector page draws it: fitted into 1180 px, projector type."""
    spec = finalize(chart, "pl", projector=True).to_dict()
    spec["width"] = PROJECTOR_CHART_WIDTH
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    png = vl_convert.vegalite_to_png(json.dumps(spec), scale=1)
    return Image.open(io.BytesIO(png)).convert("L")


@pytest.mark.parametrize("chart_id", ["pipeline", "progress", "milestones"])
def test_projector_chart_keeps_its_legend_inside_the_picture(demo, presentation_filters, chart_id):
    """Nothing is drawn in the last pixel columns below the plot (where a legend too wide
    for 1280 px used to be cut off at the right edge)."""
    chart = presentation.build_chart(
        demo,
        chart_id,
        presentation_filters,
        "pl",
        threshold=5,
        data_as_of=AS_OF,
        size=(None, presentation.PAGE_CHART_HEIGHT),
    )
    image = _projector_png(chart)
    width, height = image.size
    assert width == PROJECTOR_CHART_WIDTH
    # The bottom strip holds the legend (of the pipeline and traffic-light charts).
    legend_right_edge = image.crop((width - 12, height - LEGEND_STRIP, width, height))
    assert legend_right_edge.getextrema()[0] > 240  # only white background there


def test_long_subteam_names_are_written_on_two_lines(demo):
    chart = progress.traffic_light_chart(pq.subteam_progress(demo, DEMO_TODAY), "pl")
    spec = finalize(chart, "pl", projector=True).to_dict()
    scene = vl_convert.vegalite_to_scenegraph(json.dumps(spec))["scenegraph"]
    labels = list(_axis_labels(scene))
    assert ["Współdziałanie Prezydenta i", "Rady Miasta z Radami Okręgów"] in labels
    assert "Toruński model partycypacji" in labels


def _axis_labels(node: dict) -> Iterator[object]:
    if node.get("role") == "axis-label":
        yield from (item.get("text") for item in node.get("items", []))
    for item in node.get("items", []):
        for child in item.get("items", []) if isinstance(item, dict) else []:
            yield from _axis_labels(child)
        if isinstance(item, dict) and "role" in item:
            yield from _axis_labels(item)
