"""Numbers in the course's prose, each tied to the computation that proves it.

Every claim names the file a sentence lives in, a short piece of that sentence, and a check against the
course's data. The first test fails when the sentence is edited (so whoever edits it looks at the check
again); the second fails when the data no longer support it.

The claims live in modules of their own, one per part of the course (``tests/prose_claims_*.py``, each
defining ``CLAIMS``); the Claim record and the helpers they share are in ``prose_claim_helpers.py``. To add a
claim, add one entry to the module of the part its sentence belongs to.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from prose_claim_helpers import (  # noqa: F401 (re-exported: claim modules import them from here)
    EAST_AFRICA, ROOT, SOUTH_ASIA, Claim, asean, country, members_count, mission_rows, near, ratio, share, yearly,
)
from prose_text import python_source_text

HERE = Path(__file__).resolve().parent

# The modules the checks moved to when this file was split: a check is still importable from here by its
# old name (``from test_prose_claims import _indonesia_peak``), found in the first module that has it.
MOVED_TO = ("prose_claim_helpers", "prose_claims_nb00", "prose_claims_nb01", "prose_claims_nb02",
            "prose_claims_nb03", "prose_claims_nb04", "prose_claims_nb05", "prose_claims_nb06",
            "prose_claims_nb07", "prose_claims_data")


def __getattr__(name: str) -> object:
    """A name this module held before the split, looked up where it lives now.

    >>> __getattr__("_indonesia_peak").__module__
    'prose_claim_helpers'
    >>> __getattr__("no_such_check")
    Traceback (most recent call last):
    AttributeError: module 'test_prose_claims' has no attribute 'no_such_check'
    """
    if not name.startswith("__"):
        for module in MOVED_TO:
            found = importlib.import_module(module).__dict__.get(name)
            if found is not None:
                return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _more_claims() -> list[Claim]:
    """Every claim module's CLAIMS, in the order of the module names."""
    more: list[Claim] = []
    for path in sorted(HERE.glob("prose_claims_*.py")):
        more += importlib.import_module(path.stem).CLAIMS
    return more


CLAIMS: list[Claim] = _more_claims()


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_sentence_is_still_in_the_prose(claim: Claim) -> None:
    for name in claim.files:
        text = (ROOT / name).read_text(encoding="utf-8")
        if name.endswith(".py"):  # a sentence may run over several string literals
            text, snippet = python_source_text(text), python_source_text(claim.text)
        else:
            snippet = claim.text
        assert snippet in text, (
            f"{claim.id}: the sentence changed in {name}; check the new wording against the data "
            "and update this entry")


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_data_support_the_sentence(claim: Claim) -> None:
    assert claim.holds(), f"{claim.id}: the data no longer support the sentence in {claim.files}"
