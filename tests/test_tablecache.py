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


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKEDU_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    data.clear_cache()
    try:
        data.load_table("contributions")
    finally:
        data.clear_cache()
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
