"""Numbers in the course's prose, each tied to the computation that proves it.

Every entry names the file a sentence lives in, a short piece of that sentence, and a check against the
course's data. The first test fails when the sentence is edited (so whoever edits it looks at the check
again); the second fails when the data no longer support it. To add a claim, add one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from pkedu import analysis, data

ROOT = Path(__file__).resolve().parents[1]
SOUTH_ASIA = ["BGD", "IND", "NPL", "PAK"]
EAST_AFRICA = ["ETH", "RWA"]


@dataclass(frozen=True)
class Claim:
    id: str
    files: tuple[str, ...]
    text: str
    holds: Callable[[], bool]


@cache
def yearly(countries: tuple[str, ...]) -> pd.Series:
    """Yearly averages of monthly totals for a group of countries, indexed by year."""
    monthly = analysis.monthly_totals(data.load_contributions(), countries=list(countries))
    return analysis.annual(monthly, how="mean").set_index("year")["total"]


def asean(year: int) -> float:
    return float(yearly(tuple(data.ASEAN10))[year])


def ratio(group: list[str], year: int) -> float:
    return float(yearly(tuple(group))[year]) / asean(year)


def share(year: int) -> float:
    s = analysis.share_of_world(data.load_contributions(), data.ASEAN10)
    return float(s[s["month"].dt.year == year]["share"].mean())


def country(iso3: str, year: int) -> float:
    return float(yearly((iso3,))[year])


def members_count() -> pd.DataFrame:
    return analysis.contributors_count(data.load_contributions(), data.ASEAN10)


def mission_rows(iso3: str, group: str, mission: str | None = None) -> pd.DataFrame:
    m = data.load_mission_contributions()
    rows = m[(m["iso3"] == iso3) & (m["group"] == group)]
    return rows if mission is None else rows[rows["mission"] == mission]


def near(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance


def _thai_darfur_home_by_mid_2012() -> bool:
    rows = mission_rows("THA", "troops", "UNAMID")
    after = rows[rows["month"].between("2012-08-01", "2014-12-01")]
    return bool(after["total"].max() < 50)


def _phl_haiti() -> bool:
    rows = mission_rows("PHL", "troops")
    haiti = rows[(rows["mission"] == "MINUSTAH") & rows["month"].between("2015-08-01", "2017-04-01")]
    later = rows[rows["month"].between("2018-01-01", "2019-12-01")]
    return bool(haiti["total"].between(130, 140).all() and later["total"].sum() == 0)


def _members_until_2006() -> bool:
    n = members_count()
    before = n[n["month"] < "2006-01-01"]
    six = before[before["contributors"] > 5]
    return bool(before["contributors"].max() == 6 and set(six["month"].dt.year) == {1993}
                and n["contributors"].max() == 8)


def _gender_split_starts() -> bool:
    countries = data.load_contributions().dropna(subset=["female"])
    missions = data.load_mission_contributions().dropna(subset=["female"])
    return bool(countries["month"].min() == pd.Timestamp("2014-04-01")
                and missions["month"].min() == pd.Timestamp("2009-11-01"))


def _timor_missions() -> bool:
    m = data.load_missions()
    timor = m[m["host_iso3"] == "TLS"].sort_values("first_month")
    return bool(len(timor) == 5 and list(timor["mission"])[:2] == ["UNAMET", "UNTAET"])


def _indonesia_peak() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN")
    peak = idn.loc[idn["total"].idxmax()]
    usual = idn[idn["month"] >= "2015-01-01"]["total"].median()
    return bool(peak["total"] == 3545 and peak["month"] == pd.Timestamp("2018-11-01")
                and near(usual, 2800, 100))


def _indonesia_16th_in_feb_2015() -> bool:
    r = analysis.ranking(data.load_contributions(), "2015-02", top=20).reset_index(drop=True)
    idn = r[r["iso3"] == "IDN"].index[0]
    bgd = r[r["iso3"] == "BGD"]
    return bool(idn == 15 and r.loc[idn, "total"] == 1881 and int(bgd["total"].iloc[0]) == 9446
                and not set(r.loc[:9, "iso3"]) & set(data.ASEAN10))


def _indonesia_after_peak() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    plateau = idn.loc["2018-12-01":"2019-03-01", "total"].dropna()
    return bool(plateau.between(3050, 3090).all() and near(idn.loc["2019-04-01", "total"], 2800, 20))


def _thai_troops_june_2000() -> bool:
    c = data.load_contributions()
    rows = c[(c["iso3"] == "THA") & (c["month"] == "2000-06-01") & (c["group"] == "troops")]
    return bool(near(rows["total"].sum(), 910, 10))



# --- notebooks 00 and 01, data/events.csv and data/README.md ---------------------------------------------


def _myanmar_handful() -> bool:
    mmr = analysis.monthly_totals(data.load_contributions(), countries="MMR").set_index("month")["total"]
    present = mmr[mmr > 0]
    return bool(present.max() == 4 and present.index.min() == pd.Timestamp("2015-08-01")
                and present.index.max() == pd.Timestamp("2019-06-01"))


def _ipi_overlap() -> bool:
    m = data.load_months()
    both = m[(m["source"] == "un_dpo_pdf") & m["world_total_ipi"].notna()]
    differ = both[both["world_total"] != both["world_total_ipi"]]
    return bool(len(both) == 23 and list(differ["month"]) == [pd.Timestamp("2015-05-01")])


def _malaysia_fell() -> bool:
    return bool(near(country("MYS", 2011), 1128, 1) and near(country("MYS", 2019), 845, 1)
                and near(country("PHL", 2011), 894, 1) and near(country("PHL", 2019), 30, 0.5))



def _missions(iso3: str, when: str) -> int:
    return len(analysis.where_they_serve(data.load_mission_contributions(), [iso3], when))


def _group_mean(iso3: str, group: str, year: int) -> float:
    """A state's personnel of one group, averaged over the reported months of a year."""
    c = data.load_contributions()
    rows = c[(c["iso3"] == iso3) & (c["group"] == group) & (c["month"].dt.year == year)]
    months = data.load_months()
    reported = months[months["reported"] & (months["month"].dt.year == year)]
    return float(rows["total"].sum() / len(reported))


def _women_mean(iso3: str, year: int) -> float:
    c = data.load_contributions()
    rows = c[(c["iso3"] == iso3) & (c["month"].dt.year == year)]
    return float(rows["female"].sum() / rows["month"].nunique())


def _broadened_table() -> bool:
    people = (near(country("IDN", 2011), 1790, 10) and near(country("IDN", 2019), 2940, 10)
              and near(country("MYS", 2011), 1130, 5) and near(country("MYS", 2019), 845, 1)
              and near(country("PHL", 2011), 890, 10) and near(country("PHL", 2019), 30, 0.5))
    missions = [(_missions(i, "2011-12"), _missions(i, "2019-12")) for i in ("IDN", "MYS", "PHL")]
    groups = (all(_group_mean("IDN", g, y) > 10 for g in ("troops", "police", "experts")
                  for y in (2011, 2019))
              and _group_mean("MYS", "police", 2019) < 3 and _group_mean("MYS", "experts", 2019) > 10
              and _group_mean("PHL", "troops", 2019) == 0)
    women = [(_women_mean(i, 2015), _women_mean(i, 2019)) for i in ("IDN", "MYS", "PHL")]
    said = [(30, 113), (16, 38), (12, 16)]
    about = all(near(w, s, 0.6) for pair, spair in zip(women, said) for w, s in zip(pair, spair))
    return bool(people and groups and missions == [(6, 9), (7, 6), (8, 5)] and about)


def _malaysia_groups() -> bool:
    troops = all(780 <= _group_mean("MYS", "troops", y) <= 860 for y in (2011, 2019))
    police = (all(230 <= _group_mean("MYS", "police", y) <= 270 for y in range(2008, 2013))
              and all(_group_mean("MYS", "police", y) <= 40 for y in range(2013, 2026)
                      if y not in (2020, 2021)))
    return bool(troops and police)


def _singapore_2013() -> bool:
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP").set_index("month")["total"]
    y2013 = sgp["2013-01-01":"2013-12-01"]
    return bool(y2013.max() <= 2 and sgp["2013-07-01":].sum() == 0)


# --- notebooks 02 and 03 (scale, motives) ---------------------------------------------------------

def _asean_changes() -> pd.Series:
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    return totals.set_index("month")["total"].diff()


def _feb_2020_rebound() -> bool:
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    t = totals.set_index("month")["total"]
    ch = _asean_changes()
    return bool(near(ch["2020-01-01"], -200, 5) and ch["2020-02-01"] == 150
                and t["2020-02-01"] < t["2019-12-01"]
                and _asean_changes()["2015-01-01":].abs().median() == 16)


def _big_changes_one_in_ten() -> bool:
    recent = _asean_changes()["2015-01-01":].dropna()
    return bool(near((recent.abs() >= 150).mean(), 0.1, 0.01))


def _world(year: int) -> float:
    world = analysis.monthly_totals(data.load_contributions())
    return float(analysis.annual(world, how="mean").set_index("year").loc[year, "total"])


def _denominator_story() -> bool:
    return bool(near(asean(2018) / asean(2009) - 1, 1 / 3, 0.02)
                and near(asean(2009), 3450, 10) and near(asean(2018), 4570, 10)
                and near(share(2009), 0.037, 0.0006) and near(share(2018), 0.050, 0.0006)
                and 0 < asean(2024) / asean(2015) - 1 < 0.05
                and near(share(2024) / share(2015) - 1, 0.75, 0.02)
                and near(_world(2015), 106000, 200) and near(_world(2024), 62500, 100))


def _idn_august_2018() -> bool:
    g = analysis.pledge_gap(data.load_contributions()).set_index("month")
    return bool(g.loc["2018-08-01", "total"] == 2689)


def _laos_last_dialogue_dot() -> bool:
    e = data.load_events()
    shown = e[e["category"].isin(["regional_dialogue", "training_centre"])].sort_values("date")
    last = shown.iloc[-1]
    return bool(last["id"] == "lao-asks-vnm-help" and str(last["date"]).startswith("2025"))


def _laos_never_deployed() -> bool:
    lao = analysis.monthly_totals(data.load_contributions(), countries="LAO")
    return bool(lao["total"].fillna(0).sum() == 0)


CLAIMS = [
    Claim("south-asia-4-to-5", ("notebooks/text/02_scale.md",),
          "in every year since 2019, four South Asian states together have sent four to five times",
          lambda: all(4 <= ratio(SOUTH_ASIA, y) <= 5 for y in range(2019, 2026))
          and 9.5 <= ratio(SOUTH_ASIA, 2009) < 10),
    Claim("east-africa-since-2008", ("notebooks/text/02_scale.md",),
          "in every year since 2008 two East",
          lambda: all(ratio(EAST_AFRICA, y) > 1 for y in range(2008, 2026))),
    Claim("asean-plateau", ("notebooks/text/02_scale.md",),
          "ASEAN's line dips in 2013-2014 and otherwise stays between",
          lambda: all(4500 <= asean(y) <= 5050 for y in range(2011, 2026) if y not in (2013, 2014))
          and all(asean(y) < 4000 for y in (2013, 2014))),
    Claim("asean-2015-rise", ("notebooks/text/02_scale.md",),
          "its yearly average rose by about 18% on 2014",
          lambda: near(asean(2015) / asean(2014) - 1, 0.18, 0.01)
          and near(asean(2015), 4690, 10) and near(asean(2025), 4880, 10)),
    Claim("share-4-to-8", ("notebooks/text/02_scale.md",),
          "from about 4% to about 8% in 2025",
          lambda: near(share(2014), 0.04, 0.003) and near(share(2025), 0.08, 0.003)),
    Claim("share-2015-2024", ("src/pkedu/questions/nb02.py",),
          "about 4.4% in 2015 to about 7.8% in 2024",
          lambda: near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)),
    Claim("thai-darfur-peak", ("notebooks/text/02_scale.md", "notebooks/text/07_capstone_fact_check.md"),
          "Thailand's battalion in Darfur",
          lambda: near(asean(2009), 3450, 10) and near(asean(2011), 4930, 10)
          and country("THA", 2011) - country("THA", 2009) > (asean(2011) - asean(2009)) / 2
          and _thai_darfur_home_by_mid_2012()),
    Claim("two-steps", ("notebooks/text/02_scale.md",),
          "below 4,000 in 2013 and 2014. It came back in 2015, mainly through Indonesia",
          lambda: asean(2004) < 1000 and asean(2005) < 1000 and near(asean(2011), 4900, 50)
          and all(asean(y) < 4000 for y in (2013, 2014))
          and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))),
    Claim("indonesia-16th", ("notebooks/text/04_no_asean_force.md",),
          "was only 16th (1,881 people, a fifth of Bangladesh's 9,446)", _indonesia_16th_in_feb_2015),
    Claim("malaysia-since-2013", ("notebooks/text/01_convergence.md",),
          "has stayed at roughly 840 to 950 a\nyear since 2013",
          lambda: all(840 <= country("MYS", y) <= 950 for y in range(2013, 2026))),
    Claim("indonesia-after-peak", ("notebooks/text/02_scale.md",),
          "3,070", _indonesia_after_peak),
    Claim("indonesia-2015-rise", ("notebooks/text/05_subregional_options.md",),
          "rose by almost a thousand in 2015",
          lambda: 850 < country("IDN", 2015) - country("IDN", 2014) < 1000),
    Claim("thai-troops-2000", ("notebooks/text/06_benefits.md",),
          "the UN's own count for June 2000 has about 910 Thai troops", _thai_troops_june_2000),
    Claim("asean-waves", ("notebooks/text/00_start_here.md",),
          "a climb from 2005 to about 4,900 in 2011, a dip below 4,000 in",
          lambda: near(asean(2011), 4900, 50) and all(asean(y) < 4000 for y in (2013, 2014))
          and all(4550 <= asean(y) <= 5050 for y in range(2015, 2026))),
    Claim("lasting-rise-indonesia", ("notebooks/text/07_capstone_fact_check.md",),
          "the lasting rise came in 2015, mainly from",
          lambda: country("IDN", 2015) - country("IDN", 2014) > asean(2015) - asean(2014)),
    Claim("members-until-2006", ("notebooks/text/04_no_asean_force.md",),
          "until August 2006 at most five members had anyone in a UN mission (six for nine months of",
          _members_until_2006),
    Claim("indonesia-peak", ("notebooks/text/05_subregional_options.md",),
          "(one month at 3,545, in November 2018; usually about", _indonesia_peak),
    Claim("phl-haiti", ("notebooks/text/07_capstone_fact_check.md",),
          "about 137 troops \"\n            \"stayed in Haiti until 2017", _phl_haiti),
    Claim("phl-mix-explanation", ("src/pkedu/questions/nb02.py",),
          "and its last troops from Haiti in 2017", _phl_haiti),
    Claim("gender-split-tables", ("notebooks/text/02_scale.md", "notebooks/text/06_benefits.md"),
          "April 2014", _gender_split_starts),
    Claim("timor-missions", ("notebooks/text/06_benefits.md",),
          "UNTAET was not the first UN mission in East Timor", _timor_missions),
    # notebooks 00 and 01, data/events.csv and data/README.md
    Claim("myanmar-handful", ("data/events.csv", "notebooks/text/01_convergence.md"),
          "never more than four", _myanmar_handful),
    Claim("phl-2011-2019-events", ("data/events.csv",),
          "about 894 in 2011 to 30 in 2019", _malaysia_fell),
    Claim("ipi-overlap", ("data/README.md",),
          "In 22 of the 23 months that overlap IPI's series", _ipi_overlap),
    Claim("broadened-evidence", ("notebooks/text/01_convergence.md",),
          "| UN missions with its personnel, December 2011 → December 2019 | 6 → 9 | 7 → 6 | 8 → 5 |",
          _broadened_table),
    Claim("malaysia-groups", ("notebooks/text/01_convergence.md",),
          "about 250 a year from 2008 to 2012, a few dozen at most since 2013", _malaysia_groups),
    Claim("singapore-2013", ("notebooks/text/01_convergence.md",), "at most two in 2013", _singapore_2013),
    Claim("six-in-1993", ("notebooks/text/01_convergence.md",),
          "(6 for a few\nmonths in 1993, when Brunei had people deployed)", _members_until_2006),
    Claim("malaysia-2011-2019", ("notebooks/text/01_convergence.md", "docs/lesson-plans/01_convergence.md"),
          "1,128", _malaysia_fell),
    # notebooks 02 and 03
    Claim("feb-2020-rebound", ("notebooks/text/02_scale.md",),
          "January 2020 had fallen by about 200", _feb_2020_rebound),
    Claim("big-changes-one-in-ten", ("src/pkedu/questions/nb02.py",),
          "in about one month in ten since 2015", _big_changes_one_in_ten),
    Claim("denominator-story", ("notebooks/text/02_scale.md",),
          "the count rose by about a third (about 3,450 to 4,570 a year)", _denominator_story),
    Claim("share-three-quarters", ("notebooks/text/02_scale.md",),
          "about 4.4% in 2015 and 7.8% in 2024, a rise by about three quarters",
          lambda: near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)
          and near(share(2024) / share(2015) - 1, 0.75, 0.02)),
    Claim("idn-august-2018", ("notebooks/text/02_scale.md",),
          "counted far fewer (2,689)", _idn_august_2018),
    Claim("laos-last-dot", ("notebooks/text/03_motives.md",),
          "The last dot, in 2025, is Laos asking Vietnam for help.", _laos_last_dialogue_dot),
    Claim("thai-darfur-fall", ("notebooks/text/02_scale.md",),
          "most of what it lost by 2013 was Thailand's battalion",
          lambda: country("THA", 2011) - country("THA", 2013) > (asean(2011) - asean(2013)) / 2),
    Claim("laos-never-deployed", ("notebooks/text/03_motives.md",),
          "so Laos is a member, although it has never sent a peacekeeper", _laos_never_deployed),
]


# --- notebooks 04 and 05 -------------------------------------------------------------------------

def _singapore_last_year() -> int:
    c = data.load_contributions()
    return int(c[(c["iso3"] == "SGP") & (c["total"] > 0)]["month"].max().year)


def _cambodia_dec_2019() -> bool:
    """772 people, 27th of 118 contributors, third in ASEAN; seven missions, the largest under 300."""
    c = data.load_contributions()
    world = analysis.ranking(c, "2019-12")
    khm = world.set_index("iso3").loc["KHM"]
    asean = analysis.ranking(c, "2019-12", countries=data.ASEAN10)
    where = analysis.where_they_serve(data.load_mission_contributions(), ["KHM"], "2019-12")
    return bool(khm["total"] == 772 and khm["rank"] == 27 and len(world) == 118
                and list(asean["iso3"]).index("KHM") == 2
                and len(where) == 7 and 250 <= where["total"].max() < 300)


def _indonesia_2019_pledge_share() -> float:
    return country("IDN", 2019) / 4000


def _brunei_unifil_share() -> float:
    where = analysis.where_they_serve(data.load_mission_contributions(), ["BRN", "MYS"], "2019-12")
    unifil = where[where["mission"] == "UNIFIL"].set_index("iso3")["total"]
    return float(unifil["BRN"] / unifil.sum())


CLAIMS_04_05 = [
    Claim("singapore-last-year-04", ("notebooks/text/04_no_asean_force.md",),
          "(2013). So the member that rejected an ASEAN force", lambda: _singapore_last_year() == 2013),
    Claim("cambodia-dec-2019", ("notebooks/text/05_subregional_options.md",),
          "had 772 people deployed in December 2019, 27th of the 118 countries", _cambodia_dec_2019),
    Claim("cambodia-seven-missions", ("notebooks/text/05_subregional_options.md",),
          "over seven missions, the largest group under 300", _cambodia_dec_2019),
    Claim("cambodia-rank-explanation", ("src/pkedu/questions/nb05.py",),
          "27th of the 118 countries", _cambodia_dec_2019),
    Claim("indonesia-three-quarters", ("notebooks/text/05_subregional_options.md",
                                       "src/pkedu/questions/nb05.py"),
          "three quarters of", lambda: 0.70 <= _indonesia_2019_pledge_share() <= 0.77),
    Claim("indonesia-1000-short", ("src/pkedu/questions/nb05.py",),
          "Indonesia stayed about 1,000 short", lambda: near(4000 - country("IDN", 2019), 1000, 100)),
    Claim("brunei-under-4-per-cent", ("src/pkedu/questions/nb05.py",),
          "Under 4 per cent", lambda: 0.03 <= _brunei_unifil_share() < 0.04),
    Claim("brunei-1993", ("notebooks/text/05_subregional_options.md",),
          "three experts a month from January", lambda: _brunei_1993()),
]
CLAIMS += CLAIMS_04_05


def _brunei_1993() -> bool:
    """Three experts a month January-September 1993, 12 police in six months, two troops in January."""
    c = data.load_contributions()
    b = c[(c["iso3"] == "BRN") & (c["month"].dt.year == 1993)]
    by = b.groupby(["group", "month"])["total"].sum()
    experts, police, troops = by["experts"], by["police"], by["troops"]
    return bool(len(experts) == 9 and (experts == 3).all() and experts.index.max().month == 9
                and len(police) == 6 and (police == 12).all()
                and list(troops.index.month) == [1] and troops.iloc[0] == 2)
# --- notebooks 06 and 07 ------------------------------------------------------------------------

def _monthly(iso3: str) -> pd.Series:
    return analysis.monthly_totals(data.load_contributions(), countries=iso3).set_index("month")["total"]


def _timor_jump() -> bool:
    aus, tha, phl = _monthly("AUS"), _monthly("THA"), _monthly("PHL")
    flat_1999 = all(_monthly(i)["1999"].max() < 200 for i in ("AUS", "THA", "PHL", "SGP", "MYS"))
    year_2000 = pd.concat([tha["2000-02":"2000-12"], phl["2000-02":"2000-12"]])
    return bool(flat_1999 and near(aus["2000-02-01"], 1800, 50)
                and year_2000.between(650, 1000).all()
                and phl["2001-12-01"] < 300 < phl["2001-11-01"] and tha["2002-01-01"] > 700)


def _unmit_june_2010() -> bool:
    m = data.load_mission_contributions()
    june = m[(m["month"] == "2010-06-01") & m["iso3"].isin(data.ASEAN10)]
    by_mission = june.groupby("mission")["total"].sum().sort_values(ascending=False)
    unmit = june[june["mission"] == "UNMIT"]
    police = unmit.loc[unmit["group"] == "police", "total"].sum()
    return bool(list(by_mission.index[:2]) == ["UNIFIL", "UNMIT"]
                and set(unmit["iso3"]) == {"MYS", "PHL", "SGP", "THA"}
                and police > unmit["total"].sum() / 2)


def _crisis_diamonds() -> bool:
    e = data.load_events()
    crises = e[(e["category"] == "regional_crisis") & e["date"].astype(str).between("1995", "2017")]
    return bool(len(crises) == 6 and int(crises["disputed"].astype(bool).sum()) == 4)


def _women_khm_vnm() -> bool:
    w = analysis.women_share(data.load_contributions(), ["KHM", "VNM"], by="iso3")
    yearly = w.assign(year=w["month"].dt.year).groupby(["iso3", "year"])["share"].mean()
    return bool(near(yearly["KHM", 2014], 0.03, 0.005) and yearly["KHM", 2025] > 0.20
                and yearly["VNM", 2017] == 0 and yearly["VNM", 2018] > 0)


def _no_south_east_asia_in_2025() -> bool:
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2025-07",
                                      data.load_missions())
    regions = serve.groupby("region")["total"].sum().sort_values(ascending=False)
    return bool("South-Eastern Asia" not in regions.index
                and list(regions.index[:2]) == ["Western Asia", "Middle Africa"])


def _unifil_2025() -> bool:
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2025-07")
    missions = serve.groupby("mission")["total"].sum().sort_values(ascending=False)
    return bool(missions.index[0] == "UNIFIL" and near(missions.iloc[0], 2300, 50))


def _late_joiners_gap() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10).dropna()
    years = sorted(first["first_month"].dt.year)
    return bool(years[:6][-1] == 1993 and years[6] == 2005 and len(years) == 9)


def _myanmar_2015_2019() -> bool:
    mmr = _monthly("MMR")
    deployed = mmr[mmr > 0]
    return bool(deployed.index.min() == pd.Timestamp("2015-08-01")
                and deployed.index.max() == pd.Timestamp("2019-06-01") and deployed.max() == 4)


def _indonesia_pledge_2019() -> bool:
    return bool(near(country("IDN", 2019), 2940, 5) and round(country("IDN", 2019) / 40) == 73)


CLAIMS_06_07 = [
    Claim("timor-jump", ("notebooks/text/06_benefits.md",),
          "Australia to about 1,800, Thailand and the Philippines to between about 650 and 1,000",
          _timor_jump),
    Claim("unmit-second-police", ("notebooks/text/06_benefits.md",),
          "but second comes UNMIT in Timor-Leste", _unmit_june_2010),
    Claim("crisis-diamonds", ("notebooks/text/06_benefits.md",), "Four of the six", _crisis_diamonds),
    Claim("women-khm-vnm", ("notebooks/text/06_benefits.md",),
          "Cambodia climbs from about 3% in 2014 to over 20% in 2025", _women_khm_vnm),
    Claim("no-south-east-asia-2025", ("notebooks/text/06_benefits.md",),
          "No region called South-Eastern Asia", _no_south_east_asia_in_2025),
    Claim("worked-example-grown", ("notebooks/text/07_capstone_fact_check.md",),
          "about 3,450 ASEAN personnel in 2009 and 4,570 in 2018, a third",
          lambda: near(asean(2009), 3450, 10) and near(asean(2018), 4570, 10)
          and near(asean(2018) / asean(2009), 4 / 3, 0.02)),
    Claim("brief-grew-to-5000", ("notebooks/text/07_capstone_fact_check.md",),
          "ASEAN's contribution grew from about 3,450 personnel a year in 2009 to about 5,000 in 2019",
          lambda: near(asean(2019), 5000, 20)
          and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))),
    Claim("brief-unifil-2025", ("notebooks/text/07_capstone_fact_check.md",),
          "where about 2,300 ASEAN peacekeepers served in July 2025", _unifil_2025),
    Claim("phl-decline", ("notebooks/text/07_capstone_fact_check.md",),
          "Philippines falls from about 1,000 in 2010 to a few dozen from 2018",
          lambda: near(country("PHL", 2010), 1000, 30) and near(country("PHL", 2011), 894, 1)
          and all(country("PHL", y) < 50 for y in range(2018, 2026))),
    Claim("malaysia-fell", ("notebooks/text/07_capstone_fact_check.md",),
          "average fell too, from about 1,128 in 2011 to 845 in 2019",
          lambda: near(country("MYS", 2011), 1128, 1) and near(country("MYS", 2019), 845, 1)),
    Claim("late-joiners-gap", ("notebooks/text/07_capstone_fact_check.md",),
          "After 1993 there is a twelve-year gap", _late_joiners_gap),
    Claim("myanmar-2015-2019", ("notebooks/text/07_capstone_fact_check.md",),
          "never more than four, and none after mid-2019", _myanmar_2015_2019),
    Claim("indonesia-pledge-2019", ("notebooks/text/07_capstone_fact_check.md",),
          "(73% of it) on average in 2019, 3,000 or more in only 5 months of 2015-2019",
          lambda: _indonesia_pledge_2019() and _indonesia_peak()),
]
CLAIMS += CLAIMS_06_07


# notebooks 04-07 (facts review) ----------------------------------------------------------------

def _members_until_august_2006() -> bool:
    n = members_count().set_index("month")["contributors"]
    six_or_more = n[n > 5]
    return bool(six_or_more[six_or_more.index < "2006-09-01"].index.year.tolist() == [1993] * 9
                and six_or_more[six_or_more.index >= "2006-01-01"].index.min()
                == pd.Timestamp("2006-09-01") and n.max() == 8)


def _force_proposal_years() -> list[int]:
    e = data.load_events()
    return sorted(int(str(d)[:4]) for d in e.loc[e["category"] == "force_proposal", "date"])


def _largest_contributors() -> bool:
    members = {c: yearly((c,)) for c in data.ASEAN10}
    table = pd.DataFrame(members)
    top = table.idxmax(axis=1)
    second_third = table.apply(lambda row: set(row.sort_values(ascending=False).index[1:3]), axis=1)
    return bool(top[1994] == "MYS" and top[1995] == "MYS"
                and (top.loc[2007:] == "IDN").all()
                and all(second_third[y] == {"MYS", "KHM"} for y in range(2015, 2026))
                and country("PHL", 2015) < country("PHL", 2014) / 2)


def _indonesia_plan_months() -> pd.Series:
    idn = _monthly("IDN")["2015-01-01":"2019-12-01"].dropna()
    return idn


def _indonesia_months_at_3000() -> bool:
    idn = _indonesia_plan_months()
    high = idn[idn >= 3000]
    return bool(len(high) == 5 and high.index.min() == pd.Timestamp("2018-11-01")
                and high.index.max() == pd.Timestamp("2019-03-01"))


def _indonesia_usually_2600_3000() -> bool:
    idn = _indonesia_plan_months()
    return bool(idn.between(2600, 2999).sum() > len(idn) * 0.8)


def _cambodia_first_unit() -> bool:
    khm = _monthly("KHM")
    return bool(khm[khm > 100].index.min() == pd.Timestamp("2006-04-01")
                and khm[khm > 0].index.min() == pd.Timestamp("2005-05-01"))


def _singapore_after_may_2013() -> bool:
    sgp = _monthly("SGP")
    return bool(sgp[sgp > 0].index.max() == pd.Timestamp("2013-05-01"))


def _consensus_record() -> bool:
    from pkedu.apps.consensus import consensus_model

    numbers = consensus_model().numbers
    return bool(numbers["vetoes"] == ("SGP", "THA", "VNM")
                and numbers["undecided"] == ("BRN", "LAO", "MMR"))


CLAIMS_04_07_REVIEW = [
    Claim("members-until-august-2006", ("notebooks/text/04_no_asean_force.md",),
          "(six for nine months of\n1993), and the count has never gone above eight",
          _members_until_august_2006),
    Claim("proposals-six-to-eleven-years", ("notebooks/text/04_no_asean_force.md",
                                            "docs/lesson-plans/04_no_asean_force.md"),
          "every six to eleven years",
          lambda: _force_proposal_years() == [1995, 2004, 2015, 2021]),
    Claim("proposals-four-in-brief", ("notebooks/text/07_capstone_fact_check.md",),
          "Region-wide force proposals in about 1995, 2004, 2015 and 2021",
          lambda: _force_proposal_years() == [1995, 2004, 2015, 2021]),
    Claim("largest-contributors-by-period", ("notebooks/text/04_no_asean_force.md",),
          "since 2007 Indonesia has been the largest every year, and since 2015 Malaysia and Cambodia",
          _largest_contributors),
    Claim("asean-bill-85-million", ("notebooks/text/04_no_asean_force.md",
                                    "docs/lesson-plans/04_no_asean_force.md"),
          "US$85 million", lambda: near(asean(2019) * 1428 * 12, 85_000_000, 1_000_000)),
    Claim("must-change-explanation", ("src/pkedu/questions/nb04.py",),
          "(Singapore, Thailand and Vietnam, all in", _consensus_record),
    Claim("thai-high-until-early-2002", ("notebooks/text/06_benefits.md",),
          "Thailand's stays high until early 2002",
          lambda: _monthly("THA")["2002-01-01"] > 700 > _monthly("THA")["2002-02-01"]),
    Claim("indonesia-months-3000", ("notebooks/text/07_capstone_fact_check.md",
                                    "docs/lesson-plans/07_capstone_fact_check.md"),
          "3,000 or more in only 5 months of 2015-2019", _indonesia_months_at_3000),
    Claim("indonesia-months-explanation", ("src/pkedu/questions/nb07.py",),
          "Only five, all between November 2018 and March 2019", _indonesia_months_at_3000),
    Claim("indonesia-usually-2600-3000", ("src/pkedu/questions/nb07.py",),
          "between 2,600 and 3,000 in the field", _indonesia_usually_2600_3000),
    Claim("cambodia-first-unit", ("notebooks/text/07_capstone_fact_check.md",),
          "when the UN \"\n            \"data first show more than 100 Cambodians", _cambodia_first_unit),
    Claim("singapore-none-after-may-2013", ("notebooks/text/07_capstone_fact_check.md",
                                            "docs/lesson-plans/04_no_asean_force.md"),
          "May 2013", _singapore_after_may_2013),
    Claim("brief-close-to-5000", ("notebooks/text/07_capstone_fact_check.md",),
          "close to 5,000 UN peacekeepers a year from 2019 to 2025",
          lambda: all(4750 <= asean(y) <= 5050 for y in range(2019, 2026))),
    Claim("brief-indonesia-half", ("notebooks/text/07_capstone_fact_check.md",),
          "Indonesia alone has provided more than half of it in every",
          lambda: all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))
          and country("IDN", 2014) < asean(2014) / 2),
    Claim("plan-06-timor-2000", ("docs/lesson-plans/06_benefits.md",),
          "the Philippines at about 650 to 1,000 each in 2000)", _timor_jump),
    Claim("plan-06-unmit-400", ("docs/lesson-plans/06_benefits.md",),
          "(about 400 in UNMIT in June 2010)",
          lambda: _unmit_june_2010() and near(float(analysis.where_they_serve(
              data.load_mission_contributions(), data.ASEAN10, "2010-06").query(
              "mission == 'UNMIT'")["total"].sum()), 400, 10)),
]
CLAIMS += CLAIMS_04_07_REVIEW


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_sentence_is_still_in_the_prose(claim: Claim) -> None:
    for name in claim.files:
        assert claim.text in (ROOT / name).read_text(encoding="utf-8"), (
            f"{claim.id}: the sentence changed in {name}; check the new wording against the data "
            "and update this entry")


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_data_support_the_sentence(claim: Claim) -> None:
    assert claim.holds(), f"{claim.id}: the data no longer support the sentence in {claim.files}"


# notebooks 00-03 (facts review)

def _month_by_state(month: str) -> dict[str, int]:
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start=month, end=month)
    return {k: int(v) for k, v in rows.groupby("iso3")["total"].sum().items()}


def _diplomat_jan_2014() -> bool:
    said = {"BRN": 26, "KHM": 342, "IDN": 1697, "MYS": 909, "PHL": 703, "THA": 33}
    return bool(_month_by_state("2014-01") == said)


def _diplomat_plan_details() -> bool:
    jan, feb = _month_by_state("2014-01"), _month_by_state("2014-02")
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP")
    sgp = sgp.set_index("month")["total"]
    return bool(sum(jan.values()) == 3710 and jan["BRN"] + jan["THA"] < 60 and feb["KHM"] == 419
                and sgp["2013-01-01":"2013-12-01"].max() == 2 and sgp["2013-06-01":].sum() == 0)


def _waves_1993_2001() -> bool:
    return bool(near(asean(1993), 3950, 60) and asean(1993) < 4000
                and all(near(asean(y), 1870, 50) for y in (2000, 2001))
                and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026)))


def _phl_gap_2014() -> bool:
    phl = analysis.monthly_totals(data.load_contributions(), countries="PHL")
    phl = phl.set_index("month")["total"]
    gap = phl["2014-09-01":"2014-12-01"]
    return bool(near(phl["2014-08-01"], 670, 5) and phl["2015-01-01"] < 200 and len(gap) == 4
                and gap.isna().all())


def _readme_tables() -> bool:
    m = data.load_months()
    un = m[m["source"] == "un_dpo_pdf"]
    recent_gaps = m[(m["month"] >= "2015-01-01") & ~m["reported"]]
    sizes = [len(data.load_contributions()), len(m), len(data.load_mission_contributions()),
             len(data.load_missions()), len(data.load_countries()), len(data.load_events()),
             len(data.load_reimbursement_rates())]
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    levels = idn.loc[["2014-03-01", "2014-04-01", "2014-08-01", "2015-01-01"], "total"].tolist()
    return bool(len(un) == 122 and un["reported"].all() and len(recent_gaps) == 5
                and sizes == [102442, 417, 133606, 87, 167, 53, 5]
                and levels == [1703, 1797, 1801, 1881] and (~m["reported"]).sum() == 9)


def _first_months_01() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10, by_group=True)
    first = first.set_index("iso3")
    start = first.min(axis=1).dropna()
    early = start[start < pd.Timestamp("1994-01-01")]
    vnm = first.loc["VNM"]
    return bool(len(early) == 6 and early.max().year == 1993 and start["KHM"].year == 2005
                and vnm["experts"] == pd.Timestamp("2014-07-01")
                and (vnm["police"] - vnm["experts"]).days // 365 == 8)


def _count_steps_01() -> bool:
    n = members_count().set_index("month")["contributors"]
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP").set_index("month")
    break_ = sgp.loc["2004-06-01":"2006-08-01", "total"]
    return bool(n["1990-11-01":"1991-02-01"].eq(2).all() and n["2006-09-01"] == 6
                and n["2008-10-01"] == 7 and n["2015-08-01"] == 8 and n["2015-07-01"] == 7
                and n["2019-07-01":].dropna().eq(7).all() and break_.sum() == 0)


def _newcomers_01() -> bool:
    return bool(country("KHM", 2015) > 800
                and all(country("VNM", y) < 100 for y in range(2014, 2022))
                and all(country("VNM", y) > 250 for y in range(2023, 2026))
                and all(25 <= country("BRN", y) <= 33 for y in range(2012, 2026))
                and near(country("MYS", 1994), 2700, 50)
                and max(range(1990, 2026), key=lambda y: country("PHL", y)) == 2010)


def _phl_troops_01() -> bool:
    troops = {y: _group_mean("PHL", "troops", y) for y in range(2005, 2020)}
    totals = {y: country("PHL", y) for y in range(2005, 2015)}
    return bool(all(troops[y] > totals[y] / 2 for y in range(2005, 2015))
                and near(troops[2015] / troops[2014], 0.25, 0.03)
                and all(troops[y] == 0 for y in (2018, 2019)))


def _thai_and_brunei_early() -> bool:
    tha = analysis.monthly_totals(data.load_contributions(), countries="THA").set_index("month")
    c = data.load_contributions()
    brn = c[(c["iso3"] == "BRN") & (c["month"].dt.year == 1993)]
    by = brn.pivot_table(index="month", columns="group", values="total", aggfunc="sum")
    return bool(tha.loc["1990-11-01":"1991-03-01", "total"].sum() == 0
                and tha.loc["1991-04-01", "total"] == 7 and tha.loc["1992-02-01", "total"] > 700
                and len(by) == 9 and by["experts"].eq(3).all() and by["police"].eq(12).sum() >= 5
                and by["troops"].dropna().index.tolist() == [pd.Timestamp("1993-01-01")])


def _vietnam_july_2014() -> bool:
    vnm = analysis.monthly_totals(data.load_contributions(), countries="VNM").set_index("month")
    return bool(vnm.loc["2014-07-01", "total"] == 2 and vnm.loc["2014-08-01", "total"] == 0
                and vnm.loc["2015-01-01", "total"] == 2)


def _idn_events_note() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    return bool(near(country("IDN", 2019), 2940, 5) and idn.loc["2021-01-01", "total"] == 2825
                and _indonesia_peak())


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
    usual = months.between(2650, 2950).mean()
    dip = months["2022-08-01":"2022-11-01"]
    return bool(usual > 0.8 and dip.between(2550, 2650).all() and months.min() == dip.min())


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


def _newer_chart_03() -> bool:
    khm = {y: country("KHM", y) for y in range(2012, 2026)}
    return bool(khm[2015] > 2 * khm[2013] and all(760 <= khm[y] <= 870 for y in range(2015, 2024))
                and khm[2024] < 700 and near(country("THA", 2011), 800, 30)
                and all(near(country("THA", y), 300, 20) for y in range(2019, 2026)))


def _plan_03_figures() -> bool:
    c = data.load_contributions()
    rank = {w: int(analysis.ranking(c, w, countries=["IDN"])["rank"].item())
            for w in ("2015-01", "2019-12")}
    vnm = analysis.monthly_totals(c, countries="VNM").set_index("month").loc["2019-12-01", "total"]
    dec = sum(_month_by_state("2019-12").values())
    return bool(rank == {"2015-01": 16, "2019-12": 8} and vnm == 76
                and near(dec * 1428 * 12 / 1e6, 85, 0.5))


def _readme_caveats() -> bool:
    c = data.load_contributions()
    m = data.load_months().set_index("month")
    mc = data.load_mission_contributions()
    gap = (c.groupby("month")["total"].sum() - mc.groupby("month")["total"].sum())
    gap = gap.loc["2009-11-01":"2012-12-01"]
    odd = mc[mc["male"].notna() & (mc["male"] + mc["female"] != mc["total"])]
    egypt = mc[(mc["month"] == "2011-08-01") & (mc["iso3"] == "EGY") & (mc["mission"] == "UNMISS")
               & (mc["group"] == "troops")].iloc[0]
    return bool(c[c["type"] == "Staff Officer"]["month"].min() == pd.Timestamp("2017-05-01")
                and gap.min() == 75 and gap.max() == 150
                and len(odd) == 17 and set(odd["iso3"]) == {"EGY", "ETH"}
                and odd["month"].max() == pd.Timestamp("2011-09-01")
                and (egypt["male"], egypt["female"], egypt["total"]) == (9, 0, 1506)
                and m.loc["1991-03-01", "n_countries"] == 37
                and m.loc["1991-03-01", "world_total"] == m.loc["1991-03-01", "world_total_ipi"]
                and m.loc["1991-02-01", "n_countries"] == m.loc["1991-04-01", "n_countries"] == 46)


CLAIMS_00_03 = [
    Claim("diplomat-jan-2014", ("notebooks/text/00_start_here.md",),
          "Brunei 26, Cambodia 342, Indonesia 1,697, Malaysia 909, the Philippines 703 and"
          "\nThailand 33",
          _diplomat_jan_2014),
    Claim("diplomat-plan", ("docs/lesson-plans/00_start_here.md",),
          "The six numbers add up to 3,710", _diplomat_plan_details),
    Claim("asean-waves-1993", ("notebooks/text/00_start_here.md",),
          "almost 4,000 people in 1993, a second, smaller wave of"
          "\nabout 1,900 around 2000 and 2001",
          _waves_1993_2001),
    Claim("phl-gap-2014", ("notebooks/text/00_start_here.md",),
          "the Philippines had about 670 people deployed in August 2014 and under 200 in "
          "January\n2015",
          _phl_gap_2014),
    Claim("gender-split-00", ("notebooks/text/00_start_here.md",),
          "only in April 2014 (the\ncourse's table by mission has the split from November 2009)",
          _gender_split_starts),
    Claim("readme-122-reports", ("data/README.md",),
          "read number by number: 122 monthly reports", _readme_tables),
    Claim("readme-caveats", ("data/README.md",),
          "sums to 75-150 people a month (about 0.1 %) less than the country totals",
          _readme_caveats),
    Claim("first-months-01", ("notebooks/text/01_convergence.md",),
          "Within one state the groups often start years apart: Vietnam's first police "
          "arrived eight years",
          _first_months_01),
    Claim("count-steps-01", ("notebooks/text/01_convergence.md",),
          "from 2 in the first months of the data (Indonesia and\nMalaysia)", _count_steps_01),
    Claim("newcomers-01", ("notebooks/text/01_convergence.md",),
          "Vietnam stayed below 100 until 2021 and has averaged more than 250 a year since 2023",
          _newcomers_01),
    Claim("phl-troops-01", ("notebooks/text/01_convergence.md",),
          "in 2015 they fall\nby three quarters, and by 2018 they are gone", _phl_troops_01),
    Claim("thai-brunei-early-01", ("notebooks/text/01_convergence.md",),
          "seven from April 1991, and over 700 from February 1992", _thai_and_brunei_early),
    Claim("vietnam-july-2014", ("notebooks/text/01_convergence.md",),
          "two experts in July 2014 (none in August", _vietnam_july_2014),
    Claim("idn-pledge-events", ("data/events.csv",),
          "about 2,940 on average in 2019, 3,545 in its highest month, November 2018, and 2,825",
          _idn_events_note),
    Claim("top-six-2015-2021", ("notebooks/text/02_scale.md",),
          "In every year from 2015 to 2021 the six\nlargest contributors", _top_six_2015_2021),
    Claim("dated-rankings", ("notebooks/text/02_scale.md",),
          "it matches the UN's report for **November 2018**", _dated_rankings),
    Claim("asean-jan-2015", ("notebooks/text/02_scale.md",),
          "counted 3,845 personnel from\nseven ASEAN states in January that year", _asean_jan_2015),
    Claim("idn-since-april-2015", ("notebooks/text/02_scale.md",),
          "2,700-2,900 in most months from April 2015 on (with a dip to about 2,600 in late 2022)",
          _idn_since_april_2015),
    Claim("women-02", ("notebooks/text/02_scale.md",),
          "about 3% of ASEAN's peacekeepers in 2014", _women_02),
    Claim("plan-02-level", ("docs/lesson-plans/02_scale.md",),
          "has stayed between about 4,550 and 5,050 a year since 2015", _summary_02),
    Claim("plan-02-pause", ("docs/lesson-plans/02_scale.md",),
          "ASEAN had 3,845 people in January 2015 and 4,873 in July 2025", _plan_02_pause),
    Claim("newer-chart-03", ("notebooks/text/03_motives.md",),
          "Cambodia grew fast in 2013-2015, held steady until 2023 and then fell", _newer_chart_03),
    Claim("plan-03-figures", ("docs/lesson-plans/03_motives.md",),
          "rank rose from 16th in January 2015 to 8th in December 2019", _plan_03_figures),
    Claim("summary-02", ("notebooks/text/02_scale.md",),
          "has stayed between about 4,550 and 5,050 a year since", _summary_02),
]
CLAIMS += CLAIMS_00_03
