"""What a check says: the :class:`Feedback` type and how it displays.

Here: the statuses a check can report, and a :class:`Feedback`'s plain-text
and HTML forms. Not here: deciding the status (:mod:`pkedu.checks.checker`)
or wording a description of an answer (:mod:`pkedu.checks.describe`).

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
        lines = [f"<strong>{_ICONS.get(self.status, '')} {html.escape(self.headline)}</strong>"]
        if self.hint:
            lines.append(f"<span>{html.escape(self.hint)}</span>")
        lines += [f"<span>{html.escape(d)}</span>" for d in self.details]
        body = "<br>".join(lines)
        return (f'<div class="pkedu-feedback pkedu-feedback-{self.status}" role="status" '
                f'aria-live="polite" style="border-left: 4px solid {colour}; '
                f'padding: 0.4em 0.8em; margin: 0.3em 0;">'
                f'<small style="color: {colour};">{html.escape(self.question_id)}</small><br>'
                f"{body}</div>")
