"""Running a check: ``check(question_id, answer)``, hints in turn, and objectives.

Here: finding the question, the cases every kind shares (not answered yet,
an unknown id, a free-text reflection, data that cannot be loaded), counting
wrong attempts to show the next hint (a typo or an answer of the wrong kind
shows the current hint but uses none up), and turning a grader's mark into
:class:`~pkedu.checks.feedback.Feedback`. Not here: how each kind is marked
(:mod:`pkedu.checks.grading`, :mod:`pkedu.checks.tables`).

>>> check("00-asean-members", 10).correct
True
>>> reset()
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pandas as pd

from pkedu import data, questions
from pkedu.checks.answers import is_empty, options_text
from pkedu.checks.describe import describe
from pkedu.checks.feedback import Feedback
from pkedu.checks.grading import (
    Mark, Unavailable, grade_choice, grade_choices, grade_month, grade_number, grade_text,
)
from pkedu.checks.tables import grade_table
from pkedu.data import DataError
from pkedu.questions import Question

__all__ = ["check", "reset", "objectives", "GRADERS", "data_problem", "restore_advice"]

#: The grader of each kind of question (the reflection kind is recorded, not graded).
GRADERS: dict[str, Callable[[Question, Any, Any], Mark]] = {
    "number": grade_number,
    "month": grade_month,
    "choice": grade_choice,
    "choices": grade_choices,
    "text": grade_text,
    "table": grade_table,
}

_WRONG_ATTEMPTS: dict[str, int] = {}

#: Said after "run its cell": right whether the check shares the answer's cell or has its own.
_SEPARATE = "If this check is in a separate cell, run that one again too."


def reset() -> None:
    """Forget how many wrong attempts each question had (hints start again from the first).

    >>> reset()
    """
    _WRONG_ATTEMPTS.clear()


def check(question_id: str, answer: Any = ..., /) -> Feedback:
    """Check an answer to the question ``question_id``; never raises.

    >>> check("00-total-2019", 4954).correct
    True
    >>> check("00-never-deployed", "Lao PDR").correct
    True
    >>> check("00-total-2019", None).headline
    'Not yet: this question wants a number, and your answer is None (nothing).'
    >>> check("00-asean-member", 10)
    ⚠️ 00-asean-member: There is no question called '00-asean-member'.
    Did you mean '00-asean-members'? Copy the name from the question's text.
    >>> reset()
    """
    try:
        return _check(question_id, answer)
    except Exception as exc:  # the last line of defence: students never see a traceback
        return Feedback(_label(question_id), "unavailable", "This answer could not be checked.",
                        (f"Something unexpected happened ({type(exc).__name__}). Please tell "
                         "your instructor which question this was.",))


def _label(question_id: Any) -> str:
    return question_id.strip()[:60] if isinstance(question_id, str) else "check"


def _check(question_id: Any, answer: Any) -> Feedback:
    if not isinstance(question_id, str):
        return Feedback("check", "unavailable", "The first thing inside pk.check(...) is the "
                        "question's name in quotes.",
                        ('For example: pk.check("00-asean-members", my_answer)',))
    try:
        question = questions.get(question_id.strip())
    except KeyError:
        return _unknown_question(question_id)
    if answer is Ellipsis:
        return Feedback(question.id, "unanswered", "Not answered yet.",
                        (f"Replace the ... with your answer and run its cell. {_SEPARATE}",))
    if question.kind == "reflection":
        return _reflection(question, answer)
    if is_empty(answer) and not (question.kind == "table"
                                 and isinstance(answer, (pd.DataFrame, pd.Series))):
        return _empty(question, answer)
    try:
        expected = question.expected()
        mark = GRADERS[question.kind](question, answer, expected)
        if not (mark.correct or mark.problem):
            mark = _known_mistake(question, answer, mark)
    except Unavailable as exc:
        return Feedback(question.id, "unavailable", "This question cannot be checked right now.",
                        (str(exc),))
    except DataError as exc:
        return data_problem(question.id, exc)
    return _compose(question, mark)


def _known_mistake(question: Question, answer: Any, mark: Mark) -> Mark:
    """The mark with the sentence of the first of the question's mistakes the answer matches.

    A wrong answer is compared with each mistake the way it is compared with the right one
    (same tolerances, same reading of months and text). A mistake that cannot be computed
    (say, damaged data) is skipped.
    """
    grade = GRADERS[question.kind]
    for wrong, sentence in question.mistakes:
        try:
            value = wrong() if callable(wrong) else wrong
            if grade(question, answer, value).correct:
                return Mark(False, sentence)
        except (Unavailable, DataError, ArithmeticError, LookupError, TypeError, ValueError):
            continue
    return mark


_HOW_TO_ANSWER = {
    "number": "Write a number, without quotes.",
    "month": "Write a month in quotes, like '2005-05'.",
    "choice": "Write one option in quotes. The options are: {options}.",
    "choices": "Write the options you choose as a list, like ['...', '...']. The options are: "
               "{options}.",
    "text": "Write your answer between the quotes.",
    "table": "Give a table (DataFrame) or a Series.",
}


def _empty(question: Question, answer: Any) -> Feedback:
    """Feedback for an answer that holds nothing: it is not judged and uses no hint."""
    options = options_text(question) if question.options else ""
    details = [_HOW_TO_ANSWER[question.kind].format(options=options)]
    if not isinstance(answer, str):
        details.append("If your code made this answer, it kept nothing: check the step that "
                       "picks the values.")
    return Feedback(question.id, "unanswered",
                    f"Not answered yet: your answer is {describe(answer)}.", tuple(details))


def restore_advice() -> str:
    """How to get the course's data files back, for where the course is installed.

    >>> "data" in restore_advice()
    True
    """
    if os.environ.get("PKEDU_DATA_DIR"):
        return ("The data are read from the folder that PKEDU_DATA_DIR names: restore its files, "
                "or unset PKEDU_DATA_DIR to use the course's own data. Then run the check again.")
    if (data.data_dir().parent / ".git").exists():
        return ("To restore the data, run git checkout -- data/ in a terminal in the course "
                "folder (in Jupyter: File > New > Terminal), then run the check again.")
    return ("To restore the data, install the course again (or ask your instructor for a fresh "
            "copy of its data folder), then run the check again.")


def data_problem(label: str, error: DataError) -> Feedback:
    """Feedback when the course data cannot be read: which file, and how to restore it.

    >>> print(data_problem("00-demo", DataError("months.csv", "the file is damaged")).headline)
    This question cannot be checked: the course data are damaged.
    """
    found = str(error).rstrip()
    found = found if found.endswith((".", ")")) else found + "."
    return Feedback(label, "unavailable",
                    "This question cannot be checked: the course data are damaged.",
                    (f"The damaged file: {found}", restore_advice()))


def _unknown_question(question_id: str) -> Feedback:
    label = _label(question_id)
    close = questions.similar_ids(question_id)
    errors = questions.load_errors()
    if close:
        detail = f"Did you mean {' or '.join(repr(c) for c in close)}? "
    else:
        prefix = question_id.strip()[:2]
        same = [q.id for q in questions.all_questions() if q.id[:2] == prefix][:6]
        detail = f"This notebook's questions include: {', '.join(same)}. " if same else ""
    details = [detail + "Copy the name from the question's text."]
    broken = [name for name in errors if name[2:] == question_id.strip()[:2]]
    damaged = [errors[name] for name in broken if errors[name].startswith("DataError")]
    if damaged:
        details += [f"The questions of this notebook could not be loaded, because the course "
                    f"data are damaged ({damaged[0].removeprefix('DataError: ')}).",
                    restore_advice()]
    elif broken:
        details.append("(The questions of this notebook failed to load; please tell your "
                       "instructor.)")
    return Feedback(label, "unavailable", f"There is no question called {label!r}.",
                    tuple(details))


def _reflection(question: Question, answer: Any) -> Feedback:
    if isinstance(answer, str) and answer.strip():
        return Feedback(question.id, "recorded", "Recorded.",
                        ("There is no single right answer here: compare yours with your "
                         "neighbour's.",))
    if isinstance(answer, str):
        return Feedback(question.id, "unanswered", "Not answered yet.",
                        ("Write your thoughts between the quotes and run their cell. "
                         f"{_SEPARATE}",))
    return Feedback(question.id, "unanswered", "Not recorded yet: write your thoughts as text "
                    "between quotes.", (f"Your answer is {describe(answer)}.",))


def _compose(question: Question, mark: Mark) -> Feedback:
    if mark.correct:
        note = mark.note or question.explanation
        return Feedback(question.id, "correct", "Correct!", (note,) if note else ())
    if mark.problem:  # a typo or an answer of the wrong kind: the hint shown, none used up
        hint = _hint(question, max(_WRONG_ATTEMPTS.get(question.id, 0), 1))
        return Feedback(question.id, "incorrect", f"Not yet: {mark.note}", hint=hint)
    attempts = _WRONG_ATTEMPTS.get(question.id, 0) + 1
    _WRONG_ATTEMPTS[question.id] = attempts
    hint = _hint(question, attempts)
    details = (mark.note,) if mark.note else ()
    if not hint and not details:
        details = ("Look at the question again and try once more.",)
    return Feedback(question.id, "incorrect", "Not yet.", details, hint)


def _hint(question: Question, attempts: int) -> str:
    hints = question.hints
    if not hints:
        return ""
    if len(hints) == 1:
        return f"Hint: {hints[0]}"
    shown = min(attempts, len(hints))
    return f"Hint {shown} of {len(hints)}: {hints[shown - 1]}"


# --- learning objectives --------------------------------------------------------------------

def objectives(notebook: str | int) -> pd.DataFrame:
    """A notebook's learning objectives and the questions that test each.

    An objective no question tests shows an empty ``questions`` cell, so the
    gap is visible.

    >>> table = objectives("00")
    >>> list(table.columns)
    ['objective', 'description', 'questions']
    >>> "00-asean-members" in table.set_index("objective").loc["00.1", "questions"]
    True
    """
    declared = questions.objectives_of(notebook)
    tested: dict[str, list[str]] = {}
    for question in questions.all_questions(notebook):
        tested.setdefault(question.objective, []).append(question.id)
    undeclared = sorted(set(tested) - set(declared))
    rows = [(oid, text, ", ".join(tested.get(oid, ()))) for oid, text in declared.items()]
    rows += [(oid, "(not declared in OBJECTIVES)", ", ".join(tested[oid])) for oid in undeclared]
    return pd.DataFrame(rows, columns=["objective", "description", "questions"])
