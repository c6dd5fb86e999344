"""Input checks for the apps: whatever a student typed becomes a clean value or a message.

Each ``to_...`` function returns a clean value or raises :class:`InputProblem`,
whose message is one plain-English sentence that the app shows instead of a
traceback. A number out of range is told the range that is allowed, and what
the student gave is quoted back short: never a raw Python form, never a
number with hundreds of digits. Not here: formatting results and the views
(:mod:`pkedu.apps._common`); countries (:mod:`pkedu.apps._countries`).

>>> to_count("1,500", "the contingent size")
1500
>>> to_count(-5, "the contingent size", maximum=2000)
Traceback (most recent call last):
...
pkedu.apps._inputs.InputProblem: The contingent size must be between 1 and 2,000 (you gave -5).

An app with several inputs checks each one through :class:`Problems`, so that a
student who typed several bad values hears about all of them at once, one line each.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import pandas as pd

__all__ = ["InputProblem", "Problems", "blank", "to_number", "to_count", "to_year", "to_amount", "shown",
           "shown_money", "to_choice"]

#: Numbers with more digits than this are quoted back by their length, not written out.
MAX_DIGITS = 15
#: A message shows at most this many problems, then says how many more there are.
MAX_LINES = 12

_T = TypeVar("_T")


class InputProblem(ValueError):
    """An input the app cannot use; ``str(problem)`` is the message for the student.

    Several problems found at once travel as one message, one line each.
    """


class Problems:
    """The problems of several inputs, gathered so that an app reports all of them at once.

    :meth:`check` runs one input check: it returns the clean value, or notes the
    problem and returns None, so the next input is checked too.

    >>> problems = Problems()
    >>> problems.check(to_count, "abc", "the contingent size")
    >>> problems.check(to_count, "12", "the number of months")
    12
    >>> problems.check(to_count, 500, "the number of months", maximum=120)
    >>> print(problems.message())
    'abc' is not a number. Type the contingent size in digits, for example 150.
    The number of months must be between 1 and 120 (you gave 500).
    """

    def __init__(self) -> None:
        self.messages: list[str] = []

    def check(self, convert: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
        """``convert(*args, **kwargs)``, or None after noting its :class:`InputProblem`."""
        try:
            return convert(*args, **kwargs)
        except InputProblem as problem:
            self.add(str(problem))
            return None

    def add(self, message: str) -> None:
        """Note one problem (each line of ``message`` once, in the order found)."""
        for line in message.splitlines():
            if line.strip() and line not in self.messages:
                self.messages.append(line)

    def __bool__(self) -> bool:
        return bool(self.messages)

    def message(self) -> str:
        """Every problem noted, one line each (the first :data:`MAX_LINES`, then how many more).

        >>> many = Problems()
        >>> for n in range(100):
        ...     many.add(f"Problem {n}.")
        >>> many.message().splitlines()[-2:]
        ['Problem 11.', '... and 88 more problems.']
        """
        if len(self.messages) > MAX_LINES:
            rest = len(self.messages) - MAX_LINES
            return "\n".join(self.messages[:MAX_LINES] + [f"... and {rest:,} more problems."])
        return "\n".join(self.messages)


def blank(value: object) -> bool:
    """Nothing typed: None or a text of spaces.

    >>> blank(None), blank("  "), blank(0)
    (True, True, False)
    """
    return value is None or (isinstance(value, str) and not value.strip())


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _then(why: str) -> str:
    return f" {why}" if why else ""


#: A number whose commas group thousands: 1,428 / 12,345.50 / -1,000,000.
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?")


def to_number(value: object, what: str, example: str = "150", whole: bool = False) -> float:
    """A finite number from a number or a text such as ``"1,428"`` or ``"US$ 1428"``.

    ``whole``: the field takes a whole number (a count, a year), and a message says so.

    >>> to_number("US$1,428.50", "the rate")
    1428.5
    >>> to_number("1,5", "the rate", example="1428.5")  # a decimal comma is not read as 15
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: '1,5' for the rate is not clear: a comma may only group \
thousands (1,428). Type decimals with a point, for example 1428.5.
    >>> to_number("1,5", "the number of months", example="12", whole=True)
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: '1,5' for the number of months is not clear: a comma may \
only group thousands (1,428). Type a whole number, for example 12.
    >>> to_number("abc", "the rate", example="1428")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: 'abc' is not a number. Type the rate in digits, for example...
    """
    if blank(value):
        raise InputProblem(f"Please type a number for {what}.")
    if isinstance(value, bool):
        raise InputProblem(f"{_cap(what)} must be a number, not True or False.")
    if isinstance(value, str):
        text = value.strip().replace("_", "").replace(" ", "")
        text = text.removeprefix("US$").removeprefix("$")
        if "," in text and not _THOUSANDS.fullmatch(text):
            how = "a whole number" if whole else "decimals with a point"
            raise InputProblem(f"{shown(value)} for {what} is not clear: a comma may only group "
                               f"thousands (1,428). Type {how}, for example {example}.")
        text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise InputProblem(f"{shown(value)} is not a number. Type {what} in digits, "
                               f"for example {example}.") from None
    elif isinstance(value, (numbers.Real, Decimal)):
        try:
            number = float("nan") if isinstance(value, Decimal) and value.is_nan() \
                else float(value)
        except OverflowError:
            number = math.inf if value > 0 else -math.inf  # type: ignore[operator]
    else:
        raise InputProblem(f"{_cap(what)} must be a number (you gave {shown(value)}).")
    if not math.isfinite(number):
        raise InputProblem(f"{_cap(what)} must be an ordinary number (you gave {shown(value)}).")
    return number


def to_count(value: object, what: str, minimum: int = 1, maximum: int = 100_000,
             why: str = "", example: str = "150") -> int:
    """A whole number from ``minimum`` to ``maximum``, or an :class:`InputProblem`.

    ``why`` is a sentence added when the number is out of range.

    >>> to_count(2.0, "the number of months")
    2
    >>> to_count(0, "the number of months", maximum=120)
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: The number of months must be between 1 and 120 (you gave 0).
    """
    number = to_number(value, what, example, whole=True)
    if not minimum <= number <= maximum:
        raise InputProblem(f"{_cap(what)} must be between {minimum:,} and {maximum:,} (you gave "
                           f"{shown(value)}).{_then(why)}")
    if number != int(number):
        raise InputProblem(f"{_cap(what)} must be a whole number (you gave {shown(value)}).")
    return int(number)


def to_year(value: object, what: str, first: int, last: int, why: str = "") -> int:
    """A year written in digits: any from 1000 to 9999, or an :class:`InputProblem` naming
    ``first``-``last``, the years that make sense here.

    >>> to_year("2005", "the start year", 1990, 2025)
    2005
    >>> to_year(-1, "the start year", 1990, 2025)
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: The start year must be a year from 1990 to 2025 (you gave -1).
    """
    number = to_number(value, what, example=str(last), whole=True)
    if not 1000 <= number <= 9999 or number != int(number):
        said = shown(value)
        if not isinstance(value, str) and abs(number) < 10 ** 6:
            said = said.replace(",", "")  # a year is written 2019.5, not 2,019.5
        raise InputProblem(f"{_cap(what)} must be a year from {first} to {last} (you gave "
                           f"{said}).{_then(why)}")
    return int(number)


def to_amount(value: object, what: str, maximum: float = 100_000.0, why: str = "",
              example: str = "1500") -> float:
    """A positive amount of money (greater than zero, at most ``maximum``).

    >>> to_amount("2,000", "the national cost")
    2000.0
    >>> to_amount(0, "the national cost")
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: The national cost must be more than zero and at most \
US$100,000 (you gave US$0).
    """
    number = to_number(value, what, example)
    if not 0 < number <= maximum:
        raise InputProblem(f"{_cap(what)} must be more than zero and at most "
                           f"{shown_money(maximum)} (you gave {shown_money(number)})."
                           f"{_then(why)}")
    return number


def _plain(number: float) -> str:
    """A number as it is quoted back: with separators, or its length when enormous.

    >>> _plain(-5.0), _plain(1234.5), _plain(1e18), _plain(10 ** 300), _plain(float("inf"))
    ('-5', '1,234.5', 'a number with 19 digits', 'a number with 301 digits', 'inf')
    """
    if isinstance(number, numbers.Integral):
        digits = len(str(abs(int(number))))
        return f"a number with {digits} digits" if digits > MAX_DIGITS else f"{int(number):,}"
    try:
        number = float(number)
    except OverflowError:
        return "an enormous number"
    except ValueError:  # a Decimal's signalling NaN
        return "nan"
    if not math.isfinite(number):
        return repr(number)
    if abs(number) >= 10 ** MAX_DIGITS:
        return f"a number with {int(math.log10(abs(number))) + 1} digits"
    if number == int(number) or abs(number) >= 1e6:
        return f"{number:,.0f}"
    return f"{number:,.2f}".rstrip("0")


def shown_money(amount: float) -> str:
    """An amount of US dollars as it is quoted back in a message.

    >>> shown_money(-1500.4), shown_money(1e300)
    ('-US$1,500', 'an amount with 301 digits')
    """
    text = _plain(round(amount) if math.isfinite(amount) else amount)
    if text.startswith("a number"):
        return text.replace("a number", "an amount")
    return f"-US${text[1:]}" if text.startswith("-") else f"US${text}"


def shown(value: object) -> str:
    """How a student's input is quoted back in a message (short, never a raw Python form).

    >>> shown(None), shown("  "), shown("abc"), shown(-5.0), shown(object())
    ('nothing', 'an empty text', "'abc'", '-5', 'something that is not a number or a text')
    >>> shown(10 ** 400), shown([1, "a"]), shown([object()])
    ('a number with 401 digits', "[1, 'a']", 'a list of 1 item')
    """
    if value is None:
        return "nothing"
    if isinstance(value, str):
        text = " ".join(value.split())
        digits = sum(ch.isdigit() for ch in text)
        if digits > MAX_DIGITS:
            return f"a text with {digits} digits"
        return repr(text if len(text) <= 40 else text[:37] + "...") if text else "an empty text"
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, (numbers.Real, Decimal)):
        return _plain(value)  # type: ignore[arg-type]
    if isinstance(value, (list, tuple, set, dict)):
        return _shown_collection(value)
    if value is pd.NA or value is pd.NaT:
        return "a missing value"
    if isinstance(value, bytes):
        return f"{value.decode('utf-8', 'replace')!r} (as bytes)"
    return "something that is not a number or a text"


def _simple(value: object) -> bool:
    """Is ``value`` shown the same by repr as a student would type it?"""
    if type(value) is int:
        return abs(value) < 10 ** MAX_DIGITS  # type: ignore[operator]
    return value is None or type(value) in (str, bool, float)


def _shown_collection(value: list | tuple | set | dict) -> str:
    parts = list(value.items()) if isinstance(value, dict) else list(value)
    flat = [p for pair in parts for p in (pair if isinstance(value, dict) else (pair,))]
    text = repr(value)
    if all(_simple(p) for p in flat) and len(text) <= 40:
        return text
    noun = {dict: "dictionary", tuple: "group", set: "set"}.get(type(value), "list")
    n = len(value)
    return f"a {noun} of {n} item{'s' * (n != 1)}"


def to_choice(value: object, choices: Sequence[str], what: str) -> str:
    """One of ``choices`` (letter case and spaces ignored).

    >>> to_choice(" Troops", ("all", "troops"), "personnel group")
    'troops'
    >>> to_choice([], ("all", "troops"), "personnel group")
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: The personnel group must be 'all' or 'troops' (you gave []).
    """
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    listed = ", ".join(repr(c) for c in choices[:-1]) + f" or {choices[-1]!r}"
    raise InputProblem(f"The {what} must be {listed} (you gave {shown(value)}).")
