"""The policy brief: :func:`check_brief` checks its form (length, recommendation, sources, charts).

Students write the brief in a Markdown cell of the notebook (it is kept in
the file they hand in); :func:`check_brief` reads it from the saved file
(:mod:`pkedu.capstone.brief_cell`), or takes the text itself. The content is
for the instructor's rubric; this never judges it and never raises. The
verdict table is :mod:`pkedu.capstone.verdicts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pkedu.capstone._common import Report, _source_kinds, _source_words, word_count
from pkedu.capstone.brief_cell import BRIEF_MARKER, BriefNotFound, saved_brief


#: The length of the policy brief, in words (the Sources list not counted).
BRIEF_WORDS: tuple[int, int] = (300, 500)
_BRIEF_ID = "07-brief"
_RECOMMENDATION = re.compile(r"\brecommend\w*|\bshould\b|\bpropos\w*|\burge\w*",
                             re.IGNORECASE)
_FIGURE = re.compile(r"\b(?:figure|fig\.?|chart)\s*([12])\b", re.IGNORECASE)
_SOURCES_HEADING = re.compile(r"^\s*(?:#+\s*)?\**\s*(?:sources|references)\b", re.IGNORECASE)


def _brief_body(text: str) -> str:
    """The brief without its Sources list (the part whose words are counted)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if i > 0 and _SOURCES_HEADING.match(line):
            return "\n".join(lines[:i])
    return text


def check_brief(text: Any = None, charts: Sequence[Any] | None = None,
                notebook: str | None = None) -> Report:
    """Check the form of a policy brief: length, a recommendation, sources, two charts.

    With no ``text``, the brief is read from the saved notebook: the text
    cell under :data:`~pkedu.capstone.brief_cell.BRIEF_MARKER` (``notebook``
    names the file when the folder holds several copies). ``text`` may also
    be the brief itself, as one string. Its Sources list is not counted in
    the length. ``charts`` are the two charts made for it with pk.charts. It
    checks form only: the content is for the rubric. Never raises.

    >>> check_brief(...).headline, "text cell" in check_brief(...).message
    ('Not answered yet.', True)
    >>> print(check_brief(notebook="no-such-file").message)
    The brief could not be read.
    There is no notebook called 'no-such-file.ipynb' in this folder.
    >>> print(check_brief("ASEAN should act.").message)
    Not ready yet: 4 things to fix.
    Length: 3 words. Aim for 300 to 500 (the Sources list is not counted).
    Sources: name at least one link (https://...) or course data (e.g. 'UN data, pk.analysis...').
    Charts: pass your two charts too: pk.capstone.check_brief(charts=[chart_1, chart_2]).
    Charts: refer to each chart in the text ('Figure 1 shows ...', 'Figure 2 ...').
    """
    try:
        source = ""
        if text is None:
            try:
                text, name = saved_brief(notebook)
            except BriefNotFound as problem:
                return Report(_BRIEF_ID, "unavailable", "The brief could not be read.",
                              (str(problem),))
            source = (f"Read from the saved file {name} (save with Ctrl-S before you check "
                      "again).")
            if not text:
                return Report(_BRIEF_ID, "unanswered", "Not answered yet.",
                              (f"The text cell under {BRIEF_MARKER!r} in {name} is still empty. "
                               "Write your brief there, save the notebook (Ctrl-S), then run "
                               "this cell again.",))
        report = _check_brief(text, charts)
        if source:
            report = Report(report.question_id, report.status, report.headline,
                            (*report.details, source))
        return report
    except Exception as exc:  # never a traceback
        return Report(_BRIEF_ID, "unavailable", "The brief could not be checked.",
                      (f"Something unexpected happened ({type(exc).__name__}). Please tell "
                       "your instructor.",))


def _chart_problems(charts: Any) -> list[str]:
    from pkedu.charts import describe

    if charts is None or charts is Ellipsis:
        return ["Charts: pass your two charts too: pk.capstone.check_brief("
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
                      (f"Write your brief in the text cell under {BRIEF_MARKER!r}, save the "
                       "notebook (Ctrl-S), then run pk.capstone.check_brief(charts=[...]).",))
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
