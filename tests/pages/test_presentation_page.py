"""/prezentacja under AppTest: renders for a director in Polish and English, one chart
per screen with projector sizes, previous/next move between the charts."""

from __future__ import annotations

import pytest

from dashboard.deck import catalogue as presentation
from dashboard.i18n import t
from dashboard.ui import presentation as ui
from harness.apptest import DIRECTOR, MEMBER, assert_no_exception, chart_specs, page_test

PAGE = "pages/prezentacja.py"


def shown_title(at) -> str:
    specs = chart_specs(at)
    assert len(specs) == 1, "one chart per screen"
    return specs[0]["title"]["text"]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_director_sees_the_first_chart_big_with_its_subtitle(demo_url, lang):
    at = page_test(PAGE, demo_url, actor=DIRECTOR, lang=lang)
    at.run()
    assert_no_exception(at)
    spec = chart_specs(at)[0]
    assert spec["title"]["text"] == presentation.chart_title("progress", lang)
    as_of = "stan danych na" if lang == "pl" else "data as of"
    assert as_of in " ".join(spec["title"]["subtitle"])
    assert spec["config"]["title"]["fontSize"] >= 28
    assert spec["config"]["axis"]["labelFontSize"] >= 16
    assert spec["height"] == presentation.PAGE_CHART_HEIGHT
    labels = [button.label for button in at.download_button]
    deck_labels = [t("presentation.download_pptx", lang), t("presentation.download_pdf", lang)]
    assert len(labels) == 4, "the chart as PNG and SVG, the deck as PPTX and PDF"
    assert labels[2:] == deck_labels
    assert at.query_params[ui.CHART_PARAM] == "progress"


def test_next_and_previous_move_between_charts(demo_url):
    at = page_test(PAGE, demo_url, actor=DIRECTOR)
    at.run()
    assert at.button(key="presentation_previous").disabled
    at.button(key="presentation_next").click().run()
    assert_no_exception(at)
    assert shown_title(at) == presentation.chart_title(presentation.CHART_IDS[1], "pl")
    assert at.query_params[ui.CHART_PARAM] == presentation.CHART_IDS[1]
    at.button(key="presentation_next").click().run()
    assert shown_title(at) == presentation.chart_title(presentation.CHART_IDS[2], "pl")
    at.button(key="presentation_previous").click().run()
    assert shown_title(at) == presentation.chart_title(presentation.CHART_IDS[1], "pl")

    # The chosen charts only: the last one disables "next".
    at.multiselect(key=ui.CHARTS_KEY).set_value(["team_mix", "signups_by_age"]).run()
    assert_no_exception(at)
    assert shown_title(at) == presentation.chart_title("team_mix", "pl")
    at.button(key="presentation_next").click().run()
    assert shown_title(at) == presentation.chart_title("signups_by_age", "pl")
    assert at.button(key="presentation_next").disabled


def test_a_link_opens_its_chart_for_a_member(demo_url):
    at = page_test(PAGE, demo_url, actor=MEMBER, query_params={ui.CHART_PARAM: "workshop_fill"})
    at.run()
    assert_no_exception(at)
    assert shown_title(at) == presentation.chart_title("workshop_fill", "pl")
    assert "Kongres Dialogu 20" in chart_specs(at)[0]["title"]["subtitle"][0]
