"""Prose claims of lesson plans 00 and 06 (the notebooks and questions: prose_claims_b0600).

Each claim computes every number of its snippet from the course data, the events table (whose rows
name their sources) or the course's own checks (what a check says to a given answer).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from test_prose_claims import Claim, _monthly, _unmit_june_2010, asean
from prose_claims_b0600 import (
    _asean_month, _explorer_1997_2005, _handover_dates, _imt_first_team, _interfet_1999, _interfet_roles,
    _mindanao_two_tracks, _months_written, _nothing_in_1999, _only_after_takeover, _threshold_500,
    _vietnam_nothing_in_2012, event, event_year,
)
from prose_claim_helpers import LP00, LP06


# --- helpers: lesson plans -----------------------------------------------------------------------

def _says(question_id: str, answer: object, words: str) -> bool:
    """The course's check answers ``answer`` with a message containing ``words``."""
    from pkedu import check

    return words in str(check(question_id, answer))


def _month_arithmetic() -> bool:
    """Without quotes, 1990-11 is a subtraction; the check names the number it gives."""
    value = 1990 - 11
    return bool(value == 1979 and _says("00-start-month", value, "the number 1979"))


def _typical_questions() -> bool:
    """1993 is the top of the first wave (1990-2005); since 2012 no year has been 5% above 2011."""
    first_wave = max(range(1990, 2006), key=asean)
    return bool(first_wave == 1993 and all(asean(y) < 1.05 * asean(2011) for y in range(2012, 2026)))


def _cambodia_february_2014() -> bool:
    return bool(_monthly("KHM")["2014-02-01"] == 419 and _monthly("KHM")["2014-01-01"] == 342)


def _ranking_lag() -> bool:
    """The January 2019 article's order (Ethiopia, Rwanda, then Bangladesh, India, Nepal; India 6,593) is
    November 2018's, not January 2019's."""
    c = data.load_contributions()
    nov, jan = analysis.ranking(c, "2018-11", top=5), analysis.ranking(c, "2019-01", top=5)
    india = nov.set_index("iso3").loc["IND", "total"]
    return bool(list(nov["iso3"]) == ["ETH", "RWA", "BGD", "IND", "NPL"] and india == 6593
                and list(jan["iso3"]) != list(nov["iso3"]))


def _exercise_3_month() -> bool:
    from pkedu.questions import get

    return bool(get("00-total-2019").expected() == _asean_month("2019-12")[0])


def _vietnam_feedback() -> bool:
    return bool(_vietnam_nothing_in_2012()
                and _says("00-vietnam-first-year", 2012, "One Vietnamese news site says 2012"))


def _not_in_un_data() -> bool:
    """INTERFET and the Mindanao monitors are not UN missions: neither is in the missions table."""
    names = data.load_missions()["mission"].str.upper()
    return bool(not names.str.contains("INTERFET|IMT").any() and "UNTAET" in set(names))


def _source_dates_get_messages() -> bool:
    """2000-01 and 1999-09 each have their own message in Exercise 1's check."""
    return bool(_handover_dates() and _interfet_1999()
                and _says("06-untaet-month", "2000-01", "Singapore minister")
                and _says("06-untaet-month", "1999-09", "INTERFET landed"))


def _january_2020_wanted() -> bool:
    return bool(_says("06-sg-total", _asean_month("2019-12")[0], "January 2020"))


def _august_2020_left_out() -> bool:
    """August 2020 has its totals but no gender split in the course data."""
    c = data.load_contributions()
    aug = c[c["month"] == pd.Timestamp("2020-08-01")]
    return bool(len(aug) > 0 and aug["total"].sum() > 0 and aug["female"].isna().all())


def _women_shares_july_2025() -> pd.Series:
    w = analysis.women_share(data.load_contributions(), data.ASEAN10, by="iso3")
    return w[w["month"] == "2025-07-01"].set_index("iso3")


def _cambodia_22_per_cent() -> bool:
    return bool(round(_women_shares_july_2025().loc["KHM", "share"], 2) == 0.22)


def _philippines_tiny_share() -> bool:
    """The Philippines: the highest share of women among ASEAN states in July 2025, 9 of 14 people."""
    w = _women_shares_july_2025()
    phl = w.loc["PHL"]
    return bool(w["share"].idxmax() == "PHL" and phl["female"] == 9 and phl["total"] == 14
                and phl["total"] <= 250)


def _imt_about_60() -> bool:
    return bool("about 60 monitors" in event("imt-mindanao")["detail"] and _imt_first_team())


def _two_asean_monitors() -> bool:
    """Besides the host, the monitoring team's ASEAN members are Malaysia and Brunei."""
    states = set(event("imt-mindanao")["iso3"].split(";"))
    return bool((states & set(data.ASEAN10)) - {"PHL"} == {"MYS", "BRN"})


def _plan06_timings_row() -> bool:
    return bool(_unmit_june_2010() and data.load_contributions()["month"].max() == pd.Timestamp("2025-07-01"))


def _unmit_rows() -> pd.DataFrame:
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, "2010-06")
    return serve[serve["mission"] == "UNMIT"]


def _unmit_four_rows() -> bool:
    """Keeping the UNMIT rows of June 2010 leaves one row for each of four countries."""
    rows = _unmit_rows()
    return bool(len(rows) == 4 and rows["iso3"].is_unique)


# --- the claims ----------------------------------------------------------------------------------

CLAIMS: list[Claim] = [
    # lesson plan 00
    Claim("b00-plan-1979", (LP00,), "`start_month = 1990-11` is arithmetic in Python (it equals 1979)",
          _month_arithmetic),
    Claim("b00-plan-typical", (LP00,), "*Why was there\na peak in 1993?*, *Why is Indonesia so large?*, *Why does "
          "the total stop growing after about 2012?*", _typical_questions),
    Claim("b00-plan-2012", (LP00,), "**Answering 2012 for Vietnam.** The check's feedback names the one news site "
          "that says 2012.", _vietnam_feedback),
    Claim("b00-plan-2012-row", (LP00,), "the UN figures support 2014; \"2012\" may date a decision or preparations",
          _vietnam_nothing_in_2012),
    Claim("b00-plan-419", (LP00,), "A month later Cambodia had 419\n  (the course data for February 2014)",
          _cambodia_february_2014),
    Claim("b00-plan-lag", (LP00,), "notebook 02 finds a January 2019\n  ranking that matches the UN's November "
          "2018 report", _ranking_lag),
    Claim("b00-plan-december", (LP00,), "**Exercise 3** (the same steps for December 2019)", _exercise_3_month),
    Claim("b00-plan-first-day", (LP00,), "**\"Why does the table say 2019-12-01?\"** Pandas stores a month as its "
          "first day", _months_written),
    # lesson plan 06
    Claim("b06-plan-void-1999", (LP06,), "**the void**: East Timor in 1999 and Mindanao.", _interfet_1999),
    Claim("b06-plan-early-2000", (LP06,), "the UN's own mission took over only in\n  early 2000.",
          lambda: _only_after_takeover() and event_year("untaet-takes-over-interfet") == 2000),
    Claim("b06-plan-only-un", (LP06,),
          "the UN's figures see only UN missions, so INTERFET and the Mindanao monitors\nare invisible in them",
          _not_in_un_data),
    Claim("b06-plan-not-there", (LP06,),
          "It is not there, and\n  that is the point: the UN counts only UN operations.", _not_in_un_data),
    Claim("b06-plan-row-2010", (LP06,), "where ASEAN personnel served in June 2010; **Exercise 2**; July 2025 by "
          "region.", _plan06_timings_row),
    Claim("b06-plan-pause-1", (LP06,), "Singapore's minister said the UN took over in January 2000;\nPhilippine "
          "service with INTERFET ran to 23 February.", _handover_dates),
    Claim("b06-plan-only-there", (LP06,), "a transfer of authority on (or just before) the last days of\nFebruary "
          "shows up only there.", _threshold_500),
    Claim("b06-plan-invisible", (LP06,), "INTERFET itself, September 1999 to February 2000, because it was not a\n"
          "UN force.", lambda: _nothing_in_1999() and _handover_dates()),
    Claim("b06-plan-closing-1999", (LP06,), "Prompt 1 (a small force in 1999?)", _interfet_1999),
    Claim("b06-plan-1264", (LP06,), "INTERFET acted under Security Council resolution 1264.", _interfet_roles),
    Claim("b06-plan-jakarta-1999", (LP06,), "from Jakarta's point of view in 1999, East Timor *was* such a case.",
          _interfet_1999),
    Claim("b06-plan-first-mission", (LP06,), "Malaysia led it as its first mission outside the\nUN.",
          _imt_first_team),
    Claim("b06-plan-about-60", (LP06,), "it is a monitoring team of about 60, not a peacekeeping force",
          _imt_about_60),
    Claim("b06-plan-two-members", (LP06,), "two ASEAN members *did* act", _two_asean_monitors),
    Claim("b06-plan-second-largest", (LP06,), "`06-thai-roles`, the deputy commander and the\nsecond-largest "
          "contingent", _interfet_roles),
    Claim("b06-plan-row-23", (LP06,), "the February count fits INTERFET service to 23 February 2000",
          _handover_dates),
    Claim("b06-plan-source-dates", (LP06,), "2000-01 (the Singapore minister's month) and 1999-09 (INTERFET's\n  "
          "landing) each get their own message", _source_dates_get_messages),
    Claim("b06-plan-january-2020", (LP06,), "the check tells them it wants\n  January 2020.", _january_2020_wanted),
    Claim("b06-plan-august-2020", (LP06,), "**August 2020.** Students who plot the raw world share",
          _august_2020_left_out),
    Claim("b06-plan-0-22", (LP06,), "students comparing shares aloud mix 0.22 and 22%", _cambodia_22_per_cent),
    Claim("b06-plan-tiny-share", (LP06,), "*The Philippines has the highest share of women* (9 of its 14 personnel "
          "in July\n  2025) is a trap.", _philippines_tiny_share),
    Claim("b06-plan-before-1999", (LP06,), "a country whose count passed 500 before 1999 would give a wrong month.",
          _threshold_500),
    Claim("b06-plan-1999-debate", (LP06,), "a small ASEAN force could have helped in 1999", _interfet_1999),
    Claim("b06-plan-1997-2005", (LP06,), "Thailand and the\nPhilippines from 1997 to 2005", _explorer_1997_2005),
    Claim("b06-plan-two-track", (LP06,), "check it against the two-track table.", _mindanao_two_tracks),
    Claim("b06-plan-un-force", (LP06,), "Students retell the article as *the UN sent peacekeepers in 1999*.",
          lambda: _interfet_1999()
          and "UN-authorised coalition rather than a UN force" in event("interfet-authorised")["dispute_note"]),
    Claim("b06-plan-four-rows", (LP06,), "Keeping the UNMIT rows gives four rows (one per country)",
          _unmit_four_rows),
]
