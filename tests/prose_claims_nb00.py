"""Prose claims of notebook 00 (start here): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP00, NB00, Q00, asean, country, near, _c, _first_month, _gender_split_starts, _late_2014_gap,
    _month_by_state, _monthly, _spread_jan_2014, _vietnam_2014,
)


def _diplomat_jan_2014() -> bool:
    said = {"BRN": 26, "KHM": 342, "IDN": 1697, "MYS": 909, "PHL": 703, "THA": 33}
    return bool(_month_by_state("2014-01") == said)


def _diplomat_plan_details() -> bool:
    jan, feb = _month_by_state("2014-01"), _month_by_state("2014-02")
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP")
    sgp = sgp.set_index("month")["total"]
    return bool(sum(jan.values()) == 3710 and jan["BRN"] + jan["THA"] < 60 and feb["KHM"] == 419
                and sgp["2013-01-01":"2013-12-01"].max() == 2 and sgp["2013-06-01":].sum() == 0)


def _waves_1993_2001() -> bool:
    return bool(near(asean(1993), 3950, 60) and asean(1993) < 4000
                and all(near(asean(y), 1870, 50) for y in (2000, 2001))
                and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026)))


def _phl_gap_2014() -> bool:
    phl = analysis.monthly_totals(data.load_contributions(), countries="PHL")
    phl = phl.set_index("month")["total"]
    gap = phl["2014-09-01":"2014-12-01"]
    return bool(near(phl["2014-08-01"], 670, 5) and phl["2015-01-01"] < 200 and len(gap) == 4
                and gap.isna().all())


def _sources_by_period() -> bool:
    """IPI's files from November 1990 to 2014, the UN's own reports from January 2015 to July 2025."""
    m = data.load_months()
    span = m.groupby("source")["month"].agg(["min", "max"])
    ipi = m[m["source"].str.startswith("ipi")]
    return bool(ipi["month"].min() == pd.Timestamp("1990-11-01") and ipi["month"].max().year == 2014
                and span.loc["un_dpo_pdf", "min"] == pd.Timestamp("2015-01-01")
                and span.loc["un_dpo_pdf", "max"] == pd.Timestamp("2025-07-01"))


def _waves() -> bool:
    return bool(near(asean(1993), 3900, 100) and near(asean(2000), 1900, 100) and near(asean(2001), 1900, 50)
                and asean(2005) < 1000 and near(asean(2011), 4900, 50)
                and all(asean(y) < 4000 for y in (2013, 2014))
                and all(4550 <= asean(y) <= 5050 for y in range(2015, 2026))
                and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026)))


def _only_laos_never() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10)
    never = set(first.loc[first["first_month"].isna(), "iso3"])
    return bool(never == {"LAO"})


def _phl_gaps_2012_2016() -> bool:
    m = data.load_months().set_index("month")
    return bool((~m.loc["2012-01-01":"2016-12-01", "reported"]).sum() >= 4)


def _dec_2019_asean() -> pd.DataFrame:
    r = analysis.ranking(_c(), "2019-12", countries=data.ASEAN10)
    return r.set_index("iso3")


CLAIMS = [
    Claim("asean-waves", (NB00,),
          "a climb from 2005 to about 4,900 in 2011, a dip below 4,000 in",
          lambda: near(asean(2011), 4900, 50) and all(asean(y) < 4000 for y in (2013, 2014))
          and all(4550 <= asean(y) <= 5050 for y in range(2015, 2026))),
    Claim("diplomat-jan-2014", (NB00,),
          "Brunei 26, Cambodia 342, Indonesia 1,697, Malaysia 909, the Philippines 703 and"
          "\nThailand 33",
          _diplomat_jan_2014),
    Claim("diplomat-plan", (LP00,),
          "The six numbers add up to 3,710", _diplomat_plan_details),
    Claim("asean-waves-1993", (NB00,),
          "almost 4,000 people in 1993, a second, smaller wave of"
          "\nabout 1,900 around 2000 and 2001",
          _waves_1993_2001),
    Claim("phl-gap-2014", (NB00,),
          "the Philippines had about 670 people deployed in August 2014 and under 200 in "
          "January\n2015",
          _phl_gap_2014),
    Claim("gender-split-00", (NB00,),
          "only in April 2014 (the\ncourse's table by mission has the split from November 2009)",
          _gender_split_starts),
    Claim("waves-00", (NB00,),
          "ASEAN's total comes in waves: almost 4,000 people in 1993, a second, smaller wave of\n"
          "about 1,900 around 2000 and 2001, then a climb from 2005 to about 4,900 in 2011, a dip below 4,000 in\n"
          "2013-2014, and about 4,600 to 5,000 a year since 2015, with Indonesia (the large red-orange band) "
          "providing more than half of it since 2015.", _waves),
    Claim("sources-by-period-00", (NB00,),
          "**2015 to July 2025** were read from the UN's monthly reports themselves.", _sources_by_period),
    Claim("ipi-until-2014-00", (NB00,),
          "(through the IPI database for 1990–2014)", _sources_by_period),
    Claim("gender-split-00", (NB00,),
          "separately only in April 2014 (the\ncourse's table by mission has the split from November 2009)",
          _gender_split_starts),
    Claim("only-laos-never-00", (NB00,),
          "In the decade before 2019, the ten ASEAN states' policies on peacekeeping grew alike:\n"
          "   one after another they began to send personnel to UN missions, until only Laos had never taken part.",
          _only_laos_never),
    Claim("phl-gaps-00", (NB00,),
          "the Philippines, month by month, from 2012 to 2016", _phl_gaps_2012_2016),
    Claim("vietnam-2014-00", (NB00,),
          "The UN figures support 2014: Vietnam's line leaves zero in 2014 and shows nothing in\n2012", _vietnam_2014),
    Claim("myanmar-2015-q00", (Q00,), "Myanmar appears in the data from 2015",
          lambda: _first_month("MMR").year == 2015),
    Claim("no-report-sep-2014-q00", (Q00,), "The course has no UN report for September 2014",
          _late_2014_gap),
    Claim("four-in-late-2014-q00", (Q00,), "Four of them fall in late 2014",
          _late_2014_gap),
    Claim("four-only-late-2014-q00", (Q00,), "Four is only the gap of late 2014",
          _late_2014_gap),
    Claim("start-1990-q00", (Q00,), "The monthly figures start in November 1990",
          lambda: data.load_months()["month"].min() == pd.Timestamp("1990-11-01")),
    Claim("idn-half-dec-2019-q00", (Q00,),
          "Indonesia alone provided well over half of that number.",
          lambda: _dec_2019_asean().loc["IDN", "total"] > 0.55 * _dec_2019_asean()["total"].sum()),
    Claim("vietnam-two-officers-q00", (Q00,), "Vietnam's first two officers appear in 2014",
          lambda: _first_month("VNM") == pd.Timestamp("2014-07-01") and _monthly("VNM")["2014-07-01"] == 2),
    Claim("spread-lp00", (LP00,),
          "The six numbers add up to 3,710, and Indonesia alone has 1,697 of them; Brunei and\n  Thailand together have "
          "fewer than 60.", _spread_jan_2014),
]
