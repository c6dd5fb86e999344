#!/usr/bin/env python3
"""Performance benchmarks for the pkedu course, measured on the machine running them.

    python3 course.py bench                     everything, 3 runs of each measurement
                                                (5 rounds of the notebooks)
    python3 course.py bench --quick             one run of each measurement
    python3 course.py bench --only data,sizes   some sections only
    python3 course.py bench --json results.json also write the results as JSON

Sections (see docs/performance.md for the budgets and the reasons behind them):

    notebooks     restart-and-run-all time of every notebook, against a floor
    interactions  kernel-side latency of every interactive app
    data          cold (new process) and warm (cached) load of every data table
    sizes         stored notebooks, the data folder, chart specs
    imports       import time of pkedu, the slowest imports

Each section prints a table: item, figure, budget, status. Status is ``ok``
(within budget), ``OVER`` (budget exceeded), ``FAIL`` (could not be measured:
an error, or a piece that does not exist yet) or ``info`` (reported, no
budget). The run ends with a summary line and exits with status 1 if anything
is OVER or FAIL.

Only the standard library and the course's own dependencies are used. This
file is the command line; each section is a module of the ``benchmarks``
package beside it (notebooks.py, interactions.py, data.py, sizes.py,
imports.py), sharing config.py (paths and budgets), report.py (rows, tables,
the summary), stats.py (median, percentile, fastest run) and
machine.py.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script (python3 benchmarks/run.py): import the sections as the package
    # ``benchmarks``, never as top-level modules named data, sizes, imports, ...
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
    sys.path.insert(0, str(_HERE.parent))

from benchmarks.config import NOTEBOOK_ROUNDS, SECTIONS  # noqa: E402
from benchmarks.data import bench_data  # noqa: E402
from benchmarks.imports import bench_imports  # noqa: E402
from benchmarks.interactions import bench_interactions  # noqa: E402
from benchmarks.machine import busy_warning, cache_bytecode, machine_info  # noqa: E402
from benchmarks.notebooks import bench_notebooks  # noqa: E402
from benchmarks.report import (  # noqa: E402
    Row, Section, count_statuses, exit_code, first_line, format_section, summary_line,
)
from benchmarks.sizes import bench_sizes  # noqa: E402


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 course.py bench",
        description="Measure pkedu's performance on this machine against its budgets.")
    parser.add_argument("--repeats", type=int, default=None,
                        help="runs per measurement (default 3, and 5 rounds of the notebooks; "
                             "1 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="one run per measurement and fewer interaction samples")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run, from: {', '.join(SECTIONS)}")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    args = parser.parse_args(list(argv))
    args.rounds = args.repeats or (1 if args.quick else NOTEBOOK_ROUNDS)
    if args.repeats is None:
        args.repeats = 1 if args.quick else 3
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown or not only:
        parser.error(f"--only takes sections from: {', '.join(SECTIONS)} "
                     f"(got {', '.join(unknown) or 'nothing'})")
    args.only = [s for s in SECTIONS if s in only]
    return args


def results_json(sections: Sequence[Section], info: dict, args: argparse.Namespace,
                 counts: dict[str, int], seconds: float) -> dict:
    out_sections = {}
    for s in sections:
        rows = []
        for r in s.rows:
            row = asdict(r)
            row.update(status=r.status, figure=r.figure_text(), budget_text=r.budget_text())
            rows.append(row)
        out_sections[s.name] = {"title": s.title, "rows": rows, "notes": s.notes}
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": info, "repeats": args.repeats, "rounds": args.rounds, "quick": args.quick,
            "sections": out_sections, "counts": counts, "summary": summary_line(counts),
            "seconds": round(seconds, 1)}


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    info = machine_info()
    print("pkedu benchmarks")
    for key in ("cpu", "cores", "ram", "python", "os", "libraries", "load"):
        print(f"  {key:<9} {info[key]}")
    warning = busy_warning(info)
    if warning:
        print(warning)
    if not cache_bytecode():
        print("warning: could not write pkedu's bytecode; kernels will compile it each time")
    print(flush=True)
    if "PKEDU_CACHE_DIR" not in os.environ:  # a table cache of this run's own (pkedu.tablecache)
        os.environ["PKEDU_CACHE_DIR"] = tempfile.mkdtemp(prefix="pkedu-bench-cache-")
        atexit.register(shutil.rmtree, os.environ["PKEDU_CACHE_DIR"], True)
    context: dict = {}
    runners: dict[str, Callable[[], Section]] = {
        "notebooks": lambda: bench_notebooks(args.rounds, context),
        "interactions": lambda: bench_interactions(args.quick),
        "data": lambda: bench_data(args.repeats, args.quick),
        "sizes": lambda: bench_sizes(context),
        "imports": lambda: bench_imports(args.repeats),
    }
    sections = []
    for name in args.only:
        try:
            section = runners[name]()
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # one broken section must not hide the others
            section = Section(name, name, [Row(name, error=f"section crashed: "
                                               f"{first_line(exc)}")])
        gc.collect()
        sections.append(section)
        print(format_section(section), end="\n\n", flush=True)
    counts = count_statuses(sections)
    seconds = time.perf_counter() - started
    if args.json:
        Path(args.json).write_text(json.dumps(results_json(sections, info, args, counts,
                                                           seconds), indent=2) + "\n")
    print(f"({seconds:.0f} s)")
    print(summary_line(counts))
    return exit_code(counts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
