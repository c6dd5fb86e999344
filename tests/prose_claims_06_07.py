"""Prose claims of notebooks 06 and 07, their question texts, lesson plans and capstone texts.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see test_prose_claims.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from test_prose_claims import (
    Claim, _cambodia_first_unit, _force_proposal_years, _indonesia_months_at_3000, _laos_never_deployed,
    _gender_split_starts, _indonesia_peak, _indonesia_usually_2600_3000, _malaysia_fell, _myanmar_2015_2019, _phl_haiti,
    _unmit_june_2010, _women_khm_vnm, asean, country, near,
)
from prose_claim_helpers import ARTICLE, LP06, LP07, NB06, NB07, Q06, Q07


# --- helpers -------------------------------------------------------------------------------------

def monthly(iso3: str | list[str]) -> pd.Series:
    """Monthly totals of one country or a group, indexed by month."""
    return analysis.monthly_totals(data.load_contributions(), countries=iso3).set_index("month")["total"]


def _2009_2011_rise() -> bool:
    """ASEAN's yearly average rose by about 1,480 from 2009 to 2011; Thailand gave about 780 of it."""
    rise = asean(2011) - asean(2009)
    thai = country("THA", 2011) - country("THA", 2009)
    return bool(near(rise, 1480, 5) and near(thai, 780, 5) and thai > rise / 2)


def _thai_home_by_mid_2012() -> bool:
    """Thailand's Darfur battalion (UNAMID troops) is gone from the data from mid-2012."""
    m = data.load_mission_contributions()
    rows = m[(m["iso3"] == "THA") & (m["group"] == "troops") & (m["mission"] == "UNAMID")]
    by_month = rows.groupby("month")["total"].sum()
    return bool(by_month["2011-02-01":"2012-05-01"].min() > 800
                and by_month["2012-06-01":"2014-12-01"].max() < 50)


def _peak_2011() -> bool:
    """2011 is the top of ASEAN's yearly averages between 2005 and 2014."""
    return bool(max(range(2005, 2015), key=asean) == 2011)


def _lasting_rise_2015() -> bool:
    """The level reached in 2015 lasted (every year since within 10% of it), and Indonesia gave most of the rise."""
    idn_rise = country("IDN", 2015) - country("IDN", 2014)
    lasting = all(abs(asean(y) / asean(2015) - 1) < 0.1 for y in range(2016, 2026))
    return bool(idn_rise > (asean(2015) - asean(2014)) / 2 and lasting)


def _worked_example_path() -> bool:
    """Steep climb 2005-2011, dip in 2013-2014, back to about 5,000 by 2019."""
    return bool(asean(2005) < 1000 and asean(2011) > 4.5 * asean(2005)
                and all(asean(y) < 4000 for y in (2013, 2014)) and near(asean(2019), 5000, 20)
                and near(asean(2009), 3450, 10) and near(asean(2018), 4570, 10))


def _explorer_window_2009_2016() -> bool:
    """2009 to 2016 shows Thailand's rise and fall and Indonesia's 2015 rise: the changes the text names."""
    tha, idn = monthly("THA"), monthly("IDN")
    return bool(tha["2009-01-01":"2009-12-01"].max() < 100 and tha["2011-01-01":"2011-12-01"].max() > 700
                and tha["2013-01-01":"2013-12-01"].max() < 100
                and idn["2016-01-01":"2016-12-01"].min() > idn["2014-01-01":"2014-12-01"].max())


def _timor_2000_australia() -> bool:
    """Australia's UN contingent from February to December 2000: about 1,630 to 1,960."""
    aus = monthly("AUS")["2000-02-01":"2000-12-01"]
    return bool(near(aus.min(), 1630, 5) and near(aus.max(), 1960, 5))


def _timor_2000_asean() -> bool:
    """Thailand about 760-980 and the Philippines about 670-970 from February to December 2000."""
    tha, phl = monthly("THA")["2000-02-01":"2000-12-01"], monthly("PHL")["2000-02-01":"2000-12-01"]
    return bool(near(tha.min(), 760, 5) and near(tha.max(), 980, 5)
                and near(phl.min(), 670, 5) and near(phl.max(), 970, 5)
                and monthly("THA")["2000-01-01"] < 100 and monthly("PHL")["2000-01-01"] < 100)


def _timor_1999_and_after() -> bool:
    """Five lines below 200 through 1999; three jump in early 2000; the Philippine line falls at the end of 2001."""
    five = ("AUS", "THA", "PHL", "SGP", "MYS")
    low_1999 = all(monthly(i)["1999-01-01":"1999-12-01"].max() < 200 for i in five)
    jump = [i for i in five if monthly(i)["2000-02-01"] > 3 * monthly(i)["2000-01-01"] + 100]
    phl = monthly("PHL")
    smaller = all(monthly(i)["1999-01-01":"2002-12-01"].max() < 300 for i in ("SGP", "MYS"))
    return bool(low_1999 and jump == ["AUS", "THA", "PHL"] and smaller
                and phl["2001-12-01"] < 300 < phl["2001-11-01"])


def _force_builder_start() -> bool:
    from pkedu.apps.force_builder import DEFAULT_FORCE, force_model

    return bool(near(force_model(DEFAULT_FORCE).numbers["total"], 700, 10))


def asean_month(month: str) -> tuple[int, int]:
    """ASEAN's total and its number of contributing states in one month ("2020-01")."""
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start=month, end=month)
    return int(rows["total"].sum()), int(rows.loc[rows["total"] > 0, "iso3"].nunique())


def _some_5000_from_seven() -> bool:
    """December 2019 and January 2020 (the speech's month) both round to some 5,000 from seven states."""
    counts = [asean_month(m) for m in ("2019-12", "2020-01")]
    return bool(all(4700 <= total <= 5300 and states == 7 for total, states in counts))


def _latest_month_july_2025() -> bool:
    return bool(data.load_contributions()["month"].max() == pd.Timestamp("2025-07-01"))


def _largest_five_2025() -> bool:
    """The five ASEAN states with the largest contingents (July 2025) are the chart's five."""
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start="2025-07", end="2025-07")
    top = set(rows.groupby("iso3")["total"].sum().nlargest(5).index)
    return bool(top == {"IDN", "KHM", "MYS", "THA", "VNM"})


def _gender_gaps() -> bool:
    """No usable split for August 2020 (the country table), and the 2020 average uses the other months."""
    c = data.load_contributions()
    aug = c[c["month"] == "2020-08-01"]
    share = analysis.women_share(c, data.ASEAN10)
    months_2020 = set(share.loc[share["month"].dt.year == 2020, "month"].dt.month)
    first = c.dropna(subset=["female"])["month"].min()
    return bool(len(aug) > 0 and aug["female"].isna().all() and 8 not in months_2020
                and len(months_2020) >= 9 and first == pd.Timestamp("2014-04-01"))


def _first_above_500_feb_2000() -> bool:
    phl = monthly("PHL")
    return bool(phl[phl > 500].index.min() == pd.Timestamp("2000-02-01"))


def _data_begin_november_1990() -> bool:
    """The UN figures start in November 1990, with Indonesia and Malaysia already there."""
    c = data.load_contributions()
    first = c["month"].min()
    present = set(c.loc[(c["month"] == first) & (c["total"] > 0), "iso3"])
    return bool(first == pd.Timestamp("1990-11-01") and {"IDN", "MYS"} <= present)


def _cambodia_experts_may_2005() -> bool:
    """Cambodia's first month: a couple (two) military experts, May 2005."""
    c = data.load_contributions()
    khm = c[(c["iso3"] == "KHM") & (c["total"] > 0)]
    first = khm[khm["month"] == khm["month"].min()]
    return bool(khm["month"].min() == pd.Timestamp("2005-05-01") and list(first["group"]) == ["experts"]
                and int(first["total"].sum()) == 2)


def _event_year(event_id: str) -> int:
    e = data.load_events().set_index("id")
    return int(str(e.loc[event_id, "date"])[:4])


def _indonesia_pledge_row() -> bool:
    """Goal 2012, formal pledge 2015; about 73% of 4,000 in 2019; 3,000 or more in 5 months of 2015-2019."""
    return bool(_event_year("idn-4000-goal") == 2012 and _event_year("idn-4000-pledge") == 2015
                and round(100 * country("IDN", 2019) / 4000) == 73 and _indonesia_months_at_3000())


def _indonesia_below_pledge() -> bool:
    return bool(monthly("IDN").max() < 4000 and near(country("IDN", 2019) / 4000, 0.75, 0.03))


def _objections_2004() -> bool:
    """The 2004 proposal: Singapore, Thailand and Vietnam spoke against it (events table, with sources)."""
    e = data.load_events().set_index("id")
    detail = e.loc["idn-asean-force-proposal", "detail"]
    return bool(_event_year("idn-asean-force-proposal") == 2004
                and all(s in detail for s in ("Singapore", "Thailand", "Vietnam", "premature")))


def _proposals_and_network() -> bool:
    """Proposals about 1995, 2004, 2015; what happened in 2011 was the training-centres network."""
    return bool(_force_proposal_years()[:3] == [1995, 2004, 2015] and 2011 not in _force_proposal_years()
                and _event_year("apcn-endorsed") == 2011)


def _timor_missions_2000_2012() -> bool:
    """The UN took over in 2000 (UNTAET's count jumps in February 2000) and stayed to 2012 (UNMIT's last month)."""
    m = data.load_missions()
    timor = m[m["host_iso3"] == "TLS"]
    return bool(timor["last_month"].max() >= pd.Timestamp("2012-11-01") and timor["last_month"].max().year == 2012
                and monthly("PHL")["2000-02-01"] > 500 > monthly("PHL")["2000-01-01"])


def _phl_ratio_3_per_cent() -> bool:
    """The Philippines' 2019 average is about 3% of its 2011 average, roughly one person in thirty."""
    ratio = country("PHL", 2019) / country("PHL", 2011)
    return bool(round(100 * ratio) == 3 and round(1 / ratio / 10) == 3)


def _phl_mission_last_year(mission: str) -> int:
    m = data.load_mission_contributions()
    rows = m[(m["iso3"] == "PHL") & (m["mission"] == mission) & (m["total"] > 0)]
    return int(rows["month"].max().year)


def _phl_2014_withdrawals() -> bool:
    """The Philippines left UNDOF (Golan Heights) and UNMIL (Liberia) in 2014; 2011 and 2019 are in the data."""
    return bool(_phl_mission_last_year("UNDOF") == 2014 and _phl_mission_last_year("UNMIL") == 2014
                and country("PHL", 2019) < country("PHL", 2011) / 10)


def _phl_from_2018() -> bool:
    """In 2018 and 2019 the Philippines had only police and military experts; from 2020 also one soldier (MINUSCA)."""
    c = data.load_contributions()
    rows = c[(c["iso3"] == "PHL") & (c["month"] >= "2018-01-01") & (c["total"] > 0)]
    early = rows[rows["month"] < "2020-01-01"]
    troops = rows[rows["group"] == "troops"]
    m = data.load_mission_contributions()
    missions = m[(m["iso3"] == "PHL") & (m["group"] == "troops") & (m["month"] >= "2020-01-01") & (m["total"] > 0)]
    return bool(set(early["group"]) == {"police", "experts"} and troops["total"].max() == 1
                and troops["month"].min().year == 2020 and set(missions["mission"]) == {"MINUSCA"})


def _myanmar_missions() -> bool:
    m = data.load_mission_contributions()
    return bool(set(m.loc[(m["iso3"] == "MMR") & (m["total"] > 0), "mission"]) == {"UNMIL", "UNMISS"})


def _laos_none_1990_2025() -> bool:
    c = data.load_contributions()
    years = c["month"].dt.year
    return bool(_laos_never_deployed() and years.min() == 1990 and years.max() == 2025
                and str(data.load_events().set_index("id").loc["lao-asks-vnm-help", "date"]) == "2025-03")


def _proposal_dates() -> bool:
    """Indonesia's proposal February 2004, Malaysia's idea about 1995, the centres network 2011."""
    e = data.load_events().set_index("id")
    return bool(str(e.loc["idn-asean-force-proposal", "date"]) == "2004-02"
                and str(e.loc["mys-asean-force-idea", "date"]) == "1995" and _proposals_and_network())


def _rows_in_january_2020() -> int:
    return len(analysis.select(data.load_contributions(), data.ASEAN10, start="2020-01", end="2020-01"))


def _five_above_250_in_july_2025() -> bool:
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start="2025-07", end="2025-07")
    by_state = rows.groupby("iso3")["total"].sum()
    return bool(set(by_state[by_state > 250].index) == {"IDN", "KHM", "MYS", "THA", "VNM"})


def _un_in_timor_thirteen_years() -> bool:
    timor = data.load_missions().query("host_iso3 == 'TLS'")
    return bool(timor["last_month"].max().year - timor["first_month"].min().year == 13)


def _thai_women_2014() -> bool:
    """Thailand's share of women swung high in 2014, with a few dozen personnel."""
    w = analysis.women_share(data.load_contributions(), ["THA"])
    y2014 = w[w["month"].dt.year == 2014]
    return bool(y2014["share"].min() > 0.3 and y2014["total"].max() < 50)


def _dialogue_dates() -> bool:
    """ADMM-Plus (ten ministers, eight partners) from October 2010; experts' group 2011; network May 2011."""
    e = data.load_events().set_index("id")
    detail = e.loc["admm-plus-inaugurated", "detail"]
    return bool(str(e.loc["admm-plus-inaugurated", "date"]).startswith("2010-10")
                and "ten ASEAN defence ministers" in detail and "eight partner countries" in detail
                and str(e.loc["admm-plus-ewg-pko", "date"]) == "2011"
                and str(e.loc["apcn-endorsed", "date"]) == "2011-05")


# --- notebook 07 and its lesson plan -------------------------------------------------------------

CLAIMS: list[Claim] = [
    Claim("nb07-rise-2009-2011-thai", (NB07,),
          "about 1,480 from 2009 to 2011, about 780 was Thailand's battalion in Darfur, home by mid-2012,",
          lambda: _2009_2011_rise() and _thai_home_by_mid_2012()),
    Claim("nb07-lasting-rise-2015", (NB07,),
          "and the lasting rise came in 2015, mainly from Indonesia.", _lasting_rise_2015),
    Claim("nb07-worked-example-path", (NB07,),
          "the line climbs steeply from 2005 to 2011, dips in 2013-2014 and comes back to about\n5,000 by 2019.",
          _worked_example_path),
    Claim("nb07-explorer-2009-2016", (NB07,), "Indonesia, 2009 to 2016.)", _explorer_window_2009_2016),
    Claim("plan07-grown-row", (LP07,),
          "ASEAN yearly average about 3,450 in 2009 and 4,570 in 2018; over half of the rise to the 2011 peak was "
          "a Thai battalion in Darfur (about 780 of 1,480 from 2009), home by mid-2012; the lasting rise came in "
          "2015 (Indonesia) |",
          lambda: _worked_example_path() and _peak_2011() and _2009_2011_rise() and _thai_home_by_mid_2012()
          and _lasting_rise_2015()),
    Claim("nb07-grown-model-row", (NB07,),
          "| grown | supported | about 3,450 (2009) to 4,570 (2018); the lasting rise came in 2015 |",
          lambda: _worked_example_path() and _lasting_rise_2015()),
    # notebook 06 and its lesson plan
    Claim("plan06-timor-australia", (LP06,),
          "(about 1,630 to 1,960 in\n  the same months, in UN figures)",
          lambda: _timor_2000_australia() and _timor_2000_asean()),
    Claim("plan06-force-builder-700", (LP06,),
          "The starting group in notebook 05's\n  force builder has about 700 people.", _force_builder_start),
    Claim("nb06-timor-lines", (NB06,),
          "all five lines stay below 200 through 1999, while INTERFET was in the field. Then three\nof them jump "
          "in early 2000", _timor_1999_and_after),
    Claim("nb06-phl-falls-2001", (NB06,), "The Philippine line falls again at the end of 2001", _timor_1999_and_after),
    Claim("nb06-unmit-police", (NB06,),
          "the people there were Malaysian, Filipino, Singaporean and\nThai, and most of them were police.",
          _unmit_june_2010),
    Claim("nb06-latest-month", (NB06,), "The same table for July 2025, the latest month", _latest_month_july_2025),
    Claim("nb06-largest-five", (NB06,), "The chart follows the five ASEAN states with the largest contingents",
          _largest_five_2025),
    Claim("nb06-vietnam-2018", (NB06,), "Vietnam's line leaves zero in 2018", _women_khm_vnm),
    Claim("nb06-sg-heading", (NB06,), "Exercise 4 (06.4): \"some 5,000 ... from seven ASEAN member States\"",
          _some_5000_from_seven),
    Claim("nb06-round-number", (NB06,), "The claim holds either way; that is why a round number (\"some 5,000\")",
          _some_5000_from_seven),
    Claim("nb06-seven-states", (NB06,), "Praise for seven states' soldiers", _some_5000_from_seven),
    Claim("nb06-profile-row", (NB06,),
          "The Secretary-General praised \"some 5,000\" from seven states; the data confirm it.",
          _some_5000_from_seven),
    Claim("nb06-summary-sg", (NB06,),
          "The UN Secretary-General's \"some 5,000 ... from seven ASEAN member States\" (January 2020) matches the\n  data.",
          _some_5000_from_seven),
    Claim("nb06-august-2020", (NB06,),
          "The UN report for **August 2020** has no usable gender split", _gender_gaps),
    Claim("nb06-2020-average", (NB06,), "2020 is an average of the other months", _gender_gaps),
    Claim("nb06-summary-gaps", (NB06,), "it starts in April 2014, misses August 2020", _gender_gaps),
    Claim("nb06-three-points", (NB06,), "one officer more or less moves a share of 30 people by three points",
          lambda: round(100 * 1 / 30) == 3),
    Claim("nb06-first-above-500", (NB06,),
          "the Philippine count first passes 500 in the\ncount for the end of February 2000", _first_above_500_feb_2000),
    Claim("nb07-idn-half-since-2015", (NB07,), "more than half of it in every\n  year since 2015.",
          lambda: all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))),
    Claim("nb07-data-begin-1990", (NB07,), "sit at the left edge because the data **begin** in\nNovember 1990",
          _data_begin_november_1990),
    Claim("nb07-nothing-before-1990", (NB07,), "The data cannot test anything before November 1990",
          _data_begin_november_1990),
    Claim("nb07-anything-before-1990", (NB07,), "anything before 1990", _data_begin_november_1990),
    Claim("nb07-cambodia-first-month", (NB07,),
          "Cambodia's first month in the UN data: a couple of military experts, from May 2005.",
          _cambodia_experts_may_2005),
    Claim("nb07-cambodia-row", (NB07,),
          "| cambodia-2005 | supported | experts from May 2005; first unit (over 100) April 2006 |",
          lambda: _cambodia_experts_may_2005() and _cambodia_first_unit()),
    Claim("nb07-pledge-three-quarters", (NB07,),
          "Indonesia's average in 2019, the last year of its plan: about three\nquarters of 4,000.",
          _indonesia_below_pledge),
    Claim("nb07-never-reaches-pledge", (NB07,), "the line never reaches the dashed pledge", _indonesia_below_pledge),
    Claim("nb07-pledge-row", (NB07,),
          "| indonesia-4000 | supported | pledged 2012/2015; unmet (about 73% in 2019; 3,000 or more in 5 months of "
          "2015-2019) |", _indonesia_pledge_row),
    Claim("nb07-laos-never", (NB07,), "Laos, which has never deployed\nanyone", _laos_never_deployed),
    Claim("nb07-proposals-since-1995", (NB07,), "every regional force proposal since 1995 has failed",
          lambda: _force_proposal_years()[0] == 1995),
    Claim("nb07-objections-2004", (NB07,), "in 2004\n  Singapore, Thailand and Vietnam spoke against it",
          _objections_2004),
    Claim("nb07-2011-row", (NB07,),
          "| indonesia-2011 | not supported | proposals in about 1995, 2004, 2015; 2011 = training network |",
          _proposals_and_network),
    # question texts and capstone texts
    Claim("q06-seven-states", (Q06,), "Seven: the Secretary-General's 'seven ASEAN member States' matches the data.",
          _some_5000_from_seven),
    Claim("q06-february-2000", (Q06,), "The jump comes in the count for the end of February 2000",
          _first_above_500_feb_2000),
    Claim("q06-gender-split", (Q06,),
          "The UN has split its figures by gender since April 2014 by country (since November 2009 by mission)",
          _gender_split_starts),
    Claim("q07-data-start", (Q07,), "The UN data start in November 1990.", _data_begin_november_1990),
    Claim("q07-phl-ratio", (Q07,), "About 3%: the Philippines kept roughly one person in thirty.",
          _phl_ratio_3_per_cent),
    Claim("q07-idn-most-months", (Q07,), "Most of the time Indonesia had between 2,600 and 3,000 in the field",
          _indonesia_usually_2600_3000),
    Claim("q07-undof-2014", (Q07,), "That was one of the Philippines' missions until 2014.",
          lambda: _phl_mission_last_year("UNDOF") == 2014),
    Claim("capstone-data-start", (ARTICLE,), "(the UN data start only in November 1990)", _data_begin_november_1990),
    Claim("capstone-grown-years", (ARTICLE,), "e.g. 2009 against 2018", _worked_example_path),
    Claim("capstone-phl-years", (ARTICLE,), "2011 against 2019; news of its 2014", _phl_2014_withdrawals),
    # lesson plan 07
    Claim("plan07-phl-row", (LP07,),
          "Yearly average 894 (2011) to 30 (2019), about 3%; contingents withdrawn from the Golan Heights and Liberia "
          "in 2014; about 137 troops in Haiti until 2017; in 2018 and 2019 only police and military experts (from 2020 "
          "also one soldier, in MINUSCA). Malaysia, named "
          "with it, also fell: about 1,128 (2011) to 845 (2019) |",
          lambda: _phl_ratio_3_per_cent() and _phl_2014_withdrawals() and _phl_haiti() and _phl_from_2018()
          and _malaysia_fell()),
    Claim("plan07-cambodia-row", (LP07,),
          "Two military experts from May 2005 in UN data; first unit (deminers) April 2006, the first month with "
          "more than 100 Cambodians in the data |", lambda: _cambodia_experts_may_2005() and _cambodia_first_unit()),
    Claim("plan07-myanmar-row", (LP07,), "Details right (UNMIL, UNMISS, never more than 4, none after mid-2019)",
          lambda: _myanmar_missions() and _myanmar_2015_2019()),
    Claim("plan07-laos-row", (LP07,), "No Lao personnel in any month 1990-2025; March 2025 request to Vietnam |",
          _laos_none_1990_2025),
    Claim("plan07-2011-row", (LP07,),
          "Proposal in February 2004 (and a Malaysian idea about 1995); 2011 was the training-centres network |",
          _proposal_dates),
    Claim("plan07-pledge-row", (LP07,),
          "Goal 2012, formal pledge 2015; unmet in the data (about 73% in 2019; 3,000 or more in only 5 months of "
          "2015-2019; peak 3,545 in November 2018) |", lambda: _indonesia_pledge_row() and _indonesia_peak()),
    Claim("plan07-sources-2004", (LP07,), "the data cannot help, and the sources found show 2004, not 2011.",
          _proposal_dates),
    Claim("plan07-data-start", (LP07,), "the data start in November 1990, and Thai sources",
          _data_begin_november_1990),
    Claim("plan07-data-start-2", (LP07,), "The data start in November 1990; silence is not",
          _data_begin_november_1990),
    Claim("plan07-upside-down", (LP07,), "A student with about 2,980 has divided the",
          lambda: near(100 * country("PHL", 2011) / country("PHL", 2019), 2980, 10)),
    # lesson plan 06
    Claim("plan06-takeover", (LP06,), "the UNTAET takeover shows up as a jump in February 2000.",
          _first_above_500_feb_2000),
    Claim("plan06-end-of-february", (LP06,), "The data jump in the count for the end of February 2000",
          _first_above_500_feb_2000),
    Claim("plan06-thirteen-years", (LP06,), "The UN stayed thirteen years", _un_in_timor_thirteen_years),
    Claim("plan06-profile", (LP06,),
          "\"some 5,000 ... from seven ASEAN member States\" of January\n  2020 holds in the data",
          _some_5000_from_seven),
    Claim("plan06-thailand-2014", (LP06,), "it swings for small contingents (Thailand in 2014)", _thai_women_2014),
    Claim("plan06-never-500", (LP06,), "(the Philippines never had more than 500 before 2000)",
          lambda: monthly("PHL")[:"1999-12-01"].max() <= 500),
    Claim("plan06-december-4954", (LP06,), "Students who select December 2019 get 4,954",
          lambda: asean_month("2019-12")[0] == 4954),
    Claim("plan06-rows-22", (LP06,), "Students who count rows (`len(...)`) get 22",
          lambda: _rows_in_january_2020() == 22),
    Claim("plan06-five-above-250", (LP06,), "keeps only the five states with more than 250 personnel",
          _five_above_250_in_july_2025),
    Claim("nb07-un-2000-2012", (NB07,), "UN took over in 2000, stayed to 2012", _timor_missions_2000_2012),
    Claim("nb07-missions-until-2012", (NB07,), "missions until 2012", _timor_missions_2000_2012),
    Claim("nb06-until-2012", (NB06,), "the UN stayed in Timor-Leste until 2012", _timor_missions_2000_2012),
    Claim("plan07-timor-row", (LP07,), "UN's own UNTAET from February 2000; UN missions until the end of 2012",
          _timor_missions_2000_2012),
    Claim("plan07-dialogues-row", (LP07,),
          "ADMM-Plus (ten ASEAN defence ministers and eight partners) from October 2010; its experts' working "
          "group on peacekeeping from 2011, each period co-chaired by an ASEAN state and a partner; "
          "training-centres network endorsed May 2011.", _dialogue_dates),
    Claim("plan07-never-4000", (LP07,), "answer \"not supported because Indonesia never sent 4,000\"",
          lambda: monthly("IDN").max() < 4000),
]
