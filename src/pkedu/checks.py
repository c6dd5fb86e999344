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

import datetime
import html
import math
import numbers
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from pkedu import questions
from pkedu.questions import COUNTRY_ALIASES, Question

__all__ = ["Feedback", "check", "objectives", "reset", "match_option", "STATUSES"]

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


@dataclass(frozen=True)
class _Mark:
    """A grader's verdict on an answer of the right shape (or a problem with its shape)."""

    correct: bool
    note: str = ""
    problem: bool = False


class _Unavailable(Exception):
    """The expected answer could not be computed (e.g. the data failed to load)."""


_WRONG_ATTEMPTS: dict[str, int] = {}


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
                        ("Replace the ... with your answer, run that cell, then run this "
                         "check again.",))
    if question.kind == "reflection":
        return _reflection(question, answer)
    try:
        expected = question.expected()
        mark = _GRADERS[question.kind](question, answer, expected)
    except _Unavailable as exc:
        return Feedback(question.id, "unavailable", "This question cannot be checked right now.",
                        (str(exc),))
    return _compose(question, mark)


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
    if broken:
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
                        ("Write your thoughts between the quotes, run that cell, then run "
                         "this check again.",))
    return Feedback(question.id, "unanswered", "Not recorded yet: write your thoughts as text "
                    "between quotes.", (f"Your answer is {_describe(answer)}.",))


def _compose(question: Question, mark: _Mark) -> Feedback:
    if mark.correct:
        note = mark.note or question.explanation
        return Feedback(question.id, "correct", "Correct!", (note,) if note else ())
    attempts = _WRONG_ATTEMPTS.get(question.id, 0) + 1
    _WRONG_ATTEMPTS[question.id] = attempts
    hint = _hint(question, attempts)
    if mark.problem:
        return Feedback(question.id, "incorrect", f"Not yet: {mark.note}", hint=hint)
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


# --- describing what a student gave, safely -------------------------------------------------

def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    """A short, safe description of any value (never its full repr).

    >>> _describe(None), _describe(True), _describe("  Laos "), _describe(10 ** 50)
    ('None (nothing)', 'True (a yes/no value)', "the text 'Laos'", 'a number with 51 digits')
    >>> _describe(pd.DataFrame({"a": [1, 2]}))
    'a table (DataFrame) with 2 rows and 1 column'
    """
    if value is None:
        return "None (nothing)"
    if value is Ellipsis:
        return "... (not answered yet)"
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a yes/no value)"
    if isinstance(value, str):
        return f"the text {_snippet(value)!r}"
    if isinstance(value, numbers.Integral):
        digits = len(str(abs(int(value))))
        return f"a number with {digits} digits" if digits > 15 else f"the number {int(value)}"
    if isinstance(value, (numbers.Real, Decimal)):
        return f"the number {float(value):g}"
    if isinstance(value, pd.DataFrame):
        rows, cols = value.shape
        return (f"a table (DataFrame) with {rows} row{'s' * (rows != 1)} and {cols} "
                f"column{'s' * (cols != 1)}")
    if isinstance(value, (pd.Series, pd.Index, np.ndarray)):
        kind = type(value).__name__ if not isinstance(value, np.ndarray) else "numpy array"
        return f"a {kind} with {value.size} value{'s' * (value.size != 1)}"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        n = len(value)
        return f"a {type(value).__name__} with {n} item{'s' * (n != 1)}"
    if callable(value):
        return "a function (did you forget the brackets that call it?)"
    return f"a {type(value).__name__} object"


def _single(value: Any) -> Any:
    """The one value inside a one-element Series, array, list or 1x1 table; else the value."""
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index, np.ndarray)) and value.size == 1:
        return np.asarray(value).ravel()[0]
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return value[0]
    return value


# --- numbers --------------------------------------------------------------------------------

def _as_number(value: Any) -> tuple[Any, str]:
    """(number, "") for a usable number, else (None, a friendly reason)."""
    value = _single(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return None, f"this question wants a number, and your answer is {_describe(value)}."
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, str):
        try:
            float(value.replace(",", "").strip())
        except ValueError:
            return None, f"this question wants a number, and your answer is {_describe(value)}."
        return None, f"your answer is {_describe(value)}: write the number without quotes."
    if not isinstance(value, numbers.Real):
        return None, f"this question wants a number, and your answer is {_describe(value)}."
    if isinstance(value, float) and math.isnan(value):
        return None, ("your answer is NaN (\"not a number\"), a missing value. It often comes "
                      "from a month with no UN report, or from dividing by zero.")
    if isinstance(value, float) and math.isinf(value):
        return None, "your answer is infinite, which usually means a division by zero."
    return value, ""


def _close(value: Any, target: Any, tolerance: float = 0.0, rel_tolerance: float = 0.0) -> bool:
    """Is ``value`` within the tolerances of ``target``? Huge numbers simply are not.

    >>> _close(0.1 + 0.2, 0.3), _close(4960, 4954, rel_tolerance=0.002), _close(10 ** 400, 10.0)
    (True, True, False)
    """
    try:
        allowed = max(float(tolerance), float(rel_tolerance) * abs(target), 1e-9 * abs(target))
        return bool(abs(value - target) <= allowed)
    except (OverflowError, TypeError, ValueError):
        return False


def _grade_number(question: Question, answer: Any, expected: Any) -> _Mark:
    target, reason = _as_number(expected)
    if reason:
        raise _Unavailable("The course data gives no number for this question. Please tell "
                           "your instructor.")
    value, reason = _as_number(answer)
    if reason:
        return _Mark(False, reason, problem=True)
    correct = _close(value, target, question.tolerance, question.rel_tolerance)
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, numbers.Real) and _close(value, key)), "")
    return _Mark(correct, note)


# --- months ---------------------------------------------------------------------------------

def _as_month(value: Any) -> tuple[pd.Period | None, str]:
    value = _single(value)
    want = "this question wants a month, written like '2005-05'"
    if isinstance(value, str):
        from pkedu.analysis import month

        try:
            return month(value).to_period("M"), ""
        except ValueError:
            return None, f"{want}, and your answer is {_describe(value)}."
    if isinstance(value, pd.Period):
        return value.asfreq("M"), ""
    if isinstance(value, (pd.Timestamp, np.datetime64, datetime.date)):
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return None, ("your answer is NaT (\"not a time\"), a missing date: for example the "
                          "first month of a country that never sent anyone.")
        return stamp.to_period("M"), ""
    if value is pd.NaT:
        return None, "your answer is NaT (\"not a time\"), a missing date."
    return None, f"{want}, and your answer is {_describe(value)}."


def _grade_month(question: Question, answer: Any, expected: Any) -> _Mark:
    target, reason = _as_month(expected)
    if reason:
        raise _Unavailable("The course data gives no month for this question. Please tell "
                           "your instructor.")
    value, reason = _as_month(answer)
    if reason:
        return _Mark(False, reason, problem=True)
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, str) and _as_month(key)[0] == value), "")
    return _Mark(value == target, note)


# --- text and choices -----------------------------------------------------------------------

def _normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces, no leading "the".

    >>> _normalise("  The Lao  P.D.R.! "), _normalise("Viet-Nam"), _normalise("Côte d'Ivoire")
    ('lao pdr', 'viet nam', 'cote divoire')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[-_/]+", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _option_lookup(question: Question) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, label in question.options.items():
        spellings = [key, label, *question.aliases.get(key, ()), *COUNTRY_ALIASES.get(key, ())]
        for spelling in spellings:
            lookup.setdefault(_normalise(str(spelling)), key)
    return lookup


def match_option(question: Question, text: Any) -> str | None:
    """The option key that ``text`` names (its key, label or an alias), or None.

    >>> q = questions.get("00-never-deployed")
    >>> match_option(q, "lao pdr"), match_option(q, "Burma"), match_option(q, "Atlantis")
    ('LAO', 'MMR', None)
    """
    if not isinstance(text, str):
        return None
    return _option_lookup(question).get(_normalise(text))


def _options_text(question: Question) -> str:
    return "; ".join(key if label == key else f"{key} ({label})"
                     for key, label in question.options.items())


def _grade_choice(question: Question, answer: Any, expected: Any) -> _Mark:
    answer = _single(answer)
    if not isinstance(answer, str):
        return _Mark(False, f"write one option as text in quotes, and your answer is "
                     f"{_describe(answer)}. The options are: {_options_text(question)}.",
                     problem=True)
    key = match_option(question, answer)
    if key is None:
        return _Mark(False, f"{_snippet(answer)!r} is not one of the options. The options are: "
                     f"{_options_text(question)}.", problem=True)
    return _Mark(key == expected, question.feedback.get(key, ""))


def _items(answer: Any) -> list[Any] | None:
    if isinstance(answer, str):
        return [part for part in re.split(r"[,;\n]", answer) if part.strip()]
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index, np.ndarray)):
        return list(np.asarray(list(answer), dtype=object).ravel()) if len(answer) else []
    return None


def _grade_choices(question: Question, answer: Any, expected: Any) -> _Mark:
    items = _items(answer)
    if items is None:
        return _Mark(False, f"this question wants a list of options, like ['IDN', 'MYS'], and "
                     f"your answer is {_describe(answer)}.", problem=True)
    unknown = [item for item in items if match_option(question, item) is None]
    if unknown:
        shown = ", ".join(repr(_snippet(str(u), 25)) for u in unknown[:3])
        return _Mark(False, f"I don't recognise {shown}. Choose from: "
                     f"{_options_text(question)}.", problem=True)
    chosen = {match_option(question, item) for item in items}
    target = {expected} if isinstance(expected, str) else set(expected)
    if chosen == target:
        return _Mark(True)
    extra, missing = chosen - target, target - chosen
    if extra and missing:
        note = "Some of your choices do not belong, and some are missing."
    elif extra:
        note = "Everything needed is there, but so is something that does not belong."
    else:
        note = "Everything you chose is right, but something is missing."
    remarks = [question.feedback[k] for k in sorted(extra) if k in question.feedback]
    return _Mark(False, " ".join([note, *remarks]))


def _grade_text(question: Question, answer: Any, expected: Any) -> _Mark:
    answer = _single(answer)
    if not isinstance(answer, str):
        return _Mark(False, f"write your answer as text in quotes, and your answer is "
                     f"{_describe(answer)}.", problem=True)
    if not answer.strip():
        return _Mark(False, "your answer is empty: write it between the quotes.", problem=True)
    given = _normalise(answer)
    accepted = {_normalise(str(expected)), *(_normalise(a) for a in question.accept)}
    note = next((text for key, text in question.feedback.items()
                 if isinstance(key, str) and _normalise(key) == given), "")
    return _Mark(given in accepted, note)


# --- tables ---------------------------------------------------------------------------------

def _as_frame(value: pd.DataFrame | pd.Series) -> pd.DataFrame:
    return value.to_frame("value") if isinstance(value, pd.Series) else value


def _has_default_index(frame: pd.DataFrame) -> bool:
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.name is None


def _align_shape(answer: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Move key columns to or from the index so the answer is laid out like the expected table."""
    wanted_index = [n for n in expected.index.names if n is not None]
    if not _has_default_index(expected) and wanted_index and _has_default_index(answer):
        if set(wanted_index) <= set(answer.columns):
            answer = answer.set_index(wanted_index)
    elif _has_default_index(expected) and not _has_default_index(answer):
        names = [n for n in answer.index.names if n is not None]
        if names and set(names) <= set(expected.columns):
            answer = answer.reset_index()
    return answer


def _row_key(frame: pd.DataFrame) -> list[str]:
    keys = [c for c in frame.columns if not pd.api.types.is_float_dtype(frame[c])]
    return keys or list(frame.columns)


def _sort_rows(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, key=lambda s: s if pd.api.types.is_numeric_dtype(s)
                             else s.astype(str), kind="stable").reset_index(drop=True)


def _same_column(a: pd.Series, b: pd.Series, question: Question) -> bool:
    if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b) and not (
            pd.api.types.is_bool_dtype(a) or pd.api.types.is_bool_dtype(b)):
        x = a.to_numpy(dtype="float64", na_value=np.nan)
        y = b.to_numpy(dtype="float64", na_value=np.nan)
        allowed = np.maximum(max(question.tolerance, 0.0),
                             np.maximum(question.rel_tolerance, 1e-9) * np.abs(y))
        with np.errstate(invalid="ignore", over="ignore"):
            ok = (np.abs(x - y) <= allowed) | (np.isnan(x) & np.isnan(y))
        return bool(ok.all())
    left = [None if _missing(v) else v for v in a.astype(object)]
    right = [None if _missing(v) else v for v in b.astype(object)]
    return all(_equal(x, y) for x, y in zip(left, right, strict=True))


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _equal(x: Any, y: Any) -> bool:
    try:
        return bool(x == y)
    except (TypeError, ValueError):
        return False


def _grade_table(question: Question, answer: Any, expected: Any) -> _Mark:
    if not isinstance(expected, (pd.DataFrame, pd.Series)):
        raise _Unavailable("This question's expected table could not be computed. Please "
                           "tell your instructor.")
    want = "a table (DataFrame)" if isinstance(expected, pd.DataFrame) else "a Series"
    if not isinstance(answer, (pd.DataFrame, pd.Series)):
        return _Mark(False, f"this question wants {want}, and your answer is "
                     f"{_describe(answer)}.", problem=True)
    target = _as_frame(expected)
    if isinstance(expected, pd.Series) and isinstance(answer, pd.DataFrame):
        answer = _align_shape(answer, target)
        if answer.shape[1] != 1:
            return _Mark(False, f"this question wants a Series (one column of values), and "
                         f"your answer is {_describe(answer)}.", problem=True)
        answer = answer.iloc[:, 0]
    given = _align_shape(_as_frame(answer), target)
    if isinstance(expected, pd.DataFrame) and isinstance(answer, pd.Series):
        if target.shape[1] != 1:
            return _Mark(False, f"this question wants {want} with several columns, and your "
                         f"answer is {_describe(answer)}.", problem=True)
        given = given.set_axis(list(target.columns), axis=1)
    missing = [c for c in target.columns if c not in given.columns]
    if missing:
        names = ", ".join(repr(str(c)) for c in missing[:4])
        return _Mark(False, f"your table has no column {names}.", problem=True)
    given = given[list(target.columns)]
    if len(given) != len(target):
        more = "more" if len(given) > len(target) else "fewer"
        return _Mark(False, f"your table has {len(given)} rows: that is {more} than expected. "
                     "Check how you filtered or grouped the rows.")
    if _has_default_index(target):
        keys = _row_key(target)
        given, target = _sort_rows(given, keys), _sort_rows(target, keys)
    else:
        if set(map(str, given.index)) != set(map(str, target.index)) or given.index.has_duplicates:
            return _Mark(False, "the rows of your table are labelled differently from the "
                         "expected ones. Check the index (the row labels on the left).")
        given = given.set_axis([str(i) for i in given.index]).loc[[str(i) for i in target.index]]
    wrong = [c for c in target.columns if not _same_column(given[c], target[c], question)]
    if wrong:
        names = ", ".join(repr(str(c)) for c in wrong[:4])
        return _Mark(False, f"the values in column {names} are not right yet.")
    return _Mark(True)


_GRADERS: dict[str, Callable[[Question, Any, Any], _Mark]] = {
    "number": _grade_number,
    "month": _grade_month,
    "choice": _grade_choice,
    "choices": _grade_choices,
    "text": _grade_text,
    "table": _grade_table,
}


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

