"""The deck as a file (the CLI) or as bytes (a download button); the format decides
which writer lays the content out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from dashboard.deck.content import DeckContent, collect_deck
from dashboard.deck.errors import DeckError

FORMATS = ("pptx", "pdf")
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def build_deck(engine: Engine, out_path: str | Path, **options) -> Path:
    """Write the deck to ``out_path``; ``.pptx`` or ``.pdf`` decides the format.

    ``options``: the keyword arguments of ``collect_deck`` (since, subteam_slugs, ...)."""
    path = Path(out_path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise DeckError("presentation.error.file_format", suffix=path.suffix)
    if not path.parent.is_dir():
        raise DeckError("presentation.error.no_folder", folder=path.parent)
    data = render(collect_deck(engine, **options), fmt)
    # Written in one go after everything is built: a failure leaves no half-written file.
    path.write_bytes(data)
    return path


def deck_bytes(engine: Engine, fmt: str, **options) -> bytes:
    """The deck as bytes (a download button's ``data`` callable)."""
    if fmt not in FORMATS:
        raise DeckError("presentation.error.format", format=fmt)
    return render(collect_deck(engine, **options), fmt)


def render(content: DeckContent, fmt: str) -> bytes:
    # The writers load python-pptx and fpdf2 (about a second): only when a deck is built,
    # not with every page that imports this package.
    if fmt == "pptx":
        from dashboard.deck.pptx_file import write_pptx

        return write_pptx(content)
    from dashboard.deck.pdf_file import write_pdf

    return write_pdf(content)


def file_name(fmt: str, when: date) -> str:
    return f"spotkanie-zespolu-{when.isoformat()}.{fmt}"
