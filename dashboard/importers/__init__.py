"""Imports of proposals and Congress sign-ups from CSV or XLSX files.

Both follow the same rules:
- a dry run reads the file and the database and lists EVERY problem by row,
  column and reason — nothing is written;
- a real import validates again inside one write transaction and writes only
  when there is no problem at all (all-or-nothing);
- importing the same file again adds nothing: proposals carry a fingerprint of
  their row (``proposals.import_key``), sign-ups are matched by edition and e-mail;
- values are matched forgivingly (case, diacritics, spacing, neighbourhoods,
  synonyms, saved mappings) and every such reading is listed in the report; a value
  that still matches nothing is a problem with a suggestion, never a default.

Reference data is read once into dicts and rows are written with bulk
statements, so a 50,000-row file takes seconds.

Where things are:
- ``headers.toml``, ``values.toml``: the headers and words understood (data, not code),
  read by ``vocabulary``; ``folding``: how text is compared;
- ``matching``: cells → codes and ids (``Vocabulary``), suggestions, saved mappings;
- ``reading``: files → rows of named fields;
- ``values``, ``signup_values``: cells → values (refused with ``InvalidCell``);
- ``cells``: one row's cells read as values, each unusable one a problem;
- ``report``: ``Problem`` and ``ImportReport``; ``plan``: the all-or-nothing step;
- ``proposals``, ``signups`` (with ``signup_rows``): the two imports.
"""

from dashboard.importers.proposals import PROPOSAL_SCHEMA, import_proposals, proposal_import_key
from dashboard.importers.reading import TabularError, read_table
from dashboard.importers.report import ImportReport, Problem
from dashboard.importers.signup_values import age_group_of
from dashboard.importers.signups import SIGNUP_SCHEMA, import_signups
from dashboard.importers.values import ImpossibleDateError, InvalidCell

__all__ = [
    "PROPOSAL_SCHEMA",
    "SIGNUP_SCHEMA",
    "ImportReport",
    "ImpossibleDateError",
    "InvalidCell",
    "Problem",
    "TabularError",
    "age_group_of",
    "import_proposals",
    "import_signups",
    "proposal_import_key",
    "read_table",
]
