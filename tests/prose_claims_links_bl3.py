"""Prose claims of notebooks 02 (scale) and 03 (motives), their questions, lesson plans and the data notes
that the narrowed link rule (a link covers only its own sentence) left uncovered.

Each entry names a sentence and computes what it says from the course's data, or from a sourced row of
``data/events.csv`` (see test_prose_claims.py for the two tests run on each claim).
"""

from __future__ import annotations

import re

import pandas as pd

from pkedu import analysis, data
from prose_claim_helpers import (
    EAST_AFRICA, LP02, LP03, NB02, NB03, Q02, README, ROOT, SOUTH_ASIA, Claim, _feb_2020_rebound, _monthly,
    _thai_darfur_home_by_mid_2012,
)
from prose_claims_02_03 import _rates, _rise_2014_fits_ten, _sg_some_5000_from_seven, _vietnam_steps
from prose_claims_b0203 import _largest_six_2015_2021
from prose_claims_nb02 import _dated_rankings


# --- helpers ---------------------------------------------------------------------------------------

def _event(event_id: str) -> pd.Series:
    """One row of the events table, which must name at least one source."""
    row = data.load_events().set_index("id").loc[event_id]
    if not str(row["source_urls"]).startswith("http"):
        raise AssertionError(f"events row {event_id} names no source")
    return row


def _event_says(event_id: str, date_prefix: str, *phrases: str) -> bool:
    """A sourced events row dated ``date_prefix...`` whose title and detail contain every phrase."""
    row = _event(event_id)
    text = f"{row['title']} {row['detail']}"
    return bool(str(row["date"]).startswith(date_prefix) and all(p in text for p in phrases))


def _six_named_groups() -> bool:
    """"South Asia (4)" and "East Africa (2)": four and two states, together the six largest contributors."""
    return bool(len(SOUTH_ASIA) == 4 and len(EAST_AFRICA) == 2 and _largest_six_2015_2021())


def _not_january_2019_order() -> bool:
    """The January 2019 article's order (Ethiopia, Rwanda, then Bangladesh, India, Nepal) is November 2018's,
    not January 2019's."""
    jan = list(analysis.ranking(data.load_contributions(), "2019-01", top=5)["iso3"])
    return bool(jan != ["ETH", "RWA", "BGD", "IND", "NPL"] and _dated_rankings())


def _idn_only_large_police(month: str = "2019-12") -> bool:
    """In the chart's month Indonesia had over 300 police in the field, every other ASEAN state under 20."""
    c = data.load_contributions()
    rows = c[(c["month"] == f"{month}-01") & (c["group"] == "police") & c["iso3"].isin(data.ASEAN10)]
    police = rows.groupby("iso3")["total"].sum()
    return bool(police["IDN"] > 300 and police.drop("IDN").max() < 20)


def _top_five_differs() -> bool:
    """The top five of the notebook's three months (2021-01, 2025-07 and the question's 2019-01) differ."""
    c = data.load_contributions()
    orders = {tuple(analysis.ranking(c, m, top=5)["iso3"]) for m in ("2019-01", "2021-01", "2025-07")}
    return bool(len(orders) == 3 and _dated_rankings())


def _three_personnel_groups() -> bool:
    return set(data.load_contributions()["group"]) == {"troops", "police", "experts"}


def _idn_pledge_and_3552() -> bool:
    """Sourced events rows: the formal 4,000 pledge (2015) and Jokowi's 3,552 (August 2018)."""
    return bool(_event_says("idn-4000-pledge", "2015", "4,000", "Early in 2015",
                            "national development plan for 2015 to 2019")
                and _event_says("idn-jokowi-3552", "2018-08", "3,552"))


def _feb_undid_most() -> bool:
    """January 2020 fell by about 200, February rose by 150 (most of it) and stayed below December 2019."""
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10).set_index("month")["total"]
    change = totals.diff()
    return bool(_feb_2020_rebound() and 0.5 < change["2020-02-01"] / -change["2020-01-01"] < 1)


def _vnm_dec_2019() -> bool:
    return bool(_monthly("VNM")["2019-12-01"] == 76)


def _vietnam_three_steps() -> bool:
    """Centre 2014, field hospital 2018, engineering unit 2022: sourced events rows and the data's jumps."""
    return bool(_event_says("vnm-peacekeeping-centre", "2014", "Peacekeeping Centre")
                and _event_says("vnm-level2-hospital", "2018", "field hospital")
                and _event_says("vnm-engineering-unit", "2022", "engineering unit")
                and _vietnam_steps())


def _council_events() -> bool:
    """Sourced events rows: the 2019-2020 term, the May 2019 presidency theme and resolution 2538 (2020)."""
    return bool(_event_says("idn-unsc-term", "2019", "2019 and 2020", "non-permanent")
                and _event_says("idn-unsc-presidency", "2019-05", "May 2019", "theme")
                and _event_says("unsc-res-2538", "2020-08", "resolution 2538"))


def _ipi_periods() -> bool:
    """months.csv: IPI's country files cover 1990-11 to 2014-03, IPI's gender file 2014-04 to 2014-08, and the
    mission breakdown (with women) starts in 2009-11 and is IPI's until 2014-08."""
    m = data.load_months()
    by_source = m.groupby("source")["month"].agg(["min", "max"])
    ipi = m[m["source"].astype(str).str.startswith("ipi")]
    missions = ipi[ipi["mission_detail"].astype(bool)]
    women = data.load_mission_contributions().dropna(subset=["female"])
    ts = pd.Timestamp
    return bool(by_source.loc["ipi_country_files", "min"] == ts("1990-11-01")
                and by_source.loc["ipi_country_files", "max"] == ts("2014-03-01")
                and by_source.loc["ipi_gender_file", "max"] == ts("2014-08-01")
                and missions["month"].min() == ts("2009-11-01") and missions["month"].max() == ts("2014-08-01")
                and women["month"].min() == ts("2009-11-01"))


def _compilation_licence() -> bool:
    """The project's licence files: the data compilation is CC BY 4.0, the copyright year 2026."""
    terms = (ROOT / "LICENSE-content.md").read_text(encoding="utf-8")
    data_row = next(line for line in terms.splitlines() if line.startswith("| Data |"))
    year = re.search(r"Copyright \(c\) (\d{4}) pkedu contributors", (ROOT / "LICENSE").read_text(encoding="utf-8"))
    return bool("CC BY 4.0" in data_row and "creativecommons.org/licenses/by/4.0/" in terms
                and year is not None and year.group(1) == "2026")


CLAIMS: list[Claim] = [
    # notebook 02
    Claim("bl3-biggest-02", NB02, "against the biggest contributors", _largest_six_2015_2021),
    Claim("bl3-send-most-02", NB02, "Compare it with the countries that send the most.", _largest_six_2015_2021),
    Claim("bl3-six-groups-02", NB02,
          "Below, \"South Asia (4)\" and\n\"East Africa (2)\" mean exactly those six countries", _six_named_groups),
    Claim("bl3-mid-2012-02", NB02, "Thailand's battalion in Darfur (orange), home by mid-2012,",
          _thai_darfur_home_by_mid_2012),
    Claim("bl3-sg-2020-02", NB02, "count of January 2020", _sg_some_5000_from_seven),
    Claim("bl3-not-jan-2019-02", NB02, "That is not the\norder of January 2019 in the data", _not_january_2019_order),
    Claim("bl3-idn-police-02", NB02, "Indonesia is the only ASEAN state with a large police\ncontingent.",
          _idn_only_large_police),
    Claim("bl3-pledge-2015-02", NB02,
          "- **Early 2015:** the goal becomes a formal pledge, written into the national development plan for\n"
          "  2015-2019, under the name \"Vision 4,000 Peacekeepers\".", _idn_pledge_and_3552),
    # questions of notebook 02
    Claim("bl3-trend-noise-q02", Q02,
          "Not a trend: the rise undid most of January's fall of about 200, and February was still below "
          "December 2019", _feb_undid_most),
    # lesson plan 02
    Claim("bl3-groups-lp02", LP02, "The three personnel groups;", _three_personnel_groups),
    Claim("bl3-largest-lp02", LP02, "3. ASEAN and the largest contributors", _largest_six_2015_2021),
    Claim("bl3-rankings-lp02", LP02,
          "Top five in three months, quiz `02-top-2019-01`, the two news reports that used older UN reports",
          _top_five_differs),
    Claim("bl3-pledge-lp02", LP02,
          "8. Indonesia's 4,000 peacekeepers | Pledge chart, the president's 3,552 against the UN's count",
          _idn_pledge_and_3552),
    # notebook 03
    Claim("bl3-centre-2014-03", NB03, "Vietnam's line rises in steps a few years after its centre opened (2014)",
          _vietnam_three_steps),
    Claim("bl3-council-03", NB03, "- **2019-2020:** Indonesia sits on the Security Council as a non-permanent member.",
          _council_events),
    # lesson plan 03
    Claim("bl3-rise-lp03", LP03, "Self-checks `03-rise-2014` (10 or 17 per cent?)",
          lambda: _rise_2014_fits_ten() and abs(_rates()[pd.Timestamp("2014-07-01")] / 1.17 - 1140) <= 5),
    Claim("bl3-standing-lp03", LP03,
          "Indonesia's pledge, Council term, May 2019 theme, resolution 2538;", _council_events),
    Claim("bl3-vnm-steps-lp03", LP03,
          "The steps (centre 2014, field hospital 2018, engineering unit 2022) also built new skills.",
          _vietnam_three_steps),
    Claim("bl3-vnm-76-lp03", LP03, "Vietnam's numbers stayed small (76 people in December 2019 in the data).",
          _vnm_dec_2019),
    # data notes
    Claim("bl3-ipi-periods-readme", README,
          "* **1990-11 to 2014-03 (by country) and 2009-11 to 2014-08 (by mission and gender)**: the IPI Peacekeeping",
          _ipi_periods),
    Claim("bl3-licence-readme", README,
          "is CC BY 4.0: cite \"pkedu contributors, pkedu course data, 2026\".", _compilation_licence),
]
