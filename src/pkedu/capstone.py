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
* :func:`check_verdicts` and :func:`check_brief`: friendly checks of
  completeness and form. They never raise, never show a traceback and never
  say which verdict is "right": nothing here knows. The model answers are
  the instructor's, in the instructor version of the notebook.

In a notebook, after ``import pkedu as pk``, run ``import pkedu.capstone``
once; then ``pk.capstone.claims()`` and the rest work.

>>> table = verdict_table()
>>> len(table), list(table.columns)
(12, ['claim', 'verdict', 'evidence', 'source'])
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

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pkedu.checks import Feedback

__all__ = [
    "Claim", "CLAIMS", "VERDICTS", "MIN_EVIDENCE_WORDS", "BRIEF_WORDS", "Report", "Table",
    "claims", "verdict_table", "record", "add_claim", "sources_for", "show",
    "check_verdicts", "check_brief", "word_count",
]

#: The verdicts a claim can get, from the strongest to "we cannot say".
VERDICTS: tuple[str, ...] = ("supported", "partly", "not supported", "cannot tell")

#: Other spellings that mean one of :data:`VERDICTS`.
VERDICT_ALIASES: dict[str, str] = {
    "partly supported": "partly",
    "partially": "partly",
    "partially supported": "partly",
    "partial": "partly",
    "unsupported": "not supported",
    "cant tell": "cannot tell",
    "can not tell": "cannot tell",
}

#: The fewest words of evidence a verdict needs.
MIN_EVIDENCE_WORDS = 12

#: The length of the policy brief, in words (the Sources list not counted).
BRIEF_WORDS: tuple[int, int] = (300, 500)

_TABLE_ID = "07-verdict-table"
_BRIEF_ID = "07-brief"
_COLUMNS = ("claim", "verdict", "evidence", "source")
_URL = re.compile(r"https?://[^\s)>\]]+", re.IGNORECASE)
_DATA_REFERENCE = re.compile(
    r"\bpk\.(?:data|analysis|charts|capstone)\b|\bUN\s+(?:data|figures|monthly|reports?|DPO)\b"
    r"|\bcontributions\b|\bevents?\s+table\b|\bevents\.csv\b|\bIPI\b|\bmissions?\s+table\b",
    re.IGNORECASE)
_RECOMMENDATION = re.compile(r"\brecommend\w*|\bshould\b|\bpropos\w*|\burge\w*",
                             re.IGNORECASE)
_FIGURE = re.compile(r"\b(?:figure|fig\.?|chart)\s*([12])\b", re.IGNORECASE)
_SOURCES_HEADING = re.compile(r"^\s*(?:#+\s*)?\**\s*(?:sources|references)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """One empirical claim of the article, with where to look for evidence.

    ``step`` is the step of the article's argument (1 convergence, 3 no ASEAN
    force, 4 smaller groups, 5 benefits; see notebook 00). ``events`` are ids
    in the course's events table (``pk.data.load_events()``).
    """

    id: str
    step: int
    claim: str
    test: str
    events: tuple[str, ...] = ()


#: The starting list: the article's empirical claims, in the order the article makes them.
CLAIMS: tuple[Claim, ...] = (
    Claim("grown", 1,
          "The number of Southeast Asian peacekeepers deployed with the UN has grown (over the "
          "decade before 2019).",
          "UN data: ASEAN's yearly averages, e.g. 2009 against 2018 (pk.analysis.monthly_totals, "
          "pk.analysis.annual)."),
    Claim("after-cold-war", 1,
          "Singapore, Thailand and Brunei began to contribute to UN peacekeeping after the Cold "
          "War.",
          "Sources on first deployments (the UN data start only in November 1990).",
          ("sgp-first-deployment", "tha-first-deployment", "brn-first-deployment")),
    Claim("cambodia-2005", 1,
          "Cambodia joined the group of contributing countries in 2005.",
          "UN data: pk.analysis.first_contributions; national sources on the first unit.",
          ("khm-cabinet-approval", "khm-first-deployment")),
    Claim("vietnam-2014", 1,
          "Vietnam joined the contributing countries in 2014.",
          "UN data: pk.analysis.first_contributions; Vietnamese news reports.",
          ("vnm-first-deployment",)),
    Claim("myanmar-2015", 1,
          "Myanmar reversed its isolationist stance in 2015, sending a small number of "
          "peacekeepers to Liberia and South Sudan.",
          "UN data by mission (pk.analysis.where_they_serve); sources on earlier Burmese service.",
          ("mmr-first-deployment", "mmr-return-2015")),
    Claim("philippines-broadened", 1,
          "The Philippines, like Indonesia and Malaysia, has broadened its peacekeeping "
          "engagement over the past years.",
          "UN data: the Philippines' yearly averages, 2011 against 2019; news of its 2014 "
          "withdrawals.",
          ("phl-withdraws-undof-unmil",)),
    Claim("laos-only", 1,
          "Laos is the only ASEAN state with no direct experience in peacekeeping.",
          "UN data: which ASEAN states ever had personnel deployed; recent Lao and Vietnamese "
          "news.",
          ("lao-asks-vnm-help",)),
    Claim("indonesia-2011", 3,
          "A proposal for an integrated ASEAN peacekeeping capacity was first put forward by "
          "Indonesia in 2011 (and taken up by Malaysia in 2015).",
          "Dated news reports of ASEAN meetings (the events table); the UN data cannot test it.",
          ("mys-asean-force-idea", "idn-asean-force-proposal", "apcn-endorsed",
           "mys-asean-force-2015")),
    Claim("indonesia-4000", 4,
          "Indonesia has publicly pledged to deploy 4,000 peacekeepers.",
          "Indonesian and other sources on the pledge; UN data on what followed "
          "(pk.analysis.pledge_gap).",
          ("idn-4000-goal", "idn-4000-pledge", "idn-jokowi-3552")),
    Claim("binational", 4,
          "Only Singapore and Brunei have used binational contingents deployed under UN command.",
          "Sources on shared contingents; UN data by mission (pk.analysis.where_they_serve).",
          ("brn-mys-unifil-binational", "sgp-bamiyan-embedded", "sgp-iraq-embedded")),
    Claim("east-timor-un", 5,
          "With no regional framework, the UN was called upon to intervene in East Timor.",
          "Sources on INTERFET and UNTAET (1999-2000); UN data for the states that took part.",
          ("interfet-authorised", "untaet-established", "untaet-takes-over-interfet")),
    Claim("mindanao-oic", 5,
          "With no regional framework, the Organisation of Islamic Cooperation was called upon to "
          "intervene in Mindanao, in the southern Philippines.",
          "Sources on the peace processes with the MNLF and the MILF; the UN data cannot see "
          "non-UN missions.",
          ("mindanao-mnlf-peace-agreement", "imt-mindanao")),
)

_BY_ID = {c.id: c for c in CLAIMS}


# --------------------------------------------------------------------------------------
# Showing tables with their full text


class Table:
    """A table shown with its full text, wrapped, and with clickable links.

    pandas cuts long text in a notebook; claims and evidence need all their
    words. ``Table(df).frame`` is the DataFrame itself.

    >>> Table(pd.DataFrame({"claim": ["Laos never deployed."]}, index=["laos"]))
    laos
      claim: Laos never deployed.
    """

    def __init__(self, frame: pd.DataFrame, title: str = "") -> None:
        self.frame = frame
        self.title = title

    def __repr__(self) -> str:
        lines = [self.title] if self.title else []
        for key, row in self.frame.iterrows():
            lines.append(str(key))
            for column, value in row.items():
                lines.append(f"  {column}: {_text(value) or '-'}")
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        name = html.escape(str(self.frame.index.name or ""))
        head = "".join(f"<th style='text-align:left'>{html.escape(str(c))}</th>"
                       for c in self.frame.columns)
        rows = []
        for key, row in self.frame.iterrows():
            cells = "".join(f"<td style='{_CELL}'>{_linked(v)}</td>" for v in row)
            rows.append(f"<tr><th style='{_CELL}'>{html.escape(str(key))}</th>{cells}</tr>")
        title = (f"<caption style='text-align:left;font-weight:bold'>"
                 f"{html.escape(self.title)}</caption>" if self.title else "")
        return (f"<table class='pkedu-table' style='table-layout:fixed;width:100%'>{title}"
                f"{self._widths()}"
                f"<thead><tr><th style='text-align:left'>{name}</th>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")

    def _widths(self) -> str:
        """Column widths that grow with the square root of each column's longest text."""
        keys = [len(str(k)) for k in self.frame.index]
        lengths = [max(keys + [len(str(self.frame.index.name or "")), 6])]
        for column in self.frame.columns:
            texts = [len(_text(v)) for v in self.frame[column]]
            lengths.append(max(texts + [len(str(column)), 4]))
        # Short columns (ids, verdicts) need room for a whole word; long ones grow more slowly.
        weights = [max(n ** 0.5, min(n, 14) / 2.2) for n in lengths]
        total = sum(weights)
        cols = "".join(f"<col style='width:{100 * w / total:.1f}%'>" for w in weights)
        return f"<colgroup>{cols}</colgroup>"


_CELL = ("text-align:left;vertical-align:top;white-space:normal;overflow-wrap:anywhere;"
         "word-break:break-word")


def _text(value: Any) -> str:
    if value is None or value is Ellipsis:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return " ".join(str(value).split())


def _linked(value: Any) -> str:
    """Escaped text with every URL turned into a link that opens in a new tab."""
    text = _text(value)
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        url = match.group(0).rstrip(".,;:")  # a full stop after a link is not part of it
        out.append(f"<a href='{html.escape(url, quote=True)}' target='_blank' rel='noopener' "
                   f"style='word-break:break-all'>{html.escape(url)}</a>")
        last = match.start() + len(url)
    out.append(html.escape(text[last:]))
    return "".join(out)


def show(table: pd.DataFrame, title: str = "") -> Table:
    """Show a table (the claims, your verdicts) with all of its text and clickable links.

    >>> show(claims().head(1))
    grown
      step: 1
      claim: The number of Southeast Asian peacekeepers deployed with the UN has grown (over \
the decade before 2019).
      how to test it: UN data: ASEAN's yearly averages, e.g. 2009 against 2018 \
(pk.analysis.monthly_totals, pk.analysis.annual).
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError("show(...) needs a table (a DataFrame), for example "
                        "pk.capstone.show(verdicts)")
    return Table(table, title)


# --------------------------------------------------------------------------------------
# The claims and the verdict table


def claims() -> pd.DataFrame:
    """The starting list of the article's empirical claims, one row per claim.

    The index is the claim's id (``"cambodia-2005"``); ``step`` is the step of
    the article's argument; ``how to test it`` points to data or sources.

    >>> c = claims()
    >>> c.index[:3].tolist()
    ['grown', 'after-cold-war', 'cambodia-2005']
    >>> c.loc["laos-only", "claim"]
    'Laos is the only ASEAN state with no direct experience in peacekeeping.'
    """
    frame = pd.DataFrame({"step": [c.step for c in CLAIMS],
                          "claim": [c.claim for c in CLAIMS],
                          "how to test it": [c.test for c in CLAIMS]},
                         index=pd.Index([c.id for c in CLAIMS], name="claim_id"))
    return frame


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


def word_count(text: Any) -> int:
    """How many words a text has (a link counts as one word).

    >>> word_count("UN data: 2 experts in May 2005 (https://example.org/a b)")
    9
    >>> word_count(...)
    0
    """
    return len(_text(text).split())


def _source_kinds(text: str) -> tuple[int, bool]:
    """(number of links, whether a data reference is named) in a text."""
    return len(_URL.findall(text)), bool(_DATA_REFERENCE.search(text))


def _source_words(text: str) -> str:
    links, data = _source_kinds(text)
    parts = []
    if links:
        parts.append(f"{links} link{'s' * (links != 1)}")
    if data:
        parts.append("a data reference")
    return " and ".join(parts)


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


class Report(Feedback):
    """The result of a capstone check: displays like a self-check's feedback.

    ``complete`` is True when nothing is missing. It says nothing about
    whether a verdict is right.
    """

    @property
    def complete(self) -> bool:
        """True when the table or brief has everything the check looks for."""
        return self.status == "recorded"


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
    13
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


def sources_for(claim_id: str) -> Table:
    """The course's dated events that bear on a claim: date, what happened, sources.

    A ``disputed`` event is one where sources disagree with each other or with
    the article; ``note`` says how. Links are clickable in the notebook.

    >>> evidence = sources_for("vietnam-2014")
    >>> evidence.frame[["date", "event"]].to_string(index=False)
    'date                                          event\\n2014 Vietnam sends its first two \
officers to UNMISS'
    >>> sources_for("grown").frame.empty
    True
    >>> sources_for("nonsense")
    Traceback (most recent call last):
    ...
    ValueError: no claim called 'nonsense'; the claims are: grown, after-cold-war, \
cambodia-2005, vietnam-2014, myanmar-2015, philippines-broadened, laos-only, indonesia-2011, \
indonesia-4000, binational, east-timor-un, mindanao-oic
    """
    from pkedu.data import load_events

    claim = _BY_ID.get(claim_id) if isinstance(claim_id, str) else None
    if claim is None:
        raise ValueError(f"no claim called {claim_id!r}; the claims are: "
                         f"{', '.join(_BY_ID)}")
    events = load_events().set_index("id")
    rows = events.loc[list(claim.events)] if claim.events else events.iloc[0:0]
    frame = pd.DataFrame({
        "date": rows["date"].astype(str).tolist(),
        "event": rows["title"].astype(str).tolist(),
        "disputed": ["yes" if bool(d) else "no" for d in rows["disputed"]],
        "note": [_text(n) for n in rows["dispute_note"]],
        "sources": [" ".join(_text(u).split(" ; ")) for u in rows["source_urls"]],
    }, index=pd.Index(list(rows.index), name="event id"))
    title = f"Events bearing on '{claim_id}'" + ("" if claim.events else
                                                  ": none (use the UN data)")
    return Table(frame, title)


# --------------------------------------------------------------------------------------
# Checks


def check_verdicts(table: pd.DataFrame, claims: Sequence[str] | None = None) -> Report:
    """Check that every claim has a verdict on the scale, evidence and a source.

    It checks completeness only, never whether a verdict is right. ``claims``
    limits the check to some claim ids (for group work). Never raises.

    >>> t = verdict_table()
    >>> print(check_verdicts(t).message)
    Not started yet: 12 claims are waiting for a verdict.
    Use pk.capstone.record(verdicts, claim_id, verdict, evidence, source) for each claim.
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
            chosen = [chosen]
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


def _brief_body(text: str) -> str:
    """The brief without its Sources list (the part whose words are counted)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if i > 0 and _SOURCES_HEADING.match(line):
            return "\n".join(lines[:i])
    return text


def check_brief(text: str, charts: Sequence[Any] | None = None) -> Report:
    """Check the form of a policy brief: length, a recommendation, sources, two charts.

    ``text`` is the brief as one string (its Sources list is not counted in
    the length); ``charts`` the two charts made for it with pk.charts. It
    checks form only: the content is for the rubric. Never raises.

    >>> check_brief(...).headline, "triple quotes" in check_brief(...).message
    ('Not answered yet.', True)
    >>> print(check_brief("ASEAN should act.").message)
    Not ready yet: 4 things to fix.
    Length: 3 words. Aim for 300 to 500 (the Sources list is not counted).
    Sources: name at least one link (https://...) or course data (e.g. 'UN data, pk.analysis...').
    Charts: pass your two charts too: pk.capstone.check_brief(my_brief, charts=[chart_1, \
chart_2]).
    Charts: refer to each chart in the text ('Figure 1 shows ...', 'Figure 2 ...').
    """
    try:
        return _check_brief(text, charts)
    except Exception as exc:  # never a traceback
        return Report(_BRIEF_ID, "unavailable", "The brief could not be checked.",
                      (f"Something unexpected happened ({type(exc).__name__}). Please tell "
                       "your instructor.",))


def _chart_problems(charts: Any) -> list[str]:
    from pkedu.charts import describe

    if charts is None or charts is Ellipsis:
        return ["Charts: pass your two charts too: pk.capstone.check_brief(my_brief, "
                "charts=[chart_1, chart_2])."]
    if not isinstance(charts, (list, tuple)):
        charts = [charts]
    charts = [c for c in charts if c is not Ellipsis and c is not None]
    usable = []
    for chart in charts:
        try:
            usable.append(describe(chart))
        except (TypeError, ValueError):
            return ["Charts: each chart must be one made with a pk.charts function (for "
                    "example pk.charts.contributions_over_time(...)), not its name in quotes."]
    if len(usable) < 2:
        return [f"Charts: the brief needs two charts; {len(usable)} given."]
    if len(set(usable)) < len(usable):
        return ["Charts: the two charts are the same; make two that show different things."]
    return []


def _check_brief(text: Any, charts: Any) -> Report:
    if text is Ellipsis or text is None or (isinstance(text, str) and not text.strip()):
        return Report(_BRIEF_ID, "unanswered", "Not answered yet.",
                      ('Replace the ... with your brief between triple quotes: my_brief = """ on '
                       'the first line, your text, then """ on the last line. Run the cell '
                       'again.',))
    if not isinstance(text, str):
        return Report(_BRIEF_ID, "unavailable", "The brief must be text: write it between "
                      'triple quotes, my_brief = """ ... """.')
    words = word_count(_brief_body(text))
    low, high = BRIEF_WORDS
    problems = []
    if not low <= words <= high:
        problems.append(f"Length: {words} words. Aim for {low} to {high} (the Sources list is "
                        "not counted).")
    if not _RECOMMENDATION.search(text):
        problems.append("Recommendation: say what the ministers should do, e.g. a sentence "
                        "starting 'We recommend ...'.")
    links, data = _source_kinds(text)
    if not (links or data):
        problems.append("Sources: name at least one link (https://...) or course data "
                        "(e.g. 'UN data, pk.analysis...').")
    problems += _chart_problems(charts)
    figures = {m.group(1) for m in _FIGURE.finditer(text)}
    if figures != {"1", "2"}:
        problems.append("Charts: refer to each chart in the text ('Figure 1 shows ...', "
                        "'Figure 2 ...').")
    if problems:
        return Report(_BRIEF_ID, "incorrect",
                      f"Not ready yet: {len(problems)} thing{'s' * (len(problems) != 1)} to "
                      "fix.", tuple(problems))
    sources = _source_words(text)
    return Report(_BRIEF_ID, "recorded",
                  f"Ready to hand in: {words} words, a recommendation, {sources}, and two "
                  "charts referred to in the text.",
                  ("This check looks at form only; your instructor marks the content with "
                   "the rubric.",))
