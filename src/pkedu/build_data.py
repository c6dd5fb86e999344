"""Rebuild the course's ``data/`` folder from the raw source files.

This is a maintainer tool. Students never run it: the curated tables it writes
are committed with the course. Run it as::

    python -m pkedu.build_data RAW_DIR [--out data]

where ``RAW_DIR`` holds the five raw files described in
``docs/data-maintenance.md`` (compiled from the IPI Peacekeeping Database and the
UN's monthly "Troop and police contributors" reports). It writes the five
generated tables and ``manifest.json``, their checksums and row counts, which
:mod:`pkedu.data` checks on every load. The output is deterministic: running
the command twice gives byte-identical files.

Two tables in ``data/`` are compiled by hand and are not touched here (nor
recorded in the manifest): ``events.csv`` and ``reimbursement_rates.csv``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
from pathlib import Path

import pandas as pd

from pkedu import manifest

RAW_FILES = {
    "country_month": "un_peacekeeping_contributions_by_country_month.csv",
    "mission_month": "un_peacekeeping_contributions_by_mission_month.csv.gz",
    "missions": "un_peacekeeping_missions.csv",
    "countries": "country_codes.csv",
    "ipi_totals": "ipi_monthly_totals_1990_2017.csv",
}

#: Months whose male/female split in the UN report cannot be right: in the 2020-08
#: report women make up half of all personnel (6.5 % the months before and after),
#: e.g. 4,547 of Bangladesh's 5,943 troops. The totals are fine; only the split
#: is dropped (left missing).
GENDER_SPLIT_UNRELIABLE: tuple[str, ...] = ("2020-08",)

#: First and last month of the contribution series.
FIRST_MONTH = "1990-11"
LAST_MONTH = "2025-07"


def _read_raw(raw_dir: Path, key: str) -> pd.DataFrame:
    path = raw_dir / RAW_FILES[key]
    if not path.exists():
        raise SystemExit(f"build_data: missing raw file {path.name} in {raw_dir}")
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"note": "string"})


def _month(dates: pd.Series) -> pd.Series:
    """'1990-11-30' -> '1990-11'."""
    return dates.astype("string").str.slice(0, 7)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a CSV (gzipped if the name ends in .gz) byte-for-byte reproducibly."""
    text = df.to_csv(index=False, lineterminator="\n")
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        buf = io.BytesIO()
        # mtime=0 and no file name keep the gzip header identical between runs.
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(data)
        data = buf.getvalue()
    path.write_bytes(data)


def _int_or_empty(s: pd.Series) -> pd.Series:
    return s.astype("Int64")


def _drop_unreliable_gender(df: pd.DataFrame) -> pd.DataFrame:
    bad = df["month"].isin(GENDER_SPLIT_UNRELIABLE)
    df.loc[bad, ["male", "female"]] = pd.NA
    return df


def build_contributions(raw: pd.DataFrame) -> pd.DataFrame:
    """Country x month x personnel type, the course's main table."""
    out = pd.DataFrame(
        {
            "month": _month(raw["date"]),
            "iso3": raw["iso3"],
            "group": raw["personnel_group"],
            "type": raw["personnel_type"],
            "male": _int_or_empty(raw["male"]),
            "female": _int_or_empty(raw["female"]),
            "total": raw["total"].astype("int64"),
        }
    )
    out = _drop_unreliable_gender(out)
    return out.sort_values(["month", "iso3", "group", "type"]).reset_index(drop=True)


def build_months(country_month: pd.DataFrame, mission_month: pd.DataFrame,
                 ipi: pd.DataFrame) -> pd.DataFrame:
    """One row per calendar month, saying whether a report exists."""
    months = pd.period_range(FIRST_MONTH, LAST_MONTH, freq="M").strftime("%Y-%m")
    cm = country_month.assign(month=_month(country_month["date"]))
    source = cm.groupby("month")["source"].first()
    world = cm.groupby("month")["total"].sum()
    countries = cm.groupby("month")["iso3"].nunique()
    mission_months = set(_month(mission_month["date"]))
    ipi_total = ipi.assign(month=_month(ipi["date"])).set_index("month")["total"]
    out = pd.DataFrame({"month": months})
    out["reported"] = out["month"].isin(source.index)
    out["source"] = out["month"].map(source).fillna("")
    out["mission_detail"] = out["month"].isin(mission_months)
    out["world_total"] = out["month"].map(world).astype("Int64")
    out["n_countries"] = out["month"].map(countries).astype("Int64")
    out["world_total_ipi"] = out["month"].map(ipi_total).astype("Int64")
    return out


def build_mission_contributions(raw: pd.DataFrame) -> pd.DataFrame:
    """Country x mission x month x personnel group (types summed)."""
    df = pd.DataFrame(
        {
            "month": _month(raw["date"]),
            "iso3": raw["iso3"],
            "mission": raw["mission"],
            "group": raw["personnel_group"],
            "male": raw["male"],
            "female": raw["female"],
            "total": raw["total"],
        }
    )
    keys = ["month", "iso3", "mission", "group"]
    # min_count=1 keeps a gender split missing (not zero) when no row reported one.
    out = df.groupby(keys, sort=True).agg(
        male=("male", lambda s: s.sum(min_count=1)),
        female=("female", lambda s: s.sum(min_count=1)),
        total=("total", "sum"),
    ).reset_index()
    for col in ("male", "female"):
        out[col] = out[col].astype("Int64")
    out["total"] = out["total"].astype("int64")
    out = _drop_unreliable_gender(out)
    return out[out["total"] > 0].reset_index(drop=True)


def build_missions(raw: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "mission": raw["mission"],
            "host_country": raw["host_country"],
            "host_iso3": raw["host_iso3"],
            "hq": raw["hq"],
            "hq_lat": raw["hq_lat"],
            "hq_lon": raw["hq_lon"],
            "continent": raw["ipi_continent"],
            "region": raw["ipi_region"],
            "first_month": raw["first_month_with_uniformed_personnel"],
            "last_month": raw["last_month_with_uniformed_personnel"],
            "active_2025_07": raw["active_in_latest_month_2025_07"].astype(str) == "True",
        }
    )
    return out.sort_values("mission").reset_index(drop=True)


def build_countries(raw: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "iso3": raw["iso3"],
            "iso2": raw["iso2"],
            "name": raw["country"],
            "continent": raw["continent"],
            "subregion": raw["un_subregion"],
            "asean10": raw["asean10"].astype(str) == "True",
        }
    )
    return out.sort_values("iso3").reset_index(drop=True)


def build(raw_dir: Path, out_dir: Path) -> list[Path]:
    """Build every generated table from ``raw_dir`` into ``out_dir``, and the manifest.

    Returns the paths written, the manifest last.
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    country_month = _read_raw(raw_dir, "country_month")
    mission_month = _read_raw(raw_dir, "mission_month")
    tables = {
        "contributions.csv.gz": build_contributions(country_month),
        "months.csv": build_months(country_month, mission_month, _read_raw(raw_dir, "ipi_totals")),
        "mission_contributions.csv.gz": build_mission_contributions(mission_month),
        "missions.csv": build_missions(_read_raw(raw_dir, "missions")),
        "countries.csv": build_countries(_read_raw(raw_dir, "countries")),
    }
    written = []
    for name, df in tables.items():
        path = out_dir / name
        _write_csv(df, path)
        written.append(path)
    written.append(manifest.write(out_dir, {name: len(df) for name, df in tables.items()}))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pkedu.build_data",
        description="Rebuild the course's curated data tables from the raw source files.",
    )
    parser.add_argument("raw_dir", type=Path, help="folder holding the raw source files")
    parser.add_argument("--out", type=Path, default=Path("data"), help="output folder (default: data)")
    args = parser.parse_args(argv)
    for path in build(args.raw_dir, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
