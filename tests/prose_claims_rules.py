"""Prose claims for numbers that a loose structural rule used to cover by accident.

An apostrophe pair ("Indonesia's 4,000 ... Malaysia's") once counted as a quotation, and so as an example
format; these sentences state facts, so each gets the check that proves it from the course data or from its
sourced row of the events table (see prose_claim_helpers.py for the Claim record).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP02, LP05, LP06, LP07, NB00, NB02, NB04, NB06, Q05, Q06, _asean_month, _feb_2020_rebound,
    _indonesia_peak,
)


def _event(event_id: str) -> pd.Series:
    return data.load_events().set_index("id").loc[event_id]


def _event_says(event_id: str, date: str, *phrases: str) -> bool:
    """The events row is dated ``date`` (a prefix: "2015", "1999-09"), names sources and says every phrase."""
    row = _event(event_id)
    said = f"{row['title']} {row['detail']}"
    return bool(str(row["date"]).startswith(date) and str(row["source_urls"]).startswith("http")
                and all(p in said for p in phrases))


def _brunei_in_unifil_since_2008() -> bool:
    """Brunei is back from October 2008 (after 1993) with someone in every reported month since; its only
    mission in the mission table (from November 2009) is UNIFIL, always beside Malaysia's; its sourced events
    row puts it inside the Malaysian battalion from 2008."""
    brn = analysis.monthly_totals(data.load_contributions(), countries="BRN").set_index("month")["total"]
    since = brn["2008-10-01":].dropna()
    m = data.load_mission_contributions()
    missions = m[m["iso3"] == "BRN"]
    mys = set(m[(m["iso3"] == "MYS") & (m["mission"] == "UNIFIL")]["month"])
    return bool(brn["1994-01-01":"2008-09-01"].fillna(0).eq(0).all() and since.gt(0).all()
                and set(missions["mission"]) == {"UNIFIL"} and set(missions["month"]) <= mys
                and _event_says("brn-first-deployment", "2008", "UNIFIL", "inside the Malaysian battalion"))


def _idn_monthly_max() -> float:
    return float(analysis.monthly_totals(data.load_contributions(), countries="IDN")["total"].max())


def _idn_reached_top_ten() -> bool:
    rank = analysis.ranking(data.load_contributions(), "2019-12", countries=["IDN"])["rank"].item()
    return bool(rank <= 10)


def _pledge() -> bool:
    return (_event_says("idn-4000-goal", "2012", "4,000", "top ten")
            and _event_says("idn-4000-pledge", "2015", "4,000", "national development plan for 2015 to 2019"))


def _only_force_idea_before_1996() -> bool:
    e = data.load_events()
    ideas = e[(e["category"] == "force_proposal") & (e["date"].astype(str) < "1996")]
    return bool(list(ideas["id"]) == ["mys-asean-force-idea"]
                and _event_says("mys-asean-force-idea", "1995", "turned it down"))


CLAIMS = [
    Claim("rules-lp02-plus-150", (LP02,),
          "Students who call February 2020's +150 a surge have not looked at January's fall.", _feb_2020_rebound),
    Claim("rules-lp05-brunei-2008", (LP05,),
          "Brunei has served inside Malaysia's battalion in the UN force in Lebanon since 2008",
          _brunei_in_unifil_since_2008),
    Claim("rules-lp07-brunei-2008", (LP07,),
          "Brunei inside Malaysia's UNIFIL battalion since 2008", _brunei_in_unifil_since_2008),
    Claim("rules-lp06-interfet-landing", (LP06,), "1999-09 (INTERFET's\n  landing)",
          lambda: _event_says("interfet-authorised", "1999-09", "landed on 20 September 1999")),
    # the visit itself is in the Viet Nam News report of March 2025 that notebook 03 cites for it
    Claim("rules-lp07-lao-march-2025", (LP07,),
          "in March 2025 Lao officers visited Vietnam's peacekeeping department",
          lambda: _event_says("lao-asks-vnm-help", "2025-03", "Lao army asked Vietnam")
          and "vietnamnews.vn/politics-laws/1694954/" in _event("lao-asks-vnm-help")["source_urls"]),
    Claim("rules-nb00-never-near-4000", (NB00,),
          "If Indonesia's numbers never came near 4,000, the pledge is real but unmet",
          lambda: _pledge() and _indonesia_peak() and _idn_monthly_max() < 0.9 * 4000),
    Claim("rules-nb02-objective-pledge", (NB02,),
          "Indonesia's 4,000 pledge) against the UN's figures", _pledge),
    Claim("rules-nb02-pledge-not-reached", (NB02,),
          "Indonesia's **4,000 pledge** was not reached in any month of the UN's data; its top-ten goal was.",
          lambda: _pledge() and _idn_monthly_max() < 4000 and _idn_reached_top_ten()),
    Claim("rules-nb04-singapore-2004", (NB04,),
          "Singapore's refusal is on record (2004).",
          lambda: _event_says("idn-asean-force-proposal", "2004", "Singapore said ASEAN was the wrong body")),
    Claim("rules-nb06-malaysia-1995", (NB06,),
          "only earlier idea for one, Malaysia's of about 1995, had been turned down.", _only_force_idea_before_1996),
    Claim("rules-q05-pledge-plan", (Q05,),
          "Indonesia's 4,000 pledge was written into its plan for 2015-2019.", _pledge),
    Claim("rules-q06-some-5000", (Q06,),
          "Slightly under 5,000, so 'some 5,000' is a fair round number.",
          lambda: 4700 <= _asean_month("2020-01") < 5000),
]
