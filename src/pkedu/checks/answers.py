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

from pkedu import questions
from pkedu.checks.describe import describe
from pkedu.questions import COUNTRY_ALIASES, Question

__all__ = ["single", "as_number", "as_month", "normalise", "match_option", "options_text",
           "items"]


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
    """(number, "") for a usable number, else (None, a friendly reason)."""
    value = single(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return None, f"this question wants a number, and your answer is {describe(value)}."
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, str):
        try:
            float(value.replace(",", "").strip())
        except ValueError:
            return None, f"this question wants a number, and your answer is {describe(value)}."
        return None, f"your answer is {describe(value)}: write the number without quotes."
    if not isinstance(value, numbers.Real):
        return None, f"this question wants a number, and your answer is {describe(value)}."
    if isinstance(value, float) and math.isnan(value):
        return None, ("your answer is NaN (\"not a number\"), a missing value. It often comes "
                      "from a month with no UN report, or from dividing by zero.")
    if isinstance(value, float) and math.isinf(value):
        return None, "your answer is infinite, which usually means a division by zero."
    return value, ""


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
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return None, ("your answer is NaT (\"not a time\"), a missing date: for example the "
                          "first month of a country that never sent anyone.")
        return stamp.to_period("M"), ""
    if value is pd.NaT:
        return None, "your answer is NaT (\"not a time\"), a missing date."
    return None, f"{want}, and your answer is {describe(value)}."


# --- text and options -----------------------------------------------------------------------

def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces, no leading "the".

    >>> normalise("  The Lao  P.D.R.! "), normalise("Viet-Nam"), normalise("Côte d'Ivoire")
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

    >>> items("IDN, MYS"), items(3)
    (['IDN', ' MYS'], None)
    """
    if isinstance(answer, str):
        return [part for part in re.split(r"[,;\n]", answer) if part.strip()]
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index, np.ndarray)):
        return list(np.asarray(list(answer), dtype=object).ravel()) if len(answer) else []
    return None
