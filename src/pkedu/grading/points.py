"""How many points each graded question is worth.

Points are kept here, apart from the question registry, so that the
self-check questions stay about teaching and this file about grading. A
question is worth the default for its kind unless :data:`POINTS` names it.
Written answers in Markdown (``<!-- BEGIN SOLUTION -->`` in a notebook) have
no question id; they are worth :data:`WRITTEN_POINTS` each.

>>> points_for("00-start-month")
1
>>> DEFAULT_POINTS["reflection"]
2
>>> points_for("00-no-such-question")
Traceback (most recent call last):
...
KeyError: "no question '00-no-such-question'"
"""

from __future__ import annotations

from types import MappingProxyType

from pkedu import questions

__all__ = ["DEFAULT_POINTS", "POINTS", "WRITTEN_POINTS", "points_for"]

#: Points by kind of question. Reflections and written answers are graded by hand.
DEFAULT_POINTS = MappingProxyType({
    "number": 1, "month": 1, "choice": 1, "choices": 1, "text": 1, "table": 2,
    "reflection": 2,
})

#: Questions worth something other than their kind's default (question id -> points).
#: (Empty at present: the capstone's closing judgement, once a reflection worth 3, is now a
#: written answer in Markdown, worth :data:`WRITTEN_POINTS` like every other.)
POINTS: MappingProxyType[str, int] = MappingProxyType({})

#: Points for each written answer in a Markdown cell.
WRITTEN_POINTS = 2


def points_for(question_id: str) -> int:
    """The points question ``question_id`` is worth.

    >>> points_for("07-khm-first"), points_for("00-total-2019")
    (1, 1)
    """
    try:
        question = questions.get(question_id)
    except KeyError:
        raise KeyError(f"no question {question_id!r}") from None
    return POINTS.get(question.id, DEFAULT_POINTS[question.kind])
