"""Grading with nbgrader: an nbgrader course directory from the instructor notebooks.

:func:`pkedu.grading.course.write_course` turns the notebooks into nbgrader
"source" notebooks; nbgrader itself then releases, collects, autogrades and
exports (see ``docs/grading.md``). This package does no grading of its own:
the one function run inside a student's notebook is :func:`assert_correct`,
the hidden test that nbgrader restores at autograde time. It asks the same
question registry as ``pk.check`` and fails when the answer is not right:

>>> assert_correct("00-asean-members", 10)
>>> assert_correct("00-asean-members", 11)
Traceback (most recent call last):
...
AssertionError: 00-asean-members: not correct (Not yet.)
>>> assert_correct("00-asean-members", ...)
Traceback (most recent call last):
...
AssertionError: 00-asean-members: not correct (Not answered yet.)

Nothing a student's kernel runs imports nbgrader, so student kernels need only
pkedu; :mod:`pkedu.grading.collect` (which nbgrader itself loads, for
``zip_collect``) is the one module that does.
"""

from __future__ import annotations

from typing import Any

__all__ = ["assert_correct"]


def assert_correct(question_id: str, answer: Any) -> None:
    """Raise ``AssertionError`` unless ``pk.check(question_id, answer)`` says Correct.

    The message says what the check said, never the expected answer.
    """
    from pkedu import checks

    feedback = checks.check(question_id, answer)
    checks.reset()
    if feedback.correct is not True:
        raise AssertionError(f"{question_id}: not correct ({feedback.headline})")
