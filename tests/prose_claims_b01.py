"""More prose claims of notebook 01, its questions and its lesson plan (see test_prose_claims.py).

Each check computes its numbers from the course data: the monthly tables, the missions table, and the
dated, sourced rows of data/events.csv (first deployments and Cambodia's cabinet decision).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claims_00_01 import (
    _brunei_spell_then_2008, _brunei_unifil, _count, _data_start_idn_mys, _first_by_group, _first_deployment_years,
    _late_joiners, _philippines_check, _vietnam_two_officers_2014,
)
from test_prose_claims import Claim, _first_month, _monthly, country
from prose_claim_helpers import LP01, NB01, Q01


# --- helpers -----------------------------------------------------------------------------------

def _event(event_id: str) -> pd.Series:
    """One row of the course's events table."""
    e = data.load_events().set_index("id")
    return e.loc[event_id]


def _event_month(event_id: str) -> str:
    """An event's date cut to the month, like '2005-03' (or the year alone when that is all it has)."""
    return str(_event(event_id)["date"])[:7]


def _months_between(a: pd.Timestamp, b: pd.Timestamp) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _laos_only_never() -> bool:
    """Laos is the one ASEAN state with no first month: nobody deployed in any month of the data."""
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10)
    never = first.loc[first["first_month"].isna(), "iso3"]
    lao = _monthly("LAO")
    return bool(list(never) == ["LAO"] and lao.fillna(0).sum() == 0)


def _cambodia_dates() -> bool:
    """Decision March 2005 (events), observers May 2005 and troops February 2006 (data), unit April 2006 (events)."""
    first = _first_by_group()
    experts, troops = first.loc["KHM", "experts"], first.loc["KHM", "troops"]
    return bool(_event_month("khm-cabinet-approval") == "2005-03" and experts == pd.Timestamp("2005-05-01")
                and troops == pd.Timestamp("2006-02-01") and _event_month("khm-first-deployment") == "2006-04"
                and _months_between(pd.Timestamp("2005-03-01"), experts) == 2
                and _first_month("KHM") == experts)


def _first_by_group_matches_data() -> bool:
    """Each cell of first_contributions(by_group=True) is the group's first month with anyone; NaT when never."""
    c = data.load_contributions()
    present = c[c["iso3"].isin(data.ASEAN10) & (c["total"] > 0)]
    computed = present.groupby(["iso3", "group"])["month"].min()
    first = _first_by_group()
    for iso3 in data.ASEAN10:
        for group in ("troops", "police", "experts"):
            expected = computed.get((iso3, group), pd.NaT)
            got = first.loc[iso3, group]
            if not (pd.isna(expected) and pd.isna(got)) and expected != got:
                return False
    return bool(first.loc["LAO"].isna().all() and first.isna().any(axis=None))


def _row_minimum_is_first() -> bool:
    """Three group columns; the earliest date of a row is the state's first month overall."""
    first = _first_by_group()
    overall = analysis.first_contributions(data.load_contributions(), data.ASEAN10).set_index("iso3")["first_month"]
    row_min = first[["troops", "police", "experts"]].min(axis=1)
    same = all((pd.isna(row_min[i]) and pd.isna(overall[i])) or row_min[i] == overall[i] for i in data.ASEAN10)
    return bool(list(first.columns) == ["troops", "police", "experts"] and same)


def _brunei_early_by_data() -> bool:
    """By "first month in the UN data" Brunei (January 1993) is not among the states that began after 2000."""
    from pkedu.questions.nb01 import LATE_AFTER

    return bool(_first_month("BRN") == pd.Timestamp("1993-01-01") and _first_month("BRN").year <= LATE_AFTER
                and _late_joiners())


def _firsts_summary() -> bool:
    """Every pair of "firsts" in the summary: one from the UN data, the others from the sourced events."""
    years = _first_deployment_years()
    data_years = {i: _first_month(i).year for i in ("KHM", "BRN", "MMR", "THA", "VNM")}
    tha, vnm = _event("tha-first-deployment"), _event("vnm-first-deployment")
    return bool(data_years == {"KHM": 2005, "BRN": 1993, "MMR": 2015, "THA": 1991, "VNM": 2014}
                and {i: years[i] for i in ("KHM", "BRN", "MMR", "THA", "VNM")}
                == {"KHM": 2006, "BRN": 2008, "MMR": 1958, "THA": 1958, "VNM": 2014}
                and "1985" in tha["detail"] and "1950" in tha["detail"] and "2012" in vnm["dispute_note"])


def _brunei_1993_in_untac_years() -> bool:
    """Brunei's 1993 months fall inside UNTAC's span, and the mission table cannot say more (it starts in 2009)."""
    m = data.load_missions().set_index("mission")
    brn = _monthly("BRN")
    spell = brn[(brn > 0) & (brn.index.year == 1993)].index
    untac = (m.loc["UNTAC", "first_month"], m.loc["UNTAC", "last_month"])
    return bool(_brunei_spell_then_2008() and m.loc["UNTAC", "host_iso3"] == "KHM"
                and untac[0] <= spell.min() and spell.max() <= untac[1]
                and data.load_mission_contributions()["month"].min() == pd.Timestamp("2009-11-01"))


def _phl_missions_2013_2015() -> bool:
    """UNDOF and UNMIL in the Philippines' missions in December 2013, neither in December 2015."""
    m = data.load_mission_contributions()
    before = set(analysis.where_they_serve(m, ["PHL"], "2013-12")["mission"])
    after = set(analysis.where_they_serve(m, ["PHL"], "2015-12")["mission"])
    return bool({"UNDOF", "UNMIL"} <= before and not {"UNDOF", "UNMIL"} & after)


def _malaysia_example_years() -> bool:
    """The worked example's two rows exist, each the mean of twelve reported months."""
    months = analysis.monthly_totals(data.load_contributions(), countries="MYS")
    yearly = analysis.annual(months, how="mean").set_index("year")
    return bool(yearly.loc[[2011, 2019], "n_months"].tolist() == [12, 12]
                and round(yearly.loc[2011, "total"]) == 1128 and round(yearly.loc[2019, "total"]) == 845)


def _phl_2019_twelve_months() -> bool:
    """2019 has twelve reported months for the Philippines, and the sum is twelve times the average."""
    months = analysis.monthly_totals(data.load_contributions(), countries="PHL")
    yearly = analysis.annual(months, how="mean").set_index("year")
    total = months[months["month"].dt.year == 2019]["total"].sum()
    return bool(yearly.loc[2019, "n_months"] == 12 and total == 12 * yearly.loc[2019, "total"])


def _seven_to_eight() -> bool:
    """7 from October 2008 (Brunei), 8 from August 2015 until June 2019."""
    n = _count()
    eight = n[n == 8]
    return bool(n["2008-10-01"] == 7 and n["2008-09-01"] == 6 and eight.index.min() == pd.Timestamp("2015-08-01")
                and eight.index.max() == pd.Timestamp("2019-06-01"))


def _sgp_first_year_with_nobody() -> bool:
    """Singapore's last year with anyone is 2013, so 2014 is the first year with nobody."""
    sgp = _monthly("SGP").fillna(0)
    last = sgp[sgp > 0].index.max().year
    return bool(last == 2013 and sgp[sgp.index.year == 2014].sum() == 0)


def _there_from_start_explained() -> bool:
    """Indonesia and Malaysia in the first month of the data; their first missions (events) 1957 and 1960."""
    from pkedu.questions.nb01 import there_from_start

    years = _first_deployment_years()
    return bool(sorted(there_from_start()) == ["IDN", "MYS"] and _data_start_idn_mys()
                and (years["IDN"], years["MYS"]) == (1957, 1960))


def _thai_years() -> bool:
    """Thai sources' 1958 (the events row) and 1985 and 1950 (its detail); the UN data's 1991 is in the 1990s."""
    tha = _event("tha-first-deployment")
    return bool(str(tha["date"]) == "1958" and "1985" in tha["detail"] and "1950" in tha["detail"]
                and 1990 <= _first_month("THA").year <= 1999)


def _burma_1958_and_congo() -> bool:
    """The events row dates Burma's first observers to 1958 in Lebanon and names its later Congo service."""
    mmr = _event("mmr-first-deployment")
    return bool(str(mmr["date"]) == "1958" and "Lebanon" in mmr["detail"] and "Congo (ONUC)" in mmr["detail"])


def _march_1991_plunge() -> bool:
    """The count drops to zero in March 1991, the month the file lists 37 countries instead of 46."""
    n = data.load_months().set_index("month")["n_countries"]
    count = members_count_raw()
    return bool(count["1991-03-01"] == 0 and count["1991-02-01"] > 0 and count["1991-04-01"] > 0
                and (n["1991-03-01"], n["1991-02-01"]) == (37, 46))


def members_count_raw() -> pd.Series:
    return analysis.contributors_count(data.load_contributions(), data.ASEAN10).set_index("month")["contributors"]


def _myanmar_four() -> bool:
    mmr = _monthly("MMR").fillna(0)
    return bool(mmr.max() == 4)


def _vietnam_troops_after_officers() -> bool:
    first = _first_by_group()
    return bool(first.loc["VNM", "experts"] < first.loc["VNM", "troops"])


def _phl_sgp_moved_away() -> bool:
    """From 2009 to 2019 the Philippines fell to under a twentieth, Singapore to nobody."""
    return bool(country("PHL", 2019) < country("PHL", 2009) / 20 and country("SGP", 2009) > 0
                and country("SGP", 2019) == 0)


def _late_joiner_years() -> bool:
    return bool(_late_joiners() and _first_month("KHM").year == 2005)


def _explorer_table() -> bool:
    """The explorer's table: each state's first month in the UN data and its average in the last chosen year."""
    from pkedu.apps.explorer import explorer_model

    codes = ["PHL", "SGP", "THA"]
    table = explorer_model(codes, 1990, 2019).table
    firsts = [f"{_first_month(c):%B %Y}" for c in codes]
    return bool(list(table.columns) == ["Country", "First month in the UN data", "Average in 2019"]
                and table["First month in the UN data"].tolist() == firsts
                and table["Average in 2019"].tolist() == [round(country(c, 2019)) for c in codes])


# --- claims ------------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    # notebook 01
    Claim("laos-only-b01", (NB01,), "| Laos is the only state with no direct experience of peacekeeping |",
          _laos_only_never),
    Claim("article-years-b01", (NB01,),
          "| Cambodia joined in 2005, Vietnam in 2014, and Myanmar \"reversed its isolationist stance\" in 2015 |",
          _late_joiners),
    Claim("newcomers-2004-b01", (NB01,), "from 2004, the year before Cambodia's first observers", _cambodia_dates),
    Claim("events-firsts-b01", (NB01,), "The course's events table collects these first deployments with their sources.",
          lambda: set(_first_deployment_years()) >= {"IDN", "MYS", "PHL", "MMR", "SGP"}
          and data.load_events().query("category == 'first_deployment'")["source_urls"].str.startswith("http").all()),
    Claim("nat-never-b01", (NB01,),
          "`pk.analysis.first_contributions` finds the first month each state had personnel deployed, here split by\n"
          "personnel group. `NaT` means \"not a time\": the state never sent anyone from that group.",
          _first_by_group_matches_data),
    Claim("row-earliest-b01", (NB01,),
          "(a state's first month is the earliest date in its row, in any of the three\ncolumns)", _row_minimum_is_first),
    Claim("brunei-early-rule-b01", (NB01,), "(for example \"first month in the UN data\" puts Brunei among\nthe early ones)",
          _brunei_early_by_data),
    Claim("cambodia-two-months-b01", (NB01,),
          "two months\nafter its cabinet approved the deployment", _cambodia_dates),
    Claim("cambodia-bare-2005-b01", (NB01,), "a bare \"Cambodia\njoined in 2005\" hides the choice", _cambodia_dates),
    Claim("malaysia-example-b01", (NB01,), "A worked example: Malaysia's yearly averages in 2011 and 2019.",
          _malaysia_example_years),
    Claim("phl-pick-2019-b01", (NB01,), "Then pick the 2019 average with", _philippines_check),
    Claim("phl-compare-b01", (NB01,), "Compare\nDecember 2013 with December 2015:", _phl_missions_2013_2015),
    Claim("summary-firsts-b01", (NB01,),
          "Cambodia (2005 or 2006), Brunei (1993 or 2008), Myanmar (1958 or 2015),\n  Thailand (1950, 1958, 1985, 1991) "
          "and Vietnam (2014 or 2012) all have more than one \"first\".", _firsts_summary),
    Claim("brunei-guess-b01", (NB01,), "Brunei's 1993 personnel were **probably** in Cambodia",
          _brunei_1993_in_untac_years),
    Claim("pause-seven-eight-b01", (NB01,), "From 7 to 8 states between 2008 and 2019", _seven_to_eight),
    Claim("explorer-table-b01", (NB01,),
          "the\ntable shows each state's first month in the UN data and its average in the last year you chose",
          _explorer_table),
    # questions of notebook 01
    Claim("cabinet-2005-q-b01", (Q01,), "March 2005 is when Cambodia's cabinet decided to send observers",
          _cambodia_dates),
    Claim("centre-2006-q-b01", (Q01,), "April 2006 is when Cambodia's own centre dates its first deployment.",
          lambda: _cambodia_dates() and "15 April 2006" in _event("khm-first-deployment")["detail"]),
    Claim("capie-1950s-q-b01", (Q01,), "Indonesia and Malaysia go back to the 1950s and 1960s",
          lambda: (_first_deployment_years()["IDN"] // 10, _first_deployment_years()["MYS"] // 10) == (195, 196)),
    Claim("capie-hint-q-b01", (Q01,),
          "When Capie wrote, Brunei's only lasting UN service was the one in Lebanon, begun in 2008.",
          lambda: _brunei_unifil() and _first_deployment_years()["BRN"] == 2008),
    Claim("laos-no-first-q-b01", (Q01,), "Laos has no first month at all: it never sent anyone.", _laos_only_never),
    Claim("burma-older-q-b01", (Q01,),
          "Older sources record Burmese observers in Lebanon in 1958 and service in the Congo in the 1960s.",
          _burma_1958_and_congo),
    Claim("twelve-months-q-b01", (Q01,), "That is the sum of the twelve months", _phl_2019_twelve_months),
    Claim("phl-2011-q-b01", (Q01,), "That is the Philippines' average for 2011", _philippines_check),
    Claim("sgp-nobody-q-b01", (Q01,), "That is the first year with nobody deployed", _sgp_first_year_with_nobody),
    Claim("there-from-start-q-b01", (Q01,),
          "Indonesia and Malaysia, the two states the article credits with the longest history in UN peacekeeping. "
          "Being there in November 1990 shows only that they were there when the data begin; their first missions "
          "were in 1957 and 1960.", _there_from_start_explained),
    Claim("thai-years-q-b01", (Q01,),
          "Thailand's mission to the UN gives 1958, its embassy in Washington 1985 and a comparative study the "
          "1990s as Thailand's first peacekeeping year, and a Bangkok Post timeline recalls Korea in 1950.",
          _thai_years),
    # lesson plan 01
    Claim("pause2-dates-b01", (LP01,), "Cambodia joined\nin March 2005, May 2005, February 2006 or April 2006.",
          _cambodia_dates),
    Claim("defensible-2005-b01", (LP01,), "The article's 2005 is defensible under the \"a few officers count\"\ndefinition.",
          _cambodia_dates),
    Claim("pause3-b01", (LP01,), "The count went from 7 to 8 between 2008 and\n2019.", _seven_to_eight),
    Claim("nat-never-lp-b01", (LP01,), "It means \"never\": the state never sent anyone from that group.",
          _first_by_group_matches_data),
    Claim("april-2006-lp-b01", (LP01,),
          "**April 2006 for Cambodia's first troops.** That is the date Cambodia's own sources give", _cambodia_dates),
    Claim("laos-no-first-lp-b01", (LP01,), "Laos has no first month at all", _laos_only_never),
    Claim("march-1991-lp-b01", (LP01,), "The plunge to zero in March 1991 read as a mass withdrawal.",
          _march_1991_plunge),
    Claim("march-1991-row-lp-b01", (LP01,), "explain the March 1991 hole", _march_1991_plunge),
    Claim("cambodia-2005-row-lp-b01", (LP01,), "| Cambodia joined in 2005 |", _late_joiner_years),
    Claim("two-officers-lp-b01", (LP01,), "decides to send even two officers", _vietnam_two_officers_2014),
    Claim("four-officers-lp-b01", (LP01,), "A state with four officers", _myanmar_four),
    Claim("vietnam-troops-lp-b01", (LP01,), "in which year Vietnam first sent\ntroops rather than officers",
          _vietnam_troops_after_officers),
    Claim("substance-lp-b01", (LP01,),
          "Two corrections touch the **substance**: the Philippines and Singapore moved *away* from UN\ndeployments "
          "during the decade the article describes", _phl_sgp_moved_away),
]
