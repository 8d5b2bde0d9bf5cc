"""Cells matched to codes and ids forgivingly, and what still does not match.

A ``Vocabulary`` is what one kind of cell (okręg, source, category, status, workshop)
may say: the exact names (codes, labels, titles, numbers), the synonyms of
``values.toml`` and the mappings an admin saved (``import_mappings``; they win). A
match through a synonym or a mapping is reported as a note ("read as"); a cell that
matches nothing gets the closest known name as a suggestion, and can be mapped once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.i18n import CATALOGUE
from dashboard.importers import vocabulary
from dashboard.importers.folding import fold
from db.models import (
    IMPORT_MAPPING_KINDS,
    PARTICIPANT_CATEGORIES,
    PROPOSAL_SOURCES,
    PROPOSAL_STATUSES,
    SIGNUP_STATUSES,
    District,
    EventSession,
    ImportMapping,
)

# Cells that name no okręg: the row concerns the whole city (or the person gave none).
CITY_WIDE = {"", "cale miasto", "city wide", "brak", "none", "-", "nie dotyczy", "caly torun"}
# Kinds of values an admin can map; each is a ``Vocabulary``.
MAPPABLE_KINDS = IMPORT_MAPPING_KINDS
SUGGESTION_CUTOFF = 0.75
_WORKSHOP_WORD = re.compile(r"^warsztaty? ")


@dataclass(frozen=True)
class Match:
    value: Any  # the code or id
    via: str = ""  # "" exact; "synonym", "mapping", "age" when read as something else


@dataclass
class Vocabulary:
    kind: str
    exact: dict[str, Any]  # folded name -> value
    display: dict[Any, str]  # value -> how a person recognises it
    synonyms: dict[str, Any] = field(default_factory=dict)
    mapped: dict[str, Any] = field(default_factory=dict)
    # Whether a synonym is worth a note: a neighbourhood or a source's everyday name is
    # a reading a person should see; "mieszkanka" for resident is not.
    note_synonyms: bool = True
    normalise: Callable[[str], str] = lambda folded: folded

    _seen: dict[str, Match | None] = field(default_factory=dict, repr=False)

    def match(self, cell: str) -> Match | None:
        """The value ``cell`` names, or None; remembered, as the same cells repeat."""
        if cell not in self._seen:
            self._seen[cell] = self._match(cell)
        return self._seen[cell]

    def _match(self, cell: str) -> Match | None:
        folded = fold(cell)
        if folded in self.mapped:
            return Match(self.mapped[folded], "mapping")
        for key in dict.fromkeys((folded, self.normalise(folded))):
            if key in self.exact:
                return Match(self.exact[key])
            if key in self.synonyms:
                return Match(self.synonyms[key], "synonym" if self.note_synonyms else "")
        return None

    def suggest(self, cell: str) -> Any:
        """The closest known value (see ``display``), or None when nothing is close."""
        names = {**self.synonyms, **self.exact}
        close = difflib.get_close_matches(
            self.normalise(fold(cell)), list(names), n=1, cutoff=SUGGESTION_CUTOFF
        )
        return names[close[0]] if close else None

    def targets(self) -> list[tuple[str, str]]:
        """(stored target, what a person sees) of every value a cell can be mapped to."""
        return [(str(value), name) for value, name in self.display.items()]

    def target_value(self, target: str) -> Any:
        """A stored mapping target back as a value of this vocabulary (None: not one)."""
        for value in self.display:
            if str(value) == target:
                return value
        return None


def with_mappings(vocab: Vocabulary, mappings: Mapping[str, str]) -> Vocabulary:
    """``vocab`` with the admin's mappings (folded value -> stored target) that still apply."""
    for folded, target in mappings.items():
        value = vocab.target_value(target)
        if value is not None:
            vocab.mapped[folded] = value
    return vocab


def stored_mappings(session: Session) -> dict[str, dict[str, str]]:
    """Kind -> folded value -> stored target of every saved mapping."""
    found: dict[str, dict[str, str]] = {}
    query = select(ImportMapping.kind, ImportMapping.folded_value, ImportMapping.target)
    for kind, folded, target in session.execute(query):
        found.setdefault(kind, {})[folded] = target
    return found


def label_vocabulary(
    kind: str,
    prefix: str,
    codes: Iterable[str],
    synonym_section: str | None = None,
    note_synonyms: bool = False,
) -> Vocabulary:
    """Codes named by their code, Polish and English labels (``prefix.code``)."""
    exact: dict[str, Any] = {}
    display: dict[Any, str] = {}
    for code in codes:
        polish, english = CATALOGUE[f"{prefix}.{code}"]
        display[code] = polish
        for name in (code, polish, english):
            exact.setdefault(fold(name), code)
    synonyms = vocabulary.synonyms(synonym_section) if synonym_section else {}
    return Vocabulary(kind, exact, display, synonyms=synonyms, note_synonyms=note_synonyms)


def district_vocabulary(session: Session) -> Vocabulary:
    """Okręgi by number, name, the parts of a name and the neighbourhoods of ``values.toml``."""
    exact: dict[str, Any] = {}
    display: dict[Any, str] = {}
    id_of_number: dict[int, int] = {}
    for district_id, number, name in session.execute(
        select(District.id, District.number, District.name).order_by(District.number)
    ):
        id_of_number[number] = district_id
        display[district_id] = f"{number} – {name}"
        exact[str(number)] = district_id
        exact[fold(name)] = district_id
        exact[f"{number} {fold(name)}"] = district_id
    synonyms = {}
    for district_id, _number, name in session.execute(
        select(District.id, District.number, District.name)
    ):
        for part in re.split(r",| i ", name):
            synonyms.setdefault(fold(part), district_id)
    for word, number in vocabulary.synonyms("districts").items():
        if number in id_of_number:
            synonyms[word] = id_of_number[number]
    prefixes = vocabulary.district_prefixes()

    def normalise(folded: str) -> str:
        for prefix in prefixes:
            if folded.startswith(prefix + " "):
                folded = folded[len(prefix) + 1 :]
        return folded

    return Vocabulary("district", exact, display, synonyms=synonyms, normalise=normalise)


def workshop_vocabulary(session: Session, event_id: int) -> tuple[Vocabulary, dict[int, set]]:
    """The edition's workshops (by title, by title without "Warsztat:", by id) and
    its plenary sessions by day."""
    exact: dict[str, Any] = {}
    display: dict[Any, str] = {}
    shortened: dict[str, Any] = {}
    plenaries: dict[int, set[int]] = {1: set(), 2: set()}
    query = select(EventSession.id, EventSession.title, EventSession.day, EventSession.kind)
    for session_id, title, day, kind in session.execute(
        query.where(EventSession.event_id == event_id).order_by(EventSession.id)
    ):
        if kind != "workshop":
            plenaries[day].add(session_id)
        exact.setdefault(fold(title), session_id)
        exact.setdefault(str(session_id), session_id)
        display[session_id] = title
        if ":" in title:
            shortened.setdefault(fold(title.split(":", 1)[1]), session_id)
    exact = {**shortened, **exact}

    def normalise(folded: str) -> str:
        return _WORKSHOP_WORD.sub("", folded)

    vocab = Vocabulary("workshop", exact, display, normalise=normalise)
    return vocab, plenaries


def vocabulary_for(session: Session, kind: str, event_id: int | None = None) -> Vocabulary:
    """The vocabulary of one mappable kind, without saved mappings (workshops: of an edition)."""
    if kind == "district":
        return district_vocabulary(session)
    if kind == "workshop":
        if event_id is None:
            raise ValueError("a workshop mapping needs the Congress edition")
        return workshop_vocabulary(session, event_id)[0]
    codes = {
        "source": ("source", PROPOSAL_SOURCES, "sources"),
        "category": ("category", PARTICIPANT_CATEGORIES, "categories"),
        "signup_status": ("signup_status", SIGNUP_STATUSES, "signup_statuses"),
        "status": ("status", PROPOSAL_STATUSES, None),
    }
    prefix, values, section = codes[kind]
    return label_vocabulary(kind, prefix, values, section)
