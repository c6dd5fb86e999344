"""Prose claims of notebook 07 (capstone fact-check): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP04, LP07, NB07, Q07, asean, country, near, _cambodia_first_unit, _force_proposal_years,
    _indonesia_months_at_3000, _indonesia_peak, _indonesia_usually_2600_3000, _laos_last_dialogue_dot,
    _laos_never_deployed, _malaysia_fell, _monthly, _myanmar_2015_2019, _phl_haiti, _singapore_after_may_2013,
    _starts_01,
)


def _unifil_2025() -> bool:
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2025-07")
    missions = serve.groupby("mission")["total"].sum().sort_values(ascending=False)
    return bool(missions.index[0] == "UNIFIL" and near(missions.iloc[0], 2300, 50))


def _late_joiners_gap() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10).dropna()
    years = sorted(first["first_month"].dt.year)
    return bool(years[:6][-1] == 1993 and years[6] == 2005 and len(years) == 9)


def _indonesia_pledge_2019() -> bool:
    return bool(near(country("IDN", 2019), 2940, 5) and round(country("IDN", 2019) / 40) == 73)


def _idn_plateau_since_april_2015() -> bool:
    idn = _monthly("IDN").dropna()
    after = idn["2015-04-01":]
    return bool(idn["2014"].max() < 2000 and 2700 <= after.median() <= 2900
                and after.quantile(0.1) > 2600 and after.quantile(0.9) < 3100
                and after.between(2700, 2900).mean() > 0.6)


def _force_proposals_1995_2016() -> list[int]:
    e = data.load_events()
    proposals = e[e["category"] == "force_proposal"]
    years = sorted(int(str(d)[:4]) for d in proposals["date"])
    return [y for y in years if 1995 <= y <= 2016]


CLAIMS = [
    Claim("lasting-rise-indonesia", (NB07,),
          "the lasting rise came in 2015, mainly from",
          lambda: country("IDN", 2015) - country("IDN", 2014) > asean(2015) - asean(2014)),
    Claim("phl-haiti", (NB07,),
          "about 137 troops \"\n            \"stayed in Haiti until 2017", _phl_haiti),
    Claim("worked-example-grown", (NB07,),
          "about 3,450 ASEAN personnel in 2009 and 4,570 in 2018, a third",
          lambda: near(asean(2009), 3450, 10) and near(asean(2018), 4570, 10)
          and near(asean(2018) / asean(2009), 4 / 3, 0.02)),
    Claim("brief-grew-to-5000", (NB07,),
          "ASEAN's contribution grew from about 3,450 personnel a year in 2009 to about 5,000 in 2019",
          lambda: near(asean(2019), 5000, 20) and near(asean(2009), 3450, 10)
          and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))),
    Claim("brief-unifil-2025", (NB07,),
          "where about 2,300 ASEAN peacekeepers served in July 2025", _unifil_2025),
    Claim("phl-decline", (NB07,),
          "Philippines falls from about 1,000 in 2010 to fewer than 50 a year from 2018",
          lambda: near(country("PHL", 2010), 1000, 30) and near(country("PHL", 2011), 894, 1)
          and all(country("PHL", y) < 50 for y in range(2018, 2026))),
    Claim("malaysia-fell", (NB07,),
          "average fell too, from about 1,128 in 2011 to 845 in 2019",
          lambda: near(country("MYS", 2011), 1128, 1) and near(country("MYS", 2019), 845, 1)),
    Claim("late-joiners-gap", (NB07,),
          "After 1993 there is a twelve-year gap", _late_joiners_gap),
    Claim("myanmar-2015-2019", (NB07,),
          "never more than four, and none after mid-2019", _myanmar_2015_2019),
    Claim("indonesia-pledge-2019", (NB07,),
          "(73% of it) on average in 2019, 3,000 or more in only 5 months of 2015-2019",
          lambda: _indonesia_pledge_2019() and _indonesia_peak()),
    Claim("proposals-four-in-brief", (NB07,),
          "Region-wide force proposals in about 1995, 2004, 2015 and 2021",
          lambda: _force_proposal_years() == [1995, 2004, 2015, 2021]),
    Claim("indonesia-months-3000", (NB07,
                                    LP07),
          "3,000 or more in only 5 months of 2015-2019", _indonesia_months_at_3000),
    Claim("indonesia-months-explanation", (Q07,),
          "Only five, all between November 2018 and March 2019", _indonesia_months_at_3000),
    Claim("indonesia-usually-2600-3000", (Q07,),
          "between 2,600 and 3,000 in the field", _indonesia_usually_2600_3000),
    Claim("cambodia-first-unit", (NB07,),
          "when the UN \"\n            \"data first show more than 100 Cambodians", _cambodia_first_unit),
    Claim("singapore-none-after-may-2013", (NB07,
                                            LP04),
          "May 2013", _singapore_after_may_2013),
    Claim("brief-close-to-5000", (NB07,),
          "close to 5,000 UN peacekeepers a year from 2019 to 2025",
          lambda: all(4750 <= asean(y) <= 5050 for y in range(2019, 2026))),
    Claim("brief-indonesia-half", (NB07,),
          "Indonesia alone has provided more than half of it in every",
          lambda: all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))
          and country("IDN", 2014) < asean(2014) / 2),
    Claim("climbs-steeply-07", (NB07,),
          "the line climbs steeply from 2005 to 2011, dips in 2013-2014 and comes back to about\n5,000 by 2019.",
          lambda: asean(2011) > 5 * asean(2005) and all(asean(y) < 4000 for y in (2013, 2014))
          and near(asean(2019), 5000, 50)),
    Claim("late-joiners-07", (NB07,),
          "After 1993 there is a twelve-year gap, then three late\njoiners: Cambodia, Vietnam and Myanmar. "
          "Laos has no dot at all.", lambda: _late_joiners_gap() and _starts_01() and _laos_never_deployed()),
    Claim("mys-850-1200-07", (NB07,),
          "Indonesia rises to nearly 3,000 and Malaysia stays between about 850 and 1,200 after 2009",
          lambda: all(2600 <= country("IDN", y) < 3000 for y in range(2015, 2026))
          and all(840 <= country("MYS", y) <= 1200 for y in range(2010, 2026))),
    Claim("touches-3500-07", (NB07,),
          "It climbs to mostly 2,700-2,900 from 2015 and touches\nabout 3,500 only once, in November 2018.",
          lambda: _indonesia_peak() and _idn_plateau_since_april_2015()
          and int((_monthly("IDN") > 3100).sum()) == 1),
    Claim("proposals-07", (NB07,),
          "the force proposals (top row) come in 1995, 2004 and 2015, none in 2011.",
          lambda: _force_proposals_1995_2016() == [1995, 2004, 2015]),
    Claim("phl-3-per-cent-07", (NB07,),
          "about 3% of its 2011 level in 2019; Malaysia fell too (1,128 to 845)",
          lambda: near(country("PHL", 2019) / country("PHL", 2011), 0.03, 0.006) and _malaysia_fell()),
    Claim("laos-row-07", (NB07,),
          "never in the data; asked Vietnam for help in 2025",
          lambda: _laos_never_deployed() and _laos_last_dialogue_dot()),
    Claim("phl-900-07", (NB07,),
          "The Philippines fell from about 900 personnel in 2011 to about 30 in 2019, and Laos\n  has never deployed.",
          lambda: _malaysia_fell() and _laos_never_deployed()),
]
