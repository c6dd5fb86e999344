"""More prose claims of lesson plans 02 (scale) and 03 (motives); see prose_claims_b0203.py.

Each entry names a sentence and computes what it says from the course's data (see test_prose_claims.py).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from prose_claims_02_03 import (
    _asean_median_change_since_2015, _august_2020_gender, _event_year, _idn_2019_exercise, _idn_more_than_half,
    _khm_women_nov_2021, _rates, _reported_months, _rise_2014_fits_ten, _share_climbs_after_2014,
)
from prose_claims_b0203 import (
    LP02, LP03, ROOT, _contributions, _estimate_is_rate_only, _events, _first_admm_plus, _idn_4000_in_events,
    _largest_six_2015_2021, _latest_month, _monthly, _rank_one_after_filtering, _share_pct, _uniformed_only,
    _world_rank,
)
from test_prose_claims import Claim, _feb_2020_rebound, asean, near, share
from prose_claim_helpers import NB02, NB03

CLAIMS: list[Claim] = []


# --- lesson plan 02 --------------------------------------------------------------------------------


def _reasoning_exercises(notebook: str) -> list[int]:
    """The numbers of the exercises a notebook's text marks as *reasoning*."""
    import re
    text = (ROOT / "notebooks" / "text" / notebook).read_text(encoding="utf-8")
    return [int(n) for n in re.findall(r"^### Exercise (\d+) \([^)]*reasoning\)", text, re.MULTILINE)]


def _asean_2025_so_far() -> bool:
    months = set(_contributions()["month"])
    return bool(_latest_month() == pd.Timestamp("2025-07-01") and near(asean(2025), 4900, 50)
                and all(pd.Timestamp(f"2025-{m:02d}-01") in months for m in range(1, 8)))


def _yearly_by_country(year: int) -> pd.Series:
    c = _contributions()
    rows = c[(c["month"].dt.year == year) & c["iso3"].isin(data.ASEAN10)]
    return (rows.groupby("iso3")["total"].sum() / _reported_months(year)).sort_values(ascending=False)


def _idn_largest_then_mys_khm() -> bool:
    """Indonesia is ASEAN's largest contributor every year since 2011; Malaysia and Cambodia come next
    every year since 2015."""
    last = _latest_month().year
    return bool(all(_yearly_by_country(y).index[0] == "IDN" for y in range(2011, last + 1))
                and all(list(_yearly_by_country(y).index[1:3]) == ["MYS", "KHM"] for y in range(2015, last + 1)))


def _leaders() -> bool:
    """Indonesia 8th in December 2019; Ethiopia, Bangladesh and Nepal first in Jan 2019, Jan 2021, Jul 2025."""
    first = [analysis.ranking(_contributions(), m, top=1)["iso3"].iloc[0] for m in ("2019-01", "2021-01", "2025-07")]
    return bool(_world_rank("IDN", "2019-12") == 8 and first == ["ETH", "BGD", "NPL"])


def _article_matches_november_2018() -> bool:
    """The January 2019 article's order (Ethiopia, Rwanda, then Bangladesh, India, Nepal; India at 6,593) is the
    UN's November 2018 order, not January 2019's."""
    c = _contributions()
    nov = analysis.ranking(c, "2018-11", top=5).set_index("iso3")["total"]
    jan = list(analysis.ranking(c, "2019-01", top=5)["iso3"])
    order = ["ETH", "RWA", "BGD", "IND", "NPL"]
    return bool(list(nov.index) == order and nov["IND"] == 6593 and jan != order)


def _phl_troops_zero_dec_2019() -> bool:
    mix = analysis.personnel_mix(_contributions(), ["PHL"], "2019-12").set_index("group")["total"]
    return bool("troops" in mix.index and mix["troops"] == 0 and (mix.drop("troops") > 0).all())


def _idn_peak_mistakes() -> bool:
    """02-idn-peak has its own message for August and December 2018 (the peak is November 2018)."""
    from pkedu.questions import get
    q = get("02-idn-peak")
    wrong = {str(m[0]() if callable(m[0]) else m[0]) for m in q.mistakes}
    return bool(wrong == {"2018-08", "2018-12"} and q.expected() == pd.Timestamp("2018-11-01"))


def _thailand_line() -> bool:
    """Thailand's Darfur battalion (about 850 a month from February 2011 to May 2012) and its South Sudan
    engineers (about 300 from December 2018)."""
    tha = _monthly("THA")
    darfur = tha["2011-02-01":"2012-05-01"]
    after = tha["2018-12-01":]
    return bool(darfur.between(800, 900).all() and tha["2012-07-01"] < 100 and tha["2018-11-01"] < 50
                and after.dropna().between(250, 350).all()
                and str(_events().loc["tha-unmiss-engineers", "date"]).startswith("2018-12"))


CLAIMS += [
    Claim("asean-4900-lp02-b0203", LP02,
          "\"ASEAN sends about 4,900 peacekeepers\" (its average for January to July 2025)", _asean_2025_so_far),
    Claim("reasoning-exercises-lp02-b0203", LP02, "the reasoning exercises (1, 3, 6 and 7)",
          lambda: _reasoning_exercises("02_scale.md") == [1, 3, 6, 7]),
    Claim("fraction-lp02-b0203", LP02, "(5.94, not 0.0594)", lambda: round(_share_pct("2019-12"), 2) == 5.94),
    Claim("rank-one-lp02-b0203", LP02,
          "Students who rank only the ASEAN states, or take Indonesia's row\n  from a re-ranked table, get rank 1.",
          _rank_one_after_filtering),
    Claim("typical-change-lp02-b0203", LP02, "The typical monthly change since 2015 is 16 people.",
          lambda: _asean_median_change_since_2015() == 16),
    Claim("surge-lp02-b0203", LP02, "Students who call February 2020's +150 a surge have not looked at January's fall.",
          _feb_2020_rebound),
    Claim("share-growth-76-lp02-b0203", LP02, "students who answer about 76% have computed the growth\n  of the share",
          lambda: near((share(2024) / share(2015) - 1) * 100, 76, 0.5)),
    Claim("twice-lp02-b0203", LP02,
          "\"ASEAN's share rose from about 4% to about 8%. Did ASEAN send twice as many\npeople?\"",
          lambda: _share_climbs_after_2014() and asean(2025) < 1.5 * asean(2014)),
    Claim("malaysian-idea-lp02-b0203", LP02,
          "Indonesia itself once turned down a Malaysian idea for a joint force (about 1995).",
          lambda: _event_year("mys-asean-force-idea") == 1995
          and "Indonesia" in str(_events().loc["mys-asean-force-idea", "detail"])
          and "turned it down" in str(_events().loc["mys-asean-force-idea", "detail"])),
    Claim("more-than-half-lp02-b0203", LP02, "### 2. Indonesia provides more than half.", _idn_more_than_half),
    Claim("largest-member-lp02-b0203", LP02, "a regional effort dominated by the largest member",
          _idn_largest_then_mys_khm),
    Claim("next-largest-lp02-b0203", LP02, "Malaysia and Cambodia as the next largest contributors",
          _idn_largest_then_mys_khm),
    Claim("against-largest-heading-lp02-b0203", LP02, "**Against the largest contributors:**", _largest_six_2015_2021),
    Claim("dated-ranking-lp02-b0203", LP02,
          "*\"In the UN's report for December 2019, Indonesia was the eighth-largest\ncontributor.\"* Avoid \"is the "
          "largest\" without a date, because near the top the order changes from month to\nmonth (Ethiopia led in "
          "January 2019, Bangladesh in January 2021, Nepal in July 2025, in the course data).", _leaders),
    Claim("article-november-2018-lp02-b0203", LP02,
          "the notebook shows a January 2019 article that matches the\nUN's November 2018 report.",
          _article_matches_november_2018),
    Claim("about-2900-lp02-b0203", LP02, "Rounding (\"about 2,900\")",
          lambda: near(float(_monthly("IDN")["2019-12-01"]), 2900, 5)),
    Claim("phl-troops-zero-lp02-b0203", LP02,
          "**Listing \"troops\" for the Philippines in December 2019.** The table has a troops row with zero.",
          _phl_troops_zero_dec_2019),
    Claim("august-2020-gap-lp02-b0203", LP02, "**The August 2020 gap read as a mistake in the course.**",
          _august_2020_gender),
    Claim("august-2020-lesson-lp02-b0203", LP02, "surprising number (August 2020)", _august_2020_gender),
    Claim("august-2020-row-lp02-b0203", LP02, "the August 2020 problem", _august_2020_gender),
    Claim("idn-peak-messages-lp02-b0203", LP02,
          "Students who give August 2018 (the speech) or December 2018 (the month after) get their own message.",
          _idn_peak_mistakes),
    Claim("pledge-campaign-lp02-b0203", LP02,
          "because it had pledged 4,000 and\nwas campaigning for a Security Council seat",
          lambda: _idn_4000_in_events() and _event_year("idn-unsc-term") == 2019),
    Claim("outside-count-lp02-b0203", LP02,
          "Stacked chart from 2000; the outside count of January 2015 read from the data",
          lambda: "start=\"2000-01\"" in (ROOT / NB02).read_text(encoding="utf-8")
          and int(_monthly(list(data.ASEAN10))["2015-01-01"]) == 3845),
    Claim("thailand-line-lp02-b0203", LP02,
          "how Thailand's line changes in 2011-2012 and after 2018 (its Darfur battalion and its South Sudan "
          "engineers, notebook 03)", _thailand_line),
    Claim("every-december-lp02-b0203", LP02,
          "compute ASEAN's share for every December from 2010 (the UN published no report\nfor December 2014, so "
          "that year is a gap)",
          lambda: {y for y in range(2010, _latest_month().year)
                   if pd.Timestamp(f"{y}-12-01") not in set(_contributions()["month"])} == {2014}),
    Claim("cambodia-three-lp02-b0203", LP02,
          "about\n12% in the UN data for that month, about 7.7% cumulative since 2006.",
          lambda: near(_khm_women_nov_2021(), 0.12, 0.005) and near(692 / 8951, 0.077, 0.0005)
          and _event_year("khm-first-deployment") == 2006),
]

# --- lesson plan 03 --------------------------------------------------------------------------------

PAID_TYPES = ("Troops", "Staff Officer", "Formed Police Units")


def _calculator_defaults() -> bool:
    """The calculator opens on an 850-strong unit for 12 months, as notebook 03 suggests trying."""
    import inspect
    from pkedu.apps.reimbursement import reimbursement_calculator
    params = inspect.signature(reimbursement_calculator).parameters
    text = (ROOT / NB03).read_text(encoding="utf-8")
    return bool(params["size"].default == 850 and params["months"].default == 12
                and "Try an 850-strong unit" in text)


def _reimbursement_slips() -> bool:
    """03-idn-reimbursement has a message for a month's payment and for twelve times too much."""
    from pkedu.questions import get
    q = get("03-idn-reimbursement")
    values = {round(float(m[0]() if callable(m[0]) else m[0])): m[1] for m in q.mistakes}
    answer = q.expected()
    return bool(_idn_2019_exercise() and "one month's payment" in values.get(round(answer / 12), "")
                and "twelve times too much" in values.get(round(answer * 12), ""))


def _some_kinds_only() -> bool:
    """The estimate uses the rate only, and only troops, staff officers and formed police units of the
    personnel types in the data (experts and individual police are left out)."""
    types = set(_contributions()["type"].dropna())
    return bool(_estimate_is_rate_only() and set(PAID_TYPES) < types
                and {"Experts on Mission", "Individual Police"} <= types - set(PAID_TYPES))


def _third_hint_experts() -> bool:
    from pkedu.questions import get
    hints = get("03-idn-reimbursement").hints
    return bool(len(hints) >= 3 and "experts" in hints[2] and "individual police" in hints[2])


def _khm_reimbursable() -> bool:
    """Cambodia's reimbursable personnel: several hundred on average in every year from 2015."""
    c = _contributions()
    rows = c[(c["iso3"] == "KHM") & c["type"].isin(PAID_TYPES)]
    last = _latest_month().year
    return all(300 <= rows[rows["month"].dt.year == y]["total"].sum() / _reported_months(y) < 1000
               for y in range(2015, last + 1))


def _khm_comparison() -> bool:
    """The calculator can compare with Cambodia in a chosen year at the 2018 rate."""
    from pkedu.apps.reimbursement import reimbursement_model
    r = reimbursement_model(850, 12, "2018-07-01", country="KHM", year=2019)
    return bool(r.numbers.get("country_estimate", 0) > 0 and r.numbers["rate"] == 1428)


def _idn_2019_about_49m() -> bool:
    from pkedu.questions import get
    return bool(near(get("03-idn-reimbursement").expected() / 1e6, 49, 0.5))


def _joint_asean_units_since(year: int) -> list[str]:
    """Events of joint (binational) contingents of two or more ASEAN states from ``year`` on."""
    e = data.load_events()
    joint = e[e["category"] == "binational_contingent"]
    return [row["id"] for _, row in joint.iterrows() if int(str(row["date"])[:4]) >= year
            and len(set(str(row["iso3"]).split(";")) & set(data.ASEAN10)) >= 2]


def _vietnam_centre_2014() -> bool:
    from prose_claims_02_03 import _vietnam_steps
    return bool(_vietnam_steps())


CLAIMS += [
    Claim("estimated-49m-lp03-b0203", LP03, "Money may matter too (an estimated 49\n  million US dollars in 2019, "
          "Exercise 3)", _idn_2019_about_49m),
    Claim("calculator-850-lp03-b0203", LP03,
          "try the reimbursement calculator once with an 850-strong unit for 12 months", _calculator_defaults),
    Claim("calculator-demo-lp03-b0203", LP03, "Calculator demo on the projector (850 for 12 months)",
          _calculator_defaults),
    Claim("exercise-3-2019-lp03-b0203", LP03, "then **Exercise 3** (Indonesia 2019).", _idn_2019_exercise),
    Claim("vietnam-centre-lp03-b0203", LP03,
          "\"Vietnam opened its\npeacekeeping centre in 2014 and its numbers rose in steps afterwards.",
          _vietnam_centre_2014),
    Claim("ten-or-seventeen-heading-lp03-b0203", LP03, "- **The 10 or 17 per cent question.**",
          lambda: _rise_2014_fits_ten() and near(_rates()[pd.Timestamp("2014-07-01")] / 1.17, 1140, 5)),
    Claim("daily-star-17-lp03-b0203", LP03, "it cannot tell us how the Daily Star got 17.",
          lambda: _rise_2014_fits_ten() and not near(_rates()[pd.Timestamp("2014-07-01")] / 1210 - 1, 0.17, 0.02)),
    Claim("cambodia-2018-rate-lp03-b0203", LP03,
          "Use the calculator's comparison (choose Cambodia and a year) to estimate what Cambodia's UN\n"
          "deployments brought in at the 2018 rate", _khm_comparison),
    Claim("pledge-groups-lp03-b0203", LP03, "notebook 02 helps (the 4,000 pledge and the personnel groups)",
          lambda: _idn_4000_in_events() and _uniformed_only()),
    Claim("rate-only-lp03-b0203", LP03,
          "The reimbursement estimates cover only the personnel rate, for\n   only some kinds of personnel",
          _some_kinds_only),
    Claim("third-hint-lp03-b0203", LP03, "The estimate is then a little too high; the third\n  hint says so.",
          _third_hint_experts),
    Claim("divide-by-12-lp03-b0203", LP03,
          "**Forgetting to divide by 12** (the average) and then multiplying by 12 (the year), or doing only one of "
          "the\n  two. Each slip gets its own message (a month's payment; twelve times too much).",
          _reimbursement_slips),
    Claim("several-hundred-lp03-b0203", LP03, "several hundred reimbursable personnel a\n  year", _khm_reimbursable),
    Claim("since-2010-lp03-b0203", LP03, "the meetings held since 2010 produced no joint ASEAN unit",
          lambda: _first_admm_plus() and not _joint_asean_units_since(2010)),
]
