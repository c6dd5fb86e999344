"""Wording: how a check describes what a student gave, in plain words.

Here: short, safe descriptions of any value (never its full repr), used in
the sentences a check writes. Not here: deciding whether an answer is
right (:mod:`pkedu.checks.grading`) or reading it as a number, month or
option (:mod:`pkedu.checks.answers`).

>>> describe(None)
'None (nothing)'
"""

from __future__ import annotations

import numbers
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["describe", "snippet"]


def snippet(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters.

    >>> snippet("a  long\\ntext", 8)
    'a long …'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    """A short, safe description of any value (never its full repr).

    >>> describe(None), describe(True), describe("  Laos "), describe(10 ** 50)
    ('None (nothing)', 'True (a yes/no value)', "the text 'Laos'", 'a number with 51 digits')
    >>> describe(pd.DataFrame({"a": [1, 2]}))
    'a table (DataFrame) with 2 rows and 1 column'
    """
    if value is None:
        return "None (nothing)"
    if value is Ellipsis:
        return "... (not answered yet)"
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a yes/no value)"
    if isinstance(value, str):
        return f"the text {snippet(value)!r}"
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
