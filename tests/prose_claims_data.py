"""Prose claims of the data dictionary (data/README.md) and the events table (data/events.csv).

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, README, country, near, _indonesia_peak, _laos_never_deployed, _malaysia_fell, _monthly,
)


def _ipi_overlap() -> bool:
    m = data.load_months()
    both = m[(m["source"] == "un_dpo_pdf") & m["world_total_ipi"].notna()]
    differ = both[both["world_total"] != both["world_total_ipi"]]
    return bool(len(both) == 23 and list(differ["month"]) == [pd.Timestamp("2015-05-01")])


def _readme_tables() -> bool:
    m = data.load_months()
    un = m[m["source"] == "un_dpo_pdf"]
    recent_gaps = m[(m["month"] >= "2015-01-01") & ~m["reported"]]
    sizes = [len(data.load_contributions()), len(m), len(data.load_mission_contributions()),
             len(data.load_missions()), len(data.load_countries()), len(data.load_events()),
             len(data.load_reimbursement_rates())]
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    levels = idn.loc[["2014-03-01", "2014-04-01", "2014-08-01", "2015-01-01"], "total"].tolist()
    return bool(len(un) == 122 and un["reported"].all() and len(recent_gaps) == 5
                and sizes == [102442, 417, 133606, 87, 167, 53, 5]
                and levels == [1703, 1797, 1801, 1881] and (~m["reported"]).sum() == 9)


def _idn_events_note() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    return bool(near(country("IDN", 2019), 2940, 5) and idn.loc["2021-01-01", "total"] == 2825
                and _indonesia_peak())


def _readme_caveats() -> bool:
    c = data.load_contributions()
    m = data.load_months().set_index("month")
    mc = data.load_mission_contributions()
    gap = (c.groupby("month")["total"].sum() - mc.groupby("month")["total"].sum())
    gap = gap.loc["2009-11-01":"2012-12-01"]
    odd = mc[mc["male"].notna() & (mc["male"] + mc["female"] != mc["total"])]
    egypt = mc[(mc["month"] == "2011-08-01") & (mc["iso3"] == "EGY") & (mc["mission"] == "UNMISS")
               & (mc["group"] == "troops")].iloc[0]
    return bool(c[c["type"] == "Staff Officer"]["month"].min() == pd.Timestamp("2017-05-01")
                and gap.min() == 75 and gap.max() == 150
                and len(odd) == 17 and set(odd["iso3"]) == {"EGY", "ETH"}
                and odd["month"].max() == pd.Timestamp("2011-09-01")
                and (egypt["male"], egypt["female"], egypt["total"]) == (9, 0, 1506)
                and m.loc["1991-03-01", "n_countries"] == 37
                and m.loc["1991-03-01", "world_total"] == m.loc["1991-03-01", "world_total_ipi"]
                and m.loc["1991-02-01", "n_countries"] == m.loc["1991-04-01", "n_countries"] == 46)


_NO_REPORT = ["2014-09", "2014-10", "2014-11", "2014-12", "2015-03", "2016-03", "2017-03", "2020-06", "2022-07"]


def _rows(loader: Callable[[], pd.DataFrame], n: int) -> Callable[[], bool]:
    return lambda: len(loader()) == n


def _no_report_months() -> bool:
    m = data.load_months()
    return bool(list(m.loc[~m["reported"], "month"].dt.strftime("%Y-%m")) == _NO_REPORT)


def _mission_detail_gaps() -> bool:
    have = set(data.load_mission_contributions()["month"])
    reported = set(data.load_months().loc[lambda m: m["reported"], "month"])
    missing = sorted(m.strftime("%Y-%m") for m in reported - have if m >= pd.Timestamp("2009-11-01"))
    expected = [m.strftime("%Y-%m") for m in pd.date_range("2018-03-01", "2019-08-01", freq="MS")] + ["2023-09"]
    return bool(min(have) == pd.Timestamp("2009-11-01") and missing == expected)


def _breaks_continuous() -> bool:
    idn = _monthly("IDN")
    return bool([idn[m] for m in ("2014-03-01", "2014-04-01", "2014-08-01", "2015-01-01")]
                == [1703, 1797, 1801, 1881])


def _march_1991_readme() -> bool:
    m = data.load_months().set_index("month")["n_countries"]
    c = data.load_contributions()
    asean_in = {k: set(c[(c["month"] == k) & c["iso3"].isin(data.ASEAN10)]["iso3"])
                for k in ("1991-02-01", "1991-03-01", "1991-04-01")}
    return bool(m["1991-03-01"] == 37 and m["1991-02-01"] == 46 and m["1991-04-01"] == 46
                and not asean_in["1991-03-01"] and {"IDN", "MYS"} <= asean_in["1991-02-01"] & asean_in["1991-04-01"])


def _staff_officers_from_2017_05() -> bool:
    c = data.load_contributions()
    return bool(c.loc[c["type"] == "Staff Officer", "month"].min() == pd.Timestamp("2017-05-01"))


CLAIMS = [
    Claim("phl-2011-2019-events", ("data/events.csv",),
          "about 894 in 2011 to 30 in 2019", _malaysia_fell),
    Claim("ipi-overlap", (README,),
          "In 22 of the 23 months that overlap IPI's series", _ipi_overlap),
    Claim("readme-122-reports", (README,),
          "read number by number: 122 monthly reports", _readme_tables),
    Claim("readme-caveats", (README,),
          "sums to 75-150 people a month (about 0.1 %) less than the country totals",
          _readme_caveats),
    Claim("idn-pledge-events", ("data/events.csv",),
          "about 2,940 on average in 2019, 3,545 in its highest month, November 2018, and 2,825",
          _idn_events_note),
    Claim("rows-contributions-readme", (README,), "| `contributions.csv.gz` | 102,442 |",
          _rows(data.load_contributions, 102442)),
Claim("rows-months-readme", (README,), "| `months.csv` | 417 |", _rows(data.load_months, 417)),
    Claim("rows-missions-contrib-readme", (README,), "| `mission_contributions.csv.gz` | 133,606 |",
          _rows(data.load_mission_contributions, 133606)),
Claim("rows-missions-readme", (README,), "| `missions.csv` | 87 |", _rows(data.load_missions, 87)),
Claim("rows-countries-readme", (README,), "| `countries.csv` | 167 |", _rows(data.load_countries, 167)),
Claim("rows-events-readme", (README,), "| `events.csv` | 53 |", _rows(data.load_events, 53)),
    Claim("rows-rates-readme", (README,), "| `reimbursement_rates.csv` | 5 |",
          _rows(data.load_reimbursement_rates, 5)),
    Claim("span-readme", (README,), "in one month, 1990-11 to 2025-07 | build_data |",
          lambda: data.load_contributions()["month"].agg(["min", "max"]).tolist()
          == [pd.Timestamp("1990-11-01"), pd.Timestamp("2025-07-01")]),
    Claim("no-report-readme", (README,),
          "* **Nine months have no report**: 2014-09, 2014-10, 2014-11, 2014-12, 2015-03, 2016-03, 2017-03, "
          "2020-06 and\n  2022-07.", _no_report_months),
    Claim("mission-detail-readme", (README,),
          "* **Mission detail** starts in 2009-11 and is missing for 2018-03 to 2019-08 and 2023-09",
          _mission_detail_gaps),
    Claim("breaks-readme", (README,),
          "example Indonesia: 1,703 in 2014-03, 1,797 in 2014-04, 1,801 in 2014-08, 1,881 in 2015-01)",
          _breaks_continuous),
    Claim("march-1991-readme", (README,),
          "IPI lists 37 contributing countries that month against 46 in the months\n  before and after, and no ASEAN "
          "state (Indonesia and Malaysia are there in 1991-02 and 1991-04).", _march_1991_readme),
    Claim("staff-officers-readme", (README,),
          "* **Staff officers** are reported separately only from 2017-05", _staff_officers_from_2017_05),
Claim("laos-readme", (README,), "* **Laos** never appears", _laos_never_deployed),
]
