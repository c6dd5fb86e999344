"""Comparing tables: marking a DataFrame or Series answer against the expected table.

Row and column order, the index versus a key column, dtypes and extra
columns do not matter; numbers are compared with the question's tolerances.
Not here: single values (:mod:`pkedu.checks.grading`).

>>> import pandas as pd
>>> from pkedu.questions import Question
>>> q = Question(id="99-table-demo", objective="99.1", kind="table", prompt="?",
...              answer=pd.DataFrame({"iso3": ["IDN"], "total": [5]}))
>>> grade_table(q, pd.DataFrame({"total": [5.0], "iso3": ["IDN"]}), q.expected()).correct
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from pkedu.checks.describe import describe
from pkedu.checks.grading import Mark, Unavailable
from pkedu.questions import Question

__all__ = ["grade_table"]


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


def grade_table(question: Question, answer: Any, expected: Any) -> Mark:
    """Mark a table or Series answer value by value."""
    if not isinstance(expected, (pd.DataFrame, pd.Series)):
        raise Unavailable("This question's expected table could not be computed. Please "
                          "tell your instructor.")
    want = "a table (DataFrame)" if isinstance(expected, pd.DataFrame) else "a Series"
    if not isinstance(answer, (pd.DataFrame, pd.Series)):
        return Mark(False, f"this question wants {want}, and your answer is "
                    f"{describe(answer)}.", problem=True)
    target = _as_frame(expected)
    if isinstance(expected, pd.Series) and isinstance(answer, pd.DataFrame):
        answer = _align_shape(answer, target)
        if answer.shape[1] != 1:
            return Mark(False, f"this question wants a Series (one column of values), and "
                        f"your answer is {describe(answer)}.", problem=True)
        answer = answer.iloc[:, 0]
    given = _align_shape(_as_frame(answer), target)
    if isinstance(expected, pd.DataFrame) and isinstance(answer, pd.Series):
        if target.shape[1] != 1:
            return Mark(False, f"this question wants {want} with several columns, and your "
                        f"answer is {describe(answer)}.", problem=True)
        given = given.set_axis(list(target.columns), axis=1)
    missing = [c for c in target.columns if c not in given.columns]
    if missing:
        names = ", ".join(repr(str(c)) for c in missing[:4])
        return Mark(False, f"your table has no column {names}.", problem=True)
    given = given[list(target.columns)]
    if len(given) != len(target):
        more = "more" if len(given) > len(target) else "fewer"
        return Mark(False, f"your table has {len(given)} rows: that is {more} than expected. "
                    "Check how you filtered or grouped the rows.")
    if _has_default_index(target):
        keys = _row_key(target)
        given, target = _sort_rows(given, keys), _sort_rows(target, keys)
    else:
        if set(map(str, given.index)) != set(map(str, target.index)) or given.index.has_duplicates:
            return Mark(False, "the rows of your table are labelled differently from the "
                        "expected ones. Check the index (the row labels on the left).")
        given = given.set_axis([str(i) for i in given.index]).loc[[str(i) for i in target.index]]
    wrong = [c for c in target.columns if not _same_column(given[c], target[c], question)]
    if wrong:
        names = ", ".join(repr(str(c)) for c in wrong[:4])
        return Mark(False, f"the values in column {names} are not right yet.")
    return Mark(True)
