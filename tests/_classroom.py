"""The editions and a fresh environment made from the student edition's own files.

Both are made once per test session (test_edition.py and test_wheel.py share
them): the editions are written with :func:`pkedu.edition.write_editions`, and
a copy of the student edition in a temporary folder is set up by its own
``course.py setup``: a new virtual environment in its ``.venv/`` gets ``pip
install -r requirements.txt``, which installs the pkedu wheel from ``wheels/``
and, from the package index (or pip's cache), its libraries. Nothing from the
project folder is on that environment's path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pkedu.edition import Editions, write_editions

ROOT = Path(__file__).resolve().parents[1]
_made: dict[str, object] = {}


def editions(factory: pytest.TempPathFactory) -> Editions:
    """``OUT/student/`` and ``OUT/self-study/``, written once."""
    if "editions" not in _made:
        _made["editions"] = write_editions(ROOT, factory.mktemp("editions"))
    return _made["editions"]  # type: ignore[return-value]


def clean_env(home: Path) -> dict[str, str]:
    """The environment for commands run in the fresh environment: no hint of the project."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PKEDU_", "JUPYTER", "PYTHON", "VIRTUAL_ENV", "CONDA"))}
    env.update(HOME=str(home), PYTHONDONTWRITEBYTECODE="1")
    return env


def installed(factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(a copy of the student edition set up by its own ``course.py setup``, the Python of the
    environment that made in it, the environment variables for commands run there)."""
    if "installed" not in _made:
        place = factory.mktemp("class")
        course = place / "pk-student"
        shutil.copytree(editions(factory).folders["student"], course)
        home = place / "home"
        home.mkdir()
        env = clean_env(home)
        env.pop("HOME")  # pip's cache lives in the real home: reuse it for the libraries
        result = subprocess.run([sys.executable, "course.py", "setup"], cwd=course, env=env,
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pytest.fail("'python3 course.py setup' in the student edition failed:\n"
                        + (result.stdout + result.stderr)[-3000:])
        python = course / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        _made["installed"] = (course, python, clean_env(home))
    return _made["installed"]  # type: ignore[return-value]


def run(python: Path, args: list[str], cwd: Path, env: dict[str, str],
        timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in ``cwd``; the output is kept for the assertion message."""
    return subprocess.run([str(python), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


__all__ = ["ROOT", "clean_env", "editions", "installed", "run"]
