"""Wording: how a check describes what a student gave, in plain words.

Here: short, safe descriptions of any value, used in the sentences a check
writes. They never show a value's raw form (``<NA>``, ``<object at 0x...>``),
never print a number with hundreds of digits, and name kinds of value in
words a beginner knows ("a list of 3 items", "2 values separated by a
comma"). Not here:
deciding whether an answer is right (:mod:`pkedu.checks.grading`) or
reading it as a number, month or option (:mod:`pkedu.checks.answers`).

>>> describe(None)
'None (nothing)'
>>> describe(object())
'a value of an unexpected kind (not a number, a text, a list or a table)'
"""

from __future__ import annotations

import datetime
import math
import numbers
import types
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["describe", "snippet", "number_text", "is_missing"]

#: Numbers with more digits than this are described by their length, not written out.
MAX_DIGITS = 15


def snippet(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters.

    >>> snippet("a  long\\ntext", 8)
    'a long …'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number_text(value: Any) -> str:
    """A number as a student would write it, or its length when it is enormous.

    >>> number_text(1428), number_text(0.25), number_text(10 ** 300), number_text(1e18)
    ('1428', '0.25', 'a number with 301 digits', 'a number with 19 digits')
    """
    try:
        number = value if isinstance(value, numbers.Integral) else float(value)
    except (OverflowError, TypeError, ValueError):
        return "an enormous number"
    if isinstance(number, float):
        if math.isnan(number):
            return "NaN"
        if math.isinf(number):
            return "infinity" if number > 0 else "minus infinity"
        if abs(number) < 10 ** MAX_DIGITS:
            return str(int(number)) if number.is_integer() else f"{number:.10g}"
        digits = int(math.log10(abs(number))) + 1
        return f"a number with {digits} digits"
    digits = len(str(abs(int(number))))
    return f"a number with {digits} digits" if digits > MAX_DIGITS else str(int(number))


def is_missing(value: Any) -> bool:
    """True for the missing-value markers: None, NaN, NA and NaT.

    >>> is_missing(pd.NA), is_missing(float("nan")), is_missing(0), is_missing([None])
    (True, True, False, False)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def describe(value: Any) -> str:
    """A short, safe description of any value (never its full repr).

    >>> describe(None), describe(True), describe("  Laos "), describe(10 ** 50)
    ('None (nothing)', 'True (a yes/no value)', "the text 'Laos'", 'a number with 51 digits')
    >>> describe(pd.DataFrame({"a": [1, 2]}))
    'a table (DataFrame) with 2 rows and 1 column'
    >>> describe(pd.NA), describe((1, 428)), describe(b"10")
    ('NA (a missing value)', '2 values separated by a comma', 'bytes (raw data rather than text)')
    """
    if value is None:
        return "None (nothing)"
    if value is Ellipsis:
        return "... (not answered yet)"
    if value is pd.NA:
        return "NA (a missing value)"
    if value is pd.NaT or (isinstance(value, np.datetime64) and np.isnat(value)):
        return "NaT (a missing date)"
    for kind, text in _SIMPLE:
        if isinstance(value, kind):
            return text(value)
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a yes/no value)"
    if isinstance(value, np.floating):
        value = float(str(value))  # a float32 keeps its own short form: 0.03, not 0.0299999...
    elif isinstance(value, np.generic) and not isinstance(value, (np.datetime64, np.timedelta64)):
        value = value.item()
    if isinstance(value, numbers.Number):
        return _describe_number(value)
    return next(_describe_other(value))


def _describe_number(value: numbers.Number) -> str:
    if isinstance(value, complex):
        return "a complex number (one with an imaginary part)"
    if isinstance(value, Decimal):
        value = float("nan") if value.is_nan() else float(value)
    if isinstance(value, float) and math.isnan(value):
        return "NaN (a missing value)"
    if isinstance(value, float) and math.isinf(value):
        return "an infinite number"
    text = number_text(value)
    return text if text.startswith(("a ", "an ")) else f"the number {text}"


def _describe_other(value: Any) -> Iterator[str]:
    if isinstance(value, pd.DataFrame):
        rows, cols = value.shape
        yield (f"a table (DataFrame) with {_count(rows, 'row')} and {_count(cols, 'column')}")
    if isinstance(value, pd.Series):
        yield f"a column of values (Series) with {_count(value.size, 'value')}"
    if isinstance(value, pd.Index):
        yield f"row labels (an Index) with {_count(value.size, 'value')}"
    if isinstance(value, np.ndarray):
        yield f"an array of {_count(value.size, 'value')}"
    if isinstance(value, tuple):
        n = len(value)
        yield ("empty round brackets ()" if n == 0 else
               "one value followed by a comma" if n == 1 else
               f"{n} values separated by {'a comma' if n == 2 else 'commas'}")
    if isinstance(value, list):
        yield "an empty list []" if not value else f"a list of {_count(len(value), 'item')}"
    if isinstance(value, (set, frozenset)):
        yield "an empty set" if not value else f"a set of {_count(len(value), 'item')}"
    if isinstance(value, dict):
        yield ("an empty dictionary {}" if not value else
               f"a dictionary with {_count(len(value), 'entry', 'entries')}")
    if isinstance(value, range):
        yield "a range of numbers"
    if isinstance(value, (types.GeneratorType, map, filter, zip)) or (
            hasattr(value, "__next__") and hasattr(value, "__iter__")):
        yield "a generator of values (wrap it in list(...) to get the values)"
    if isinstance(value, types.ModuleType):
        yield "a module (a library such as pandas), not a value"
    if isinstance(value, BaseException):
        yield "an error rather than a value"
    if callable(value):
        yield "a function (did you forget the brackets that call it?)"
    yield "a value of an unexpected kind (not a number, a text, a list or a table)"


def _text(value: str) -> str:
    return "an empty text" if not value.strip() else f"the text {snippet(value)!r}"


def _date(value: Any) -> str:
    try:
        return f"the date {pd.Timestamp(value):%Y-%m-%d}"
    except (ValueError, OverflowError):  # beyond the dates pandas can hold
        return "a date far outside the course's years"


_SIMPLE: tuple[tuple[type | tuple[type, ...], Any], ...] = (
    (str, _text),
    ((bytes, bytearray), lambda _v: "bytes (raw data rather than text)"),
    (pd.Period, lambda v: f"the period {v}"),
    ((pd.Timestamp, datetime.datetime, datetime.date, np.datetime64), _date),
)
