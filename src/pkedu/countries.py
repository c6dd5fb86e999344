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

import difflib
import functools
from collections.abc import Iterable, Mapping, Sequence

from pkedu.data import load_countries

__all__ = ["ALIASES", "and_list", "closest_code", "country_code", "country_codes", "did_you_mean",
           "exact_code", "guess", "known_country"]

#: Other names students use, in lower case, for the country's code.
ALIASES: dict[str, str] = {
    "brunei": "BRN", "brunei darussalam": "BRN", "burma": "MMR", "viet nam": "VNM",
    "lao pdr": "LAO", "lao people's democratic republic": "LAO", "kampuchea": "KHM",
    "the philippines": "PHL", "east timor": "TLS", "usa": "USA", "united states": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "south korea": "KOR",
    "korea": "KOR", "dr congo": "COD", "drc": "COD",
}


@functools.lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    table = load_countries()
    lookup = {}
    for code, name in zip(table["iso3"], table["name"]):
        lookup[str(code).lower()] = str(code)
        lookup[str(name).lower()] = str(code)
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
    values = list(values)
    not_text = [v for v in values if not isinstance(v, str) or not v.strip()]
    if not_text:
        got = and_list([repr(v) for v in not_text])
        raise ValueError(f"Countries are given as text, a code such as 'IDN' or a name such as "
                         f"'Indonesia' (got {got}).")
    lookup = _lookup()
    codes = [lookup.get(v.strip().lower()) for v in values]
    unknown = [v.strip() for v, code in zip(values, codes) if code is None]
    if unknown:
        unknown = list(dict.fromkeys(unknown))
        guesses = [guess(text, lookup) for text in unknown]
        one = len(unknown) == 1
        raise ValueError(f"I don't know the countr{'y' if one else 'ies'} "
                         f"{and_list([repr(t) for t in unknown])}."
                         f"{did_you_mean(unknown, guesses, _names())} Use "
                         f"{'a code' if one else 'codes'} such as 'IDN' or "
                         f"{'a name' if one else 'names'} such as 'Indonesia'; "
                         "pk.data.load_countries() lists them all.")
    return list(dict.fromkeys(code for code in codes if code is not None))


def and_list(items: Sequence[str]) -> str:
    """Items joined as a sentence says them.

    >>> and_list(["'a'"]), and_list(["'a'", "'b'"]), and_list(["'a'", "'b'", "'c'"])
    ("'a'", "'a' and 'b'", "'a', 'b' and 'c'")
    """
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def guess(text: str, lookup: Mapping[str, str]) -> str | None:
    """The code of the closest spelling in ``lookup`` (lower-case text to code), if any is close.

    >>> guess("Thialand", {"thailand": "THA", "tha": "THA"}), guess("zzz", {"tha": "THA"})
    ('THA', None)
    """
    close = difflib.get_close_matches(text.strip().lower(), list(lookup), n=1, cutoff=0.6)
    return lookup[close[0]] if close else None


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
    return _lookup().get(value.strip().lower()) if isinstance(value, str) else None


def known_country(value: object) -> str | None:
    """"Name (CODE)" when ``value`` names a real country exactly (code, name or alias), else None.

    It never guesses: a typo is not a country here. Used to tell a student that a
    real country is simply not one of a question's options.

    >>> known_country("mys"), known_country("Viet Nam"), known_country("Malasia")
    ('Malaysia (MYS)', 'Vietnam (VNM)', None)
    """
    code = exact_code(value)
    return None if code is None else f"{_names().get(code, code)} ({code})"
