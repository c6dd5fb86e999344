"""Guessing which country a student meant: only guesses that can be trusted.

A guess is offered in "Did you mean ...?" after a country was not recognised, so
a wrong guess does more harm than none. The rules:

* text is read after Unicode normalisation (full-width letters become ordinary
  ones) and in any letter case;
* two letters are read as an ISO2 code ("ID" is Indonesia, never India);
* three letters are compared with codes only, names with names only;
* the start of one name ("Indon", "Malay") points to that name;
* otherwise a guess must be close and clearly closer than any other country;
* letters that only look Latin (Cyrillic "І", Greek "Ο") are read as the Latin
  letter they look like, and the message says so.

>>> lookup = {"idn": "IDN", "indonesia": "IDN", "ind": "IND", "india": "IND",
...           "mys": "MYS", "malaysia": "MYS", "mlt": "MLT", "malta": "MLT"}
>>> [guess(t, lookup) for t in ["Indon", "ID", "Malay", "Malasia", "Holland", "IDM"]]
['IDN', 'IDN', 'MYS', 'MYS', None, 'IDN']

Not here: the country table and the aliases of exact names (:mod:`pkedu.countries`).
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import unicodedata
from collections.abc import Mapping

from pkedu.data import load_countries

__all__ = ["foreign_letters", "guess", "normal", "several"]

#: Letters of other scripts that look like Latin capitals, and the Latin letter they look like.
_LOOKALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y", "а": "a", "е": "e", "о": "o",
    "р": "p", "с": "c", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "у": "y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
})
#: Countries students may type that are not in the country table: near-spellings of other
#: countries ("North Korea" is not "South Korea") are no guess for them.
NO_GUESS = frozenset({"north korea", "dprk", "taiwan", "syria", "palestine", "kosovo",
                      "hong kong", "macau", "vatican", "somalia", "south sudan", "congo"})
#: How close (difflib's ratio, 0-1) a name must be to be guessed, and by how much it must
#: beat the next country.
CUTOFF = 0.75
MARGIN = 0.06


def normal(text: str) -> str:
    """``text`` as it is looked up: Unicode-normalised, case-folded, without accents,
    invisible characters or hyphens, single spaces.

    >>> normal("  ＩＤＮ "), normal("Viet-Nam"), normal("Việt   Nam"), normal("TÜRKIYE\u200b")
    ('idn', 'viet nam', 'viet nam', 'turkiye')
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)
                   and unicodedata.category(ch) != "Cf")
    text = unicodedata.normalize("NFC", text).replace("-", " ").replace("\u2019", "'")
    return " ".join(text.split())


def foreign_letters(text: str) -> bool:
    """Does ``text`` hold a letter that is not a Latin one (but may look like one)?

    >>> foreign_letters("ІDN"), foreign_letters("IDN"), foreign_letters("Türkiye")
    (True, False, False)
    """
    return any(ch.isalpha() and "LATIN" not in unicodedata.name(ch, "")
               for ch in unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=1)
def _iso2() -> dict[str, str]:
    table = load_countries()
    return {str(two).lower(): str(three) for two, three in zip(table["iso2"], table["iso3"])
            if isinstance(two, str)}


def _best(scores: Mapping[str, tuple[float, ...]]) -> str | None:
    """The code with the highest score when it clearly beats every other code."""
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _code_guess(key: str, codes: set[str]) -> str | None:
    """The code two of whose three letters are in place, preferring a longer shared start."""
    scores: dict[str, tuple[float, ...]] = {}
    for code in codes:
        same = sum(a == b for a, b in zip(key, code.lower()))
        start = len(os.path.commonprefix([key, code.lower()]))
        if same >= 2:
            scores[code] = (same, start)
    return _best(scores)


def _name_guess(key: str, names: Mapping[str, str]) -> str | None:
    """The country whose name starts with ``key``, or whose name is clearly the closest."""
    if key in NO_GUESS or len({code for name, code in names.items()
                               if re.search(rf"\b{re.escape(key)}\b", name)}) > 1:
        return None  # a country not in the table, or a word of several names ("Guinea")
    if len(key) >= 4:
        starts = {code for name, code in names.items() if name.startswith(key)}
        if len(starts) == 1:
            return starts.pop()
        if starts:
            return None
    ratios: dict[str, float] = {}
    for name, code in names.items():
        ratio = difflib.SequenceMatcher(None, key, name).ratio()
        ratios[code] = max(ratios.get(code, 0.0), ratio)
    ranked = sorted(ratios.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < CUTOFF:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
        return None
    return ranked[0][0]


def guess(text: str, lookup: Mapping[str, str]) -> str | None:
    """The code of the country ``text`` most likely means, among ``lookup`` (lower-case text
    to code: codes, names and aliases), or None when no guess can be trusted.

    >>> lookup = {"tha": "THA", "thailand": "THA", "siam": "THA", "vnm": "VNM", "vietnam": "VNM"}
    >>> guess("Thialand", lookup), guess("VNN", lookup), guess("ТНА", lookup), guess("zzz", lookup)
    ('THA', 'VNM', 'THA', None)
    """
    key = normal(text)
    if foreign_letters(key):
        key = normal(unicodedata.normalize("NFKC", text).translate(_LOOKALIKES))
    if key in lookup:
        return lookup[key]
    allowed = set(lookup.values())
    if re.fullmatch(r"[a-z]{2}", key):
        code = _iso2().get(key)
        return code if code in allowed else None
    if re.fullmatch(r"[a-z]{3}", key):
        return _code_guess(key, {k.upper() for k, c in lookup.items() if k == c.lower()})
    names = {k: c for k, c in lookup.items() if k != c.lower()}
    return _name_guess(key, names) if len(key) > 3 else None


def several(text: str, lookup: Mapping[str, str]) -> bool:
    """Does ``text`` look like several countries in one ("IDN MYS", "IDN;MYS")?

    >>> lookup = {"idn": "IDN", "mys": "MYS", "sri lanka": "LKA", "sri": "LKA"}
    >>> several("IDN MYS", lookup), several("IDN, mys", lookup), several("Sri Lanka", lookup)
    (True, True, False)
    """
    key = normal(text)
    if key in lookup:
        return False
    parts = [p for p in re.split(r"[\s,;/|+&]+", key) if p]
    return len(parts) > 1 and all(p in lookup for p in parts)
