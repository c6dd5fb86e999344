"""Self-checks: ``pk.check(question_id, answer)`` says whether an answer is right.

A check finds its question by id in :mod:`pkedu.questions` (never by cell
position), marks the answer and returns a :class:`Feedback`: the first thing
it shows after a wrong answer is a hint, and it never shows the expected
answer. Where the answer is a fact of the data, it is recomputed from
:mod:`pkedu.data` at check time, so nothing is stored in the notebook.

Nothing a student types makes a check fail with a traceback: ``...`` (the
"not answered yet" placeholder), ``None``, ``NaN``, text where a number
belongs, a table where a number belongs, an unknown id... each gets a short,
friendly message instead.

The package holds one concern per module; this file only gathers the
public names:

* :mod:`~pkedu.checks.checker`: ``check``, hints in turn, ``reset``, ``objectives``;
* :mod:`~pkedu.checks.feedback`: the :class:`Feedback` a check returns;
* :mod:`~pkedu.checks.answers`: reading answers (numbers, months, options);
* :mod:`~pkedu.checks.grading`: comparing single values with the expected answer;
* :mod:`~pkedu.checks.tables`: comparing tables;
* :mod:`~pkedu.checks.describe`: describing a student's value in plain words.

The questions themselves live in :mod:`pkedu.questions`.

>>> check("00-asean-members", 10)
✅ 00-asean-members: Correct!
Ten: Brunei, Cambodia, Indonesia, Laos, Malaysia, Myanmar, \
the Philippines, Singapore, Thailand and Vietnam.
>>> check("00-asean-members", ...).correct is None
True
>>> print(check("00-asean-members", "ten").message)
Not yet: this question wants a number, and your answer is the text 'ten'.
Hint 1 of 2: The course keeps the list in pk.data.ASEAN10; len(...) counts a list.
>>> reset()
"""

from __future__ import annotations

from pkedu.checks.answers import match_option
from pkedu.checks.checker import GRADERS as _GRADERS  # noqa: F401 (tests swap a grader)
from pkedu.checks.checker import check, objectives, reset
from pkedu.checks.feedback import STATUSES, Feedback

__all__ = ["Feedback", "check", "objectives", "reset", "match_option", "STATUSES"]
