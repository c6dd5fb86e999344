"""The money chart: the UN's reimbursement rate per uniformed person over time.

:func:`reimbursement_rates` only. The interactive calculator built on the same
table is :mod:`pkedu.apps.reimbursement`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from pkedu import theme
from pkedu.charts._common import (
    SOURCE_RATES, _and, _builder, _finish, _inline, _mon, _num, _pct, _table, _title,
)
from pkedu.data import load_months


@_builder
def reimbursement_rates(rates: pd.DataFrame, title: str | None = None) -> alt.LayerChart:
    """The UN's monthly payment per uniformed person, as steps over time.

    Dashed steps and hollow dots are approximate figures.

    >>> import pkedu as pk
    >>> chart = reimbursement_rates(pk.data.load_reimbursement_rates())
    >>> pk.charts.describe(chart).split(". ")[1]
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
