"""Tools for the capstone (notebook 07): fact-check the article, then write a brief.

The capstone asks students to test the empirical claims of Jenne's article
against the course's data and sources, to record a verdict for each claim,
and to write a short policy brief. This module gives them:

* :func:`claims`: the starting list of claims, one row each, with a pointer
  to the data or sources that can test it;
* :func:`verdict_table`: an empty table to fill in, one row per claim, and
  :func:`record` to fill one row with a short confirmation (plain pandas,
  ``table.loc[claim_id, "verdict"] = ...``, works too);
* :func:`sources_for`: the course's dated events that bear on a claim, with
  their links and a note where sources disagree;
* :data:`CLAIM_SETS`: the claims split into three sets of four, one per
  pair or group in class (``check_verdicts(verdicts, claims="A")``);
* :func:`check_verdicts` and :func:`check_brief`: friendly checks of
  completeness and form. They never raise, never show a traceback and never
  say which verdict is "right": nothing here knows. The model answers are
  the instructor's, in the instructor version of the notebook.

In a notebook, after ``import pkedu as pk``, run ``import pkedu.capstone``
once; then ``pk.capstone.claims()`` and the rest work.

Where things live: :mod:`~pkedu.capstone.article` (the claims, the verdict
scale, :func:`sources_for`), :mod:`~pkedu.capstone.verdicts` (the verdict
table, :func:`record`, :func:`add_claim`, :func:`check_verdicts`),
:mod:`~pkedu.capstone.brief` (:func:`check_brief`, which reads the brief from
the saved notebook with :mod:`~pkedu.capstone.brief_cell`) and
:mod:`~pkedu.capstone._common` (:class:`Report`, :func:`show`,
:func:`word_count`). Every name is reachable as ``pk.capstone.<name>``.

>>> table = verdict_table()
>>> len(table), list(table.columns)
(13, ['claim', 'verdict', 'evidence', 'source'])
>>> check_verdicts(table).status
'unanswered'
>>> record(table, "vietnam-2014", "supported",
...        "UN data show two Vietnamese military experts from July 2014, and news reports date "
...        "the first two officers to May or June 2014.",
...        "pk.analysis.first_contributions")
📝 07-verdict-table: Recorded for 'vietnam-2014'.
verdict: supported · evidence: 23 words · source: a data reference
"""

from __future__ import annotations

from pkedu.capstone._common import Report, Table, show, word_count
from pkedu.capstone.brief import BRIEF_WORDS, check_brief
from pkedu.capstone.brief_cell import BRIEF_MARKER, brief_text, saved_brief
# VERDICT_ALIASES is not in __all__ but stays reachable as pk.capstone.VERDICT_ALIASES.
from pkedu.capstone.article import (
    CLAIM_SETS, CLAIMS, VERDICT_ALIASES, VERDICTS, WORKED_EXAMPLE, Claim, claim_set, claims,  # noqa: F401
    sources_for,
)
from pkedu.capstone.verdicts import (
    MIN_EVIDENCE_WORDS, add_claim, check_verdicts, record, verdict_table,
)

__all__ = [
    "Claim", "CLAIMS", "CLAIM_SETS", "WORKED_EXAMPLE", "VERDICTS", "MIN_EVIDENCE_WORDS", "BRIEF_WORDS", "BRIEF_MARKER", "Report", "Table",
    "claims", "claim_set", "verdict_table", "record", "add_claim", "sources_for", "show",
    "check_verdicts", "check_brief", "brief_text", "saved_brief", "word_count",
]
