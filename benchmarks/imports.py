"""The imports section: import time of pkedu in a fresh process, and the slowest imports.

Wall time of ``import pkedu, pkedu.data, pkedu.analysis, pkedu.charts``, then
one ``python -X importtime`` run, parsed (:func:`parse_importtime`) for the
budgets on ``import pkedu`` alone and on pkedu's own modules.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.config import (
    IMPORT_MODULES, IMPORT_OWN_CODE_BUDGET, IMPORT_PACKAGE_BUDGET, ROOT,
)
from benchmarks.report import Row, Section, progress
from benchmarks.stats import median


@dataclass
class ImportRecord:
    name: str
    self_us: int
    cumulative_us: int
    depth: int


_IMPORTTIME_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S.*?)\s*$")


def parse_importtime(stderr: str) -> list[ImportRecord]:
    """Parse the output of ``python -X importtime`` (other lines are ignored).

    >>> text = ("import time: self [us] | cumulative | imported package\\n"
    ...         "import time:       120 |        120 |     json.decoder\\n"
    ...         "import time:       300 |        420 |   json\\n")
    >>> [(r.name, r.self_us, r.cumulative_us, r.depth) for r in parse_importtime(text)]
    [('json.decoder', 120, 120, 2), ('json', 300, 420, 1)]
    """
    records = []
    for line in stderr.splitlines():
        m = _IMPORTTIME_LINE.match(line)
        if m:
            depth = max(0, (len(m.group(3)) - 1) // 2)
            records.append(ImportRecord(m.group(4), int(m.group(1)), int(m.group(2)), depth))
    return records


def slowest_imports(records: Iterable[ImportRecord], n: int = 10) -> list[ImportRecord]:
    """The n imports with the largest cumulative time, one entry per module name."""
    best: dict[str, ImportRecord] = {}
    for r in records:
        if r.name not in best or r.cumulative_us > best[r.name].cumulative_us:
            best[r.name] = r
    return sorted(best.values(), key=lambda r: r.cumulative_us, reverse=True)[:n]


def own_self_time_us(records: Iterable[ImportRecord], package: str = "pkedu") -> int:
    """Total self time of a package's own modules (its dependencies excluded)."""
    return sum(r.self_us for r in records
               if r.name == package or r.name.startswith(package + "."))


def bench_imports(repeats: int) -> Section:
    section = Section("imports", f"Import time (fresh process; wall time median of {repeats})")
    modules = [m for m in IMPORT_MODULES if importlib.util.find_spec(m) is not None]
    missing = [m for m in IMPORT_MODULES if m not in modules]
    statement = "import " + ", ".join(modules)
    script = f"import time\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)"
    samples = []
    for run in range(repeats):
        progress(f"imports: wall time, run {run + 1}/{repeats}")
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                                text=True, timeout=300)
        if result.returncode != 0:
            section.rows.append(Row(statement, error=(result.stderr.strip().splitlines()
                                                      or ["failed"])[-1]))
            return section
        samples.append(float(result.stdout.strip().splitlines()[-1]))
    section.rows.append(Row(f"{statement} (wall)", median(samples), "s", samples=samples))
    progress("imports: python -X importtime")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", statement], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    records = parse_importtime(result.stderr)
    package = [r for r in records if r.name == "pkedu"]
    if package:
        section.rows.append(Row("import pkedu (package alone)", package[0].cumulative_us / 1e6,
                                "s", IMPORT_PACKAGE_BUDGET, note="submodules load lazily"))
    section.rows.append(Row("pkedu's own modules (self time)", own_self_time_us(records) / 1e6,
                            "s", IMPORT_OWN_CODE_BUDGET, note="dependencies excluded"))
    for n, r in enumerate(slowest_imports(records, 10), 1):
        section.rows.append(Row(f"slowest #{n}: {r.name}", r.cumulative_us / 1e6, "s",
                                note=f"cumulative; self {r.self_us / 1000:.1f} ms"))
    section.notes.append("-X importtime adds some overhead, so its figures run a little "
                         "above the wall time.")
    if missing:
        section.notes.append(f"not importable yet, left out: {', '.join(missing)}")
    return section
