"""Finished Altair charts for the course, one call each.

Every builder takes the loaded tables (``pk.data.load_*()``), aggregates
them with :mod:`pkedu.analysis` and returns an Altair chart with a title, a
subtitle naming the source, tooltips with exact numbers and dates, and a
top-level ``description``: a plain sentence with the key numbers that
screen readers announce as the chart's label (:func:`describe` returns it).

What every chart has in common:

* one look (:mod:`pkedu.theme`) and one colour per ASEAN state everywhere;
* a month with no UN report is a gap in the line, never a zero, and a grey
  band marks it. Yearly values (``resolution="year"``) are averages of the
  reported months of each year;
* the data travel inside the chart as a short CSV text with short column
  names (``m`` date, ``c`` series, ``v`` value, ``k`` country code,
  ``n`` personnel), at most :data:`MAX_ROWS` rows, so notebooks stay small.
  :func:`chart_data` reads them back as a DataFrame;
* selections have fixed names (``country``, ``group``, ``region``,
  ``hover``), so stored notebook outputs do not change between runs.

>>> import pkedu as pk
>>> chart = ranking(pk.data.load_contributions(), "2021-01", top=3)
>>> describe(chart)[:62]
'Bar chart ranking the countries with the most UN peacekeepers '
>>> chart_data(chart)[["r", "k", "n"]].head(2).to_string(index=False)
' r   k    n\\n 1 BGD 6711\\n 2 RWA 6378'
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar
from urllib.parse import urlparse

import altair as alt
import pandas as pd

try:  # Altair 5: turns off the check of each part as it is created
    from altair.utils.schemapi import debug_mode as _debug_mode
except ImportError:  # pragma: no cover - a later Altair without it: check as usual
    _debug_mode = None

from pkedu import analysis, chartdata, theme
from pkedu.data import ASEAN10, GROUPS, load_countries, load_months

__all__ = [
    "contributions_over_time", "small_multiples", "first_deployments", "contributors_count",
    "timeline", "ranking", "compare_groups", "share_of_world", "personnel_mix", "women_share",
    "where_they_serve", "pledge_gap", "reimbursement_rates", "describe", "save", "chart_data",
    "COMPARISON_GROUPS", "SOUTH_ASIA", "EASTERN_AFRICA", "MAX_ROWS",
]

#: The most rows of data one chart may carry.
MAX_ROWS = 600

SOUTH_ASIA: tuple[str, ...] = ("BGD", "IND", "NPL", "PAK", "LKA")
EASTERN_AFRICA: tuple[str, ...] = ("ETH", "RWA", "KEN", "TZA", "UGA", "BDI")

#: The default groups of :func:`compare_groups`.
COMPARISON_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"ASEAN": ASEAN10, "South Asia": SOUTH_ASIA, "Eastern Africa": EASTERN_AFRICA})

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
    if values is None or not isinstance(values, Iterable) or isinstance(values, Mapping):
        raise TypeError(f"{what} must be a list of ISO3 country codes such as ['IDN', 'MYS'], "
                        f"not {type(values).__name__}")
    codes: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be ISO3 country codes written as text such as 'IDN', "
                            f"not {value!r}")
        code = value.strip().upper()
        if code not in _known_codes():
            raise ValueError(f"unknown country code {value!r} in {what}; use ISO3 codes such "
                             f"as 'IDN' (pk.data.load_countries() lists them all)")
        if code not in codes:
            codes.append(code)
    if not codes and not allow_empty:
        raise ValueError(f"{what} is empty; name at least one country, such as ['IDN']")
    return codes


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


def _who(codes: Sequence[str]) -> str:
    if set(codes) == set(ASEAN10):
        return "the ten ASEAN states"
    if len(codes) <= 5:
        return _and([theme.label(c) for c in codes])
    return f"{len(codes)} countries"


def _group_name(codes: Sequence[str]) -> str:
    if set(codes) == set(ASEAN10):
        return "ASEAN-10"
    return theme.label(codes[0]) if len(codes) == 1 else "Selected countries"


# --------------------------------------------------------------------------------------
# Data: time tables and the embedded CSV


def _inline(df: pd.DataFrame, decimals: int = 4) -> alt.InlineData:
    """Embed a table of at most MAX_ROWS rows in a chart (:func:`pkedu.chartdata.inline`)."""
    if len(df) > MAX_ROWS:
        raise ValueError(f"this chart would need {len(df):,} rows of data, more than the "
                         f"{MAX_ROWS} a notebook chart may carry; choose resolution='year', "
                         f"fewer countries or a shorter period")
    return chartdata.inline(df, decimals)


def _calendar(start: pd.Timestamp | None = None, end: pd.Timestamp | None = None) -> pd.Index:
    months = load_months()["month"]
    if start is not None:
        months = months[months >= start]
    if end is not None:
        months = months[months <= end]
    if months.empty:
        raise ValueError("the period chosen holds no month of the data "
                         f"({_mon(load_months()['month'].min())} to "
                         f"{_mon(load_months()['month'].max())})")
    return pd.Index(months, name="month")


def _resample(monthly: pd.DataFrame, resolution: str) -> pd.DataFrame:
    """Months (NaN = no report) as they are, or yearly means of the reported months.

    Yearly rows sit in the middle of their year (1 July) and carry ``n``, the
    number of reported months averaged. A year without any report stays NaN.
    """
    if resolution == "month":
        return monthly
    by_year = monthly.groupby(monthly.index.year)
    years = range(monthly.index.min().year, monthly.index.max().year + 1)
    wide = by_year.mean().reindex(years)
    wide["n"] = by_year.count().max(axis=1).reindex(years).fillna(0).astype("float64")
    wide.index = pd.to_datetime([f"{y}-07-01" for y in years]).rename("month")
    wide.columns.name = None
    return wide


def _points(wide: pd.DataFrame) -> pd.DataFrame:
    """The time table as it is embedded: a column ``m`` and one column per series."""
    return wide.rename_axis("m").reset_index()


def _gaps(wide: pd.DataFrame, series: Sequence[str], resolution: str,
          reason: str = "No UN report") -> pd.DataFrame:
    """Rows with no value in any series, as bands from the row before to the row after."""
    step = pd.DateOffset(years=1) if resolution == "year" else pd.DateOffset(months=1)
    missing = wide.index[wide[list(series)].isna().all(axis=1)]
    label = "%Y" if resolution == "year" else "%b %Y"
    return pd.DataFrame({"a": missing - step, "b": missing + step,
                         "t": [f"{reason} for {m.strftime(label)}" for m in missing]})


# --------------------------------------------------------------------------------------
# Chart pieces shared by the builders


def _fade(param: alt.Parameter, on: float, off: float) -> alt.OpacityValue:
    """Opacity ``on`` for selected marks and ``off`` for the others."""
    condition = {"param": param.name, "value": on}
    if param.empty is not alt.Undefined:
        condition["empty"] = param.empty
    return alt.OpacityValue(off, condition=condition)


def _x_time(title: str | None = None) -> alt.X:
    return alt.X("m:T", title=title, axis=alt.Axis(labelOverlap=True))


def _date_tip(resolution: str) -> alt.Tooltip:
    year = resolution == "year"
    return alt.Tooltip("m:T", title="Year" if year else "Month", format="%Y" if year else "%b %Y")


def _text_expr(column: str, fmt: str, missing: str) -> str:
    ref = f"datum[{json.dumps(column)}]"
    return f"isValid({ref}) ? format({ref}, {json.dumps(fmt)}) : {json.dumps(missing)}"


def _hover_rule(series: Sequence[str], resolution: str, fmt: str, missing: str,
                extra: Sequence[alt.Tooltip]) -> tuple[alt.Chart, alt.Parameter]:
    """A vertical rule that follows the pointer, with every series' value in its tooltip."""
    hover = alt.selection_point(name="hover", fields=["m"], nearest=True, on="pointerover",
                                clear="pointerout", empty=False)
    texts = {f"t{i}": _text_expr(s, fmt, missing) for i, s in enumerate(series)}
    valid = " || ".join(f"isValid(datum[{json.dumps(s)}])" for s in series)
    tips = [_date_tip(resolution)] + [alt.Tooltip(f"t{i}:N", title=s)
                                      for i, s in enumerate(series)]
    if resolution == "year":
        tips.append(alt.Tooltip("n:Q", title="Reported months averaged", format="d"))
    rule = (alt.Chart().transform_filter(valid).transform_calculate(**texts)
            .mark_rule(color=theme.WORLD_COLOR, strokeWidth=1)
            .encode(x=_x_time(), opacity=_fade(hover, 0.6, 0),
                    tooltip=tips + list(extra))
            .add_params(hover).properties(name="hover_rule"))
    return rule, hover


def _gap_layer(gaps: pd.DataFrame) -> alt.Chart:
    return (alt.Chart(_inline(gaps)).mark_rect(color="#9E9E9E", opacity=0.35)
            .encode(x=alt.X("a:T"), x2=alt.X2("b:T"), tooltip=alt.Tooltip("t:N", title="Gap")))


def _time_layers(wide: pd.DataFrame, series: Sequence[str], scale: alt.Scale, *,
                 resolution: str, y_title: str, fmt: str = ",.0f", axis_format: str = ",~f",
                 selection: str | None = "country", stack: bool = False, step: bool = False,
                 missing: str = "no data", extra: Sequence[alt.Tooltip] = (),
                 y_scale: alt.Scale | None = None,
                 gap_reason: str = "No UN report") -> list[alt.Chart]:
    """Lines (or stacked areas) for the series columns of ``wide``, with hover and gaps.

    The data are given to the enclosing layer chart; the gap bands carry their own.
    A null value breaks a Vega-Lite 5 line or area only while the mark's ``invalid``
    is left unset: ``invalid="filter"`` joins the line across the gap (Vega-Lite
    5.20) and ``invalid=None`` draws the gap as zero, so neither is set here.
    """
    series = list(series)
    y = alt.Y("v:Q", title=y_title, stack="zero" if stack else None,
              axis=alt.Axis(format=axis_format),
              scale=alt.Undefined if y_scale is None else y_scale)
    legend = alt.Legend(title=None, symbolType="stroke" if not stack else "square")
    color = alt.Color("c:N", scale=scale, sort=series,
                      legend=legend if len(series) > 1 else None)
    base = alt.Chart().transform_fold([chartdata.field(s) for s in series], as_=["c", "v"])
    interpolate = "step-after" if step else "linear"
    marks = (base.mark_area(opacity=0.85, interpolate=interpolate) if stack
             else base.mark_line(interpolate=interpolate))
    lines = marks.encode(x=_x_time(), y=y, color=color)
    if selection and len(series) > 1:
        chosen = alt.selection_point(name=selection, fields=["c"], bind="legend")
        lines = lines.encode(opacity=_fade(chosen, 1, 0.15))
        lines = lines.add_params(chosen)
    rule, hover = _hover_rule(series, resolution, fmt, missing, extra)
    layers = [lines.properties(name="series"), rule]
    if not stack:
        dots = (base.transform_filter(hover).mark_point(filled=True, size=45, opacity=1)
                .encode(x=_x_time(), y=y, color=color))
        layers.insert(1, dots)
    gaps = _gaps(wide, series, resolution, gap_reason)
    if not gaps.empty:
        layers.insert(0, _gap_layer(gaps))
    return layers


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


def _peak(wide: pd.DataFrame, series: Sequence[str]) -> tuple[str, float, pd.Timestamp]:
    """The largest value of any series: (series, value, date)."""
    stacked = wide[list(series)].stack().dropna()
    when, name = stacked.idxmax()
    return name, float(stacked.max()), when


def _latest(wide: pd.DataFrame, series: Sequence[str]) -> tuple[pd.Timestamp, pd.Series]:
    rows = wide[list(series)].dropna(how="all")
    return rows.index[-1], rows.iloc[-1]


def _has_gaps(wide: pd.DataFrame, series: Sequence[str]) -> bool:
    return bool(wide[list(series)].isna().all(axis=1).any())


def _gap_sentence(wide: pd.DataFrame, series: Sequence[str], resolution: str,
                  reason: str = "with no UN report") -> str:
    missing = wide.index[wide[list(series)].isna().all(axis=1)]
    if missing.empty:
        return ""
    unit = "year" if resolution == "year" else "month"
    s = "" if len(missing) == 1 else "s"
    return (f" {len(missing)} {unit}{s} {reason} ({_when(missing[0], resolution)} "
            f"first) are left as gaps.")


# --------------------------------------------------------------------------------------
# Builders: personnel over time


def _monthly_by(contributions: pd.DataFrame, codes: Sequence[str], by: str | None,
                groups: list[str] | None, start: pd.Timestamp | None,
                end: pd.Timestamp | None) -> pd.DataFrame:
    """Month x series table of personnel; series named by country label or group."""
    long = analysis.monthly_totals(contributions, by=by, countries=codes, groups=groups)
    long = long[long["month"].isin(_calendar(start, end))]
    if by is None:
        return long.set_index("month")[["total"]].rename(columns={"total": _group_name(codes)})
    wide = long.pivot(index="month", columns=by, values="total")
    wide = wide[codes if by == "iso3" else (groups or list(GROUPS))]
    if by == "iso3":
        wide.columns = [theme.label(c) for c in codes]
    wide.columns.name = None
    return wide


@_builder
def contributions_over_time(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                            by: str | None = "iso3", groups: Iterable[str] | None = None,
                            start: str | None = None, end: str | None = None,
                            resolution: str = "year", stack: bool = False,
                            title: str | None = None) -> alt.LayerChart:
    """UN peacekeepers from some countries over time: lines, or stacked areas.

    ``by="iso3"`` draws one line per country, ``by="group"`` one per personnel
    group (troops, police, experts) summed over the countries, ``by=None`` one
    line for their total. ``resolution="month"`` shows every monthly report.

    >>> import pkedu as pk
    >>> c = pk.data.load_contributions()
    >>> chart = contributions_over_time(c, ["IDN", "MYS"], resolution="month")
    >>> describe(chart)[:70]
    'Line chart of UN peacekeeping personnel from Indonesia and Malaysia, m'
    >>> contributions_over_time(c, ["IDN"], by="country")
    Traceback (most recent call last):
    ...
    ValueError: by must be one of ['iso3', 'group', None], not 'country'
    """
    contributions = _contributions(contributions)
    codes = _codes(countries)
    by = _choice(by, ("iso3", "group", None), "by")
    chosen_groups, resolution = _groups(groups), _resolution(resolution)
    first, last = _window(start, end)
    stack = _flag(stack, "stack")
    wide = _resample(_monthly_by(contributions, codes, by, chosen_groups, first, last),
                     resolution)
    series = [c for c in wide.columns if c != "n"]
    scale = (theme.color_scale(codes) if by == "iso3" else
             theme.group_scale() if by == "group" else theme.series_scale(series))
    per = "yearly average" if resolution == "year" else "monthly"
    layers = _time_layers(wide, series, scale, resolution=resolution, stack=stack,
                          y_title=f"Personnel deployed ({per})",
                          selection="group" if by == "group" else "country")
    chart = alt.layer(*layers, data=_inline(_points(wide), decimals=1))
    text = _over_time_text(wide, series, codes, by, resolution, stack)
    subtitle = _subtitle(SOURCE, resolution, _has_gaps(wide, series))
    return _finish(chart, _title(title, f"UN peacekeepers from {_who(codes)}"), subtitle, text)


def _over_time_text(wide: pd.DataFrame, series: Sequence[str], codes: Sequence[str],
                    by: str | None, resolution: str, stack: bool) -> str:
    kind = "Stacked area chart" if stack and len(series) > 1 else "Line chart"
    split = {"group": ", by personnel group", None: ", all together"}.get(by, "")
    per = "yearly averages of reported months" if resolution == "year" else "monthly"
    first, last = wide.index[0], wide.index[-1]
    text = (f"{kind} of UN peacekeeping personnel from {_who(codes)}{split}, {per}, "
            f"{_when(first, resolution)} to {_when(last, resolution)}.")
    if stack and len(series) > 1:
        total = wide[list(series)].sum(axis=1, min_count=1)
        text += (f" Their combined total peaked at {_num(total.max())} in "
                 f"{_when(total.idxmax(), resolution)}.")
    else:
        name, value, when = _peak(wide, series)
        owner = f"{_owner(name)} " if len(series) > 1 else ""
        text += f" The highest value is {owner}{_num(value)} in {_when(when, resolution)}."
    when, values = _latest(wide, series)
    top = values.sort_values(ascending=False).head(3)
    parts = [f"{k} {_num(v)}" for k, v in top.items()]
    text += f" In {_when(when, resolution)}: {_and(parts)}."
    return text + _gap_sentence(wide, series, resolution)


@_builder
def small_multiples(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                    resolution: str = "year", shared_y: bool = False,
                    title: str | None = None) -> alt.FacetChart:
    """One small panel per country, so ten countries can be read without a tangle.

    Each panel has its own vertical scale unless ``shared_y=True``. A country
    that never deployed anyone (Laos) keeps its panel, which says so.

    >>> import pkedu as pk
    >>> chart = small_multiples(pk.data.load_contributions())
    >>> "Laos: no personnel deployed" in describe(chart)
    True
    """
    contributions = _contributions(contributions)
    codes, resolution = _codes(countries), _resolution(resolution)
    shared_y = _flag(shared_y, "shared_y")
    wide = _resample(_monthly_by(contributions, codes, "iso3", None, None, None), resolution)
    labels = [theme.label(c) for c in codes]
    empty = [name for name in labels if not (wide[name].fillna(0) > 0).any()]
    panel = alt.layer(*_panel_layers(codes, empty, resolution)).properties(width=140, height=90)
    chart = panel.facet(facet=alt.Facet("c:N", sort=labels, title=None,
                                        header=alt.Header(labelFontWeight="bold")),
                        columns=5, data=_inline(_points(wide), decimals=1))
    chart = chart.transform_fold([chartdata.field(name) for name in labels], as_=["c", "v"])
    if not shared_y:
        chart = chart.resolve_scale(y="independent")
    scale_note = "All panels share one scale" if shared_y else "Each panel has its own scale"
    gaps = "Breaks in the lines: months with no UN report" if _has_gaps(wide, labels) else ""
    subtitle = _subtitle(SOURCE, resolution, False, scale_note, gaps)
    return _finish(chart, _title(title, f"UN peacekeepers from {_who(codes)}, one panel each"),
                   subtitle, _small_multiples_text(wide, labels, empty, resolution))


def _panel_layers(codes: Sequence[str], empty: Sequence[str],
                  resolution: str) -> list[alt.Chart]:
    per = "yearly average" if resolution == "year" else "monthly"
    base = alt.Chart()
    color = alt.Color("c:N", scale=theme.color_scale(codes), legend=None)
    y = alt.Y("v:Q", title=None, axis=alt.Axis(format=",~f", tickCount=3))
    hover = alt.selection_point(name="hover", fields=["m"], nearest=True, on="pointerover",
                                clear="pointerout", empty=False)
    area = base.mark_area(opacity=0.3, line=True).encode(x=_x_time(), y=y, color=color)
    dots = (base.mark_point(filled=True, size=40)
            .encode(x=_x_time(), y=y, color=color,
                    opacity=_fade(hover, 1, 0),
                    tooltip=[alt.Tooltip("c:N", title="Country"), _date_tip(resolution),
                             alt.Tooltip("v:Q", title=f"Personnel ({per})", format=",.0f")])
            .add_params(hover).properties(name="panel_dots"))
    layers = [area, dots]
    if empty:
        note = (base.transform_filter(alt.FieldOneOfPredicate(field="c", oneOf=list(empty)))
                .transform_aggregate(rows="count()", groupby=["c"])
                .mark_text(color="#4D4D4D", fontStyle="italic", fontSize=12)
                .encode(text=alt.TextValue("no personnel deployed"), x=alt.XValue(70),
                        y=alt.YValue(12)))
        layers.append(note)
    return layers


def _small_multiples_text(wide: pd.DataFrame, labels: Sequence[str], empty: Sequence[str],
                          resolution: str) -> str:
    per = "yearly averages of reported months" if resolution == "year" else "monthly"
    first, last = _when(wide.index[0], resolution), _when(wide.index[-1], resolution)
    parts = []
    for name in labels:
        if name in empty:
            parts.append(f"{name}: no personnel deployed")
        else:
            column = wide[name]
            parts.append(f"{name}: peak {_num(column.max())} in "
                         f"{_when(column.idxmax(), resolution)}")
    return (f"{len(labels)} small line charts, one per country, of UN peacekeeping personnel "
            f"({per}, {first} to {last}). " + "; ".join(parts) + ".")


@_builder
def first_deployments(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                      title: str | None = None) -> alt.LayerChart:
    """The first month each country had troops, police or experts deployed.

    The UN monthly data begin in November 1990, so earlier service (Indonesia
    from 1957, for example) shows as November 1990. Countries that never sent
    anyone keep their row, marked "no personnel deployed".

    >>> import pkedu as pk
    >>> chart = first_deployments(pk.data.load_contributions(), ["KHM", "VNM", "LAO"])
    >>> describe(chart).split(". ")[1]
    'Cambodia May 2005 (experts), Vietnam Jul 2014 (experts)'
    """
    contributions = _contributions(contributions)
    codes = _codes(countries)
    rows = _first_rows(contributions, codes)
    order = (rows.dropna(subset=["m"]).groupby("c", sort=False)["m"].min().sort_values()
             .index.tolist())
    order += [theme.label(c) for c in codes if theme.label(c) not in order]
    y = alt.Y("c:N", sort=order, title=None)
    chosen = alt.selection_point(name="group", fields=["g"], bind="legend")
    shapes = alt.Scale(domain=list(GROUPS), range=["circle", "square", "triangle-up"])
    dots = (alt.Chart().mark_point(filled=True, size=110)
            .encode(x=alt.X("m:T", title="First month with personnel deployed",
                            scale=alt.Scale(padding=12)), y=y,
                    color=alt.Color("g:N", scale=theme.group_scale(), title="Group"),
                    shape=alt.Shape("g:N", scale=shapes, title="Group"),
                    opacity=_fade(chosen, 0.9, 0.15),
                    tooltip=[alt.Tooltip("c:N", title="Country"),
                             alt.Tooltip("g:N", title="Group"),
                             alt.Tooltip("m:T", title="First month", format="%b %Y"),
                             alt.Tooltip("n:Q", title="Personnel that month", format=",")])
            .add_params(chosen).properties(name="firsts"))
    none = (alt.Chart().transform_filter("!isValid(datum.m)")
            .mark_text(align="left", dx=6, color="#4D4D4D", fontStyle="italic")
            .encode(y=y, x=alt.XValue(0), text=alt.TextValue("no personnel deployed")))
    chart = alt.layer(dots, none, data=_inline(rows))
    subtitle = [SOURCE, "The monthly data begin in Nov 1990: earlier service shows as Nov 1990"]
    return _finish(chart, _title(title, "When each country first deployed UN personnel"),
                   subtitle, _first_text(rows, order))


def _first_rows(contributions: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """One row per country and group with its first month (``m``) and personnel (``n``)."""
    firsts = analysis.first_contributions(contributions, codes, by_group=True)
    long = firsts.melt(id_vars="iso3", var_name="g", value_name="m")
    sums = (analysis.select(contributions, codes)
            .groupby(["iso3", "group", "month"])["total"].sum()
            .rename_axis(["iso3", "g", "m"]).rename("n"))
    long = long.join(sums, on=["iso3", "g", "m"])
    never = long["m"].isna().groupby(long["iso3"]).transform("all")
    keep = long["m"].notna() | (never & (long["g"] == GROUPS[0]))
    long = long[keep].copy()
    long.loc[long["m"].isna(), "g"] = None
    long.insert(0, "c", [theme.label(c) for c in long["iso3"]])
    return long.drop(columns="iso3").reset_index(drop=True)


def _first_text(rows: pd.DataFrame, order: Sequence[str]) -> str:
    parts, nobody = [], []
    for name in order:
        mine = rows[(rows["c"] == name) & rows["m"].notna()]
        if mine.empty:
            nobody.append(name)
            continue
        first = mine["m"].min()
        groups = ", ".join(mine.loc[mine["m"] == first, "g"])
        parts.append(f"{name} {_mon(first)} ({groups})")
    text = ("Dot chart of the first month in the UN data (which begin in Nov 1990) with "
            f"troops, police or experts deployed, for each country. {', '.join(parts)}.")
    if nobody:
        text += f" {_and(nobody)}: no personnel deployed."
    return text


@_builder
def contributors_count(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                       title: str | None = None) -> alt.LayerChart:
    """How many of the countries had anyone deployed, month by month.

    >>> import pkedu as pk
    >>> chart = contributors_count(pk.data.load_contributions())
    >>> describe(chart)[:70]
    'Step chart of how many of the ten ASEAN states had UN peacekeepers dep'
    """
    contributions = _contributions(contributions)
    codes = _codes(countries)
    name = "Countries contributing"
    wide = _contributing(_monthly_by(contributions, codes, "iso3", None, None, None), codes, name)
    layers = _time_layers(wide, [name], theme.series_scale([name]), resolution="month",
                          y_title=f"Number of {_who(codes)} contributing", fmt="d",
                          axis_format="d", selection=None, step=True,
                          extra=[alt.Tooltip("w:N", title="Which")],
                          y_scale=alt.Scale(domain=[0, len(codes)]))
    chart = alt.layer(*layers, data=_inline(_points(wide)))
    subtitle = _subtitle(SOURCE, "month", _has_gaps(wide, [name]))
    default = f"How many of {_who(codes)} had UN peacekeepers deployed"
    return _finish(chart, _title(title, default), subtitle, _count_text(wide, name, codes))


def _contributing(monthly: pd.DataFrame, codes: Sequence[str], name: str) -> pd.DataFrame:
    """Per month: how many countries had personnel (``name``) and which (``w``, codes)."""
    active = (monthly > 0).to_numpy()
    reported = monthly.notna().all(axis=1)
    who = [" ".join(c for c, on in zip(codes, row) if on) or "none" for row in active]
    return pd.DataFrame({name: active.sum(axis=1), "w": who},
                        index=monthly.index).where(reported)


def _count_text(wide: pd.DataFrame, name: str, codes: Sequence[str]) -> str:
    counts = wide[name].dropna()
    first, top, last = counts.index[0], counts.max(), counts.index[-1]
    reached = counts[counts == top].index[0]
    return (f"Step chart of how many of {_who(codes)} had UN peacekeepers deployed each month, "
            f"{_mon(first)} to {_mon(last)}. It was {int(counts.iloc[0])} in {_mon(first)}, "
            f"reached its highest, {int(top)}, in {_mon(reached)}, and was "
            f"{int(counts.iloc[-1])} in {_mon(last)}."
            + _gap_sentence(wide, [name], "month"))


# --------------------------------------------------------------------------------------
# Builders: one month


@_builder
def ranking(contributions: pd.DataFrame, when: str = "2021-01", top: int = 15,
            highlight: Iterable[str] | None = ASEAN10,
            title: str | None = None) -> alt.LayerChart:
    """The biggest contributors in one month, with some countries in colour.

    Highlighted countries outside the top are added below with their world rank.

    >>> import pkedu as pk
    >>> ranking(pk.data.load_contributions(), "2020-06")
    Traceback (most recent call last):
    ...
    ValueError: no UN report exists for 2020-06
    """
    contributions = _contributions(contributions)
    m = _month(when, "when")
    top = _count(top, "top")
    marked = [] if highlight is None else _codes(highlight, "highlight", allow_empty=True)
    full = analysis.ranking(contributions, m)
    rows = pd.concat([full.head(top),
                      full.iloc[top:][full.iloc[top:]["iso3"].isin(marked)]])
    rows = pd.DataFrame({"r": rows["rank"], "k": rows["iso3"], "n": rows["total"],
                         "l": [f"{r}. {theme.label(k)}" for r, k in
                               zip(rows["rank"], rows["iso3"])]})
    colors = [theme.COUNTRY_COLORS.get(k, theme.WORLD_COLOR) if k in marked
              else theme.MUTED_COLOR for k in rows["k"]]
    y = alt.Y("l:N", sort=list(rows["l"]), title=None)
    x = alt.X("n:Q", title="Uniformed personnel deployed", axis=alt.Axis(format=",~f"))
    tips = [alt.Tooltip("l:N", title="Rank and country"), alt.Tooltip("n:Q", title="Personnel",
                                                                       format=","),
            alt.Tooltip("d:N", title="Month")]
    bars = (alt.Chart().transform_calculate(d=json.dumps(_mon(m))).mark_bar()
            .encode(x=x, y=y, tooltip=tips,
                    color=alt.Color("k:N", scale=alt.Scale(domain=list(rows["k"]),
                                                           range=colors), legend=None)))
    labels = alt.Chart().mark_text(align="left", dx=4, fontSize=11).encode(
        x=x, y=y, text=alt.Text("n:Q", format=","))
    chart = alt.layer(bars, labels, data=_inline(rows))
    notes = (f"Coloured: {_who(marked)}; those outside the top {top} are added below"
             if marked else "")
    return _finish(chart, _title(title, f"The top {top} contributors of UN peacekeepers, "
                                        f"{_mon(m)}"),
                   _subtitle(SOURCE, None, False, notes), _ranking_text(full, marked, m))


def _ranking_text(full: pd.DataFrame, marked: Sequence[str], m: pd.Timestamp) -> str:
    lead = [f"{theme.label(k)} ({_num(n)})" for k, n in zip(full["iso3"][:3], full["total"][:3])]
    text = (f"Bar chart ranking the countries with the most UN peacekeepers in {_mon(m)}. "
            f"{len(full)} countries had personnel deployed. {lead[0]} sent the most, "
            f"followed by {_and(lead[1:])}.")
    placed = full[full["iso3"].isin(marked)]
    if len(placed):
        parts = [f"{theme.label(k)} {_ordinal(r)} ({_num(n)})"
                 for k, r, n in zip(placed["iso3"], placed["rank"], placed["total"])]
        text += f" Ranks of the coloured countries: {', '.join(parts)}."
    absent = [theme.label(k) for k in marked if k not in set(full["iso3"])]
    if absent:
        text += f" {_and(absent)} had no personnel deployed."
    return text


@_builder
def personnel_mix(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                  when: str = "2019-12", normalize: bool = False,
                  title: str | None = None) -> alt.LayerChart:
    """Troops, police and experts from each country in one month, as stacked bars.

    ``normalize=True`` shows shares (each bar 100%) instead of numbers.

    >>> import pkedu as pk
    >>> chart = personnel_mix(pk.data.load_contributions(), ["IDN", "VNM"])
    >>> describe(chart).split(". ")[1]
    'Indonesia: 2,897 (troops 2,538, police 335, experts 24); Vietnam: 76 (troops 69, police 0, \
experts 7)'
    """
    contributions = _contributions(contributions)
    codes, m = _codes(countries), _month(when, "when")
    normalize = _flag(normalize, "normalize")
    _reported(contributions, m)
    rows = _mix_rows(contributions, codes, m)
    order = (rows.groupby("c", sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
             .index.tolist())
    chosen = alt.selection_point(name="group", fields=["g"], bind="legend")
    x = alt.X("n:Q", stack="normalize" if normalize else "zero",
              title="Share of personnel" if normalize else "Personnel deployed",
              axis=alt.Axis(format="%" if normalize else ",~f"))
    y = alt.Y("c:N", sort=order, title=None)
    bars = (alt.Chart().mark_bar()
            .encode(x=x, y=y, color=alt.Color("g:N", scale=theme.group_scale(), title="Group",
                                              sort=list(GROUPS)),
                    order=alt.Order("o:Q"),
                    opacity=_fade(chosen, 1, 0.2),
                    tooltip=[alt.Tooltip("c:N", title="Country"), alt.Tooltip("g:N", title="Group"),
                             alt.Tooltip("n:Q", title="Personnel", format=","),
                             alt.Tooltip("s:Q", title="Share of the country's personnel",
                                         format=".1%"),
                             alt.Tooltip("d:N", title="Month")])
            .transform_calculate(d=json.dumps(_mon(m))).add_params(chosen)
            .properties(name="mix"))
    none = (alt.Chart().transform_aggregate(t="sum(n)", groupby=["c"])
            .transform_filter("datum.t == 0")
            .mark_text(align="left", dx=4, color="#4D4D4D", fontStyle="italic")
            .encode(y=y, x=alt.XValue(0), text=alt.TextValue("no personnel deployed")))
    chart = alt.layer(bars, none, data=_inline(rows))
    return _finish(chart, _title(title, f"Troops, police and experts, {_mon(m)}"),
                   [SOURCE], _mix_text(rows, order, m))


def _mix_rows(contributions: pd.DataFrame, codes: Sequence[str], m: pd.Timestamp) -> pd.DataFrame:
    """Personnel per country and group in one month (as analysis.personnel_mix, per country)."""
    rows = analysis.select(contributions, codes)
    rows = rows[rows["month"] == m]
    keys = pd.MultiIndex.from_product([codes, GROUPS], names=["iso3", "g"])
    n = rows.groupby(["iso3", "group"])["total"].sum().reindex(keys, fill_value=0)
    whole = n.groupby(level="iso3").transform("sum")
    out = pd.DataFrame({"n": n, "s": (n / whole.where(whole > 0)).fillna(0)}).reset_index()
    out.insert(0, "c", [theme.label(c) for c in out["iso3"]])
    out.insert(2, "o", [GROUPS.index(g) for g in out["g"]])
    return out.drop(columns="iso3")


def _mix_text(rows: pd.DataFrame, order: Sequence[str], m: pd.Timestamp) -> str:
    parts, nobody = [], []
    for name in order:
        mine = rows[rows["c"] == name]
        if mine["n"].sum() == 0:
            nobody.append(name)
            continue
        split = ", ".join(f"{g} {_num(n)}" for g, n in zip(mine["g"], mine["n"]))
        parts.append(f"{name}: {_num(mine['n'].sum())} ({split})")
    totals = rows.groupby("g")["n"].sum()
    text = (f"Stacked bar chart of troops, police and experts from each country in {_mon(m)}. "
            f"{'; '.join(parts)}.")
    if totals.sum():
        text += f" Troops make up {_pct(totals['troops'] / totals.sum())} of the total."
    if nobody:
        text += f" {_and(nobody)}: no personnel deployed."
    return text


@_builder
def where_they_serve(mission_contributions: pd.DataFrame, missions: pd.DataFrame,
                     countries: Iterable[str] = ASEAN10, when: str = "2019-12", top: int = 12,
                     title: str | None = None) -> alt.Chart:
    """The UN missions the countries' personnel served in, in one month.

    Bars for the ``top`` missions, split by country; the rest are added up
    in one bar. (No map: a world map cannot be drawn offline within the size
    budget of a notebook chart.)

    >>> import pkedu as pk
    >>> chart = where_they_serve(pk.data.load_mission_contributions(), pk.data.load_missions(),
    ...                          ["IDN"], top=3)
    >>> describe(chart).split(". ")[1]
    'The largest are UNIFIL in Lebanon (1,287), MONUSCO in DR Congo (1,047) and MINUSCA in \
Central African Republic (360).'
    """
    mission_df = _table(mission_contributions, "mission_contributions",
                        ("month", "iso3", "mission", "total"), "load_mission_contributions")
    missions = _table(missions, "missions", ("mission", "host_country"), "load_missions")
    codes, m, top = _codes(countries), _month(when, "when"), _count(top, "top")
    _reported(mission_df, m, "no mission-level UN report")
    served = analysis.where_they_serve(mission_df, codes, m, missions)
    if served.empty:
        raise ValueError(f"{_who(codes)} had no personnel in any UN mission in {m:%Y-%m}")
    rows, order = _mission_rows(served, top, missions)
    present = [c for c in codes if theme.label(c) in set(rows["c"])]
    chosen = alt.selection_point(name="country", fields=["c"], bind="legend")
    chart = (alt.Chart(_inline(rows)).mark_bar()
             .encode(x=alt.X("n:Q", title="Personnel deployed", axis=alt.Axis(format=",~f")),
                     y=alt.Y("l:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
                     color=alt.Color("c:N", scale=theme.color_scale(present), title="Country"),
                     opacity=_fade(chosen, 1, 0.2),
                     tooltip=[alt.Tooltip("l:N", title="Mission"),
                              alt.Tooltip("h:N", title="Headquarters"),
                              alt.Tooltip("c:N", title="Country"),
                              alt.Tooltip("n:Q", title="Personnel", format=","),
                              alt.Tooltip("d:N", title="Month")])
             .transform_calculate(d=json.dumps(_mon(m))).add_params(chosen))
    return _finish(chart, _title(title, f"Where their UN personnel served, {_mon(m)}"),
                   [SOURCE_MISSIONS], _serve_text(served, codes, m))


def _mission_name(mission: str, host: object) -> str:
    return f"{mission} ({host})" if isinstance(host, str) and host else mission


def _mission_rows(served: pd.DataFrame, top: int,
                  missions: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    totals = served.groupby("mission")["total"].sum().sort_values(ascending=False, kind="stable")
    keep = list(totals.index[:top])
    rest = served[~served["mission"].isin(keep)]
    hosts = served.drop_duplicates("mission").set_index("mission")
    rows = served[served["mission"].isin(keep)].copy()
    rows["l"] = [_mission_name(x, hosts.loc[x, "host_country"]) for x in rows["mission"]]
    hq = missions.set_index("mission")["hq"] if "hq" in missions else pd.Series(dtype=str)
    rows["h"] = rows["mission"].map(hq)
    order = [_mission_name(x, hosts.loc[x, "host_country"]) for x in keep]
    if not rest.empty:
        other = f"{rest['mission'].nunique()} other missions"
        extra = rest.groupby("iso3", as_index=False)["total"].sum().assign(l=other, h="")
        rows = pd.concat([rows, extra], ignore_index=True)
        order.append(other)
    out = pd.DataFrame({"l": rows["l"], "h": rows["h"].fillna(""),
                        "c": [theme.label(c) for c in rows["iso3"]], "n": rows["total"]})
    return out.reset_index(drop=True), order


def _serve_text(served: pd.DataFrame, codes: Sequence[str], m: pd.Timestamp) -> str:
    totals = served.groupby("mission")["total"].sum().sort_values(ascending=False, kind="stable")
    hosts = served.drop_duplicates("mission").set_index("mission")["host_country"]
    lead = [f"{x} in {hosts[x]} ({_num(n)})" if isinstance(hosts[x], str) else f"{x} ({_num(n)})"
            for x, n in totals.head(3).items()]
    return (f"Bar chart of the UN missions where personnel from {_who(codes)} served in "
            f"{_mon(m)}: {_num(totals.sum())} people in {len(totals)} missions. "
            f"The largest are {_and(lead)}.")


# --------------------------------------------------------------------------------------
# Builders: comparisons and shares


def _group_map(groups: object) -> dict[str, list[str]]:
    if not isinstance(groups, Mapping):
        raise TypeError("groups must be a dictionary of names and country lists, such as "
                        "{'ASEAN': pk.data.ASEAN10, 'South Asia': ['BGD', 'IND']}")
    if not groups:
        raise ValueError("groups is empty; give at least one group of countries")
    out = {}
    for name, members in groups.items():
        if not isinstance(name, str) or not name.strip():
            raise TypeError(f"each group needs a name written as text, not {name!r}")
        out[name] = _codes(members, f"the group {name!r}")
    return out


@_builder
def compare_groups(contributions: pd.DataFrame,
                   groups: Mapping[str, Iterable[str]] = COMPARISON_GROUPS,
                   resolution: str = "year", title: str | None = None) -> alt.LayerChart:
    """Total personnel of groups of countries over time, one line per group.

    The default groups are ASEAN, South Asia (Bangladesh, India, Nepal,
    Pakistan, Sri Lanka) and Eastern Africa (Ethiopia, Rwanda, Kenya,
    Tanzania, Uganda, Burundi).

    >>> import pkedu as pk
    >>> chart = compare_groups(pk.data.load_contributions())
    >>> describe(chart)[:60]
    'Line chart comparing the UN peacekeeping personnel of ASEAN,'
    """
    contributions = _contributions(contributions)
    members, resolution = _group_map(groups), _resolution(resolution)
    monthly = pd.DataFrame({
        name: analysis.monthly_totals(contributions, countries=codes).set_index("month")["total"]
        for name, codes in members.items()})
    wide = _resample(monthly, resolution)
    series = list(members)
    per = "yearly average" if resolution == "year" else "monthly"
    layers = _time_layers(wide, series, theme.series_scale(series), resolution=resolution,
                          y_title=f"Personnel deployed ({per})", selection="region")
    chart = alt.layer(*layers, data=_inline(_points(wide), decimals=1))
    sizes = ", ".join(f"{n} ({len(c)} {'country' if len(c) == 1 else 'countries'})"
                      for n, c in members.items())
    subtitle = _subtitle(SOURCE, resolution, _has_gaps(wide, series), f"Groups: {sizes}")
    return _finish(chart, _title(title, f"UN peacekeepers from {_and(series)}"), subtitle,
                   _compare_text(wide, members, resolution))


def _compare_text(wide: pd.DataFrame, members: Mapping[str, list[str]], resolution: str) -> str:
    series = list(members)
    per = "yearly averages of reported months" if resolution == "year" else "monthly"
    text = (f"Line chart comparing the UN peacekeeping personnel of {_and(series)} ({per}, "
            f"{_when(wide.index[0], resolution)} to {_when(wide.index[-1], resolution)}).")
    for name in series:
        column = wide[name]
        text += (f" {name} ({', '.join(members[name])}) peaked at {_num(column.max())} in "
                 f"{_when(column.idxmax(), resolution)}.")
    when, values = _latest(wide, series)
    parts = [f"{k} {_num(v)}" for k, v in values.sort_values(ascending=False).items()]
    return text + f" In {_when(when, resolution)}: {_and(parts)}."


@_builder
def share_of_world(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                   resolution: str = "year", title: str | None = None) -> alt.LayerChart:
    """The countries' combined share of all UN peacekeepers, over time.

    >>> import pkedu as pk
    >>> chart = share_of_world(pk.data.load_contributions(), resolution="month")
    >>> describe(chart).split(". ")[1]
    'The share was highest, 17.1%, in Mar 1992; it was 8.0% in Jul 2025, when they had 4,873 of \
61,127 personnel'
    """
    contributions = _contributions(contributions)
    codes, resolution = _codes(countries), _resolution(resolution)
    shares = analysis.share_of_world(contributions, codes).set_index("month")
    wide = _resample(shares[["total", "world_total"]], resolution)
    name = f"{_group_name(codes)} share"
    wide.insert(0, name, wide["total"] / wide["world_total"])
    wide = wide.rename(columns={"total": "p", "world_total": "w"})
    extra = [alt.Tooltip("p:Q", title=f"{_group_name(codes)} personnel", format=",.0f"),
             alt.Tooltip("w:Q", title="World personnel", format=",.0f")]
    layers = _time_layers(wide, [name], theme.series_scale([name]), resolution=resolution,
                          y_title="Share of all UN peacekeepers", fmt=".1%", axis_format="%",
                          selection=None, extra=extra)
    chart = alt.layer(*layers, data=_inline(_points(wide), decimals=5))
    subtitle = _subtitle(SOURCE, resolution, _has_gaps(wide, [name]))
    return _finish(chart, _title(title, f"Share of all UN peacekeepers from {_who(codes)}"),
                   subtitle, _share_text(wide, name, codes, resolution))


def _share_text(wide: pd.DataFrame, name: str, codes: Sequence[str], resolution: str) -> str:
    column = wide[name]
    when, _ = _latest(wide, [name])
    per = "yearly averages of reported months" if resolution == "year" else "monthly"
    return (f"Line chart of the share of all UN peacekeepers who came from {_who(codes)} "
            f"({per}). The share was highest, {_pct(column.max())}, in "
            f"{_when(column.idxmax(), resolution)}; it was {_pct(column[when])} in "
            f"{_when(when, resolution)}, when they had {_num(wide.loc[when, 'p'])} of "
            f"{_num(wide.loc[when, 'w'])} personnel." + _gap_sentence(wide, [name], resolution))


@_builder
def women_share(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                resolution: str = "year", by_country: bool = False,
                title: str | None = None) -> alt.LayerChart:
    """Women's share of the countries' personnel next to the world's, from April 2014.

    The UN has split its figures by gender only since April 2014 (and not in
    September 2023). ``by_country=True`` draws one line per country.

    >>> import pkedu as pk
    >>> chart = women_share(pk.data.load_contributions(), resolution="month")
    >>> describe(chart).split(". ")[1]
    'For the ten ASEAN states it went from 2.9% in Apr 2014 to 11.3% in Jul 2025'
    >>> chart_data(chart).set_index("m").loc["2019-12-01", "ASEAN-10"]
    np.float64(0.0614)
    """
    contributions = _contributions(contributions, ["female"])
    codes, resolution = _codes(countries), _resolution(resolution)
    by_country = _flag(by_country, "by_country")
    females, totals = _gender_tables(contributions, codes, by_country)
    wide = _resample(females, resolution)
    whole = _resample(totals, resolution)
    wide[list(females.columns)] = wide[list(females.columns)] / whole[list(females.columns)]
    series = list(females.columns)
    scale = (theme.color_scale([*codes]) if by_country else theme.series_scale(series))
    if by_country:
        scale = alt.Scale(domain=[*scale.domain, "World"], range=[*scale.range, theme.WORLD_COLOR])
    layers = _time_layers(wide, series, scale, resolution=resolution, fmt=".1%",
                          y_title="Women among uniformed personnel", axis_format="%",
                          missing="none deployed", gap_reason="No figures by gender")
    chart = alt.layer(*layers, data=_inline(_points(wide), decimals=4))
    subtitle = _subtitle(SOURCE, resolution, False,
                         "The UN splits its figures by gender from Apr 2014",
                         GAP_NOTE.replace("no UN report", "no figures by gender")
                         if _has_gaps(wide, series) else "")
    return _finish(chart, _title(title, f"Women among UN peacekeepers from {_who(codes)}"),
                   subtitle, _women_text(wide, series, codes, resolution))


def _gender_tables(contributions: pd.DataFrame, codes: Sequence[str],
                   by_country: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Month x series tables of women and of all personnel, from 2014-04, NaN when unknown."""
    months = _calendar(analysis.month("2014-04"))
    world = analysis.women_share(contributions).set_index("month").reindex(months)
    if by_country:
        mine = analysis.women_share(contributions, codes, by="iso3")
        female = mine.pivot(index="month", columns="iso3", values="female").reindex(
            index=months, columns=codes)
        total = mine.pivot(index="month", columns="iso3", values="total").reindex(
            index=months, columns=codes)
        names = [theme.label(c) for c in codes]
        female.columns, total.columns = names, names
    else:
        mine = analysis.women_share(contributions, codes).set_index("month").reindex(months)
        female = mine[["female"]].rename(columns={"female": _group_name(codes)})
        total = mine[["total"]].rename(columns={"total": _group_name(codes)})
    female["World"], total["World"] = world["female"], world["total"]
    for table in (female, total):
        table.columns.name = None
    return female, total


def _women_text(wide: pd.DataFrame, series: Sequence[str], codes: Sequence[str],
                resolution: str) -> str:
    mine = [s for s in series if s != "World"]
    when, values = _latest(wide, series)
    first = wide[mine[0]].first_valid_index() if len(mine) == 1 else wide.index[0]
    per = "yearly averages of reported months" if resolution == "year" else "monthly"
    text = (f"Line chart of women's share of the UN peacekeepers from {_who(codes)} and of all "
            f"UN peacekeepers ({per}, from {_when(wide.index[0], resolution)}).")
    if len(mine) == 1:
        column = wide[mine[0]]
        text += (f" For {_who(codes)} it went from {_pct(column[first])} in "
                 f"{_when(first, resolution)} to {_pct(values[mine[0]])} in "
                 f"{_when(when, resolution)}")
        if column.idxmax() != when:
            text += (f", with a high of {_pct(column.max())} in "
                     f"{_when(column.idxmax(), resolution)}")
        text += "."
    else:
        name, value, at = _peak(wide, mine)
        text += f" The highest share is {_owner(name)} {_pct(value)} in {_when(at, resolution)}."
    text += f" Worldwide it was {_pct(values['World'])} in {_when(when, resolution)}."
    return text + _gap_sentence(wide, series, resolution, "with no figures by gender")


@_builder
def pledge_gap(contributions: pd.DataFrame, iso3: str = "IDN", pledge: int = 4000,
               start: str = "2012-01", resolution: str = "month",
               title: str | None = None) -> alt.LayerChart:
    """A country's personnel against a pledged number, with the gap shaded.

    >>> import pkedu as pk
    >>> chart = pledge_gap(pk.data.load_contributions())
    >>> describe(chart).split(". ")[1]
    'Its highest was 3,545 in Nov 2018, 455 short of the pledge'
    """
    contributions = _contributions(contributions)
    if not isinstance(iso3, str):
        raise TypeError(f"iso3 must be one country code written as text, such as 'IDN', "
                        f"not {iso3!r}")
    code, first = _codes(iso3, "iso3")[0], _month(start, "start")
    resolution = _resolution(resolution)
    if isinstance(pledge, bool) or not isinstance(pledge, (int, float)) or not pledge > 0:
        raise ValueError(f"pledge must be a positive number of personnel, such as 4000, "
                         f"not {pledge!r}")
    gap = analysis.pledge_gap(contributions, code, pledge).set_index("month")
    name = theme.label(code)
    monthly = gap.loc[gap.index.isin(_calendar(first)), ["total"]].rename(columns={"total": name})
    wide = _resample(monthly, resolution)
    wide["p"] = float(pledge)
    wide["s"] = pledge - wide[name]
    layers = _time_layers(wide, [name], theme.color_scale([code]), resolution=resolution,
                          y_title="Personnel deployed", selection=None,
                          extra=[alt.Tooltip("s:Q", title="Short of the pledge by",
                                             format=",.0f")])
    layers = _pledge_layers(name, pledge, code) + layers
    chart = alt.layer(*layers, data=_inline(_points(wide), decimals=1))
    subtitle = _subtitle(SOURCE, resolution, _has_gaps(wide, [name]),
                         "Shaded: the gap between the pledge and the personnel deployed")
    return _finish(chart, _title(title, f"{name} and its pledge of {_num(pledge)} peacekeepers"),
                   subtitle, _pledge_text(wide, name, pledge, resolution))


def _pledge_layers(name: str, pledge: float, code: str) -> list[alt.Chart]:
    color = theme.COUNTRY_COLORS.get(code, theme.WORLD_COLOR)
    area = alt.Chart().mark_area(color=color, opacity=0.15).encode(
        x=_x_time(), y=alt.Y(f"{chartdata.field(name)}:Q"), y2=alt.Y2("p:Q"))
    rule = alt.Chart().mark_rule(color=theme.WORLD_COLOR, strokeDash=[6, 4]).encode(
        y=alt.YDatum(pledge))
    text = alt.Chart().mark_text(align="left", baseline="bottom", dy=-3, x=4,
                                 color=theme.WORLD_COLOR).encode(
        y=alt.YDatum(pledge), text=alt.TextValue(f"Pledge: {_num(pledge)}"))
    return [area, rule, text]


def _pledge_text(wide: pd.DataFrame, name: str, pledge: float, resolution: str) -> str:
    column = wide[name]
    top, at = column.max(), column.idxmax()
    when, values = _latest(wide, [name])
    now = values[name]
    def versus(value: float) -> str:
        return (f"{_num(pledge - value)} short of the pledge" if value < pledge
                else f"{_num(value - pledge)} above the pledge")
    return (f"Line chart of {_owner(name)} UN peacekeepers from {_when(wide.index[0], resolution)} "
            f"against its pledge of {_num(pledge)}. Its highest was {_num(top)} in "
            f"{_when(at, resolution)}, {versus(top)}. In {_when(when, resolution)} it had "
            f"{_num(now)}, {versus(now)} ({_pct(now / pledge)} of it)."
            + _gap_sentence(wide, [name], resolution))


# --------------------------------------------------------------------------------------
# Builders: events and rates


_ROW = 36  # pixels per timeline row
_EVENT_COLUMNS = ("date", "date_precision", "iso3", "category", "title", "detail", "source_urls",
                  "disputed", "dispute_note")


@_builder
def timeline(events: pd.DataFrame, categories: Iterable[str] | None = None,
             countries: Iterable[str] | None = None, start: str | None = None,
             end: str | None = None, rows: str = "category",
             title: str | None = None) -> alt.Chart:
    """The course's events on a time axis, one row per category (or per country).

    Disputed events, where sources disagree, are hollow diamonds. Hover for
    the date, title, detail and sources; click a dot to open its first source.

    >>> import pkedu as pk
    >>> chart = timeline(pk.data.load_events(), categories=["pledge"])
    >>> describe(chart)[:58]
    'Timeline of 3 events from 2005 to 2015, in rows by categor'
    >>> timeline(pk.data.load_events(), categories=["picnic"])
    Traceback (most recent call last):
    ...
    ValueError: unknown event category 'picnic'; the categories are: binational_contingent, \
deployment, first_deployment, force_proposal, maritime_patrol, pledge, regional_crisis, \
regional_dialogue, security_council, training_centre
    """
    events = _table(events, "events", _EVENT_COLUMNS, "load_events")
    rows = str(_choice(rows, ("category", "iso3"), "rows"))
    chosen = _event_categories(events, categories)
    codes = None if countries is None else _codes(countries)
    first, last = _window(start, end)
    data = _event_rows(events, chosen, codes, first, last, rows)
    texts = _event_texts(events)
    chart = _event_marks(data, texts[texts["i"].isin(data["i"])], rows)
    subtitle = [SOURCE_EVENTS, "Hollow diamonds: disputed, the sources disagree. "
                "Click a dot to open its first source"]
    return _finish(chart, _title(title, "A timeline of the story"), subtitle,
                   _timeline_text(data, rows))


def _event_marks(data: pd.DataFrame, texts: pd.DataFrame, rows: str) -> alt.Chart:
    """One dot per event and row; the texts for the tooltips are looked up by event."""
    order = _row_order(data, rows)
    if rows == "iso3":
        scale = theme.color_scale([dict(zip(data["y"], data["k"]))[y] for y in order])
        color, fill = (alt.Color("y:N", scale=scale, legend=None),
                       alt.Fill("y:N", scale=scale, legend=None))
    else:
        color, fill = (alt.ColorValue(theme.SERIES_COLORS[0]),
                       alt.FillValue(theme.SERIES_COLORS[0]))
    status = ["sources agree", "disputed"]
    lookup = alt.LookupData(data=_inline(texts), key="i",
                            fields=[c for c in texts.columns if c != "i"])
    tips = [alt.Tooltip("dt:N", title="Date"), alt.Tooltip("t:N", title="Event"),
            alt.Tooltip("x:N", title="Detail"), alt.Tooltip("dn:N", title="Disputed"),
            alt.Tooltip("s:N", title="Sources")]
    return (alt.Chart(_inline(data[["i", "d", "y", "o", "st"]]))
            .transform_lookup(lookup="i", from_=lookup)
            .mark_point(size=130, strokeWidth=2, cursor="pointer")
            .encode(x=alt.X("d:T", title=None, axis=alt.Axis(format="%Y")),
                    y=alt.Y("y:N", sort=order, title=None),
                    yOffset=alt.YOffset("o:Q", scale=None), color=color, fill=fill,
                    shape=alt.Shape("st:N", title="Event", scale=alt.Scale(
                        domain=status, range=["circle", "diamond"])),
                    fillOpacity=alt.FillOpacity("st:N", title="Event", scale=alt.Scale(
                        domain=status, range=[0.9, 0])),
                    href=alt.Href("u:N"), tooltip=tips)
            .properties(height=alt.Step(_ROW)))


def _row_order(data: pd.DataFrame, rows: str) -> list[str]:
    """Rows in the order of their first event; ASEAN states before other countries."""
    first = data.groupby("y")["d"].min()
    if rows == "iso3":
        codes = data.drop_duplicates("y").set_index("y")["k"]
        outside = pd.Series([codes[y] not in ASEAN10 for y in first.index], index=first.index)
        return pd.DataFrame({"o": outside, "d": first}).sort_values(["o", "d"]).index.tolist()
    return first.sort_values(kind="stable").index.tolist()


def _event_categories(events: pd.DataFrame, categories: object) -> list[str]:
    known = sorted(events["category"].dropna().unique())
    if categories is None:
        return known
    if isinstance(categories, str):
        categories = [categories]
    if not isinstance(categories, Iterable) or not all(isinstance(c, str) for c in categories):
        raise TypeError("categories must be a list of event categories written as text")
    chosen = list(dict.fromkeys(categories))
    for category in chosen:
        if category not in known:
            raise ValueError(f"unknown event category {category!r}; the categories are: "
                             f"{', '.join(known)}")
    if not chosen:
        raise ValueError("categories is empty; leave it out to show every category")
    return chosen


def _event_dates(events: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """Where each event sits (mid-month, mid-year when less precise) and its date as text."""
    dates, texts = [], []
    for text, precision in zip(events["date"], events["date_precision"]):
        if precision == "year":
            dates.append(pd.Timestamp(f"{text[:4]}-07-01"))
            texts.append(text[:4])
        elif precision == "month":
            day = pd.Timestamp(f"{text[:7]}-15")
            dates.append(day)
            texts.append(_mon(day))
        else:
            day = pd.Timestamp(text[:10])
            dates.append(day)
            texts.append(f"{day.day} {day:%b %Y}")
    return pd.Series(dates, index=events.index), texts


def _event_rows(events: pd.DataFrame, categories: Sequence[str], codes: list[str] | None,
                first: pd.Timestamp | None, last: pd.Timestamp | None, rows: str) -> pd.DataFrame:
    dates, labels = _event_dates(events)
    table = pd.DataFrame({
        "i": range(len(events)), "d": dates, "dt": labels, "t": events["title"],
        "k": events["iso3"].fillna("").str.split(";"), "cat": events["category"],
        "st": events["disputed"].map({True: "disputed", False: "sources agree"})})
    keep = table["cat"].isin(categories)
    if codes is not None:
        keep &= table["k"].map(lambda ks: bool(set(ks) & set(codes)))
    if first is not None:
        keep &= table["d"] >= first
    if last is not None:
        keep &= table["d"] < last + pd.DateOffset(months=1)
    table = table[keep]
    if rows == "iso3":
        table = table.explode("k", ignore_index=True)
        table = table[table["k"] != ""]
        if codes is not None:
            table = table[table["k"].isin(codes)]
        table["y"] = [theme.label(k) for k in table["k"]]
    else:
        table["y"] = table["cat"].str.replace("_", " ")
    if table.empty:
        raise ValueError("no events match these choices; widen the categories, countries or "
                         "dates")
    table = table.sort_values("d", kind="stable")
    table["o"] = _lanes(table)
    return table.drop(columns="cat").reset_index(drop=True)


def _event_texts(events: pd.DataFrame) -> pd.DataFrame:
    """What the tooltips say about each event, kept once however many rows show it."""
    return pd.DataFrame({
        "i": range(len(events)), "dt": _event_dates(events)[1], "t": events["title"],
        "x": events["detail"].fillna(""),
        "dn": events["dispute_note"].where(events["disputed"], "no").fillna("yes"),
        "s": [_domains(u) for u in events["source_urls"]],
        "u": [u.split(" ; ")[0].strip() for u in events["source_urls"]]})


def _lanes(table: pd.DataFrame, years: float = 1.5) -> list[float]:
    """Vertical offsets (pixels from the top of a row) so that events close in time on
    one row do not overlap."""
    offsets = pd.Series(0.0, index=table.index)
    for _, group in table.groupby("y", sort=False):
        ends: list[pd.Timestamp] = []  # the last event of each lane
        lanes = []
        for day in group["d"]:
            lane = next((i for i, end in enumerate(ends) if (day - end).days > 365 * years),
                        len(ends))
            ends[lane:lane + 1] = [day]
            lanes.append(lane)
        step = min(9.0, (_ROW - 10) / max(max(lanes), 1))
        offsets[group.index] = [_ROW / 2 + (lane - max(lanes) / 2) * step for lane in lanes]
    return offsets.tolist()


def _domains(urls: str) -> str:
    names = []
    for url in str(urls).split(" ; "):
        host = urlparse(url.strip()).hostname or url.strip()
        host = host.removeprefix("www.")
        if host not in names:
            names.append(host)
    return ", ".join(names)


def _timeline_text(data: pd.DataFrame, rows: str) -> str:
    first, last = data.iloc[0], data.iloc[-1]
    unique = data.drop_duplicates("t")
    disputed = int((unique["st"] == "disputed").sum())
    how = "by category" if rows == "category" else "by country"
    return (f"Timeline of {len(unique)} events from {first['d'].year} to {last['d'].year}, "
            f"in rows {how} ({data['y'].nunique()} rows). {disputed} of them are disputed, "
            f"drawn as hollow diamonds. The earliest: {first['t']} ({first['dt']}). The latest: "
            f"{last['t']} ({last['dt']}).")


@_builder
def reimbursement_rates(rates: pd.DataFrame, title: str | None = None) -> alt.LayerChart:
    """The UN's monthly payment per uniformed person, as steps over time.

    Dashed steps and hollow dots are approximate figures.

    >>> import pkedu as pk
    >>> chart = reimbursement_rates(pk.data.load_reimbursement_rates())
    >>> describe(chart).split(". ")[1]
    'It was about US$1,210 from Jan 1992 (approximate), US$1,332 from Jul 2014, US$1,365 from \
Jul 2016, US$1,410 from Jul 2017 and US$1,428 from Jul 2018'
    """
    rates = _table(rates, "rates", ("effective_from", "rate_usd", "approximate", "note"),
                   "load_reimbursement_rates")
    steps = _rate_rows(rates)
    status = alt.Scale(domain=["reported", "approximate"], range=[[1, 0], [5, 4]])
    x = alt.X("a:T", title=None)
    y = alt.Y("v:Q", title="US$ per person per month", axis=alt.Axis(format="$,~f"))
    flat = alt.Chart().mark_rule(strokeWidth=2.5, color=theme.SERIES_COLORS[0]).encode(
        x=x, x2=alt.X2("b:T"), y=y, strokeDash=alt.StrokeDash("x:N", scale=status, title="Figure"))
    rise = alt.Chart().transform_filter("isValid(datum.p)").mark_rule(
        strokeWidth=1.5, color=theme.SERIES_COLORS[0]).encode(x=x, y=y, y2=alt.Y2("p:Q"))
    dots = alt.Chart().mark_point(size=90, strokeWidth=2, color=theme.SERIES_COLORS[0],
                                  fill=theme.SERIES_COLORS[0]).encode(
        x=x, y=y, fillOpacity=alt.FillOpacity("x:N", scale=alt.Scale(
            domain=["reported", "approximate"], range=[1, 0]), legend=None),
        tooltip=[alt.Tooltip("a:T", title="From", format="%b %Y"),
                 alt.Tooltip("v:Q", title="Rate", format="$,.0f"),
                 alt.Tooltip("x:N", title="Figure"), alt.Tooltip("t:N", title="Note")])
    chart = alt.layer(flat, rise, dots, data=_inline(steps))
    subtitle = [SOURCE_RATES, "Dashed and hollow: approximate"]
    return _finish(chart, _title(title, "What the UN pays per peacekeeper each month"),
                   subtitle, _rates_text(steps))


def _rate_rows(rates: pd.DataFrame) -> pd.DataFrame:
    table = rates.assign(a=pd.to_datetime(rates["effective_from"], errors="coerce"))
    if table["a"].isna().any() or table["rate_usd"].isna().any():
        raise ValueError("rates needs a date (like 2018-07-01) and a rate on every row")
    table = table.sort_values("a", kind="stable").reset_index(drop=True)
    end = load_months()["month"].max() + pd.DateOffset(months=1)
    return pd.DataFrame({
        "a": table["a"], "b": table["a"].shift(-1).fillna(end),
        "v": table["rate_usd"].astype("float64"),
        "p": table["rate_usd"].astype("float64").shift(1),
        "x": table["approximate"].map({True: "approximate", False: "reported"}),
        "t": table["note"].fillna("")})


def _rates_text(steps: pd.DataFrame) -> str:
    parts = [f"US${_num(v)} from {_mon(a)}" + (" (approximate)" if x == "approximate" else "")
             for a, v, x in zip(steps["a"], steps["v"], steps["x"])]
    first, last = steps.iloc[0], steps.iloc[-1]
    rise = last["v"] / first["v"] - 1
    return (f"Step chart of the UN's monthly reimbursement rate per uniformed peacekeeper, "
            f"in US dollars. It was about {_and(parts)}. That is {_pct(rise)} more in "
            f"{last['a'].year - first['a'].year} years; {_mon(last['a'])}'s rate is the latest "
            f"in the data.")


# --------------------------------------------------------------------------------------
# Using charts


def _check_chart(chart: object) -> alt.TopLevelMixin:
    if not isinstance(chart, _CHART_TYPES):
        raise TypeError(f"expected an Altair chart made by pk.charts, not {type(chart).__name__}")
    return chart


def describe(chart: alt.TopLevelMixin) -> str:
    """The chart's description: what it shows, in words, with its key numbers.

    >>> import pkedu as pk
    >>> describe(contributors_count(pk.data.load_contributions(), ["IDN"])).split(". ")[-1]
    '9 months with no UN report (Sep 2014 first) are left as gaps.'
    >>> describe("a chart")
    Traceback (most recent call last):
    ...
    TypeError: expected an Altair chart made by pk.charts, not str
    """
    text = _check_chart(chart).description
    if not isinstance(text, str) or not text:
        raise ValueError("this chart has no description; build it with a pk.charts function")
    return text


def chart_data(chart: alt.TopLevelMixin) -> pd.DataFrame:
    """The table embedded in a pk.charts chart, with numbers and dates typed.

    >>> import pkedu as pk
    >>> rows = chart_data(contributors_count(pk.data.load_contributions()))
    >>> int(rows.set_index("m").loc["1995-12-01", "Countries contributing"])
    4
    >>> bool(pd.isna(rows.set_index("m").loc["2020-06-01", "Countries contributing"]))
    True
    """
    data = _check_chart(chart).data
    if not isinstance(data, alt.InlineData) or not isinstance(data.values, str):
        raise ValueError("this chart carries no embedded table; build it with a pk.charts "
                         "function")
    return chartdata.read(data)


def save(chart: alt.TopLevelMixin, path: str | os.PathLike[str], scale: float = 2.0) -> Path:
    """Save a chart as a PNG, SVG or PDF file, chosen by the file's suffix, offline.

    ``scale`` enlarges PNG images (2 gives sharp images on most screens).

    >>> import pkedu as pk
    >>> save(ranking(pk.data.load_contributions()), "ranking.jpg")
    Traceback (most recent call last):
    ...
    ValueError: save writes .png, .svg or .pdf files; 'ranking.jpg' ends in '.jpg'
    """
    _check_chart(chart)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name such as 'chart.png', not {path!r}")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise ValueError(f"save writes .png, .svg or .pdf files; {str(path)!r} ends in "
                         f"{suffix or 'no suffix'!r}")
    import vl_convert as vlc

    spec = chart.to_dict()
    version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
    if suffix == ".svg":
        target.write_text(vlc.vegalite_to_svg(spec, vl_version=version), encoding="utf-8")
    elif suffix == ".png":
        target.write_bytes(vlc.vegalite_to_png(spec, vl_version=version, scale=scale))
    else:
        target.write_bytes(vlc.vegalite_to_pdf(spec, vl_version=version))
    return target
