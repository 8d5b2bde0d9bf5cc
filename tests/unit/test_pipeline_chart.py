"""/postepy's pipeline: a segment shows its status word where the word fits the drawn
segment, else its step number where that fits, else nothing — on a phone as on a screen."""

from __future__ import annotations

import json
import re

import pandas as pd
import vl_convert

from dashboard.charts import progress
from dashboard.charts.base import finalized_spec
from dashboard.i18n import t
from db.models import PROPOSAL_STATUSES

# One subteam as at city scale: two large steps, the rest smaller.
COUNTS = [7000, 6500, 3700, 2600, 2000, 1700, 800, 2100]
STEPS = {str(step) for step in range(1, len(PROPOSAL_STATUSES) + 1)}


def drawn_svg(width: int, projector: bool = False) -> str:
    """The pipeline of one subteam drawn by vl-convert, its plot ``width`` px wide."""
    pipeline = pd.DataFrame(
        {"subteam": "Toruński model partycypacji", "status": PROPOSAL_STATUSES, "count": COUNTS}
    )
    spec = finalized_spec(progress.pipeline_chart(pipeline, "pl"), "pl", projector=projector)
    return vl_convert.vegalite_to_svg(json.dumps({**spec, "width": width}))


def bold_texts(width: int, projector: bool = False) -> list[str]:
    svg = drawn_svg(width, projector)
    texts = re.findall(r'<text[^>]*font-weight="bold"[^>]*>([^<]*)</text>', svg)
    segment_labels = {t(f"status.{status}", "pl") for status in PROPOSAL_STATUSES} | STEPS
    return [text for text in texts if text in segment_labels]  # not the titles


def test_a_phone_shows_only_what_fits_and_never_both_word_and_number():
    phone = bold_texts(200)
    assert set(phone) <= STEPS
    assert {"1", "2"} <= set(phone)  # the two large steps keep their numbers
    assert len(phone) < len(PROPOSAL_STATUSES)  # the narrowest show nothing


def test_a_wide_chart_writes_the_words_of_the_large_segments():
    desktop = bold_texts(900)
    assert "zgłoszona" in desktop and "w ocenie" in desktop
    assert not {"1", "2"} & set(desktop)  # a segment with its word has no number
    assert len(desktop) == len(set(desktop)) <= len(PROPOSAL_STATUSES)


def test_a_segment_never_carries_both_its_word_and_its_number():
    for width in (200, 390, 500, 900):
        for projector in (False, True):
            texts = bold_texts(width, projector)
            steps = {
                PROPOSAL_STATUSES.index(s) + 1
                for s in PROPOSAL_STATUSES
                if t(f"status.{s}", "pl") in texts
            }
            assert not {str(step) for step in steps} & set(texts), (width, projector, texts)


def legend_columns(width: int) -> int:
    """How many distinct left edges the legend's step labels have, drawn ``width`` wide."""
    svg = drawn_svg(width)
    step_labels = {progress.pipeline_step_label(s, "pl") for s in PROPOSAL_STATUSES}
    entries = [
        (m.start(), m.group(1)) for m in re.finditer(r'<g transform="translate\(([\d.]+),', svg)
    ]
    lefts = set()
    for label in step_labels:
        at = svg.index(f">{label}</text>")
        lefts.add(next(x for start, x in reversed(entries) if start < at))  # its entry's group
    return len(lefts)


def test_the_legend_takes_one_column_on_a_phone_two_on_a_screen():
    assert legend_columns(190) == 1  # two columns (~370 px) ran past a phone's edge
    assert legend_columns(900) == 2
