"""Prose claims of notebook 02 (scale): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, EAST_AFRICA, LP02, NB02, NB06, NB07, Q02, SOUTH_ASIA, asean, country, near, ratio, share, yearly,
    _asean_month, _big_changes_one_in_ten, _c, _denominator_story, _feb_2020_rebound, _gender_split_starts,
    _idn_august_2018, _indonesia_after_peak, _indonesia_peak, _month_by_state, _monthly, _phl_haiti,
    _thai_darfur_home_by_mid_2012,
)


def _top_six(year: int) -> set[str]:
    c = data.load_contributions()
    rows = c[c["month"].dt.year == year]
    return set(rows.groupby("iso3")["total"].sum().nlargest(6).index)


def _top_six_2015_2021() -> bool:
    six = set(SOUTH_ASIA) | set(EAST_AFRICA)
    return bool(all(_top_six(y) == six for y in range(2015, 2022)) and _top_six(2022) != six)


def _dated_rankings() -> bool:
    c = data.load_contributions()
    nov = analysis.ranking(c, "2018-11", top=5)
    aug = analysis.ranking(c, "2020-08", top=2).set_index("iso3")["total"]
    dec = analysis.ranking(c, "2019-12", top=200).set_index("iso3")
    asean_ranks = dec.loc[[i for i in data.ASEAN10 if i in dec.index], "rank"]
    above = list(dec[dec["rank"] < dec.loc["IDN", "rank"]].index)
    return bool(list(nov["iso3"]) == ["ETH", "RWA", "BGD", "IND", "NPL"]
                and int(nov.set_index("iso3").loc["IND", "total"]) == 6593
                and aug.to_dict() == {"BGD": 6731, "ETH": 6662}
                and list(asean_ranks[asean_ranks <= 10].index) == ["IDN"]
                and all(20 <= asean_ranks[i] < 30 for i in ("MYS", "KHM"))
                and all(asean_ranks[i] > 80 for i in ("BRN", "PHL"))
                and set(above) == {"ETH", "BGD", "RWA", "NPL", "IND", "PAK", "EGY"})


def _asean_jan_2015() -> bool:
    jan = _month_by_state("2015-01")
    return bool(sum(jan.values()) == 3845 and len(jan) == 7)


def _idn_since_april_2015() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    months = idn.loc["2015-04-01":, "total"].dropna()
    usual = months.between(2700, 2900).mean()
    dip = months["2022-08-01":"2022-11-01"]
    return bool(usual > 0.6 and dip.between(2550, 2650).all() and months.min() == dip.min())


def _women_02() -> bool:
    c = data.load_contributions()
    ws = analysis.women_share(c, data.ASEAN10)
    wa = analysis.women_share(c)
    yearly = {y: (ws[ws["month"].dt.year == y]["share"].mean(),
                  wa[wa["month"].dt.year == y]["share"].mean()) for y in range(2014, 2026)}
    khm = analysis.women_share(c, ["KHM"]).set_index("month").loc["2021-11-01", "share"]
    return bool(near(yearly[2014][0], 0.03, 0.005) and near(khm, 0.12, 0.006)
                and all(abs(a - w) < 0.01 for y, (a, w) in yearly.items() if y >= 2021))


def _summary_02() -> bool:
    return bool(all(4550 <= asean(y) <= 5050 for y in range(2015, 2026))
                and near(share(2019), 0.06, 0.004)
                and (country("THA", 2011) - country("THA", 2009)) > (asean(2011) - asean(2009)) / 2)


def _plan_02_pause() -> bool:
    asean_m = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    world_m = analysis.monthly_totals(data.load_contributions())
    a, w = asean_m.set_index("month")["total"], world_m.set_index("month")["total"]
    return bool(a["2015-01-01"] == 3845 and a["2025-07-01"] == 4873
                and near(w["2015-01-01"], 104500, 50) and near(w["2025-07-01"], 61100, 50)
                and near((asean(2024) / asean(2015) - 1) * 100, 3.5, 0.05))


def _top_ten_2019_12() -> bool:
    r = analysis.ranking(data.load_contributions(), "2019-12").set_index("iso3")
    asean_ranks = r.loc[[i for i in data.ASEAN10 if i in r.index], "rank"]
    countries = data.load_countries().set_index("iso3")
    above = countries.loc[r[r["rank"] < r.loc["IDN", "rank"]].index]
    south_or_africa = (above["subregion"] == "Southern Asia") | (above["continent"] == "Africa")
    return bool(list(asean_ranks[asean_ranks <= 10].index) == ["IDN"]
                and all(20 <= asean_ranks[i] < 30 for i in ("MYS", "KHM"))
                and all(asean_ranks[i] > 80 for i in ("BRN", "PHL")) and south_or_africa.all())


def _mission_table_months() -> bool:
    months = set(data.load_mission_contributions()["month"])
    gap = pd.date_range("2018-03-01", "2019-08-01", freq="MS")
    span = pd.date_range("2009-11-01", "2025-07-01", freq="MS")
    return bool(min(months) == span[0] and not months & set(gap)
                and len(months) > len(span) / 2 and pd.Timestamp("2019-09-01") in months)


def _women_2014_2021() -> bool:
    c = data.load_contributions()

    def yearly_share(countries: list[str] | None) -> pd.Series:
        w = analysis.women_share(c, countries)
        return w.assign(year=w["month"].dt.year).groupby("year")["share"].mean()

    a, w = yearly_share(data.ASEAN10), yearly_share(None)
    return bool(near(a[2014], 0.03, 0.005) and a[2018] > a[2017] and a[2025] > a[2019]
                and all(abs(a[y] - w[y]) < 0.01 for y in range(2021, 2026)) and a.max() < 0.5)


def _leader(when: str) -> str:
    return str(analysis.ranking(_c(), when, top=1).loc[0, "iso3"])


CLAIMS = [
    Claim("south-asia-4-to-5", (NB02,),
          "in every year since 2019, four South Asian states together have sent four to five times",
          lambda: all(4 <= ratio(SOUTH_ASIA, y) <= 5 for y in range(2019, 2026))
          and 9.5 <= ratio(SOUTH_ASIA, 2009) < 10),
    Claim("east-africa-since-2008", (NB02,),
          "in every year since 2008 two East",
          lambda: all(ratio(EAST_AFRICA, y) > 1 for y in range(2008, 2026))),
    Claim("asean-plateau", (NB02,),
          "ASEAN's line dips in 2013-2014 and otherwise stays between",
          lambda: all(4500 <= asean(y) <= 5050 for y in range(2011, 2026) if y not in (2013, 2014))
          and all(asean(y) < 4000 for y in (2013, 2014))),
    Claim("asean-2015-rise", (NB02,),
          "its yearly average rose by about 18% on 2014",
          lambda: near(asean(2015) / asean(2014) - 1, 0.18, 0.01)
          and near(asean(2015), 4690, 10) and near(asean(2025), 4880, 10)),
    Claim("share-4-to-8", (NB02,),
          "from about 4% to about 8% in 2025",
          lambda: near(share(2014), 0.04, 0.003) and near(share(2025), 0.08, 0.003)),
    Claim("share-2015-2024", (Q02,),
          "about 4.4% in 2015 to about 7.8% in 2024",
          lambda: near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)),
    Claim("thai-darfur-peak", (NB02, NB07),
          "Thailand's battalion in Darfur",
          lambda: near(asean(2009), 3450, 10) and near(asean(2011), 4930, 10)
          and country("THA", 2011) - country("THA", 2009) > (asean(2011) - asean(2009)) / 2
          and _thai_darfur_home_by_mid_2012()),
    Claim("two-steps", (NB02,),
          "below 4,000 in 2013 and 2014. It came back in 2015, mainly through Indonesia",
          lambda: asean(2004) < 1000 and asean(2005) < 1000 and near(asean(2011), 4900, 50)
          and all(asean(y) < 4000 for y in (2013, 2014))
          and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))
          and country("IDN", 2015) - country("IDN", 2014) > (asean(2015) - asean(2014)) / 2),
    Claim("indonesia-after-peak", (NB02,),
          "3,070", _indonesia_after_peak),
    Claim("phl-mix-explanation", (Q02,),
          "and its last troops from Haiti in 2017", _phl_haiti),
    Claim("gender-split-tables", (NB02, NB06),
          "April 2014", _gender_split_starts),
    Claim("feb-2020-rebound", (NB02,),
          "January 2020 had fallen by about 200", _feb_2020_rebound),
    Claim("big-changes-one-in-ten", (Q02,),
          "in about one month in ten since 2015", _big_changes_one_in_ten),
    Claim("denominator-story", (NB02,),
          "the count rose by about a third (about 3,450 to 4,570 a year)", _denominator_story),
    Claim("share-three-quarters", (NB02,),
          "about 4.4% in 2015 and 7.8% in 2024, a rise by about three quarters",
          lambda: near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)
          and near(share(2024) / share(2015) - 1, 0.75, 0.02)),
    Claim("idn-august-2018", (NB02,),
          "counted far fewer (2,689)", _idn_august_2018),
    Claim("thai-darfur-fall", (NB02,),
          "most of what it lost by 2013 was Thailand's battalion",
          lambda: country("THA", 2011) - country("THA", 2013) > (asean(2011) - asean(2013)) / 2),
    Claim("top-six-2015-2021", (NB02,),
          "In every year from 2015 to 2021 the six\nlargest contributors", _top_six_2015_2021),
    Claim("dated-rankings", (NB02,),
          "it matches the UN's report for **November 2018**", _dated_rankings),
    Claim("asean-jan-2015", (NB02,),
          "counted 3,845 personnel from\nseven ASEAN states in January that year", _asean_jan_2015),
    Claim("idn-since-april-2015", (NB02,),
          "2,700-2,900 in most months from April 2015 on (with a dip to about 2,600 in late 2022)",
          _idn_since_april_2015),
    Claim("women-02", (NB02,),
          "about 3% of ASEAN's peacekeepers in 2014", _women_02),
    Claim("plan-02-level", (LP02,),
          "has stayed between about 4,550 and 5,050 a year since 2015", _summary_02),
    Claim("plan-02-pause", (LP02,),
          "ASEAN had 3,845 people in January 2015 and 4,873 in July 2025", _plan_02_pause),
    Claim("summary-02", (NB02,),
          "ASEAN sent **about 4,550 to 5,050** people a year from 2015 on", _summary_02),
    Claim("under-a-thousand-02", (NB02,),
          "grew from under a thousand a year in 2004-2005 to about 4,900 in 2011. That\npeak did not last",
          lambda: asean(2004) < 1000 and asean(2005) < 1000 and near(asean(2011), 4900, 50)
          and int(yearly(tuple(data.ASEAN10)).loc[2005:2014].idxmax()) == 2011),
    Claim("indonesia-half-02", (NB02,),
          "which has made up more\nthan half of it since; Malaysia and Cambodia come next.",
          lambda: all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))
          and all(sorted(data.ASEAN10, key=lambda i: -country(i, y))[1:3] in (["MYS", "KHM"], ["KHM", "MYS"])
                  for y in range(2015, 2026))),
    Claim("ten-times-2009-02", (NB02,), "(in 2009 almost ten times as many)",
          lambda: 9.5 <= ratio(SOUTH_ASIA, 2009) < 10),
    Claim("top-ten-2019-02", (NB02,),
          "in December 2019 Indonesia was the only ASEAN state in the world's top ten; Malaysia and\nCambodia "
          "were in the twenties, and Brunei and the Philippines far down the list. Every country above\n"
          "Indonesia was in South Asia or Africa.", _top_ten_2019_12),
    Claim("mission-table-months-02", (NB02,),
          "The UN published it for most months since November", _mission_table_months),
    Claim("women-2014-2021-02", (NB02,),
          "about 3% of ASEAN's peacekeepers in 2014. The share\nrose after 2018 and has been close to the world's "
          "since 2021. Both lines are still far from half.", _women_2014_2021),
    Claim("summary-rise-02", (NB02,),
          "yearly average rose from about 3,450 in 2009 to 4,930 in 2011, but more than half of that rise was\n"
          "  Thailand's battalion in Darfur, home by mid-2012. The level came back in 2015, mainly through Indonesia",
          lambda: near(asean(2009), 3450, 10) and near(asean(2011), 4930, 10)
          and country("THA", 2011) - country("THA", 2009) > (asean(2011) - asean(2009)) / 2
          and _thai_darfur_home_by_mid_2012()
          and country("IDN", 2015) - country("IDN", 2014) > asean(2015) - asean(2014)),
    Claim("median-16-02", (NB02,),
          "(about 16 people for ASEAN,\n  the median since 2015)", _feb_2020_rebound),
    Claim("median-16-model-02", (NB02,),
          "by only about 16 people (the median since 2015), so a", _feb_2020_rebound),
    Claim("one-in-seventeen-q02", (Q02,),
          "About one UN peacekeeper in seventeen came from an ASEAN state.",
          lambda: round(1 / float(analysis.share_of_world(_c(), data.ASEAN10).set_index("month")
                                  .loc["2019-12-01", "share"])) == 17),
    Claim("nine-in-ten-q02", (Q02,), "Nine in ten ASEAN peacekeepers were soldiers",
          lambda: near(float(analysis.personnel_mix(_c(), data.ASEAN10, "2019-12").set_index("group")
                             .loc["troops", "share"]), 0.9, 0.02)),
    Claim("leaders-q02", (Q02,), "In January 2021 it was Bangladesh, and in July 2025 Nepal",
          lambda: _leader("2021-01") == "BGD" and _leader("2025-07") == "NPL" and _leader("2019-01") == "ETH"),
    Claim("idn-peak-q02", (Q02,),
          "three months after Jokowi's speech of August 2018: 3,545 people, the only month close to his 3,552.",
          lambda: _indonesia_peak() and int((_monthly("IDN") > 3300).sum()) == 1),
    Claim("idn-usually-2800-q02", (Q02,), "from 2016 its yearly average has stayed between about 2,650 and 2,940",
          lambda: _indonesia_peak() and round(min(country("IDN", y) for y in range(2016, 2026)), -1) == 2650
          and round(max(country("IDN", y) for y in range(2016, 2026)), -1) == 2940),
    Claim("typical-16-q02", (Q02,), "ASEAN's total moves by only about 16 people",
          _feb_2020_rebound),
    Claim("one-in-ten-q02", (Q02,), "A change of 150 or more happens in about one month in ten",
          _big_changes_one_in_ten),
    Claim("wobble-q02", (Q02,), "January 2020 fell by about 200 and February rose by 150",
          _feb_2020_rebound),
    Claim("three-quarters-q02", (Q02,),
          "the share grew by about three quarters, because the world total fell", _denominator_story),
    Claim("three-quarters-feedback-q02", (Q02,),
          "from 2015 to 2024 one measure rose by a few per cent, the other by about three quarters",
          _denominator_story),
    Claim("not-any-month-q02", (Q02,), "Not in any month up to July 2025.",
          lambda: _indonesia_peak() and data.load_months()["month"].max() == pd.Timestamp("2025-07-01")),
    Claim("share-story-lp02", (LP02,),
          "ASEAN had 3,845 people in January 2015 and 4,873 in July 2025, while the world total fell from about "
          "104,500\nto about 61,100. As yearly averages, the share rose from about 4.4% (2015) to 7.8% (2024) "
          "while the count rose\nby only about 3.5%",
          lambda: _asean_month("2015-01") == 3845 and _asean_month("2025-07") == 4873
          and near(_asean_month("2015-01", None), 104500, 50) and near(_asean_month("2025-07", None), 61100, 50)
          and near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)
          and near(asean(2024) / asean(2015) - 1, 0.035, 0.002)),
    Claim("idn-august-lp02", (LP02,),
          "the UN's count for August 2018 was 2,689, against\nthe president's 3,552; the UN's figure peaked at 3,545 "
          "in November 2018, after the new units had arrived, and\nfell the month after.",
          lambda: _idn_august_2018() and _indonesia_peak() and _indonesia_after_peak()),
]
