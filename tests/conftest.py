"""Shared test fixtures."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pkedu import data

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of data/ that a test may damage; loaders read it instead."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("PKEDU_DATA_DIR", str(target))
    data.clear_cache()
    yield target
    data.clear_cache()
