"""Prose claims of data/README.md, notebooks 04 and 05, their questions and lesson plans (second pass).

Each claim computes its numbers from the course's tables, or from the question registry when the prose
states what a check expects (a formula, a month, a threshold): then the claim recomputes the prose's
recipe from the data and compares it with the check's answer, so the two cannot drift apart.
Claims marked "raw" also read the maintainers' raw files when ``PKEDU_RAW_DATA`` is set (and skip that
part otherwise).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from pkedu import analysis, data
from pkedu.apps.consensus import RECORD
from pkedu.checks.checker import check, reset
from pkedu.questions import get

from test_prose_claims import Claim, near
from prose_claim_helpers import LP04, LP05, NB04, NB05, Q04, Q05, README, ROOT


# --- helpers: tables, the raw files, the question registry -----------------------------------------

def raw(name: str) -> pd.DataFrame:
    """A raw source file (maintainers only): the claim's raw part is skipped without it."""
    folder = os.environ.get("PKEDU_RAW_DATA")
    if not folder:
        pytest.skip("set PKEDU_RAW_DATA to check this claim against the raw files")
    return pd.read_csv(Path(folder) / name, low_memory=False)


def months(*labels: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(f"{label}-01") for label in labels]


def unreported() -> set[pd.Timestamp]:
    m = data.load_months()
    return set(m.loc[~m["reported"], "month"])


def expected(question_id: str) -> float:
    return get(question_id).expected()


def ranking(when: str, **kwargs) -> pd.DataFrame:
    return analysis.ranking(data.load_contributions(), when, **kwargs)


def yearly_mean(iso3: str, year: int, how: str = "mean") -> float:
    monthly = analysis.monthly_totals(data.load_contributions(), countries=iso3)
    return float(analysis.annual(monthly, how).set_index("year").loc[year, "total"])


def unifil_brn_mys() -> pd.Series:
    rows = analysis.where_they_serve(data.load_mission_contributions(), ["BRN", "MYS"], "2019-12")
    return rows[rows["mission"] == "UNIFIL"].set_index("iso3")["total"]


def read_as_percent(question_id: str, fraction: float) -> bool:
    """A share between 0 and 1 is accepted and the student is told it was read as per cent."""
    result = check(question_id, fraction)
    reset()
    said = f"{100 * fraction:g}"
    return bool(result.correct and said in result.message and "per cent" in result.message)


# --- data/README.md --------------------------------------------------------------------------------

def _totals_positive() -> bool:
    return all(bool((t["total"] > 0).all() and (t["total"] % 1 == 0).all())
               for t in (data.load_contributions(), data.load_mission_contributions()))


def _no_row_means_zero_or_no_report() -> bool:
    """Reported months have rows, months without a report have none: months.csv tells them apart."""
    with_rows = set(data.load_contributions()["month"])
    m = data.load_months()
    return bool(with_rows == set(m.loc[m["reported"], "month"]) and not with_rows & unreported())


def _two_by_hand() -> bool:
    """Five tables are generated (the manifest lists them); events and rates are the two others."""
    generated = set(json.loads((ROOT / "data" / "manifest.json").read_text())["files"])
    tables = {p.name for p in (ROOT / "data").iterdir() if p.name.endswith((".csv", ".csv.gz"))}
    return bool(len(generated) == 5 and tables - generated == {"events.csv", "reimbursement_rates.csv"})


def _types_by_period() -> bool:
    c = data.load_contributions()
    before = set(c.loc[c["month"] < "2014-04-01", "type"])
    after = set(c.loc[c["month"] >= "2014-04-01", "type"])
    return bool(before == {"Troops", "Police", "Experts"} and after == {
        "Troops", "Staff Officer", "Individual Police", "Formed Police Units", "Experts on Mission"})


def _ipi_overlap_2015_05() -> bool:
    m = data.load_months()
    both = m[(m["source"] == "un_dpo_pdf") & m["world_total_ipi"].notna()]
    differ = both[both["world_total"] != both["world_total_ipi"]]
    return bool(len(both) == 23 and list(differ["month"]) == months("2015-05")
                and int(differ["world_total"].iloc[0]) == 106506
                and int(differ["world_total_ipi"].iloc[0]) == 106173)


def _citation_spans() -> bool:
    m = data.load_months()
    ipi = m[m["source"].str.startswith("ipi") & m["reported"]]
    return bool(m["month"].min().year == 1990 and m["month"].max().year == 2025
                and ipi["month"].min().year == 1990 and ipi["month"].max().year == 2014)


def _late_2014() -> bool:
    m = data.load_months().set_index("month")
    late = months("2014-09", "2014-10", "2014-11", "2014-12")
    return bool(set(late) <= unreported() and m.loc[late, "world_total_ipi"].notna().all())


def _mirror_months() -> bool:
    """The five months of 2015-2022 without a usable report are gaps between UN reports."""
    m = data.load_months().set_index("month")
    gaps = months("2015-03", "2016-03", "2017-03", "2020-06", "2022-07")
    neighbours = [g + pd.DateOffset(months=k) for g in gaps for k in (-1, 1)]
    return bool(set(gaps) <= unreported() and (m.loc[neighbours, "source"] == "un_dpo_pdf").all())


def _first_rate() -> bool:
    r = data.load_reimbursement_rates().sort_values("effective_from").iloc[0]
    return bool(r["rate_usd"] == 1210 and bool(r["approximate"]) and str(r["effective_from"]).startswith("1992")
                and "revised in 1992" in r["note"] and "supplements" in r["note"])


def _last_rate() -> bool:
    r = data.load_reimbursement_rates().sort_values("effective_from").iloc[-1]
    return bool(str(r["effective_from"]) == "2018-07-01" and "No later revision" in r["note"])


def _missions_first_last() -> bool:
    """first_month/last_month bound the months with personnel; they are the first month for later missions."""
    mc = data.load_mission_contributions()
    span = mc[mc["total"] > 0].groupby("mission")["month"].agg(["min", "max"])
    j = span.join(data.load_missions().set_index("mission")[["first_month", "last_month"]])
    later = j[j["min"] > pd.Timestamp("2009-11-01")]
    return bool((j["first_month"] <= j["min"]).all() and (j["last_month"] >= j["max"]).all()
                and (later["first_month"] == later["min"]).all() and len(later) > 10)


def _male_female_add_up() -> bool:
    def differ(t: pd.DataFrame) -> int:
        b = t.dropna(subset=["male", "female"])
        return int((b["male"] + b["female"] != b["total"]).sum())
    return differ(data.load_contributions()) == 0 and differ(data.load_mission_contributions()) == 17


def _clipped_names_2019_09() -> bool:
    """Raw: 35 mission rows of the 2019-09 report carry a note (names matched to neighbouring months)."""
    mc = data.load_mission_contributions()
    if not (mc["month"] == "2019-09-01").any():
        return False
    notes = raw("un_peacekeeping_contributions_by_mission_month.csv.gz").dropna(subset=["note"])
    return bool(len(notes) == 35 and set(notes["date"]) == {"2019-09-30"})


def _gender_2020_08() -> bool:
    """Totals kept, split left out; raw: 41,183 women of 81,820, 4,547 of Bangladesh's 5,943 troops."""
    c = data.load_contributions()
    aug = c[c["month"] == "2020-08-01"]
    bgd = aug[(aug["iso3"] == "BGD") & (aug["type"] == "Troops")]
    around = [c[c["month"] == m] for m in ("2020-07-01", "2020-09-01")]
    shares = [float(t["female"].sum() / t["total"].sum()) for t in around]
    if not (int(aug["total"].sum()) == 81820 and aug["female"].isna().all() and int(bgd["total"].sum()) == 5943
            and all(near(s, 0.065, 0.0005) for s in shares)):
        return False
    r = raw("un_peacekeeping_contributions_by_country_month.csv")
    r = r[r["date"].str.startswith("2020-08")]
    rb = r[(r["iso3"] == "BGD") & (r["personnel_type"] == "Troops")]
    women = int(r["female"].sum())
    return bool(women == 41183 and int(r["total"].sum()) == 81820 and 0.5 < women / 81820 < 0.51
                and int(rb["female"].sum()) == 4547)


# --- notebooks 04 and 05 ---------------------------------------------------------------------------

def _four_proposals() -> bool:
    e = data.load_events()
    p = e[e["category"] == "force_proposal"]
    return bool(len(p) == 4 and p["date"].str[:4].astype(int).tolist() == [1995, 2004, 2015, 2021])


def _over_500_is_the_check() -> bool:
    table = ranking("2015-02", countries=data.ASEAN10)
    return bool((table["total"] > 500).sum() == expected("04-members-over-500") == 3)


def _idn_share_recipe() -> bool:
    table = ranking("2015-02", countries=data.ASEAN10).set_index("iso3")["total"]
    return near(table["IDN"] / table.sum() * 100, expected("04-idn-share-2015"), 1e-9)


def _pledge_recipe() -> bool:
    return near(yearly_mean("IDN", 2019) / 4000 * 100, expected("05-idn-pledge-2019"), 1e-9)


def _brunei_share_recipe() -> bool:
    t = unifil_brn_mys()
    return near(t["BRN"] / (t["BRN"] + t["MYS"]) * 100, expected("05-brunei-share"), 1e-9)


def _force_cost_recipe() -> bool:
    from pkedu.apps.force_builder import force_model
    from pkedu.questions.nb05 import STARTING_FORCE

    rate = data.load_reimbursement_rates().sort_values("effective_from").iloc[-1]
    people = force_model(STARTING_FORCE).numbers["reimbursable"]
    cost = expected("05-force-cost")
    return bool(rate["rate_usd"] == 1428 and str(rate["effective_from"]) == "2018-07-01"
                and near(people * 1428 * 12, cost, 0.5)
                and near(get("05-force-cost").mistakes[0][0]() * 12, cost, 0.5))


def _khm_december_2019() -> bool:
    rank = ranking("2019-12").set_index("iso3").loc["KHM", "rank"]
    where = analysis.where_they_serve(data.load_mission_contributions(), ["KHM"], "2019-12")
    return bool(rank == expected("05-khm-rank-2019") and len(where) == expected("05-khm-missions")
                and all("December 2019" in get(q).prompt for q in ("05-khm-rank-2019", "05-khm-missions")))


def _brunei_table_december_2019() -> bool:
    return bool(unifil_brn_mys()["BRN"] == expected("05-brunei-unifil")
                and "December 2019" in get("05-brunei-unifil").prompt)


def _vietnam_2022_minus_2021() -> bool:
    year_end = yearly_mean("VNM", 2022, "year_end") - yearly_mean("VNM", 2021, "year_end")
    mean = yearly_mean("VNM", 2022) - yearly_mean("VNM", 2021)
    return bool(year_end > 0 and year_end == expected("05-vnm-growth") and not near(mean, year_end, 1))


def _idn_largest_asean_december_2019() -> bool:
    return ranking("2019-12", countries=data.ASEAN10).iloc[0]["iso3"] == "IDN"


def _who_led() -> bool:
    """Malaysia first in 1994 and 1995 (over 1,400 a year), Indonesia first from 2007, then Malaysia and Cambodia."""
    table = pd.DataFrame({iso3: analysis.annual(analysis.monthly_totals(data.load_contributions(), countries=iso3),
                                                how="mean").set_index("year")["total"]
                          for iso3 in data.ASEAN10}).fillna(0)
    order = table.apply(lambda row: list(row.sort_values(ascending=False).index[:3]), axis=1)
    mys = all(order[y][0] == "MYS" and table.loc[y, "MYS"] > 1400 for y in (1994, 1995))
    idn = all(order[y][0] == "IDN" for y in order.index if y >= 2007)
    next_two = all(order[y][1:] == ["MYS", "KHM"] for y in order.index if y >= 2015)
    return bool(mys and idn and next_two)


# --- lesson plans ----------------------------------------------------------------------------------

def _supporters_fewer_than_six() -> bool:
    support = [c for c in data.ASEAN10 if RECORD[c].stance == "support"]
    return bool(len(support) == 4 and set(support) == {"IDN", "KHM", "MYS", "PHL"})


def _support_on_record() -> bool:
    e = data.load_events()
    p = e[(e["category"] == "force_proposal") & e["date"].str.startswith("2004")]
    return bool(all(RECORD[c].stance == "support" and "2015" in RECORD[c].record for c in ("KHM", "PHL"))
                and [codes.split(";")[0] for codes in p["iso3"]] == ["IDN"])


def _vietnam_2004_and_growth() -> bool:
    grows = (yearly_mean("VNM", 2019) > 2 * yearly_mean("VNM", 2017)
             and yearly_mean("VNM", 2023) > 2 * yearly_mean("VNM", 2021))
    return bool(RECORD["VNM"].stance == "oppose" and "2004" in RECORD["VNM"].record and grows)


CLAIMS: list[Claim] = [
    # data/README.md
    Claim("b0405-total-positive", (README,), "| `total` | whole number > 0 | personnel deployed |", _totals_positive),
    Claim("b0405-rows-above-zero", (README,), "Only rows with a total above zero are stored.", _totals_positive),
    Claim("b0405-two-apart", (README,), "A month with no report at all has no rows; `months.csv` tells the two apart.",
          _no_row_means_zero_or_no_report),
    Claim("b0405-two-by-hand", (README,), "how to edit the two hand-compiled ones", _two_by_hand),
    Claim("b0405-types", (README,), "`Troops`, `Police`, `Experts` until 2014-03; from 2014-04 `Troops`",
          _types_by_period),
    Claim("b0405-ipi-2015-05", (README,), "the exception is 2015-05, where the report sums to 106,506 and\n  IPI has "
          "106,173.", _ipi_overlap_2015_05),
    Claim("b0405-cite-spans", (README,), "monthly reports, 1990-2025* and, for 1990-2014,", _citation_spans),
    Claim("b0405-late-2014", (README,), "No country-level source was found for late 2014.", _late_2014),
    Claim("b0405-mirror-months", (README,), "files for 2015-03, 2016-03 and 2017-03 are copies of the April reports, "
          "the file for 2020-06 is a copy\n  of the June 2022 report, and 2022-07 is missing.", _mirror_months),
    Claim("b0405-first-rate", (README,), "The first row is an approximation (a reported average of\n$1,210 including "
          "supplements, with the base rate last revised in 1992).", _first_rate),
    Claim("b0405-last-rate", (README,), "No revision after July 2018 was found\nin the sources checked.", _last_rate),
    Claim("b0405-first-last-month", (README,), "`first_month`, `last_month` (the first and last month with uniformed "
          "personnel\nin the data", _missions_first_last),
    Claim("b0405-add-up", (README,), "They are kept as published; everywhere\n  else the two add up.",
          _male_female_add_up),
    Claim("b0405-clipped", (README,), "* **One 2019-09 report clipped long country names**; 35 mission rows were "
          "attributed", _clipped_names_2019_09),
    Claim("b0405-gender-2020-08", (README,), "personnel (41,183 of 81,820), against 6.5 % in the months before and "
          "after (for example 4,547 women among\n  Bangladesh's 5,943 troops)", _gender_2020_08),
    Claim("b0405-gender-2020-08-head", (README,), "* **The gender split of 2020-08 is left out.** In that month's "
          "report women would be half of all uniformed", _gender_2020_08),
    # notebook 04
    Claim("b0405-four-proposals", (NB04,), "## 2. The record: four proposals, no force", _four_proposals),
    Claim("b0405-over-500", (NB04,), "how many members had **more than 500** people deployed. "
          "`asean_2015[\"total\"] > 500` is\n   True for each such row", _over_500_is_the_check),
    Claim("b0405-idn-share-recipe", (NB04,), "Indonesia's\n   total (read it in the table) divided by the ASEAN "
          "total, times 100.", _idn_share_recipe),
    # notebook 05
    Claim("b0405-pledge-recipe", (NB05,), "Replace `...` with the per cent: that average divided by 4000, times 100.",
          _pledge_recipe),
    Claim("b0405-pledge-2019", (NB05,), "02) and read the 2019 one.", _pledge_recipe),
    Claim("b0405-brunei-share-recipe", (NB05,), "Brunei's number divided by the two numbers added together, times "
          "100.", _brunei_share_recipe),
    Claim("b0405-force-cost-recipe", (NB05,), "reimbursable people × 1428 US dollars a month × 12 months",
          _force_cost_recipe),
    Claim("b0405-khm-rank-month", (NB05,), "`khm_rank`: Cambodia's world rank in December 2019.", _khm_december_2019),
    Claim("b0405-khm-missions-month", (NB05,), "`khm_missions`: in how many UN missions Cambodia had anyone in "
          "December 2019.", _khm_december_2019),
    Claim("b0405-brunei-table-month", (NB05,), "for Brunei and Malaysia\nin December 2019)",
          _brunei_table_december_2019),
    Claim("b0405-vnm-growth-recipe", (NB05,), "Replace `...` with the 2022 figure minus the 2021\nfigure",
          _vietnam_2022_minus_2021),
    Claim("b0405-largest-asean", (NB05,), "the\nlargest ASEAN contributor", _idn_largest_asean_december_2019),
    Claim("b0405-who-led", (NB04,), "Malaysia sent the most in 1994\nand 1995 (more than 1,400 people on average in "
          "each year); since 2007 Indonesia has been the largest every year,\nand since 2015 Malaysia and Cambodia "
          "have come next.", _who_led),
    # questions
    Claim("b0405-q05-force-cost-12", (Q05,), "That is the cost of one month. Multiply by 12 months as well.",
          _force_cost_recipe),
    # lesson plans
    Claim("b0405-lp04-fraction", (LP04,), "**A share between 0 and 1 instead of per cent.** `04-idn-share-2015` asks "
          "for per cent, like every share in\n  the course; a share such as 0.49 is accepted and the student is told "
          "it was read as 49 per cent.", lambda: read_as_percent("04-idn-share-2015", 0.49)),
    Claim("b0405-lp05-fraction", (LP05,), "**Brunei's share as a number between 0 and 1.** The course asks for per "
          "cent; 0.035 is accepted and the\n  student is told it was read as 3.5 per cent.",
          lambda: read_as_percent("05-brunei-share", 0.035)),
    Claim("b0405-lp04-six-of-ten", (LP04,), "Suppose six of ten supporters were\nenough. Would the 2015 proposal have "
          "passed?", _supporters_fewer_than_six),
    Claim("b0405-lp04-support-on-record", (LP04,), "**Support on record**: Cambodia and the Philippines backed "
          "Malaysia in 2015; Indonesia proposed a force in\n  2004.", _support_on_record),
    Claim("b0405-lp04-vietnam", (LP04,), "Vietnam as a growing partner with specialised units despite its 2004 "
          "scepticism", _vietnam_2004_and_growth),
    Claim("b0405-plans-four-proposals", ("docs/lesson-plans/README.md",), "four failed proposals and how far they "
          "were discussed", _four_proposals),
    Claim("b0405-lp05-brunei-30", (LP05,), "Use Brunei as the worked case: 30 Bruneians inside the Malaysian "
          "battalion in UNIFIL", lambda: unifil_brn_mys()["BRN"] == 30),
    Claim("b0405-lp05-end-of-2022", (LP05,), "Ask them to reread the exercise: \"at the end of 2022\".",
          _vietnam_2022_minus_2021),
]
