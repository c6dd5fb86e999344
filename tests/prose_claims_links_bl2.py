"""Prose claims of notebooks 04 to 07, their lesson plans and question texts, for facts a link used to cover.

A link now covers only its own sentence, so the sentences next to a cited one need their own proof. Each
claim here names such a sentence and checks it against the course data: the UN's monthly and mission-level
figures, the missions table, or a row of the events table (whose rows name their sources). See
test_prose_claims.py for the Claim record and the shared helpers.
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    LP04, LP05, LP06, NB04, NB05, NB06, NB07, Q06, Q07, Claim, _brunei_1993, _first_month, _monthly,
    _unmit_june_2010, _vietnam_2014, asean, near, yearly,
)
from prose_claims_04_05 import march_2015_missing
from prose_claims_b0405 import _four_proposals
from prose_claims_b0600 import _interfet_1999, _interfet_four_asean, _interfet_roles, _mindanao_two_tracks, event


# --- notebook 04 ---------------------------------------------------------------------------------

def _indonesia_draft_plan_2004() -> bool:
    """Indonesia's proposal: February 2004, in its draft plan for an ASEAN Security Community (sourced row)."""
    row = event("idn-asean-force-proposal")
    return bool(str(row["date"]) == "2004-02" and "draft plan" in row["detail"] and row["source_urls"])


def _singapore_no_2004() -> bool:
    """The 2004 proposal's row: Singapore said ASEAN was the wrong body for a force."""
    row = event("idn-asean-force-proposal")
    return bool(_indonesia_draft_plan_2004() and "Singapore said ASEAN was the wrong body" in row["detail"])


def _bill_2019() -> bool:
    """ASEAN's average personnel of 2019 at US$1,428 a month for twelve months: about US$86 million."""
    return round(asean(2019) * 1428 * 12 / 1e6) == 86


def _philippines_fade_vietnam_2018() -> bool:
    """Yearly averages: the Philippines fall to about a quarter of 2014's level in 2015 and stay below it;
    Vietnam stays under ten a year until 2017 and passes 20 from 2018 on."""
    phl, vnm = yearly(("PHL",)), yearly(("VNM",)).fillna(0)
    return bool(phl[2015] < phl[2014] / 3 and all(phl[y] < phl[2014] / 3 for y in range(2015, 2026))
                and all(vnm[y] < 10 for y in range(2010, 2018))
                and all(vnm[y] > 20 for y in range(2018, 2026)))


# --- notebook 05 ---------------------------------------------------------------------------------

def _brunei_1993_and_troops_from_october_2008() -> bool:
    """Brunei's 1993 rows, and its troops in every reported month from October 2008 (none earlier that year)."""
    c = data.load_contributions()
    troops = c[(c["iso3"] == "BRN") & (c["group"] == "troops")].groupby("month")["total"].sum()
    months = data.load_months()
    reported = months.loc[months["reported"] & (months["month"] >= "2008-10-01"), "month"]
    present = troops[troops > 0]
    return bool(_brunei_1993() and all(present.get(m, 0) > 0 for m in reported)
                and present["1994-01-01":].index.min() == pd.Timestamp("2008-10-01"))


# --- notebook 06 ---------------------------------------------------------------------------------

def _resolution_1264() -> bool:
    """INTERFET's row: resolution 1264 of 15 September 1999 authorised a multinational force."""
    row = event("interfet-authorised")
    return bool(_interfet_roles() and str(row["date"]) == "1999-09-15" and "authorised" in row["detail"])


def _untaet_early_2000() -> bool:
    row = event("untaet-takes-over-interfet")
    return bool(str(row["date"]) == "2000" and "In early 2000" in row["detail"] and row["source_urls"])


def _five_timor_missions() -> bool:
    """The missions table has five missions in Timor-Leste, each with a first and a last month."""
    timor = data.load_missions().query("host_iso3 == 'TLS'")
    return bool(len(timor) == 5 and timor[["first_month", "last_month"]].notna().all().all())


def _june_2010_in_mission_data() -> bool:
    """June 2010 is inside the mission-level data (from November 2009) and shows where ASEAN personnel served."""
    return bool(data.load_mission_contributions()["month"].min() == pd.Timestamp("2009-11-01")
                and _unmit_june_2010())


def _most_women_lines_rise() -> bool:
    """Of the five largest ASEAN contributors' women's shares, most are higher in 2025 than in 2014."""
    w = analysis.women_share(data.load_contributions(), ["IDN", "KHM", "MYS", "THA", "VNM"], by="iso3")
    by_year = w.assign(year=w["month"].dt.year).groupby(["iso3", "year"])["share"].mean().unstack()
    return bool((by_year[2025] > by_year[2014]).sum() >= 3)


def _imt_asean_members() -> bool:
    """The Mindanao monitors: Malaysia-led, with Brunei; these two are the ASEAN members besides the host."""
    row = event("imt-mindanao")
    members = set(row["iso3"].split(";")) & set(data.ASEAN10) - {"PHL"}
    return bool(_mindanao_two_tracks() and members == {"MYS", "BRN"} and "Malaysia-led" in row["detail"]
                and "ceasefire" in row["detail"] and "ceasefire" not in event("mindanao-mnlf-peace-agreement")["detail"])


# --- lesson plans 04 and 05 ----------------------------------------------------------------------

def _no_proposal_in_2011() -> bool:
    """Four proposals in the events table, none in 2011, the year the article gives."""
    e = data.load_events()
    proposals = e[e["category"] == "force_proposal"]
    return bool(_four_proposals() and not proposals["date"].str.startswith("2011").any()
                and e["article_claim"].fillna("").str.contains("proposed .* in 2011").any())


def _earliest_dialogue_is_first_admm_plus() -> bool:
    e = data.load_events()
    first = e[e["category"] == "regional_dialogue"].sort_values("date").iloc[0]
    return bool(first["id"] == "admm-plus-inaugurated" and first["title"].startswith("First ADMM-Plus meeting"))


def _sulu_sea_2016() -> bool:
    row = event("sulu-sea-declaration")
    return bool(str(row["date"]).startswith("2016") and "Abu Sayyaf kidnappings of sailors" in row["detail"]
                and row["source_urls"])


# --- notebook 07 and the questions ---------------------------------------------------------------

def _vietnam_officers_mid_2014() -> bool:
    """Vietnam's first month is July 2014, with experts on mission (officers) only."""
    c = data.load_contributions()
    first = _first_month("VNM")
    rows = c[(c["iso3"] == "VNM") & (c["month"] == first) & (c["total"] > 0)]
    return bool(_vietnam_2014() and first.month in (5, 6, 7, 8) and set(rows["group"]) == {"experts"}
                and _monthly("VNM")[:"2014-06-01"].fillna(0).sum() == 0)


CLAIMS: list[Claim] = [
    # notebook 04
    Claim("bl2-04-draft-plan", NB04, "- **2004.** Indonesia put its proposal in a draft plan in February.",
          _indonesia_draft_plan_2004),
    Claim("bl2-04-singapore-no", NB04, "The clearest \"no\" on record is Singapore's: when Indonesia proposed a "
          "force in 2004", _singapore_no_2004),
    Claim("bl2-04-bill-2019", NB04, "paying every ASEAN peacekeeper of 2019 at this rate would cost about US$86 "
          "million a year", _bill_2019),
    Claim("bl2-04-fade-grow", NB04, "the Philippines fade after 2014, and Vietnam grows\nonly from 2018.",
          _philippines_fade_vietnam_2018),
    # notebook 05
    Claim("bl2-05-brunei-1993-2008", NB05,
          "The UN's monthly table also lists Brunei in 1993: three experts a month from January\nto September, "
          "12 police in six of those months and two troops in January, which the sources we checked do not\n"
          "mention; Brunei's troops appear in every reported month from October\n2008.",
          _brunei_1993_and_troops_from_october_2008),
    # notebook 06
    Claim("bl2-06-resolution-1264", NB06, "On 15 September the Security Council, in **resolution 1264**, "
          "authorised a multinational force to\nrestore order.", _resolution_1264),
    Claim("bl2-06-five-missions", NB06, "lists all five, with the first and last month each had uniformed "
          "personnel:", _five_timor_missions),
    Claim("bl2-06-june-2010", NB06, "Here is where ASEAN personnel served in June 2010:",
          _june_2010_in_mission_data),
    Claim("bl2-06-two-tracks", NB06, "So the article's sentence merges the two tracks.", _mindanao_two_tracks),
    Claim("bl2-06-most-like", NB06, "ceasefire monitoring that looks most like peacekeeping was led by Malaysia, "
          "an ASEAN member, with Brunei,\nanother member, at its side.", _imt_asean_members),
    Claim("bl2-06-two-stepped-in", NB06, "It weakens the point, because two ASEAN members *did* step in.",
          _imt_asean_members),
    Claim("bl2-06-women-most-rise", NB06, "**What to notice:** over the decade most lines rise.",
          _most_women_lines_rise),
    Claim("bl2-06-summary-1999", NB06, "- In East Timor in 1999 the UN **authorised** a force but did not lead "
          "it: INTERFET was an Australian-led", lambda: _interfet_1999() and _interfet_four_asean()),
    Claim("bl2-06-summary-2000", NB06, "own operation, UNTAET, took over in early 2000.", _untaet_early_2000),
    # lesson plans
    Claim("bl2-lp04-four-2011", LP04, "2. The record: four proposals | \"What the sources say\": the proposals "
          "table; timeline; the 2011 puzzle", _no_proposal_in_2011),
    Claim("bl2-lp04-feb-2015", LP04, "Did ASEAN have the numbers? | Stacked chart, contributors count, February "
          "2015 ranking", march_2015_missing),
    Claim("bl2-lp04-first-admm", LP04, "earliest regional dialogue in the events table: the first ADMM-Plus "
          "meeting", _earliest_dialogue_is_first_admm_plus),
    Claim("bl2-lp05-sulu-2016", LP05, "the Abu Sayyaf kidnappings of sailors before the Sulu Sea agreement in 2016",
          _sulu_sea_2016),
    Claim("bl2-lp06-timor-four", LP06, "| East Timor, 1999 | INTERFET and the four ASEAN participants;",
          lambda: _interfet_1999() and _interfet_four_asean()),
    Claim("bl2-lp06-later-four", LP06, "Even the four ASEAN participants' later UN contingents",
          _interfet_four_asean),
    Claim("bl2-lp06-two-tracks", LP06, "Mindanao | The two tracks table;", _mindanao_two_tracks),
    # notebook 07 and the questions
    Claim("bl2-07-vietnam-mid-2014", NB07, "| vietnam-2014 | supported | officers from mid-2014 |",
          _vietnam_officers_mid_2014),
    Claim("bl2-q06-second-largest", Q06, "It sent the second-largest contingent", _interfet_roles),
    Claim("bl2-q07-vietnam-2014", Q07, "Vietnam joined the group of contributing countries in 2014.",
          _vietnam_2014),
]
