"""What a check says: the :class:`Feedback` type and how it displays.

Here: the statuses a check can report, and a :class:`Feedback`'s plain-text
and HTML forms. Not here: deciding the status (:mod:`pkedu.checks.checker`)
or wording a description of an answer (:mod:`pkedu.checks.describe`).

The plain-text form starts with an emoji (a terminal shows its own font's).
The HTML form, which JupyterLab and Voila show, draws its mark as a small
inline SVG in the status colour instead, so it needs no emoji font: a
classroom computer without one would show empty boxes. The mark is hidden
from screen readers; they read the status in words. (JupyterLab leaves SVG
out of the stored outputs of a notebook it does not trust; the words stay,
and the mark appears once the cell runs.)

>>> Feedback("00-demo", "correct", "Correct!").correct
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

__all__ = ["Feedback", "STATUSES"]

#: What a :class:`Feedback` can say about an answer.
STATUSES: tuple[str, ...] = ("correct", "incorrect", "unanswered", "recorded", "unavailable")

_ICONS = {"correct": "✅", "incorrect": "💡", "unanswered": "✏️", "recorded": "📝",
          "unavailable": "⚠️"}
_COLOURS = {"correct": "#1a7f37", "incorrect": "#b35900", "unanswered": "#57606a",
            "recorded": "#0969da", "unavailable": "#57606a"}

#: The status in words, for screen readers (the mark is hidden from them). A headline
#: that starts with these words already says it, and the label is left out.
_LABELS = {"correct": "Correct", "incorrect": "Not yet", "unanswered": "Not answered yet",
           "recorded": "Recorded", "unavailable": "Not checked"}

#: Each status's mark: SVG shapes on a 16 x 16 grid; ``C`` stands for the status colour.
#: A tick in a disc, a light bulb (a hint follows), a pencil (write something), a note
#: and a warning triangle.
_SHAPES = {
    "correct": '<circle cx="8" cy="8" r="7.5" fill="C"/><path d="M4.4 8.3l2.5 2.5 4.8-5.1" '
               'fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" '
               'stroke-linejoin="round"/>',
    "incorrect": '<path d="M8 .8a5 5 0 0 0-3 9V12h6V9.8A5 5 0 0 0 8 .8z" fill="C"/>'
                 '<rect x="5" y="12.8" width="6" height="1.3" rx=".6" fill="C"/>'
                 '<rect x="6" y="14.6" width="4" height="1.2" rx=".6" fill="C"/>',
    "unanswered": '<path d="M11.2 1.6l3.2 3.2-8.6 8.6-4.3 1.1 1.1-4.3z" fill="C"/>'
                  '<path d="M9.6 3.2l3.2 3.2" stroke="#fff" stroke-width="1.2"/>',
    "recorded": '<path d="M2.8 1h7.4l3 3v11H2.8z" fill="none" stroke="C" stroke-width="1.6" '
                'stroke-linejoin="round"/><path d="M5.3 6.6h5.4M5.3 9.3h5.4M5.3 12h3.4" '
                'stroke="C" stroke-width="1.4" stroke-linecap="round"/>',
    "unavailable": '<path d="M8 .9l7.4 13.4H.6z" fill="C" stroke="C" stroke-linejoin="round"/>'
                   '<path d="M8 5.6v4.4" stroke="#fff" stroke-width="1.8" '
                   'stroke-linecap="round"/><circle cx="8" cy="12.3" r="1.05" fill="#fff"/>',
}

#: Text only screen readers see (the usual "visually hidden" recipe, inline).
_HIDDEN = ("position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; "
           "overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;")


def _mark(status: str, colour: str) -> str:
    """The status's mark as inline SVG, hidden from screen readers; no font needed.

    >>> _mark("correct", "#1a7f37")[:60]
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" '
    >>> 'aria-hidden="true"' in _mark("recorded", "#0969da")
    True
    >>> _mark("no such status", "#000")
    ''
    """
    shapes = _SHAPES.get(status)
    if shapes is None:
        return ""
    shapes = shapes.replace('"C"', f'"{colour}"')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" '
            'height="16" aria-hidden="true" focusable="false" '
            'style="vertical-align: -0.15em; margin-right: 0.35em;">'
            f"{shapes}</svg>")


def _spoken(status: str, headline: str) -> str:
    """The status in words for screen readers, unless the headline starts with them.

    >>> _spoken("incorrect", "Not yet.")
    ''
    >>> _spoken("recorded", "Added 'laos-only'.")
    'Recorded: '
    """
    words = _LABELS.get(status, "")
    if not words or headline.lower().startswith(words.lower()):
        return ""
    return f"{words}: "


@dataclass(frozen=True)
class Feedback:
    """What a check says about one answer.

    ``correct`` is True or False once an answer has been judged, and None when
    there is nothing to judge (not answered yet, a free-text reflection, an
    unknown question). It displays as text and as HTML, the same every time.

    >>> f = Feedback("00-demo", "incorrect", "Not yet.", hint="Hint: count again.")
    >>> f.correct, f.message
    (False, 'Not yet.\\nHint: count again.')
    >>> f
    💡 00-demo: Not yet.
    Hint: count again.
    """

    question_id: str
    status: str
    headline: str
    details: tuple[str, ...] = ()
    hint: str = ""

    @property
    def correct(self) -> bool | None:
        """True (right), False (not yet) or None (nothing to judge)."""
        return {"correct": True, "incorrect": False}.get(self.status)

    @property
    def message(self) -> str:
        """The whole feedback as plain text, one thought per line."""
        return "\n".join(part for part in (self.headline, self.hint, *self.details) if part)

    def __repr__(self) -> str:
        return f"{_ICONS.get(self.status, '')} {self.question_id}: {self.message}"

    __str__ = __repr__

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        colour = _COLOURS.get(self.status, "#57606a")
        spoken = _spoken(self.status, self.headline)
        hidden = f'<span style="{_HIDDEN}">{spoken}</span>' if spoken else ""
        lines = [f"<strong>{_mark(self.status, colour)}{hidden}"
                 f"{html.escape(self.headline)}</strong>"]
        if self.hint:
            lines.append(f"<span>{html.escape(self.hint)}</span>")
        lines += [f"<span>{html.escape(d)}</span>" for d in self.details]
        body = "<br>".join(lines)
        return (f'<div class="pkedu-feedback pkedu-feedback-{self.status}" role="status" '
                f'aria-live="polite" style="border-left: 4px solid {colour}; '
                f'padding: 0.4em 0.8em; margin: 0.3em 0; position: relative;">'
                f'<small style="color: {colour};">{html.escape(self.question_id)}</small><br>'
                f"{body}</div>")
