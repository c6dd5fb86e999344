"""Reading answers: turning what a student gave into a number, a month or options.

Here: unwrapping one-value containers, reading numbers and months, and
normalising text so that a country or option can be written in many ways.
Each reader returns the value or a friendly reason why it cannot be read.
Not here: comparing with the expected answer (:mod:`pkedu.checks.grading`,
:mod:`pkedu.checks.tables`) or the wording of a description
(:mod:`pkedu.checks.describe`).

>>> as_number("ten")
(None, "this question wants a number, and your answer is the text 'ten'.")
"""

from __future__ import annotations

import datetime
import math
import numbers
import re
import unicodedata
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from pkedu import questions  # noqa: F401 (the examples below use it)
from pkedu.checks.describe import MAX_DIGITS, describe
from pkedu.questions import COUNTRY_ALIASES, Question

__all__ = ["single", "as_number", "as_month", "normalise", "match_option", "options_text",
           "items", "is_empty"]


def single(value: Any) -> Any:
    """The one value inside a one-element Series, array, list or 1x1 table; else the value.

    >>> single([3]), single((1, 2))
    (3, (1, 2))
    """
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index, np.ndarray)) and value.size == 1:
        return np.asarray(value).ravel()[0]
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return value[0]
    return value


# --- numbers --------------------------------------------------------------------------------

def as_number(value: Any) -> tuple[Any, str]:
    """(number, "") for a usable number, else (None, a friendly reason).

    >>> as_number([7])
    (7, '')
    >>> as_number("1,428")[1]
    "your answer is the text '1,428', not a number: write 1428 without quotes or commas."
    >>> as_number("inf")[1]
    "this question wants a number, and your answer is the text 'inf'."
    """
    value = single(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return None, f"this question wants a number, and your answer is {describe(value)}."
    if isinstance(value, Decimal):
        value = float("nan") if value.is_nan() else float(value)
    if isinstance(value, str):
        return None, _number_text_reason(value)
    if value is pd.NA:
        return None, ("your answer is NA, a missing value: for example the total of a month "
                      "with no UN report.")
    if isinstance(value, tuple) and len(value) >= 2:
        return None, _comma_reason(value)
    if not isinstance(value, numbers.Real):
        return None, f"this question wants a number, and your answer is {describe(value)}."
    if isinstance(value, float) and math.isnan(value):
        return None, ("your answer is NaN (\"not a number\"), a missing value. It often comes "
                      "from a month with no UN report, or from dividing by zero.")
    if isinstance(value, float) and math.isinf(value):
        return None, "your answer is infinite, which usually means a division by zero."
    return value, ""


def _comma_reason(parts: tuple[Any, ...]) -> str:
    """What to say about values separated by commas, such as ``1,428`` (Python reads (1, 428)).

    >>> _comma_reason((1, 428))
    'your answer is 2 values separated by a comma, because Python reads a comma as a \
separator. Did you write 1,428? Write 1428, without the comma.'
    """
    said = f"your answer is {describe(parts)}, because Python reads a comma as a separator."
    first, rest = parts[0], parts[1:]
    whole = [isinstance(p, numbers.Integral) and not isinstance(p, bool) for p in parts]
    if all(whole) and all(0 <= p <= 999 for p in rest) and abs(first) < 10 ** 6:
        groups = [f"{int(p):03d}" for p in rest]
        return (f"{said} Did you write {int(first)},{','.join(groups)}? Write "
                f"{int(first)}{''.join(groups)}, without the comma.")
    if all(isinstance(p, numbers.Real) and not isinstance(p, bool) for p in parts):
        return f"{said} Write numbers without commas: 1500, not 1,500."
    return f"this question wants a number, and your answer is {describe(parts)}."


#: A number as Python reads it without quotes (digits 0-9, an optional sign and decimals).
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", re.ASCII)
#: The same with commas between groups of three digits, as people write them.
_COMMA_NUMBER = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)


def _number_text_reason(text: str) -> str:
    """Why a text is not a number, and what to write instead.

    "Without quotes" is advised only when the text without quotes is a number
    Python reads: not for 'inf', 'NaN', '1e309' or digits of another script.

    >>> _number_text_reason("١٢")
    "your answer is the text '١٢': write the number with the digits 0 to 9, without quotes."
    """
    plain = text.strip()
    shown = describe(text)
    if _COMMA_NUMBER.fullmatch(plain):
        digits = plain.replace(",", "")
        written = digits if len(digits) <= MAX_DIGITS else "the number"
        return f"your answer is {shown}, not a number: write {written} without quotes or commas."
    if _PLAIN_NUMBER.fullmatch(plain) and math.isfinite(float(plain)):
        return (f"your answer is {shown}, not a number: write it without quotes (or, if your "
                "code made this text, wrap it in int(...) or float(...)).")
    if plain and all(unicodedata.category(ch) == "Nd" or ch in "+-.," for ch in plain) \
            and any(unicodedata.category(ch) == "Nd" for ch in plain):
        return (f"your answer is {shown}: write the number with the digits 0 to 9, without "
                "quotes.")
    return f"this question wants a number, and your answer is {shown}."


# --- months ---------------------------------------------------------------------------------

def as_month(value: Any) -> tuple[pd.Period | None, str]:
    """(month, "") for anything that names one month, else (None, a friendly reason).

    >>> as_month("2005-05-31")
    (Period('2005-05', 'M'), '')
    """
    value = single(value)
    want = "this question wants a month, written like '2005-05'"
    if isinstance(value, str):
        from pkedu.analysis import month

        try:
            return month(value).to_period("M"), ""
        except ValueError:
            return None, f"{want}, and your answer is {describe(value)}."
    if isinstance(value, pd.Period):
        return value.asfreq("M"), ""
    if isinstance(value, (pd.Timestamp, np.datetime64, datetime.date)):
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, OverflowError):  # beyond the dates pandas can hold
            return None, f"{want}, and your answer is {describe(value)}."
        if pd.isna(stamp):
            return None, ("your answer is NaT (\"not a time\"), a missing date: for example the "
                          "first month of a country that never sent anyone.")
        return stamp.to_period("M"), ""
    if value is pd.NaT:
        return None, "your answer is NaT (\"not a time\"), a missing date."
    return None, f"{want}, and your answer is {describe(value)}."


# --- text and options -----------------------------------------------------------------------

#: A number inside a text. Its sign, decimal point and separators change what it means, so
#: normalising keeps them: "-1" is not "1", and "0.1" is not "01".
_NUMBER_IN_TEXT = re.compile(r"(?<!\d)[-+\u2212]?\d+(?:[.,:/\u2044]\d+)*")


def _words(text: str) -> str:
    text = re.sub(r"[-_/]+", " ", text)
    return re.sub(r"[^\w\s]", "", text)


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces, no leading "the".

    Only what cannot change the meaning goes: letter case, accents, spacing and
    punctuation between words. A number keeps its sign and decimal point, so no
    wrong answer is normalised into a right one.

    >>> normalise("  The Lao  P.D.R.! "), normalise("Viet-Nam"), normalise("Côte d'Ivoire")
    ('lao pdr', 'viet nam', 'cote divoire')
    >>> normalise("-1"), normalise("0.1"), normalise("(1)."), normalise("½")
    ('-1', '0.1', '1', '1⁄2')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    parts, end = [], 0
    for number in _NUMBER_IN_TEXT.finditer(text):
        parts += [_words(text[end:number.start()]), number.group().replace("\u2212", "-")]
        end = number.end()
    text = " ".join("".join([*parts, _words(text[end:])]).split())
    return text[4:] if text.startswith("the ") else text


def _option_lookup(question: Question) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, label in question.options.items():
        spellings = [key, label, *question.aliases.get(key, ()), *COUNTRY_ALIASES.get(key, ())]
        for spelling in spellings:
            lookup.setdefault(normalise(str(spelling)), key)
    return lookup


def match_option(question: Question, text: Any) -> str | None:
    """The option key that ``text`` names (its key, label or an alias), or None.

    >>> q = questions.get("00-never-deployed")
    >>> match_option(q, "lao pdr"), match_option(q, "Burma"), match_option(q, "Atlantis")
    ('LAO', 'MMR', None)
    """
    if not isinstance(text, str):
        return None
    return _option_lookup(question).get(normalise(text))


def options_text(question: Question) -> str:
    """The options as one line, for messages.

    >>> options_text(questions.get("00-shift-enter"))[:40]
    'a (The cell runs and the next cell is se'
    """
    return "; ".join(key if label == key else f"{key} ({label})"
                     for key, label in question.options.items())


def items(answer: Any) -> list[Any] | None:
    """The separate items of a list-like answer (or a text with commas), else None.

    Blank items (``""``, ``" "``) are left out: they choose nothing.

    >>> items("IDN, MYS"), items(["IDN", " "]), items(3)
    (['IDN', ' MYS'], ['IDN'], None)
    """
    if isinstance(answer, str):
        return [part for part in re.split(r"[,;\n]", answer) if part.strip()]
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index, np.ndarray)):
        try:
            values = list(np.asarray(list(answer), dtype=object).ravel())
        except ValueError:  # items of different shapes, such as two tables
            values = list(answer)
        return [v for v in values if not (isinstance(v, str) and not v.strip())]
    return None


def is_empty(answer: Any) -> bool:
    """Does the answer hold nothing at all (an empty text, list, set, column...)?

    A table with no rows is not empty in this sense: it is an answer, just a
    wrong one, and the table check says what is wrong with it.

    >>> [is_empty(a) for a in ("", "  ", [], set(), [" "], {}, pd.Series(dtype=float))]
    [True, True, True, True, True, True, True]
    >>> [is_empty(a) for a in (0, None, "0", ["IDN"], pd.DataFrame())]
    [False, False, False, False, False]
    """
    value = single(answer)
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return not value
    found = items(value)
    return found is not None and not found
