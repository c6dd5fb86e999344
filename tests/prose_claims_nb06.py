"""Prose claims of notebook 06 (benefits): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP06, NB06, Q06, members_count, near, _asean_month, _gender_split_starts, _monthly, _unmit_june_2010,
    _women_khm_vnm,
)


def _timor_missions() -> bool:
    m = data.load_missions()
    timor = m[m["host_iso3"] == "TLS"].sort_values("first_month")
    return bool(len(timor) == 5 and list(timor["mission"])[:2] == ["UNAMET", "UNTAET"])


def _thai_troops_june_2000() -> bool:
    c = data.load_contributions()
    rows = c[(c["iso3"] == "THA") & (c["month"] == "2000-06-01") & (c["group"] == "troops")]
    return bool(near(rows["total"].sum(), 910, 10))


def _timor_jump() -> bool:
    aus, tha, phl = _monthly("AUS"), _monthly("THA"), _monthly("PHL")
    flat_1999 = all(_monthly(i)["1999"].max() < 200 for i in ("AUS", "THA", "PHL", "SGP", "MYS"))
    tha_2000, phl_2000 = tha["2000-02":"2000-12"], phl["2000-02":"2000-12"]
    return bool(flat_1999 and near(aus["2000-02-01"], 1800, 50)
                and near(tha_2000.min(), 760, 5) and near(tha_2000.max(), 980, 5)
                and near(phl_2000.min(), 670, 5) and near(phl_2000.max(), 970, 5)
                and phl["2001-12-01"] < 300 < phl["2001-11-01"] and tha["2002-01-01"] > 700)


def _crisis_diamonds() -> bool:
    e = data.load_events()
    crises = e[(e["category"] == "regional_crisis") & e["date"].astype(str).between("1995", "2017")]
    return bool(len(crises) == 6 and int(crises["disputed"].astype(bool).sum()) == 4)


def _no_south_east_asia_in_2025() -> bool:
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2025-07",
                                      data.load_missions())
    regions = serve.groupby("region")["total"].sum().sort_values(ascending=False)
    return bool("South-Eastern Asia" not in regions.index
                and list(regions.index[:2]) == ["Western Asia", "Middle Africa"])


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


CLAIMS = [
    Claim("thai-troops-2000", (NB06,),
          "the UN's own count for June 2000 has about 910 Thai troops", _thai_troops_june_2000),
    Claim("timor-missions", (NB06,),
          "UNTAET was not the first UN mission in East Timor", _timor_missions),
    Claim("timor-jump", (NB06,),
          "Australia to about 1,800, and from February to December 2000 Thailand between\nabout 760 and 980 and "
          "the Philippines between about 670 and 970",
          _timor_jump),
    Claim("unmit-second-police", (NB06,),
          "but second comes UNMIT in Timor-Leste", _unmit_june_2010),
Claim("crisis-diamonds", (NB06,), "Four of the six", _crisis_diamonds),
    Claim("women-khm-vnm", (NB06,),
          "Cambodia climbs from about 3% in 2014 to over 20% in 2025", _women_khm_vnm),
    Claim("no-south-east-asia-2025", (NB06,),
          "No region called South-Eastern Asia", _no_south_east_asia_in_2025),
    Claim("thai-high-until-early-2002", (NB06,),
          "Thailand's stays high until early 2002",
          lambda: _monthly("THA")["2002-01-01"] > 700 > _monthly("THA")["2002-02-01"]),
    Claim("plan-06-timor-2000", (LP06,),
          "about 760 to 980 and the Philippines at about 670 to 970 a month from February to December 2000)",
          _timor_jump),
    Claim("plan-06-unmit-400", (LP06,),
          "(about 400 in UNMIT in June 2010)",
          lambda: _unmit_june_2010() and near(float(analysis.where_they_serve(
              data.load_mission_contributions(), data.ASEAN10, "2010-06").query(
              "mission == 'UNMIT'")["total"].sum()), 400, 10)),
    Claim("thirteen-years-06", (NB06,), "### The UN stayed for thirteen years",
          _un_in_timor_13_years),
    Claim("13-years-table-06", (NB06,), "then 13 years of UN missions",
          _un_in_timor_13_years),
    Claim("unmit-only-06", (NB06,),
          "second comes UNMIT in Timor-Leste, the only\nmission in Southeast Asia", _unmit_only_in_region),
    Claim("since-unmit-closed-06", (NB06,),
          "since UNMIT closed in 2012, every ASEAN peacekeeper serves far from home", _nothing_in_region_after_2012),
    Claim("until-2012-06", (NB06,),
          "the UN stayed in Timor-Leste until 2012", _un_in_timor_13_years),
    Claim("phl-passes-500-06", (NB06,),
          "the Philippine count first passes 500 in the\ncount for the end of February 2000, not January's",
          _phl_passes_500),
    Claim("gender-gaps-06", (NB06,),
          "the split by gender starts in April 2014, and the reports for September\n  to December 2014 are "
          "missing, so\n  the 2014 point covers only April to August.", _gender_gaps),
    Claim("september-2023-06", (NB06,), "September 2023 has no\n  split either",
          _gender_gaps),
    Claim("thai-2014-06", (NB06,),
          "starting very high in 2014: with only a few dozen\nThai personnel deployed then", _thai_2014_few_dozen),
    Claim("cambodia-22-lp06", (LP06,), "Cambodia's share of\nwomen in July 2025 was about 22%.",
          lambda: near(float(analysis.women_share(data.load_contributions(), ["KHM"]).set_index("month")
                             .loc["2025-07-01", "share"]), 0.22, 0.005)),
    Claim("slightly-under-5000-q06", (Q06,), "Slightly under 5,000",
          lambda: 4700 <= _asean_month("2020-01") < 5000),
    Claim("seven-q06", (Q06,), "Seven: the Secretary-General's",
          lambda: members_count().set_index("month").loc["2020-01-01", "contributors"] == 7),
    Claim("unmit-few-hundred-q06", (Q06,),
          "A few hundred, mostly Malaysian and Filipino police. Until 2012", lambda: _unmit_2010_police()
          and _nothing_in_region_after_2012()),
    Claim("women-top-q06", (Q06,),
          "Cambodia: about one in five of its peacekeepers was a woman, nearly twice \"\n"
          "                \"Malaysia's share and almost three times Indonesia's.",
          lambda: near(_women_jul_2025()["KHM"], 0.2, 0.025)
          and 1.7 <= _women_jul_2025()["KHM"] / _women_jul_2025()["MYS"] < 2
          and 2.5 <= _women_jul_2025()["KHM"] / _women_jul_2025()["IDN"] < 3),
    Claim("idn-most-women-q06", (Q06,), "Indonesia sends the most women in number",
          lambda: _women_jul_2025_counts().idxmax() == "IDN"),
]
