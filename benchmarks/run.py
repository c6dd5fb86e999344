#!/usr/bin/env python3
"""Performance benchmarks for the pkedu course, measured on the machine running them.

    python3 course.py bench                     everything, medians of 3 runs
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

Only the standard library and the course's own dependencies are used.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIRS = (ROOT / "notebooks", ROOT / "notebooks" / "apps")
DATA_DIR = ROOT / "data"
PACKAGE_DIR = ROOT / "src" / "pkedu"
SECTIONS = ("notebooks", "interactions", "data", "sizes", "imports")

KB = 1024
MB = 1024 * 1024

# Budgets. Every figure is compared as "value < budget".
NOTEBOOK_RATIO_BUDGET = 1.5          # restart-and-run-all time / floor time
INTERACTION_MEDIAN_BUDGET = 0.050    # seconds
INTERACTION_P95_BUDGET = 0.100       # seconds
DATA_COLD_TOTAL_BUDGET = 1.0         # seconds, every table in a new process
DATA_WARM_BUDGET = 0.050             # seconds, cached load (each table and all together)
NOTEBOOK_FILE_BUDGET = 300 * KB
DATA_FOLDER_BUDGET = 10 * MB
CHART_SPEC_BUDGET = 200 * KB
IMPORT_PACKAGE_BUDGET = 0.050        # seconds, ``import pkedu`` alone (submodules are lazy)
IMPORT_OWN_CODE_BUDGET = 0.100       # seconds, self time of pkedu's own modules

FLOOR_SOURCE = "import pandas, altair, ipywidgets, pkedu"
IMPORT_MODULES = ("pkedu", "pkedu.data", "pkedu.analysis", "pkedu.charts")
VEGALITE_MIME = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")

# Chart-builder parameter names and the table each one stands for.
TABLE_PARAMETERS = {
    "contributions": "contributions",
    "mission_contributions": "mission_contributions",
    "missions": "missions",
    "events": "events",
    "rates": "reimbursement_rates",
    "reimbursement_rates": "reimbursement_rates",
    "months": "months",
    "countries": "countries",
}


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    """One measured figure and its budget (an upper limit in the same unit)."""

    item: str
    value: float | None = None
    unit: str = ""                 # "s", "bytes", "x" (ratio) or "" (plain number)
    budget: float | None = None
    figure: str | None = None      # text to show instead of the formatted value
    budget_figure: str | None = None  # text to show instead of the formatted budget
    note: str = ""
    error: str | None = None       # set when the figure could not be measured
    samples: list[float] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.error is not None or (self.budget is not None and self.value is None):
            return "FAIL"
        if self.budget is None:
            return "info"
        return "ok" if self.value < self.budget else "OVER"

    def figure_text(self) -> str:
        if self.figure is not None:
            return self.figure
        if self.value is None:
            return "-"
        return format_quantity(self.value, self.unit)

    def budget_text(self) -> str:
        if self.budget is None:
            return "-"
        if self.budget_figure is not None:
            return self.budget_figure
        return "< " + format_quantity(self.budget, self.unit)


@dataclass
class Section:
    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- pure helpers


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence.

    >>> median([3.0, 1.0, 2.0])
    2.0
    """
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear interpolation between closest ranks.

    Same definition as numpy's default ("linear").

    >>> percentile([1.0, 2.0, 3.0, 4.0, 5.0], 95)
    4.8
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be between 0 and 100, got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    fraction = position - low
    return float(ordered[low] + (ordered[high] - ordered[low]) * fraction)


def format_quantity(value: float, unit: str) -> str:
    """A value with its unit, readable.

    >>> format_quantity(0.0123, "s"), format_quantity(2.5, "s")
    ('12.3 ms', '2.50 s')
    >>> format_quantity(2048, "bytes"), format_quantity(1.5, "x")
    ('2.0 KB', '1.50x')
    """
    if unit == "s":
        if abs(value) < 1:
            return f"{value * 1000:.1f} ms"
        return f"{value:.2f} s"
    if unit == "bytes":
        if value >= MB:
            return f"{value / MB:.2f} MB"
        if value >= KB:
            return f"{value / KB:.1f} KB"
        return f"{value:.0f} B"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:g}{(' ' + unit) if unit else ''}"


def format_table(rows: Sequence[Row]) -> str:
    """An aligned text table: item, figure, budget, status, note."""
    header = ("item", "figure", "budget", "status", "note")
    lines = [header] + [
        (r.item, r.figure_text(), r.budget_text(), r.status, r.error or r.note) for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    out = []
    for n, line in enumerate(lines):
        cells = [line[0].ljust(widths[0]), line[1].rjust(widths[1]),
                 line[2].rjust(widths[2]), line[3].ljust(widths[3])]
        text = "  ".join(cells)
        if line[4]:
            text += "  " + line[4]
        out.append(text.rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def format_section(section: Section) -> str:
    parts = [f"== {section.title} =="]
    if section.rows:
        parts.append(format_table(section.rows))
    parts.extend(f"   {note}" for note in section.notes)
    return "\n".join(parts)


def count_statuses(sections: Iterable[Section]) -> dict[str, int]:
    counts = {"ok": 0, "OVER": 0, "FAIL": 0, "info": 0}
    for section in sections:
        for row in section.rows:
            counts[row.status] += 1
    return counts


def summary_line(counts: dict[str, int]) -> str:
    """The last line of a run.

    >>> summary_line({"ok": 23, "OVER": 0, "FAIL": 0, "info": 4})
    'benchmarks: 23 ok, 0 over'
    >>> summary_line({"ok": 20, "OVER": 2, "FAIL": 1, "info": 0})
    'benchmarks: 20 ok, 2 over, 1 failed'
    """
    text = f"benchmarks: {counts['ok']} ok, {counts['OVER']} over"
    if counts["FAIL"]:
        text += f", {counts['FAIL']} failed"
    return text


def exit_code(counts: dict[str, int]) -> int:
    return 1 if counts["OVER"] or counts["FAIL"] else 0


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


def json_size(value: Any) -> int:
    """Bytes of a value as compact UTF-8 JSON (a string counts as already-encoded JSON)."""
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


@dataclass
class ChartSpec:
    cell: int           # index of the cell in the notebook
    mimetype: str
    size: int           # bytes, compact JSON


def scan_chart_specs(nb: dict) -> list[ChartSpec]:
    """Every Vega-Lite spec in a notebook's outputs, with its JSON size.

    ``nb`` is a notebook as a dict (e.g. from ``json.load`` or ``nbformat.read``).
    """
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []) or []:
            for mimetype, value in (output.get("data") or {}).items():
                if VEGALITE_MIME.match(mimetype):
                    found.append(ChartSpec(index, mimetype, json_size(value)))
    return found


def find_chart_builders(module: ModuleType) -> list[tuple[str, Callable, dict[str, str]]]:
    """Public functions of a charts module whose first parameter is a table.

    Returns (name, function, {parameter: table name}) for every builder whose
    required parameters are all tables; other required parameters make it skip.
    """
    builders = []
    for name, func in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or getattr(func, "__module__", None) != module.__name__:
            continue
        try:
            params = list(inspect.signature(func).parameters.values())
        except (TypeError, ValueError):
            continue
        if not params or params[0].name not in TABLE_PARAMETERS:
            continue
        tables = {}
        for p in params:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.name in TABLE_PARAMETERS and p.default is p.empty:
                tables[p.name] = TABLE_PARAMETERS[p.name]
            elif p.default is p.empty:
                break
        else:
            builders.append((name, func, tables))
    return builders


def time_cases(cases: Sequence[Callable[[], object]], *, target_samples: int = 200,
               max_seconds: float = 5.0, warmup_rounds: int = 1,
               clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """Time each zero-argument case, round after round; return seconds per call.

    The cases are first called ``warmup_rounds`` times each, untimed. Then whole
    rounds (every case once) run until ``target_samples`` calls were timed or
    ``max_seconds`` passed; at least one timed round always runs.
    """
    if not cases:
        raise ValueError("no cases to time")
    for _ in range(warmup_rounds):
        for case in cases:
            case()
    samples: list[float] = []
    start = clock()
    while True:
        for case in cases:
            t0 = clock()
            case()
            samples.append(clock() - t0)
        if len(samples) >= target_samples or clock() - start >= max_seconds:
            return samples


def interaction_rows(app: str, samples: Sequence[float]) -> list[Row]:
    note = f"{len(samples)} calls"
    return [
        Row(f"{app}: median", median(samples), "s", INTERACTION_MEDIAN_BUDGET, note=note,
            samples=list(samples)),
        Row(f"{app}: p95", percentile(samples, 95), "s", INTERACTION_P95_BUDGET, note=note),
    ]


def measure_interactions(module: ModuleType | None, *, target_samples: int,
                         max_seconds: float, progress: Callable[[str], None] = print
                         ) -> list[Row]:
    """Rows for the interaction section, from a module offering ``benchmark_cases()``."""
    provider = getattr(module, "benchmark_cases", None) if module is not None else None
    if provider is None:
        return [Row("interactions", error="not available: pkedu.widgets.benchmark_cases() "
                    "does not exist yet")]
    try:
        apps = provider()
    except Exception as exc:  # a broken provider is a failure, not a crash of the run
        return [Row("interactions", error=f"benchmark_cases() raised {exc!r}")]
    if not apps:
        return [Row("interactions", error="benchmark_cases() returned no apps")]
    rows: list[Row] = []
    for app, cases in apps.items():
        progress(f"interactions: {app} ({len(cases)} cases)")
        try:
            samples = time_cases(list(cases), target_samples=target_samples,
                                 max_seconds=max_seconds)
        except Exception as exc:
            rows.append(Row(f"{app}", error=f"a case raised {exc!r}"))
            continue
        rows.extend(interaction_rows(app, samples))
    return rows


# --------------------------------------------------------------------------- machine


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


# --------------------------------------------------------------------------- measurements


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


def progress(message: str) -> None:
    print(f"  ... {message}", file=sys.stderr, flush=True)


def find_notebooks() -> list[Path]:
    found = []
    for folder in NOTEBOOK_DIRS:
        found.extend(sorted(folder.glob("*.ipynb")))
    return found


def notebook_label(path: Path) -> str:
    return path.relative_to(ROOT / "notebooks").as_posix()


@dataclass
class NotebookRun:
    seconds: float               # kernel start + every cell
    kernel_start: float
    cells: list[float]           # seconds per cell, in order (markdown cells take ~0)
    nb: Any = None               # the executed notebook


def run_notebook(nb: Any, folder: Path) -> NotebookRun:
    """Start a fresh python3 kernel in ``folder`` and run every cell, timed.

    The time covers kernel start and every cell (what restart-and-run-all costs);
    kernel shutdown is not counted.
    """
    from nbclient import NotebookClient

    client = NotebookClient(nb, kernel_name="python3", timeout=600, allow_errors=False,
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(folder)}})
    client.reset_execution_trackers()
    cells = []
    start = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        started = time.perf_counter()
        for index, cell in enumerate(client.nb.cells):
            t0 = time.perf_counter()
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            cells.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - start
    return NotebookRun(elapsed, started - start, cells, client.nb)


def slowest_cells(cells: Sequence[float], n: int = 2) -> str:
    """The n slowest cells as text, e.g. 'slowest cells: #7 1.20 s, #3 0.40 s'.

    >>> slowest_cells([0.1, 1.2, 0.0, 0.4])
    'slowest cells: #1 1.20 s, #3 0.40 s'
    """
    ranked = sorted(range(len(cells)), key=lambda i: cells[i], reverse=True)[:n]
    return "slowest cells: " + ", ".join(f"#{i} {cells[i]:.2f} s" for i in ranked)


def bench_notebooks(repeats: int, context: dict) -> Section:
    import nbformat

    section = Section("notebooks", f"Notebook execution: restart and run all, fresh kernel, "
                      f"median of {repeats}")
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    notebooks = find_notebooks()
    progress("notebooks: warm-up run of the floor notebook (not timed)")
    run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
    times: dict[str, list[float]] = {"floor": []}
    errors: dict[str, str] = {}
    executed_specs: dict[str, list[ChartSpec]] = {}
    cell_times: dict[str, list[float]] = {}
    starts: list[float] = []
    for path in notebooks:
        times[notebook_label(path)] = []
    # Round robin (floor, every notebook, floor, ...) so that any drift of the
    # machine's speed affects the floor and the notebooks alike.
    for run in range(1, repeats + 1):
        progress(f"notebooks: floor, run {run}/{repeats}")
        floor_run = run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
        times["floor"].append(floor_run.seconds)
        starts.append(floor_run.kernel_start)
        for path in notebooks:
            label = notebook_label(path)
            if label in errors:
                continue
            progress(f"notebooks: {label}, run {run}/{repeats}")
            try:
                nb = nbformat.read(path, as_version=4)
                result = run_notebook(nb, path.parent)
            except Exception as exc:
                errors[label] = first_line(exc)
                continue
            times[label].append(result.seconds)
            starts.append(result.kernel_start)
            cell_times[label] = result.cells
            executed_specs[label] = scan_chart_specs(result.nb)
    context["executed_specs"] = executed_specs
    floor = median(times["floor"])
    section.rows.append(Row("floor (imports only)", floor, "s", note=FLOOR_SOURCE,
                            samples=times["floor"]))
    if not notebooks:
        section.rows.append(Row("notebooks", error="no notebooks found in notebooks/ or "
                                "notebooks/apps/"))
    for path in notebooks:
        label = notebook_label(path)
        if label in errors:
            section.rows.append(Row(label, unit="x", budget=NOTEBOOK_RATIO_BUDGET,
                                    error=f"failed to run: {errors[label]}"))
            continue
        seconds = median(times[label])
        ratio = seconds / floor
        section.rows.append(Row(label, ratio, "x", NOTEBOOK_RATIO_BUDGET,
                                figure=f"{seconds:.2f} s = {ratio:.2f}x",
                                note=slowest_cells(cell_times[label]),
                                samples=times[label]))
    for row in section.rows[1:]:
        row.budget_figure = f"< {NOTEBOOK_RATIO_BUDGET:.2f}x floor"
    section.notes.append(f"kernel start (included above): median {median(starts):.2f} s; "
                         "cells are numbered from 0, markdown cells included (last run).")
    return section


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def first_line(exc: BaseException) -> str:
    """One readable line describing an exception (the last line of a traceback)."""
    text = _ANSI.sub("", str(exc)).strip().splitlines()
    # nbclient's CellExecutionError ends with the exception; show that line.
    for line in reversed(text):
        if line.strip() and not line.startswith(("-", " ")):
            return f"{type(exc).__name__}: {line.strip()}"[:200]
    return type(exc).__name__


def bench_interactions(quick: bool) -> Section:
    section = Section("interactions", "Interaction latency (kernel side: model update + "
                      "chart spec), per app")
    try:
        module = importlib.import_module("pkedu.widgets")
    except ModuleNotFoundError as exc:
        if exc.name not in ("pkedu.widgets", "pkedu"):
            raise
        module = None
    section.rows = measure_interactions(module, target_samples=50 if quick else 200,
                                        max_seconds=2.0 if quick else 5.0, progress=progress)
    return section


_COLD_SCRIPT = """\
import json, sys, time
import pkedu.data as d
names = sys.argv[1:]
t = time.perf_counter()
for name in names:
    d.load_table(name)
print(json.dumps(time.perf_counter() - t))
"""


def cold_load(names: Sequence[str]) -> float:
    result = subprocess.run([sys.executable, "-c", _COLD_SCRIPT, *names], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise RuntimeError(lines[-1])
    return float(result.stdout.strip().splitlines()[-1])


def bench_data(repeats: int, quick: bool) -> Section:
    section = Section("data", f"Data loading: cold = new process (load only, median of "
                      f"{repeats}); warm = cached, in-process")
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


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_sizes(context: dict) -> Section:
    section = Section("sizes", "Sizes (1 KB = 1024 bytes; chart specs as compact JSON)")
    stored: list[tuple[str, ChartSpec]] = []
    notebooks = find_notebooks()
    for path in notebooks:
        label = notebook_label(path)
        section.rows.append(Row(f"notebook file: {label}", path.stat().st_size, "bytes",
                                NOTEBOOK_FILE_BUDGET))
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            section.rows.append(Row(f"chart specs in {label}", error=first_line(exc)))
            continue
        stored.extend((label, spec) for spec in scan_chart_specs(nb))
    if not notebooks:
        section.notes.append("no notebooks found: notebook files and stored chart specs "
                             "were not measured.")
    section.rows.append(Row("data folder (total)", folder_size(DATA_DIR), "bytes",
                            DATA_FOLDER_BUDGET))
    if stored:
        label, spec = max(stored, key=lambda item: item[1].size)
        section.rows.append(Row("largest chart spec, stored outputs", spec.size, "bytes",
                                CHART_SPEC_BUDGET,
                                note=f"{label}, cell {spec.cell} (largest of {len(stored)})"))
    elif notebooks:
        section.notes.append("the stored notebooks hold no Vega-Lite outputs.")
    executed = [(label, spec) for label, specs in context.get("executed_specs", {}).items()
                for spec in specs]
    if executed:
        label, spec = max(executed, key=lambda item: item[1].size)
        section.rows.append(Row("largest chart spec, executed outputs", spec.size, "bytes",
                                CHART_SPEC_BUDGET,
                                note=f"{label}, cell {spec.cell} (largest of {len(executed)})"))
    section.rows.extend(chart_builder_rows(section))
    return section


def chart_builder_rows(section: Section) -> list[Row]:
    if importlib.util.find_spec("pkedu.charts") is None:
        section.notes.append("pkedu.charts does not exist: chart builders were not measured.")
        return []
    import pkedu.data as d

    progress("sizes: building every chart with default arguments")
    try:
        charts = importlib.import_module("pkedu.charts")
    except Exception as exc:
        return [Row("pkedu.charts", error=f"import failed: {first_line(exc)}")]
    rows = []
    for name, func, tables in find_chart_builders(charts):
        try:
            chart = func(**{param: d.load_table(table) for param, table in tables.items()})
            size = json_size(chart.to_dict())
        except Exception as exc:
            rows.append(Row(f"chart: {name}()", budget=CHART_SPEC_BUDGET,
                            error=first_line(exc)))
            continue
        rows.append(Row(f"chart: {name}()", size, "bytes", CHART_SPEC_BUDGET))
    if not rows:
        section.notes.append("pkedu.charts has no builder taking a table first.")
    return rows


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


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 course.py bench",
        description="Measure pkedu's performance on this machine against its budgets.")
    parser.add_argument("--repeats", type=int, default=None,
                        help="runs per measurement (default 3; 1 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="one run per measurement and fewer interaction samples")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run, from: {', '.join(SECTIONS)}")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    args = parser.parse_args(list(argv))
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
            "machine": info, "repeats": args.repeats, "quick": args.quick,
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
    context: dict = {}
    runners: dict[str, Callable[[], Section]] = {
        "notebooks": lambda: bench_notebooks(args.repeats, context),
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
