"""Prose claims of notebook 05 (subregional options): its text and question module.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, NB05, Q05, asean, country, near, _brunei_1993, _indonesia_peak, _malaysia_unifil_2019,
)


def _cambodia_dec_2019() -> bool:
    """772 people, 27th of 118 contributors, third in ASEAN; seven missions, the largest under 300."""
    c = data.load_contributions()
    world = analysis.ranking(c, "2019-12")
    khm = world.set_index("iso3").loc["KHM"]
    asean = analysis.ranking(c, "2019-12", countries=data.ASEAN10)
    where = analysis.where_they_serve(data.load_mission_contributions(), ["KHM"], "2019-12")
    return bool(khm["total"] == 772 and khm["rank"] == 27 and len(world) == 118
                and list(asean["iso3"]).index("KHM") == 2
                and len(where) == 7 and 250 <= where["total"].max() < 300)


def _indonesia_2019_pledge_share() -> float:
    return country("IDN", 2019) / 4000


def _brunei_unifil_share() -> float:
    where = analysis.where_they_serve(data.load_mission_contributions(), ["BRN", "MYS"], "2019-12")
    unifil = where[where["mission"] == "UNIFIL"].set_index("iso3")["total"]
    return float(unifil["BRN"] / unifil.sum())


def _reimbursement_2018() -> float:
    rates = data.load_reimbursement_rates().set_index("effective_from")["rate_usd"]
    return float(rates[pd.Timestamp("2018-07-01")] if pd.Timestamp("2018-07-01") in rates.index
                 else rates["2018-07-01"])


CLAIMS = [
    Claim("indonesia-2015-rise", (NB05,),
          "Indonesia's yearly average rose by almost 900 in 2015, then stayed between 2,600 and\n3,000",
          lambda: 850 < country("IDN", 2015) - country("IDN", 2014) < 900
          and all(2600 <= country("IDN", y) <= 3000 for y in range(2015, 2026))),
    Claim("indonesia-peak", (NB05,),
          "(one month at 3,545, in November 2018; about 2,940 on",
          lambda: _indonesia_peak() and near(country("IDN", 2019), 2940, 5)),
    Claim("cambodia-dec-2019", (NB05,),
          "had 772 people deployed in December 2019, 27th of the 118 countries", _cambodia_dec_2019),
    Claim("cambodia-seven-missions", (NB05,),
          "over seven missions, the largest group under 300", _cambodia_dec_2019),
    Claim("cambodia-rank-explanation", (Q05,),
          "27th of the 118 countries", _cambodia_dec_2019),
    Claim("indonesia-three-quarters", (NB05,
                                       Q05),
          "three quarters of", lambda: 0.70 <= _indonesia_2019_pledge_share() <= 0.77),
    Claim("indonesia-1000-short", (Q05,),
          "Indonesia stayed about 1,000 short", lambda: near(4000 - country("IDN", 2019), 1000, 100)),
    Claim("brunei-under-4-per-cent", (Q05,),
          "Under 4 per cent", lambda: 0.03 <= _brunei_unifil_share() < 0.04),
    Claim("brunei-1993", (NB05,),
          "three experts a month from January", lambda: _brunei_1993()),
    Claim("close-to-3000-05", (NB05,),
          "then stayed between 2,600 and\n3,000 as a yearly average. One month stands out above the rest, but the line never "
          "reaches 4,000.",
          lambda: all(2600 <= country("IDN", y) <= 3000 for y in range(2015, 2026)) and _indonesia_peak()),
    Claim("three-quarters-2019-05", (NB05,),
          "On the average Indonesia reached about three quarters of its pledge in\n2019",
          lambda: 0.70 <= _indonesia_2019_pledge_share() <= 0.77),
    Claim("cambodia-vietnam-steps-05", (NB05,),
          "Cambodia grows fast after 2010 and levels off at several hundred; Vietnam stays tiny until\nthe "
          "hospital (2018) and jumps again with the engineering unit (2022)",
          lambda: country("KHM", 2012) > 3 * country("KHM", 2010)
          and all(500 < country("KHM", y) < 900 for y in range(2014, 2026))
          and all(country("VNM", y) < 10 for y in range(2014, 2018))
          and country("VNM", 2019) > 2 * country("VNM", 2018) > 0
          and country("VNM", 2023) > 2 * country("VNM", 2021)),
    Claim("malaysia-850-05", (NB05,),
          "Malaysia's 850-strong unit in Lebanon", lambda: near(_malaysia_unifil_2019(), 850, 30)),
    Claim("malaysia-850-model-05", (NB05,),
          "while Malaysia sends one battalion of about 850 to Lebanon", lambda: near(_malaysia_unifil_2019(), 850, 30)),
    Claim("17000-a-year-05", (NB05,),
          "about US$17,000 a year per soldier at the 2018 rate",
          lambda: near(_reimbursement_2018() * 12, 17000, 300)),
    Claim("about-thirty-q05", (Q05,), "About thirty, a small group",
          lambda: near(float(analysis.where_they_serve(data.load_mission_contributions(), ["BRN"], "2019-12")
                             ["total"].sum()), 30, 3)),
    Claim("only-unifil-q05", (Q05,), "Only one, UNIFIL",
          lambda: set(data.load_mission_contributions().query("iso3 == 'BRN'")["mission"]) == {"UNIFIL"}),
]
