"""deploy/kubernetes/config.yaml: Helm values for Zero to JupyterHub, checked offline.

Every key path must be one of ``CHART_KEYS``: paths checked by hand against the
values schema (``values.schema.yaml``) of the jupyterhub Helm chart, version
``CHART_VERSION``. When ``PKEDU_Z2JH_CHART`` names a checkout of that chart's folder
(with values.yaml and values.schema.yaml), the values merged onto the chart's
defaults are also validated against its schema, as ``helm install`` does.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from pkedu.links import nbgitpuller_link

ROOT = Path(__file__).resolve().parents[2]
VALUES = ROOT / "deploy" / "kubernetes" / "config.yaml"
CHART_VERSION = "4.4.0"
# Key path -> the types its schema allows (for the Python values yaml gives).
CHART_KEYS: dict[str, tuple[type, ...]] = {
    "singleuser.image.name": (str,),
    "singleuser.image.tag": (str,),
    "singleuser.defaultUrl": (str,),
    "singleuser.extraEnv": (dict, list),
    "singleuser.memory.guarantee": (int, float, str),
    "singleuser.memory.limit": (int, float, str),
    "singleuser.cpu.guarantee": (int, float),
    "singleuser.cpu.limit": (int, float),
    "singleuser.storage.capacity": (str,),
    "singleuser.startTimeout": (int,),
    "cull.enabled": (bool,),
    "cull.timeout": (int,),
    "cull.every": (int,),
    "prePuller.hook.enabled": (bool,),
    "prePuller.continuous.enabled": (bool,),
    "scheduling.userScheduler.enabled": (bool,),
    "scheduling.userPlaceholder.enabled": (bool,),
    "scheduling.userPlaceholder.replicas": (int,),
    "hub.concurrentSpawnLimit": (int,),
}
FREE_FORM = ("singleuser.extraEnv",)  # the chart accepts any names below these


def leaves(node: Any, prefix: str = "") -> dict[str, Any]:
    """Every key path of a nested mapping and its value (free-form keys kept whole).

    >>> leaves({"a": {"b": 1, "c": {"d": True}}})
    {'a.b': 1, 'a.c.d': True}
    """
    if not isinstance(node, dict) or prefix in FREE_FORM:
        return {prefix: node}
    found: dict[str, Any] = {}
    for key, value in node.items():
        found.update(leaves(value, f"{prefix}.{key}" if prefix else str(key)))
    return found


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return yaml.safe_load(VALUES.read_text())


def test_every_key_is_one_the_chart_knows(values: dict[str, Any]) -> None:
    unknown = {path for path in leaves(values) if path not in CHART_KEYS}
    assert not unknown, f"not checked against chart {CHART_VERSION}'s schema: {unknown}"
    wrong = {path: value for path, value in leaves(values).items()
             if not isinstance(value, CHART_KEYS[path])
             or (isinstance(value, bool) and bool not in CHART_KEYS[path])}
    assert not wrong, f"values of a type the schema does not allow: {wrong}"


def test_default_url_is_the_pkedu_link(values: dict[str, Any]) -> None:
    default = values["singleuser"]["defaultUrl"]
    repo = dict(parse_qsl(urlsplit(default).query))["repo"]
    link = nbgitpuller_link("https://hub.example.org", repo, folder="pkedu")

    def params(url: str) -> dict[str, str]:
        return {key.lower(): value for key, value in parse_qsl(urlsplit(url).query)}

    assert params(default) == params(link)
    assert urlsplit(link).path == "/hub/user-redirect" + urlsplit(default).path


# Measured by benchmarks/classroom.py (docs/classroom-hub.md, "Results"): per student,
# peak PSS and RSS of server + kernel in MB, and CPU seconds to the first chart.
MEASURED_PSS_MB, MEASURED_RSS_MB, MEASURED_CPU_S = 270.5, 315.4, 7.6


def test_guarantees_fit_the_measured_student(values: dict[str, Any]) -> None:
    """The guarantees cover the measured student with the documented headroom (1.25 x PSS,
    CPU for a first chart within a minute); the limit covers the RSS peak."""
    memory, cpu = values["singleuser"]["memory"], values["singleuser"]["cpu"]
    assert memory["guarantee"].endswith("M") and memory["limit"].endswith("G")
    guarantee, limit = int(memory["guarantee"][:-1]), int(memory["limit"][:-1]) * 1000
    assert MEASURED_PSS_MB * 1.25 <= guarantee <= MEASURED_PSS_MB * 1.25 + 20
    assert MEASURED_RSS_MB * 2 <= limit
    assert MEASURED_CPU_S / 60 <= cpu["guarantee"] <= cpu["limit"]
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > 0


def test_build_script_is_valid_bash() -> None:
    script = ROOT / "deploy" / "kubernetes" / "build-image.sh"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)
    usage = subprocess.run(["bash", str(script)], capture_output=True, text=True)
    assert usage.returncode == 2 and "usage:" in usage.stderr


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in extra.items()}}
    return extra


def test_values_pass_the_charts_own_schema(values: dict[str, Any]) -> None:
    chart = os.environ.get("PKEDU_Z2JH_CHART")
    if not chart:
        pytest.skip("set PKEDU_Z2JH_CHART to the chart folder (jupyterhub/ in a checkout of "
                    f"zero-to-jupyterhub-k8s at {CHART_VERSION}) to validate against its schema")
    import jsonschema

    folder = Path(chart)
    schema = yaml.safe_load((folder / "values.schema.yaml").read_text())
    defaults = yaml.safe_load((folder / "values.yaml").read_text())
    jsonschema.validate(_merge(defaults, values), schema)
