"""The machinery every chart builder shares, and nothing that draws a particular chart.

What lives here:

* :func:`_builder`, the decorator every builder wears: it builds the chart
  without Altair checking each part as it is created (the whole chart is still
  checked when it is drawn);
* :data:`MAX_ROWS` and :func:`_inline`, which embeds a chart's data as short
  CSV text (:mod:`pkedu.chartdata`);
* the checks of builder arguments (``_codes``, ``_month``, ``_choice`` ...),
  which turn a bad argument into a one-line ``TypeError`` or ``ValueError``;
* the words and numbers of descriptions (``_num``, ``_pct``, ``_and`` ...);
* the source lines, notes and :func:`_finish`, which gives every chart its
  title, subtitle and description; importing :mod:`pkedu.theme` here turns on
  the course's look once for every chart.

Time axes, gaps and hover rules are in :mod:`pkedu.charts._time`; the builders
are in the topic modules of :mod:`pkedu.charts`.

>>> _and(["Indonesia", "Malaysia", "Thailand"])
'Indonesia, Malaysia and Thailand'
>>> _codes(["idn", "MYS", "IDN"])
['IDN', 'MYS']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

import altair as alt
import pandas as pd

try:  # Altair 5: turns off the check of each part as it is created
    from altair.utils.schemapi import debug_mode as _debug_mode
except ImportError:  # pragma: no cover - a later Altair without it: check as usual
    _debug_mode = None

from pkedu import analysis, chartdata, theme
from pkedu.countries import MOST_NAMED, and_list, closest_code, did_you_mean, shown_value
from pkedu.data import ASEAN10, GROUPS, country_name, load_countries

#: The most rows of data one chart may carry.
MAX_ROWS = 600

SOURCE = "Source: UN DPO / IPI monthly contributions"
SOURCE_MISSIONS = "Source: UN DPO monthly contributions by mission"
SOURCE_EVENTS = "Source: pkedu events table; every event lists its own sources"
SOURCE_RATES = "Source: UN General Assembly decisions and press reports (pkedu rates table)"
GAP_NOTE = "Grey bands: months with no UN report, left as gaps"
YEAR_NOTE = "Yearly values are averages of the months with a UN report"

_CHART_TYPES = (alt.Chart, alt.LayerChart, alt.FacetChart, alt.HConcatChart, alt.VConcatChart,
                alt.ConcatChart)
_CONTRIBUTION_COLUMNS = ("month", "iso3", "group", "total")
_C = TypeVar("_C")


def _parts_unchecked() -> AbstractContextManager[object]:
    """Altair does not check each chart part as it is created (see :func:`_builder`)."""
    return nullcontext() if _debug_mode is None else _debug_mode(False)


# --------------------------------------------------------------------------------------
# Building


def _builder(build: Callable[..., _C]) -> Callable[..., _C]:
    """Mark a chart builder: it makes its chart without Altair checking every part.

    By default Altair checks each part (an axis, a scale, ...) against the
    Vega-Lite schema as it is created, and then the whole chart again when it
    is drawn. The builders make dozens of parts, so the first round costs a
    few milliseconds per chart; the check of the whole chart when it is drawn
    stays, and the tests draw every builder's charts.
    """
    @functools.wraps(build)
    def builder(*args: Any, **kwargs: Any) -> _C:
        with _parts_unchecked():
            return build(*args, **kwargs)
    return builder


# --------------------------------------------------------------------------------------
# Checking arguments


def _table(df: object, name: str, columns: Iterable[str], loader: str) -> pd.DataFrame:
    """Check that ``df`` is a non-empty DataFrame with the columns a builder needs."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a table (a pandas DataFrame) such as "
                        f"pk.data.{loader}(), not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} has no column {missing[0]!r}; pass the table from "
                         f"pk.data.{loader}()")
    if df.empty:
        raise ValueError(f"{name} has no rows")
    return df


def _contributions(df: object, extra: Iterable[str] = ()) -> pd.DataFrame:
    return _table(df, "contributions", [*_CONTRIBUTION_COLUMNS, *extra], "load_contributions")


@functools.lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    return frozenset(load_countries()["iso3"])


def _codes(values: object, what: str = "countries", allow_empty: bool = False) -> list[str]:
    """Validated ISO3 codes, upper-cased, in the order given, without repeats."""
    if isinstance(values, str):
        values = [values]
    if values is None or not isinstance(values, Iterable) or isinstance(values,
                                                                        (Mapping, bytes)):
        raise TypeError(f"{what} must be a list of ISO3 country codes such as ['IDN', 'MYS'], "
                        f"not {shown_value(values)}")
    codes: list[str] = []
    unknown: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be ISO3 country codes written as text such as 'IDN', "
                            f"not {shown_value(value)}")
        code = value.strip().upper()
        if code not in _known_codes():
            unknown += [value] if value not in unknown else []
        elif code not in codes:
            codes.append(code)
    if unknown:  # every unknown one named at once, with what it most likely means
        raise ValueError(_unknown_codes(unknown, what))
    if not codes and not allow_empty:
        raise ValueError(f"{what} is empty; name at least one country, such as ['IDN']")
    return codes


def _unknown_codes(unknown: list[str], what: str) -> str:
    """The message for codes that are no country's.

    >>> _unknown_codes(["VNN", "Thailand", "XQZQX"], "countries")  # doctest: +NORMALIZE_WHITESPACE
    "unknown country codes 'VNN', 'Thailand' and 'XQZQX' in countries (did you mean 'VNM' \
(Vietnam) for 'VNN' and 'THA' (Thailand) for 'Thailand'?); use ISO3 codes such as 'IDN' \
(pk.data.load_countries() lists them all)"
    """
    named = unknown[:MOST_NAMED]  # a message names at most ten: only those are guessed
    guesses = [closest_code(v) for v in named]
    hint = did_you_mean(named, guesses, {g: country_name(g) for g in guesses if g})
    hint = f" ({hint.strip().replace('Did', 'did', 1)})" if hint else ""
    listed = and_list([repr(v) for v in unknown])
    return (f"unknown country code{'s' * (len(unknown) > 1)} {listed} in {what}{hint}; use ISO3 "
            "codes such as 'IDN' (pk.data.load_countries() lists them all)")


def _month(value: object, what: str) -> pd.Timestamp:
    if not isinstance(value, (str, pd.Timestamp)):
        raise TypeError(f"{what} must be a month written like '2019-12', not {value!r}")
    try:
        return analysis.month(value)
    except ValueError:
        raise ValueError(f"{what} must be a month written like '2019-12', not {value!r}") from None


def _window(start: object, end: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    first = None if start is None else _month(start, "start")
    last = None if end is None else _month(end, "end")
    if first is not None and last is not None and first > last:
        raise ValueError(f"start ({first:%Y-%m}) is after end ({last:%Y-%m})")
    return first, last


def _choice(value: object, options: Sequence[object], what: str) -> object:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be one of {list(options)}, not {value!r}")
    if value not in options:
        raise ValueError(f"{what} must be one of {list(options)}, not {value!r}")
    return value


def _resolution(value: object) -> str:
    return str(_choice(value, ("year", "month"), "resolution"))


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be True or False, not {value!r}")
    return value


def _count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be a whole number such as 10, not {value!r}")
    if value < 1:
        raise ValueError(f"{what} must be at least 1, not {value}")
    return value


def _groups(values: object) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, Iterable) or not all(isinstance(v, str) for v in values):
        raise TypeError(f"groups must be personnel groups written as text, from {list(GROUPS)}")
    chosen = list(dict.fromkeys(values))
    for value in chosen:
        _choice(value, GROUPS, "each personnel group")
    if not chosen:
        raise ValueError(f"groups is empty; choose from {list(GROUPS)} or leave it out")
    return chosen


def _reported(df: pd.DataFrame, when: pd.Timestamp, what: str = "no UN report") -> None:
    if not (df["month"] == when).any():
        first, last = df["month"].min(), df["month"].max()
        raise ValueError(f"{what} exists for {when:%Y-%m}; the data run from {first:%b %Y} "
                         f"to {last:%b %Y} with a few months missing")


def _title(title: object, default: str) -> str:
    if title is None:
        return default
    if not isinstance(title, str):
        raise TypeError(f"title must be text, not {type(title).__name__}")
    return title


# --------------------------------------------------------------------------------------
# Words and numbers for descriptions


def _num(value: float, decimals: int = 0) -> str:
    """'6,711' from 6711.0."""
    return f"{value:,.{decimals}f}"


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _mon(ts: pd.Timestamp) -> str:
    """'Dec 2019'."""
    return f"{ts:%b %Y}"


def _when(ts: pd.Timestamp, resolution: str) -> str:
    return str(ts.year) if resolution == "year" else _mon(ts)


def _and(words: Sequence[str]) -> str:
    """'A, B and C'."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _owner(name: str) -> str:
    """The possessive of a name: "Indonesia's", "Philippines'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: Country names that take "the" inside a sentence ("from the Philippines").
_THE = re.compile(r"^(Philippines|Netherlands|Bahamas|Comoros|Gambia|Solomon Islands|"
                  r"United |Central African Republic|Dominican Republic|Congo Republic)")


def _in_sentence(code: str) -> str:
    """A country's chart label as it reads inside a sentence.

    >>> _in_sentence("PHL"), _in_sentence("IDN")
    ('the Philippines', 'Indonesia')
    """
    name = theme.label(code)
    return f"the {name}" if _THE.match(name) else name


def _who(codes: Sequence[str]) -> str:
    """The countries as a title or a description names them.

    >>> _who(["THA", "PHL"])
    'Thailand and the Philippines'
    """
    if set(codes) == set(ASEAN10):
        return "the ten ASEAN states"
    if len(codes) <= 5:
        return _and([_in_sentence(c) for c in codes])
    return f"{len(codes)} countries"


def _group_name(codes: Sequence[str]) -> str:
    if set(codes) == set(ASEAN10):
        return "ASEAN-10"
    return theme.label(codes[0]) if len(codes) == 1 else "Selected countries"


# --------------------------------------------------------------------------------------
# Data, titles and selections


def _inline(df: pd.DataFrame, decimals: int = 4) -> alt.InlineData:
    """Embed a table of at most MAX_ROWS rows in a chart (:func:`pkedu.chartdata.inline`)."""
    if len(df) > MAX_ROWS:
        raise ValueError(f"this chart would need {len(df):,} rows of data, more than the "
                         f"{MAX_ROWS} a notebook chart may carry; choose resolution='year', "
                         f"fewer countries or a shorter period")
    return chartdata.inline(df, decimals)


def _fade(param: alt.Parameter, on: float, off: float) -> alt.OpacityValue:
    """Opacity ``on`` for selected marks and ``off`` for the others."""
    condition = {"param": param.name, "value": on}
    if param.empty is not alt.Undefined:
        condition["empty"] = param.empty
    return alt.OpacityValue(off, condition=condition)


def _subtitle(source: str, resolution: str | None = None, gaps: bool = False,
              *notes: str) -> list[str]:
    lines = [source]
    if resolution == "year":
        lines.append(YEAR_NOTE)
    if gaps:
        lines.append(GAP_NOTE)
    return lines + [n for n in notes if n]


def _finish(chart: alt.TopLevelMixin, title: str, subtitle: Sequence[str],
            description: str) -> alt.TopLevelMixin:
    """Add the title, subtitle and description to a chart the builder has just made."""
    chart.title = alt.TitleParams(text=title, subtitle=list(subtitle))
    chart.description = description
    return chart


def _check_chart(chart: object) -> alt.TopLevelMixin:
    if not isinstance(chart, _CHART_TYPES):
        raise TypeError(f"expected an Altair chart made by pk.charts, not {type(chart).__name__}")
    return chart
