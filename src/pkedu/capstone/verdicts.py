"""The verdict table: one row per claim, filled with :func:`record`, checked for completeness.

:func:`verdict_table`, :func:`record`, :func:`add_claim`,
:func:`check_verdicts`. The checks look at completeness only (a verdict on
the scale, enough words of evidence, a source) and never say which verdict is
right. They never raise: a problem becomes a :class:`~pkedu.capstone._common.Report`.
The claims themselves are in :mod:`pkedu.capstone.article`; the brief in
:mod:`pkedu.capstone.brief`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from pkedu.capstone._common import Report, _source_kinds, _source_words, _text, word_count
from pkedu.capstone.article import CLAIM_SETS, CLAIMS, VERDICT_ALIASES, VERDICTS, _BY_ID


#: The fewest words of evidence a verdict needs.
MIN_EVIDENCE_WORDS = 12
_TABLE_ID = "07-verdict-table"
_COLUMNS = ("claim", "verdict", "evidence", "source")


def verdict_table() -> pd.DataFrame:
    """An empty verdict table: one row per claim, to fill in.

    Columns: ``claim``, ``verdict`` (one of :data:`VERDICTS`), ``evidence``
    (what the data and sources show, with numbers and dates) and ``source``
    (at least one link, or a data reference such as
    ``pk.analysis.first_contributions``). Fill it with :func:`record` or with
    ``table.loc["laos-only", "verdict"] = "supported"``.

    >>> t = verdict_table()
    >>> t.loc["cambodia-2005", "verdict"]
    ''
    """
    frame = pd.DataFrame({"claim": [c.claim for c in CLAIMS]},
                         index=pd.Index([c.id for c in CLAIMS], name="claim_id"))
    for column in _COLUMNS[1:]:
        frame[column] = ""
    return frame.astype(object)


def _normal_verdict(value: Any) -> str | None:
    """The verdict on the scale that ``value`` names, or None.

    >>> _normal_verdict(" Partly Supported "), _normal_verdict("not-supported")
    ('partly', 'not supported')
    >>> _normal_verdict("maybe") is None
    True
    """
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s_\-]+", " ", value.strip().lower().replace("'", "")).strip(" .!")
    if text in VERDICTS:
        return text
    return VERDICT_ALIASES.get(text)


def _row_problems(claim_id: str, verdict: Any, evidence: Any, source: Any) -> list[str]:
    """What is missing or off in one row, in friendly sentences (never the right verdict)."""
    problems = []
    verdict_text = _text(verdict)
    if not verdict_text:
        problems.append(f"{claim_id}: no verdict yet. Choose one of: {', '.join(VERDICTS)}.")
    elif _normal_verdict(verdict_text) is None:
        problems.append(f"{claim_id}: the verdict {verdict_text[:30]!r} is not on the scale. "
                        f"Choose one of: {', '.join(VERDICTS)}.")
    words = word_count(evidence)
    if words == 0:
        problems.append(f"{claim_id}: no evidence yet. Say what the data or the sources show, "
                        "with numbers and dates.")
    elif words < MIN_EVIDENCE_WORDS:
        problems.append(f"{claim_id}: the evidence has {words} word{'s' * (words != 1)}; write at "
                        f"least {MIN_EVIDENCE_WORDS}, with the numbers and dates you found.")
    source_text = _text(source)
    if not source_text:
        problems.append(f"{claim_id}: no source yet. Add a link (https://...) or a data reference "
                        "such as pk.analysis.first_contributions.")
    elif not any(_source_kinds(source_text)):
        problems.append(f"{claim_id}: the source names no link (https://...) and no course data "
                        "(for example 'UN data, pk.analysis.ranking' or 'events table').")
    return problems


def _similar(claim_id: str, ids: Iterable[str]) -> str:
    close = difflib.get_close_matches(claim_id, list(ids), n=2, cutoff=0.5)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _frame_problem(table: Any, call: str) -> Report | None:
    if table is Ellipsis or table is None:
        return Report(_TABLE_ID, "unanswered", "Not answered yet.",
                      (f"Make the table first: verdicts = pk.capstone.verdict_table(), then "
                       f"{call}.",))
    if not isinstance(table, pd.DataFrame):
        return Report(_TABLE_ID, "unavailable",
                      "This needs the verdict table itself (a DataFrame).",
                      ("Make it with verdicts = pk.capstone.verdict_table() and pass "
                       "verdicts.",))
    return None


def _ids_of(table: pd.DataFrame) -> pd.DataFrame:
    """The table with claim ids as its index (they may sit in a 'claim_id' column)."""
    if "claim_id" in table.columns:
        return table.set_index("claim_id")
    return table


def record(table: pd.DataFrame, claim_id: str, verdict: Any = ..., evidence: Any = ...,
           source: Any = ...) -> Report:
    """Write one claim's verdict, evidence and source into the table; say what is missing.

    The table is changed in place. ``...`` (not answered yet) leaves a field
    as it was. Never raises: problems come back as a message.

    >>> t = verdict_table()
    >>> record(t, "laos-only", "yes", "none", "")
    💡 07-verdict-table: Saved for 'laos-only', but not complete yet:
    laos-only: the verdict 'yes' is not on the scale. Choose one of: supported, partly, \
not supported, cannot tell.
    laos-only: the evidence has 1 word; write at least 12, with the numbers and dates you found.
    laos-only: no source yet. Add a link (https://...) or a data reference such as \
pk.analysis.first_contributions.
    >>> record(t, "laos", "supported").headline
    "There is no claim called 'laos' in the table. Did you mean 'laos-only'?"
    >>> record(t, "grown").headline
    'Not answered yet.'
    """
    try:
        return _record(table, claim_id, verdict, evidence, source)
    except Exception as exc:  # the last line of defence: never a traceback
        return Report(_TABLE_ID, "unavailable", "This could not be recorded.",
                      (f"Something unexpected happened ({type(exc).__name__}). Please tell "
                       "your instructor.",))


def _record(table: Any, claim_id: Any, verdict: Any, evidence: Any, source: Any) -> Report:
    problem = _frame_problem(table, "record(verdicts, ...)")
    if problem is not None:
        return problem
    missing = [c for c in _COLUMNS[1:] if c not in table.columns]
    if missing:
        return Report(_TABLE_ID, "unavailable", f"The table has no column {missing[0]!r}.",
                      ("Start again from verdicts = pk.capstone.verdict_table().",))
    if claim_id is Ellipsis:
        return Report(_TABLE_ID, "unanswered", "Not answered yet.",
                      ("Give the claim's short name in quotes: one from pk.capstone.claims(), "
                       "or the one you chose with add_claim.",))
    if not isinstance(claim_id, str) or claim_id.strip() not in table.index:
        label = claim_id if isinstance(claim_id, str) else "that"
        ids = [str(i) for i in table.index]
        return Report(_TABLE_ID, "unavailable",
                      f"There is no claim called {label!r} in the table."
                      + (_similar(label, ids) if isinstance(claim_id, str) else ""),
                      () if isinstance(claim_id, str) and _similar(label, ids) else
                      (f"The claims are: {', '.join(ids)}.",))
    claim_id = claim_id.strip()
    if verdict is Ellipsis and evidence is Ellipsis and source is Ellipsis:
        return Report(_TABLE_ID, "unanswered", "Not answered yet.",
                      ("Replace each ... above with your verdict, evidence and source (text in "
                       "quotes), then run the cell again.",))
    for column, value in (("verdict", verdict), ("evidence", evidence), ("source", source)):
        if value is Ellipsis:
            continue
        if column == "verdict":
            value = _normal_verdict(value) or _text(value)
        table.loc[claim_id, column] = _text(value)
    row = table.loc[claim_id]
    problems = _row_problems(claim_id, row["verdict"], row["evidence"], row["source"])
    if problems:
        return Report(_TABLE_ID, "incorrect",
                      f"Saved for {claim_id!r}, but not complete yet:", tuple(problems))
    summary = (f"verdict: {row['verdict']} · evidence: {word_count(row['evidence'])} words · "
               f"source: {_source_words(_text(row['source']))}")
    return Report(_TABLE_ID, "recorded", f"Recorded for {claim_id!r}.", (summary,))


def add_claim(table: pd.DataFrame, claim_id: str, claim: str) -> Report:
    """Add a claim of your own to the table (then :func:`record` its verdict).

    >>> t = verdict_table()
    >>> add_claim(t, "indonesia-natural-leader", "Indonesia is Southeast Asia's natural leader.")
    📝 07-verdict-table: Added 'indonesia-natural-leader'. Now record its verdict, evidence and \
source.
    >>> len(t)
    14
    >>> add_claim(t, "laos-only", "Laos never sent anyone.").headline
    "'laos-only' is already in the table: give your claim another short name."
    """
    try:
        problem = _frame_problem(table, "add_claim(verdicts, ...)")
        if problem is not None:
            return problem
        if claim_id is Ellipsis or claim is Ellipsis:
            return Report(_TABLE_ID, "unanswered", "Not answered yet.",
                          ("Give your claim a short name and its text, both in quotes.",))
        if not isinstance(claim_id, str) or not re.fullmatch(r"[A-Za-z0-9][\w\-]{0,40}",
                                                             claim_id.strip()):
            return Report(_TABLE_ID, "unavailable",
                          "Give the claim a short name in quotes, like 'indonesia-leader' "
                          "(letters, digits and dashes).")
        claim_id = claim_id.strip()
        if claim_id in table.index:
            return Report(_TABLE_ID, "unavailable",
                          f"{claim_id!r} is already in the table: give your claim another "
                          "short name.")
        if word_count(claim) < 3:
            return Report(_TABLE_ID, "unavailable",
                          "Write the claim itself as a sentence in quotes, as the article "
                          "states it.")
        table.loc[claim_id] = {"claim": _text(claim), "verdict": "", "evidence": "",
                               "source": ""}
        return Report(_TABLE_ID, "recorded", f"Added {claim_id!r}. Now record its verdict, "
                      "evidence and source.")
    except Exception as exc:  # never a traceback
        return Report(_TABLE_ID, "unavailable", "The claim could not be added.",
                      (f"Something unexpected happened ({type(exc).__name__}).",))


def check_verdicts(table: pd.DataFrame, claims: Sequence[str] | None = None) -> Report:
    """Check that every claim has a verdict on the scale, evidence and a source.

    It checks completeness only, never whether a verdict is right. ``claims``
    limits the check to some claim ids, or to one claim set by its name
    (``"A"``, ``"B"`` or ``"C"``, see :data:`~pkedu.capstone.article.CLAIM_SETS`)
    for group work. Never raises.

    >>> t = verdict_table()
    >>> print(check_verdicts(t).message)
    Not started yet: 13 claims are waiting for a verdict.
    Use pk.capstone.record(verdicts, claim_id, verdict, evidence, source) for each claim.
    >>> check_verdicts(t, claims="b").headline
    'Not started yet: 4 claims are waiting for a verdict.'
    >>> print(check_verdicts(t, claims=["laos"]).message)
    Not yet: these claims are not in the table: 'laos'.
    Did you mean 'laos-only'? Claim ids are listed by pk.capstone.claims().
    >>> check_verdicts("my table").headline
    'This needs the verdict table itself (a DataFrame).'
    """
    try:
        return _check_verdicts(table, claims)
    except Exception as exc:  # never a traceback
        return Report(_TABLE_ID, "unavailable", "The table could not be checked.",
                      (f"Something unexpected happened ({type(exc).__name__}). Please tell "
                       "your instructor.",))


def _check_verdicts(table: Any, chosen: Any) -> Report:
    problem = _frame_problem(table, "check_verdicts(verdicts)")
    if problem is not None:
        return problem
    table = _ids_of(table)
    missing_columns = [c for c in _COLUMNS[1:] if c not in table.columns]
    if missing_columns:
        return Report(_TABLE_ID, "unavailable",
                      f"The table has no column{'s' * (len(missing_columns) > 1)} "
                      f"{', '.join(repr(c) for c in missing_columns)}.",
                      ("Start from verdicts = pk.capstone.verdict_table(); it has the columns "
                       "claim, verdict, evidence and source.",))
    present = [str(i) for i in table.index]
    if chosen is None:
        wanted = [c.id for c in CLAIMS] + [i for i in present if i not in _BY_ID]
    else:
        if isinstance(chosen, str):
            name = chosen.strip().upper().removeprefix("SET ").strip()
            chosen = list(CLAIM_SETS[name]) if name in CLAIM_SETS else [chosen]
        wanted = [str(c).strip() for c in chosen]
    absent = [c for c in wanted if c not in present]
    if absent and chosen is not None:
        hint = _similar(absent[0], present).strip()
        return Report(_TABLE_ID, "incorrect",
                      f"Not yet: these claims are not in the table: "
                      f"{', '.join(repr(a) for a in absent)}.",
                      ((hint + " " if hint else "") + "Claim ids are listed by "
                       "pk.capstone.claims().",))
    problems: list[str] = []
    done = 0
    untouched = 0
    for claim_id in wanted:
        if claim_id not in present:
            problems.append(f"{claim_id}: the row is missing. Add it back with "
                            f"pk.capstone.add_claim(verdicts, {claim_id!r}, ...) or start "
                            "again from pk.capstone.verdict_table().")
            continue
        row = table.loc[claim_id]
        if isinstance(row, pd.DataFrame):  # a duplicated id
            problems.append(f"{claim_id}: appears {len(row)} times; keep one row per claim.")
            continue
        if not any(_text(row[c]) for c in _COLUMNS[1:]):
            untouched += 1
            problems.append(f"{claim_id}: not started yet (no verdict, evidence or source).")
            continue
        row_problems = _row_problems(claim_id, row["verdict"], row["evidence"], row["source"])
        problems += row_problems
        done += not row_problems
    total = len(wanted)
    if untouched == total:
        return Report(_TABLE_ID, "unanswered",
                      f"Not started yet: {total} claim{'s' * (total != 1)} "
                      f"{'are' if total != 1 else 'is'} waiting for a verdict.",
                      ("Use pk.capstone.record(verdicts, claim_id, verdict, evidence, source) "
                       "for each claim.",))
    if problems:
        return Report(_TABLE_ID, "incorrect",
                      f"Not complete yet: {done} of {total} claims are done.", tuple(problems))
    return Report(_TABLE_ID, "recorded",
                  f"Complete: all {total} claims have a verdict, evidence and a source.",
                  ("This check looks at completeness only, not at whether each verdict is "
                   "right. Compare your verdicts with your group's and be ready to defend "
                   "them.",))
