"""Prose claims of data/README.md (the data dictionary): each computes its numbers from the tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pkedu import data

from test_prose_claims import Claim, near
from prose_claim_helpers import README

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


# --- helpers --------------------------------------------------------------------------------

def _months_range() -> bool:
    m = data.load_months()
    full = pd.date_range("1990-11-01", "2025-07-01", freq="MS")
    return bool(list(m["month"]) == list(full))


def _mission_table_range() -> bool:
    mc = data.load_mission_contributions()
    return bool(len(mc) == 133606 and mc["month"].min() == pd.Timestamp("2009-11-01")
                and mc["month"].max() == pd.Timestamp("2025-07-01"))


def _un_reports_2015_2025() -> bool:
    m = data.load_months()
    un = m[m["source"] == "un_dpo_pdf"]
    period = m[m["month"] >= "2015-01-01"]
    return bool(len(un) == 122 and un["month"].min() == pd.Timestamp("2015-01-01")
                and un["month"].max() == pd.Timestamp("2025-07-01") and (~period["reported"]).sum() == 5)


def _ipi_world_total() -> bool:
    m = data.load_months()
    ipi = m[m["world_total_ipi"].notna()]
    late_2014 = m[m["month"].between("2014-09-01", "2014-12-01")]
    return bool(ipi["month"].min() == pd.Timestamp("1990-11-01") and ipi["month"].max() == pd.Timestamp("2017-03-01")
                and late_2014["world_total"].isna().all() and late_2014["world_total_ipi"].notna().all())


def _gender_columns() -> bool:
    """Split from 2014-04 on; empty before, for 2023-09 and for 2020-08 (totals kept), in both tables."""
    ok = True
    for table in (data.load_contributions(), data.load_mission_contributions()):
        has = table.dropna(subset=["female"])
        for month in ("2020-08-01", "2023-09-01"):
            rows = table[table["month"] == month]
            ok = ok and (len(rows) == 0 or rows["female"].isna().all())
        aug = table[table["month"] == "2020-08-01"]
        ok = ok and (len(aug) == 0 or aug["total"].notna().all())
        ok = ok and bool(has["month"].min() >= pd.Timestamp("2009-11-01"))
    c = data.load_contributions()
    return bool(ok and c.dropna(subset=["female"])["month"].min() == pd.Timestamp("2014-04-01")
                and len(c[c["month"] == "2020-08-01"]) > 0)


def _mission_detail_gaps() -> bool:
    m = data.load_months()
    missing = m[(m["month"] >= "2009-11-01") & ~m["mission_detail"]]
    unreported = missing[~missing["reported"]]
    reported = set(missing.loc[missing["reported"], "month"])
    expected = set(pd.date_range("2018-03-01", "2019-08-01", freq="MS")) | {pd.Timestamp("2023-09-01")}
    return bool(m.loc[m["mission_detail"], "month"].min() == pd.Timestamp("2009-11-01")
                and reported == expected and len(unreported) == 9 and (~m["reported"]).sum() == 9)


def _mission_shortfall() -> bool:
    """2009-11 to 2012-12: mission rows sum to 75-150 a month (about 0.1 %) less than the country totals."""
    c = data.load_contributions().groupby("month")["total"].sum()
    mc = data.load_mission_contributions().groupby("month")["total"].sum()
    gap = (c - mc)["2009-11-01":"2012-12-01"].dropna()
    share = (gap / c["2009-11-01":"2012-12-01"]).dropna()
    return bool(gap.min() >= 75 and gap.max() <= 150 and near(share.mean(), 0.001, 0.0005))


def _seventeen_rows() -> bool:
    mc = data.load_mission_contributions().dropna(subset=["male", "female"])
    odd = mc[mc["male"] + mc["female"] != mc["total"]]
    egypt = odd[(odd["iso3"] == "EGY") & (odd["mission"] == "UNMISS") & (odd["month"] == "2011-08-01")
                & (odd["group"] == "troops")]
    eth = odd[odd["iso3"] == "ETH"]
    return bool(len(odd) == 17 and odd["month"].min() == pd.Timestamp("2009-11-01")
                and odd["month"].max() == pd.Timestamp("2011-09-01")
                and set(odd["iso3"]) == {"EGY", "ETH"} and set(odd.loc[odd["iso3"] == "EGY", "mission"]) == {"UNMIS", "UNMISS"}
                and set(eth["mission"]) == {"UNMIL"} and set(eth["month"]) == {pd.Timestamp("2010-02-01")}
                and egypt[["male", "female", "total"]].values.tolist() == [[9, 0, 1506]])


def _march_1991() -> bool:
    c = data.load_contributions()
    n = c[c["total"] > 0].groupby("month")["iso3"].nunique()
    present = {mo: set(c.loc[c["month"] == mo, "iso3"]) for mo in ("1991-02-01", "1991-03-01", "1991-04-01")}
    asean = set(data.ASEAN10)
    return bool(n["1991-03-01"] == 37 and n["1991-02-01"] == 46 and n["1991-04-01"] == 46
                and not present["1991-03-01"] & asean
                and {"IDN", "MYS"} <= present["1991-02-01"] and {"IDN", "MYS"} <= present["1991-04-01"])


def _source_breaks() -> bool:
    m = data.load_months().set_index("month")["source"]
    return bool(m["2014-03-01"] != m["2014-04-01"] and m["2014-08-01"] != m["2015-01-01"]
                and m["2014-04-01"] == m["2014-08-01"])


def _data_files() -> bool:
    """Seven tables (five generated, two by hand) plus manifest.json; about 1.1 MB in all."""
    tables = sorted(p.name for p in DATA_DIR.iterdir() if p.name.endswith((".csv", ".csv.gz")))
    size = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.name != "README.md")
    return bool(len(tables) == 7 and (DATA_DIR / "manifest.json").exists()
                and {"events.csv", "reimbursement_rates.csv"} <= set(tables) and near(size / 1e6, 1.1, 0.05))


CLAIMS: list[Claim] = [
    Claim("readme-months", (README,), "| `month` | every month from 1990-11 to 2025-07 |", _months_range),
    Claim("readme-mission-table", (README,),
          "| 133,606 | a country's personnel of one group in one mission in one month, 2009-11 to 2025-07 (with gaps) |",
          _mission_table_range),
    Claim("readme-un-reports", (README,),
          "* **2015-01 to 2025-07**: the UN DPO monthly PDF reports, read number by number: 122 monthly reports (the\n"
          "  five months of this period without one", _un_reports_2015_2025),
    Claim("readme-ipi-world", (README,),
          "IPI's own world total, 1990-11 to 2017-03 (used as a cross-check, and the only world figure for "
          "2014-09 to 2014-12)",
          _ipi_world_total),
    Claim("readme-gender-columns", (README,),
          "reported from 2014-04 on (empty before; empty for 2023-09, whose report has no gender split; empty for "
          "2020-08, whose split cannot be right, see below)", _gender_columns),
    Claim("readme-2020-08-kept", (README,),
          "only `male` and\n  `female` are left empty for 2020-08, in both contribution tables.", _gender_columns),
    Claim("readme-mission-gaps", (README,),
          "* **Mission detail** starts in 2009-11 and is missing for 2018-03 to 2019-08 and 2023-09 (the UN published\n"
          "  country totals only), as well as for the nine months above.", _mission_detail_gaps),
    Claim("readme-shortfall", (README,),
          "* **2009-11 to 2012-12 by mission** sums to 75-150 people a month (about 0.1 %) less than the country totals",
          _mission_shortfall),
    Claim("readme-17-rows", (README,),
          "* **17 rows by mission of 2009-11 to 2011-09** (Egypt in UNMIS and UNMISS, and Ethiopia in UNMIL in\n"
          "  2010-02) have `male` + `female` different from `total` in the source, IPI's gender file (for example\n"
          "  Egypt's UNMISS troops in 2011-08: 9 men, 0 women, 1,506 in total).", _seventeen_rows),
    Claim("readme-1991-03", (README,),
          "* **1991-03 looks incomplete.** IPI lists 37 contributing countries that month against 46 in the months\n"
          "  before and after, and no ASEAN state (Indonesia and Malaysia are there in 1991-02 and 1991-04).",
          _march_1991),
    Claim("readme-breaks", (README,), "* **Breaks between sources** fall at 2014-03/04 and at 2014-08/2015-01.",
          _source_breaks),
    Claim("readme-files", (README,), "Seven small tables", _data_files),
    Claim("readme-five-two", (README,),
          "Five are generated\nfrom the raw UN and IPI figures; two (`events.csv`, `reimbursement_rates.csv`)", _data_files),
    Claim("readme-size", (README,), "Total size is about 1.1 MB. An eighth file, `manifest.json`", _data_files),
]
