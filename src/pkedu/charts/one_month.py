"""Builders of one month: who contributes most, what they send and where they serve.

:func:`ranking`, :func:`personnel_mix`, :func:`where_they_serve`. Charts that
run over time are in :mod:`pkedu.charts.over_time` and
:mod:`pkedu.charts.comparisons`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from pkedu import analysis, theme
from pkedu.charts._common import (
    SOURCE, SOURCE_MISSIONS, _and, _builder, _codes, _contributions, _count, _fade, _finish,
    _flag, _inline, _mon, _month, _num, _ordinal, _pct, _reported, _subtitle, _table, _title,
    _who,
)
from pkedu.data import ASEAN10, GROUPS


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
    >>> pk.charts.describe(chart).split(". ")[1]
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
    >>> pk.charts.describe(chart).split(". ")[1]
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
             .transform_calculate(d=json.dumps(_mon(m))).add_params(chosen)
             # narrower bars: the long mission names and the legend must fit beside them
             .properties(width=theme.WIDTH - 100))
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
