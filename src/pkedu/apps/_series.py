"""Personnel series the apps need, computed once and cached.

Every app works from one country's monthly personnel by kind
(:func:`monthly_array`), built once from the contributions table; sums over
countries and yearly means are then a few array operations, which keeps each
interaction fast. Months without a UN report stay NaN: a gap, never a zero.
The numbers equal those of :mod:`pkedu.analysis`.

>>> round(year_mean("IDN", 2019)[0])
2938
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from pkedu.data import load_contributions, load_months

#: How the UN's personnel types map onto the kinds the apps count. Troops
#: include staff officers. "police_unsplit" is the single police figure the UN
#: reported before April 2014, when formed units and individual officers were
#: not yet counted apart.
KIND_OF_TYPE: dict[str, str] = {
    "Troops": "troops", "Staff Officer": "troops", "Formed Police Units": "formed_police",
    "Individual Police": "individual_police", "Police": "police_unsplit",
    "Experts": "experts", "Experts on Mission": "experts",
}
KINDS: tuple[str, ...] = ("troops", "formed_police", "individual_police", "police_unsplit",
                          "experts")
GROUP_KINDS: dict[str, tuple[str, ...]] = {
    "all": KINDS,
    "troops": ("troops",),
    "police": ("formed_police", "individual_police", "police_unsplit"),
    "experts": ("experts",),
}
#: Kinds the UN reimburses at the standard monthly rate (GA res. 55/274).
REIMBURSED_KINDS: tuple[str, ...] = ("troops", "formed_police")


@functools.lru_cache(maxsize=1)
def calendar() -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray]:
    """Every month of the data, whether it was reported, and its year.

    >>> months, reported, years = calendar()
    >>> str(months[0].date()), int((~reported).sum()), int(years[-1])
    ('1990-11-01', 9, 2025)
    """
    cal = load_months()
    months = pd.DatetimeIndex(cal["month"])
    return months, cal["reported"].to_numpy(dtype=bool), months.year.to_numpy()


@functools.lru_cache(maxsize=1)
def _by_country() -> tuple[dict[str, int], np.ndarray]:
    """Every country's personnel per month of the calendar and kind, summed once.

    The position of each country code, and an array countries x months x kinds
    (reported months with nobody are 0; the gaps are set by :func:`monthly_array`).
    """
    c = load_contributions()
    months, _, _ = calendar()
    # A few distinct types: look each up once (Series.map over 100,000 texts is slow).
    type_of_row, types = pd.factorize(c["type"])
    unknown = [t for t in types if t not in KIND_OF_TYPE]
    if unknown:  # pragma: no cover - the data checks would fail first
        raise ValueError(f"unknown personnel type {unknown[0]!r}")
    kind = np.array([KINDS.index(KIND_OF_TYPE[t]) for t in types], dtype="int64")[type_of_row]
    country, codes = pd.factorize(c["iso3"], sort=True)
    month = months.get_indexer(c["month"])  # -1: a month outside the calendar, left out
    inside = month >= 0
    cells = (country * len(months) + month) * len(KINDS) + kind
    size = len(codes) * len(months) * len(KINDS)
    sums = np.bincount(cells[inside], weights=c["total"].to_numpy("float64")[inside],
                       minlength=size)
    return ({code: i for i, code in enumerate(codes)},
            sums.reshape(len(codes), len(months), len(KINDS)))


@functools.lru_cache(maxsize=None)
def monthly_array(iso3: str) -> np.ndarray:
    """One country's personnel per month (rows) and kind (columns, :data:`KINDS`).

    Months without a UN report are NaN; reported months with nobody are 0.

    >>> a = monthly_array("VNM")
    >>> a.shape[1], float(np.nansum(a[:, 0])) > 0
    (5, True)
    """
    months, reported, _ = calendar()
    position, sums = _by_country()
    if iso3 in position:
        rows = sums[position[iso3]].copy()
    else:
        rows = np.zeros((len(months), len(KINDS)))
    rows[~reported] = np.nan
    rows.setflags(write=False)
    return rows


def monthly_total(countries: Iterable[str], kinds: Iterable[str]) -> np.ndarray:
    """Combined personnel per month for some countries and kinds (NaN = no report).

    >>> t = monthly_total(["IDN"], GROUP_KINDS["all"])
    >>> months, _, _ = calendar()
    >>> int(t[months.get_loc(pd.Timestamp("1990-11-01"))])
    5
    """
    cols = [KINDS.index(k) for k in kinds]
    months, reported, _ = calendar()
    total = np.zeros(len(months))
    for code in countries:
        total = total + monthly_array(code)[:, cols].sum(axis=1)
    total[~reported] = np.nan
    return total


def annual_mean(values: np.ndarray) -> pd.DataFrame:
    """Yearly mean of a monthly series over its reported months (as ``pk.analysis.annual``).

    >>> a = annual_mean(monthly_total(["VNM"], ["troops"])).set_index("year")
    >>> int(a.loc[2014, "n_months"])
    8
    """
    _, _, years = calendar()
    first = int(years[0])
    index = years - first
    has = ~np.isnan(values)
    n_years = int(index[-1]) + 1
    sums = np.bincount(index[has], weights=values[has], minlength=n_years)
    counts = np.bincount(index[has], minlength=n_years)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts
    out = pd.DataFrame({"year": np.arange(first, first + n_years), "total": means,
                        "n_months": counts})
    return out[out["n_months"] > 0].reset_index(drop=True)


@functools.lru_cache(maxsize=None)
def country_yearly(iso3: str, kinds: tuple[str, ...] = KINDS) -> pd.DataFrame:
    """One country's yearly mean personnel of some kinds (cached; do not modify it).

    >>> country_yearly("BRN").set_index("year").loc[2019, "total"]
    np.float64(29.25)
    """
    return annual_mean(monthly_total([iso3], kinds))


@functools.lru_cache(maxsize=1)
def latest_full_year() -> int:
    """The last year the data cover through December.

    >>> latest_full_year()
    2024
    """
    months, _, _ = calendar()
    decembers = months[months.month == 12]
    return int(decembers[-1].year)


@functools.lru_cache(maxsize=None)
def year_mean(iso3: str, year: int, kinds: tuple[str, ...] = KINDS) -> tuple[float, int]:
    """A country's mean personnel over the reported months of one year, and how many there were.

    >>> mean, n = year_mean("BRN", 2019)
    >>> mean, n
    (29.25, 12)
    """
    table = country_yearly(iso3, kinds)
    row = table[table["year"] == year]
    if row.empty:
        return float("nan"), 0
    return float(row["total"].iloc[0]), int(row["n_months"].iloc[0])


@functools.lru_cache(maxsize=None)
def first_month(iso3: str, kinds: tuple[str, ...] = KINDS) -> pd.Timestamp | None:
    """The first month a country had any personnel of these kinds deployed (None if never).

    >>> str(first_month("KHM").date()), first_month("LAO")
    ('2005-05-01', None)
    """
    months, _, _ = calendar()
    values = monthly_total([iso3], kinds)
    active = np.flatnonzero(np.nan_to_num(values) > 0)
    return months[active[0]] if len(active) else None


def clear_cache() -> None:
    """Forget the cached series (after the data files changed)."""
    for cached in (calendar, _by_country, monthly_array, country_yearly, latest_full_year, year_mean,
                   first_month):
        cached.cache_clear()
