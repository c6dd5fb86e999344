"""Pure analysis functions over the curated tables.

Every function takes DataFrames in and gives a new DataFrame (or number) out;
none draws, prints or changes its inputs. Months with no UN report stay
missing (NaN) in every monthly result: a gap is never a silent zero.

>>> from pkedu.data import load_contributions, ASEAN10
>>> c = load_contributions()
>>> asean = monthly_totals(c, countries=ASEAN10)
>>> int(asean.set_index("month").loc["2019-12-01", "total"])
4954
"""

from __future__ import annotations

from collections.abc import Iterable

import re

import pandas as pd

from pkedu.countries import country_codes
from pkedu.data import GROUPS, load_months

__all__ = [
    "select", "monthly_totals", "contributors_count", "first_contributions", "ranking",
    "share_of_world", "annual", "pledge_gap", "personnel_mix", "women_share",
    "where_they_serve", "month",
]


_MONTH_TEXT = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def month(value: str | pd.Timestamp) -> pd.Timestamp:
    """Turn '2019-12', '2019-12-31' or a Timestamp into the first day of its month.

    >>> month("2019-12-31")
    Timestamp('2019-12-01 00:00:00')
    >>> month("December")
    Traceback (most recent call last):
    ...
    ValueError: 'December' is not a month; write it like '2019-12'
    """
    if isinstance(value, str) and _MONTH_TEXT.fullmatch(value.strip()):
        value = value.strip()
    elif not isinstance(value, pd.Timestamp):
        raise ValueError(f"{value!r} is not a month; write it like '2019-12'")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{value!r} is not a month; write it like '2019-12'") from None
    if pd.isna(ts):
        raise ValueError(f"{value!r} is not a month; write it like '2019-12'")
    return ts.to_period("M").to_timestamp()


def _as_list(values: str | Iterable[str] | None, what: str,
             required: bool = False) -> list[str] | None:
    """The values as a list; None (meaning "all") unless ``required``.

    Countries are read by :func:`pkedu.countries.country_codes`: names and codes
    in any case, and anything else (a number, an empty list) refused with a
    sentence that says what to write, never answered with a silent empty table.
    """
    if values is None and not required:
        return None
    if isinstance(values, str):
        values = [values]
    if what == "countries" and not isinstance(values, (list, tuple, set, frozenset, pd.Index,
                                                        pd.Series)):
        return country_codes(values)  # type: ignore[arg-type]
    values = list(values)  # type: ignore[arg-type]
    if not all(isinstance(v, str) for v in values):
        raise TypeError(f"{what} must be given as text codes, e.g. ['IDN', 'MYS']")
    return country_codes(values) if what == "countries" else values


def select(df: pd.DataFrame, countries: str | Iterable[str] | None = None,
           groups: str | Iterable[str] | None = None, start: str | None = None,
           end: str | None = None) -> pd.DataFrame:
    """Rows for some countries, personnel groups and months (all when not given).

    >>> from pkedu.data import load_contributions
    >>> rows = select(load_contributions(), "KHM", groups="experts", end="2005-12")
    >>> rows[["month", "iso3", "total"]].head(1).to_string(index=False)
    '     month iso3  total\\n2005-05-01  KHM      2'
    """
    countries = _as_list(countries, "countries")
    groups = _as_list(groups, "groups")
    if groups is not None:
        unknown = sorted(set(groups) - set(GROUPS))
        if unknown:
            raise ValueError(f"unknown personnel group {unknown[0]!r}; choose from {list(GROUPS)}")
    if countries is None and groups is None and start is None and end is None:
        return df.copy(deep=False)  # every row: no need to copy them (copy-on-write)
    mask = pd.Series(True, index=df.index)
    if countries is not None:
        mask &= df["iso3"].isin(countries)
    if groups is not None:
        mask &= df["group"].isin(groups)
    if start is not None:
        mask &= df["month"] >= month(start)
    if end is not None:
        mask &= df["month"] <= month(end)
    return df[mask]


def _calendar(months: pd.DataFrame | None) -> pd.DataFrame:
    return load_months() if months is None else months


def monthly_totals(df: pd.DataFrame, by: str | None = None,
                   countries: str | Iterable[str] | None = None,
                   groups: str | Iterable[str] | None = None,
                   months: pd.DataFrame | None = None) -> pd.DataFrame:
    """Personnel per month, summed over the chosen countries and groups.

    ``by`` splits the total by ``"iso3"`` or ``"group"``. Every month of the
    calendar (``months``, by default the course's months table) appears: a
    reported month with no personnel is 0, a month with no UN report is NaN.

    >>> from pkedu.data import load_contributions
    >>> t = monthly_totals(load_contributions(), countries="VNM").set_index("month")
    >>> t.loc["2014-06-01", "total"], t.loc["2014-07-01", "total"], t.loc["2014-10-01", "total"]
    (np.float64(0.0), np.float64(2.0), np.float64(nan))
    """
    if by not in (None, "iso3", "group"):
        raise ValueError("by must be None, 'iso3' or 'group'")
    countries = _as_list(countries, "countries")
    rows = select(df, countries, groups)
    cal = _calendar(months)
    keys = ["month"] + ([by] if by else [])
    sums = rows.groupby(keys, sort=True)["total"].sum()
    if by is None:
        index = pd.Index(cal["month"], name="month")
    else:
        if by == "iso3" and countries is not None:
            levels = countries
        elif by == "group":
            levels = list(GROUPS) if groups is None else _as_list(groups, "groups")
        else:
            levels = sorted(rows[by].unique())
        index = pd.MultiIndex.from_product([cal["month"], levels], names=keys)
    out = sums.reindex(index, fill_value=0).astype("float64").reset_index()
    missing = out["month"].isin(cal.loc[~cal["reported"], "month"])
    out.loc[missing, "total"] = float("nan")
    return out


def contributors_count(df: pd.DataFrame, countries: Iterable[str],
                       months: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many of ``countries`` had anyone deployed, month by month.

    >>> from pkedu.data import load_contributions, ASEAN10
    >>> n = contributors_count(load_contributions(), ASEAN10).set_index("month")
    >>> int(n.loc["1995-12-01", "contributors"]), int(n.loc["2016-12-01", "contributors"])
    (4, 8)
    """
    countries = _as_list(countries, "countries", required=True)
    totals = monthly_totals(df, by="iso3", countries=countries, months=months)
    by_month = totals.assign(active=totals["total"] > 0, gap=totals["total"].isna()).groupby(
        "month", sort=True)
    reported = ~by_month["gap"].any()
    contributors = by_month["active"].sum().astype("float64").where(reported)
    return contributors.rename("contributors").reset_index()


def first_contributions(df: pd.DataFrame, countries: Iterable[str] | None = None,
                        by_group: bool = False) -> pd.DataFrame:
    """The first month each country had personnel deployed, in the data.

    With ``by_group=True`` there is one column per personnel group (NaT when
    a country never sent that group). Countries that never contributed (Laos)
    are listed with NaT, so their absence is visible.

    >>> from pkedu.data import load_contributions
    >>> f = first_contributions(load_contributions(), ["KHM", "VNM", "LAO"])
    >>> f[["iso3", "first_month", "first_total"]].to_string(index=False)
    'iso3 first_month  first_total\\n KHM  2005-05-01          2.0\\n VNM  2014-07-01          2.0\\n LAO         NaT          NaN'
    >>> g = first_contributions(load_contributions(), ["KHM"], by_group=True)
    >>> g.loc[0, "experts"], g.loc[0, "troops"]
    (Timestamp('2005-05-01 00:00:00'), Timestamp('2006-02-01 00:00:00'))
    """
    countries = _as_list(countries, "countries")
    rows = select(df, countries)
    order = countries if countries is not None else sorted(rows["iso3"].unique())
    if by_group:
        firsts = rows.groupby(["iso3", "group"])["month"].min().unstack("group")
        firsts = firsts.reindex(index=order, columns=list(GROUPS))
        firsts.columns.name = None
        return firsts.rename_axis("iso3").reset_index()
    per_month = rows.groupby(["iso3", "month"], sort=True)["total"].sum().reset_index()
    first = per_month.groupby("iso3").head(1).set_index("iso3")
    out = pd.DataFrame({"iso3": order})
    out["first_month"] = out["iso3"].map(first["month"]).astype("datetime64[s]")
    out["first_total"] = out["iso3"].map(first["total"]).astype("float64")
    return out


def ranking(df: pd.DataFrame, when: str, top: int | None = None,
            countries: Iterable[str] | None = None) -> pd.DataFrame:
    """Contributors ranked by personnel in one month (rank 1 = largest).

    Ties share a rank. ``countries`` keeps only those countries but leaves
    their world rank unchanged.

    >>> from pkedu.data import load_contributions
    >>> r = ranking(load_contributions(), "2021-01", top=3)
    >>> r.to_string(index=False)
    ' rank iso3  total\\n    1  BGD   6711\\n    2  RWA   6378\\n    3  ETH   6297'
    >>> ranking(load_contributions(), "2020-06")
    Traceback (most recent call last):
    ...
    ValueError: no UN report exists for 2020-06
    """
    m = month(when)
    rows = df[df["month"] == m]
    if rows.empty:
        raise ValueError(f"no UN report exists for {m:%Y-%m}")
    totals = rows.groupby("iso3")["total"].sum().sort_values(ascending=False, kind="stable")
    out = totals.reset_index()
    out.insert(0, "rank", out["total"].rank(method="min", ascending=False).astype(int))
    out = out.sort_values(["rank", "iso3"], kind="stable").reset_index(drop=True)
    if countries is not None:
        out = out[out["iso3"].isin(_as_list(countries, "countries"))].reset_index(drop=True)
    return out.head(top) if top is not None else out


def share_of_world(df: pd.DataFrame, countries: Iterable[str],
                   months: pd.DataFrame | None = None) -> pd.DataFrame:
    """The countries' combined personnel and their share (0-1) of the world total.

    >>> from pkedu.data import load_contributions, ASEAN10
    >>> s = share_of_world(load_contributions(), ASEAN10).set_index("month")
    >>> round(float(s.loc["2019-12-01", "share"]), 3)
    0.059
    """
    countries = _as_list(countries, "countries", required=True)
    group = monthly_totals(df, countries=countries, months=months)
    world = monthly_totals(df, months=months)
    out = group.rename(columns={"total": "total"})
    out["world_total"] = world["total"].to_numpy()
    out["share"] = out["total"] / out["world_total"]
    return out


def annual(monthly: pd.DataFrame, how: str = "year_end", value: str = "total") -> pd.DataFrame:
    """Turn a monthly table from :func:`monthly_totals` into one row per year.

    ``how="year_end"`` takes December, or the last reported month of the year
    when December has no report (shown in ``month_used``); ``how="mean"``
    averages the reported months (``n_months`` says how many).

    >>> from pkedu.data import load_contributions, ASEAN10
    >>> t = monthly_totals(load_contributions(), countries=ASEAN10)
    >>> a = annual(t).set_index("year")
    >>> int(a.loc[2019, "total"]), a.loc[2014, "month_used"]
    (4954, Timestamp('2014-08-01 00:00:00'))
    >>> round(float(annual(t, "mean").set_index("year").loc[2019, "total"]))
    4993
    """
    if how not in ("year_end", "mean"):
        raise ValueError("how must be 'year_end' or 'mean'")
    keys = [c for c in monthly.columns if c not in ("month", value)]
    reported = monthly[monthly[value].notna()].assign(year=lambda d: d["month"].dt.year)
    if how == "mean":
        # Two plain aggregations: named aggregation (.agg(name=(col, how))) takes twice as long.
        by = reported.groupby(["year"] + keys, sort=True)[value]
        return pd.DataFrame({value: by.mean(), "n_months": by.size()}).reset_index()
    last = reported.sort_values("month").groupby(["year"] + keys, sort=True).tail(1)
    out = last.rename(columns={"month": "month_used"})
    return out[["year"] + keys + [value, "month_used"]].sort_values(
        ["year"] + keys).reset_index(drop=True)


def pledge_gap(df: pd.DataFrame, iso3: str = "IDN", pledge: int = 4000,
               months: pd.DataFrame | None = None) -> pd.DataFrame:
    """How far a country's monthly total stands from a pledged number.

    ``gap`` is pledge minus deployed (negative when the pledge is exceeded).

    >>> from pkedu.data import load_contributions
    >>> g = pledge_gap(load_contributions()).set_index("month")
    >>> g.loc["2018-11-01", ["total", "gap"]].tolist()
    [3545.0, 455.0]
    >>> float(g["total"].max()) < 4000
    True
    """
    if not isinstance(pledge, (int, float)) or pledge <= 0:
        raise ValueError("the pledge must be a positive number of personnel")
    out = monthly_totals(df, countries=iso3, months=months)
    out["pledge"] = pledge
    out["gap"] = pledge - out["total"]
    out["share_of_pledge"] = out["total"] / pledge
    return out


def personnel_mix(df: pd.DataFrame, countries: Iterable[str], when: str) -> pd.DataFrame:
    """Troops, police and experts in one month, as numbers and shares.

    >>> from pkedu.data import load_contributions, ASEAN10
    >>> m = personnel_mix(load_contributions(), ASEAN10, "2019-12").set_index("group")
    >>> int(m.loc["troops", "total"]) > int(m.loc["police", "total"])
    True
    """
    m = month(when)
    countries = _as_list(countries, "countries", required=True)
    rows = select(df[df["month"] == m], countries)  # one month first: far fewer rows to select
    totals = rows.groupby("group")["total"].sum().reindex(list(GROUPS), fill_value=0)
    out = totals.rename_axis("group").reset_index()
    whole = out["total"].sum()
    out["share"] = out["total"] / whole if whole else float("nan")
    return out


def women_share(df: pd.DataFrame, countries: Iterable[str] | None = None,
                by: str | None = None) -> pd.DataFrame:
    """Women among deployed personnel, for months where the UN split by gender.

    Only rows with a reported gender split count (from 2014-04 on).

    >>> from pkedu.data import load_contributions, ASEAN10
    >>> w = women_share(load_contributions(), ASEAN10).set_index("month")
    >>> round(float(w.loc["2019-12-01", "share"]), 3)
    0.061
    """
    if by not in (None, "iso3", "group"):
        raise ValueError("by must be None, 'iso3' or 'group'")
    rows = select(df[df["female"].notna()], countries)  # split rows first: fewer to select
    keys = ["month"] + ([by] if by else [])
    sums = rows.groupby(keys, sort=True)
    out = pd.DataFrame({"female": sums["female"].sum(), "total": sums["total"].sum()})
    out = out.astype("float64").reset_index()
    out["share"] = out["female"] / out["total"]
    return out


def where_they_serve(mission_df: pd.DataFrame, countries: Iterable[str], when: str,
                     missions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which missions the countries' personnel served in, in one month.

    Needs the mission-level table; raises a clear error for months without
    mission detail (before 2009-11, 2018-03 to 2019-08, missing months).

    >>> from pkedu.data import load_mission_contributions
    >>> w = where_they_serve(load_mission_contributions(), ["IDN"], "2019-12")
    >>> w.loc[0, "mission"], int(w.loc[0, "total"])
    ('UNIFIL', 1287)
    """
    m = month(when)
    countries = _as_list(countries, "countries", required=True)
    in_month = mission_df[mission_df["month"] == m]
    if in_month.empty:
        raise ValueError(f"the UN published no mission-level figures for {m:%Y-%m}")
    rows = select(in_month, countries)  # one month first: far fewer rows to select
    out = rows.groupby(["mission", "iso3"], as_index=False)["total"].sum()
    out["total"] = out["total"].astype(int)
    out = out.sort_values(["total", "mission"], ascending=[False, True]).reset_index(drop=True)
    if missions is not None:
        info = missions[["mission", "host_country", "hq_lat", "hq_lon", "region"]]
        out = out.merge(info, on="mission", how="left")
    return out
