"""Prose claims of the lesson plans of notebooks 04 and 05 (see test_prose_claims.py).

The helpers live in prose_claims_04_05.py, with the claims of the notebooks and their questions.
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from pkedu.apps.consensus import RECORD

from prose_claims_04_05 import (
    LP04, LP05, apcn_2011, cambodia_dec_2019, country, event, events, feb_2015, indonesia_pledge_numbers,
    march_2015_missing, mission_data_from_late_2009, monthly, near, one_un_binational, proposals,
    record_by_year, singapore_coalitions, starting_group_cost, three_quarters, three_states_one_sea,
    undecided_three,
)
from test_prose_claims import Claim


# --- lesson plan 04 --------------------------------------------------------------------------------

def malaysia_2015_lobbying() -> bool:
    """Malaysia's 2015 proposal: four governments lobbied (KHM, LAO, MMR, VNM), two backers named."""
    p = events("force_proposal")
    codes = p[p["date"] == "2015-03-16"]["iso3"].iloc[0].split(";")
    detail = p[p["date"] == "2015-03-16"]["detail"].iloc[0]
    return bool(codes[0] == "MYS" and set(codes) - {"MYS", "PHL"} == {"KHM", "LAO", "MMR", "VNM"}
                and "Cambodia and the Philippines" in detail)


def four_supporters() -> bool:
    supporters = [c for c in data.ASEAN10 if RECORD[c].stance == "support"]
    return bool(record_by_year() and supporters == ["KHM", "IDN", "MYS", "PHL"] and len(supporters) < 6
                and "2021" in RECORD["MYS"].record)


def over_500_feb_2015() -> bool:
    a = feb_2015()["total"]
    return bool(sorted(a[a > 500].index) == ["IDN", "KHM", "MYS"])


def unifil_four_dec_2019() -> bool:
    w = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2019-12")
    return bool(set(w[w["mission"] == "UNIFIL"]["iso3"]) == {"IDN", "MYS", "KHM", "BRN"})


def idn_share_049() -> bool:
    a = feb_2015()["total"]
    return bool(near(a["IDN"] / a.sum(), 0.49, 0.005))


CLAIMS: list[Claim] = [
    Claim("date-error-lp04", (LP04,), "it dates Indonesia's first\nproposal to 2011, while the record shows "
          "proposals in about 1995, 2004, 2015 and 2021, and 2011 is the year\na training-centre network was "
          "endorsed", lambda: proposals() and apcn_2011()),
    Claim("pause-1-lp04", (LP04,), "The article says 2011; the record says 1995, 2004,\n2015 and 2021, and 2011 "
          "was a training network.", lambda: proposals() and apcn_2011()),
    Claim("starting-point-lp04", (LP04,),
          "Singapore,\n  Thailand and Vietnam object (positions of 2004, the latest found); Brunei, Laos and "
          "Myanmar have no recorded\n  position; Cambodia and the Philippines support (2015), as do Indonesia "
          "(its own proposal, 2004) and Malaysia\n  (2015 and 2021). The starting point mixes years, and the "
          "notebook and the app say so: the \"recreate 2015\" question asks\n  students to set the 2004 positions "
          "(the three objections and Indonesia's support)",
          lambda: four_supporters() and undecided_three()),
    Claim("four-supporters-lp04", (LP04,), "The app's record has four supporters (Cambodia, Malaysia and the "
          "Philippines in 2015, Indonesia\nin 2004), so it would fail even under a six-of-ten rule",
          four_supporters),
    Claim("weakness-lp04", (LP04,), "The force proposals came back every six to eleven years and never got\n  "
          "beyond the talking stage; in 2015 Malaysia lobbied four governments, and the report names only "
          "Cambodia\n  and the Philippines as backers.", lambda: proposals() and malaysia_2015_lobbying()),
    Claim("objections-row-lp04", (LP04,), "| Singapore, Thailand and Vietnam object (2004) |", record_by_year),
    Claim("support-on-record-lp04", (LP04,), "Cambodia and the Philippines backed Malaysia in 2015; Indonesia "
          "proposed a force in\n  2004.", lambda: record_by_year() and proposals()),
    Claim("over-500-lp04", (LP04,), "in February 2015 only Indonesia, Malaysia and Cambodia had more than 500 "
          "people in UN missions.", over_500_feb_2015),
    Claim("over-500-homework-lp04", (LP04,), "(\"in early 2015 only three members had more than 500 people in "
          "UN\nmissions\")", over_500_feb_2015),
    Claim("unifil-lp04", (LP04,), "Indonesian, Malaysian, Cambodian and Bruneian contingents all served in "
          "UNIFIL in\n  Lebanon in December 2019", unifil_four_dec_2019),
    Claim("march-2015-lp04", (LP04,), "The meeting was in March 2015, but the UN report for that month is "
          "missing; the notebook\n  uses February 2015.", march_2015_missing),
    Claim("singapore-1989-lp04", (LP04,), "Singapore served in UN missions from Namibia in 1989 onward",
          singapore_coalitions),
    Claim("singapore-since-1989-lp04", (LP04,), "It has served in UN missions since 1989 and in coalitions",
          singapore_coalitions),
    Claim("share-049-lp04", (LP04,), "a share such as 0.49 is accepted and the student is told it was read as "
          "49 per cent", idn_share_049),
]


# --- lesson plan 05 --------------------------------------------------------------------------------

def brunei_unifil_share() -> float:
    w = analysis.where_they_serve(data.load_mission_contributions(), ["BRN", "MYS"], "2019-12")
    unifil = w[w["mission"] == "UNIFIL"].set_index("iso3")["total"]
    return float(unifil["BRN"] / unifil.sum())


def khm_missions_dec_2019() -> pd.Series:
    return analysis.where_they_serve(data.load_mission_contributions(), ["KHM"], "2019-12").set_index("mission")[
        "total"]


def answers_in_words() -> bool:
    from pkedu.questions.nb05 import vietnam_growth_2022

    brn = analysis.where_they_serve(data.load_mission_contributions(), ["BRN"], "2019-12")
    return bool(near(country("IDN", 2019) / 4000, 0.73, 0.005) and vietnam_growth_2022() == 195
                and cambodia_dec_2019() and len(khm_missions_dec_2019()) == 7
                and near(brn["total"].sum(), 30, 0.5) and list(brn["mission"]) == ["UNIFIL"]
                and near(brunei_unifil_share(), 0.035, 0.0005) and singapore_coalitions()
                and near(starting_group_cost() / 1428 / 12, 708, 0.01) and near(starting_group_cost(), 12.1e6, 0.05e6))


def brunei_1993() -> bool:
    brn = monthly("BRN")
    present = brn[brn > 0]
    return bool(present.index.min().year == 1993 and mission_data_from_late_2009()
                and present[present.index < "2009-11-01"].index.year.min() == 1993)


CLAIMS += [
    Claim("in-words-lp05", (LP05,), "Indonesia's 2019 average was about 73 per cent of its pledge; Vietnam grew by "
          "195 people\nfrom December 2021 to December 2022; Cambodia was 27th in the world and in seven missions; "
          "30 Bruneians\nin UNIFIL, about 3.5 per cent of the Bruneians and Malaysians there, in one mission "
          "only; Singapore's embedded\nteams were not in UN-led operations; the starting group (708 people, all "
          "reimbursable) would bring about\nUS$12.1 million a year", answers_in_words),
    Claim("best-month-lp05", (LP05,), "(3,545 in November 2018); here students choose how a pledge\n  should be "
          "judged and find that the 2019 average was about three quarters of 4,000",
          lambda: indonesia_pledge_numbers() and three_quarters()),
    Claim("cambodia-27th-lp05", (LP05,), "(27th in the world in December 2019, but spread over seven missions)",
          lambda: cambodia_dec_2019() and len(khm_missions_dec_2019()) == 7),
    Claim("unmet-pledge-lp05", (LP05,), "The unmet 4,000 pledge (about three quarters of it on average in 2019)",
          three_quarters),
    Claim("brunei-worked-case-lp05", (LP05,), "30 Bruneians inside the Malaysian battalion in UNIFIL (about "
          "3.5% of the\ntwo countries' personnel there in December 2019), and no other UN mission in the "
          "mission-level data.",
          lambda: near(brunei_unifil_share(), 0.035, 0.0005) and one_un_binational()),
    Claim("cambodia-mistake-lp05", (LP05,), "Cambodia's place in ASEAN (3) instead of its world rank (27)**, and "
          "counting only the missions with a\n  sizeable unit (4) instead of every mission with anyone (7)",
          lambda: cambodia_dec_2019() and len(khm_missions_dec_2019()) == 7
          and (khm_missions_dec_2019() > 50).sum() == 4),
    Claim("brunei-share-mistake-lp05", (LP05,), "0.035 is accepted and the\n  student is told it was read as 3.5 "
          "per cent", lambda: near(brunei_unifil_share(), 0.035, 0.0005)),
    Claim("brunei-1993-lp05", (LP05,), "Counting Brunei's 1993 personnel as a second mission.** The mission-level "
          "table starts in late 2009, so the\n  count covers only the years since then; the 1993 personnel",
          brunei_1993),
    Claim("bamiyan-lp05", (LP05,), "Calling Bamiyan or the 2017 Iraq deployment a UN mission.** Both were real, "
          "but under NATO-led ISAF and the\n  coalition against the Islamic State.", singapore_coalitions),
    Claim("objected-lp05", (LP05,), "(Singapore in 2004; Vietnam called the 2004 idea \"too early\".)",
          record_by_year),
    Claim("sulu-three-lp05", (LP05,), "Sea patrols were launched by three states with Brunei and Singapore "
          "attending as observers",
          lambda: three_states_one_sea() and "Singapore and Brunei watched the launch as observers"
          in event("maritime_patrol", "patrols launched at Tarakan")["detail"]),
    Claim("laos-2025-lp05", (LP05,), "Laos is the open case: it has no peacekeepers, and in March 2025 it asked "
          "Vietnam for help to build a\npeacekeeping force.",
          lambda: monthly("LAO").fillna(0).max() == 0
          and event("regional_dialogue", "Laos asks Vietnam")["date"] == "2025-03"),
]


def referred_elsewhere_lp04() -> bool:
    """Singapore's last UN year 2013; ASEAN's 2019 bill about US$86 million; some 5,000 from seven in Dec 2019."""
    sgp = monthly("SGP")
    asean_2019 = sum(country(c, 2019) for c in data.ASEAN10)
    dec = analysis.ranking(data.load_contributions(), "2019-12", countries=data.ASEAN10)
    rates = data.load_reimbursement_rates()
    latest = float(rates.sort_values("effective_from")["rate_usd"].iloc[-1])
    return bool(sgp[sgp > 0].index.max().year == 2013 and round(asean_2019 * latest * 12 / 1e6) == 86
                and near(dec["total"].sum(), 5000, 100) and int((dec["total"] > 0).sum()) == 7)


def in_words_lp04() -> bool:
    world = analysis.ranking(data.load_contributions(), "2015-02")
    a = feb_2015()["total"]
    return bool(apcn_2011() and record_by_year() and undecided_three()
                and world.iloc[0]["iso3"] == "BGD" and near(a["IDN"] / a.sum(), 0.49, 0.005))


CLAIMS += [
    Claim("referred-elsewhere-lp04", (LP04,), "Singapore's\nlast year in UN missions (2013) is checked in "
          "notebook 01 and only referred to here; the reimbursement-rate\nchart and the yearly bill for ASEAN's "
          "peacekeepers (about US$86 million in 2019) are in notebook 03, and the\nUN Secretary-General's \"some "
          "5,000 ... from seven ASEAN member States\"", referred_elsewhere_lp04),
    Claim("in-words-lp04", (LP04,), "2011 was the training-centre network; the members who must change are the "
          "three that object and the three with no recorded position; Bangladesh;\nIndonesia had about 49 per "
          "cent of ASEAN's personnel in February 2015.", in_words_lp04),
]


def first_proposal_feedback() -> bool:
    """The check of 04-first-proposal-year has feedback for 2011 (the article) and 2004 (Indonesia's proposal)."""
    from pkedu.questions import get

    feedback = get("04-first-proposal-year").feedback
    return bool({2011, 2004} <= set(feedback) and 2004 in [int(d[:4]) for d in events("force_proposal")["date"]]
                and apcn_2011())


CLAIMS += [
    Claim("pause-1-heading-lp04", (LP04,), "(minute 26, after the 2011 puzzle)", apcn_2011),
    Claim("using-march-lp04", (LP04,), "**Using March 2015.**", march_2015_missing),
    Claim("role-play-lp04", (LP04,), "Malaysia presents\nits 2015 proposal", proposals),
    Claim("redesign-2021-lp04", (LP04,), "Redesigning the proposal as Malaysia's defence minister in 2021",
          lambda: proposals() and "Hishammuddin" in event("force_proposal", "Hishammuddin")["title"]),
    Claim("feedback-2011-2004-lp04", (LP04,), "**2011 or 2004 for the first proposal.** The check's feedback for both",
          first_proposal_feedback),
]
