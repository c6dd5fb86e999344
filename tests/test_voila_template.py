"""The course's Voila template (pkedu.voila): found, used and shipped.

The browser tests check the pages it makes (no request to other hosts, axe-core); these
fast tests check that ``course.py app`` uses it, that the wheel ships it, and that it
still removes every external link of the Voila version installed.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import json
import os
import re
import tomllib
from pathlib import Path

import pytest
from jupyter_core.paths import jupyter_path

from pkedu.voila import TEMPLATE, template_root, voila_env

ROOT = Path(__file__).resolve().parents[1]
FOLDER = template_root() / "voila" / "templates" / TEMPLATE


def test_the_template_extends_voilas_lab_template() -> None:
    conf = json.loads((FOLDER / "conf.json").read_text())
    assert conf == {"base_template": "lab"}
    assert "extends 'lab/index.html.j2'" in (FOLDER / "index.html.j2").read_text()


def test_every_external_link_of_voilas_lab_template_is_removed() -> None:
    """If a new Voila links other files from the internet, this says so before any browser."""
    labs = [Path(p) / "index.html.j2" for p in jupyter_path("voila", "templates", "lab")
            if (Path(p) / "index.html.j2").is_file()]
    assert labs, "Voila's lab template is not installed"
    links = re.findall(r'<link[^>]*href="https?://[^"]*"[^>]*/>', labs[0].read_text())
    assert links, "Voila's lab template links nothing from the internet any more: " \
                  "the pkedu template may be simplified"
    ours = (FOLDER / "index.html.j2").read_text()
    cdn = re.search(r"set cdn = '([^']*)'", ours).group(1)
    end = re.search(r"set end = '([^']*)'", ours).group(1)
    removed = re.findall(r"replace\(cdn ~ '([^']*)' ~ end", ours)
    assert {cdn + name + end for name in removed} == set(links)


def test_the_wheel_ships_every_file_of_the_template() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "pkedu.voila.templates.pkedu" in setuptools["packages"]
    patterns = setuptools["package-data"]["pkedu.voila.templates.pkedu"]
    files = [p.relative_to(FOLDER).as_posix() for p in FOLDER.rglob("*") if p.is_file()]
    assert {"conf.json", "index.html.j2"} <= set(files)
    unshipped = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert not unshipped, f"not declared as package data: {unshipped}"


def test_voila_env_puts_the_template_first_and_keeps_other_folders() -> None:
    env = voila_env({"JUPYTER_PATH": "elsewhere", "OTHER": "1"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(template_root()),
                                                                   "elsewhere"]
    assert env["OTHER"] == "1"


def test_course_py_app_serves_with_the_template(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("course_for_template", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    calls: list[tuple[list[str], dict]] = []
    monkeypatch.setattr(course, "ensure_environment", lambda: Path("python"))
    monkeypatch.setattr(course, "run", lambda command, **kw: calls.append((command, kw)) or 0)
    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    course.app(["explorer", "--port=8899"])
    (command, options), = calls
    assert command[1:4] == ["-m", "voila", str(ROOT / "notebooks" / "apps" / "explorer.ipynb")]
    assert f"--template={TEMPLATE}" in command and command[-1] == "--port=8899"
    folder = Path(options["env"]["JUPYTER_PATH"].split(os.pathsep)[0])
    assert (folder / "voila" / "templates" / TEMPLATE / "conf.json").is_file()
    assert folder.resolve() == template_root()
