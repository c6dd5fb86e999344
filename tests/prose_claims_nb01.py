"""Prose claims of notebook 01 (convergence): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP01, NB01, Q01, country, members_count, near, yearly, _broadened_table, _first_month,
    _first_months_01, _group_mean, _laos_never_deployed, _malaysia_fell, _malaysia_unifil_2019, _march_1991_hole,
    _members_until_2006, _monthly, _myanmar_handful, _newcomers_01, _phl_troops_01, _singapore_2013, _starts_01,
)


def _malaysia_groups() -> bool:
    troops = all(780 <= _group_mean("MYS", "troops", y) <= 860 for y in (2011, 2019))
    police = (all(230 <= _group_mean("MYS", "police", y) <= 270 for y in range(2008, 2013))
              and all(_group_mean("MYS", "police", y) <= 40 for y in range(2013, 2026)
                      if y not in (2020, 2021)))
    return bool(troops and police)


def _count_steps_01_first_months() -> bool:
    n = members_count().set_index("month")["contributors"]
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP").set_index("month")
    break_ = sgp.loc["2004-06-01":"2006-08-01", "total"]
    return bool(n["1990-11-01":"1991-02-01"].eq(2).all() and n["2006-09-01"] == 6
                and n["2008-10-01"] == 7 and n["2015-08-01"] == 8 and n["2015-07-01"] == 7
                and n["2019-07-01":].dropna().eq(7).all() and break_.sum() == 0)


def _thai_and_brunei_early() -> bool:
    tha = analysis.monthly_totals(data.load_contributions(), countries="THA").set_index("month")
    c = data.load_contributions()
    brn = c[(c["iso3"] == "BRN") & (c["month"].dt.year == 1993)]
    by = brn.pivot_table(index="month", columns="group", values="total", aggfunc="sum")
    return bool(tha.loc["1990-11-01":"1991-03-01", "total"].sum() == 0
                and tha.loc["1991-04-01", "total"] == 7 and tha.loc["1992-02-01", "total"] > 700
                and len(by) == 9 and by["experts"].eq(3).all() and by["police"].eq(12).sum() >= 5
                and by["troops"].dropna().index.tolist() == [pd.Timestamp("1993-01-01")])


def _vietnam_july_2014() -> bool:
    vnm = analysis.monthly_totals(data.load_contributions(), countries="VNM").set_index("month")
    return bool(vnm.loc["2014-07-01", "total"] == 2 and vnm.loc["2014-08-01", "total"] == 0
                and vnm.loc["2015-01-01", "total"] == 2)


def _indonesia_band_01() -> bool:
    """Indonesia's yearly averages from 2016 on: lowest about 2,650 (2022), highest about 2,940 (2019)."""
    years = [country("IDN", y) for y in range(2016, 2026)]
    return bool(near(min(years), 2650, 10) and near(max(years), 2940, 10) and country("IDN", 2015) < min(years))


def _shapes_01() -> bool:
    idn = _indonesia_band_01()
    mys = yearly(("MYS",))
    phl = yearly(("PHL",))
    sgp = _monthly("SGP")
    return bool(idn and int(mys.idxmax()) == 1994 and near(mys.max(), 2700, 50)
                and int(phl.idxmax()) == 2010 and sgp["2013-07-01":].sum() == 0 and sgp["2013"].sum() > 0
                and _myanmar_handful() and _laos_never_deployed())


def _sizes_01() -> bool:
    start = _first_month("KHM").year
    return bool(max(country("KHM", y) for y in range(start, start + 11)) > 800
                and all(country("VNM", y) < 100 for y in range(2014, 2022))
                and all(country("VNM", y) > 250 for y in range(2023, 2026))
                and all(near(country("BRN", y), 30, 4) for y in range(2012, 2026)) and _myanmar_handful())


def _count_steps_01() -> bool:
    n = members_count().set_index("month")["contributors"].dropna()
    sgp = _monthly("SGP").fillna(0)
    sgp_gap = sgp["2004-01-01":"2006-08-01"]
    return bool(n["1991-04-01":"2005-12-01"].drop(pd.date_range("1993-01-01", "1993-09-01", freq="MS"),
                                                   errors="ignore").between(4, 5).all()
                and n["1993-01-01":"1993-09-01"].eq(6).all() and (_monthly("BRN")["1993-01-01":"1993-09-01"] > 0).all()
                and n["1993-01-01":"2013-12-01"].max() <= 7 and n["2006-09-01"] == 6 and (sgp_gap == 0).sum() >= 20
                and n["2008-10-01"] == 7 and n["2015-08-01"] == 8 and n.max() == 8
                and (n["2019-07-01":] == 7).all() and n["1991-03-01"] == 0)


def _quarter_less() -> bool:
    return bool(_malaysia_fell() and near(1 - country("MYS", 2019) / country("MYS", 2011), 0.25, 0.01))


def _seven_to_eight() -> bool:
    n = members_count().set_index("month")["contributors"]
    return bool(n["2008-10-01"] == 7 and n["2019-06-01"] == 8 and _count_steps_01())


CLAIMS = [
    Claim("malaysia-since-2013", (NB01,),
          "has stayed at roughly 840 to 950 a\nyear since 2013",
          lambda: all(840 <= country("MYS", y) <= 950 for y in range(2013, 2026))),
    Claim("myanmar-handful", ("data/events.csv", NB01),
          "never more than four", _myanmar_handful),
    Claim("broadened-evidence", (NB01,),
          "| UN missions with its personnel, December 2011 → December 2019 | 6 → 9 | 7 → 6 | 8 → 5 |",
          _broadened_table),
    Claim("malaysia-groups", (NB01,),
          "about 250 a year from 2008 to 2012, a few dozen at most since 2013", _malaysia_groups),
Claim("singapore-2013", (NB01,), "at most two in 2013", _singapore_2013),
    Claim("six-in-1993", (NB01,),
          "(6 for a few\nmonths in 1993, when Brunei had people deployed)", _members_until_2006),
    Claim("malaysia-2011-2019", (NB01, LP01),
          "1,128", _malaysia_fell),
    Claim("first-months-01", (NB01,),
          "Within one state the groups often start years apart: Vietnam's first police "
          "arrived eight years",
          _first_months_01),
    Claim("count-steps-01", (NB01,),
          "from 2 in the first months of the data (Indonesia and\nMalaysia)", _count_steps_01_first_months),
    Claim("newcomers-01", (NB01,),
          "Vietnam stayed below 100 until 2021 and has averaged more than 250 a year since 2023",
          _newcomers_01),
    Claim("phl-troops-01", (NB01,),
          "in 2015 they fall\nby three quarters, and by 2018 they are gone", _phl_troops_01),
    Claim("thai-brunei-early-01", (NB01,),
          "seven from April 1991, and over 700 from February 1992", _thai_and_brunei_early),
    Claim("vietnam-july-2014", (NB01,),
          "two experts in July 2014 (none in August", _vietnam_july_2014),
    Claim("shapes-01", (NB01,),
          "Indonesia climbs to\nbetween about 2,650 and 2,940 a year from 2016; Malaysia peaked in 1994 (about 2,700)",
          _shapes_01),
    Claim("shapes-01b", (NB01,),
          "the Philippines peaked in 2010 and then collapsed; Singapore's line falls to zero in 2013;\n"
          "Cambodia, Vietnam and Myanmar start late; Myanmar never passes a handful", _shapes_01),
    Claim("starts-01", (NB01,),
          "Six states start between 1990 and 1993, then there is a\ntwelve-year gap until Cambodia, and a second, "
          "later group: Cambodia (2005), Vietnam (2014), Myanmar (2015).\nWithin one state the groups often start "
          "years apart: Vietnam's first police arrived eight years after its\nfirst officers.", _starts_01),
    Claim("sizes-01", (NB01,),
          "Cambodia grew to over 800 within ten years of its\nstart; Vietnam stayed below 100 until 2021 and has "
          "averaged more than 250 a year since 2023; Brunei has held\nsteady at about 30 since 2012; Myanmar never "
          "had more than four people deployed, and nobody after June 2019.", _sizes_01),
    Claim("count-steps-01", (NB01,),
          "to 4 or 5 through the 1990s and early 2000s (6 for a few\nmonths in 1993, "
          "when Brunei had people deployed) to 6 in 2006\n(Cambodia had joined, and Singapore came back after a "
          "two-year break), 7 in late 2008 (Brunei) and 8 in\nAugust 2015 (Vietnam, then Myanmar). It never reaches "
          "ten, and it falls as well as rises:\nSingapore drops out in 2012–13 and Myanmar in 2019, so since then "
          "the count has been 7.", _count_steps_01),
    Claim("march-1991-01", (NB01,),
          "March 1991 is a hole in the record, not a real withdrawal: the IPI file for that month lists only 37\n"
          "countries instead of 46 the month before", _march_1991_hole),
    Claim("brunei-fifteen-years-q01", (Q01,), "there are fifteen years of zeros in between",
          lambda: _monthly("BRN").fillna(0)["1993-10-01":"2008-09-01"].sum() == 0
          and _monthly("BRN")["1993-09-01"] > 0 and _monthly("BRN")["2008-10-01"] > 0),
    Claim("seven-since-2019-q01", (Q01,), "Seven is the count since mid-2019",
          _count_steps_01),
    Claim("firsts-in-data-q01", (Q01,), "Thailand appears a few months later, in 1991.",
          lambda: _first_month("THA") == pd.Timestamp("1991-04-01") and _first_month("SGP").year == 1991
          and _first_month("PHL").year == 1992),
    Claim("singapore-first-1991-q01", (Q01,),
          "Singapore's first personnel in the data come in 1991.", lambda: _first_month("SGP").year == 1991),
    Claim("philippines-first-1992-q01", (Q01,),
          "The Philippines' first personnel in the data come in 1992.", lambda: _first_month("PHL").year == 1992),
    Claim("singapore-2012-q01", (Q01,),
          "In 2012 Singapore still had a dozen people in UN missions for most of the year",
          lambda: (_monthly("SGP")["2012"] == 12).sum() >= 8 and _singapore_2013()),
    Claim("seven-to-eight-01", (NB01,),
          "Between 2008 and 2019 it went from 7 to 8, but the members changed:\nSingapore left, Vietnam and "
          "Myanmar arrived.", _seven_to_eight),
    Claim("quarter-less-01", (NB01,),
          "Malaysia's yearly average fell from about 1,128 in 2011 to about 845 in 2019, a quarter less.",
          _quarter_less),
    Claim("troops-800-01", (NB01,),
          "Malaysia's troops held steady at about 790 to 890 a year from 2010 (most of them its battalion in\nLebanon)",
          lambda: _malaysia_groups() and _malaysia_unifil_2019() > 0.5 * _group_mean("MYS", "troops", 2019)
          and all(785 <= _group_mean("MYS", "troops", y) <= 895 for y in range(2010, 2026))
          and round(min(_group_mean("MYS", "troops", y) for y in range(2010, 2026)), -1) == 790),
    Claim("phl-left-01", (NB01,), "What is left is fewer than 50 police and observers (and, in most months from "
          "2020, one staff officer)",
          lambda: all(country("PHL", y) < 50 for y in range(2018, 2026))
          and all(_group_mean("PHL", "troops", y) <= 1 for y in range(2018, 2026))
          and _group_mean("PHL", "troops", 2020) > 0.5),
    Claim("table-people-01", (NB01,),
          "| People deployed, yearly average, 2011 → 2019 | about 1,790 → 2,940 | about 1,130 → 845 | about 890 → 30 |",
          _broadened_table),
    Claim("table-groups-01", (NB01,),
          "| Personnel groups, 2011 → 2019 | troops, police, experts → the same three | troops, police, experts → "
          "troops and experts (2 police) |", _broadened_table),
    Claim("table-women-01", (NB01,),
          "| Women deployed, average a month, 2015 → 2019 | about 30 → 113 | about 16 → 38 | about 12 → 16 |",
          _broadened_table),
    Claim("broadened-model-01", (NB01,),
          "Indonesia broadened (from 6 to 9 missions, all three personnel groups, and many more\npeople). Malaysia "
          "did not: one mission fewer, its police almost gone, and a quarter fewer people; only its\nnumber of "
          "women rose, from about 16 to about 38, which is real but small. The Philippines shrank on every\nUN "
          "measure (from about 890 people to 30, from 8 missions to 5, troops gone)",
          lambda: _broadened_table() and _quarter_less()),
    Claim("partly-model-01", (NB01,),
          "Singapore left in 2013, the Philippines fell from about\n890 a year in 2011 to about 30 in 2019, Malaysia "
          "fell by a quarter, Myanmar's return was tiny and brief, and\nLaos never started.",
          lambda: _singapore_2013() and _malaysia_fell() and _quarter_less() and _myanmar_handful()),
    Claim("summary-count-01", (NB01,),
          "rose from 4 or 5 in most\n  of the 1990s to 8, with\n  Cambodia (2005–06), Brunei (2008), Vietnam (2014) "
          "and Myanmar (2015) joining.", lambda: _count_steps_01() and _starts_01()),
    Claim("summary-ten-01", (NB01,),
          "It never reached ten: Laos has never contributed, and Singapore stopped in 2013. Since Myanmar left in 2019\n"
          "  the count has been 7.", lambda: _count_steps_01() and _singapore_2013()),
    Claim("summary-size-01", (NB01,),
          "Indonesia grew to between about 2,650 and 2,940 a year from 2016, Malaysia fell by a quarter\n"
          "  (about 1,128 a year in 2011, 845 in 2019)",
          lambda: _shapes_01() and _quarter_less()),
]
