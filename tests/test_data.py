"""The curated tables load, have the right shape, and bad files give clear errors."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pandas as pd
import pytest

from pkedu import data
from pkedu.data import DataError


@pytest.mark.parametrize("name", list(data.TABLES))
def test_every_table_loads_with_its_columns(name: str) -> None:
    df = data.load_table(name)
    assert list(df.columns) == list(data.TABLES[name].columns)
    assert len(df) > 0


def test_dtypes_are_proper() -> None:
    c = data.load_contributions()
    assert str(c["month"].dtype) == "datetime64[s]"
    assert c["total"].dtype == "int64"
    assert str(c["female"].dtype) == "Int64"
    assert data.load_months()["reported"].dtype == bool


def test_missing_months_are_listed_not_zero() -> None:
    months = data.load_months()
    missing = months.loc[~months["reported"], "month"].dt.strftime("%Y-%m").tolist()
    assert missing == ["2014-09", "2014-10", "2014-11", "2014-12", "2015-03", "2016-03",
                       "2017-03", "2020-06", "2022-07"]
    contributions = data.load_contributions()
    assert not contributions["month"].isin(months.loc[~months["reported"], "month"]).any()
    assert len(months) == 417  # 1990-11 .. 2025-07


def test_gender_split_only_from_2014_04() -> None:
    c = data.load_contributions()
    with_split = c[c["female"].notna()]
    assert with_split["month"].min() == pd.Timestamp("2014-04-01")
    assert c.loc[c["month"] == "2023-09-01", "female"].isna().all()
    # 2020-08's split is unusable (half the world's personnel women): left missing.
    assert c.loc[c["month"] == "2020-08-01", "female"].isna().all()
    assert c.loc[c["month"] == "2020-08-01", "total"].sum() == 81820
    share = c.loc[c["female"].notna()].groupby("month")[["female", "total"]].sum()
    assert (share["female"] / share["total"]).max() < 0.12


def test_asean_flag_matches_constant_and_laos_never_contributes() -> None:
    countries = data.load_countries()
    assert set(countries.loc[countries["asean10"], "iso3"]) == set(data.ASEAN10)
    assert "LAO" not in set(data.load_contributions()["iso3"])
    # Namibia's two-letter code is the text "NA", not a missing value.
    assert countries.set_index("iso3").loc["NAM", "iso2"] == "NA"


def test_loaders_return_copies_that_do_not_change_the_cache() -> None:
    c = data.load_contributions()
    c["total"] = 0
    assert data.load_contributions()["total"].sum() > 0


def _fresh(name: str) -> pd.DataFrame:
    """The table as read from its file now, not from the cache (which is emptied)."""
    data.clear_cache()
    return data.load_table(name)


def _other_value(column: pd.Series) -> object:
    """A value of the column that differs from its first one (to write over the first)."""
    first = repr(column.iloc[0])
    return next((v for v in column.iloc[1:] if repr(v) != first and not pd.isna(v)), None)


WRITES = {
    "array": lambda column: column.array,
    "values": lambda column: column.values,
    "to_numpy": lambda column: column.to_numpy(),
    "__array__": lambda column: column.__array__(),
}


@pytest.mark.parametrize("how", WRITES)
@pytest.mark.parametrize("name", list(data.TABLES))
def test_a_write_into_a_loaded_tables_values_never_changes_the_cache(name: str, how: str) -> None:
    """``t = load(); t["iso3"].array[0] = "XXX"`` wrote into the cached table (copy-on-write
    does not cover writes through .array or .values): every later load in the kernel saw
    "XXX". Now the cached values are read-only, so the write fails with a clear error, or it
    goes into a copy; either way the next load is the table in the file."""
    written, fresh = 0, _fresh(name)
    for column in fresh.columns:
        table = data.load_table(name)
        value = _other_value(table[column])
        if value is None:
            continue
        target = WRITES[how](table[column])
        try:
            target[0] = value
            written += 1
        except ValueError as exc:
            assert "read-only" in str(exc)
        assert repr(data.load_table(name)[column].iloc[0]) != repr(value), (name, column)
    if how == "array":
        assert written == 0, "a column's .array took the write"
    pd.testing.assert_frame_equal(data.load_table(name), fresh)


def test_loaded_tables_still_change_like_any_table() -> None:
    """Read-only cached values do not get in the way of ordinary pandas: each change goes
    into the caller's copy, and the cache keeps the table as read."""
    changes = [
        lambda t: t.loc.__setitem__((0, "total"), 5),
        lambda t: t.loc.__setitem__((t["iso3"] == "IDN", "group"), "soldiers"),
        lambda t: t.iloc.__setitem__((1, 4), 3),
        lambda t: t.__setitem__("total", t["total"] * 2),
        lambda t: t.fillna({"male": 0}, inplace=True),
        lambda t: t.replace({"iso3": {"IDN": "INA"}}, inplace=True),
        lambda t: t["month"].array.copy().__setitem__(0, pd.Timestamp("1900-01-01")),
    ]
    fresh = _fresh("contributions")
    for change in changes:
        table = data.load_contributions()
        change(table)
    pd.testing.assert_frame_equal(data.load_contributions(), fresh)
    mine = data.load_contributions()
    mine.loc[0, "iso3"] = "XXX"
    assert mine.loc[0, "iso3"] == "XXX" and data.load_contributions().loc[0, "iso3"] != "XXX"


def test_tables_loaded_before_clear_cache_become_ordinary_tables() -> None:
    fresh = _fresh("countries").copy(deep=True)
    table = data.load_countries()
    data.clear_cache()
    table.loc[0, "iso3"] = "XXX"  # no cache behind it: pandas writes in place
    table["name"].array[1] = "Somewhere"
    assert table["iso3"].iloc[0] == "XXX" and table["name"].iloc[1] == "Somewhere"
    pd.testing.assert_frame_equal(data.load_countries(), fresh)


def test_events_and_rates_are_sourced() -> None:
    events = data.load_events()
    assert events["source_urls"].str.contains("http").all()
    assert events["disputed"].any()
    rates = data.load_reimbursement_rates()
    assert rates["source_urls"].str.contains("http").all()
    assert rates["rate_usd"].is_monotonic_increasing


# --- damaged files -------------------------------------------------------------------------

def _rewrite_csv(path: Path, edit) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    edit(lines)
    with opener(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "months.csv").unlink()
    with pytest.raises(DataError, match=r"months\.csv: file not found.*git checkout"):
        data.load_months()


def test_truncated_gzip(data_copy: Path) -> None:
    path = data_copy / "contributions.csv.gz"
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(DataError, match=r"contributions\.csv\.gz: the file is damaged"):
        data.load_contributions()


def test_binary_garbage(data_copy: Path) -> None:
    (data_copy / "missions.csv").write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DataError, match=r"missions\.csv"):
        data.load_missions()


def test_negative_number_names_the_line(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        lines[11] = lines[11].rsplit(",", 1)[0] + ",-3"
    _rewrite_csv(data_copy / "contributions.csv.gz", edit)
    with pytest.raises(DataError, match=r"contributions\.csv\.gz, line 12: column 'total' must "
                                        r"not be negative, found -3"):
        data.load_contributions()


def test_text_in_a_number_column(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        lines[4] = lines[4].rsplit(",", 1)[0] + ",lots"
    _rewrite_csv(data_copy / "contributions.csv.gz", edit)
    with pytest.raises(DataError, match=r"line 5: column 'total' must hold a whole number, "
                                        r"found 'lots'"):
        data.load_contributions()


def test_unknown_country_code(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        lines[2] = lines[2].replace(",AUS,", ",XYZ,", 1)
    _rewrite_csv(data_copy / "contributions.csv.gz", edit)
    with pytest.raises(DataError, match=r"line 3: unknown country code 'XYZ'"):
        data.load_contributions()


def test_duplicate_key(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        lines.insert(3, lines[2])
    _rewrite_csv(data_copy / "missions.csv", edit)
    with pytest.raises(DataError, match=r"missions\.csv, line 4: duplicate row for mission="):
        data.load_missions()


def test_missing_column(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        for i, line in enumerate(lines):
            lines[i] = line.rsplit(",", 1)[0]
    _rewrite_csv(data_copy / "countries.csv", edit)
    with pytest.raises(DataError, match=r"countries\.csv: missing columns \['asean10'\]"):
        data.load_countries()


def test_bad_month(data_copy: Path) -> None:
    def edit(lines: list[str]) -> None:
        lines[1] = "1990-13" + lines[1][7:]
    _rewrite_csv(data_copy / "months.csv", edit)
    with pytest.raises(DataError, match=r"line 2: column 'month' must be a month like 2019-12, "
                                        r"found '1990-13'"):
        data.load_months()


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "reimbursement_rates.csv").write_text("")
    with pytest.raises(DataError, match=r"reimbursement_rates\.csv: the file is damaged"):
        data.load_reimbursement_rates()


# The large tables read their codes and months as categories; the same problems must still
# be found, with the same lines.
@pytest.mark.parametrize(("file", "line", "edit_line", "message"), [
    ("contributions.csv.gz", 4, lambda lines: lines.insert(3, lines[2]),
     r"duplicate row for month=1990-11-01 00:00:00, iso3=AUS"),
    ("mission_contributions.csv.gz", 3,
     lambda lines: lines.__setitem__(2, "2009-1x" + lines[2][7:]),
     r"column 'month' must be a month like 2019-12, found '2009-1x'"),
    ("contributions.csv.gz", 6,
     lambda lines: lines.__setitem__(5, lines[5].replace(",troops,", ",,", 1)),
     r"column 'group' is empty"),
    ("mission_contributions.csv.gz", 5,
     lambda lines: lines.__setitem__(4, lines[4].replace(",troops,", ",sailors,", 1)),
     r"column 'group' must be one of \['troops', 'police', 'experts'\], found 'sailors'"),
])
def test_problems_in_the_large_tables(data_copy: Path, file: str, line: int,
                                      edit_line: object, message: str) -> None:
    _rewrite_csv(data_copy / file, edit_line)
    loader = data.load_contributions if file.startswith("contributions") \
        else data.load_mission_contributions
    with pytest.raises(DataError, match=rf"{re.escape(file)}, line {line}: {message}"):
        loader()


def test_duplicated_rows_are_found_as_pandas_finds_them() -> None:
    import numpy as np

    from pkedu.validate import duplicated

    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(1, 300))
        df = pd.DataFrame({
            "text": pd.array(rng.choice(["a", "b", "c", None], n), dtype="string"),
            "code": pd.Categorical(rng.choice(["X", "Y", "Z"], n)),
            "month": pd.to_datetime(rng.choice(["2019-01", "2019-02", None], n), format="%Y-%m"),
            "n": pd.array(rng.choice([1, 2, None], n), dtype="Int64"),
        })
        for key in [("text",), ("code", "month"), ("text", "code", "month", "n")]:
            expected = df.duplicated(list(key), keep="first")
            pd.testing.assert_series_equal(duplicated(df, key), expected, check_names=False)
