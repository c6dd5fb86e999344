"""Project housekeeping: environment.yml agrees with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> tuple[str, str]:
    requirement = requirement.replace(" ", "")
    name = re.split(r"[<>=!~]", requirement, maxsplit=1)[0]
    return name.lower().replace("_", "-"), requirement[len(name):]


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_normalise(r) for r in project["dependencies"])
    wanted.update(_normalise(r) for r in project["optional-dependencies"]["test"])
    wanted["python"] = project["requires-python"]
    conda = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([A-Za-z][\w.-]*[^:]*)$", line)
        if m and m.group(1) != "pip":
            name, spec = _normalise(m.group(1))
            conda[name] = spec
    assert conda == wanted
