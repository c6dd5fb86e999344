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
from collections.abc import Iterable

from pkedu.data import load_countries

__all__ = ["ALIASES", "country_code", "country_codes", "known_country"]

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
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Countries are given as text, a code such as 'IDN' or a name such as "
                         f"'Indonesia' (got {value!r}).")
    text = value.strip()
    code = _lookup().get(text.lower())
    if code is not None:
        return code
    names = _names()
    guesses = difflib.get_close_matches(text.lower(), list(_lookup()), n=1, cutoff=0.6)
    hint = ""
    if guesses:
        guess = _lookup()[guesses[0]]
        hint = f" Did you mean '{guess}' ({names.get(guess, guess)})?"
    raise ValueError(f"I don't know the country {text!r}.{hint} Use a code such as 'IDN' or a "
                     "name such as 'Indonesia'; pk.data.load_countries() lists them all.")


def country_codes(values: str | Iterable[object]) -> list[str]:
    """Codes for one country or several (codes or names), in order, without repeats."""
    if isinstance(values, str):
        values = [values]
    return list(dict.fromkeys(country_code(v) for v in values))


def known_country(value: object) -> str | None:
    """"Name (CODE)" when ``value`` names a real country exactly (code, name or alias), else None.

    It never guesses: a typo is not a country here. Used to tell a student that a
    real country is simply not one of a question's options.

    >>> known_country("mys"), known_country("Viet Nam"), known_country("Malasia")
    ('Malaysia (MYS)', 'Vietnam (VNM)', None)
    """
    if not isinstance(value, str):
        return None
    code = _lookup().get(value.strip().lower())
    return None if code is None else f"{_names().get(code, code)} ({code})"
