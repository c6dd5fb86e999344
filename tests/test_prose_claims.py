"""Numbers in the course's prose, each tied to the computation that proves it.

Every entry names the file a sentence lives in, a short piece of that sentence, and a check against the
course's data. The first test fails when the sentence is edited (so whoever edits it looks at the check
again); the second fails when the data no longer support it. To add a claim, add one entry.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from pkedu import analysis, data

from prose_text import python_source_text

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
          "(one month at 3,545, in November 2018; about 2,940 on",
          lambda: _indonesia_peak() and near(country("IDN", 2019), 2940, 5)),
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
    tha_2000, phl_2000 = tha["2000-02":"2000-12"], phl["2000-02":"2000-12"]
    return bool(flat_1999 and near(aus["2000-02-01"], 1800, 50)
                and near(tha_2000.min(), 760, 5) and near(tha_2000.max(), 980, 5)
                and near(phl_2000.min(), 670, 5) and near(phl_2000.max(), 970, 5)
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
          "Australia to about 1,800, and from February to December 2000 Thailand between\nabout 760 and 980 and "
          "the Philippines between about 670 and 970",
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
          "since 2007 Indonesia has been the largest every year,\nand since 2015 Malaysia and Cambodia",
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
          "about 760 to 980 and the Philippines at about 670 to 970 a month from February to December 2000)",
          _timor_jump),
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
        text = (ROOT / name).read_text(encoding="utf-8")
        if name.endswith(".py"):  # a sentence may run over several string literals
            text, snippet = python_source_text(text), python_source_text(claim.text)
        else:
            snippet = claim.text
        assert snippet in text, (
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
          "ASEAN sent **about 4,550 to 5,050** people a year from 2015 on", _summary_02),
]
CLAIMS += CLAIMS_00_03
# added with the prose-number check -----------------------------------------------------------------
# Each entry covers the numbers of its snippet in test_prose_numbers.py (rule a).

def _sources_by_period() -> bool:
    """IPI's files from November 1990 to 2014, the UN's own reports from January 2015 to July 2025."""
    m = data.load_months()
    span = m.groupby("source")["month"].agg(["min", "max"])
    ipi = m[m["source"].str.startswith("ipi")]
    return bool(ipi["month"].min() == pd.Timestamp("1990-11-01") and ipi["month"].max().year == 2014
                and span.loc["un_dpo_pdf", "min"] == pd.Timestamp("2015-01-01")
                and span.loc["un_dpo_pdf", "max"] == pd.Timestamp("2025-07-01"))


def _waves() -> bool:
    return bool(near(asean(1993), 3900, 100) and near(asean(2000), 1900, 100) and near(asean(2001), 1900, 50)
                and asean(2005) < 1000 and near(asean(2011), 4900, 50)
                and all(asean(y) < 4000 for y in (2013, 2014))
                and all(4550 <= asean(y) <= 5050 for y in range(2015, 2026))
                and all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026)))


def _only_laos_never() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10)
    never = set(first.loc[first["first_month"].isna(), "iso3"])
    return bool(never == {"LAO"})


def _first_month(iso3: str) -> pd.Timestamp:
    first = analysis.first_contributions(data.load_contributions(), [iso3])
    return first.loc[0, "first_month"]


def _vietnam_2014() -> bool:
    vnm = _monthly("VNM")
    return bool(_first_month("VNM").year == 2014 and vnm[:"2013-12-01"].fillna(0).sum() == 0)


def _phl_gaps_2012_2016() -> bool:
    m = data.load_months().set_index("month")
    return bool((~m.loc["2012-01-01":"2016-12-01", "reported"]).sum() >= 4)


ADDED = [
    Claim("waves-00", ("notebooks/text/00_start_here.md",),
          "ASEAN's total comes in waves: almost 4,000 people in 1993, a second, smaller wave of\n"
          "about 1,900 around 2000 and 2001, then a climb from 2005 to about 4,900 in 2011, a dip below 4,000 in\n"
          "2013-2014, and about 4,600 to 5,000 a year since 2015, with Indonesia (the large red-orange band) "
          "providing more than half of it since 2015.", _waves),
    Claim("sources-by-period-00", ("notebooks/text/00_start_here.md",),
          "**2015 to July 2025** were read from the UN's monthly reports themselves.", _sources_by_period),
    Claim("ipi-until-2014-00", ("notebooks/text/00_start_here.md",),
          "(through the IPI database for 1990–2014)", _sources_by_period),
    Claim("gender-split-00", ("notebooks/text/00_start_here.md",),
          "separately only in April 2014 (the\ncourse's table by mission has the split from November 2009)",
          _gender_split_starts),
    Claim("only-laos-never-00", ("notebooks/text/00_start_here.md",),
          "In the decade before 2019, the ten ASEAN states' policies on peacekeeping grew alike:\n"
          "   one after another they began to send personnel to UN missions, until only Laos had never taken part.",
          _only_laos_never),
    Claim("phl-gaps-00", ("notebooks/text/00_start_here.md",),
          "the Philippines, month by month, from 2012 to 2016", _phl_gaps_2012_2016),
    Claim("vietnam-2014-00", ("notebooks/text/00_start_here.md",),
          "The UN figures support 2014: Vietnam's line leaves zero in 2014 and shows nothing in\n2012", _vietnam_2014),
]
CLAIMS += ADDED


# notebook 01 (added with the prose-number check)

def _shapes_01() -> bool:
    idn = all(2600 <= country("IDN", y) < 3000 for y in range(2015, 2026))
    mys = yearly(("MYS",))
    phl = yearly(("PHL",))
    sgp = _monthly("SGP")
    return bool(idn and int(mys.idxmax()) == 1994 and near(mys.max(), 2700, 50)
                and int(phl.idxmax()) == 2010 and sgp["2013-07-01":].sum() == 0 and sgp["2013"].sum() > 0
                and _myanmar_handful() and _laos_never_deployed())


def _starts_01() -> bool:
    years = {i: _first_month(i).year for i in data.ASEAN10 if i != "LAO"}
    early = [i for i, y in years.items() if y <= 1993]
    groups = analysis.first_contributions(data.load_contributions(), ["VNM"], by_group=True).iloc[0]
    police_after = (groups["police"] - groups["experts"]).days / 365.25
    return bool(len(early) == 6 and sorted(years.values())[6] == 2005
                and (years["KHM"], years["VNM"], years["MMR"]) == (2005, 2014, 2015)
                and 8 <= police_after < 9)


def _sizes_01() -> bool:
    start = _first_month("KHM").year
    return bool(max(country("KHM", y) for y in range(start, start + 11)) > 800
                and all(country("VNM", y) < 100 for y in range(2014, 2022))
                and all(country("VNM", y) > 250 for y in range(2023, 2026))
                and all(near(country("BRN", y), 30, 4) for y in range(2012, 2026)) and _myanmar_handful())


def _count_steps_01() -> bool:
    n = members_count().set_index("month")["contributors"].dropna()
    sgp = _monthly("SGP").fillna(0)
    sgp_gap = sgp["2004-01-01":"2006-08-01"]
    return bool(n["1991-04-01":"2005-12-01"].drop(pd.date_range("1993-01-01", "1993-09-01", freq="MS"),
                                                   errors="ignore").between(4, 5).all()
                and n["1993-01-01":"1993-09-01"].eq(6).all() and (_monthly("BRN")["1993-01-01":"1993-09-01"] > 0).all()
                and n["1993-01-01":"2013-12-01"].max() <= 7 and n["2006-09-01"] == 6 and (sgp_gap == 0).sum() >= 20
                and n["2008-10-01"] == 7 and n["2015-08-01"] == 8 and n.max() == 8
                and (n["2019-07-01":] == 7).all() and n["1991-03-01"] == 0)


def _march_1991_hole() -> bool:
    m = data.load_months().set_index("month")["n_countries"]
    return bool(m["1991-03-01"] == 37 and m["1991-02-01"] == 46)


CLAIMS += [
    Claim("shapes-01", ("notebooks/text/01_convergence.md",),
          "Indonesia climbs to\nnearly 3,000 a year after 2015; Malaysia peaked in 1994 (about 2,700)", _shapes_01),
    Claim("shapes-01b", ("notebooks/text/01_convergence.md",),
          "the Philippines peaked in 2010 and then collapsed; Singapore's line falls to zero in 2013;\n"
          "Cambodia, Vietnam and Myanmar start late; Myanmar never passes a handful", _shapes_01),
    Claim("starts-01", ("notebooks/text/01_convergence.md",),
          "Six states start between 1990 and 1993, then there is a\ntwelve-year gap until Cambodia, and a second, "
          "later group: Cambodia (2005), Vietnam (2014), Myanmar (2015).\nWithin one state the groups often start "
          "years apart: Vietnam's first police arrived eight years after its\nfirst officers.", _starts_01),
    Claim("sizes-01", ("notebooks/text/01_convergence.md",),
          "Cambodia grew to over 800 within ten years of its\nstart; Vietnam stayed below 100 until 2021 and has "
          "averaged more than 250 a year since 2023; Brunei has held\nsteady at about 30 since 2012; Myanmar never "
          "had more than four people deployed, and nobody after June 2019.", _sizes_01),
    Claim("count-steps-01", ("notebooks/text/01_convergence.md",),
          "to 4 or 5 through the 1990s and early 2000s (6 for a few\nmonths in 1993, "
          "when Brunei had people deployed) to 6 in 2006\n(Cambodia had joined, and Singapore came back after a "
          "two-year break), 7 in late 2008 (Brunei) and 8 in\nAugust 2015 (Vietnam, then Myanmar). It never reaches "
          "ten, and it falls as well as rises:\nSingapore drops out in 2012–13 and Myanmar in 2019, so since then "
          "the count has been 7.", _count_steps_01),
    Claim("march-1991-01", ("notebooks/text/01_convergence.md",),
          "March 1991 is a hole in the record, not a real withdrawal: the IPI file for that month lists only 37\n"
          "countries instead of 46 the month before", _march_1991_hole),
]


# notebook 02 (added with the prose-number check)

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


def _idn_plateau_since_april_2015() -> bool:
    idn = _monthly("IDN").dropna()
    after = idn["2015-04-01":]
    return bool(idn["2014"].max() < 2000 and 2700 <= after.median() <= 2900
                and after.quantile(0.1) > 2600 and after.quantile(0.9) < 3100)


CLAIMS += [
    Claim("under-a-thousand-02", ("notebooks/text/02_scale.md",),
          "grew from under a thousand a year in 2004-2005 to about 4,900 in 2011. That\npeak did not last",
          lambda: asean(2004) < 1000 and asean(2005) < 1000 and near(asean(2011), 4900, 50)
          and int(yearly(tuple(data.ASEAN10)).loc[2005:2014].idxmax()) == 2011),
    Claim("indonesia-half-02", ("notebooks/text/02_scale.md",),
          "which has made up more\nthan half of it since; Malaysia and Cambodia come next.",
          lambda: all(country("IDN", y) > asean(y) / 2 for y in range(2015, 2026))
          and all(sorted(data.ASEAN10, key=lambda i: -country(i, y))[1:3] in (["MYS", "KHM"], ["KHM", "MYS"])
                  for y in range(2015, 2026))),
    Claim("ten-times-2009-02", ("notebooks/text/02_scale.md",), "(in 2009 almost ten times as many)",
          lambda: 9.5 <= ratio(SOUTH_ASIA, 2009) < 10),
    Claim("top-ten-2019-02", ("notebooks/text/02_scale.md",),
          "in December 2019 Indonesia was the only ASEAN state in the world's top ten; Malaysia and\nCambodia "
          "were in the twenties, and Brunei and the Philippines far down the list. Every country above\n"
          "Indonesia was in South Asia or Africa.", _top_ten_2019_12),
    Claim("mission-table-months-02", ("notebooks/text/02_scale.md",),
          "The UN published it for most months since November", _mission_table_months),
    Claim("women-2014-2021-02", ("notebooks/text/02_scale.md",),
          "about 3% of ASEAN's peacekeepers in 2014. The share\nrose after 2018 and has been close to the world's "
          "since 2021. Both lines are still far from half.", _women_2014_2021),
    Claim("summary-rise-02", ("notebooks/text/02_scale.md",),
          "yearly average rose from about 3,450 in 2009 to 4,930 in 2011, but more than half of that rise was\n"
          "  Thailand's battalion in Darfur, home by mid-2012. The level came back in 2015, mainly through Indonesia",
          lambda: near(asean(2009), 3450, 10) and near(asean(2011), 4930, 10)
          and country("THA", 2011) - country("THA", 2009) > (asean(2011) - asean(2009)) / 2
          and _thai_darfur_home_by_mid_2012()
          and country("IDN", 2015) - country("IDN", 2014) > asean(2015) - asean(2014)),
    Claim("median-16-02", ("notebooks/text/02_scale.md",),
          "(about 16 people for ASEAN,\n  the median since 2015)", _feb_2020_rebound),
    Claim("median-16-model-02", ("notebooks/text/02_scale.md",),
          "by only about 16 people (the median since 2015), so a", _feb_2020_rebound),
]


# notebooks 04 and 05 (added with the prose-number check)

def _asean_feb_2015() -> pd.DataFrame:
    r = analysis.ranking(data.load_contributions(), "2015-02")
    return r[r["iso3"].isin(data.ASEAN10)].set_index("iso3")


def _force_numbers_2015() -> bool:
    a = _asean_feb_2015()
    bgd = int(analysis.ranking(data.load_contributions(), "2015-02").set_index("iso3").loc["BGD", "total"])
    total = a["total"].sum()
    return bool(total < 4000 and near(a.loc["IDN", "total"] / total, 0.5, 0.03) and total < bgd / 2
                and a["rank"].min() > 10)


def _malaysia_unifil_2019() -> float:
    where = analysis.where_they_serve(data.load_mission_contributions(), ["MYS"], "2019-12")
    return float(where.set_index("mission").loc["UNIFIL", "total"])


def _reimbursement_2018() -> float:
    rates = data.load_reimbursement_rates().set_index("effective_from")["rate_usd"]
    return float(rates[pd.Timestamp("2018-07-01")] if pd.Timestamp("2018-07-01") in rates.index
                 else rates["2018-07-01"])


CLAIMS += [
    Claim("never-above-eight-04", ("notebooks/text/04_no_asean_force.md",),
          "1993), and the count has never gone above eight.", _members_until_2006),
    Claim("top-ten-2015-04", ("notebooks/text/04_no_asean_force.md",),
          "no ASEAN member is in the world's top ten. Indonesia, the region's largest contributor,",
          lambda: _force_numbers_2015() and _asean_feb_2015()["total"].idxmax() == "IDN"),
    Claim("force-numbers-2015-04", ("notebooks/text/04_no_asean_force.md",),
          "ASEAN's whole UN contribution in early 2015 was under 4,000 people,\nabout half of it Indonesian",
          _force_numbers_2015),
    Claim("half-of-bangladesh-04", ("notebooks/text/04_no_asean_force.md",),
          "In early 2015 the whole\n  region sent fewer than half as many people as Bangladesh alone.",
          _force_numbers_2015),
    Claim("close-to-3000-05", ("notebooks/text/05_subregional_options.md",),
          "then stayed between 2,600 and\n3,000 as a yearly average. One month stands out above the rest, but the line never "
          "reaches 4,000.",
          lambda: all(2600 <= country("IDN", y) <= 3000 for y in range(2015, 2026)) and _indonesia_peak()),
    Claim("three-quarters-2019-05", ("notebooks/text/05_subregional_options.md",),
          "On the average Indonesia reached about three quarters of its pledge in\n2019",
          lambda: 0.70 <= _indonesia_2019_pledge_share() <= 0.77),
    Claim("cambodia-vietnam-steps-05", ("notebooks/text/05_subregional_options.md",),
          "Cambodia grows fast after 2010 and levels off at several hundred; Vietnam stays tiny until\nthe "
          "hospital (2018) and jumps again with the engineering unit (2022)",
          lambda: country("KHM", 2012) > 3 * country("KHM", 2010)
          and all(500 < country("KHM", y) < 900 for y in range(2014, 2026))
          and all(country("VNM", y) < 10 for y in range(2014, 2018))
          and country("VNM", 2019) > 2 * country("VNM", 2018) > 0
          and country("VNM", 2023) > 2 * country("VNM", 2021)),
    Claim("malaysia-850-05", ("notebooks/text/05_subregional_options.md",),
          "Malaysia's 850-strong unit in Lebanon", lambda: near(_malaysia_unifil_2019(), 850, 30)),
    Claim("malaysia-850-model-05", ("notebooks/text/05_subregional_options.md",),
          "while Malaysia sends one battalion of about 850 to Lebanon", lambda: near(_malaysia_unifil_2019(), 850, 30)),
    Claim("17000-a-year-05", ("notebooks/text/05_subregional_options.md",),
          "about US$17,000 a year per soldier at the 2018 rate",
          lambda: near(_reimbursement_2018() * 12, 17000, 300)),
]


# notebook 06 (added with the prose-number check)

def _southeast_asian_missions() -> pd.DataFrame:
    m = data.load_missions()
    return m[m["region"] == "South-Eastern Asia"]


def _un_in_timor_13_years() -> bool:
    timor = data.load_missions()
    timor = timor[timor["host_iso3"] == "TLS"]
    return bool(timor["first_month"].min().year == 1999 and timor["last_month"].max().year == 2012
                and timor["last_month"].max().year - timor["first_month"].min().year == 13)


def _unmit_only_in_region() -> bool:
    sea = _southeast_asian_missions()
    open_june_2010 = sea[(sea["first_month"] <= "2010-06-01") & (sea["last_month"] >= "2010-06-01")]
    return bool(list(open_june_2010["mission"]) == ["UNMIT"] and _unmit_june_2010())


def _nothing_in_region_after_2012() -> bool:
    sea = _southeast_asian_missions()
    return bool(sea["last_month"].max() == pd.Timestamp("2012-11-01")
                and sea.set_index("mission").loc["UNMIT", "last_month"].year == 2012
                and _no_south_east_asia_in_2025())


def _phl_passes_500() -> bool:
    phl = _monthly("PHL")
    above = phl[phl > 500]
    return bool(above["1999-01-01":].index[0] == pd.Timestamp("2000-02-01"))


def _gender_gaps() -> bool:
    c = data.load_contributions()
    months = data.load_months().set_index("month")["reported"]
    no_split = {m for m, f in c.groupby("month")["female"] if f.notna().sum() == 0}
    late_2014 = pd.date_range("2014-09-01", "2014-12-01", freq="MS")
    return bool(not months[late_2014].any() and pd.Timestamp("2020-08-01") in no_split
                and pd.Timestamp("2023-09-01") in no_split and _gender_split_starts())


def _thai_2014_few_dozen() -> bool:
    return bool(_monthly("THA")["2014"].dropna().between(24, 60).all())


CLAIMS += [
    Claim("thirteen-years-06", ("notebooks/text/06_benefits.md",), "### The UN stayed for thirteen years",
          _un_in_timor_13_years),
    Claim("13-years-table-06", ("notebooks/text/06_benefits.md",), "then 13 years of UN missions",
          _un_in_timor_13_years),
    Claim("unmit-only-06", ("notebooks/text/06_benefits.md",),
          "second comes UNMIT in Timor-Leste, the only\nmission in Southeast Asia", _unmit_only_in_region),
    Claim("since-unmit-closed-06", ("notebooks/text/06_benefits.md",),
          "since UNMIT closed in 2012, every ASEAN peacekeeper serves far from home", _nothing_in_region_after_2012),
    Claim("until-2012-06", ("notebooks/text/06_benefits.md",),
          "the UN stayed in Timor-Leste until 2012", _un_in_timor_13_years),
    Claim("phl-passes-500-06", ("notebooks/text/06_benefits.md",),
          "the Philippine count first passes 500 in the\ncount for the end of February 2000, not January's",
          _phl_passes_500),
    Claim("gender-gaps-06", ("notebooks/text/06_benefits.md",),
          "the split by gender starts in April 2014, and the reports for September\n  to December 2014 are "
          "missing, so\n  the 2014 point covers only April to August.", _gender_gaps),
    Claim("september-2023-06", ("notebooks/text/06_benefits.md",), "September 2023 has no\n  split either",
          _gender_gaps),
    Claim("thai-2014-06", ("notebooks/text/06_benefits.md",),
          "starting very high in 2014: with only a few dozen\nThai personnel deployed then", _thai_2014_few_dozen),
]


# notebook 07 (added with the prose-number check)

def _force_proposals_1995_2016() -> list[int]:
    e = data.load_events()
    proposals = e[e["category"] == "force_proposal"]
    years = sorted(int(str(d)[:4]) for d in proposals["date"])
    return [y for y in years if 1995 <= y <= 2016]


CLAIMS += [
    Claim("climbs-steeply-07", ("notebooks/text/07_capstone_fact_check.md",),
          "the line climbs steeply from 2005 to 2011, dips in 2013-2014 and comes back to about\n5,000 by 2019.",
          lambda: asean(2011) > 5 * asean(2005) and all(asean(y) < 4000 for y in (2013, 2014))
          and near(asean(2019), 5000, 50)),
    Claim("late-joiners-07", ("notebooks/text/07_capstone_fact_check.md",),
          "After 1993 there is a twelve-year gap, then three late\njoiners: Cambodia, Vietnam and Myanmar. "
          "Laos has no dot at all.", lambda: _late_joiners_gap() and _starts_01() and _laos_never_deployed()),
    Claim("mys-850-1200-07", ("notebooks/text/07_capstone_fact_check.md",),
          "Indonesia rises to nearly 3,000 and Malaysia stays between about 850 and 1,200 after 2009",
          lambda: all(2600 <= country("IDN", y) < 3000 for y in range(2015, 2026))
          and all(840 <= country("MYS", y) <= 1200 for y in range(2010, 2026))),
    Claim("touches-3500-07", ("notebooks/text/07_capstone_fact_check.md",),
          "It climbs to mostly 2,700-2,900 from 2015 and touches\nabout 3,500 only once, in November 2018.",
          lambda: _indonesia_peak() and _idn_plateau_since_april_2015()
          and int((_monthly("IDN") > 3100).sum()) == 1),
    Claim("proposals-07", ("notebooks/text/07_capstone_fact_check.md",),
          "the force proposals (top row) come in 1995, 2004 and 2015, none in 2011.",
          lambda: _force_proposals_1995_2016() == [1995, 2004, 2015]),
    Claim("phl-3-per-cent-07", ("notebooks/text/07_capstone_fact_check.md",),
          "about 3% of its 2011 level in 2019; Malaysia fell too (1,128 to 845)",
          lambda: near(country("PHL", 2019) / country("PHL", 2011), 0.03, 0.006) and _malaysia_fell()),
    Claim("laos-row-07", ("notebooks/text/07_capstone_fact_check.md",),
          "never in the data; asked Vietnam for help in 2025",
          lambda: _laos_never_deployed() and _laos_last_dialogue_dot()),
    Claim("phl-900-07", ("notebooks/text/07_capstone_fact_check.md",),
          "The Philippines fell from about 900 personnel in 2011 to about 30 in 2019, and Laos\n  has never deployed.",
          lambda: _malaysia_fell() and _laos_never_deployed()),
]



# question texts (added with the prose-number check)

def _c() -> pd.DataFrame:
    return data.load_contributions()


def _late_2014_gap() -> bool:
    m = data.load_months().set_index("month")["reported"]
    missing = m[~m]
    return bool(list(missing["2014"].index.month) == [9, 10, 11, 12])


def _leader(when: str) -> str:
    return str(analysis.ranking(_c(), when, top=1).loc[0, "iso3"])


def _dec_2019_asean() -> pd.DataFrame:
    r = analysis.ranking(_c(), "2019-12", countries=data.ASEAN10)
    return r.set_index("iso3")


CLAIMS += [
    Claim("myanmar-2015-q00", ("src/pkedu/questions/nb00.py",), "Myanmar appears in the data from 2015",
          lambda: _first_month("MMR").year == 2015),
    Claim("no-report-sep-2014-q00", ("src/pkedu/questions/nb00.py",), "The course has no UN report for September 2014",
          _late_2014_gap),
    Claim("four-in-late-2014-q00", ("src/pkedu/questions/nb00.py",), "Four of them fall in late 2014",
          _late_2014_gap),
    Claim("four-only-late-2014-q00", ("src/pkedu/questions/nb00.py",), "Four is only the gap of late 2014",
          _late_2014_gap),
    Claim("start-1990-q00", ("src/pkedu/questions/nb00.py",), "The monthly figures start in November 1990",
          lambda: data.load_months()["month"].min() == pd.Timestamp("1990-11-01")),
    Claim("idn-half-dec-2019-q00", ("src/pkedu/questions/nb00.py",),
          "Indonesia alone provided well over half of that number.",
          lambda: _dec_2019_asean().loc["IDN", "total"] > 0.55 * _dec_2019_asean()["total"].sum()),
    Claim("vietnam-two-officers-q00", ("src/pkedu/questions/nb00.py",), "Vietnam's first two officers appear in 2014",
          lambda: _first_month("VNM") == pd.Timestamp("2014-07-01") and _monthly("VNM")["2014-07-01"] == 2),
    Claim("brunei-fifteen-years-q01", ("src/pkedu/questions/nb01.py",), "there are fifteen years of zeros in between",
          lambda: _monthly("BRN").fillna(0)["1993-10-01":"2008-09-01"].sum() == 0
          and _monthly("BRN")["1993-09-01"] > 0 and _monthly("BRN")["2008-10-01"] > 0),
    Claim("seven-since-2019-q01", ("src/pkedu/questions/nb01.py",), "Seven is the count since mid-2019",
          _count_steps_01),
    Claim("firsts-in-data-q01", ("src/pkedu/questions/nb01.py",), "Thailand appears a few months later, in 1991.",
          lambda: _first_month("THA") == pd.Timestamp("1991-04-01") and _first_month("SGP").year == 1991
          and _first_month("PHL").year == 1992),
    Claim("singapore-first-1991-q01", ("src/pkedu/questions/nb01.py",),
          "Singapore's first personnel in the data come in 1991.", lambda: _first_month("SGP").year == 1991),
    Claim("philippines-first-1992-q01", ("src/pkedu/questions/nb01.py",),
          "The Philippines' first personnel in the data come in 1992.", lambda: _first_month("PHL").year == 1992),
    Claim("singapore-2012-q01", ("src/pkedu/questions/nb01.py",),
          "In 2012 Singapore still had a dozen people in UN missions for most of the year",
          lambda: (_monthly("SGP")["2012"] == 12).sum() >= 8 and _singapore_2013()),
    Claim("one-in-seventeen-q02", ("src/pkedu/questions/nb02.py",),
          "About one UN peacekeeper in seventeen came from an ASEAN state.",
          lambda: round(1 / float(analysis.share_of_world(_c(), data.ASEAN10).set_index("month")
                                  .loc["2019-12-01", "share"])) == 17),
    Claim("nine-in-ten-q02", ("src/pkedu/questions/nb02.py",), "Nine in ten ASEAN peacekeepers were soldiers",
          lambda: near(float(analysis.personnel_mix(_c(), data.ASEAN10, "2019-12").set_index("group")
                             .loc["troops", "share"]), 0.9, 0.02)),
    Claim("leaders-q02", ("src/pkedu/questions/nb02.py",), "In January 2021 it was Bangladesh, and in July 2025 Nepal",
          lambda: _leader("2021-01") == "BGD" and _leader("2025-07") == "NPL" and _leader("2019-01") == "ETH"),
    Claim("idn-peak-q02", ("src/pkedu/questions/nb02.py",),
          "three months after Jokowi's speech of August 2018: 3,545 people, the only month close to his 3,552.",
          lambda: _indonesia_peak() and int((_monthly("IDN") > 3300).sum()) == 1),
    Claim("idn-usually-2800-q02", ("src/pkedu/questions/nb02.py",), "since 2015 it has usually been about 2,800",
          _indonesia_peak),
    Claim("typical-16-q02", ("src/pkedu/questions/nb02.py",), "ASEAN's total moves by only about 16 people",
          _feb_2020_rebound),
    Claim("one-in-ten-q02", ("src/pkedu/questions/nb02.py",), "A change of 150 or more happens in about one month in ten",
          _big_changes_one_in_ten),
    Claim("wobble-q02", ("src/pkedu/questions/nb02.py",), "January 2020 fell by about 200 and February rose by 150",
          _feb_2020_rebound),
    Claim("three-quarters-q02", ("src/pkedu/questions/nb02.py",),
          "the share grew by about three quarters, because the world total fell", _denominator_story),
    Claim("three-quarters-feedback-q02", ("src/pkedu/questions/nb02.py",),
          "from 2015 to 2024 one measure rose by a few per cent, the other by about three quarters",
          _denominator_story),
    Claim("not-any-month-q02", ("src/pkedu/questions/nb02.py",), "Not in any month up to July 2025.",
          lambda: _indonesia_peak() and data.load_months()["month"].max() == pd.Timestamp("2025-07-01")),
]


# notebook 03 (added with the prose-number check)

def _rates() -> pd.Series:
    r = data.load_reimbursement_rates()
    return r.set_index(pd.to_datetime(r["effective_from"]))["rate_usd"]


def _rate_steps() -> bool:
    r = _rates()
    steps = r.index[1:]
    return bool((steps[0] - r.index[0]).days / 365.25 > 20 and len(steps) == 4
                and (steps[-1] - steps[0]).days / 365.25 <= 4.01
                and r.iloc[0] == 1210 and r.iloc[-1] == 1428 and r.iloc[-1] / r.iloc[0] - 1 < 0.2
                and steps[-1].year - r.index[0].year == 26)


def _idn_reimbursement_2019() -> float:
    c = data.load_contributions()
    rows = c[(c["iso3"] == "IDN") & (c["month"].dt.year == 2019)
             & c["type"].isin(["Troops", "Staff Officer", "Formed Police Units"])]
    return float(rows["total"].sum() / 12 * _rates().iloc[-1] * 12)


CLAIMS += [
    Claim("rate-steps-03", ("notebooks/text/03_motives.md",),
          "more than twenty years without a change, then four steps in four years.", _rate_steps),
    Claim("rate-fifth-03", ("notebooks/text/03_motives.md",),
          "1,210 to 1,428 is a rise of less than a fifth over 26 years", _rate_steps),
    Claim("fifty-million-03", ("notebooks/text/03_motives.md",),
          "Indonesia's 2019 contingent brought in roughly fifty million US dollars a year.",
          lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("fifty-million-summary-03", ("notebooks/text/03_motives.md",),
          "For Indonesia in 2019 that is roughly **fifty million US dollars a year**.",
          lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("rate-1428-03", ("notebooks/text/03_motives.md",),
          "The UN pays governments **US$1,428** per person per month (from July 2018)",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("break-even-03", ("notebooks/text/03_motives.md",), "the UN rate (US$1,428 from July 2018)",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("fifty-million-q03", ("src/pkedu/questions/nb03.py",),
          "Roughly fifty million US dollars a year", lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("vietnam-slow-03", ("notebooks/text/03_motives.md",),
          "Vietnam only started in 2014 and grew slowly",
          lambda: _vietnam_2014() and all(country("VNM", y) < 100 for y in range(2014, 2022))),
]


# data/README.md (added with the prose-number check)

_NO_REPORT = ["2014-09", "2014-10", "2014-11", "2014-12", "2015-03", "2016-03", "2017-03", "2020-06", "2022-07"]


def _rows(loader: Callable[[], pd.DataFrame], n: int) -> Callable[[], bool]:
    return lambda: len(loader()) == n


def _no_report_months() -> bool:
    m = data.load_months()
    return bool(list(m.loc[~m["reported"], "month"].dt.strftime("%Y-%m")) == _NO_REPORT)


def _mission_detail_gaps() -> bool:
    have = set(data.load_mission_contributions()["month"])
    reported = set(data.load_months().loc[lambda m: m["reported"], "month"])
    missing = sorted(m.strftime("%Y-%m") for m in reported - have if m >= pd.Timestamp("2009-11-01"))
    expected = [m.strftime("%Y-%m") for m in pd.date_range("2018-03-01", "2019-08-01", freq="MS")] + ["2023-09"]
    return bool(min(have) == pd.Timestamp("2009-11-01") and missing == expected)


def _breaks_continuous() -> bool:
    idn = _monthly("IDN")
    return bool([idn[m] for m in ("2014-03-01", "2014-04-01", "2014-08-01", "2015-01-01")]
                == [1703, 1797, 1801, 1881])


def _march_1991_readme() -> bool:
    m = data.load_months().set_index("month")["n_countries"]
    c = data.load_contributions()
    asean_in = {k: set(c[(c["month"] == k) & c["iso3"].isin(data.ASEAN10)]["iso3"])
                for k in ("1991-02-01", "1991-03-01", "1991-04-01")}
    return bool(m["1991-03-01"] == 37 and m["1991-02-01"] == 46 and m["1991-04-01"] == 46
                and not asean_in["1991-03-01"] and {"IDN", "MYS"} <= asean_in["1991-02-01"] & asean_in["1991-04-01"])


def _staff_officers_from_2017_05() -> bool:
    c = data.load_contributions()
    return bool(c.loc[c["type"] == "Staff Officer", "month"].min() == pd.Timestamp("2017-05-01"))


CLAIMS += [
    Claim("rows-contributions-readme", ("data/README.md",), "| `contributions.csv.gz` | 102,442 |",
          _rows(data.load_contributions, 102442)),
    Claim("rows-months-readme", ("data/README.md",), "| `months.csv` | 417 |", _rows(data.load_months, 417)),
    Claim("rows-missions-contrib-readme", ("data/README.md",), "| `mission_contributions.csv.gz` | 133,606 |",
          _rows(data.load_mission_contributions, 133606)),
    Claim("rows-missions-readme", ("data/README.md",), "| `missions.csv` | 87 |", _rows(data.load_missions, 87)),
    Claim("rows-countries-readme", ("data/README.md",), "| `countries.csv` | 167 |", _rows(data.load_countries, 167)),
    Claim("rows-events-readme", ("data/README.md",), "| `events.csv` | 53 |", _rows(data.load_events, 53)),
    Claim("rows-rates-readme", ("data/README.md",), "| `reimbursement_rates.csv` | 5 |",
          _rows(data.load_reimbursement_rates, 5)),
    Claim("span-readme", ("data/README.md",), "in one month, 1990-11 to 2025-07 | build_data |",
          lambda: data.load_contributions()["month"].agg(["min", "max"]).tolist()
          == [pd.Timestamp("1990-11-01"), pd.Timestamp("2025-07-01")]),
    Claim("no-report-readme", ("data/README.md",),
          "* **Nine months have no report**: 2014-09, 2014-10, 2014-11, 2014-12, 2015-03, 2016-03, 2017-03, "
          "2020-06 and\n  2022-07.", _no_report_months),
    Claim("mission-detail-readme", ("data/README.md",),
          "* **Mission detail** starts in 2009-11 and is missing for 2018-03 to 2019-08 and 2023-09",
          _mission_detail_gaps),
    Claim("breaks-readme", ("data/README.md",),
          "example Indonesia: 1,703 in 2014-03, 1,797 in 2014-04, 1,801 in 2014-08, 1,881 in 2015-01)",
          _breaks_continuous),
    Claim("march-1991-readme", ("data/README.md",),
          "IPI lists 37 contributing countries that month against 46 in the months\n  before and after, and no ASEAN "
          "state (Indonesia and Malaysia are there in 1991-02 and 1991-04).", _march_1991_readme),
    Claim("staff-officers-readme", ("data/README.md",),
          "* **Staff officers** are reported separately only from 2017-05", _staff_officers_from_2017_05),
    Claim("laos-readme", ("data/README.md",), "* **Laos** never appears", _laos_never_deployed),
]


# lesson plans (added with the prose-number check)

def _asean_month(when: str, countries: list[str] | None = data.ASEAN10) -> float:
    t = analysis.monthly_totals(data.load_contributions(), countries=countries).set_index("month")["total"]
    return float(t[analysis.month(when)])


def _spread_jan_2014() -> bool:
    a = analysis.ranking(_c(), "2014-01", countries=data.ASEAN10).set_index("iso3")["total"]
    return bool(len(a) == 6 and a.sum() == 3710 and a["IDN"] == 1697 and a[["BRN", "THA"]].sum() < 60)


CLAIMS += [
    Claim("spread-lp00", ("docs/lesson-plans/00_start_here.md",),
          "The six numbers add up to 3,710, and Indonesia alone has 1,697 of them; Brunei and\n  Thailand together have "
          "fewer than 60.", _spread_jan_2014),
    Claim("share-story-lp02", ("docs/lesson-plans/02_scale.md",),
          "ASEAN had 3,845 people in January 2015 and 4,873 in July 2025, while the world total fell from about "
          "104,500\nto about 61,100. As yearly averages, the share rose from about 4.4% (2015) to 7.8% (2024) "
          "while the count rose\nby only about 3.5%",
          lambda: _asean_month("2015-01") == 3845 and _asean_month("2025-07") == 4873
          and near(_asean_month("2015-01", None), 104500, 50) and near(_asean_month("2025-07", None), 61100, 50)
          and near(share(2015), 0.044, 0.0006) and near(share(2024), 0.078, 0.0006)
          and near(asean(2024) / asean(2015) - 1, 0.035, 0.002)),
    Claim("idn-august-lp02", ("docs/lesson-plans/02_scale.md",),
          "the UN's count for August 2018 was 2,689, against\nthe president's 3,552; the UN's figure peaked at 3,545 "
          "in November 2018, after the new units had arrived, and\nfell the month after.",
          lambda: _idn_august_2018() and _indonesia_peak() and _indonesia_after_peak()),
    Claim("85-million-lp03", ("docs/lesson-plans/03_motives.md",),
          "paying ASEAN's roughly 5,000 personnel of December 2019 at the UN rate would cost about 85 million",
          lambda: near(_asean_month("2019-12") * 1428 * 12, 85e6, 1e6) and _rates().iloc[-1] == 1428),
    Claim("cambodia-22-lp06", ("docs/lesson-plans/06_benefits.md",), "Cambodia's share of\nwomen in July 2025 was about 22%.",
          lambda: near(float(analysis.women_share(data.load_contributions(), ["KHM"]).set_index("month")
                             .loc["2025-07-01", "share"]), 0.22, 0.005)),
]


# question texts of 04-06 (added with the prose-number check)

def _women_jul_2025() -> pd.Series:
    w = analysis.women_share(data.load_contributions(), data.ASEAN10, by="iso3")
    return w[w["month"] == pd.Timestamp("2025-07-01")].set_index("iso3")["share"]


def _women_jul_2025_counts() -> pd.Series:
    c = data.load_contributions()
    rows = c[(c["month"] == pd.Timestamp("2025-07-01")) & c["iso3"].isin(data.ASEAN10)]
    return rows.groupby("iso3")["female"].sum()


def _unmit_2010_police() -> bool:
    m = data.load_mission_contributions()
    u = m[(m["month"] == "2010-06-01") & (m["mission"] == "UNMIT") & m["iso3"].isin(data.ASEAN10)]
    police = u[u["group"] == "police"].groupby("iso3")["total"].sum()
    return bool(200 <= u["total"].sum() < 500 and police[["MYS", "PHL"]].sum() > u["total"].sum() / 2)


CLAIMS += [
    Claim("only-three-q04", ("src/pkedu/questions/nb04.py",), "Only three: Indonesia, Malaysia and Cambodia.",
          lambda: sorted(_asean_feb_2015().query("total > 500").index) == ["IDN", "KHM", "MYS"]),
    Claim("nearly-half-q04", ("src/pkedu/questions/nb04.py",), "Nearly half. Any ASEAN force",
          lambda: 0.45 <= _asean_feb_2015().loc["IDN", "total"] / _asean_feb_2015()["total"].sum() < 0.5),
    Claim("fewer-than-half-q04", ("src/pkedu/questions/nb04.py",),
          "The whole of ASEAN together sent fewer than half as many people.", _force_numbers_2015),
    Claim("about-thirty-q05", ("src/pkedu/questions/nb05.py",), "About thirty, a small group",
          lambda: near(float(analysis.where_they_serve(data.load_mission_contributions(), ["BRN"], "2019-12")
                             ["total"].sum()), 30, 3)),
    Claim("only-unifil-q05", ("src/pkedu/questions/nb05.py",), "Only one, UNIFIL",
          lambda: set(data.load_mission_contributions().query("iso3 == 'BRN'")["mission"]) == {"UNIFIL"}),
    Claim("slightly-under-5000-q06", ("src/pkedu/questions/nb06.py",), "Slightly under 5,000",
          lambda: 4700 <= _asean_month("2020-01") < 5000),
    Claim("seven-q06", ("src/pkedu/questions/nb06.py",), "Seven: the Secretary-General's",
          lambda: members_count().set_index("month").loc["2020-01-01", "contributors"] == 7),
    Claim("unmit-few-hundred-q06", ("src/pkedu/questions/nb06.py",),
          "A few hundred, mostly Malaysian and Filipino police. Until 2012", lambda: _unmit_2010_police()
          and _nothing_in_region_after_2012()),
    Claim("women-top-q06", ("src/pkedu/questions/nb06.py",),
          "Cambodia: about one in five of its peacekeepers was a woman, nearly twice \"\n"
          "                \"Malaysia's share and almost three times Indonesia's.",
          lambda: near(_women_jul_2025()["KHM"], 0.2, 0.025)
          and 1.7 <= _women_jul_2025()["KHM"] / _women_jul_2025()["MYS"] < 2
          and 2.5 <= _women_jul_2025()["KHM"] / _women_jul_2025()["IDN"] < 3),
    Claim("idn-most-women-q06", ("src/pkedu/questions/nb06.py",), "Indonesia sends the most women in number",
          lambda: _women_jul_2025_counts().idxmax() == "IDN"),
]


# more of notebook 01 (added with the prose-number check)

def _quarter_less() -> bool:
    return bool(_malaysia_fell() and near(1 - country("MYS", 2019) / country("MYS", 2011), 0.25, 0.01))


def _seven_to_eight() -> bool:
    n = members_count().set_index("month")["contributors"]
    return bool(n["2008-10-01"] == 7 and n["2019-06-01"] == 8 and _count_steps_01())


CLAIMS += [
    Claim("seven-to-eight-01", ("notebooks/text/01_convergence.md",),
          "Between 2008 and 2019 it went from 7 to 8, but the members changed:\nSingapore left, Vietnam and "
          "Myanmar arrived.", _seven_to_eight),
    Claim("quarter-less-01", ("notebooks/text/01_convergence.md",),
          "Malaysia's yearly average fell from about 1,128 in 2011 to about 845 in 2019, a quarter less.",
          _quarter_less),
    Claim("troops-800-01", ("notebooks/text/01_convergence.md",),
          "Malaysia's troops held steady at about 800 a year (most of them its battalion in\nLebanon)",
          lambda: _malaysia_groups() and _malaysia_unifil_2019() > 0.5 * _group_mean("MYS", "troops", 2019)),
    Claim("table-people-01", ("notebooks/text/01_convergence.md",),
          "| People deployed, yearly average, 2011 → 2019 | about 1,790 → 2,940 | about 1,130 → 845 | about 890 → 30 |",
          _broadened_table),
    Claim("table-groups-01", ("notebooks/text/01_convergence.md",),
          "| Personnel groups, 2011 → 2019 | troops, police, experts → the same three | troops, police, experts → "
          "troops and experts (2 police) |", _broadened_table),
    Claim("table-women-01", ("notebooks/text/01_convergence.md",),
          "| Women deployed, average a month, 2015 → 2019 | about 30 → 113 | about 16 → 38 | about 12 → 16 |",
          _broadened_table),
    Claim("broadened-model-01", ("notebooks/text/01_convergence.md",),
          "Indonesia broadened (from 6 to 9 missions, all three personnel groups, and many more\npeople). Malaysia "
          "did not: one mission fewer, its police almost gone, and a quarter fewer people; only its\nnumber of "
          "women rose, from about 16 to about 38, which is real but small. The Philippines shrank on every\nUN "
          "measure (from about 890 people to 30, from 8 missions to 5, troops gone)",
          lambda: _broadened_table() and _quarter_less()),
    Claim("partly-model-01", ("notebooks/text/01_convergence.md",),
          "Singapore left in 2013, the Philippines fell from about\n890 a year in 2011 to about 30 in 2019, Malaysia "
          "fell by a quarter, Myanmar's return was tiny and brief, and\nLaos never started.",
          lambda: _singapore_2013() and _malaysia_fell() and _quarter_less() and _myanmar_handful()),
    Claim("summary-count-01", ("notebooks/text/01_convergence.md",),
          "rose from 4 or 5 in most\n  of the 1990s to 8, with\n  Cambodia (2005–06), Brunei (2008), Vietnam (2014) "
          "and Myanmar (2015) joining.", lambda: _count_steps_01() and _starts_01()),
    Claim("summary-ten-01", ("notebooks/text/01_convergence.md",),
          "It never reached ten: Laos has never contributed, and Singapore stopped in 2013. Since Myanmar left in 2019\n"
          "  the count has been 7.", lambda: _count_steps_01() and _singapore_2013()),
    Claim("summary-size-01", ("notebooks/text/01_convergence.md",),
          "Indonesia grew to nearly 3,000, Malaysia fell by a quarter\n  (about 1,128 a year in 2011, 845 in 2019)",
          lambda: _shapes_01() and _quarter_less()),
]


# More claims live in modules of their own, one per part of the course (tests/prose_claims_*.py).
# Each defines CLAIMS, a list of Claim entries, and may import the helpers above from this module.
def _more_claims() -> list[Claim]:
    import importlib
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    more: list[Claim] = []
    for path in sorted(Path(here).glob("prose_claims_*.py")):
        more += importlib.import_module(path.stem).CLAIMS
    return more


CLAIMS += _more_claims()
