"""Prose claims of notebooks 00 and 06 and their question texts (the lesson plans: prose_claims_b0600_plans).

Each claim names a snippet of a sentence and computes every number in it from the course data: the
UN's monthly figures, or the events table (whose rows name their sources). See test_prose_claims.py
for the Claim record and the shared helpers.
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from test_prose_claims import Claim, _monthly, _vietnam_2014
from prose_claim_helpers import NB00, NB06, Q00, Q06


EAST_TIMOR_FIVE = ("AUS", "THA", "PHL", "SGP", "MYS")


# --- helpers: the events table -------------------------------------------------------------------

def event(event_id: str) -> pd.Series:
    """One row of the events table (its sources are in the row)."""
    return data.load_events().set_index("id").loc[event_id]


def event_year(event_id: str) -> int:
    return int(str(event(event_id)["date"])[:4])


def _mindanao_two_tracks() -> bool:
    """Two peace processes with two groups and two helpers: the OIC for the MNLF, Malaysia for the MILF."""
    mnlf, imt = event("mindanao-mnlf-peace-agreement"), event("imt-mindanao")
    return bool("MNLF" in mnlf["detail"] and "Organisation of Islamic Cooperation" in mnlf["detail"]
                and "MILF" in imt["detail"] and "Malaysia-led" in imt["detail"]
                and "MILF" not in mnlf["detail"] and "MNLF" not in imt["detail"])


def _mindanao_dates() -> bool:
    """The MNLF agreement in 1996 (after the Tripoli Agreement of 1976); the monitoring team from October 2004."""
    mnlf = event("mindanao-mnlf-peace-agreement")
    return bool(event_year("mindanao-mnlf-peace-agreement") == 1996 and "1976" in mnlf["detail"]
                and str(event("imt-mindanao")["date"]) == "2004-10")


def _interfet_1999() -> bool:
    """INTERFET: authorised and landed in September 1999, led by Australia."""
    row = event("interfet-authorised")
    return bool(str(row["date"]).startswith("1999-09") and "Australian-led" in row["detail"])


def _interfet_four_asean() -> bool:
    """The states in INTERFET's events row: East Timor, Australia and four ASEAN members."""
    states = event("interfet-authorised")["iso3"].split(";")
    asean = [s for s in states if s in data.ASEAN10]
    return bool(len(asean) == 4 and set(states) - set(asean) == {"TLS", "AUS"}
                and set(asean) | {"AUS"} == set(EAST_TIMOR_FIVE))


def _void_timeline() -> bool:
    """Mindanao agreement 1996, East Timor 1999-2000, monitors 2004; the one earlier force idea (about 1995)
    was turned down; Indonesia's proposal of February 2004 went nowhere."""
    proposals = data.load_events().query("category == 'force_proposal'")
    before_1999 = proposals[proposals["date"].astype(str).str[:4].astype(int) < 1999]
    idn = event("idn-asean-force-proposal")
    return bool(event_year("mindanao-mnlf-peace-agreement") == 1996 and _interfet_1999()
                and event_year("untaet-takes-over-interfet") == 2000 and event_year("imt-mindanao") == 2004
                and list(before_1999["id"]) == ["mys-asean-force-idea"]
                and "turned it down" in event("mys-asean-force-idea")["detail"]
                and str(idn["date"]) == "2004-02" and "put the idea off" in idn["detail"])


def _nothing_in_1999() -> bool:
    """INTERFET landed in September 1999, yet all five lines stay below 200 through 1999 (no trace in the data)."""
    return bool(_interfet_1999() and all(_monthly(i)["1999-01-01":"1999-12-01"].max() < 200
                                         for i in EAST_TIMOR_FIVE))


def _only_after_takeover() -> bool:
    """Low through 1999, then Australia, Thailand and the Philippines jump in February 2000 (UNTAET's count)."""
    jump = [i for i in EAST_TIMOR_FIVE if _monthly(i)["2000-02-01"] > 3 * _monthly(i)["2000-01-01"] + 100]
    return bool(_nothing_in_1999() and jump == ["AUS", "THA", "PHL"])


def _threshold_500() -> bool:
    """500 separates the Philippines' takeover jump: never above it before 2000, first above it in February 2000."""
    phl = _monthly("PHL")
    return bool(phl[:"1999-12-01"].max() <= 500 and phl[phl > 500].index.min() == pd.Timestamp("2000-02-01"))


def _explorer_1997_2005() -> bool:
    """1997 to 2005 holds the whole East Timor wave: low before, above 900 in 2000, Thailand low again by 2004."""
    tha, phl = _monthly("THA"), _monthly("PHL")
    before = all(s["1997-01-01":"1998-12-01"].max() < 100 for s in (tha, phl))
    wave = all(s["2000-01-01":"2000-12-01"].max() > 900 for s in (tha, phl))
    return bool(before and wave and tha["2004-01-01":"2004-12-01"].max() < 100)


# --- helpers: notebook 00 ------------------------------------------------------------------------

def _months_written() -> bool:
    """"2019-12" selects December 2019, and the table shows it as 2019-12-01 (its first day)."""
    c = data.load_contributions()
    rows = c[c["month"] == "2019-12"]
    return bool(len(rows) > 0 and set(rows["month"]) == {pd.Timestamp("2019-12-01")}
                and analysis.month("2019-12") == pd.Timestamp(2019, 12, 1))


def _gaps_kept() -> bool:
    """Months with no report have no rows at all (a gap, not a zero), and there were people before and after."""
    months = data.load_months()
    missing = set(months.loc[~months["reported"], "month"])
    present = set(data.load_contributions()["month"])
    return bool(missing and not missing & present)


def _vietnam_nothing_in_2012() -> bool:
    """Vietnam's line leaves zero in 2014 and shows nothing in 2012, the year one news site gives."""
    vnm = _monthly("VNM")
    return bool(_vietnam_2014() and vnm["2012-01-01":"2012-12-01"].fillna(0).sum() == 0)


# --- helpers: question texts ---------------------------------------------------------------------

def _asean_month(when: str) -> tuple[int, int]:
    """ASEAN's total and its number of states with anyone deployed, in one month ("2020-01")."""
    rows = analysis.select(data.load_contributions(), data.ASEAN10, start=when, end=when)
    return int(rows["total"].sum()), int(rows.loc[rows["total"] > 0, "iso3"].nunique())


def _ten_members() -> bool:
    """ASEAN's ten members in the course, by the names the course uses."""
    from pkedu.theme import label

    names = sorted(label(code) for code in data.ASEAN10)
    return bool(len(data.ASEAN10) == 10 and names == ["Brunei", "Cambodia", "Indonesia", "Laos", "Malaysia",
                                                      "Myanmar", "Philippines", "Singapore", "Thailand", "Vietnam"])


def _timor_leste_after_the_data() -> bool:
    """The data end in July 2025, before Timor-Leste joined (October 2025), and it is not one of the ten."""
    last = data.load_contributions()["month"].max()
    return bool(last < pd.Timestamp("2025-10-01") and "TLS" not in data.ASEAN10)


def _no_first_month_laos() -> bool:
    """first_contributions gives no first month (NaT) to the one ASEAN state that never contributed."""
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10).set_index("iso3")["first_month"]
    return bool(list(first[first.isna()].index) == ["LAO"] and first.notna().sum() == 9)


def _month_two_digits() -> bool:
    """The first month, written the course's way, is "1990-11": the year, a dash, two digits."""
    first = data.load_months()["month"].min()
    return bool(f"{first:%Y-%m}" == "1990-11" and analysis.month("1990-11") == first)


def _year_2019_average() -> bool:
    """The 2019 yearly average is the mean of all twelve reported months, and differs from December's count."""
    months = data.load_months()
    reported = months[months["reported"] & (months["month"].dt.year == 2019)]
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    y2019 = totals[totals["month"].dt.year == 2019]["total"]
    yearly = analysis.annual(totals, how="mean").set_index("year").loc[2019, "total"]
    return bool(len(reported) == 12 and len(y2019) == 12 and abs(y2019.mean() - yearly) < 1e-6
                and round(yearly) != _asean_month("2019-12")[0])


def _january_2014_is_the_diplomat_month() -> bool:
    """The worked example's month, January 2014: its ASEAN total is the sum of The Diplomat's six figures."""
    diplomat = {"BRN": 26, "KHM": 342, "IDN": 1697, "MYS": 909, "PHL": 703, "THA": 33}
    return bool(_asean_month("2014-01")[0] == sum(diplomat.values()) != _asean_month("2019-12")[0])


def _speech_month() -> bool:
    """December 2019 and January 2020 (the month of the Secretary-General's remark) both give some 5,000
    from seven states, so a December count is "a count like this"."""
    return bool(all(4700 <= total <= 5300 and states == 7
                    for total, states in (_asean_month("2019-12"), _asean_month("2020-01"))))


def _laos_alone() -> bool:
    c = data.load_contributions()
    present = set(c.loc[c["iso3"].isin(data.ASEAN10) & (c["total"] > 0), "iso3"])
    return bool(set(data.ASEAN10) - present == {"LAO"})


def _interfet_roles() -> bool:
    """INTERFET's row: resolution 1264, Australian-led, Thailand's second-largest contingent, the disputed deputy command."""
    row = event("interfet-authorised")
    return bool(_interfet_1999() and "1264" in row["title"] and "second-largest contingent" in row["detail"]
                and "deputy command" in row["dispute_note"])


def _imt_first_team() -> bool:
    """The monitoring team from October 2004: about 60 from Malaysia, Brunei and Libya, Malaysia's first
    mission outside the UN; Japan from October 2006 (sourced events row)."""
    row = event("imt-mindanao")
    return bool(str(row["date"]) == "2004-10" and row["source_urls"]
                and "about 60 monitors from Malaysia, Brunei and Libya began" in row["detail"]
                and "Japan joined in October 2006" in row["detail"]
                and "Malaysia's first mission outside the UN" in row["detail"])


def _handover_dates() -> bool:
    """The Singapore minister's January 2000 against Philippine service to 23 February 2000, and the data's
    February count."""
    note = event("untaet-takes-over-interfet")["dispute_note"]
    return bool("January 2000" in note and "23 February 2000" in note and _threshold_500())


def _december_differs() -> bool:
    return bool(_asean_month("2019-12")[0] != _asean_month("2020-01")[0])


def _unmit_filter_matters() -> bool:
    """Without the UNMIT filter the June 2010 sum is every mission's, a different number."""
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2010-06")
    unmit = serve.loc[serve["mission"] == "UNMIT", "total"].sum()
    return bool(0 < unmit < serve["total"].sum())


def _unmit_mostly_mys_phl_police() -> bool:
    """June 2010: a few hundred ASEAN personnel in UNMIT, most of them Malaysian and Filipino police."""
    m = data.load_mission_contributions()
    rows = m[(m["month"] == pd.Timestamp("2010-06-01")) & (m["mission"] == "UNMIT") & m["iso3"].isin(data.ASEAN10)]
    police = rows[(rows["group"] == "police") & rows["iso3"].isin(["MYS", "PHL"])]["total"].sum()
    return bool(200 <= rows["total"].sum() < 1000 and police > rows["total"].sum() / 2)


# --- the claims ----------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    # notebook 06
    Claim("b06-objective-1999", (NB06,), "using East Timor (1999)\n  and Mindanao as cases.", _interfet_1999),
    Claim("b06-objective-two", (NB06,), "Tell apart the two peace processes in Mindanao", _mindanao_two_tracks),
    Claim("b06-void-timeline", (NB06,),
          "The OIC-brokered peace agreement in Mindanao (1996), the forces in\nEast Timor (1999-2000) and the "
          "monitoring team in Mindanao (2004) all arrived while ASEAN had no force; the\nonly earlier idea for one, "
          "Malaysia's of about 1995, had been turned down. Indonesia's proposal of February 2004 came after East "
          "Timor, and it went nowhere.", _void_timeline),
    Claim("b06-heading-1999", (NB06,), "East Timor, 1999: authorised by the UN, led by Australia", _interfet_1999),
    Claim("b06-only-after-takeover", (NB06,), "They appear only\nwhen UNTAET took them over.", _only_after_takeover),
    Claim("b06-four-asean", (NB06,), "The chart shows four\nASEAN participants and Australia", _interfet_four_asean),
    Claim("b06-above-500", (NB06,), "keep the rows where `total` is above 500", _threshold_500),
    Claim("b06-no-trace-1999", (NB06,), "The data cannot show September 1999 at all:\nINTERFET was not a UN force",
          _nothing_in_1999),
    Claim("b06-explorer-1997-2005", (NB06,), "try Thailand and the Philippines from 1997 to\n2005",
          _explorer_1997_2005),
    Claim("b06-two-tracks-heading", (NB06,), "Mindanao: two peace processes, two kinds of helper",
          _mindanao_two_tracks),
    # notebook 00
    Claim("b00-months-written", (NB00,),
          "The course writes a month as the year, a dash and the month in two digits:\n`\"2019-12\"` is December 2019.",
          _months_written),
    Claim("b00-december-rows", (NB00,),
          "This cell keeps only the rows of December 2019 (`==` asks \"is equal to\"), and the\ntable shows them as "
          "`2019-12-01`", _months_written),
    Claim("b00-gaps", (NB00,),
          "a missing\nreport does not mean that nobody was deployed, only that nobody counted for us.", _gaps_kept),
    Claim("b00-vietnam-2012", (NB00,),
          "Vietnam's line leaves zero in 2014 and shows nothing in\n2012. A news site could still write 2012 honestly "
          "if it dated something other than the first deployment", _vietnam_nothing_in_2012),
    # question texts of notebook 00
    Claim("b00-q-ten", (Q00,), "Ten: Brunei, Cambodia, Indonesia, Laos, Malaysia, Myanmar, the Philippines, "
          "Singapore, Thailand and Vietnam.", _ten_members),
    Claim("b00-q-timor-leste", (Q00,), "Timor-Leste became a member only in October 2025, after the period we study.",
          _timor_leste_after_the_data),
    Claim("b00-q-no-first-month", (Q00,), "gives each state's first month; a state that never contributed has no "
          "first month (NaT).", _no_first_month_laos),
    Claim("b00-q-two-digits", (Q00,), "Write the year, a dash and the month as two digits, in quotes.",
          _month_two_digits),
    Claim("b00-q-speech", (Q00,), "Notebook 06 compares a count like this with what the UN Secretary-General said "
          "in January 2020.", _speech_month),
    Claim("b00-q-twelve", (Q00,), "That is the average of all twelve months of 2019", _year_2019_average),
    Claim("b00-q-january-2014", (Q00,), "That is the total of January 2014, the worked example's month",
          _january_2014_is_the_diplomat_month),
    Claim("b00-q-vietnam-2012", (Q00,), "One Vietnamese news site says 2012, but that is not what the UN data show",
          _vietnam_nothing_in_2012),
    Claim("b00-q-laos-only", (Q00,), "Laos is the only ASEAN state without peacekeeping experience", _laos_alone),
    # question texts of notebook 06
    Claim("b06-q-imt-first", (Q06,), "Malaysia leads it: its first mission outside the UN.", _imt_first_team),
    Claim("b06-q-22-states", (Q06,), "Australia led a coalition of about 22 states.", _interfet_roles),
    Claim("b06-q-1264", (Q06,), "Resolution 1264 authorised the force", _interfet_roles),
    Claim("b06-q-second", (Q06,), "Thailand was second only to Australia.", _interfet_roles),
    Claim("b06-q-two-tracks", (Q06,), "Two tracks, two sets of helpers: the OIC for the MNLF (1976, 1996), Malaysia "
          "for the MILF, with the monitoring team from 2004.", lambda: _mindanao_two_tracks() and _mindanao_dates()),
    Claim("b06-q-table", (Q06,), "Section 2 has a small table of the two tracks.", _mindanao_two_tracks),
    Claim("b06-q-1996", (Q06,), "brokered the 1996 Final Peace Agreement in Mindanao", _mindanao_dates),
    Claim("b06-q-ten", (Q06,), "Ten is every ASEAN member.", lambda: len(data.ASEAN10) == 10),
    Claim("b06-q-december", (Q06,), "That is December 2019's total.", _december_differs),
    Claim("b06-q-unmit-only", (Q06,), "Keep only the rows whose mission is 'UNMIT' before you add up.",
          _unmit_filter_matters),
    Claim("b06-q-only-then", (Q06,), "INTERFET's troops passed under UN command only then, which fits the February "
          "handover date.", lambda: _only_after_takeover() and _handover_dates()),
    Claim("b06-q-january-2000", (Q06,), "January 2000 is the handover month in the Singapore minister's speech.",
          _handover_dates),
    Claim("b06-q-unmit-police", (Q06,), "A few hundred, mostly Malaysian and Filipino police. Until 2012 Southeast "
          "Asians served in a UN mission in their own region.",
          lambda: _unmit_mostly_mys_phl_police()
          and data.load_missions().set_index("mission").loc["UNMIT", "last_month"].year == 2012),
]
