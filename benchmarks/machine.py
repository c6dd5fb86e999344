"""The machine the benchmark runs on: what it is, whether it is busy, and pkedu's bytecode.

:func:`machine_info` (CPU, cores, memory, OS, library versions, load),
:func:`busy_warning`, and :func:`cache_bytecode`, which writes pkedu's
bytecode before anything is measured (docs/performance.md says why).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import platform
from pathlib import Path

from benchmarks.config import PACKAGE_DIR


def machine_info() -> dict[str, str]:
    """CPU, cores, memory, Python and OS of this machine (no host names or paths)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    system = platform.platform(terse=True)
    try:
        release = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines()
            if "=" in line)
        name = release.get("PRETTY_NAME", "").strip('"')
        system = f"{name} (Linux {platform.release().split('-')[0]})"
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    versions = []
    for dist in ("pandas", "altair", "ipywidgets", "nbclient", "ipykernel"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    try:
        load = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    except (AttributeError, OSError):
        load = "unknown"
    return {"cpu": cpu, "cores": str(cores), "ram": ram,
            "python": platform.python_version(), "os": system, "libraries": ", ".join(versions),
            "load": load}


def busy_warning(info: dict[str, str]) -> str | None:
    """A warning when other work already loads the machine (timings would be inflated).

    >>> busy_warning({"load": "0.3 0.2 0.1", "cores": "2"}) is None
    True
    >>> busy_warning({"load": "4.0 3.0 1.0", "cores": "2"})[:30]
    'warning: the machine is busy ('
    """
    try:
        load, cores = float(info["load"].split()[0]), int(info["cores"])
    except (KeyError, ValueError, IndexError):
        return None
    if load < max(1, cores) * 0.75:
        return None
    return (f"warning: the machine is busy (load average {load:.1f} on {cores} cores): "
            "timings will be slower and noisier than on an idle machine.")


def cache_bytecode(package: Path = PACKAGE_DIR) -> bool:
    """Write the bytecode of pkedu's modules (``__pycache__``) if it is missing or stale.

    Python does this itself on the first import, so on a student's machine
    every later kernel loads pkedu ready-compiled. Where the environment sets
    PYTHONDONTWRITEBYTECODE (some containers and CI images do), it never
    happens, and every kernel would compile pkedu's modules again (about
    0.1 s), which is not what students see. Python still reads bytecode that
    exists, so the benchmark writes it once before measuring.
    """
    import compileall

    return bool(compileall.compile_dir(str(package), quiet=1))
