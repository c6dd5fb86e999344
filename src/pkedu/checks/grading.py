"""Comparing: marking a number, a month, one option, several options or a short text.

Each grader takes the question, the student's answer and the expected
answer, and returns a :class:`Mark`: right or not, and a note. A note for an
answer of the wrong shape (``problem=True``) says what shape was wanted. Not
here: tables (:mod:`pkedu.checks.tables`), reading answers
(:mod:`pkedu.checks.answers`) or turning a mark into feedback
(:mod:`pkedu.checks.checker`).

>>> from pkedu import questions
>>> grade_number(questions.get("00-asean-members"), 10, 10)
Mark(correct=True, note='', problem=False)
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

from pkedu.checks.answers import (
    as_month, as_number, items, match_option, normalise, options_text, single,
)
from pkedu.checks.describe import describe, snippet
from pkedu.questions import Question

__all__ = ["Mark", "Unavailable", "close", "grade_number", "grade_month", "grade_choice",
           "grade_choices", "grade_text"]


@dataclass(frozen=True)
class Mark:
    """A grader's verdict on an answer of the right shape (or a problem with its shape)."""

    correct: bool
    note: str = ""
    problem: bool = False


class Unavailable(Exception):
    """The expected answer could not be computed (e.g. the data failed to load)."""


# --- numbers --------------------------------------------------------------------------------

def close(value: Any, target: Any, tolerance: float = 0.0, rel_tolerance: float = 0.0) -> bool:
    """Is ``value`` within the tolerances of ``target``? Huge numbers simply are not.

    >>> close(0.1 + 0.2, 0.3), close(4960, 4954, rel_tolerance=0.002), close(10 ** 400, 10.0)
    (True, True, False)
    """
    try:
        allowed = max(float(tolerance), float(rel_tolerance) * abs(target), 1e-9 * abs(target))
        return bool(abs(value - target) <= allowed)
    except (OverflowError, TypeError, ValueError):
        return False


def grade_number(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark a number against the expected one, with the question's tolerances.

    A question in per cent (``unit="percent"``) also takes the same value as a share:

    >>> q = Question(id="99-pct", objective="99.1", kind="number", unit="percent",
    ...              prompt="What share? Answer in per cent.", answer=45.2, tolerance=0.1)
    >>> grade_number(q, 45.2, 45.2).correct, grade_number(q, 0.452, 45.2)
    (True, Mark(correct=True, note='You wrote a share between 0 and 1 (0.452); I read it as 45.2 \
per cent. This course writes shares in per cent.', problem=False))
    """
    target, reason = as_number(expected)
    if reason:
        raise Unavailable("The course data gives no number for this question. Please tell "
                          "your instructor.")
    value, reason = as_number(answer)
    if reason:
        return Mark(False, reason, problem=True)
    correct = close(value, target, question.tolerance, question.rel_tolerance)
    if (not correct and question.unit == "percent" and 0 < abs(value) <= 1
            and close(value * 100, target, question.tolerance, question.rel_tolerance)):
        return Mark(True, f"You wrote a share between 0 and 1 ({value:g}); I read it as "
                    f"{value * 100:g} per cent. This course writes shares in per cent.")
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, numbers.Real) and close(value, key)), "")
    return Mark(correct, note)


# --- months ---------------------------------------------------------------------------------

def grade_month(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark a month (any day of it counts)."""
    target, reason = as_month(expected)
    if reason:
        raise Unavailable("The course data gives no month for this question. Please tell "
                          "your instructor.")
    value, reason = as_month(answer)
    if reason:
        return Mark(False, reason, problem=True)
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, str) and as_month(key)[0] == value), "")
    return Mark(value == target, note)


# --- text and choices -----------------------------------------------------------------------

def grade_choice(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark one option, named by its key, its label or an alias."""
    answer = single(answer)
    if not isinstance(answer, str):
        return Mark(False, f"write one option as text in quotes, and your answer is "
                    f"{describe(answer)}. The options are: {options_text(question)}.",
                    problem=True)
    key = match_option(question, answer)
    if key is None:
        return Mark(False, _not_options([answer], question), problem=True)
    return Mark(key == expected, question.feedback.get(key, ""))


def grade_choices(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark a set of options (any order, repeats ignored)."""
    chosen_items = items(answer)
    if chosen_items is None:
        return Mark(False, f"this question wants a list of options, like ['IDN', 'MYS'], and "
                    f"your answer is {describe(answer)}.", problem=True)
    unknown = [item for item in chosen_items if match_option(question, item) is None]
    if unknown:
        return Mark(False, _not_options(unknown, question), problem=True)
    chosen = {match_option(question, item) for item in chosen_items}
    target = {expected} if isinstance(expected, str) else set(expected)
    if chosen == target:
        return Mark(True)
    extra, missing = chosen - target, target - chosen
    if extra and missing:
        note = "Some of your choices do not belong, and some are missing."
    elif extra:
        note = "Everything needed is there, but so is something that does not belong."
    else:
        note = "Everything you chose is right, but something is missing."
    remarks = [question.feedback[k] for k in sorted(extra) if k in question.feedback]
    return Mark(False, " ".join([note, *remarks]))


def _not_options(unknown: list[Any], question: Question) -> str:
    """Why these answers match no option: a real country that is just not offered here is
    named as such; anything else is not recognised.

    >>> from pkedu import questions
    >>> _not_options(["MYS", "Atlantis"], questions.get("00-never-deployed"))[:75]
    "Malaysia (MYS) is not one of the options here. I don't recognise 'Atlantis'"
    """
    try:
        from pkedu.countries import known_country

        named = [known_country(u) for u in unknown]
    except Exception:  # noqa: BLE001 (damaged country data: say it plainly, as before)
        named = [None] * len(unknown)
    countries = list(dict.fromkeys(n for n in named if n))
    strange = [u for u, n in zip(unknown, named) if not n]
    said = []
    if countries:
        listed = ", ".join(countries[:-1]) + " and " + countries[-1] if len(countries) > 1 \
            else countries[0]
        said.append(f"{listed} {'are' if len(countries) > 1 else 'is'} not one of the options "
                    "here.")
    if strange:
        shown = ", ".join(repr(snippet(u, 25)) if isinstance(u, str) else describe(u)
                          for u in strange[:3])
        said.append(f"I don't recognise {shown}.")
    return " ".join([*said, f"Choose from: {options_text(question)}."])


def grade_text(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark a short text; ``accept`` lists other accepted spellings."""
    answer = single(answer)
    if not isinstance(answer, str):
        return Mark(False, f"write your answer as text in quotes, and your answer is "
                    f"{describe(answer)}.", problem=True)
    if not answer.strip():
        return Mark(False, "your answer is empty: write it between the quotes.", problem=True)
    given = normalise(answer)
    accepted = {normalise(str(expected)), *(normalise(a) for a in question.accept)}
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, str) and normalise(key) == given), "")
    return Mark(given in accepted, note)
