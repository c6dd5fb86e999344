"""The apps' personnel series (pkedu.apps._series) against a plain pandas computation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pkedu import data
from pkedu.apps import _series


def reference(iso3: str) -> np.ndarray:
    """One country's personnel per month and kind, by pivot_table (months without a report NaN)."""
    c = data.load_contributions()
    months, reported, _ = _series.calendar()
    kind = c["type"].map(_series.KIND_OF_TYPE)
    table = (c[c["iso3"] == iso3].assign(kind=kind)
             .pivot_table(index="month", columns="kind", values="total", aggfunc="sum",
                          fill_value=0)
             .reindex(index=months, columns=list(_series.KINDS), fill_value=0)
             .astype("float64").to_numpy(copy=True))
    table[~reported] = np.nan
    return table


def test_every_countrys_monthly_array_equals_the_pivot_table() -> None:
    _series.clear_cache()
    codes = sorted(set(data.load_contributions()["iso3"]))
    assert len(codes) > 100
    for code in codes:
        np.testing.assert_array_equal(_series.monthly_array(code), reference(code), err_msg=code)


def test_a_country_that_never_contributed_is_zero_in_reported_months() -> None:
    months, reported, _ = _series.calendar()
    lao = _series.monthly_array("LAO")
    assert lao.shape == (len(months), len(_series.KINDS))
    assert (lao[reported] == 0).all() and np.isnan(lao[~reported]).all()
    assert not lao.flags.writeable


def test_the_sums_match_the_analysis_module() -> None:
    from pkedu import analysis

    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    mine = _series.monthly_total(data.ASEAN10, _series.KINDS)
    pd.testing.assert_series_equal(pd.Series(mine, name="total"), totals["total"])
