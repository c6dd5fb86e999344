"""Pieces of the charts that run over time: the calendar, yearly averages, gaps, lines and hover.

A month with no UN report stays NaN, becomes a break in the line and a grey
band (:func:`_gaps`), and is counted in the description
(:func:`_gap_sentence`). The builders that draw lines over time
(:mod:`pkedu.charts.over_time`, :mod:`pkedu.charts.comparisons`) put their
layers together with :func:`_time_layers`. Nothing here checks arguments or
writes titles; that is :mod:`pkedu.charts._common`.

>>> import pandas as pd
>>> monthly = pd.DataFrame({"A": [1.0, None, 3.0]},
...                        index=pd.to_datetime(["2019-11-01", "2019-12-01", "2020-01-01"]))
>>> _resample(monthly, "year")["A"].tolist()
[1.0, 3.0]
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import altair as alt
import pandas as pd

from pkedu import chartdata, theme
from pkedu.charts._common import _fade, _inline, _mon, _when
from pkedu.data import load_months


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
    """Runs of rows with no value in any series, one band each from the row before the run
    to the row after it (where the line stops and starts again).

    Months in a row make one band: bands drawn one per month would overlap and show
    darker stripes that mean nothing.

    >>> wide = pd.DataFrame({"A": [1.0, None, None, 4.0, None, 6.0]},
    ...                     index=pd.date_range("2014-08-01", periods=6, freq="MS"))
    >>> _gaps(wide, ["A"], "month")["t"].tolist()
    ['No UN report for Sep 2014 to Oct 2014', 'No UN report for Dec 2014']
    """
    step = pd.DateOffset(years=1) if resolution == "year" else pd.DateOffset(months=1)
    label = "%Y" if resolution == "year" else "%b %Y"
    empty = wide[list(series)].isna().all(axis=1).to_numpy()
    runs: list[tuple[pd.Timestamp, pd.Timestamp]] = []
    for position, missing in enumerate(empty):
        if not missing:
            continue
        if position and empty[position - 1]:
            runs[-1] = (runs[-1][0], wide.index[position])
        else:
            runs.append((wide.index[position], wide.index[position]))
    texts = [f"{reason} for {first.strftime(label)}" if first == last
             else f"{reason} for {first.strftime(label)} to {last.strftime(label)}"
             for first, last in runs]
    return pd.DataFrame({"a": [first - step for first, _ in runs],
                         "b": [last + step for _, last in runs], "t": texts})


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

    A series named "World" is drawn dashed (:data:`pkedu.theme.WORLD_DASH`) as well as
    in its colour, and its legend entry shows the dash.
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
    if not stack and "World" in series:
        # The world line is dashed as well as coloured; its legend entry shows the dash.
        dashes = [list(theme.WORLD_DASH) if s == "World" else [1, 0] for s in series]
        lines = lines.encode(strokeDash=alt.StrokeDash(
            "c:N", scale=alt.Scale(domain=series, range=dashes), sort=series,
            legend=legend if len(series) > 1 else None))
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
