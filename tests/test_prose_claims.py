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
          "until 2006 at most five members had anyone in a UN mission (six for a few months in",
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
]
CLAIMS += CLAIMS_04_05


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_sentence_is_still_in_the_prose(claim: Claim) -> None:
    for name in claim.files:
        assert claim.text in (ROOT / name).read_text(encoding="utf-8"), (
            f"{claim.id}: the sentence changed in {name}; check the new wording against the data "
            "and update this entry")


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.id)
def test_data_support_the_sentence(claim: Claim) -> None:
    assert claim.holds(), f"{claim.id}: the data no longer support the sentence in {claim.files}"
