"""Countries typed into the apps: ASEAN members by code or name, every bad one named at once.

A list of countries with several mistakes gets one sentence per kind of mistake
(not known at all, a real country outside ASEAN, not text), and each sentence
names every value of its kind, with a likely meaning for a typo:

>>> to_countries(["vietnam", "IDN"])
('VNM', 'IDN')
>>> print(country_problems(["VNN", "IDN", "Thialand", "BGD", "France"]))
I don't know the countries 'VNN' and 'Thialand'. Did you mean 'VNM' (Vietnam) and 'THA' \
(Thailand)? Use names such as 'Indonesia' or codes such as 'IDN'.
This app covers the ten ASEAN states; 'BGD' (Bangladesh) and 'France' are not among them.

Not here: the lookup of every country for :mod:`pkedu.analysis` (:mod:`pkedu.countries`,
whose names, aliases and wording this module shares).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

from pkedu import theme
from pkedu.apps._inputs import InputProblem, blank, shown
from pkedu.country_guess import normal
from pkedu.countries import and_list, exact_code, hint
from pkedu.data import ASEAN10, country_name

__all__ = ["country_keys", "country_lines", "country_problems", "given_twice", "to_country",
           "to_countries"]

_ALIASES = {"brunei": "BRN", "burma": "MMR", "viet nam": "VNM", "lao pdr": "LAO",
            "lao people's democratic republic": "LAO", "kampuchea": "KHM"}


@functools.lru_cache(maxsize=1)
def _asean_lookup() -> dict[str, str]:
    lookup = dict(_ALIASES)
    for code in ASEAN10:
        lookup[normal(code)] = code
        lookup[normal(country_name(code))] = code
        lookup[normal(theme.label(code))] = code
    return lookup


def _sort(value: object, allowed: Sequence[str]) -> tuple[str, object]:
    """(kind, detail) of one value: "ok" with its code, or the kind of mistake."""
    if blank(value):
        return "blank", None
    if not isinstance(value, str):
        return "not text", shown(value)
    text = value.strip()
    code = _asean_lookup().get(normal(text)) or exact_code(text)
    if code is None:
        return "unknown", text
    if code not in ASEAN10:
        return "outside", (text, code)
    return ("ok", code) if code in allowed else ("excluded", code)


def _sentence(kind: str, details: list, allowed: Sequence[str]) -> str:
    one = len(details) == 1
    if kind == "blank":
        return "Please pick a country."
    if kind == "not text":
        return ("Countries are given by name or by code such as 'IDN' "
                f"(you gave {and_list(details)}).")
    if kind == "unknown":
        choices = {key: code for key, code in _asean_lookup().items() if code in allowed}
        said = hint(details, choices, {code: country_name(code) for code in ASEAN10})
        return (f"I don't know the countr{'y' if one else 'ies'} "
                f"{and_list([repr(t) for t in details])}.{said} Use "
                f"{'a name' if one else 'names'} such as 'Indonesia' or "
                f"{'a code' if one else 'codes'} such as 'IDN'.")
    if kind == "outside":
        said = [repr(text) if normal(text) == normal(country_name(code))
                else f"{text!r} ({country_name(code)})" for text, code in details]
        return (f"This app covers the ten ASEAN states; {and_list(said)} "
                f"{'is not one of them' if one else 'are not among them'}.")
    return f"{and_list([country_name(code) for code in details])} cannot be chosen here."


def country_lines(values: Iterable[object], allowed: Sequence[str] = ASEAN10
                  ) -> tuple[list[str | None], dict[int, str]]:
    """The code of each value (None where it has none), and one line per kind of mistake,
    keyed by the place of the first value of that kind (so that an app can say it there).

    >>> codes, lines = country_lines(["Narnia", "IDN", "BGD", "Atlantis"])
    >>> codes, sorted(lines)
    ([None, 'IDN', None, None], [0, 2])
    >>> lines[0]  # doctest: +ELLIPSIS
    "I don't know the countries 'Narnia' and 'Atlantis'. Use names such as 'Indonesia' or..."
    """
    codes: list[str | None] = []
    kinds: dict[str, list] = {}
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        kind, detail = _sort(value, allowed)
        codes.append(detail if kind == "ok" else None)  # type: ignore[arg-type]
        if kind != "ok" and detail not in kinds.setdefault(kind, []):
            kinds[kind].append(detail)
            first.setdefault(kind, i)
    return codes, {first[kind]: _sentence(kind, details, allowed)
                   for kind, details in kinds.items() if details}


def country_keys(values: Iterable[object],
                 allowed: Sequence[str] = ASEAN10) -> tuple[list[str | None], str]:
    """The code of each value (None where it has none), and the message for the bad ones.

    The message has one line per kind of mistake, in the order the first of each
    kind was given; it is empty when every value is good.

    >>> codes, message = country_keys(["Burma", "Atlantis", "sgp"])
    >>> codes
    ['MMR', None, 'SGP']
    >>> message  # doctest: +ELLIPSIS
    "I don't know the country 'Atlantis'. Use a name such as 'Indonesia' or a code such as..."
    """
    codes, lines = country_lines(values, allowed)
    return codes, "\n".join(lines[i] for i in sorted(lines))


def given_twice(values: Sequence[object], keys: Sequence[str | None],
                name: Callable[[str], str] = country_name) -> dict[int, str]:
    """One line for each thing given more than once (by any spelling), keyed by the place
    where it was given again; ``keys`` are what the ``values`` mean (None: not known).

    >>> given_twice(["IDN", "MYS", "Indonesia", "idn"], ["IDN", "MYS", "IDN", "IDN"])
    {2: "Indonesia is given 3 times ('IDN', 'Indonesia' and 'idn')."}
    """
    places: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            places.setdefault(key, []).append(i)
    lines = {}
    for key, where in places.items():
        if len(where) > 1:
            said = and_list([shown(values[i]) for i in where])
            times = "twice" if len(where) == 2 else f"{len(where)} times"
            lines[where[1]] = f"{name(key)} is given {times} ({said})."
    return lines


def country_problems(values: Iterable[object], allowed: Sequence[str] = ASEAN10) -> str:
    """The message for the bad values among ``values`` ('' when there are none)."""
    return country_keys(values, allowed)[1]


def to_country(value: object, allowed: Sequence[str] = ASEAN10) -> str:
    """One ASEAN country code from a code or a name, in any letter case.

    >>> to_country("burma")
    'MMR'
    >>> to_country("BGD")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: This app covers the ten ASEAN states; 'BGD' (Bangladesh)...
    >>> to_country("Cambodja")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: I don't know the country 'Cambodja'. Did you mean 'KHM' \
(Cambodia)? ...
    """
    (code,), message = country_keys([value], allowed)
    if code is None:
        raise InputProblem(message)
    return code


def to_countries(values: object, allowed: Sequence[str] = ASEAN10) -> tuple[str, ...]:
    """Country codes from codes or names (a list, or one text with commas); no repeats.

    >>> to_countries("Indonesia, MYS, idn")
    ('IDN', 'MYS')
    >>> to_countries([])
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: Pick at least one country.
    """
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    if values is None or not isinstance(values, Iterable) or isinstance(values, bytes):
        if values is None:
            raise InputProblem("Pick at least one country.")
        raise InputProblem("Countries must be a list such as ['IDN', 'MYS'] "
                           f"(you gave {shown(values)}).")
    codes, message = country_keys(values, allowed)
    if message:
        raise InputProblem(message)
    found = tuple(dict.fromkeys(code for code in codes if code is not None))
    if not found:
        raise InputProblem("Pick at least one country.")
    return found
