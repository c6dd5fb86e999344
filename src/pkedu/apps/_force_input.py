"""Reading the force builder's input: ``{state: {unit type: number of units}}``.

Every state, unit type and count is checked, and every problem is noted in the
order given, one line each, so that a student who typed several bad values hears
about all of them at once. The model refuses a force with any problem; the view
starts from the usable part and says what it left out.

>>> from pkedu.apps.force_builder import UNITS
>>> force, problems = read_force({"IDN": {"infantry": 2, "tanks": 1}, "Narnia": {},
...                               "VNM": {"medical": "two"}}, UNITS)
>>> force
{'IDN': {'infantry': 2}, 'VNM': {}}
>>> print(problems.message())  # doctest: +ELLIPSIS
The unit type must be one of infantry, engineers, ... (you gave 'tanks' for Indonesia).
I don't know the country 'Narnia'. Use a name such as 'Indonesia' or a code such as 'IDN'.
'two' is not a number. Type the number of level-2 field hospitals from Vietnam in digits, ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from pkedu import theme
from pkedu.apps._countries import country_lines, given_twice
from pkedu.apps._inputs import InputProblem, Problems, shown, to_count
from pkedu.countries import and_list

__all__ = ["MAX_UNITS", "NOTHING", "UNIT_WORDS", "Unit", "check_force", "read_force", "unit_key"]

MAX_UNITS = 20
#: What the model says when no state sends any unit.
NOTHING = "Choose at least one state and give it at least one unit."
#: Other words students use for a unit type.
UNIT_WORDS = {"eod": "demining", "demining/eod": "demining", "hospital": "medical",
              "fpu": "police", "observer": "observers", "engineer": "engineers",
              "staff officers": "staff"}
_WHY = "A small rapid reaction group is a few hundred to a few thousand people."


class Unit(Protocol):
    """What reading a force needs to know of a unit type."""

    key: str
    label: str

    @property
    def plural(self) -> str: ...  # pragma: no cover


def unit_key(value: object, units: Mapping[str, Unit]) -> str | None:
    """The key of the unit type ``value`` names (key, label or a common word), else None.

    >>> from pkedu.apps.force_builder import UNITS
    >>> unit_key(" Hospital", UNITS), unit_key("Level-2 field hospital", UNITS), unit_key(5, UNITS)
    ('medical', 'medical', None)
    """
    if isinstance(value, str):
        word = value.strip().lower()
        word = UNIT_WORDS.get(word, word)
        for unit in units.values():
            if word in (unit.key, unit.label.lower()):
                return unit.key
    return None


def _offer(offer: Mapping, who: str, units: Mapping[str, Unit],
           problems: Problems) -> dict[str, int]:
    """One state's counts by unit key; its bad unit types in one line, each bad count in its own."""
    counts: dict[str, int] = {}
    mine = Problems()
    bad: list[str] = []
    at = 0  # where the line about unit types goes: in the place of the first bad one
    keys = [unit_key(unit, units) for unit in offer]
    twice = given_twice(list(offer), keys, lambda key: f"For {who}, the unit type "
                                                       f"{units[key].label.lower()}")
    for i, (key, (unit, number)) in enumerate(zip(keys, offer.items())):
        if i in twice:
            mine.add(twice[i])
        if key is None:
            at = at if bad else len(mine.messages)
            if shown(unit) not in bad:
                bad.append(shown(unit))
            continue
        count = mine.check(to_count, number, f"the number of {units[key].plural} from {who}",
                           minimum=0, maximum=MAX_UNITS, example="2", why=_WHY)
        if count is not None:
            counts[key] = count
    if bad:
        mine.messages.insert(at, f"The unit type must be one of {', '.join(units)} (you gave "
                                 f"{and_list(bad)} for {who}).")
    problems.add("\n".join(mine.messages))
    return counts


def read_force(units: object, table: Mapping[str, Unit]) -> tuple[dict[str, dict[str, int]],
                                                                   Problems]:
    """The usable counts by state code and unit key, and the problems with the rest."""
    problems = Problems()
    if units is None:
        problems.add(NOTHING)
        return {}, problems
    if not isinstance(units, Mapping):
        problems.add("Give the force as {state: {unit type: number}}, for example "
                     "{'IDN': {'infantry': 2}}.")
        return {}, problems
    force: dict[str, dict[str, int]] = {}
    codes, lines = country_lines(units.keys())
    twice = given_twice(list(units), codes)
    for i, (code, (state, offer)) in enumerate(zip(codes, units.items())):
        if i in lines:  # every bad state of one kind in one line, where the first was given
            problems.add(lines[i])
        if i in twice:
            problems.add(twice[i])
        who = theme.label(code) if code else shown(state)
        if offer is not None and not isinstance(offer, Mapping):
            whose = f"{who}'s units" if code else f"the units of {who}"  # not "'Narnia''s"
            problems.add(f"Give {whose} as {{unit type: number}}, for example "
                         "{'medical': 1}.")
            continue
        counts = _offer(offer or {}, who, table, problems)
        if code is not None:
            force.setdefault(code, {}).update(counts)
    return force, problems


def check_force(units: object, table: Mapping[str, Unit]) -> dict[str, dict[str, int]]:
    """The force, or an :class:`InputProblem` naming every problem, one line each."""
    force, problems = read_force(units, table)
    if not problems and not any(sum(counts.values()) for counts in force.values()):
        problems.add(NOTHING)
    if problems:
        raise InputProblem(problems.message())
    return force
