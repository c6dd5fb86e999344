"""Prose claims of notebooks 00 and 01, their questions and lesson plans (see test_prose_claims.py)."""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from test_prose_claims import (
    Claim, _brunei_1993, _broadened_table, _indonesia_band_01, _cambodia_first_unit, _first_month, _gender_split_starts,
    _laos_never_deployed, _late_2014_gap, _march_1991_hole, _monthly, _myanmar_handful, _singapore_2013,
    _singapore_after_may_2013, _spread_jan_2014, _first_months_01, _malaysia_fell, _newcomers_01,
    _phl_troops_01, country, members_count,
)
from prose_claim_helpers import LP00, LP01, NB00, NB01, Q00, Q01


# --- helpers -----------------------------------------------------------------------------------

def _count() -> pd.Series:
    """Number of ASEAN states with anyone deployed, by month (months without a report left out)."""
    return members_count().set_index("month")["contributors"].dropna()


def _first_by_group() -> pd.DataFrame:
    return analysis.first_contributions(data.load_contributions(), data.ASEAN10, by_group=True).set_index("iso3")


def _data_span() -> tuple[pd.Timestamp, pd.Timestamp]:
    months = data.load_months()["month"]
    return months.min(), months.max()


def _data_start_idn_mys() -> bool:
    """The data begin in November 1990, and Indonesia and Malaysia are there in that first month."""
    start, end = _data_span()
    return bool(start == pd.Timestamp("1990-11-01") and end == pd.Timestamp("2025-07-01")
                and _first_month("IDN") == start and _first_month("MYS") == start)


def _brunei_spell_then_2008() -> bool:
    """Brunei: January-September 1993, then nobody until October 2008, then every reported month."""
    brn = _monthly("BRN")
    present = brn[brn > 0]
    after_1993 = present[present.index > "1993-12-01"]
    since = brn["2008-10-01":].dropna()
    return bool(_brunei_1993() and present.index.min() == pd.Timestamp("1993-01-01")
                and present[:"1993-12-01"].index.max() == pd.Timestamp("1993-09-01")
                and after_1993.index.min() == pd.Timestamp("2008-10-01") and (since > 0).all())


def _brunei_unifil() -> bool:
    """Brunei without a break since October 2008, and in UNIFIL in every month of the mission table."""
    m = data.load_mission_contributions()
    brn = m[m["iso3"] == "BRN"]
    months = set(brn["month"])
    unifil = set(brn.loc[brn["mission"] == "UNIFIL", "month"])
    joined = data.load_events().set_index("id").loc["brn-first-deployment"]
    return bool(_brunei_spell_then_2008() and months == unifil
                and str(joined["date"]) == "2008" and "UNIFIL" in joined["title"] and bool(joined["source_urls"]))


def _late_joiners() -> bool:
    """Cambodia (experts 2005, troops 2006), Vietnam (2014), Myanmar (2015): the only firsts after 2000."""
    first = _first_by_group()
    start = first.min(axis=1).dropna()
    late = start[start > pd.Timestamp("2000-12-01")]
    return bool(sorted(late.index) == ["KHM", "MMR", "VNM"]
                and (late["KHM"].year, late["VNM"].year, late["MMR"].year) == (2005, 2014, 2015)
                and first.loc["KHM", "experts"] == pd.Timestamp("2005-05-01")
                and first.loc["KHM", "troops"] == pd.Timestamp("2006-02-01"))


def _cambodia_candidates() -> bool:
    """Observers from May 2005, troops from February 2006, the company (over 100) by April 2006."""
    return bool(_late_joiners() and _cambodia_first_unit())


def _thailand_from_1991() -> bool:
    tha = _monthly("THA")
    return bool(tha[tha > 0].index.min() == pd.Timestamp("1991-04-01"))


def _most_months(values: pd.Series, allowed: set[int]) -> bool:
    return bool(values.isin(allowed).mean() > 0.5)


def _model_answer_count() -> bool:
    """4 or 5 in most months of the 1990s; 8 in most months from August 2015 to June 2019; three newcomers."""
    n = _count()
    nineties = n["1990-11-01":"1999-12-01"]
    eight = n["2015-08-01":"2019-06-01"]
    return bool(_most_months(nineties, {4, 5}) and _most_months(eight, {8})
                and n[n == 8].index.min() == pd.Timestamp("2015-08-01")
                and n[n == 8].index.max() == pd.Timestamp("2019-06-01") and _late_joiners())


def _peak_when_myanmar_returns() -> bool:
    n = _count()
    return bool(n[n == n.max()].index.min() == _first_month("MMR") and _first_month("MMR").year == 2015)


def _never_all_ten() -> bool:
    """At most eight: Laos never, and Singapore's last month (2013) before Vietnam and Myanmar came."""
    sgp = _monthly("SGP")
    last_sgp = sgp[sgp > 0].index.max()
    return bool(_count().max() == 8 == len(data.ASEAN10) - 2 and _laos_never_deployed()
                and last_sgp.year == 2013 and last_sgp < _first_month("VNM") < _first_month("MMR"))


def _first_deployments_by_sources() -> bool:
    """Events table: six first deployments before 1990, five before 1965, most of them disputed."""
    e = data.load_events()
    first = e[e["category"] == "first_deployment"]
    years = first["date"].astype(str).str[:4].astype(int)
    before = first[years < 1990]
    return bool(len(before) == 6 and int((years < 1965).sum()) == 5
                and int(before["disputed"].astype(bool).sum()) > len(before) / 2)


def _phl_after_withdrawals() -> bool:
    return bool(abs(country("PHL", 2014) - 680) <= 5 and abs(country("PHL", 2015) - 180) <= 5
                and all(country("PHL", y) < 50 for y in range(2018, 2026))
                and country("PHL", 2017) >= 50)


def _phl_2019_against_2010() -> bool:
    return bool(abs(country("PHL", 2019) - 30) <= 0.5 and abs(country("PHL", 2010) - 1000) <= 30
                and abs(country("PHL", 2011) - 890) <= 10)


def _only_women_grew() -> bool:
    """"More women" is the only measure of the table on which all three grew (people and missions not)."""
    grew_people = all(country(i, 2019) > country(i, 2011) for i in ("IDN", "MYS", "PHL"))
    return bool(_broadened_table() and not grew_people)


def _vietnam_not_2012() -> bool:
    vnm = _monthly("VNM")
    return bool(_first_month("VNM").year == 2014 and vnm[:"2013-12-01"].fillna(0).sum() == 0)


#: The Diplomat's figures for 31 January 2014 (notebook 00's worked example; they are the source's numbers,
#: which the claim compares with the UN's report of that month).
DIPLOMAT_JAN_2014 = {"BRN": 26, "KHM": 342, "IDN": 1697, "MYS": 909, "PHL": 703, "THA": 33}


def _asean_month(when: str) -> dict[str, int]:
    r = analysis.ranking(data.load_contributions(), when, countries=data.ASEAN10)
    return {str(k): int(v) for k, v in r.set_index("iso3")["total"].items()}


def _diplomat_matches() -> bool:
    """The magazine's six numbers are the UN's report for January 2014, and Singapore has no row."""
    jan = _asean_month("2014-01")
    return bool(jan == DIPLOMAT_JAN_2014 and "SGP" not in jan)


def _three_groups() -> bool:
    return bool(set(data.load_contributions()["group"]) == {"troops", "police", "experts"})


def _iso3_codes() -> bool:
    codes = data.load_contributions()["iso3"].astype(str)
    asean = pd.Series(data.ASEAN10)
    return bool(codes.str.fullmatch(r"[A-Z]{3}").all() and asean.str.fullmatch(r"[A-Z]{3}").all()
                and len(set(codes)) > 100)


def _idn_mys_missing_march_1991() -> bool:
    c = data.load_contributions()
    rows = c[(c["month"] == "1991-03-01") & c["iso3"].isin(["IDN", "MYS"])]
    return bool(_march_1991_hole() and rows["total"].fillna(0).sum() == 0)


def _philippines_check() -> bool:
    """01-philippines-2019: 5 % around the data's 30.0; the yearly sum (360) and 2011 are typical mistakes."""
    from pkedu import questions

    q = questions.get("01-philippines-2019")
    months = analysis.monthly_totals(data.load_contributions(), countries="PHL").set_index("month")["total"]
    total_2019 = float(months["2019-01-01":"2019-12-01"].sum())
    mistakes = [m() if callable(m) else m for m, _ in q.mistakes]
    return bool(country("PHL", 2019) == 30.0 and q.rel_tolerance == 0.05 and total_2019 == 360
                and total_2019 in mistakes and country("PHL", 2011) in mistakes)


def _vietnam_two_officers_2014() -> bool:
    c = data.load_contributions()
    first = c[(c["iso3"] == "VNM") & (c["month"] == "2014-07-01")]
    return bool(_first_month("VNM") == pd.Timestamp("2014-07-01") and first["total"].sum() == 2
                and set(first["group"]) == {"experts"})


def _sgp_last_2013() -> bool:
    sgp = _monthly("SGP")
    return bool(sgp[sgp > 0].index.max().year == 2013)


def _first_deployment_years() -> dict[str, int]:
    """First deployments in the course's events table (dated by their sources), year by state."""
    e = data.load_events()
    first = e[e["category"] == "first_deployment"]
    return {str(i): int(str(d)[:4]) for i, d in zip(first["iso3"], first["date"])}


def _early_years() -> bool:
    years = _first_deployment_years()
    return bool({k: years[k] for k in ("IDN", "MYS", "PHL", "THA", "SGP", "MMR")}
                == {"IDN": 1957, "MYS": 1960, "PHL": 1963, "THA": 1958, "SGP": 1989, "MMR": 1958})


# --- claims ------------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    # notebook 01
    Claim("model-count-01", (NB01,),
          "The number of ASEAN states with UN personnel rose from 4 or 5 in most of the 1990s\nto 8 in most months "
          "from August 2015 to June 2019, and three newcomers (Cambodia, Vietnam, Myanmar) joined",
          _model_answer_count),
    Claim("late-joiners-answer-01", (NB01,),
          "- **Late joiners**: Cambodia (observers 2005, units 2006), Brunei (a short spell in 1993, lasting\n"
          "  contribution from 2008), Vietnam (2014).", lambda: _late_joiners() and _brunei_spell_then_2008()),
    Claim("brunei-lasting-2008-01", (NB01,), "because its lasting contribution starts in 2008",
          _brunei_spell_then_2008),
    Claim("thailand-un-data-1991-01", (NB01,), "in the UN data from 1991", _thailand_from_1991),
    Claim("cambodia-candidates-01", (NB01,),
          "the first observers in the UN figures\n(May 2005), and the first unit (troops from February 2006, the "
          "full demining company by April 2006)", _cambodia_candidates),
    Claim("cambodia-model-01", (NB01,),
          "\"Cambodia's first military observers appear in the UN figures in May 2005",
          _cambodia_candidates),
    Claim("cambodia-unit-2006-01", (NB01,),
          "its first unit, a demining company, followed in 2006", _cambodia_candidates),
    Claim("mission-table-2009-01", (NB01,),
          "the course's mission-level table starts only\nin November 2009",
          lambda: data.load_mission_contributions()["month"].min() == pd.Timestamp("2009-11-01")),
    Claim("left-edge-1990-01", (NB01,),
          "Indonesia and Malaysia sit at the very left edge, November 1990", _data_start_idn_mys),
    Claim("before-1990-01", (NB01,), "For anything before November 1990 we need other sources",
          _data_start_idn_mys),
    Claim("objective-span-01", (NB01,), "series of UN personnel from 1990 to 2025", _data_start_idn_mys),
    Claim("first-depends-01", (NB01,), "where the\n  data begin (November 1990)", _data_start_idn_mys),
    Claim("sources-dates-01", (NB01,),
          "by the sources' dates, six of the ten states had taken part in UN peacekeeping before\n1990, five of "
          "them before 1965, and for most of these first deployments the sources disagree",
          _first_deployments_by_sources),
    Claim("women-from-april-2014-01", (NB01,),
          "women are counted in the country table from April\n2014, so the comparison starts in 2015",
          _gender_split_starts),
    Claim("only-indonesia-01", (NB01,),
          "on people,\n  missions and kinds of personnel, only Indonesia did", _broadened_table),
    Claim("only-women-01", (NB01,),
          "\"more women\" is the only measure on which all three grew", _only_women_grew),
    Claim("phl-shrank-summary-01", (NB01,),
          "the Philippines shrank from about 680 a year in 2014 to about 180\n  in 2015, after its 2014 "
          "withdrawals, and to fewer than 50 from 2018", _phl_after_withdrawals),
    Claim("summary-span-01", (NB01,),
          "Between 1990 and 2019 the number of ASEAN states with personnel in UN missions",
          lambda: _data_start_idn_mys() and _model_answer_count()),
    # questions of notebook 01
    Claim("brunei-1993-prompt-q01", (Q01,),
          "The UN data show three Bruneian experts in every month from January to September 1993, a dozen police "
          "in six of those months and two soldiers in January, then nobody until October 2008.",
          _brunei_spell_then_2008),
    Claim("brunei-1993-explanation-q01", (Q01,), "whether the short spell in 1993 counts",
          _brunei_spell_then_2008),
    Claim("brunei-odd-one-q01", (Q01,), "the data show a short spell in 1993", _brunei_spell_then_2008),
    Claim("brunei-steady-q01", (Q01,), "Brunei's steady presence starts in 2008", _brunei_spell_then_2008),
    Claim("brunei-unifil-q01", (Q01,), "Brunei has served with UNIFIL in Lebanon since 2008", _brunei_unifil),
    Claim("late-joiners-q01", (Q01,),
          "Cambodia, Vietnam and Myanmar, the three states the article dates to 2005, 2014 and 2015",
          _late_joiners),
    Claim("peak-myanmar-q01", (Q01,), "The count reaches its peak when Myanmar returns", _peak_when_myanmar_returns),
    Claim("never-ten-q01", (Q01,),
          "Never all ten: Laos never contributed, and Singapore's last UN personnel left in 2013, before Vietnam "
          "and Myanmar arrived.", _never_all_ten),
    Claim("two-never-q01", (Q01,), "Two states never reach the count at the same time as the others.",
          _never_all_ten),
    Claim("data-start-q01", (Q01,), "they start in 1990", _data_start_idn_mys),
    Claim("myanmar-handful-q01", (Q01,), "never more than a handful of people", _myanmar_handful),
    Claim("cambodia-main-body-q01", (Q01,),
          "The advance party of the demining unit shows up before the main body in April 2006",
          _cambodia_candidates),
    Claim("phl-2019-vs-2010-q01", (Q01,),
          "About 30, against about 1,000 a year in 2010 and about 890 in 2011", _phl_2019_against_2010),
    # questions of notebook 00
    Claim("vietnam-not-2012-q00", (Q00,), "but that is not what the UN data show", _vietnam_not_2012),
    # notebook 00 and its lesson plan
    Claim("three-groups-00", (NB00,), "The UN counts them in three **personnel groups**", _three_groups),
    Claim("three-groups-01", (NB01,), "The UN reports them in three **personnel groups**", _three_groups),
    Claim("iso3-00", (NB00,), "The course writes countries as three-letter codes (called ISO3 codes)", _iso3_codes),
    Claim("diplomat-verdict-00", (NB00,),
          "they are the same, to the\nperson: the magazine's figures are those of the UN's report for January 2014",
          _diplomat_matches),
    Claim("singapore-no-row-00", (NB00,), "Singapore has no row above", _diplomat_matches),
    Claim("six-states-lp00", (LP00,), "A reader who sees six states listed", _spread_jan_2014),
    Claim("cambodia-419-lp00", (LP00,), "A month later Cambodia had 419",
          lambda: _asean_month("2014-02")["KHM"] == 419),
    Claim("singapore-2013-lp00", (LP00,), "where the UN's reports show at most two that year and none after May",
          lambda: _singapore_2013() and _singapore_after_may_2013()),
    Claim("march-1991-lp00", (LP00,),
          "notebook 01 shows a month (March 1991) in which Indonesia and\n  Malaysia are missing from the file",
          _idn_mys_missing_march_1991),
    Claim("release-span-lp00", (LP00,), "the release covering November 1990 to July 2025", _data_start_idn_mys),
    Claim("four-months-lp00", (LP00,), "for four months\"", _late_2014_gap),
    Claim("vietnam-2014-lp00", (LP00,), "the UN figures support 2014", _vietnam_not_2012),
    # lesson plan 01
    Claim("march-1991-lp01", (LP01,),
          "the file\n  for that month lists 37 countries instead of 46, without Indonesia and Malaysia",
          _idn_mys_missing_march_1991),
    Claim("brunei-first-lp01", (LP01,),
          "Brunei's first month in the data is in 1993, although its lasting service starts in 2008",
          _brunei_spell_then_2008),
    Claim("eight-by-2015-lp01", (LP01,),
          "by 2015, eight of the ten\nstates had someone in a UN mission", _model_answer_count),
    Claim("more-by-2015-lp01", (LP01,), "more states taking part by 2015", _model_answer_count),
    Claim("rose-to-8-lp01", (LP01,), "the count of contributing states rose to 8",
          lambda: _count().max() == 8 and _model_answer_count()),
    Claim("data-begin-lp01", (LP01,), "Treating November 1990 as Indonesia's and Malaysia's \"first\".**",
          _data_start_idn_mys),
    Claim("data-begin-2-lp01", (LP01,), "where the data begin (November 1990)", _data_start_idn_mys),
    Claim("namibia-lp01", (LP01,), "that the UN data, which begin in November 1990, cannot show",
          _data_start_idn_mys),
    Claim("newcomers-lp01", (LP01,),
          "Indonesia's yearly average stayed between about 2,650 and\n  2,940 from 2016, while Myanmar never passed 4 "
          "and Vietnam stayed below 100 until 2021",
          lambda: _indonesia_band_01() and _myanmar_handful()
          and _newcomers_01()),
    Claim("myanmar-vietnam-lp01", (LP01,),
          "Myanmar's return in 2015 (never more than 4\n  people) and Vietnam's first two officers in 2014",
          lambda: _myanmar_handful() and _vietnam_two_officers_2014()),
    Claim("cambodia-advance-lp01", (LP01,), "the data show the\n  advance party in February 2006",
          _cambodia_candidates),
    Claim("cambodia-answer-lp01", (LP01,),
          "\"Cambodia's first military observers appear in the UN data in May 2005; its first unit,\na "
          "demining company, deployed in 2006\"", _cambodia_candidates),
    Claim("cambodia-row-lp01", (LP01,), "Observers in the UN data from May 2005; first unit 2006.",
          _cambodia_candidates),
    Claim("phl-row-lp01", (LP01,),
          "troops down by three quarters in 2015 after the 2014 withdrawals and gone by 2018, about 30 people a "
          "year in 2019", lambda: _phl_troops_01() and country("PHL", 2019) == 30.0),
    Claim("malaysia-row-lp01", (LP01,),
          "Malaysia's yearly average fell from about 1,128 (2011) to 845 (2019), with one mission fewer and its "
          "police almost gone; only its number of women rose.", lambda: _broadened_table() and _malaysia_fell()),
    Claim("malaysia-rows-lp01", (LP01,), "1,128 in 2011, 845 in 2019", _malaysia_fell),
    Claim("malaysia-845-lp01", (LP01,), "Malaysia's number (845)", _malaysia_fell),
    Claim("philippines-check-lp01", (LP01,),
          "accepts answers within 5 % of the data's 30.0 (the yearly average of 2019)", _philippines_check),
    Claim("philippines-360-lp01", (LP01,), "the yearly sum (360) and the 2011 figure", _philippines_check),
    Claim("vietnam-laos-lp01", (LP01,), "| Vietnam 2014; Laos none | Both hold in the data. |",
          lambda: _vietnam_not_2012() and _laos_never_deployed()),
    Claim("singapore-2014-lp01", (LP01,), "Singapore's last year given as 2014.** That is the first year with nobody",
          _sgp_last_2013),
    Claim("singapore-may-2013-lp01", (LP01,), "no uniformed personnel in UN missions after May 2013",
          _singapore_after_may_2013),
    Claim("vietnam-police-lp01", (LP01,), "Vietnam's police arrived\neight years after its first officers",
          _first_months_01),
    Claim("thailand-april-1991-lp01", (LP01,), "in the UN data from April 1991", _thailand_from_1991),
    Claim("brunei-row-lp01", (LP01,), "Brunei 2008 for lasting service, with a short spell in the 1993 data",
          _brunei_spell_then_2008),
    # notebook 01, the events table's first deployments
    Claim("early-years-01", (NB01,),
          "Indonesia (1957), Malaysia (1960), the Philippines (1963), Thailand (1958 by Thai\n  official sources",
          _early_years),
    Claim("early-years-2-01", (NB01,), "Singapore (1989), Myanmar as Burma (1958", _early_years),
    Claim("observers-2005-01", (NB01,), "which mission the 2005 observers served in",
          lambda: _cambodia_candidates()
          and data.load_mission_contributions()["month"].min() == pd.Timestamp("2009-11-01")),
]
