"""Shared test fixtures."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pkedu import data

# The claim modules are read by test_prose_claims.py, which they import in turn: collected on
# their own (for doctests) they would be imported first and find it half made.
collect_ignore_glob = ["prose_claims_*.py"]

ROOT = Path(__file__).resolve().parents[1]

# Tables read during the tests are kept in a folder of this test run (pkedu.tablecache), never
# in the user's own cache; kernels started by the tests inherit it. PKEDU_CACHE_DIR=off turns
# the cache off for a run.
if "PKEDU_CACHE_DIR" not in os.environ:
    os.environ["PKEDU_CACHE_DIR"] = tempfile.mkdtemp(prefix="pkedu-test-cache-")
    atexit.register(shutil.rmtree, os.environ["PKEDU_CACHE_DIR"], True)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of data/ that a test may damage; loaders read it instead."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("PKEDU_DATA_DIR", str(target))
    data.clear_cache()
    yield target
    data.clear_cache()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course website, built once per session from the instructor notebooks (about a minute)."""
    from pkedu.site import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site(ROOT / "notebooks", out, hub_url="https://hub.example.edu",
               repo_url="https://github.com/example/pkedu-student",
               binder_repo="example/pkedu-student")
    return out
