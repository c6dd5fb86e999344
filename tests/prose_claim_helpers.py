"""What every prose claim module shares: the Claim record and the helpers that compute from the data.

A claim names the files a sentence lives in, a snippet of the sentence and a function that computes every
number in it from the course data (see test_prose_claims.py for the two tests run on each claim). The
helpers here are used by more than one claim module.

>>> near(4570.4, 4570, 1), near(4572, 4570, 1)
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from pkedu import analysis, data

ROOT = Path(__file__).resolve().parents[1]
SOUTH_ASIA = ["BGD", "IND", "NPL", "PAK"]
EAST_AFRICA = ["ETH", "RWA"]

# The files whose prose the claims cover: notebook twins, question modules, lesson plans.
NB00 = "notebooks/text/00_start_here.md"
NB01 = "notebooks/text/01_convergence.md"
NB02 = "notebooks/text/02_scale.md"
NB03 = "notebooks/text/03_motives.md"
NB04 = "notebooks/text/04_no_asean_force.md"
NB05 = "notebooks/text/05_subregional_options.md"
NB06 = "notebooks/text/06_benefits.md"
NB07 = "notebooks/text/07_capstone_fact_check.md"
Q00 = "src/pkedu/questions/nb00.py"
Q01 = "src/pkedu/questions/nb01.py"
Q02 = "src/pkedu/questions/nb02.py"
Q03 = "src/pkedu/questions/nb03.py"
Q04 = "src/pkedu/questions/nb04.py"
Q05 = "src/pkedu/questions/nb05.py"
Q06 = "src/pkedu/questions/nb06.py"
Q07 = "src/pkedu/questions/nb07.py"
LP00 = "docs/lesson-plans/00_start_here.md"
LP01 = "docs/lesson-plans/01_convergence.md"
LP02 = "docs/lesson-plans/02_scale.md"
LP03 = "docs/lesson-plans/03_motives.md"
LP04 = "docs/lesson-plans/04_no_asean_force.md"
LP05 = "docs/lesson-plans/05_subregional_options.md"
LP06 = "docs/lesson-plans/06_benefits.md"
LP07 = "docs/lesson-plans/07_capstone_fact_check.md"
README = "data/README.md"
ARTICLE = "src/pkedu/capstone/article.py"


@dataclass(frozen=True)
class Claim:
    """A sentence of the prose (``text``, a snippet found in each of ``files``) and the check that proves it."""

    id: str
    files: tuple[str, ...]
    text: str
    holds: Callable[[], bool]

    def __post_init__(self) -> None:
        if isinstance(self.files, str):
            object.__setattr__(self, "files", (self.files,))


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


def _indonesia_peak() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN")
    peak = idn.loc[idn["total"].idxmax()]
    usual = idn[idn["month"] >= "2015-01-01"]["total"].median()
    return bool(peak["total"] == 3545 and peak["month"] == pd.Timestamp("2018-11-01")
                and near(usual, 2800, 100))


def _indonesia_after_peak() -> bool:
    idn = analysis.monthly_totals(data.load_contributions(), countries="IDN").set_index("month")
    plateau = idn.loc["2018-12-01":"2019-03-01", "total"].dropna()
    return bool(plateau.between(3050, 3090).all() and near(idn.loc["2019-04-01", "total"], 2800, 20))


def _myanmar_handful() -> bool:
    mmr = analysis.monthly_totals(data.load_contributions(), countries="MMR").set_index("month")["total"]
    present = mmr[mmr > 0]
    return bool(present.max() == 4 and present.index.min() == pd.Timestamp("2015-08-01")
                and present.index.max() == pd.Timestamp("2019-06-01"))


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


def _singapore_2013() -> bool:
    sgp = analysis.monthly_totals(data.load_contributions(), countries="SGP").set_index("month")["total"]
    y2013 = sgp["2013-01-01":"2013-12-01"]
    return bool(y2013.max() <= 2 and sgp["2013-07-01":].sum() == 0)


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
                and near(share(2009), 0.037, 0.0005) and near(share(2018), 0.050, 0.0005)
                and near(share(2015), 0.044, 0.0005) and near(share(2024), 0.078, 0.0005)
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


def _brunei_1993() -> bool:
    """Three experts a month January-September 1993, 12 police in six months, two troops in January."""
    c = data.load_contributions()
    b = c[(c["iso3"] == "BRN") & (c["month"].dt.year == 1993)]
    by = b.groupby(["group", "month"])["total"].sum()
    experts, police, troops = by["experts"], by["police"], by["troops"]
    return bool(len(experts) == 9 and (experts == 3).all() and experts.index.max().month == 9
                and len(police) == 6 and (police == 12).all()
                and list(troops.index.month) == [1] and troops.iloc[0] == 2)


def _monthly(iso3: str) -> pd.Series:
    return analysis.monthly_totals(data.load_contributions(), countries=iso3).set_index("month")["total"]


def _unmit_june_2010() -> bool:
    m = data.load_mission_contributions()
    june = m[(m["month"] == "2010-06-01") & m["iso3"].isin(data.ASEAN10)]
    by_mission = june.groupby("mission")["total"].sum().sort_values(ascending=False)
    unmit = june[june["mission"] == "UNMIT"]
    police = unmit.loc[unmit["group"] == "police", "total"].sum()
    return bool(list(by_mission.index[:2]) == ["UNIFIL", "UNMIT"]
                and set(unmit["iso3"]) == {"MYS", "PHL", "SGP", "THA"}
                and police > unmit["total"].sum() / 2)


def _women_khm_vnm() -> bool:
    w = analysis.women_share(data.load_contributions(), ["KHM", "VNM"], by="iso3")
    yearly = w.assign(year=w["month"].dt.year).groupby(["iso3", "year"])["share"].mean()
    return bool(near(yearly["KHM", 2014], 0.03, 0.005) and yearly["KHM", 2025] > 0.20
                and all(yearly["VNM", y] == 0 for y in range(2014, 2018)) and yearly["VNM", 2018] > 0
                and yearly["KHM", 2025] > analysis.women_share(data.load_contributions()).query(
                    "month.dt.year == 2025")["share"].mean())


def _myanmar_2015_2019() -> bool:
    mmr = _monthly("MMR")
    deployed = mmr[mmr > 0]
    return bool(deployed.index.min() == pd.Timestamp("2015-08-01")
                and deployed.index.max() == pd.Timestamp("2019-06-01") and deployed.max() == 4)


def _force_proposal_years() -> list[int]:
    e = data.load_events()
    return sorted(int(str(d)[:4]) for d in e.loc[e["category"] == "force_proposal", "date"])


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


def _month_by_state(month: str) -> dict[str, int]:
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start=month, end=month)
    return {k: int(v) for k, v in rows.groupby("iso3")["total"].sum().items()}


def _first_months_01() -> bool:
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10, by_group=True)
    first = first.set_index("iso3")
    start = first.min(axis=1).dropna()
    early = start[start < pd.Timestamp("1994-01-01")]
    vnm = first.loc["VNM"]
    return bool(len(early) == 6 and early.max().year == 1993 and start["KHM"].year == 2005
                and vnm["experts"] == pd.Timestamp("2014-07-01")
                and (vnm["police"] - vnm["experts"]).days // 365 == 8)


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


def _first_month(iso3: str) -> pd.Timestamp:
    first = analysis.first_contributions(data.load_contributions(), [iso3])
    return first.loc[0, "first_month"]


def _vietnam_2014() -> bool:
    vnm = _monthly("VNM")
    return bool(_first_month("VNM").year == 2014 and vnm[:"2013-12-01"].fillna(0).sum() == 0)


def _starts_01() -> bool:
    years = {i: _first_month(i).year for i in data.ASEAN10 if i != "LAO"}
    early = [i for i, y in years.items() if y <= 1993]
    groups = analysis.first_contributions(data.load_contributions(), ["VNM"], by_group=True).iloc[0]
    police_after = (groups["police"] - groups["experts"]).days / 365.25
    return bool(len(early) == 6 and sorted(years.values())[6] == 2005
                and (years["KHM"], years["VNM"], years["MMR"]) == (2005, 2014, 2015)
                and 8 <= police_after < 9)


def _march_1991_hole() -> bool:
    m = data.load_months().set_index("month")["n_countries"]
    return bool(m["1991-03-01"] == 37 and m["1991-02-01"] == 46)


def _malaysia_unifil_2019() -> float:
    where = analysis.where_they_serve(data.load_mission_contributions(), ["MYS"], "2019-12")
    return float(where.set_index("mission").loc["UNIFIL", "total"])


def _c() -> pd.DataFrame:
    return data.load_contributions()


def _late_2014_gap() -> bool:
    m = data.load_months().set_index("month")["reported"]
    missing = m[~m]
    return bool(list(missing["2014"].index.month) == [9, 10, 11, 12])


def _asean_month(when: str, countries: list[str] | None = data.ASEAN10) -> float:
    t = analysis.monthly_totals(data.load_contributions(), countries=countries).set_index("month")["total"]
    return float(t[analysis.month(when)])


def _spread_jan_2014() -> bool:
    a = analysis.ranking(_c(), "2014-01", countries=data.ASEAN10).set_index("iso3")["total"]
    return bool(len(a) == 6 and a.sum() == 3710 and a["IDN"] == 1697 and a[["BRN", "THA"]].sum() < 60)
