"""More prose claims of notebooks 02 (scale) and 03 (motives), their question texts and lesson plans.

Each entry names a sentence and computes what it says from the course's data (see test_prose_claims.py);
the older claims of the same files are in prose_claims_02_03.py, those of the lesson plans in
prose_claims_b0203_plans.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pkedu import analysis, data
from prose_claims_02_03 import (
    _event_year, _idn_2019_exercise, _idn_peak_unique, _khm_women_nov_2021, _old_rate_placeholder, _rate_in_force,
    _rates, _reported_months, _rise_2014_fits_ten,
)
from test_prose_claims import EAST_AFRICA, SOUTH_ASIA, Claim, asean, near
from prose_claim_helpers import LP02, LP03, NB02, NB03, Q02, Q03, ROOT


# --- helpers ---------------------------------------------------------------------------------------

def _contributions() -> pd.DataFrame:
    return data.load_contributions()


def _events() -> pd.DataFrame:
    return data.load_events().set_index("id")


def _top_by_yearly_average(year: int, n: int) -> set[str]:
    """The ``n`` largest contributors of a year by their average over the year's reported months."""
    c = _contributions()
    rows = c[c["month"].dt.year == year]
    per_country = rows.groupby("iso3")["total"].sum() / _reported_months(year)
    return set(per_country.nlargest(n).index)


def _largest_six_2015_2021() -> bool:
    """The six largest contributors of every year from 2015 to 2021 are the four South Asian and two East
    African states the notebook compares ASEAN with."""
    return all(_top_by_yearly_average(y, 6) == set(SOUTH_ASIA + EAST_AFRICA) for y in range(2015, 2022))


def _idn_4000_in_events() -> bool:
    """The events table records Indonesia's goal (2012) and formal pledge (2015) of 4,000 peacekeepers."""
    e = _events()
    return bool(all("4,000" in str(e.loc[i, "title"]) and "IDN" in str(e.loc[i, "iso3"])
                    for i in ("idn-4000-goal", "idn-4000-pledge"))
                and (_event_year("idn-4000-goal"), _event_year("idn-4000-pledge")) == (2012, 2015))


def _first_admm_plus() -> bool:
    """The earliest ADMM-Plus event in the events table is its inaugural meeting in Hanoi, 12 October 2010."""
    e = data.load_events()
    admm = e[e["title"].str.contains("ADMM-Plus")].sort_values("date")
    first = admm.iloc[0]
    return bool(first["id"] == "admm-plus-inaugurated" and str(first["date"]) == "2010-10-12"
                and "Hanoi" in str(first["title"]))


def _estimate_is_rate_only() -> bool:
    """The calculator's estimate is contingent size x the UN rate x months, and nothing else."""
    from pkedu.apps.reimbursement import reimbursement_model
    numbers = reimbursement_model(850, 12, "2018-07-01").numbers
    return bool(numbers["reimbursement"] == 850 * _rates()[pd.Timestamp("2018-07-01")] * 12
                and numbers["rate"] == 1428)


def _asean_2019_at_one_rate() -> bool:
    """All twelve months of 2019 have a report and the same rate (US$1,428) was in force in each."""
    return bool(_reported_months(2019) == 12
                and {_rate_in_force(f"2019-{m:02d}") for m in range(1, 13)} == {1428})


def _rank_within(countries: list[str], month: str, iso3: str) -> int:
    """The rank of a state after keeping only ``countries`` and ranking again (the mistake students make)."""
    c = _contributions()
    r = analysis.ranking(c[c["iso3"].isin(countries)], month)
    return int(r.set_index("iso3").loc[iso3, "rank"])


def _world_rank(iso3: str, month: str) -> int:
    return int(analysis.ranking(_contributions(), month, countries=[iso3])["rank"].item())


def _rank_one_after_filtering() -> bool:
    """Re-ranking only Indonesia, or only ASEAN, gives Indonesia rank 1; its world rank is lower in both months."""
    return all(_rank_within(["IDN"], m, "IDN") == 1 and _rank_within(list(data.ASEAN10), m, "IDN") == 1
               and _world_rank("IDN", m) > 1 for m in ("2019-12", "2025-07"))


def _ewg_order() -> bool:
    """The events table lists the co-chair pairs in the order Philippines, Cambodia, Indonesia, Vietnam."""
    text = str(_events().loc["admm-plus-ewg-pko", "detail"])
    places = [text.find(s) for s in ("Philippines", "Cambodia and South Korea", "Indonesia and Australia",
                                     "Vietnam and Japan")]
    return bool(min(places) >= 0 and places == sorted(places))


def _uniformed_only() -> bool:
    return bool(set(_contributions()["group"]) == {"troops", "police", "experts"})


def _share_pct(month: str) -> float:
    s = analysis.share_of_world(_contributions(), data.ASEAN10).set_index("month")
    return float(s.loc[pd.Timestamp(f"{month}-01"), "share"]) * 100

def _latest_month() -> pd.Timestamp:
    return pd.Timestamp(_contributions()["month"].max())

def _monthly(iso3: str) -> pd.Series:
    return analysis.monthly_totals(_contributions(), countries=iso3).set_index("month")["total"]


# --- notebook 02 -----------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    Claim("largest-objective-b0203", NB02,
          "Compare ASEAN's contribution with the world total and with the largest contributors",
          _largest_six_2015_2021),
    Claim("largest-heading-b0203", NB02, "## 3. ASEAN and the largest contributors", _largest_six_2015_2021),
    Claim("idn-4000-heading-b0203", NB02, "## 8. Indonesia's 4,000 peacekeepers", _idn_4000_in_events),
    Claim("four-years-b0203", NB02,
          "The table below gives both, as yearly averages, for 2009, 2015, 2018\nand 2024.",
          lambda: all(_reported_months(y) >= 11 for y in (2009, 2015, 2018, 2024))),
]

# --- notebook 03 -----------------------------------------------------------------------------------

CLAIMS += [
    Claim("first-admm-plus-b0203", NB03, "the year of the first ADMM-Plus", _first_admm_plus),
    Claim("rate-only-b0203", NB03, "the estimate covers only the personnel rate", _estimate_is_rate_only),
]

# --- questions of notebook 02 ----------------------------------------------------------------------

CLAIMS += [
    Claim("rank-one-q02-b0203", Q02,
          "Rank 1 is what you get after keeping only Indonesia (or only ASEAN) and ranking again.",
          _rank_one_after_filtering),
    Claim("rank-world-first-q02-b0203", Q02,
          "Rank the whole world first; countries=['IDN'] then keeps Indonesia's world rank.",
          _rank_one_after_filtering),
    Claim("largest-value-q02-b0203", Q02, "find the month of its largest value", _idn_peak_unique),
    Claim("uniformed-only-q02-b0203", Q02, "they count uniformed personnel only", _uniformed_only),
    Claim("khm-since-2006-q02-b0203", Q02, "That is the cumulative share since 2006 from the Cambodian figures.",
          lambda: _event_year("khm-first-deployment") == 2006 and near(692 / 8951 * 100, 7.7, 0.05)),
]

# --- questions of notebook 03 ----------------------------------------------------------------------

CLAIMS += [
    Claim("asean-bound-hint-q03-b0203", Q03, "Multiply the 2019 average by 1,428 and by 12.",
          _asean_2019_at_one_rate),
    Claim("asean-bound-year-q03-b0203", Q03, "The question asks for a year: multiply by 12 as well.",
          _asean_2019_at_one_rate),
    Claim("twelve-months-q03-b0203", Q03,
          "That is twelve times too much: you used the sum of the twelve months instead of the average.",
          _idn_2019_exercise),
    Claim("ewg-second-q03-b0203", Q03, "They came second, before Indonesia and Australia.", _ewg_order),
    Claim("rate-2015-hint-q03-b0203", Q03,
          "Find the last rate whose effective_from date is on or before 2015-07-01.",
          lambda: _rate_in_force("2015-07") == 1332 and pd.Timestamp("2015-07-01") not in _rates().index),
    Claim("rise-2014-hint-q03-b0203", Q03, "The new rate is the one effective from 2014-07-01.",
          lambda: _old_rate_placeholder() and _rise_2014_fits_ten()),
]

# --- formulas the hints state, checked against the answers the questions compute -------------------


def _expected(question: str) -> float:
    from pkedu.questions import get
    return float(get(question).expected())


def _count_growth_formula() -> bool:
    """02-count-growth's answer is (new / old - 1) x 100 with 2015 as old and 2024 as new (both full years)."""
    new, old = asean(2024), asean(2015)
    return bool(near(_expected("02-count-growth"), (new / old - 1) * 100, 1e-9)
                and all(_reported_months(y) >= 11 for y in (2015, 2024)))


def _count_growth_reversed() -> bool:
    """Dividing the old year by the new one gives another number, which the question catches."""
    from pkedu.questions import get
    wrong = (asean(2015) / asean(2024) - 1) * 100
    caught = [m for m in get("02-count-growth").mistakes if callable(m[0]) and near(float(m[0]()), wrong, 1e-9)]
    return bool(_count_growth_formula() and len(caught) == 1 and not near(wrong, _expected("02-count-growth"), 0.5))


def _share_times_100() -> bool:
    """02-asean-share's answer is December 2019's share (a fraction) x 100; x 100 twice is a mistake it catches."""
    from pkedu.questions import get
    answer = _expected("02-asean-share")
    twice = [m for m in get("02-asean-share").mistakes if callable(m[0]) and near(float(m[0]()), answer * 100, 1e-6)]
    return bool(near(answer, _share_pct("2019-12"), 1e-9) and _share_pct("2019-12") / 100 < 1 and len(twice) == 1)


def _khm_women_times_100() -> bool:
    return bool(near(_expected("02-khm-women"), _khm_women_nov_2021() * 100, 1e-9))


def _rise_2014_formula() -> bool:
    """03-rise-2014's answer is (new / old - 1) x 100 with the old average and the July 2014 rate."""
    new, old = _rate_in_force("2014-07"), _rate_in_force("2014-06")
    return bool(near(_expected("03-rise-2014"), (new / old - 1) * 100, 1e-9))


def _top_five_hint() -> bool:
    top = analysis.ranking(_contributions(), "2019-01", top=5)
    from pkedu.questions import get
    return bool(len(top) == 5 and top["iso3"].iloc[0] == get("02-top-2019-01").expected())


CLAIMS += [
    Claim("count-formula-nb02-b0203", NB02,
          "in per cent: (new / old - 1) x 100, with\n`by_year.loc[2024, \"ASEAN\"]` as new and "
          "`by_year.loc[2015, \"ASEAN\"]` as old.", _count_growth_formula),
    Claim("count-formula-hint-q02-b0203", Q02,
          "Per cent change = (new / old - 1) x 100, with 2015 as old and 2024 as new.", _count_growth_formula),
    Claim("count-columns-hint-q02-b0203", Q02,
          "by_year.loc[2024, 'ASEAN'] and by_year.loc[2015, 'ASEAN']", _count_growth_formula),
    Claim("count-formula-mistake-q02-b0203", (Q02, Q03), "Turn it into per cent: (new / old - 1) x 100.",
          lambda: _count_growth_formula() and _rise_2014_formula()),
    Claim("count-reversed-q02-b0203", Q02, "Per cent change = (2024 / 2015 - 1) x 100.", _count_growth_reversed),
    Claim("share-hint-q02-b0203", Q02, "and multiply its share by 100.", _share_times_100),
    Claim("share-twice-q02-b0203", Q02,
          "That number is 100 times too big: it looks like the share was multiplied by 100 twice.", _share_times_100),
    Claim("khm-hint-q02-b0203", Q02, "Pick 2021-11 and multiply the share by 100.", _khm_women_times_100),
    Claim("top-five-hint-q02-b0203", Q02, "pk.analysis.ranking(contributions, '2019-01', top=5) lists the top five.",
          _top_five_hint),
    Claim("same-code-hint-q02-b0203", Q02, "Same code as for 2019-12, with another month.",
          lambda: _expected("02-idn-rank-2019-12") == _world_rank("IDN", "2019-12")
          and _expected("02-idn-rank-2025-07") == _world_rank("IDN", "2025-07")),
    Claim("rise-formula-q03-b0203", Q03, "Per cent rise = (new / old - 1) x 100.", _rise_2014_formula),
]

# --- counts that announce a list -------------------------------------------------------------------


def _items_after(file: str, lead: str) -> int:
    """How many list items ("1." or "-" at the start of a line) follow the sentence ``lead`` in a Markdown
    file, up to the first paragraph that is not a list item."""
    import re
    text = (ROOT / file).read_text(encoding="utf-8")
    after = text[text.index(lead) + len(lead):]
    block = re.split(r"\n\s*\n(?!(?:\d+\.|-)\s)", after.lstrip("\n"), maxsplit=1)[0]
    return len(re.findall(r"^(?:\d+\.|-)\s", block, re.MULTILINE))


def _four_motives() -> bool:
    """Notebook 03 lists four motives, with the names the other sentences give."""
    text = (ROOT / NB03).read_text(encoding="utf-8")
    names = ("Defence cooperation and military diplomacy", "Professionalisation", "International standing", "Money")
    return bool(_items_after(NB03, "Keep four candidates in mind:") == 4
                and all(f"**{n}.**" in text for n in names))


CLAIMS += [
    Claim("five-skills-lp02-b0203", LP02, "This session teaches five skills of careful reading",
          lambda: _items_after(LP02, "students will use for the rest of the course and\nbeyond:") == 5),
    Claim("three-lessons-lp03-b0203", LP03, "Three lessons matter beyond the topic:",
          lambda: _items_after(LP03, "Three lessons matter beyond the topic:") == 3),
    Claim("three-facts-nb03-b0203", NB03, "Three facts about the rate matter:",
          lambda: _items_after(NB03, "Three facts about the rate matter:") == 3),
    Claim("four-candidates-nb03-b0203", NB03, "Keep four candidates in mind:", _four_motives),
    Claim("four-heading-nb03-b0203", NB03, "## 1. Four possible motives", _four_motives),
    Claim("four-objective-nb03-b0203", NB03, "**03.1** Name four motives for sending peacekeepers", _four_motives),
    Claim("four-summary-nb03-b0203", NB03, "- Four motives compete:", _four_motives),
    Claim("four-row-lp03-b0203", LP03,
          "Four possible motives | Collect the students' guesses and sort them under the four headings on the board.",
          _four_motives),
    Claim("four-weigh-lp03-b0203", LP03, "Students weigh four motives", _four_motives),
    Claim("two-sides-lp02-b0203", LP02, "Two sides, both with evidence:",
          lambda: _items_after(LP02, "Two sides, both with evidence:") == 2),
    Claim("three-states-lp03-b0203", LP03, "Different answers for the three states are the point of the question.",
          lambda: _items_after(LP03, "A good answer cites one piece of\nevidence per state.") == 3
          and "### 1. Which motive fits Indonesia, Vietnam and Cambodia best?"
          in (ROOT / LP03).read_text(encoding="utf-8")),
]
