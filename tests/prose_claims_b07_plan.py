"""Prose claims of lesson plan 07 (the capstone): each computes every number of its snippet.

The shared helpers and the claims of notebook 07, its questions and capstone texts are in prose_claims_b07.py.
"""

from __future__ import annotations

import re

import pandas as pd

from pkedu import capstone, data
from pkedu.questions import get

from test_prose_claims import Claim, _cambodia_first_unit, asean, country, near
from prose_claims_b07 import (
    NB07, LP07, ROOT, _after_cold_war_sources, _brunei_inside_malaysia, _khm_threshold_100, _months_at_3000,
    _myanmar_before_2015, _phl_ratio_exercise, _proposal_2004_not_2011, _rubric_agrees,
    _thirteen_in_three_sets_of_four, event, event_year, expected, monthly,
)


# --- helpers --------------------------------------------------------------------------------

def _thirteen_from_every_step() -> bool:
    """Thirteen claims in three sets of four, at least one from each of the argument's five steps."""
    return bool(_thirteen_in_three_sets_of_four() and {c.step for c in capstone.CLAIMS} == {1, 2, 3, 4, 5})


def _check_brief_form() -> bool:
    """The brief's check wants two charts, refuses the same chart twice, and asks for Figure 1 and Figure 2."""
    from pkedu import charts
    from pkedu.capstone.brief import _chart_problems

    c = data.load_contributions()
    one = charts.contributions_over_time(c, countries=["IDN"], start="2015-01")
    other = charts.first_deployments(c)
    text = "We recommend a course. Figure 1 and Figure 2 show it. UN data, pk.analysis. " + "word " * 300
    return bool(_chart_problems([one, other]) == [] and "same" in _chart_problems([one, one])[0]
                and "1 given" in _chart_problems([one])[0]
                and capstone.check_brief(text, charts=[one, other]).status == "recorded"
                and capstone.check_brief(text.replace("Figure 2", "it"), charts=[one, other]).status != "recorded")


def _exercises_of_set_a() -> bool:
    """In the notebook, Exercises 1 and 2 sit under set A's claims (3 under B, 4 under C); the set is as listed."""
    found: dict[str, list[int]] = {}
    current = None
    for line in (ROOT / NB07).read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### Claim \(set ([ABC])\)", line)
        if heading or line.startswith("## "):
            current = heading.group(1) if heading else None
        exercise = re.match(r"\*\*Exercise (\d+) \(07\.2\)", line)
        if exercise and current:
            found.setdefault(current, []).append(int(exercise.group(1)))
    return bool(found == {"A": [1, 2], "B": [3], "C": [4]}
                and capstone.CLAIM_SETS["A"] == ("after-cold-war", "cambodia-2005", "vietnam-2014", "myanmar-2015"))


def _cambodia_2005_or_2006() -> bool:
    """Two Cambodian experts from May 2005 (UN data); the first unit in April 2006 (data and sources)."""
    c = data.load_contributions()
    may = c[(c["iso3"] == "KHM") & (c["month"] == "2005-05-01") & (c["total"] > 0)]
    return bool(list(may["group"]) == ["experts"] and int(may["total"].sum()) == 2 and _cambodia_first_unit()
                and event_year("khm-first-deployment") == 2006)


def _no_2011_proposal_found() -> bool:
    """The events table's note, shown by sources_for("indonesia-2011"), says no 2011 force proposal was found."""
    return bool("no 2011 force proposal was found" in event("apcn-endorsed")["dispute_note"]
                and "apcn-endorsed" in capstone.article._BY_ID["indonesia-2011"].events and _proposal_2004_not_2011())


def _thai_1958_unogil() -> bool:
    return bool(_after_cold_war_sources() and "UNOGIL" in event("tha-first-deployment")["detail"])


def _singapore_police_namibia() -> bool:
    detail = event("sgp-first-deployment")["detail"]
    return bool(_after_cold_war_sources() and "police" in detail and "Namibia" in detail)


def _vietnam_row() -> bool:
    """Two officers to UNMISS in May or June 2014 (sources); in the UN data from July 2014; one outlet says 2012."""
    row = event("vnm-first-deployment")
    vnm = monthly("VNM")
    return bool("May or June 2014" in row["detail"] and "2012" in row["dispute_note"]
                and vnm[vnm > 0].index.min() == pd.Timestamp("2014-07-01"))


def _lao_forums_after_2019() -> bool:
    """No dialogue event of the course names Lao officers before 2019: the only one is Laos's 2025 visit."""
    e = data.load_events()
    lao = e[e["iso3"].fillna("").str.contains("LAO") & (e["category"] == "regional_dialogue")]
    return bool(list(lao["id"]) == ["lao-asks-vnm-help"] and int(lao["date"].str[:4].min()) >= 2019)


def _mindanao_row() -> bool:
    """The OIC-brokered MNLF agreements of 1976 and 1996; the Malaysia-led IMT from 2004."""
    mnlf = event("mindanao-mnlf-peace-agreement")
    return bool(event_year("mindanao-mnlf-peace-agreement") == 1996 and "1976" in mnlf["detail"]
                and "Organisation of Islamic Cooperation" in mnlf["detail"]
                and event_year("imt-mindanao") == 2004 and "Malaysia-led" in event("imt-mindanao")["title"])


def _undated_5000() -> bool:
    """"ASEAN sends 5,000" is true of 2019-2025 (about 4,800 to 5,000 a year) but not of 2005 (under 1,000)."""
    return bool(asean(2005) < 1000 and all(4750 <= asean(y) <= 5050 for y in range(2019, 2026)))


def _one_fact_one_check() -> bool:
    """The three facts are checked by questions of notebooks 01, 05 and 06, and by no question of notebook 07."""
    from pkedu.questions import all_questions

    khm = monthly("KHM")
    facts = {"01-cambodia-experts": f"{khm[khm > 0].index.min():%Y-%m}",
             "05-idn-pledge-2019": 100 * country("IDN", 2019) / 4000,
             "06-sg-total": float(monthly(data.ASEAN10)["2020-01-01"])}
    checked = all(get(q).expected() == value if isinstance(value, str) else near(float(get(q).expected()), value, 1e-6)
                  for q, value in facts.items())
    ours = [q.expected() for q in all_questions() if q.id.startswith("07-")]
    repeated = [v for v in ours for f in facts.values()
                if (str(v)[:7] == f if isinstance(f, str) else isinstance(v, (int, float)) and near(float(v), f, 1))]
    return bool(checked and not repeated)


def _minimum_12_words() -> bool:
    """Evidence needs at least 12 words: "The data show it is wrong" has 6, so only padding gets it through."""
    table = capstone.verdict_table()
    short, padded = "The data show it is wrong", "The data show it is wrong, as far as we can see in the table."
    capstone.record(table, "laos-only", "supported", short, "UN data")
    too_short = "6 words" in capstone.check_verdicts(table, claims=["laos-only"]).details[0]
    capstone.record(table, "laos-only", "supported", padded, "UN data")
    passes = capstone.check_verdicts(table, claims=["laos-only"]).status == "recorded"
    return bool(capstone.MIN_EVIDENCE_WORDS == 12 and too_short and passes)


def _share_read_as_per_cent() -> bool:
    """Exercise 3's check reads a share between 0 and 1 as per cent and says so; Exercise 4 is a count."""
    ratio = float(expected("07-phl-ratio"))
    report = __import__("pkedu").check("07-phl-ratio", ratio / 100)
    return bool(get("07-phl-ratio").unit == "percent" and report.status == "correct"
                and any("share between 0 and 1" in d for d in report.details)
                and get("07-idn-months-3000").unit != "percent")


# --- lesson plan 07 -------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    Claim("b07-p-thirteen", (LP07,),
          "Thirteen empirical claims from the article, at least one from each step of its\n   argument: the worked "
          "example (`grown`), done together, and three sets of four (A, B, C)", _thirteen_from_every_step),
    Claim("b07-p-two-charts", (LP07,), "a source, two distinct charts, \"Figure 1\" and \"Figure 2\"",
          _check_brief_form),
    Claim("b07-p-set-a", (LP07,), "| A | `after-cold-war`, `cambodia-2005`, `vietnam-2014`, `myanmar-2015` | 1, 2 | 01 |",
          _exercises_of_set_a),
    Claim("b07-p-slips", (LP07,), "(the 2011 date; Cambodia\n2005 or 2006)",
          lambda: _proposal_2004_not_2011() and _cambodia_2005_or_2006()),
    Claim("b07-p-cold-war-row", (LP07,),
          "| `after-cold-war` | partly | Brunei fits; Singapore's first peacekeepers (police, Namibia) May 1989, before "
          "the Cold War ended; Thai sources say 1958 or 1985 |", _singapore_police_namibia),
    Claim("b07-p-vietnam-row", (LP07,),
          "| `vietnam-2014` | supported | Officers to UNMISS May/June 2014; in the UN data from July 2014; one outlet's "
          "\"2012\" unsupported |", _vietnam_row),
    Claim("b07-p-myanmar-row", (LP07,), "\"reversed\" ignores 1958 and the 1960s |", _myanmar_before_2015),
    Claim("b07-p-lao-2019", (LP07,), "the sources found do not name Lao officers at a peacekeeping forum before 2019",
          _lao_forums_after_2019),
    Claim("b07-p-mindanao-row", (LP07,),
          "OIC brokered the MNLF agreements (1976, 1996); the Malaysia-led IMT monitored the MILF ceasefire from 2004",
          _mindanao_row),
    Claim("b07-p-cambodia-answer", (LP07,),
          "lists two Cambodian experts from May 2005; they said *partly* because the first unit arrived in 2006.",
          _cambodia_2005_or_2006),
    Claim("b07-p-settle-2011", (LP07,), "Indonesian foreign ministry statements from 2011", _proposal_2004_not_2011),
    Claim("b07-p-not-found", (LP07,), "says\n  no 2011 force proposal was *found*.", _no_2011_proposal_found),
    Claim("b07-p-thai-1958", (LP07,),
          "Thai sources disagree with each other (1958,\n  1985). What would settle it: UN records of the 1958 observer "
          "group (UNOGIL) listing Thai officers.", _thai_1958_unogil),
    Claim("b07-p-only-sources", (LP07,), "only sources can say whether two\n  countries formed one unit.",
          _brunei_inside_malaysia),
    Claim("b07-p-errors-travel", (LP07,), "errors travel: \"Indonesia proposed a force in 2011\"",
          _proposal_2004_not_2011),
    Claim("b07-p-evidence", (LP07,), "- **Evidence (6).** Full marks need three or more findings", _rubric_agrees),
    Claim("b07-p-undated", (LP07,), "Deduct for undated numbers (\"ASEAN sends 5,000\")", _undated_5000),
    Claim("b07-p-recommendation", (LP07,), "- **Recommendation (5).** Who, what, by when.", _rubric_agrees),
    Claim("b07-p-charts", (LP07,), "- **Charts (3).** Both charts", _rubric_agrees),
    Claim("b07-p-limits", (LP07,), "- **Limits (3).** At least one thing", _rubric_agrees),
    Claim("b07-p-clarity", (LP07,), "- **Clarity (3).** Bottom line first, 300-500 words", _rubric_agrees),
    Claim("b07-p-one-check", (LP07,),
          "One fact, one check: Cambodia's first month in the data is checked in notebook 01, Indonesia's 2019 average\n"
          "against its pledge in notebook 05 and the Secretary-General's \"some 5,000\" in notebook 06.",
          _one_fact_one_check),
    Claim("b07-p-new-facts", (LP07,),
          "Exercises 1 and 4 ask for new facts (the first month with a Cambodian unit, the\nmonths at 3,000 or more).",
          lambda: _khm_threshold_100() and _months_at_3000()),
    Claim("b07-p-12-words", (LP07,), "\"The data show it is wrong\" passes the 12-word minimum if padded",
          _minimum_12_words),
    Claim("b07-p-before-1990", (LP07,),
          "- **\"Not supported\" for \"nothing found before 1990\".** The data start in November 1990",
          lambda: data.load_contributions()["month"].min() == pd.Timestamp("1990-11-01")),
    Claim("b07-p-ratio", (LP07,), "`07-phl-ratio` is 2019 divided by 2011.", _phl_ratio_exercise),
    Claim("b07-p-share", (LP07,),
          "Exercise 3 wants per cent; a share between 0 and 1 is accepted and\n  the check says it read it as a share.",
          _share_read_as_per_cent),
]
