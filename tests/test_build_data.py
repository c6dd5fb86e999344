"""data/ is rebuilt by the committed command, deterministically.

These tests need the raw source files, which are not part of the repository;
set PKEDU_RAW_DATA to their folder to run them (CI does).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pkedu import build_data

ROOT = Path(__file__).resolve().parents[1]
RAW = os.environ.get("PKEDU_RAW_DATA")

pytestmark = [pytest.mark.raw,
              pytest.mark.skipif(not RAW, reason="set PKEDU_RAW_DATA to the raw files' folder")]


def test_rebuild_is_byte_identical_to_the_committed_data(tmp_path: Path) -> None:
    first = build_data.build(Path(RAW), tmp_path / "a")
    second = build_data.build(Path(RAW), tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), f"{one.name} differs between two builds"
        committed = ROOT / "data" / one.name
        assert one.read_bytes() == committed.read_bytes(), (
            f"data/{one.name} is out of date: rebuild it with python -m pkedu.build_data")


def test_missing_raw_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="missing raw file"):
        build_data.build(tmp_path, tmp_path / "out")
