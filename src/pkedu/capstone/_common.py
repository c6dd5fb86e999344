"""What the capstone's tools share: their feedback, tables with full text, words and sources.

:class:`Report` (the feedback of a check, displayed like a self-check's),
:class:`Table` and :func:`show` (a table shown with its full text, wrapped,
with clickable links), :func:`word_count`, and how a source is recognised (a
link, or a named piece of the course's data). No claim, verdict or brief rule
lives here.

>>> word_count("UN data: 2 experts in May 2005 (https://example.org/a b)")
9
>>> _source_kinds("UN data, pk.analysis.ranking; https://example.org")
(1, True)
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from pkedu.checks import Feedback


_URL = re.compile(r"https?://[^\s)>\]]+", re.IGNORECASE)
_DATA_REFERENCE = re.compile(
    r"\bpk\.(?:data|analysis|charts|capstone)\b|\bUN\s+(?:data|figures|monthly|reports?|DPO)\b"
    r"|\bcontributions\b|\bevents?\s+table\b|\bevents\.csv\b|\bIPI\b|\bmissions?\s+table\b",
    re.IGNORECASE)


class Report(Feedback):
    """The result of a capstone check: displays like a self-check's feedback.

    ``complete`` is True when nothing is missing. It says nothing about
    whether a verdict is right.
    """

    @property
    def complete(self) -> bool:
        """True when the table or brief has everything the check looks for."""
        return self.status == "recorded"


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

    >>> from pkedu.capstone import claims
    >>> show(claims().head(1))
    grown
      step: 1
      set: all
      claim: The number of Southeast Asian peacekeepers deployed with the UN has grown (over \
the decade before 2019).
      how to test it: UN data: ASEAN's yearly averages, e.g. 2009 against 2018 \
(pk.analysis.monthly_totals, pk.analysis.annual).
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError("show(...) needs a table (a DataFrame), for example "
                        "pk.capstone.show(verdicts)")
    return Table(table, title)


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
