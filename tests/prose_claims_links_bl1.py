"""Prose claims of notebooks 00 and 01 whose paragraph links were for other facts: proved from the data.

Each claim names a snippet of a sentence and computes every number in it from the course data or from a
sourced row of data/events.csv (see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import re

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP00, LP01, NB00, NB01, Q01, _brunei_1993, _first_month, _group_mean, _monthly, _myanmar_2015_2019,
    _phl_troops_01, _singapore_2013, country, near,
)


def _event(event_id: str) -> pd.Series:
    """One row of the events table; a row without sources would not prove anything."""
    row = data.load_events().set_index("id").loc[event_id]
    if not str(row["source_urls"]).strip():
        raise AssertionError(f"events row {event_id} names no source")
    return row


def _asean_rows(month: str) -> pd.Series:
    """Each ASEAN state's personnel in one month, for the states with rows that month."""
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start=month, end=month)
    return rows.groupby("iso3")["total"].sum()


def _phl_aug_2014_jan_2015() -> bool:
    """About 670 in August 2014, 179 in January 2015, and the four reports between them missing."""
    phl = _monthly("PHL")
    gap = phl["2014-09-01":"2014-12-01"]
    months = data.load_months().set_index("month")["reported"]
    return bool(near(phl["2014-08-01"], 670, 5) and phl["2015-01-01"] == 179
                and len(gap) == 4 and gap.isna().all() and not months["2014-09-01":"2014-12-01"].any())


def _jan_2014_six_states() -> bool:
    """The UN's January 2014 report has rows for six ASEAN states, the six the magazine lists."""
    jan = _asean_rows("2014-01")
    return bool(set(jan[jan > 0].index) == {"BRN", "KHM", "IDN", "MYS", "PHL", "THA"}
                and jan.to_dict() == {"BRN": 26, "IDN": 1697, "KHM": 342, "MYS": 909, "PHL": 703, "THA": 33})


def _ipi_period() -> bool:
    """The months read from IPI's files run from November 1990 (the first month) to 2014."""
    months = data.load_months()
    ipi = months.loc[months["source"].str.startswith("ipi"), "month"]
    return bool(ipi.min() == months["month"].min() == pd.Timestamp("1990-11-01") and ipi.max().year == 2014
                and not months.loc[months["month"].dt.year > 2014, "source"].str.startswith("ipi").any())


def _vietnam_first_year() -> bool:
    """Vietnam has a first year with personnel: 2014, none before."""
    vnm = _monthly("VNM")
    return bool(_first_month("VNM").year == 2014 and vnm[:"2013-12-01"].fillna(0).sum() == 0)


def _vietnam_2014_not_2012() -> bool:
    """Two experts in July 2014, none in August, two in January 2015; nobody in 2012 or 2013."""
    c = data.load_contributions()
    vnm = c[c["iso3"] == "VNM"].groupby(["month", "group"])["total"].sum()
    monthly = _monthly("VNM")
    return bool(vnm["2014-07-01", "experts"] == 2 and monthly["2014-07-01"] == 2
                and monthly["2014-08-01"] == 0 and monthly["2015-01-01"] == 2
                and monthly["2014-09-01":"2014-12-01"].isna().all()
                and monthly["2012-01-01":"2013-12-01"].fillna(0).sum() == 0 and _vietnam_first_year())


def _vietnam_first_count_weeks() -> bool:
    """The sources' May or June 2014 (the sourced events row) and the first UN count, the end of July 2014: one
    or two months apart."""
    first, row = _first_month("VNM"), _event("vnm-first-deployment")
    return bool(first == pd.Timestamp("2014-07-01") and "May or June 2014" in row["detail"] and row["source_urls"])


def _thailand_start() -> bool:
    """No Thai personnel November 1990 to March 1991, 7 a month from April 1991, over 700 a month from
    February 1992 to September 1993;
    the Thai sources' 1958 and 1985 are in the events row, both before the data begin."""
    tha = _monthly("THA")
    row = _event("tha-first-deployment")
    return bool(tha["1990-11-01":"1991-03-01"].fillna(0).sum() == 0 and tha["1991-04-01":"1992-01-01"].eq(7).all()
                and tha["1992-02-01":"1993-09-01"].gt(700).all()
                and str(row["date"]) == "1958" and "1985" in row["detail"]
                and data.load_months()["month"].min() == pd.Timestamp("1990-11-01"))


def _thai_sources_differ() -> bool:
    """Thai sources give 1958 (UNOGIL) and 1985 and recall Korea; the UN data start Thailand in 1991."""
    row = _event("tha-first-deployment")
    return bool(str(row["date"]) == "1958" and "1985" in row["detail"] and "Korea" in row["detail"]
                and row["disputed"] and _first_month("THA").year == 1991)


def _singapore_namibia_1989() -> bool:
    """Singapore's first UN mission, UNTAG in Namibia, from May 1989 (the sourced events row), before its
    first month in the UN data (April 1991)."""
    row = _event("sgp-first-deployment")
    return bool(str(row["date"]).startswith("1989-05") and "Namibia" in row["detail"]
                and "first UN mission" in row["detail"] and _first_month("SGP") == pd.Timestamp("1991-04-01"))


def _brunei_1993_and_since_2008() -> bool:
    """Every month January-September 1993 (experts 3, police 12 in six of nine months, two soldiers in
    January), and every reported month from October 2008 on."""
    brn = _monthly("BRN")
    since = brn["2008-10-01":].dropna()
    return bool(_brunei_1993() and (brn["1993-01-01":"1993-09-01"] > 0).all()
                and brn["1993-10-01":"2008-09-01"].fillna(0).sum() == 0 and (since > 0).all())


def _brunei_1993_untac() -> bool:
    """Brunei's 1993 spell falls inside UNTAC's years in Cambodia; the mission table starts only in 2009."""
    m = data.load_missions().set_index("mission")
    untac = m.loc["UNTAC"]
    return bool(_brunei_1993() and untac["host_iso3"] == "KHM"
                and untac["first_month"] <= pd.Timestamp("1993-01-01")
                and pd.Timestamp("1993-09-01") <= untac["last_month"]
                and data.load_mission_contributions()["month"].min().year == 2009)


def _myanmar_details() -> bool:
    """First personnel August 2015, at most four, none after June 2019, serving in UNMIL and UNMISS; all of
    them officers: experts on mission, and staff officers (counted as troops until the UN's reports split
    staff officers out)."""
    m = data.load_mission_contributions()
    mmr = m[(m["iso3"] == "MMR") & (m["total"] > 0)]
    c = data.load_contributions()
    people = c[(c["iso3"] == "MMR") & (c["total"] > 0)]
    split = c.loc[c["type"] == "Staff Officer", "month"].min()
    troops = people[people["type"] == "Troops"]
    return bool(_myanmar_2015_2019() and set(mmr["mission"]) == {"UNMIL", "UNMISS"}
                and set(people["type"]) == {"Experts on Mission", "Staff Officer", "Troops"}
                and troops["month"].max() < split)


def _burma_service_years() -> tuple[int, int]:
    """The first and last years of Burma's earlier UN service, from the sourced events row."""
    row = _event("mmr-first-deployment")
    spans = [int(a[:2] + b) for a, b in re.findall(r"\b(19\d\d)-(\d\d)\b", row["detail"])]
    return int(str(row["date"])[:4]), max(spans)


def _burma_return() -> bool:
    """Burma served from 1958 into the 1960s (UNIPOM 1965-66); the UN data show Myanmar again in 2015."""
    first, last = _burma_service_years()
    row = _event("mmr-first-deployment")
    return bool(first == 1958 and 1960 <= last <= 1969 and "ONUC" in row["detail"]
                and _first_month("MMR").year == 2015)


def _half_a_century() -> bool:
    """From Burma's last service (1966) to its return in the data (2015): about fifty years."""
    _, last = _burma_service_years()
    return bool(_burma_return() and near(_first_month("MMR").year - last, 50, 3))


def _data_35_years() -> bool:
    """November 1990 to July 2025: about 35 years of monthly figures."""
    months = data.load_months()["month"]
    return bool(near((months.max() - months.min()).days / 365.25, 35, 0.5))


def _cambodia_2005_first_definition() -> bool:
    """Cambodia's first personnel (observers) in May 2005; its first troops only in February 2006."""
    c = data.load_contributions()
    khm = c[(c["iso3"] == "KHM") & (c["total"] > 0)]
    troops = khm[khm["group"] == "troops"]
    return bool(khm["month"].min() == pd.Timestamp("2005-05-01")
                and troops["month"].min() == pd.Timestamp("2006-02-01"))


def _three_states_from_2005() -> bool:
    """Indonesia, Malaysia and the Philippines all have personnel in every year from 2005."""
    return bool(all(country(i, y) > 0 for i in ("IDN", "MYS", "PHL") for y in range(2005, 2026)))


def _firsts_before_1990() -> bool:
    """The table of first months by group, and sourced first deployments dated before the data (1990)."""
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10, by_group=True)
    e = data.load_events()
    early = e[(e["category"] == "first_deployment") & (e["date"].astype(str).str[:4] < "1990")]
    return bool(len(first) > 0 and len(early) >= 3 and early["source_urls"].astype(bool).all())


def _phl_missions_2013_2015() -> bool:
    """The Philippines served in UNDOF and UNMIL in December 2013, in neither by December 2015."""
    m = data.load_mission_contributions()
    before = set(analysis.where_they_serve(m, ["PHL"], "2013-12")["mission"])
    after = set(analysis.where_they_serve(m, ["PHL"], "2015-12")["mission"])
    return bool({"UNDOF", "UNMIL"} <= before and not {"UNDOF", "UNMIL"} & after
                and _group_mean("PHL", "troops", 2015) < _group_mean("PHL", "troops", 2013) / 2)


CLAIMS: list[Claim] = [
    Claim("ipi-period-bl1", NB00, "**November 1990 to 2014** come from the **IPI Peacekeeping Database**",
          _ipi_period),
    Claim("step2-jan-2014-bl1", NB00, "Step 2: the UN's report for January 2014.", _jan_2014_six_states),
    Claim("six-numbers-bl1", NB00, "Compare the six numbers with the magazine's, state by state.",
          _jan_2014_six_states),
    Claim("four-month-gap-bl1", NB00, "the fall happened inside the four-month gap", _phl_aug_2014_jan_2015),
    Claim("vnm-first-year-bl1", NB00, "read off the first year with personnel", _vietnam_first_year),
    Claim("phl-670-179-bl1", LP00,
          "The Philippines had about 670\npersonnel deployed in August 2014 and 179 in January 2015. The UN "
          "reports for September to December 2014\nare missing", _phl_aug_2014_jan_2015),
    Claim("who-first-row-bl1", LP01,
          "3. Who was first? | Table `first_by_group`, quick check `01-there-from-start`, first-deployments "
          "chart, sources before 1990, timeline.", _firsts_before_1990),
    Claim("phl-missions-row-bl1", LP01, "The Philippines' missions in 2013 and 2015", _phl_missions_2013_2015),
    Claim("brunei-1993-option-bl1", Q01,
          "The data show Brunei personnel in 1993, probably in the UN mission in", _brunei_1993_untac),
    Claim("burma-return-option-bl1", Q01,
          "Burma had served in UN missions in 1958 and the 1960s, so 2015 was a return", _burma_return),
    Claim("thai-first-option-bl1", Q01, "Sources count different things as the first contribution",
          _thai_sources_differ),
    Claim("thai-start-bl1", NB01,
          "The UN data show no Thai personnel\nfrom November 1990 to March 1991, seven from April 1991, and over "
          "700 from February 1992 to September 1993. Whatever happened\nin 1958 or 1985, Thailand was not contributing when the "
          "data begin.", _thailand_start),
    Claim("sgp-namibia-bl1", NB01,
          "its\nfirst UN mission was in Namibia in 1989, as the Cold War was ending.", _singapore_namibia_1989),
    Claim("sgp-mid-2013-bl1", NB01, "But since mid-2013 the UN figures show **no** Singaporean uniformed personnel",
          _singapore_2013),
    Claim("brunei-1993-2008-bl1", NB01,
          "The UN data agree that Brunei has been present without a break since late 2008, but they also\nshow "
          "Bruneians in every month from January to September 1993: a dozen police in most of those months, "
          "three\nexperts throughout and, in January, two soldiers", _brunei_1993_and_since_2008),
    Claim("myanmar-details-bl1", NB01,
          "Myanmar's first personnel appear in August 2015, a few officers in\nLiberia and South Sudan, never "
          "more than four, and none after mid-2019.", _myanmar_details),
    Claim("half-century-bl1", NB01,
          "2015 was a return after\nhalf a century, which is a different story from a first step.", _half_a_century),
    Claim("vnm-2014-bl1", NB01,
          "The UN data show two experts in July 2014 (none in August, then two again when the reports resume in"
          "\nJanuary 2015).", _vietnam_2014_not_2012),
    Claim("vnm-weeks-bl1", NB01,
          "A difference of a month or two is normal:\nthe UN counts the people in place on the last day of each month, "
          "so a departure date and a first count can\nfall in different months", _vietnam_first_count_weeks),
    Claim("vnm-not-2012-bl1", NB01, "The data support 2014; they give no sign of 2012.", _vietnam_2014_not_2012),
    Claim("35-years-bl1", NB01, "against 35\nyears of UN figures", _data_35_years),
    Claim("cambodia-2005-bl1", NB01, "The article's 2005 is defensible, but only under the first definition.",
          _cambodia_2005_first_definition),
    Claim("three-from-2005-bl1", NB01, "the three states' yearly averages on one chart, from 2005",
          _three_states_from_2005),
    Claim("phl-troops-bl1", NB01, "from 2005 to 2014 troops make up most of the Philippine contingent",
          _phl_troops_01),
]
