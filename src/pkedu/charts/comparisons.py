"""Builders that compare over time: groups of countries, shares, women, a pledge.

:func:`compare_groups` (with its default groups :data:`COMPARISON_GROUPS`),
:func:`share_of_world`, :func:`women_share`, :func:`pledge_gap`. Plain totals
over time are in :mod:`pkedu.charts.over_time`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import altair as alt
import pandas as pd

from pkedu import analysis, chartdata, theme
from pkedu.charts._common import (
    GAP_NOTE, SOURCE, _and, _builder, _codes, _contributions, _finish, _flag, _group_name,
    _inline, _month, _num, _owner, _pct, _resolution, _subtitle, _title, _when, _who,
)
from pkedu.charts._time import (
    _calendar, _gap_sentence, _has_gaps, _latest, _peak, _points, _resample, _time_layers,
    _x_time,
)
from pkedu.data import ASEAN10

SOUTH_ASIA: tuple[str, ...] = ("BGD", "IND", "NPL", "PAK", "LKA")
EASTERN_AFRICA: tuple[str, ...] = ("ETH", "RWA", "KEN", "TZA", "UGA", "BDI")
#: The default groups of :func:`compare_groups`.
COMPARISON_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"ASEAN": ASEAN10, "South Asia": SOUTH_ASIA, "Eastern Africa": EASTERN_AFRICA})


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


def _sized(name: str, size: int) -> str:
    """A group's name with its number of countries, unless the name already gives it.

    >>> _sized("ASEAN", 10), _sized("South Asia (4)", 4), _sized("ASEAN (10 states)", 10)
    ('ASEAN (10 countries)', 'South Asia (4)', 'ASEAN (10 states)')
    """
    if re.search(rf"\({size}\b", name):
        return name
    return f"{name} ({size} {'country' if size == 1 else 'countries'})"


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
    >>> pk.charts.describe(chart)[:60]
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
    sizes = ", ".join(_sized(n, len(c)) for n, c in members.items())
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
    >>> pk.charts.describe(chart).split(". ")[1]
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
    >>> pk.charts.describe(chart).split(". ")[1]
    'For the ten ASEAN states it went from 2.9% in Apr 2014 to 11.3% in Jul 2025'
    >>> pk.charts.chart_data(chart).set_index("m").loc["2019-12-01", "ASEAN-10"]
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
    >>> pk.charts.describe(chart).split(". ")[1]
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
