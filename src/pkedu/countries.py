"""Countries as students type them: a code in any letter case, an English name, a common variant.

Every function of :mod:`pkedu.analysis` that takes countries reads them through
:func:`country_codes`, so ``"Philippines"``, ``"phl"`` and ``"PHL"`` give the same rows,
and something that is not a country is refused with a sentence that says what to write,
never answered with a silent empty table or a line of zeros.

What lives here: the lookup and its aliases. What does not: the country table itself
(:func:`pkedu.data.load_countries`) and the apps' own checks (:mod:`pkedu.apps`).

>>> country_code("Philippines"), country_code("phl"), country_code(" Viet Nam ")
('PHL', 'PHL', 'VNM')
>>> country_codes(["Indonesia", "MYS", "idn"])
['IDN', 'MYS']
>>> country_code("PHI")
Traceback (most recent call last):
...
ValueError: I don't know the country 'PHI'. Did you mean 'PHL' (Philippines)? Use a code such as 'IDN' or a name such as 'Indonesia'; pk.data.load_countries() lists them all.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from pkedu.country_guess import foreign_letters, normal, several
from pkedu.country_guess import guess as _guess
from pkedu.data import load_countries

__all__ = ["ALIASES", "and_list", "closest_code", "country_code", "country_codes", "did_you_mean",
           "exact_code", "guess", "hint", "known_country", "shown_value"]

#: Other names students use, in lower case, for the country's code (only for countries in
#: the table: the others are left out when the lookup is built).
ALIASES: dict[str, str] = {
    "brunei": "BRN", "brunei darussalam": "BRN", "burma": "MMR", "viet nam": "VNM",
    "lao pdr": "LAO", "lao people's democratic republic": "LAO", "kampuchea": "KHM",
    "siam": "THA", "the philippines": "PHL", "east timor": "TLS", "timor leste": "TLS",
    "us": "USA", "u.s.": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states of america": "USA", "the united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "south korea": "KOR", "korea": "KOR", "republic of korea": "KOR",
    "dr congo": "COD", "drc": "COD", "democratic republic of the congo": "COD",
    "republic of the congo": "COG", "turkey": "TUR", "turkiye": "TUR", "holland": "NLD",
    "the netherlands": "NLD", "uae": "ARE", "emirates": "ARE", "ivory coast": "CIV",
    "cote d'ivoire": "CIV", "swaziland": "SWZ", "czech republic": "CZE", "macedonia": "MKD",
    "cape verde": "CPV", "russian federation": "RUS", "persia": "IRN",
}


@functools.lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    table = load_countries()
    lookup = {}
    for code, name in zip(table["iso3"], table["name"]):
        lookup[normal(str(code))] = str(code)
        lookup[normal(str(name))] = str(code)
    known = set(lookup.values())
    lookup.update({alias: code for alias, code in ALIASES.items() if code in known})
    return lookup


def _names() -> dict[str, str]:
    table = load_countries()
    return dict(zip(table["iso3"], table["name"]))


def country_code(value: object) -> str:
    """The ISO3 code of one country given by code (any case) or by name."""
    return country_codes([value])[0]


def country_codes(values: str | Iterable[object]) -> list[str]:
    """Codes for one country or several (codes or names), in order, without repeats.

    Every value that is not a country is named in one message, each with its
    likely meaning when there is one:

    >>> country_codes(["VNN", "IDN", "Thialand"])
    Traceback (most recent call last):
    ...
    ValueError: I don't know the countries 'VNN' and 'Thialand'. Did you mean 'VNM' (Vietnam) and \
'THA' (Thailand)? Use codes such as 'IDN' or names such as 'Indonesia'; pk.data.load_countries() \
lists them all.
    """
    if isinstance(values, str):
        values = [values]
    if values is None or isinstance(values, bytes) or not isinstance(values, Iterable):
        raise TypeError("countries must be a code such as 'IDN', a name, or a list of them "
                        f"(you gave {shown_value(values)}).")
    values = list(values)
    if not values:
        raise ValueError("Name at least one country, e.g. ['IDN'].")
    not_text = [v for v in values if not isinstance(v, str) or not v.strip()]
    if not_text:
        got = and_list([shown_value(v) for v in not_text])
        raise ValueError(f"Countries are given as text, a code such as 'IDN' or a name such as "
                         f"'Indonesia' (got {got}).")
    lookup = _lookup()
    codes = [lookup.get(normal(v)) for v in values]
    unknown = [v.strip() for v, code in zip(values, codes) if code is None]
    if unknown:
        unknown = list(dict.fromkeys(unknown))
        one = len(unknown) == 1
        raise ValueError(f"I don't know the countr{'y' if one else 'ies'} "
                         f"{and_list([repr(t) for t in unknown])}."
                         f"{hint(unknown, lookup, _names(), _AS_LIST)} Use "
                         f"{'a code' if one else 'codes'} such as 'IDN' or "
                         f"{'a name' if one else 'names'} such as 'Indonesia'; "
                         "pk.data.load_countries() lists them all.")
    return list(dict.fromkeys(code for code in codes if code is not None))


def shown_value(value: object) -> str:
    """A value quoted back as a student would type it, not in a Python form.

    >>> import numpy as np, pandas as pd
    >>> [shown_value(v) for v in (np.int64(3), pd.NA, b"IDN", None, 3.5)]
    ['3', 'a missing value', "'IDN' (as bytes)", 'None', '3.5']
    """
    if isinstance(value, bytes):
        return f"{value.decode('utf-8', 'replace')!r} (as bytes)"
    if value is None or isinstance(value, (str, bool)):
        return repr(value)
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return "a missing value"
    except (TypeError, ValueError):
        pass
    if isinstance(value, numbers.Number):
        return str(value.item() if hasattr(value, "item") else value)
    return f"a {type(value).__name__}"


def hint(typed: Sequence[str], lookup: Mapping[str, str], names: Mapping[str, str],
         apart: str = "separate them with commas") -> str:
    """What follows "I don't know ...": letters that only look Latin, several countries
    in one text (and ``apart``, how to give them), and the likely meanings ('' when there is
    nothing to say).

    >>> print(hint(["ІDN", "IDN MYS"], _lookup(), _names()).strip())
    'ІDN' contains a letter that is not a Latin letter. 'IDN MYS' looks like several \
countries: separate them with commas. Did you mean 'IDN' (Indonesia)?
    """
    typed = list(typed)[:MOST_NAMED]  # only those a message names are explained
    out = ""
    foreign = [t for t in typed if foreign_letters(t)]
    if foreign:
        out += (f" {and_list([repr(t) for t in foreign])} contain{'s' * (len(foreign) == 1)} "
                f"a letter that is not a Latin letter.")
    joined = [t for t in typed if several(t, lookup)]
    if joined:
        out += (f" {and_list([repr(t) for t in joined])} look{'s' * (len(joined) == 1)} like "
                f"several countries: {apart}.")
    rest = [t for t in typed if t not in joined]
    guesses = [guess(t, lookup) for t in rest]
    return out + did_you_mean(rest, guesses, names)


#: How several countries are given to a function.
_AS_LIST = "give them as a list, such as ['IDN', 'MYS']"
#: A message names at most this many items of a list, then says how many more there are.
MOST_NAMED = 10


def and_list(items: Sequence[str]) -> str:
    """Items joined as a sentence says them (the first ten, then how many more).

    >>> and_list(["'a'"]), and_list(["'a'", "'b'"]), and_list(["'a'", "'b'", "'c'"])
    ("'a'", "'a' and 'b'", "'a', 'b' and 'c'")
    >>> and_list([str(n) for n in range(2000)])
    '0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 1,990 more'
    """
    items = list(items)
    if len(items) > MOST_NAMED:
        return f"{', '.join(items[:MOST_NAMED])} and {len(items) - MOST_NAMED:,} more"
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def guess(text: str, lookup: Mapping[str, str]) -> str | None:
    """The code ``text`` most likely means among ``lookup`` (lower-case text to code), if any
    guess can be trusted (see :mod:`pkedu.country_guess`).

    >>> guess("Thialand", {"thailand": "THA", "tha": "THA"}), guess("zzz", {"tha": "THA"})
    ('THA', None)
    """
    return _guess(text, lookup)


def closest_code(text: str) -> str | None:
    """The code of the country ``text`` names or most likely means (a code or a name), if any.

    >>> closest_code("Vietnam"), closest_code("Thialand"), closest_code("zzzzzz")
    ('VNM', 'THA', None)
    """
    return exact_code(text) or guess(text, _lookup())


def did_you_mean(typed: Sequence[str], guesses: Sequence[str | None],
                 names: Mapping[str, str]) -> str:
    """" Did you mean ...?" for the typed values that have a guess ('' when none has).

    When only some have one, or two share one, each guess says which typed value it is for.

    >>> names = {"VNM": "Vietnam", "THA": "Thailand"}
    >>> did_you_mean(["VNN", "Thialand"], ["VNM", "THA"], names)
    " Did you mean 'VNM' (Vietnam) and 'THA' (Thailand)?"
    >>> did_you_mean(["VNN", "XQZ"], ["VNM", None], names)
    " Did you mean 'VNM' (Vietnam) for 'VNN'?"
    >>> did_you_mean(["VNN", "Vietnan"], ["VNM", "VNM"], names)
    " Did you mean 'VNM' (Vietnam) for 'VNN' and 'VNM' (Vietnam) for 'Vietnan'?"
    """
    pairs = [(t, g) for t, g in zip(typed, guesses) if g is not None]
    if not pairs:
        return ""
    each = len(pairs) < len(typed) or len({g for _, g in pairs}) < len(pairs)
    said = [f"'{g}' ({names.get(g, g)})" + (f" for {t!r}" if each else "") for t, g in pairs]
    return f" Did you mean {and_list(said)}?"


def exact_code(value: object) -> str | None:
    """The code when ``value`` names a country exactly (code, name or alias), else None.

    >>> exact_code(" brunei darussalam"), exact_code("France"), exact_code("Frnace")
    ('BRN', 'FRA', None)
    """
    return _lookup().get(normal(value)) if isinstance(value, str) else None


def known_country(value: object) -> str | None:
    """"Name (CODE)" when ``value`` names a real country exactly (code, name or alias), else None.

    It never guesses: a typo is not a country here. Used to tell a student that a
    real country is simply not one of a question's options.

    >>> known_country("mys"), known_country("Viet Nam"), known_country("Malasia")
    ('Malaysia (MYS)', 'Vietnam (VNM)', None)
    """
    code = exact_code(value)
    return None if code is None else f"{_names().get(code, code)} ({code})"
