"""Prose claims of notebooks 02 (scale) and 03 (motives), their question texts and lesson plans.

Each entry names a sentence and computes what it says from the course's data (see test_prose_claims.py).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from test_prose_claims import (
    EAST_AFRICA, SOUTH_ASIA, Claim, _big_changes_one_in_ten, _denominator_story, _feb_2020_rebound,
    _gender_split_starts, _idn_august_2018, _indonesia_after_peak, _indonesia_peak, _thai_darfur_home_by_mid_2012,
    asean, country, near, ratio, share,
)
from prose_claim_helpers import LP02, LP03, NB02, NB03, Q02, Q03


# --- helpers ---------------------------------------------------------------------------------------

def _contributions() -> pd.DataFrame:
    return data.load_contributions()


def _monthly(countries: str | list[str] | None = None) -> pd.Series:
    """Monthly totals (NaN for a month without a UN report), indexed by month."""
    return analysis.monthly_totals(_contributions(), countries=countries).set_index("month")["total"]


def _in_data(*months: str) -> bool:
    """Every month named (e.g. "2019-12") has a UN report in the country table."""
    present = set(_contributions()["month"])
    return all(pd.Timestamp(f"{m}-01") in present for m in months)


def _reported_months(year: int) -> int:
    months = data.load_months()
    return int((months["reported"] & (months["month"].dt.year == year)).sum())


def _latest_month() -> pd.Timestamp:
    return pd.Timestamp(_contributions()["month"].max())


def _women(countries: list[str] | None = None) -> pd.Series:
    return analysis.women_share(_contributions(), countries).set_index("month")["share"]


def _khm_women_nov_2021() -> float:
    return float(_women(["KHM"])["2021-11-01"])


def _khm_women_2014_2017() -> bool:
    """Women were 3% to 5% of Cambodia's personnel in each year from 2014 to 2017 (rounded)."""
    k = _women(["KHM"])
    by_year = k.groupby(k.index.year).mean()
    return bool(all(0.025 <= by_year[y] < 0.055 for y in range(2014, 2018)))


def _idn_only_asean_in_top_ten_2019() -> bool:
    c = _contributions()
    for month in pd.date_range("2019-01-01", "2019-12-01", freq="MS"):
        top = analysis.ranking(c, month.strftime("%Y-%m"), top=10)
        if [i for i in top["iso3"] if i in data.ASEAN10] != ["IDN"]:
            return False
    return True


def _idn_more_than_half() -> bool:
    """Indonesia had more than half of ASEAN's personnel in every year since 2015 and in the latest month."""
    latest = _latest_month()
    return bool(all(country("IDN", y) > asean(y) / 2 for y in range(2015, latest.year + 1))
                and _monthly("IDN")[latest] > _monthly(data.ASEAN10)[latest] / 2)


def _idn_pledge_never_reached() -> bool:
    return bool(_monthly("IDN").max() < 4000)


def _jokowi_three_months_later() -> bool:
    """2,689 in August 2018; only November 2018 (3,545, the one peak month) came within 100 of 3,552."""
    idn = _monthly("IDN").dropna()
    close = idn[idn >= 3552 - 100]
    return bool(_idn_august_2018() and _indonesia_peak() and list(close.index) == [pd.Timestamp("2018-11-01")]
                and (idn.index > pd.Timestamp("2018-08-01")).sum() > 3
                and idn["2018-09-01":"2018-10-01"].max() < 2700)


def _gaps_not_zeros() -> bool:
    """Months without a UN report are not in the table, and monthly totals show them as NaN (a gap)."""
    months = data.load_months()
    unreported = set(months.loc[~months["reported"], "month"])
    in_table = set(_contributions()["month"])
    totals = _monthly(data.ASEAN10)
    gaps = totals[totals.index.isin(unreported)]
    return bool(unreported and not unreported & in_table and len(gaps) > 0 and gaps.isna().all())


def _mission_table_months() -> bool:
    """From November 2009 the mission table misses March 2018 to August 2019 and ten other months."""
    present = set(pd.to_datetime(data.load_mission_contributions()["month"].unique()))
    span = pd.date_range("2009-11-01", _latest_month(), freq="MS")
    missing = [m for m in span if m not in present]
    long_gap = list(pd.date_range("2018-03-01", "2019-08-01", freq="MS"))
    others = [m for m in missing if m not in long_gap]
    return bool(min(present) == pd.Timestamp("2009-11-01") and set(long_gap) <= set(missing)
                and len(others) == 10 and len(missing) < len(span) / 2)


def _august_2020_gender() -> bool:
    """August 2020 keeps its totals (81,820 in all) but no split by gender; about 6.5% in July and September."""
    c = _contributions()
    aug = c[c["month"] == "2020-08-01"]
    months = data.load_months().set_index("month")
    w = _women()
    return bool(len(aug) > 0 and aug["total"].notna().all() and aug["female"].isna().all()
                and months.loc["2020-08-01", "world_total"] == 81820
                and pd.Timestamp("2020-08-01") not in w.index
                and all(near(w[m], 0.065, 0.002) for m in ("2020-07-01", "2020-09-01")))


def _share_climbs_after_2014() -> bool:
    years = range(2014, 2026)
    return bool(all(share(a) < share(b) for a, b in zip(years, years[1:]))
                and near(share(2014), 0.04, 0.003) and near(share(2025), 0.08, 0.003))


def _ratio_south_asia() -> bool:
    """Four to five times from 2019, more than five times in every year from 2001 to 2018."""
    return bool(all(4 <= ratio(SOUTH_ASIA, y) <= 5 for y in range(2019, 2026))
                and all(ratio(SOUTH_ASIA, y) > 5 for y in range(2001, 2019)))


def _level_since(first: int) -> bool:
    """ASEAN's yearly average stayed between about 4,550 and 5,050 (rounded to 50) from ``first`` on."""
    return all(4550 <= asean(y) <= 5050 for y in range(first, _latest_month().year + 1)
               if y not in (2013, 2014))


def _three_groups() -> bool:
    return bool(set(_contributions()["group"]) == {"troops", "police", "experts"})


def _months_stored_as_first_day() -> bool:
    return bool((_contributions()["month"].dt.day == 1).all() and _in_data("2015-01"))


def _share_is_a_fraction() -> bool:
    s = analysis.share_of_world(_contributions(), data.ASEAN10)["share"].dropna()
    return bool(s.between(0, 1).all() and s.max() < 0.2)


def _lasting_rise_2015() -> bool:
    return bool(near(asean(2015) / asean(2014) - 1, 0.18, 0.01)
                and all(asean(y) > asean(2014) * 1.1 for y in range(2015, _latest_month().year + 1)))


def _bangladesh_first_aug_2020() -> bool:
    top = analysis.ranking(_contributions(), "2020-08", top=1)
    return bool(top["iso3"].iloc[0] == "BGD")


def _top_five(when: str) -> list[str]:
    return list(analysis.ranking(_contributions(), when, top=5)["iso3"])


def _top_five_change() -> bool:
    """The top five of January 2019, January 2021 and July 2025 differ in order, and in each month two of
    them are less than 300 apart (a few hundred soldiers rotating home would swap them)."""
    months = ("2019-01", "2021-01", "2025-07")
    close = all((-analysis.ranking(_contributions(), m, top=5)["total"].diff()).min() < 300 for m in months)
    return bool(len({tuple(_top_five(m)) for m in months}) == 3 and close)


def _ranking_keeps_world_rank() -> bool:
    c = _contributions()
    one = analysis.ranking(c, "2019-12", countries=["IDN"])
    full = analysis.ranking(c, "2019-12").set_index("iso3")
    return bool(len(one) == 1 and one["rank"].item() == full.loc["IDN", "rank"] and one["rank"].item() > 1)


def _asean_below_15_dec_2019() -> bool:
    r = analysis.ranking(_contributions(), "2019-12")
    asean_ranks = r[r["iso3"].isin(data.ASEAN10) & (r["total"] > 0)]["rank"]
    return bool(asean_ranks.min() <= 15 and (asean_ranks > 15).sum() >= 2)


def _share_rose_with_the_world_falling() -> bool:
    latest = _latest_month().year
    count = asean(latest) / asean(2015) - 1
    return bool(share(latest) / share(2015) - 1 > 0.5 and count < 0.05 and _denominator_story())


def _idn_peak_unique() -> bool:
    idn = _monthly("IDN").dropna()
    return bool((idn == idn.max()).sum() == 1 and _indonesia_peak())


# --- notebook 02 -------------------------------------------------------------------------------------

def _mostly_troops_in_lebanon_and_africa() -> bool:
    """ASEAN's personnel in 2019: over 90% troops; December 2019: 99% in Lebanon (UNIFIL) or in Africa."""
    c = data.load_contributions()
    asean19 = c[c["iso3"].isin(data.ASEAN10) & (c["month"].dt.year == 2019)]
    troops = asean19.loc[asean19["group"] == "troops", "total"].sum() / asean19["total"].sum()
    where = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2019-12")
    continent = where["mission"].map(data.load_missions().set_index("mission")["continent"])
    placed = where.loc[(where["mission"] == "UNIFIL") | (continent == "Africa"), "total"].sum()
    return bool(troops > 0.9 and placed / where["total"].sum() > 0.99)


CLAIMS: list[Claim] = [
    Claim("only-from-april-2014-02", NB02,
          "In this table `male` and `female` are only filled in from April 2014", _gender_split_starts),
    Claim("by-mission-split-02", NB02,
          "(Its figures by mission, which start in November 2009, have the split from the start.)",
          _gender_split_starts),
    Claim("gap-not-zero-02", NB02,
          "A month with no UN report is not in the table at all, and charts show it as a gap, never as a zero.",
          _gaps_not_zeros),
    Claim("first-day-02", NB02,
          "The table stores every month as its first day, so in code January 2015 is written `\"2015-01-01\"`; in the\n"
          "text we write it as 2015-01.", _months_stored_as_first_day),
    Claim("surge-report-02", NB02,
          "150 more Southeast Asian peacekeepers in February 2020", _feb_2020_rebound),
    Claim("around-feb-2020-02", NB02, "Look at the months around February 2020", _feb_2020_rebound),
    Claim("typical-since-2015-02", NB02,
          "store the typical size of a monthly change since January 2015",
          lambda: _asean_median_change_since_2015() == 16),
    Claim("rise-150-unusual-02", NB02, "so a\nrise of 150 is unusually large",
          lambda: _feb_2020_rebound() and _big_changes_one_in_ten()),
    Claim("made-up-most-02", NB02,
          "and February\nonly made up most of that fall, so February was still below December 2019",
          _feb_2020_rebound),
    Claim("rise-2014-2015-lasts-02", NB02, "as in the rise from 2014 to 2015", _lasting_rise_2015),
    Claim("asean-level-2011-02", NB02,
          "ASEAN's line dips in 2013-2014 and otherwise stays between\nabout 4,550 and 5,050 a year from 2011 on",
          lambda: _level_since(2011) and all(asean(y) < 4000 for y in (2013, 2014))),
    Claim("share-climbs-02", NB02,
          "the share climbs steadily after 2014, from about 4% to about 8% in 2025", _share_climbs_after_2014),
    Claim("hardly-more-02", NB02,
          "ASEAN did send\nmore people in 2015 (its yearly average rose by about 18% on 2014), but hardly more after "
          "that: about 4,690 a\nyear in 2015 and 4,880 in 2025.",
          lambda: _lasting_rise_2015() and near(asean(2015), 4690, 10) and near(asean(2025), 4880, 10)
          and asean(2025) / asean(2015) - 1 < 0.05),
    Claim("share-fraction-02", NB02, "the world total and the `share` (a fraction between 0 and 1)",
          _share_is_a_fraction),
    Claim("december-2019-share-02", NB02, "Find ASEAN's share in **December 2019**",
          lambda: _in_data("2019-12")),
    Claim("count-2015-2024-02", NB02, "how much the **count** changed from 2015 to 2024",
          lambda: all(_reported_months(y) >= 11 for y in (2015, 2024))),
    Claim("from-2009-to-2018-02", NB02,
          "From 2009\nto 2018 the count rose by about a third (about 3,450 to 4,570 a year) and the share rose too "
          "(about 3.7% to\n5.0%)", _denominator_story),
    Claim("part-ways-02", NB02,
          "From 2015 to 2024 the two part ways: the count rose by only a few per cent,\nwhile the share rose by about "
          "three quarters (4.4% to 7.8%), because the world total fell from about 106,000\nto 62,500.",
          _denominator_story),
    Claim("bangladesh-largest-02", NB02, "\"Bangladesh is the largest contributor\"", _bangladesh_first_aug_2020),
    Claim("idn-ranks-02", NB02,
          "Store Indonesia's rank in December 2019 as `idn_rank_2019_12` and in July 2025\n(the latest month)",
          lambda: _in_data("2019-12") and _latest_month() == pd.Timestamp("2025-07-01")),
    Claim("three-groups-02", NB02, "The UN counts three **personnel groups**", _three_groups),
    Claim("mix-december-2019-02", NB02,
          "The next chart splits each state's personnel into the three groups, for December 2019.",
          lambda: _three_groups() and _in_data("2019-12")),
    Claim("troop-share-2019-02", NB02, "Store the troops' share of ASEAN's personnel in December 2019",
          lambda: _in_data("2019-12")),
    Claim("mission-table-months-gaps-02", NB02,
          "The UN published it for most months since November\n2009 (not from March 2018 to August 2019,\n"
          "nor in ten other months).", _mission_table_months),
    Claim("summer-2020-02", NB02, "Look at the world's share of women in the summer of\n2020:",
          _august_2020_gender),
    Claim("august-2020-missing-02", NB02, "August 2020 is missing.", _august_2020_gender),
    Claim("august-2020-neighbours-02", NB02,
          "of 81,820), against about 6.5% in the months before and after.", _august_2020_gender),
    Claim("august-2020-kept-02", NB02,
          "data therefore keeps August 2020's totals but leaves its split by gender empty (see `data/README.md`), "
          "so\none bad month cannot lift the 2020 average.", _august_2020_gender),
    Claim("cumulative-share-02", NB02,
          "The\ncumulative figure (about 7.7%)",
          lambda: near(692 / 8951, 0.077, 0.0005) and _khm_women_nov_2021() > 0.077),
    Claim("few-women-early-02", NB02,
          "(3% to 5% of Cambodia's\npersonnel from 2014 to 2017 in the UN's data)", _khm_women_2014_2017),
    Claim("minister-neither-02", NB02, "The minister's \"20 per cent\" matches neither",
          lambda: _khm_women_nov_2021() < 0.15 and 692 / 8951 < 0.15),
    Claim("essay-quote-02", NB02,
          "\"Cambodia's defence minister said 20 per cent in November 2021; UN figures for that month show about 12%.\"",
          lambda: near(_khm_women_nov_2021(), 0.12, 0.005)),
    Claim("never-reaches-pledge-02", NB02, "the line never reaches the dashed pledge", _idn_pledge_never_reached),
    Claim("idn-under-2000-02", NB02, "Indonesia rose from under 2,000 in 2014",
          lambda: bool(_monthly("IDN")["2014-01-01":"2014-12-01"].max() < 2000)),
    Claim("stayed-until-march-2019-02", NB02,
          "fell to about 3,070 and stayed there until March 2019", _indonesia_after_peak),
    Claim("three-months-later-02", NB02,
          "and the UN's\ncount came close to his figure only three months later, in its one peak month.",
          _jokowi_three_months_later),
    Claim("close-in-november-02", NB02,
          "The UN's total came\nclose to 3,552 in November 2018, after the new units had arrived.",
          _jokowi_three_months_later),
    Claim("level-2019-share-02", NB02, "5.7% of all UN uniformed personnel in 2019",
          lambda: near(share(2019), 0.057, 0.0005) and _level_since(2015)),
    Claim("south-asia-summary-ratio-02", NB02,
          "In every year since 2019 four South Asian states have sent four to five times as many (from 2001 to 2018 "
          "more than five times), and since 2008\n  two East African "
          "states more than all of ASEAN.",
          lambda: _ratio_south_asia() and all(ratio(EAST_AFRICA, y) > 1 for y in range(2008, 2026))),
    Claim("idn-half-summary-02", NB02,
          "**Indonesia** provides more than half of\n  the total and in 2019 was the only ASEAN state in the world's "
          "top ten.", lambda: _idn_more_than_half() and _idn_only_asean_in_top_ten_2019()),
    Claim("national-claims-02", NB02,
          "**National claims** (Cambodia's \"20 per cent\" women, Jokowi's 3,552) differ from the UN's counts.",
          lambda: _khm_women_nov_2021() < 0.15 and _monthly("IDN")["2018-08-01"] < 3552 - 500),
    Claim("idn-half-prompt-02", NB02, "Indonesia provides more than half of ASEAN's peacekeepers.",
          _idn_more_than_half),
    Claim("share-rose-world-fell-02", NB02,
          "ASEAN's share rose after 2015 mainly because the world total fell", _share_rose_with_the_world_falling),
    Claim("top-15-dec-2019-02", NB02,
          "The chart below ranks the top 15 in December 2019 and adds the ASEAN states further down.",
          _asean_below_15_dec_2019),
    Claim("top-five-change-02", NB02, "the top five change order", _top_five_change),
    Claim("top-five-three-months-02", NB02, "Here is the top five in\ntwo months:", _top_five_change),
    Claim("few-hundred-swap-02", NB02,
          "because a few hundred soldiers rotating home can swap two places", _top_five_change),
    Claim("ranking-world-rank-02", NB02,
          "it keeps only Indonesia's row but leaves\nits **world** rank unchanged", _ranking_keeps_world_rank),
    Claim("idn-highest-month-02", NB02,
          "Store the month of Indonesia's highest total in the data as `idn_peak`", _idn_peak_unique),
    Claim("idn-largest-value-02", NB02, "the month (the row label) of the largest value", _idn_peak_unique),
]


def _asean_median_change_since_2015() -> float:
    return float(_monthly(data.ASEAN10).diff()["2015-01-01":].abs().median())


# --- notebook 03 -------------------------------------------------------------------------------------

PAID_TYPES = ["Troops", "Staff Officer", "Formed Police Units"]


def _rate_table() -> pd.DataFrame:
    r = data.load_reimbursement_rates()
    return r.assign(effective_from=pd.to_datetime(r["effective_from"]))


def _rates() -> pd.Series:
    return _rate_table().set_index("effective_from")["rate_usd"]


def _rate_in_force(month: str) -> float:
    rates = _rates()
    return float(rates[rates.index <= pd.Timestamp(f"{month}-01")].iloc[-1])


def _old_rate_placeholder() -> bool:
    """The first row is dated 1992-01-01 (year only), about US$1,210, replaced in July 2014."""
    r = _rate_table()
    first = r.iloc[0]
    return bool(first["effective_from"] == pd.Timestamp("1992-01-01") and first["rate_usd"] == 1210
                and "Year only" in str(first["note"]) and r.iloc[1]["effective_from"] == pd.Timestamp("2014-07-01"))


def _rise_2014_fits_ten() -> bool:
    """From 1,210 to the July 2014 rate is about 10% (one report's figure), not 17% (the other's)."""
    rates = _rates()
    rise = rates[pd.Timestamp("2014-07-01")] / rates[pd.Timestamp("1992-01-01")] - 1
    return bool(_old_rate_placeholder() and near(rise, 0.10, 0.005) and _rate_in_force("2015-07") == 1332)


def _rates_axis_from_zero() -> bool:
    """The rates chart, drawn as students see it, labels its vertical axis from $0."""
    import re
    import vl_convert
    from pkedu import charts
    svg = vl_convert.vegalite_to_svg(charts.reimbursement_rates(data.load_reimbursement_rates()).to_dict())
    labels = set(re.findall(r">\$([\d,]+)<", svg))
    return bool("0" in labels and "1,400" in labels)


def _idn_2019_exercise() -> bool:
    """All twelve months of 2019 have a report, Indonesia has reimbursable rows in each, and US$1,428 was in force."""
    c = _contributions()
    rows = c[(c["iso3"] == "IDN") & (c["month"].dt.year == 2019) & c["type"].isin(PAID_TYPES)]
    return bool(_reported_months(2019) == 12 and rows["month"].nunique() == 12
                and _rate_in_force("2019-01") == _rate_in_force("2019-12") == 1428)


def _paid_types_most() -> bool:
    """Troops, staff officers and formed police units were most of all uniformed personnel in every year."""
    c = _contributions()
    paid = c["total"].where(c["type"].isin(PAID_TYPES), 0).groupby(c["month"].dt.year).sum()
    return bool((paid / c.groupby(c["month"].dt.year)["total"].sum()).min() > 0.5)


def _events(*categories: str) -> pd.DataFrame:
    e = data.load_events()
    return e[e["category"].isin(categories)]


def _event_year(event_id: str) -> int:
    e = data.load_events().set_index("id")
    return int(str(e.loc[event_id, "date"])[:4])


def _steps_2010_2014() -> bool:
    """Most regional dialogue steps and several national centres fall in 2010-2014."""
    years = lambda cat: _events(cat)["date"].astype(str).str[:4].astype(int)  # noqa: E731
    regional, centres = years("regional_dialogue"), years("training_centre")
    return bool(regional.between(2010, 2014).mean() > 0.5 and centres.between(2010, 2014).sum() >= 3
                and _event_year("admm-plus-inaugurated") == 2010 and _event_year("admm-plus-ewg-pko") == 2011
                and _event_year("apcn-endorsed") == 2011)


def _idn_standing_order() -> bool:
    """Pledge events (2012, 2015, both disputed) before the Council term (2019-2020)."""
    pledges = _events("pledge")
    pledges = pledges[pledges["iso3"] == "IDN"]
    council = _events("security_council")
    council = council[council["iso3"] == "IDN"]
    years = sorted(int(str(d)[:4]) for d in pledges["date"])
    council_years = sorted(int(str(d)[:4]) for d in council["date"])
    return bool(years == [2012, 2015] and pledges["disputed"].all() and set(council_years) == {2019, 2020}
                and _idn_pledge_never_reached())


def _idn_council_items() -> bool:
    e = data.load_events().set_index("id")
    return bool(_idn_standing_order() and str(e.loc["idn-unsc-presidency", "date"]).startswith("2019-05")
                and "2538" in str(e.loc["unsc-res-2538", "title"]))


def _sg_some_5000_from_seven() -> bool:
    """January 2020 (the Secretary-General's count): seven ASEAN states with people deployed, 4,500-5,000."""
    c = _contributions()
    jan = c[(c["month"] == "2020-01-01") & c["iso3"].isin(data.ASEAN10)].groupby("iso3")["total"].sum()
    return bool((jan > 0).sum() == 7 and 4500 <= jan.sum() <= 5000)


CLAIMS += [
    Claim("money-most-03", NB03,
          "a fixed monthly amount for most of the uniformed\n   personnel it lends", _paid_types_most),
    Claim("ewg-2011-03", NB03, "- In 2011 the ADMM-Plus set up an **Experts' Working Group (EWG) on peacekeeping",
          lambda: _event_year("admm-plus-ewg-pko") == 2011),
    Claim("steps-2010-2014-03", NB03,
          "most of the regional steps (the ADMM-Plus, its working group, the centres network) and\nseveral national "
          "centres fall between 2010 and 2014.", _steps_2010_2014),
    Claim("co-chairs-since-2011-03", NB03, "has met under rotating co-chairs since 2011",
          lambda: _event_year("admm-plus-ewg-pko") == 2011),
    Claim("sg-5000-seven-03", NB03,
          "figure of some\n5,000 from seven ASEAN member states is checked in notebook 06.", _sg_some_5000_from_seven),
    Claim("pledge-first-03", NB03,
          "the pledge came first (2012 and 2015) and the Council term later (2019-2020)", _idn_standing_order),
    Claim("pledge-hollow-03", NB03,
          "The two pledge events are drawn hollow because the\nUN's data disagree with them: the 4,000 were never "
          "reached (notebook 02).", _idn_standing_order),
    Claim("axis-from-zero-03", NB03, "vertical axis: it starts at zero, so the steps appear at their true size.",
          _rates_axis_from_zero),
    Claim("ten-or-seventeen-03", NB03,
          "Test the \"10 or 17 per cent\" question: store the rise from the old average of about\nUS$1,210 to the July "
          "2014 rate", _rise_2014_fits_ten),
    Claim("rate-2015-03", NB03, "Then store the rate in force in July 2015 as `rate_2015`.", _rise_2014_fits_ten),
    Claim("placeholder-1992-03", NB03,
          "The first row's date, 1992-01-01, is a placeholder: the old average of about US$1,210 was paid until June "
          "2014,", _old_rate_placeholder),
    Claim("idn-2019-exercise-03", NB03, "what Indonesia's 2019 contingent brought in", _idn_2019_exercise),
    Claim("idn-2019-estimate-03", NB03, "Estimate the yearly UN reimbursement for Indonesia in 2019:",
          _idn_2019_exercise),
    Claim("idn-2019-steps-03", NB03,
          "1. keep Indonesia's rows for 2019 whose `type` is `\"Troops\"`, `\"Staff Officer\"` or `\"Formed Police "
          "Units\"`;\n2. add up their `total` and divide by 12 (all twelve months of 2019 have a UN report) to get the "
          "average\n   number of reimbursable personnel;\n3. multiply by the rate in force in 2019 (US$1,428) and by 12 "
          "months.", _idn_2019_exercise),
    Claim("idn-2019-calculator-03", NB03, "choose Indonesia and 2019.", _idn_2019_exercise),
    Claim("upper-bound-03", NB03,
          "to get the 2019 average, then\nmultiply by 1,428 and by 12.", _idn_2019_exercise),
    Claim("break-even-most-03", NB03, "is at most\n  the UN rate (US$1,428 from July 2018)",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("web-2010-2014-03", NB03,
          "- ASEAN built a web of **talking and training** bodies between 2010 and 2014", _steps_2010_2014),
    Claim("idn-council-summary-03", NB03,
          "a 4,000 pledge, a 2019-2020 term,\n  a May 2019 presidency about peacekeeping, and resolution 2538 on women "
          "peacekeepers.", _idn_council_items),
]


# --- lesson plans 02 and 03 --------------------------------------------------------------------------


CLAIMS += [
    Claim("axis-from-zero-lp03", LP03,
          "vertical axis starts at zero, so they are drawn at their true size: less than a fifth in all.",
          lambda: _rates_axis_from_zero() and _rates().iloc[-1] / _rates().iloc[0] - 1 < 0.2),
]


# --- questions of notebook 02 ------------------------------------------------------------------------


def _world_rank(iso3: str, month: str) -> int:
    return int(analysis.ranking(_contributions(), month, countries=[iso3])["rank"].item())


def _phl_troops_left_2014() -> bool:
    """The Philippines' troops in UNDOF (Golan Heights) and UNMIL (Liberia) last appear in 2014."""
    m = data.load_mission_contributions()
    rows = m[(m["iso3"] == "PHL") & (m["group"] == "troops") & (m["total"] > 0)]
    last = rows.groupby("mission")["month"].max()
    return bool(all(last[x].year == 2014 for x in ("UNDOF", "UNMIL")))


def _idn_climbed_with_fewer() -> bool:
    idn = _monthly("IDN")
    return bool(near(idn["2025-07-01"], 2770, 10) and near(idn["2019-12-01"], 2900, 10)
                and _world_rank("IDN", "2025-07") < _world_rank("IDN", "2019-12") <= 10)


def _bangladesh_first_often_not_jan_2019() -> bool:
    c = _contributions()
    months = sorted(c["month"].unique())
    firsts = [analysis.ranking(c, pd.Timestamp(m).strftime("%Y-%m"), top=1)["iso3"].iloc[0] for m in months]
    top = list(analysis.ranking(c, "2019-01", top=5)["iso3"])
    return bool(firsts.count("BGD") >= 50 and top[0] not in ("BGD", "IND") and "IND" in top)


def _laos_and_singapore_absent() -> bool:
    totals = _monthly(["LAO"]).fillna(0)
    sgp = _monthly(["SGP"])["2015-01-01":].fillna(0)
    return bool(totals.sum() == 0 and sgp.sum() == 0)


CLAIMS += [
    Claim("idn-peak-explanation-q02", Q02,
          "November 2018, three months after Jokowi's speech of August 2018: 3,545 people, the only month close to "
          "his 3,552.", _jokowi_three_months_later),
    Claim("idn-peak-mistake-aug-q02", Q02,
          "August 2018 is the month of Jokowi's speech, not of the UN's highest count.", _jokowi_three_months_later),
    Claim("idn-peak-mistake-dec-q02", Q02,
          "December 2018 is the month after the peak, when the count had already fallen.",
          lambda: _idn_peak_unique() and _monthly("IDN")["2018-12-01"] < _monthly("IDN")["2018-11-01"]),
    Claim("idn-top-ten-q02", Q02, "Indonesia was in the world's top ten, which was one of the goals",
          lambda: _world_rank("IDN", "2019-12") <= 10),
    Claim("idn-other-goal-q02", Q02,
          "Not in any month up to July 2025. Indonesia did reach its other goal, a place in the world's top ten.",
          lambda: _idn_pledge_never_reached() and _world_rank("IDN", "2019-12") <= 10
          and _latest_month() == pd.Timestamp("2025-07-01")),
    Claim("idn-climbed-q02", Q02,
          "Indonesia climbed while sending fewer people (about 2,770 in July 2025 against about 2,900 in December "
          "2019): others shrank faster.", _idn_climbed_with_fewer),
    Claim("idn-rank-july-2025-q02", Q02, "That is Indonesia's rank in July 2025.",
          lambda: _latest_month() == pd.Timestamp("2025-07-01") and _world_rank("IDN", "2025-07")
          != _world_rank("IDN", "2019-12")),
    Claim("idn-rank-december-2019-q02", Q02, "That is Indonesia's rank in December 2019.",
          lambda: _world_rank("IDN", "2025-07") != _world_rank("IDN", "2019-12")),
    Claim("phl-golan-liberia-q02", Q02,
          "The Philippines withdrew its troops from the Golan Heights and Liberia in 2014", _phl_troops_left_2014),
    Claim("share-why-level-q02", Q02,
          "ASEAN stayed between about 4,550 and 5,050 a year while large missions closed and the world total fell.",
          lambda: _level_since(2015) and _share_rose_with_the_world_falling()),
    Claim("laos-singapore-q02", Q02,
          "Laos never appears, and Singapore has no uniformed personnel in these years.", _laos_and_singapore_absent),
    Claim("bangladesh-first-q02", Q02, "Bangladesh is first in many months, but check this one.",
          _bangladesh_first_often_not_jan_2019),
    Claim("india-top-five-q02", Q02, "India is in the top five, but not first in this month.",
          _bangladesh_first_often_not_jan_2019),
    Claim("trend-months-q02", Q02, "Look at the changes for December 2019, January 2020 and February 2020 together.",
          lambda: _feb_2020_rebound() and _in_data("2019-12", "2020-01", "2020-02")),
    Claim("early-2020-q02", Q02, "and can be undone the next month, as in early 2020.",
          lambda: _feb_2020_rebound() and _big_changes_one_in_ten()),
    Claim("shrinking-world-q02", Q02, "and its rise after 2015 came mostly from a shrinking world total.",
          _share_rose_with_the_world_falling),
    Claim("world-fell-after-2015-q02", Q02, "so it also rises when the world total falls, as it did after 2015.",
          _share_rose_with_the_world_falling),
]


# --- questions of notebook 03 ------------------------------------------------------------------------


def _rate_steps_from_july_2014() -> bool:
    """Old average 1,210 until June 2014; new rates from July 2014, July 2016 and July 2018 (among others)."""
    rates = _rates()
    return bool(_old_rate_placeholder() and _rate_in_force("2014-06") == 1210
                and all(pd.Timestamp(f"{y}-07-01") in rates.index for y in (2014, 2016, 2017, 2018))
                and list(rates) == sorted(rates))


def _vietnam_steps() -> bool:
    """Vietnam's centre opened in 2014; its monthly total jumped by 40 or more only in 2018 and 2022."""
    vnm = _monthly("VNM").ffill().diff()
    jumps = vnm[vnm >= 40]
    return bool(_event_year("vnm-peacekeeping-centre") == 2014 and sorted(jumps.index.year) == [2018, 2022])


def _admm_plus_hanoi() -> bool:
    e = data.load_events().set_index("id").loc["admm-plus-inaugurated"]
    return bool(str(e["date"]) == "2010-10-12" and "Hanoi" in str(e["title"])
                and _event_year("admm-plus-ewg-pko") == 2011)


CLAIMS += [
    Claim("admm-plus-hanoi-q03", Q03, "Hanoi, 12 October 2010. A year later it set up an experts' working group",
          _admm_plus_hanoi),
    Claim("ewg-first-pair-q03", Q03, "They were the first pair, from 2011.",
          lambda: _event_year("admm-plus-ewg-pko") == 2011
          and data.load_events().set_index("id").loc["admm-plus-ewg-pko", "iso3"] == "PHL;NZL"),
    Claim("vietnam-steps-q03", Q03,
          "Vietnam opened its peacekeeping centre in 2014, and its numbers rose in steps in 2018 and 2022.",
          _vietnam_steps),
    Claim("rate-2018-q03", Q03, "That rate came later, in July 2018.", _rate_steps_from_july_2014),
    Claim("rate-2016-q03", Q03, "That rate started in July 2016, a year after the month asked.",
          _rate_steps_from_july_2014),
    Claim("rate-old-q03", Q03, "That is the old average paid until June 2014. A new rate started in July 2014.",
          _rate_steps_from_july_2014),
    Claim("rate-steps-q03", Q03, "The rate was raised in steps from July 2014 onwards.", _rate_steps_from_july_2014),
    Claim("ten-per-cent-q03", Q03,
          "About 10 per cent, as The Nation said. The Daily Star's 17 per cent does not follow from the US$1,210 it "
          "gives itself (17 per cent would need a starting rate of about US$1,140)",
          lambda: _rise_2014_fits_ten() and near(_rates().iloc[1] / 1.17, 1140, 5)),
    Claim("idn-reimbursement-prompt-q03", Q03,
          "Estimate what the UN paid in a year for Indonesia's 2019 contingent: average reimbursable personnel "
          "(troops, staff officers, formed police units) in 2019 x US$1,428 x 12.", _idn_2019_exercise),
]


def _dec_2019_world() -> bool:
    s = analysis.share_of_world(_contributions(), data.ASEAN10).set_index("month").loc["2019-12-01"]
    return bool(s["total"] == 4954 and near(s["share"], 0.059, 0.0005))


CLAIMS += [
    Claim("content-result-lp02", LP02,
          "The content result: ASEAN's contribution rose to about 4,900 in 2011, fell below 4,000 in 2013-2014 after "
          "Thailand's\nDarfur battalion went home, and has stayed between about 4,550 and 5,050 a year since 2015; it "
          "was 5.7% of\nthe world total in 2019, far below four South Asian states together; it is mostly troops, "
          "serving in Lebanon\nand Africa; Indonesia provides more than half of it and never reached its 4,000 pledge.",
          lambda: near(asean(2011), 4900, 50) and all(asean(y) < 4000 for y in (2013, 2014))
          and _level_since(2015) and near(share(2019), 0.057, 0.0005) and _ratio_south_asia()
          and _idn_more_than_half() and _idn_pledge_never_reached()
          and country("THA", 2011) - country("THA", 2013) > (asean(2011) - asean(2013)) / 2
          and _mostly_troops_in_lebanon_and_africa()),
    Claim("against-world-lp02", LP02,
          "4,954 people, 5.9% of all UN uniformed personnel in December 2019.", _dec_2019_world),
    Claim("against-largest-lp02", LP02,
          "since 2019 four South Asian states together have sent four to five\n  times as many (in 2009 almost ten "
          "times); two East African states together have sent more than all ten ASEAN\n  states in every year since "
          "2008.",
          lambda: _ratio_south_asia() and 9.5 <= ratio(SOUTH_ASIA, 2009) < 10
          and all(ratio(EAST_AFRICA, y) > 1 for y in range(2008, 2026))),
    Claim("against-past-lp02", LP02,
          "yearly averages from under a thousand in 2004-2005 to about 4,930 in 2011.\n  Large growth, but more than "
          "half of the rise from 2009 to 2011 was Thailand's battalion in Darfur (home by\n  mid-2012), which also made "
          "up most of the fall by 2013; the lasting\n  level of about 4,550-5,050 a year came in 2015, mainly through "
          "Indonesia.",
          lambda: asean(2004) < 1000 and asean(2005) < 1000 and near(asean(2011), 4930, 10)
          and country("THA", 2011) - country("THA", 2009) > (asean(2011) - asean(2009)) / 2
          and country("THA", 2011) - country("THA", 2013) > (asean(2011) - asean(2013)) / 2
          and _level_since(2015) and country("IDN", 2015) - country("IDN", 2014) > asean(2015) - asean(2014)
          and _thai_darfur_home_by_mid_2012()),
    Claim("against-single-lp02", LP02,
          "Indonesia was 8th in the world in December 2019 and 5th in July 2025.",
          lambda: _world_rank("IDN", "2019-12") == 8 and _world_rank("IDN", "2025-07") == 5),
]


def _laos_in_dialogues() -> bool:
    e = data.load_events().set_index("id")
    return bool(_laos_and_singapore_absent() and _event_year("lao-asks-vnm-help") == 2025
                and "LAO" in str(e.loc["lao-asks-vnm-help", "iso3"]))


CLAIMS += [
    Claim("july-2015-rate-lp03", LP03,
          "- **Using 1,428 for July 2015.** The rate in force on 1 July 2015 is the one effective from July 2014 "
          "(1,332);\n  1,365 came a year later.",
          lambda: _rate_in_force("2015-07") == 1332 and _rates()[pd.Timestamp("2016-07-01")] == 1365
          and _rates().iloc[-1] == 1428),
    Claim("ten-or-seventeen-lp03", LP03,
          "From about 1,210 to 1,332 is about 10%, as The Nation said. The Daily\n  Star gives the same two rates and "
          "calls the rise \"17 percent\", which would need a starting rate of about\n  1,140",
          lambda: _rise_2014_fits_ten() and near(_rates()[pd.Timestamp("2014-07-01")] / 1.17, 1140, 5)),
    Claim("break-even-lp03", LP03,
          "is at most the UN rate (US$1,428 from July 2018).",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("reimburses-lp03", LP03,
          "the UN reimburses governments (US$1,428 per person per month from\nJuly 2018",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("idn-standing-lp03", LP03,
          "It set the 4,000 goal in 2012, made it a formal pledge\n  in 2015 and linked it to its Security Council "
          "campaign; on the Council in 2019-2020 it chose peacekeeping as\n  its presidency theme (May 2019) and "
          "drafted resolution 2538 on women peacekeepers (August 2020).",
          lambda: _idn_council_items()
          and str(data.load_events().set_index("id").loc["unsc-res-2538", "date"]).startswith("2020-08")),
    Claim("laos-2025-lp03", LP03,
          "Laos, which has never deployed anyone, sits in the\n  ADMM-Plus working group and asked Vietnam for help in "
          "2025.", _laos_in_dialogues),
]
