"""Prose claims of notebooks 04 and 05, their questions and lesson plans (see test_prose_claims.py)."""

from __future__ import annotations

import re

import pandas as pd

from pkedu import analysis, data
from pkedu.apps.consensus import RECORD, consensus_model

from test_prose_claims import Claim, country, members_count, near  # noqa: F401
from prose_claim_helpers import LP04, LP05, NB04, NB05, Q04, Q05


# --- helpers: the events table, the consensus app's record, the data ------------------------------

def events(category: str) -> pd.DataFrame:
    e = data.load_events()
    return e[e["category"] == category].sort_values("date")


def years(category: str) -> list[int]:
    return [int(str(d)[:4]) for d in events(category)["date"]]


def proposals() -> bool:
    """Force proposals about 1995, 2004, 2015 and 2021, by Malaysia, Indonesia, Malaysia, Malaysia."""
    p = events("force_proposal")
    return bool(years("force_proposal") == [1995, 2004, 2015, 2021]
                and [codes.split(";")[0] for codes in p["iso3"]] == ["MYS", "IDN", "MYS", "MYS"])


def apcn_2011() -> bool:
    """No force proposal in 2011; the training-centre network and ADMM-Plus's experts' group were."""
    d = events("regional_dialogue")
    in_2011 = d[d["date"].str.startswith("2011")]["title"].str.lower()
    return bool(2011 not in years("force_proposal") and in_2011.str.contains("centres network").any()
                and in_2011.str.contains("experts").any())


def admm_plus_2010() -> bool:
    d = events("regional_dialogue")
    return bool(d.iloc[0]["date"] == "2010-10-12" and "ADMM-Plus" in d.iloc[0]["title"])


def stance_year(iso3: str) -> int:
    """The year of a member's position in the consensus app (the first year its record names)."""
    return int(re.search(r"\b(?:19|20)\d\d\b", RECORD[iso3].record).group())


def record_by_year() -> bool:
    """Support from 2015 (MYS, KHM, PHL); Indonesia's support and three objections from 2004."""
    stances = {c: RECORD[c].stance for c in data.ASEAN10}
    return bool(all(stances[c] == "support" and stance_year(c) == 2015 for c in ("MYS", "KHM", "PHL"))
                and stances["IDN"] == "support" and stance_year("IDN") == 2004
                and all(stances[c] == "oppose" and stance_year(c) == 2004 for c in ("SGP", "THA", "VNM"))
                and [c for c in data.ASEAN10 if stances[c] == "oppose"] == ["SGP", "THA", "VNM"])


def undecided_three() -> bool:
    numbers = consensus_model().numbers
    return bool(numbers["undecided"] == ("BRN", "LAO", "MMR") and not numbers["vetoes"] == ())


def monthly(iso3: str) -> pd.Series:
    return analysis.monthly_totals(data.load_contributions(), countries=iso3).set_index("month")["total"]


def singapore_un_2000s() -> bool:
    sgp = monthly("SGP")
    return bool(sgp.max() == 259 and sgp.idxmax() == pd.Timestamp("2003-04-01")
                and sgp["2004-01-01":].max() <= 40)


def feb_2015(countries: list[str] | None = data.ASEAN10) -> pd.DataFrame:
    return analysis.ranking(data.load_contributions(), "2015-02", countries=countries).set_index("iso3")


def march_2015_missing() -> bool:
    m = data.load_months().set_index("month")["reported"]
    p = events("force_proposal")
    return bool(not m[pd.Timestamp("2015-03-01")] and m[pd.Timestamp("2015-02-01")]
                and (p["date"] == "2015-03-16").any())


def ranking_keeps_asean() -> bool:
    """ranking(..., countries=ASEAN10) keeps only ASEAN rows, each with its rank in the world."""
    asean, world = feb_2015(), feb_2015(None)
    return bool(set(asean.index) <= set(data.ASEAN10)
                and (asean["rank"] == world.loc[asean.index, "rank"]).all())


def one_or_two_members() -> bool:
    a = feb_2015()["total"]
    return bool(a.idxmax() == "IDN" and 0.45 < a["IDN"] / a.sum() < 0.5
                and a.nlargest(2).sum() / a.sum() > 0.7)


def indonesia_largest_2019() -> bool:
    return bool(max(data.ASEAN10, key=lambda c: country(c, 2019)) == "IDN")


# --- notebook 04 -----------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    Claim("proposals-summary-04", (NB04,),
          "An ASEAN peacekeeping force was proposed at least four times (about 1995, 2004, 2015, 2021)",
          proposals),
    Claim("proposals-model-answer-04", (NB04,),
          "the idea\ncame up at least four times (about 1995, 2004, 2015, 2021), and the 2004 episode documents "
          "Singapore's\nrefusal", lambda: proposals() and record_by_year()),
    Claim("first-proposal-heading-04", (NB04,), "the first proposal",
          lambda: years("force_proposal")[0] == 1995),
    Claim("softer-bodies-04", (NB04,),
          "the force proposals come back every six to eleven years and never get further, while the\n"
          "\"softer\" bodies that build no force (ADMM-Plus in 2010, its expert group on peacekeeping and the "
          "network of\ntraining centres in 2011)",
          lambda: proposals() and "force_established" not in set(data.load_events()["category"])
          and admm_plus_2010() and apcn_2011()),
    Claim("puzzle-2011-04", (NB04,), "### The 2011 puzzle", apcn_2011),
    Claim("no-2011-proposal-04", (NB04,),
          "the record has no 2011 proposal; we come back to it in\nExercise 6) and compare the words with what "
          "the sources report about the two proposals we can document",
          lambda: apcn_2011() and [y for y in years("force_proposal") if 2004 <= y <= 2015] == [2004, 2015]),
    Claim("date-wrong-summary-04", (NB04,),
          "The article's date for the first proposal, 2011, is wrong:\n  2011 is when the training-centre "
          "network was endorsed.",
          lambda: apcn_2011() and years("force_proposal")[0] < 2011),
    Claim("two-episodes-model-answer-04", (NB04,),
          "In 2004 the foreign ministers did discuss the\nidea, briefly, and three governments said in public "
          "what they thought of it; in 2015 Malaysia discussed it\nwith several governments one by one, won at "
          "least two of them over",
          lambda: record_by_year() and 2004 in years("force_proposal") and 2015 in years("force_proposal")),
    Claim("stances-by-year-04", (NB04,),
          "the support of Malaysia,\n  Cambodia and the Philippines dates from 2015, but Indonesia's support "
          "and the objections of Singapore,\n  Thailand and Vietnam date from 2004", record_by_year),
    Claim("recreate-2015-04", (NB04,), "Recreate 2015 honestly.",
          lambda: 2015 in years("force_proposal") and record_by_year()),
    Claim("three-undecided-04", (NB04,), "three members have no recorded position, and none of them has\nsaid no",
          undecided_three),
    Claim("singapore-un-2000s-04", (NB04,),
          "Its UN numbers peaked at 259 in April 2003 and never went above 40 from 2004 on", singapore_un_2000s),
    Claim("malaysia-2015-compare-04", (NB04,), "at the time of Malaysia's 2015 proposal. The meeting was in March\n"
          "2015, but the UN report for that month is missing from the data (the gap is shown, not hidden), so we "
          "use\nFebruary 2015.", march_2015_missing),
    Claim("ranking-table-04", (NB04,),
          "the ASEAN members' February 2015 contributions (`pk.analysis.ranking`;\nits `countries` argument keeps "
          "only the ASEAN rows, with their world rank), and the second shows it", ranking_keeps_asean),
    Claim("one-or-two-members-04", (NB04,), "how much would have rested on one or two members",
          one_or_two_members),
    Claim("indonesia-pays-most-04", (NB04,),
          "Then Indonesia, the largest contributor, would pay the largest share", indonesia_largest_2019),
]


# --- notebook 05 -----------------------------------------------------------------------------------

def event(category: str, words: str) -> pd.Series:
    """The one event of a category whose title contains some words."""
    e = events(category)
    rows = e[e["title"].str.contains(words, regex=False)]
    assert len(rows) == 1, (category, words, len(rows))
    return rows.iloc[0]


def pledge_4000() -> bool:
    """Indonesia's goal of 4,000 (2012), made formal in 2015 for the development plan of 2015 to 2019."""
    goal, formal = event("pledge", "goal of 4,000"), event("pledge", "pledges 4,000")
    return bool(goal["date"] == "2012" and goal["iso3"] == "IDN" and formal["date"] == "2015"
                and "2015 to 2019" in formal["detail"])


def indonesia_pledge_numbers() -> bool:
    idn = monthly("IDN")
    return bool(pledge_4000() and idn.max() == 3545 and idn.idxmax() == pd.Timestamp("2018-11-01")
                and near(country("IDN", 2019), 2940, 5) and idn.max() < 4000
                and max(data.ASEAN10, key=lambda c: country(c, 2019)) == "IDN")


def three_quarters() -> bool:
    return bool(pledge_4000() and near(country("IDN", 2019) / 4000, 0.75, 0.02))


def vietnam_steps() -> bool:
    """Centre and first officers 2014, field hospital 2018, engineers 2022."""
    return bool(event("training_centre", "Vietnam Peacekeeping Centre")["date"].startswith("2014")
                and event("first_deployment", "Vietnam sends its first")["date"] == "2014"
                and event("deployment", "field hospital")["date"].startswith("2018")
                and event("deployment", "engineering unit")["date"] == "2022")


def cambodia_2006_car_2014() -> bool:
    car = event("deployment", "Central African Republic")
    return bool(event("first_deployment", "First Cambodian")["date"].startswith("2006")
                and car["date"].startswith("2014") and "2015" in car["dispute_note"])


def patrols() -> pd.DataFrame:
    p = events("maritime_patrol")
    return p.assign(members=p["iso3"].str.split(";").map(len))


def patrol_dates() -> bool:
    p = patrols()
    sulu = p[p["title"].str.contains("Sulu")]
    first_sulu_patrol = sulu[sulu["title"].str.contains("patrols launched")]["date"].min()
    return bool(p["date"].min().startswith("2004") and first_sulu_patrol.startswith("2017"))


def three_or_four_neighbours() -> bool:
    return bool(set(patrols()["members"]) == {3, 4})


def three_states_one_sea() -> bool:
    sulu = patrols()[patrols()["title"].str.contains("Sulu")]
    return bool((sulu["iso3"] == "IDN;MYS;PHL").all())


def one_un_binational() -> bool:
    """Of the binational deployments, only Brunei-Malaysia (2008, UNIFIL) is a UN mission."""
    b = events("binational_contingent")
    un = b[b["title"].str.contains("UNIFIL") & ~b["detail"].str.contains("not a UN|not under UN|not UN")]
    return bool(len(un) == 1 and un.iloc[0]["iso3"] == "BRN;MYS" and un.iloc[0]["date"] == "2008"
                and set(data.load_mission_contributions().query("iso3 == 'BRN'")["mission"]) == {"UNIFIL"})


def unifil_dec_2019() -> bool:
    w = analysis.where_they_serve(data.load_mission_contributions(), ["MYS", "BRN"], "2019-12")
    mys, brn = w[w["iso3"] == "MYS"], w[w["iso3"] == "BRN"]
    unifil = mys[mys["mission"] == "UNIFIL"]["total"].sum()
    return bool(unifil / mys["total"].sum() > 0.95 and list(brn["mission"]) == ["UNIFIL"])


def mission_data_from_late_2009() -> bool:
    return bool(data.load_mission_contributions()["month"].min() == pd.Timestamp("2009-11-01"))


def model_group() -> bool:
    """The model answer's group covers the builder's four core capabilities (and needs its staff cell)."""
    from pkedu.apps.force_builder import CORE, force_model

    group = {"IDN": {"infantry": 1, "staff": 1}, "MYS": {"infantry": 1}, "KHM": {"demining": 1},
             "VNM": {"medical": 1, "engineers": 1}}
    without_staff = {**group, "IDN": {"infantry": 1}}
    return bool(len(CORE) == 4 and force_model(group).numbers["missing_core"] == ()
                and force_model(without_staff).numbers["missing_core"] == ("staff",))


def largest_or_fastest() -> bool:
    """Indonesia, Malaysia and Cambodia the largest in 2019; Vietnam grew fastest from 2014."""
    top3 = sorted(data.ASEAN10, key=lambda c: country(c, 2019), reverse=True)[:3]
    growth = {c: country(c, 2019) / country(c, 2014) for c in data.ASEAN10 if country(c, 2014) > 0}
    return bool(set(top3) == {"IDN", "MYS", "KHM"} and max(growth, key=growth.get) == "VNM")


CLAIMS += [
    Claim("pledge-objective-05", (NB05,), "compare its 4,000 pledge with the UN data", indonesia_pledge_numbers),
    Claim("pledge-summary-05", (NB05,),
          "**Indonesia** is the natural leader: the largest contributor, a UN-first set of rules applied "
          "pragmatically,\n  and a 4,000 pledge it did not reach in the UN data (one month at 3,545, in November "
          "2018; about 2,940 on\n  average in 2019, the plan's last year).", indonesia_pledge_numbers),
    Claim("pledge-model-answer-05", (NB05,), "a pledge to provide 4,000 peacekeepers is a\npromise about a "
          "lasting level", three_quarters),
    Claim("plan-end-05", (NB05,), "(say December 2019, the end of the plan)", pledge_4000),
    Claim("plan-last-year-05", (NB05,),
          "Now compute Indonesia's **average over the months of 2019** (the last year of the plan) **as a per "
          "cent of\n4,000**", pledge_4000),
    Claim("divided-by-4000-05", (NB05,), "that average divided by 4000", pledge_4000),
    Claim("vietnam-steps-05", (NB05,),
          "a training centre and its first officers in 2014, the\nfield hospital in 2018, the engineers in 2022. "
          "Cambodia started earlier, in 2006, and added new missions such as\nthe Central African Republic in "
          "2014 (one later report says 2015).", lambda: vietnam_steps() and cambodia_2006_car_2014()),
    Claim("vietnam-summary-05", (NB05,), "(centre 2014, hospital 2018, engineers 2022)", vietnam_steps),
    Claim("training-venues-2018-05", (NB05,), "such as the 2018 UN training",
          lambda: event("training_centre", "training venue")["date"].startswith("2018")
          and len(event("training_centre", "training venue")["iso3"].split(";")) > 1),
    Claim("patrols-since-05", (NB05,), "at sea since\n  2004 and in the Sulu Sea since 2017", patrol_dates),
    Claim("three-or-four-05", (NB05,), "each patrol involves three or four neighbours, never all ten",
          three_or_four_neighbours),
    Claim("three-states-sea-05", (NB05,), "three ASEAN states patrolling a shared sea", three_states_one_sea),
    Claim("one-un-binational-05", (NB05,),
          "only one of them (Brunei\nand Malaysia, 2008) is a UN mission", one_un_binational),
    Claim("only-documented-05", (NB05,), "the only documented UN case in the region is\nBrunei-Malaysia",
          one_un_binational),
    Claim("unifil-dec-2019-05", (NB05,),
          "Malaysia's people are almost all in one mission, UNIFIL, and Brunei's only bar is in the\nsame mission",
          unifil_dec_2019),
    Claim("late-2009-05", (NB05,), "(from late 2009 on)", mission_data_from_late_2009),
    Claim("model-group-05", (NB05,), "so\nthe group covers all four core capabilities in the builder", model_group),
    Claim("largest-or-fastest-05", (NB05,), "members with the largest or fastest-growing UN contributions",
          largest_or_fastest),
    Claim("leave-out-05", (NB05,),
          "Singapore, which called ASEAN the wrong entity in 2004, and Vietnam is a risk too,\nsince it called "
          "the 2004 idea", record_by_year),
]


def cambodia_dec_2019() -> bool:
    r = analysis.ranking(data.load_contributions(), "2019-12").set_index("iso3")
    asean = r[r.index.isin(data.ASEAN10)].sort_values("rank")
    return bool(r.loc["KHM", "total"] == 772 and r.loc["KHM", "rank"] == 27 and len(r) == 118
                and list(asean.index[:3]) == ["IDN", "MYS", "KHM"])


CLAIMS += [
    Claim("cambodia-third-05", (NB05,),
          "had 772 people deployed in December 2019, 27th of the 118 countries with anyone in UN missions and "
          "third in\nASEAN after Indonesia and Malaysia", cambodia_dec_2019),
]


# --- questions of notebooks 04 and 05 ----------------------------------------------------------------

def jan_2015_seven() -> bool:
    """ASEAN had 3,845 people from seven members in January 2015, and just under 4,000 in February."""
    n = members_count().set_index("month")["contributors"]
    jan = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10).set_index("month")["total"]
    return bool(jan[pd.Timestamp("2015-01-01")] == 3845 and n[pd.Timestamp("2015-01-01")] == 7
                and 3800 < feb_2015()["total"].sum() < 4000)


def starting_group_cost() -> float:
    """The notebook's starting group (Exercise 5 of notebook 05), costed by the force builder."""
    from pkedu.apps.force_builder import force_model

    group = {"IDN": {"infantry": 2, "staff": 1}, "KHM": {"demining": 1}, "THA": {"engineers": 1},
             "VNM": {"medical": 1}}
    return float(force_model(group).numbers["reimbursement_per_year"])


def july_2018_rate() -> float:
    r = data.load_reimbursement_rates()
    return float(r.set_index(pd.to_datetime(r["effective_from"]))["rate_usd"][pd.Timestamp("2018-07-01")])


def vietnam_unisfa_jump() -> bool:
    """From December 2021 to December 2022 Vietnam grew by 195, 192 of them in UNISFA (none before)."""
    from pkedu.questions.nb05 import vietnam_growth_2022

    m = data.load_mission_contributions()
    before = analysis.where_they_serve(m, ["VNM"], "2021-12").set_index("mission")["total"]
    after = analysis.where_they_serve(m, ["VNM"], "2022-12").set_index("mission")["total"]
    unit = event("deployment", "engineering unit")
    return bool("UNISFA" not in before.index and after["UNISFA"] > 0.9 * vietnam_growth_2022()
                and "UNISFA" in unit["title"] and "May and June 2022" in unit["detail"])


def singapore_coalitions() -> bool:
    """Singapore in UN missions from 1989; its Bamiyan (ISAF) and 2017 Iraq teams were not UN-led."""
    b = events("binational_contingent")
    sgp = b[b["iso3"].str.startswith("SGP")]
    first = event("first_deployment", "Singapore")
    return bool(first["date"].startswith("1989") and list(sgp["date"].str[:4]) == ["2007", "2017"]
                and sgp["detail"].str.contains("ISAF|coalition").all()
                and sgp["detail"].str.contains("not a UN").all())


def cambodia_top_quarter() -> bool:
    r = analysis.ranking(data.load_contributions(), "2019-12").set_index("iso3")
    return bool(cambodia_dec_2019() and r.loc["KHM", "rank"] <= len(r) / 4
                and r["total"].max() > 5 * r.loc["KHM", "total"])


CLAIMS += [
    Claim("first-proposal-q04", (Q04,), "The earliest idea in the record is Malaysia's, around 1995, which "
          "Indonesia turned down.",
          lambda: proposals() and "IDN" in events("force_proposal").iloc[0]["iso3"]
          and "Indonesia" in events("force_proposal").iloc[0]["detail"]),
    Claim("malaysia-proposals-q04", (Q04,), "Malaysia's proposals came in about 1995, 2015 and 2021.", proposals),
    Claim("asean-total-2015-q04", (Q04,), "Just under 4,000, close to the 3,845 personnel from seven ASEAN "
          "states that a 2015 commentary counted from UN records for January 2015.", jan_2015_seven),
    Claim("must-change-years-q04", (Q04,), "The three members on record against it (Singapore, Thailand and "
          "Vietnam, all in 2004) and the three with no recorded position (Brunei, Laos and Myanmar)",
          lambda: record_by_year() and undecided_three()),
    Claim("force-cost-q05", (Q05,), "About 12 million US dollars a year",
          lambda: near(starting_group_cost(), 12e6, 0.2e6) and july_2018_rate() == 1428),
    Claim("force-cost-rate-q05", (Q05,), "Reimbursable personnel x 1428 x 12 months.",
          lambda: july_2018_rate() == 1428 and near(starting_group_cost() / 1428 / 12, 708, 0.01)),
    Claim("pledge-4000-q05", (Q05,), "divide it by 4000", pledge_4000),
    Claim("khm-rank-q05", (Q05,), "27th of the 118 countries with anyone deployed that month: in the top "
          "quarter of the world's contributors, although far below the largest.", cambodia_top_quarter),
    Claim("patrols-three-or-four-q05", (Q05,), "Only three or four states took part in each patrol arrangement.",
          three_or_four_neighbours),
    Claim("patrols-start-q05", (Q05,), "starting in 2004 and 2017", patrol_dates),
    Claim("sgp-coalitions-q05", (Q05,), "The Bamiyan team served under the NATO-led ISAF and the 2017 Iraq team "
          "in the coalition against the Islamic State.", singapore_coalitions),
    Claim("sgp-since-1989-q05", (Q05,), "Singapore has served in UN missions since 1989", singapore_coalitions),
    Claim("vnm-engineers-q05", (Q05,), "Almost all of that jump is Vietnam's first engineering unit, which went "
          "to Abyei (UNISFA) in mid-2022.", vietnam_unisfa_jump),
]


CLAIMS += [
    Claim("july-2018-rate-05", (NB05,), "at the July 2018 rate:\nreimbursable people × 1428 US dollars a month",
          lambda: july_2018_rate() == 1428),
]
