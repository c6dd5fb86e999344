"""Find a code block that a hand edit of a text twin left open.

A twin is CommonMark (MyST): a code cell is a fenced block, opened by a line of
backticks with ``{code-cell}`` and closed by a line of backticks alone. When the
closing line is deleted by mistake, the block runs on to the next line of
backticks alone, or to the end of the file, and jupytext reads every cell in
between as part of that one code cell, without an error. Synced into the
notebook, Markdown cells would become code and cells would be lost as cells.
:func:`unclosed_fence` finds such a block before anything is written, so
``pkedu sync`` can refuse and name the line.

A closed block is left alone whatever it holds, including a code cell shown as
an example inside a longer fence (as jupytext writes it):

>>> print(unclosed_fence("````{code-cell} ipython3\\n```{code-cell}\\nx\\n```\\n````\\n"))
None
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

__all__ = ["unclosed_fence"]

# A line that opens a code cell, and a line that starts a new Markdown cell (jupytext's
# cell break, alone or followed by its metadata as JSON).
_CELL = re.compile(r" {0,3}(`{3,}|~{3,})\s*\{code-cell\}")
_BREAK = re.compile(r" {0,3}\+\+\+\s*(\{.*)?$")


def _closes(line: str, fence: str) -> bool:
    """True when ``line`` is a closing fence for a block opened with ``fence``."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def unclosed_fence(text: str) -> str | None:
    """Where a fenced block of a MyST text is left open, in words; None when none is.

    >>> good = "Intro.\\n\\n```{code-cell} ipython3\\nx = 1\\n```\\n\\n+++\\n\\nMore.\\n"
    >>> print(unclosed_fence(good))
    None
    >>> cell = "```{code-cell} ipython3\\n"
    >>> print(unclosed_fence(cell + "x = 1\\n\\nText.\\n\\n" + cell + "y\\n```\\n"))
    line 1: the code block that starts here has no closing ``` line before the code cell on line 6
    >>> print(unclosed_fence("Text.\\n\\n```{code-cell} ipython3\\nx = 1\\n\\nMore text.\\n"))
    line 3: the code block that starts here is never closed: add a line ``` where it ends
    """
    lines = text.splitlines()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type != "fence" or token.map is None:
            continue
        start, end = token.map
        fence = token.markup
        is_cell = token.info.strip().startswith("{code-cell}")
        for number in range(start + 1, end):
            opener = _CELL.match(lines[number])
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                return (f"line {start + 1}: the code block that starts here has no closing "
                        f"{fence} line before the code cell on line {number + 1}")
            if is_cell and _BREAK.match(lines[number]):
                return (f"line {start + 1}: the code block that starts here has no closing "
                        f"{fence} line before the cell break '+++' on line {number + 1}")
        if end - 1 <= start or not _closes(lines[end - 1], fence):
            return (f"line {start + 1}: the code block that starts here is never closed: "
                    f"add a line {fence} where it ends")
    return None
