"""The editions and a fresh environment made from the student edition's own files.

Both are made once per test session (test_edition.py and test_wheel.py share
them): the editions are written with :func:`pkedu.edition.write_editions`, and
a new virtual environment outside any checkout gets ``pip install -r
requirements.txt`` run in the student edition's folder, which installs the
pkedu wheel from ``wheels/`` and, from the package index (or pip's cache), its
libraries. Nothing from the project folder is on that environment's path.
"""

from __future__ import annotations

import os
import subprocess
import venv
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


def installed(factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(python of a new environment made from the student edition's requirements.txt, its env)."""
    if "installed" not in _made:
        student = editions(factory).folders["student"]
        place = factory.mktemp("fresh")
        home = place / "home"
        home.mkdir()
        env = clean_env(home)
        env.pop("HOME")  # pip's cache lives in the real home: reuse it for the libraries
        venv.EnvBuilder(with_pip=True).create(place / "venv")
        python = place / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-r", "requirements.txt"],
            cwd=student, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pytest.fail("pip install -r requirements.txt in the student edition failed:\n"
                        + result.stderr[-3000:])
        _made["installed"] = (python, clean_env(home))
    return _made["installed"]  # type: ignore[return-value]


def run(python: Path, args: list[str], cwd: Path, env: dict[str, str],
        timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in ``cwd``; the output is kept for the assertion message."""
    return subprocess.run([str(python), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


__all__ = ["ROOT", "clean_env", "editions", "installed", "run"]
