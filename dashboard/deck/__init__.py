"""The meeting deck (PPTX and PDF) and the catalogue of presentable charts.

- ``content``: what the deck says (``collect_deck``), read once for both files;
- ``pptx_file`` / ``pdf_file``: the two writers, on the slide geometry of ``layout``;
- ``build``: the deck as a file (``build_deck``) or as bytes (``deck_bytes``);
- ``catalogue``: the charts of /prezentacja and the deck, with their titles and
  subtitles; ``chart_steps`` loads and draws each, ``filters`` says what they show;
- ``errors``: what the deck and the catalogue refuse.
"""

from dashboard.deck.build import FORMATS, PPTX_MIME, build_deck, deck_bytes, file_name
from dashboard.deck.content import ChangeSection, ChartSlide, DeckContent, Figure, collect_deck
from dashboard.deck.errors import DeckError, UnknownChart

__all__ = [
    "FORMATS",
    "PPTX_MIME",
    "ChangeSection",
    "ChartSlide",
    "DeckContent",
    "DeckError",
    "Figure",
    "UnknownChart",
    "build_deck",
    "collect_deck",
    "deck_bytes",
    "file_name",
]
