"""Builders of personnel over time: totals by country or group, small multiples, first
deployments and the number of contributors.

:func:`contributions_over_time`, :func:`small_multiples`,
:func:`first_deployments`, :func:`contributors_count`. Comparisons of groups
and shares are in :mod:`pkedu.charts.comparisons`; the shared lines, gaps and
hover are in :mod:`pkedu.charts._time`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from pkedu import analysis, chartdata, theme
from pkedu.charts._common import (
    SOURCE, _and, _builder, _choice, _codes, _contributions, _fade, _finish, _flag, _group_name,
    _groups, _inline, _mon, _num, _owner, _resolution, _subtitle, _title, _when, _who, _window,
)
from pkedu.charts._time import (
    _calendar, _date_tip, _gap_sentence, _has_gaps, _latest, _peak, _points, _resample,
    _time_layers, _x_time,
)
from pkedu.data import ASEAN10, GROUPS


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
    >>> pk.charts.describe(chart)[:70]
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


#: The width of one small multiple: five panels side by side, with their axes, fit the
#: notebook's output area in a 1280-pixel browser window with JupyterLab's side bar open.
PANEL_WIDTH = 110


@_builder
def small_multiples(contributions: pd.DataFrame, countries: Iterable[str] = ASEAN10,
                    resolution: str = "year", shared_y: bool = False,
                    title: str | None = None) -> alt.FacetChart:
    """One small panel per country, so ten countries can be read without a tangle.

    Each panel has its own vertical scale unless ``shared_y=True``. A country
    that never deployed anyone (Laos) keeps its panel, which says so.

    >>> import pkedu as pk
    >>> chart = small_multiples(pk.data.load_contributions())
    >>> "Laos: no personnel deployed" in pk.charts.describe(chart)
    True
    """
    contributions = _contributions(contributions)
    codes, resolution = _codes(countries), _resolution(resolution)
    shared_y = _flag(shared_y, "shared_y")
    wide = _resample(_monthly_by(contributions, codes, "iso3", None, None, None), resolution)
    labels = [theme.label(c) for c in codes]
    empty = [name for name in labels if not (wide[name].fillna(0) > 0).any()]
    panel = alt.layer(*_panel_layers(codes, empty, resolution)).properties(width=PANEL_WIDTH,
                                                                           height=90)
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
    # narrow panels: a year label needs room of its own, or the labels run together
    x = alt.X("m:T", title=None, axis=alt.Axis(labelOverlap=True, labelSeparation=8))
    area = base.mark_area(opacity=0.3, line=True).encode(x=x, y=y, color=color)
    dots = (base.mark_point(filled=True, size=40)
            .encode(x=x, y=y, color=color,
                    opacity=_fade(hover, 1, 0),
                    tooltip=[alt.Tooltip("c:N", title="Country"), _date_tip(resolution),
                             alt.Tooltip("v:Q", title=f"Personnel ({per})", format=",.0f")])
            .add_params(hover).properties(name="panel_dots"))
    layers = [area, dots]
    if empty:
        note = (base.transform_filter(alt.FieldOneOfPredicate(field="c", oneOf=list(empty)))
                .transform_aggregate(rows="count()", groupby=["c"])
                .mark_text(color="#4D4D4D", fontStyle="italic", fontSize=12, lineBreak="/")
                .encode(text=alt.TextValue("no personnel/deployed"), x=alt.XValue(PANEL_WIDTH / 2),
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
    >>> pk.charts.describe(chart).split(". ")[1]
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
                    # each group on its own line within the country's row: firsts in the
                    # same month (Brunei's three in Jan 1993) would hide one another
                    yOffset=alt.YOffset("g:N", scale=alt.Scale(domain=list(GROUPS))),
                    opacity=_fade(chosen, 0.9, 0.15),
                    tooltip=[alt.Tooltip("c:N", title="Country"),
                             alt.Tooltip("g:N", title="Group"),
                             alt.Tooltip("m:T", title="First month", format="%b %Y"),
                             alt.Tooltip("n:Q", title="Personnel that month", format=",")])
            .add_params(chosen).properties(name="firsts"))
    none = (alt.Chart().transform_filter("!isValid(datum.m)")
            .mark_text(align="left", dx=6, color="#4D4D4D", fontStyle="italic")
            .encode(y=y, x=alt.XValue(0), text=alt.TextValue("no personnel deployed")))
    chart = alt.layer(dots, none, data=_inline(rows)).properties(height=alt.Step(11))
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
    >>> pk.charts.describe(chart)[:70]
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
