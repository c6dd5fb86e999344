"""The disk cache of checked tables (pkedu.tablecache): same tables, never stale, never in the way."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pkedu import data, tablecache, validate


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, with the tables read afresh."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PKEDU_CACHE_DIR", str(folder))
    data.clear_cache()
    yield folder
    data.clear_cache()


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every table read from its CSV text from now on."""
    seen: list[str] = []
    parse = validate.parse

    def recording(spec: validate.TableSpec, content: bytes) -> pd.DataFrame:
        seen.append(spec.file)
        return parse(spec, content)

    monkeypatch.setattr(validate, "parse", recording)
    return seen


KEPT = [name for name, spec in data.TABLES.items() if spec.file.endswith(".gz")]


def test_only_the_large_tables_are_kept(cache: Path) -> None:
    assert KEPT == ["contributions", "mission_contributions"]
    for name in data.TABLES:
        data.load_table(name)
    assert sorted(path.name.rpartition("-")[0] for path in cache.iterdir()) == KEPT


@pytest.mark.parametrize("name", KEPT)
def test_a_table_from_the_cache_is_exactly_the_table_read_from_its_file(
        name: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKEDU_CACHE_DIR", "off")
    from_file = data.load_table(name)
    monkeypatch.setenv("PKEDU_CACHE_DIR", str(cache))
    data.clear_cache()
    data.load_table(name)                       # read from the file, and kept
    assert list(cache.glob(f"{name}-*.npz"))
    parses = _parses(monkeypatch)
    data.clear_cache()
    kept = data.load_table(name)
    assert parses == []                         # this time it came from the cache
    pd.testing.assert_frame_equal(kept, from_file, check_exact=True)
    assert kept.dtypes.astype(str).tolist() == from_file.dtypes.astype(str).tolist()


def test_a_changed_data_file_is_read_and_checked_again(
        cache: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data.load_table("contributions")
    parses = _parses(monkeypatch)
    stored = data_copy / "contributions.csv.gz"
    text = gzip.decompress(stored.read_bytes()).replace(b",IDN,", b",XYZ,", 1)
    stored.write_bytes(gzip.compress(text))
    data.clear_cache()
    with pytest.raises(data.DataError, match="XYZ"):
        data.load_table("contributions")
    assert parses[-1] == "contributions.csv.gz"  # after countries.csv, to check its codes


def test_a_changed_file_that_a_table_refers_to_is_checked_again(
        cache: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # contributions.csv.gz is unchanged, but its country codes are checked against
    # countries.csv: once Indonesia's row is gone, the kept table must not be used.
    data.load_table("contributions")
    countries = data_copy / "countries.csv"
    lines = countries.read_text(encoding="utf-8").splitlines(keepends=True)
    countries.write_text("".join(line for line in lines if not line.startswith("IDN,")),
                         encoding="utf-8")
    data.clear_cache()
    with pytest.raises(data.DataError, match="IDN"):
        data.load_table("contributions")


def test_a_damaged_cache_file_is_ignored_and_replaced(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = data.load_table("mission_contributions")
    (kept,) = cache.glob("mission_contributions-*.npz")
    for damage in (b"", b"PK\x03\x04 not a zip", kept.read_bytes()[:200]):
        kept.write_bytes(damage)
        data.clear_cache()
        pd.testing.assert_frame_equal(data.load_table("mission_contributions"), good,
                                      check_exact=True)
        assert kept.read_bytes() != damage      # written again, whole


def test_a_cache_file_with_a_missing_part_is_ignored(cache: Path) -> None:
    good = data.load_table("contributions")
    (kept,) = cache.glob("contributions-*.npz")
    arrays = tablecache.encode(good)
    del arrays["v1"]
    with kept.open("wb") as out:
        np.savez(out, **arrays)
    data.clear_cache()
    pd.testing.assert_frame_equal(data.load_table("contributions"), good, check_exact=True)


def test_a_folder_that_cannot_be_written_only_costs_speed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("PKEDU_CACHE_DIR", str(blocker / "cache"))
    data.clear_cache()
    try:
        assert len(data.load_table("contributions")) > 100_000
    finally:
        data.clear_cache()


def _load_afresh(name: str) -> None:
    """Load ``name`` as a new kernel would (nothing in memory), and forget it again."""
    data.clear_cache()
    try:
        data.load_table(name)
    finally:
        data.clear_cache()


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKEDU_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    _load_afresh("contributions")
    assert list(tmp_path.iterdir()) == []


def test_one_file_per_table_the_newest(cache: Path) -> None:
    table = pd.DataFrame({"total": [1, 2]})
    tablecache.write("events-aaaa", table)
    tablecache.write("events-bbbb", table)
    tablecache.write("events_more-cccc", table)
    assert sorted(p.name for p in cache.iterdir()) == ["events-bbbb.npz", "events_more-cccc.npz"]
    pd.testing.assert_frame_equal(tablecache.read("events-bbbb"), table)


def test_the_key_covers_the_code_that_checks_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    before = tablecache.key("months", [b"same bytes"])
    tablecache._code.cache_clear()
    monkeypatch.setattr("pkedu.__version__", "99.0")
    try:
        assert tablecache.key("months", [b"same bytes"]) != before
    finally:
        tablecache._code.cache_clear()


def test_tables_of_unhandled_types_are_not_kept(cache: Path) -> None:
    odd = pd.DataFrame({"when": pd.to_datetime(["2019-12-01"]).tz_localize("UTC")})
    tablecache.write("odd-0", odd)
    assert tablecache.encode(odd) is None and not cache.exists()


def _tamper(cache: Path, change) -> Path:
    (kept,) = cache.glob("contributions-*.npz")
    arrays = dict(np.load(kept))
    change(arrays)
    with kept.open("wb") as out:
        np.savez(out, **arrays)
    return kept


def _swap_male_female(a: dict) -> None:
    a["names"] = a["names"][[0, 1, 2, 3, 5, 4, 6]]


def _negative_code(a: dict) -> None:
    a["v1"] = a["v1"].copy()
    a["v1"][0] = -3


def _one_total_for_all(a: dict) -> None:
    a["v6"] = np.array(7)


def _total_as_float(a: dict) -> None:
    a["kinds"] = a["kinds"].copy()
    a["kinds"][6] = "float64"
    a["v6"] = a["v6"].astype("float64")


def _fewer_names(a: dict) -> None:
    a["names"], a["kinds"] = a["names"][:5], a["kinds"][:5]


def _negative_total(a: dict) -> None:
    a["v6"] = a["v6"].copy()
    a["v6"][0] = -5


def _fewer_rows(a: dict) -> None:
    for name in list(a):
        if name[0] in "vm":
            a[name] = a[name][:-1]


@pytest.mark.parametrize("change", [_swap_male_female, _negative_code, _one_total_for_all,
                                    _total_as_float, _fewer_names, _negative_total, _fewer_rows])
def test_a_cache_file_that_does_not_fit_the_table_is_not_used(cache: Path, change) -> None:
    good = data.load_table("contributions")
    _tamper(cache, change)
    data.clear_cache()
    pd.testing.assert_frame_equal(data.load_table("contributions"), good, check_exact=True)


def test_a_cache_file_zip_cannot_open_is_ignored_not_raised(cache: Path) -> None:
    good = data.load_table("contributions")
    (kept,) = cache.glob("contributions-*.npz")
    damaged = bytearray(kept.read_bytes())
    entry = damaged.find(b"PK\x01\x02")
    damaged[entry + 8] |= 1  # the "encrypted" flag: zipfile raises RuntimeError
    kept.write_bytes(bytes(damaged))
    for _ in range(2):
        data.clear_cache()
        pd.testing.assert_frame_equal(data.load_table("contributions"), good, check_exact=True)


def test_a_cache_folder_others_can_write_is_not_used(cache: Path) -> None:
    data.load_table("contributions")
    cache.chmod(0o777)
    try:
        data.clear_cache()
        assert tablecache.read(next(cache.glob("contributions-*.npz")).stem) is None
    finally:
        cache.chmod(0o700)


def test_a_relative_cache_folder_is_never_made_beside_the_notebooks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PKEDU_CACHE_DIR", "relative-cache")
    _load_afresh("contributions")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("PKEDU_CACHE_DIR", "~/kept")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert tablecache.folder() == tmp_path / "kept"


def test_leftovers_of_an_interrupted_write_are_removed(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    (cache / "contributions-abc123.tmp").write_bytes(b"half a file")
    data.load_table("contributions")
    assert [p.suffix for p in cache.iterdir()] == [".npz"]
