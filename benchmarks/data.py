"""The data section: every table loaded cold (in a new process) and warm (cached).

Cold loads time only ``load_table`` in a fresh Python process that has
already imported ``pkedu.data``. "cold" reads and checks the CSV files, with
the disk cache turned off: a student's first run. "cold, disk cache" reads the
tables kept by :mod:`pkedu.tablecache`: every run after the first. Warm loads
repeat a load in this process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.config import (
    DATA_COLD_TOTAL_BUDGET, DATA_KEPT_TOTAL_BUDGET, DATA_WARM_BUDGET, ROOT,
)
from benchmarks.report import Row, Section, first_line, progress
from benchmarks.stats import median


_COLD_SCRIPT = """\
import json, sys, time
import pkedu.data as d
names = sys.argv[1:]
t = time.perf_counter()
for name in names:
    d.load_table(name)
print(json.dumps(time.perf_counter() - t))
"""


def cold_load(names: Sequence[str], disk_cache: bool = False) -> float:
    env = dict(os.environ)
    if not disk_cache:
        env["PKEDU_CACHE_DIR"] = "off"
    result = subprocess.run([sys.executable, "-c", _COLD_SCRIPT, *names], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise RuntimeError(lines[-1])
    return float(result.stdout.strip().splitlines()[-1])


def bench_data(repeats: int, quick: bool) -> Section:
    section = Section("data", f"Data loading: cold = new process (load only, median of "
                      f"{repeats}), reading the CSV files or the disk cache; warm = cached, "
                      "in-process")
    import pkedu.data as d

    names = list(d.TABLES)
    for name in [*names, None]:
        label = name or "all tables"
        progress(f"data: cold load of {label}")
        try:
            samples = [cold_load([name] if name else names) for _ in range(repeats)]
        except Exception as exc:
            section.rows.append(Row(f"cold: {label}", error=first_line(exc),
                                    budget=None if name else DATA_COLD_TOTAL_BUDGET))
            continue
        section.rows.append(Row(f"cold: {label}", median(samples), "s",
                                None if name else DATA_COLD_TOTAL_BUDGET, samples=samples))
    progress("data: cold load of all tables from the disk cache")
    try:
        cold_load(names, disk_cache=True)  # fills the cache
        samples = [cold_load(names, disk_cache=True) for _ in range(repeats)]
        section.rows.append(Row("cold, disk cache: all tables", median(samples), "s",
                                DATA_KEPT_TOTAL_BUDGET, samples=samples))
    except Exception as exc:
        section.rows.append(Row("cold, disk cache: all tables", budget=DATA_KEPT_TOTAL_BUDGET,
                                error=first_line(exc)))
    loops = 20 if quick else 100
    progress("data: warm loads")
    for name in [*names, None]:
        label = name or "all tables"
        try:
            for n in ([name] if name else names):  # make sure it is cached
                d.load_table(n)
            samples = []
            for _ in range(loops):
                t0 = time.perf_counter()
                for n in ([name] if name else names):
                    d.load_table(n)
                samples.append(time.perf_counter() - t0)
        except Exception as exc:
            section.rows.append(Row(f"warm: {label}", budget=DATA_WARM_BUDGET,
                                    error=first_line(exc)))
            continue
        section.rows.append(Row(f"warm: {label}", median(samples), "s", DATA_WARM_BUDGET,
                                note=f"median of {loops}"))
    section.notes.append("cold loads read files the operating system has usually cached "
                         "already; the process, not the disk, is cold.")
    return section
