"""Prose claims of notebook 07 (the capstone), its question texts, capstone texts and lesson plan.

Each claim names a snippet of a sentence and computes every number in it: from the UN tables, from the
events table (whose rows name their sources), or from the package the sentence describes (the claim
list, the question registry, the brief's check). See test_prose_claims.py for the Claim record.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pkedu import analysis, capstone, data
from pkedu.questions import get
from pkedu.questions import nb07

from test_prose_claims import Claim, _cambodia_first_unit, asean, country, near
from prose_claim_helpers import ARTICLE, LP07, NB04, NB07, Q07, ROOT

#: The month the article appeared (9 April 2019): "the past decade" ends before it.
ARTICLE_MONTH = pd.Timestamp("2019-04-01")


# --- helpers -------------------------------------------------------------------------------------

def event(event_id: str) -> pd.Series:
    """One row of the events table (each row names its sources)."""
    return data.load_events().set_index("id").loc[event_id]


def event_year(event_id: str) -> int:
    return int(str(event(event_id)["date"])[:4])


def monthly(iso3: str | list[str]) -> pd.Series:
    """Monthly totals of one country or a group, indexed by month."""
    return analysis.monthly_totals(data.load_contributions(), countries=iso3).set_index("month")["total"]


def expected(question_id: str) -> object:
    """The answer the question registry accepts with the current data."""
    return get(question_id).expected()


# --- the claim list and the exercises ------------------------------------------------------------

def _thirteen_in_three_sets_of_four() -> bool:
    """Thirteen claims: the worked example and three sets of four."""
    sets = capstone.CLAIM_SETS
    members = [c for s in sets.values() for c in s]
    return bool(len(capstone.CLAIMS) == 13 and len(sets) == 3 and all(len(s) == 4 for s in sets.values())
                and sorted(members + [capstone.WORKED_EXAMPLE]) == sorted(c.id for c in capstone.CLAIMS))


def _past_decade_2009_2018() -> bool:
    """2018 is the last full year of data before the article; 2009 to 2018 is ten years, all reported."""
    months = data.load_months()
    before = months[months["month"] < ARTICLE_MONTH]
    counts = before.groupby(before["month"].dt.year)["reported"].sum()
    last_full = int(counts[counts == 12].index.max())
    return bool(last_full == 2018 and counts[2009] == 12 and len(range(2009, last_full + 1)) == 10)


def _khm_threshold_100() -> bool:
    """Above 100 separates Cambodia's first officers (under 50) from its first unit (April 2006)."""
    khm = monthly("KHM")
    return bool(_cambodia_first_unit() and khm[:"2006-03-01"].max() < 50
                and expected("07-khm-first") == nb07.first_month_above("KHM", 100))


def _mmr_largest_is_busiest() -> bool:
    """The largest of all Myanmar's months is the busiest month of 2015-2019, the question's answer."""
    mmr = monthly("MMR")
    return bool(mmr.max() == mmr["2015-01-01":"2019-12-01"].max() == expected("07-mmr-max") == 4)


def _phl_ratio_exercise() -> bool:
    """Exercise 3's recipe (2019 over 2011, times 100) is what the check accepts."""
    return bool(near(float(expected("07-phl-ratio")), 100 * country("PHL", 2019) / country("PHL", 2011), 1e-9))


def _plan_window() -> bool:
    """Indonesia's development plan ran 2015 to 2019 (events table): five years, the exercise's window."""
    detail = event("idn-4000-pledge")["detail"]
    years = range(int(nb07.PLAN_START[:4]), int(nb07.PLAN_END[:4]) + 1)
    return bool("2015 to 2019" in detail and (nb07.PLAN_START, nb07.PLAN_END) == ("2015-01", "2019-12")
                and len(years) == 5)


def _months_at_3000() -> bool:
    """The check counts the months at 3,000 or more, as the exercise says."""
    idn = monthly("IDN")["2015-01-01":"2019-12-01"]
    return bool(expected("07-idn-months-3000") == int((idn >= 3000).sum()) == nb07.idn_months_at_least())


def _no_unit_column() -> bool:
    """The mission table says who serves where, by group, but names no unit: Brunei and Malaysia share UNIFIL."""
    m = data.load_mission_contributions()
    dec = analysis.where_they_serve(m, ["BRN", "MYS"], "2019-12")
    shared = dec.groupby("mission")["iso3"].nunique()
    return bool(set(m.columns) == {"month", "iso3", "mission", "group", "male", "female", "total"}
                and list(shared[shared == 2].index) == ["UNIFIL"])


def _notebook_04_puzzle() -> bool:
    """Notebook 04 has a section called "The 2011 puzzle", about the article's 2011 date."""
    text = (ROOT / NB04).read_text(encoding="utf-8")
    return bool(re.search(r"^### The 2011 puzzle\n\nThe article dates the first proposal to 2011\.", text, re.M))


def _rubric_agrees() -> bool:
    """The notebook's rubric and the lesson plan's marking guide give the same points, 20 in all, and both
    ask for three or more findings and 300-500 words (the length the brief's check counts)."""
    notebook = (ROOT / NB07).read_text(encoding="utf-8")
    plan = (ROOT / LP07).read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (Evidence|Recommendation|Charts|Honesty about limits|Clarity for the audience)"
                           r" \| (\d+) \|", notebook, re.M))
    guide = dict(re.findall(r"^- \*\*(Evidence|Recommendation|Charts|Limits|Clarity) \((\d+)\)\.\*\*", plan, re.M))
    same = [rows[k] == guide[k.split()[0].replace("Honesty", "Limits")] for k in rows]
    return bool(len(rows) == len(guide) == 5 and all(same) and sum(map(int, rows.values())) == 20
                and "out of 20 points" in notebook and "The rubric (20 points)" in plan
                and "| Three or more accurate findings" in notebook and "three or more findings" in plan
                and capstone.BRIEF_WORDS == (300, 500) and notebook.count("300-500 words") == 2
                and "300-500 words" in plan)


# --- the events table ------------------------------------------------------------------------------

def _2011_is_dialogue() -> bool:
    """In 2011 the chart's two rows hold dialogue only, among it the training-centres network."""
    e = data.load_events()
    rows = e[e["date"].str.startswith("2011") & e["category"].isin(["force_proposal", "regional_dialogue"])]
    return bool(set(rows["category"]) == {"regional_dialogue"} and "apcn-endorsed" in set(rows["id"]))


def _proposal_2004_not_2011() -> bool:
    """Indonesia's proposal: February 2004 in the news, 2011 in the article (a disputed event)."""
    row = event("idn-asean-force-proposal")
    proposals = data.load_events().query("category == 'force_proposal'")
    return bool(str(row["date"]) == "2004-02" and bool(row["disputed"]) and "2011" in row["article_claim"]
                and not proposals["date"].str.startswith("2011").any())


def _after_cold_war_sources() -> bool:
    """Brunei after it (1993 in the data, 2008 in the sources); Singapore May 1989; Thailand 1958 or 1985."""
    brn = monthly("BRN")
    return bool(str(event("sgp-first-deployment")["date"]).startswith("1989-05")
                and event_year("tha-first-deployment") == 1958 and "1985" in event("tha-first-deployment")["detail"]
                and event_year("brn-first-deployment") == 2008 and brn[brn > 0].index.min().year == 1993)


def _myanmar_before_2015() -> bool:
    """Burma's observers in 1958 and service in the 1960s (Congo; India-Pakistan 1965-66); 2015 in the data."""
    detail = event("mmr-first-deployment")["detail"]
    mmr = monthly("MMR")
    return bool(event_year("mmr-first-deployment") == 1958 and "Congo" in detail and "1965-66" in detail
                and mmr[mmr > 0].index.min().year == 2015 and mmr.max() <= 4)


def _dialogue_row() -> bool:
    """ADMM-Plus from October 2010; its peacekeeping experts' group and the centres network 2011; Laos in ASEAN."""
    return bool(str(event("admm-plus-inaugurated")["date"]).startswith("2010-10")
                and "ten ASEAN defence ministers" in event("admm-plus-inaugurated")["detail"]
                and event_year("admm-plus-ewg-pko") == 2011 and event_year("apcn-endorsed") == 2011
                and "LAO" in data.ASEAN10)


def _brunei_inside_malaysia_since_2008() -> bool:
    """Brunei in Malaysia's UNIFIL battalion since 2008 (sources), in UNIFIL every month of the mission table."""
    m = data.load_mission_contributions()
    brn = m[(m["iso3"] == "BRN") & (m["total"] > 0)]
    return bool(event_year("brn-mys-unifil-binational") == 2008 and set(brn["mission"]) == {"UNIFIL"}
                and brn["month"].nunique() == m["month"].nunique())


def _almost_all_national() -> bool:
    """From 2019 to 2025 Brunei's soldiers, the one shared unit the sources show, are under 1% of ASEAN's."""
    years = range(2019, 2026)
    return bool(all(country("BRN", y) < asean(y) / 100 for y in years)
                and not bool(event("brn-mys-unifil-binational")["disputed"]))


def _timor_1999() -> bool:
    """East Timor's crisis of 1999: an authorised force from September, a UN mission of up to 8,950 troops."""
    return bool(str(event("interfet-authorised")["date"]).startswith("1999-09")
                and "8,950 troops" in event("untaet-established")["detail"])


def _brunei_inside_malaysia() -> bool:
    """The data show Brunei and Malaysia in one mission; only the sources (events table) show the shared unit."""
    row = event("brn-mys-unifil-binational")
    return bool(_no_unit_column() and "inside Malaysia's UNIFIL battalion" in row["detail"] and row["source_urls"])


def _1958_before_the_data() -> bool:
    """The quiz's 1958 is a real case (Thailand's and Burma's first deployments) that the data cannot see."""
    c = data.load_contributions()
    return bool(c["month"].min() == pd.Timestamp("1990-11-01")
                and event_year("tha-first-deployment") == event_year("mmr-first-deployment") == 1958)


def _khm_hint_recipe() -> bool:
    """The hint's recipe (rows above 100, then the first row's month) gives the answer the check accepts."""
    khm = analysis.monthly_totals(data.load_contributions(), countries="KHM")
    return bool(khm[khm["total"] > 100]["month"].iloc[0] == expected("07-khm-first"))


def _khm_officers_then_unit() -> bool:
    """Two moments: the first officers (May 2005) and, 11 months later, the deminers in Sudan (April 2006)."""
    khm = monthly("KHM")
    first, unit = khm[khm > 0].index.min(), khm[khm > 100].index.min()
    months = (unit.year - first.year) * 12 + unit.month - first.month
    detail = event("khm-first-deployment")["detail"]
    return bool(_cambodia_first_unit() and months == 11 and "deminers" in detail
                and "Sudan" in detail)


def _khm_cabinet_march_2005() -> bool:
    """March 2005 is the cabinet's decision (events table); the UN data show nobody from Cambodia until May."""
    khm = monthly("KHM")
    return bool(str(event("khm-cabinet-approval")["date"]) == "2005-03"
                and khm[khm > 0].index.min() == pd.Timestamp("2005-05-01"))


def _first_deployment_sources() -> bool:
    """The claim's events are first deployments, and they come from sources: the data begin in November 1990."""
    ids = capstone.article._BY_ID["after-cold-war"].events
    e = data.load_events().set_index("id").loc[list(ids)]
    return bool((e["category"] == "first_deployment").all() and e["source_urls"].str.len().gt(0).all()
                and data.load_contributions()["month"].min() == pd.Timestamp("1990-11-01"))


def _khm_first_unit_sources() -> bool:
    """The first unit is dated by national sources (April 2006), the first person by the UN data (May 2005)."""
    return bool(event_year("khm-first-deployment") == 2006 and "first formed unit" in
                event("khm-first-deployment")["detail"] and _cambodia_first_unit())


def _timor_1999_2000() -> bool:
    """INTERFET authorised and UNTAET created in 1999; UNTAET took over from INTERFET in 2000."""
    return bool(event_year("interfet-authorised") == event_year("untaet-established") == 1999
                and event_year("untaet-takes-over-interfet") == 2000)


def _south_sudan_december_2019() -> bool:
    """Five ASEAN states in UNMISS in December 2019, Thailand with 276 troops; no Bruneian."""
    m = data.load_mission_contributions()
    rows = m[(m["month"] == "2019-12-01") & (m["mission"] == "UNMISS") & m["iso3"].isin(data.ASEAN10)
             & (m["total"] > 0)]
    thai = rows[(rows["iso3"] == "THA") & (rows["group"] == "troops")]["total"].sum()
    return bool(rows["iso3"].nunique() == 5 and "BRN" not in set(rows["iso3"]) and thai == 276)


# --- notebook 07 ------------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    Claim("b07-sets", (NB07,), "the thirteen claims are split into three **sets**\nof four",
          _thirteen_in_three_sets_of_four),
    Claim("b07-thirteen", (NB07,), "Here is a starting list of thirteen empirical claims",
          _thirteen_in_three_sets_of_four),
    Claim("b07-decade", (NB07,), "so compare 2009 with 2018, the last full year before she\nwrote",
          _past_decade_2009_2018),
    Claim("b07-khm-100", (NB07,), "Keep the rows whose `total` is\nabove 100", _khm_threshold_100),
    Claim("b07-mmr-largest", (NB07,), "store the\nlargest value of its `total` column as `myanmar_most`",
          _mmr_largest_is_busiest),
    Claim("b07-phl-exercise", (NB07,), "store its 2019\naverage as a percentage of its 2011 average",
          _phl_ratio_exercise),
    Claim("b07-2011-puzzle", (NB07,), "Notebook 04 called this \"the 2011 puzzle\".", _notebook_04_puzzle),
    Claim("b07-2011-dialogue", (NB07,), "What happened in\n2011 sits in the other row: regional dialogue",
          _2011_is_dialogue),
    Claim("b07-plan-window", (NB07,), "the plan's five years, January\n2015 to December 2019", _plan_window),
    Claim("b07-3000", (NB07,), "Indonesia had\n3,000 or more deployed", _months_at_3000),
    Claim("b07-only-sources", (NB07,), "Only the sources can\nsay whether two countries formed one unit",
          _no_unit_column),
    Claim("b07-cold-war-row", (NB07,), "| after-cold-war | partly | Brunei yes; Singapore 1989; Thailand 1958 or 1985 |",
          _after_cold_war_sources),
    Claim("b07-myanmar-row", (NB07,), "| myanmar-2015 | partly | 2015 details hold; \"reversed\" ignores 1958-1960s |",
          _myanmar_before_2015),
    Claim("b07-dialogues-row", (NB07,),
          "| dialogues | supported | ADMM-Plus from 2010, its peacekeeping expert group from 2011, centres network "
          "2011; Laos a member |", _dialogue_row),
    Claim("b07-2004-not-2011", (NB07,), "if Indonesia first proposed a force in\n2004 rather than 2011",
          _proposal_2004_not_2011),
    Claim("b07-least-2011", (NB07,),
          "Indonesia's 2011 date matters least, since an earlier\nproposal only adds to the record of failed attempts",
          _proposal_2004_not_2011),
    Claim("b07-bottom-line", (NB07,),
          "(UN data),\nalmost all in national contingents", _almost_all_national),
    Claim("b07-brunei-2008", (NB07,), "Since 2008 Brunei's soldiers have served inside Malaysia's\n  battalion",
          _brunei_inside_malaysia_since_2008),
    Claim("b07-sources-disagree", (NB07,), "Sources disagree on some\n  dates: the article says 2011, news reports say 2004.",
          _proposal_2004_not_2011),
    Claim("b07-timor-1999", (NB07,), "a crisis on the scale of East Timor in 1999", _timor_1999),
    Claim("b07-rubric", (NB07,),
          "| Evidence | 6 | Three or more accurate findings, each with a date and a source; disputed facts flagged |"
          " Numbers without dates or sources; disputed facts stated as certain |\n"
          "| Recommendation | 5 | Specific (who, what, by when), feasible, and follows from the evidence |"
          " Vague (\"cooperate more\") or unrelated to the evidence |\n"
          "| Charts | 3 | Two charts made with pk.charts, each referred to in the text and showing something the text"
          " needs | Charts not mentioned, or decoration only |\n"
          "| Honesty about limits | 3 | Names what the data cannot show and the main risk | No limits, or overclaims |\n"
          "| Clarity for the audience | 3 | 300-500 words, plain language, bottom line first | Too long or short,"
          " jargon, conclusion buried |", _rubric_agrees),
    # question texts
    Claim("b07-q-only-sources", (Q07,), "only the sources show that Brunei's soldiers are part of Malaysia's battalion",
          _brunei_inside_malaysia),
    Claim("b07-q-1958", (Q07,), "A claim says a country first sent peacekeepers in 1958", _1958_before_the_data),
    Claim("b07-q-3000-hint", (Q07,), "window['total'] >= 3000 is True for each month at or above 3,000.",
          _months_at_3000),
    Claim("b07-q-3000-mistake", (Q07,), "Count only the rows whose total is 3,000 or more, with (... >= 3000).sum().",
          _months_at_3000),
    Claim("b07-q-iloc", (Q07,), "The first row that is left holds the month you want: ['month'].iloc[0].",
          _khm_hint_recipe),
    Claim("b07-q-two-moments", (Q07,),
          "The month the first Cambodian unit, the deminers in Sudan, appears in the UN data: about a year after "
          "the first officers. Which of the two counts as 'joining' is the real question.", _khm_officers_then_unit),
    Claim("b07-q-march-2005", (Q07,), "March 2005 is the cabinet decision to send peacekeepers, not a month in the UN data.",
          _khm_cabinet_march_2005),
    # capstone texts
    Claim("b07-a-first-deployments", (ARTICLE,), "Sources on first deployments (the UN data start only in November 1990).",
          _first_deployment_sources),
    Claim("b07-a-first-unit", (ARTICLE,), "UN data: pk.analysis.first_contributions; national sources on the first unit.",
          _khm_first_unit_sources),
    Claim("b07-a-timor", (ARTICLE,), "Sources on INTERFET and UNTAET (1999-2000)", _timor_1999_2000),
    Claim("b07-q-south-sudan", (Q07,),
          "Five ASEAN states served in South Sudan in December 2019, Thailand with 276 troops, but Brunei did not.",
          _south_sudan_december_2019),
]
