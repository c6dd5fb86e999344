"""The notebooks section: restart-and-run-all time of every notebook, against a floor.

Each notebook runs as Restart Kernel and Run All Cells does (a fresh python3
kernel, every cell in order, nbclient). The floor is what no notebook can
avoid: starting a kernel and importing pandas, Altair, ipywidgets and pkedu.

The gate measures the floor inside each notebook's own run (:func:`run_notebook`).
The run starts with one extra cell, the floor's imports, and reads the
kernel's CPU time after it and after the last cell: the notebook's figure is
the second divided by the first, a floor and a notebook measured seconds
apart in the same process (the notebook's own imports then cost nothing,
since they are done). On this kind of virtual machine the CPU runs faster or
slower from one minute to the next, and under load a process needs up to
twice the CPU time for the same work; both halves of a run slow down alike,
so the ratio holds (in five runs under a load of 6-9 it moved by 0.04x,
where separate floor runs gave 0.2-0.5x). A notebook passes when the median
of its ratios over the rounds is under 1.5.

Tables come from the disk cache (:mod:`pkedu.tablecache`), warmed before the
first round, as for a student from their second run on; reading and checking
the CSV files the first time is the data section's figure. The wall time a
student feels, fastest and median against a floor notebook run at the start
of each round, is reported beside the gated figure. The chart specs of the
executed notebooks are kept for the sizes section.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.config import (
    FLOOR_SOURCE, NOTEBOOK_DIRS, NOTEBOOK_RATIO_BUDGET, find_notebooks, notebook_label,
)
from benchmarks.report import Row, Section, first_line, progress
from benchmarks.sizes import ChartSpec, scan_chart_specs
from benchmarks.stats import fastest, median

FLOOR = "floor"


@dataclass
class NotebookRun:
    seconds: float               # kernel start + every cell
    kernel_start: float
    cells: list[float]           # seconds per cell, in order (markdown cells take ~0)
    nb: Any = None               # the executed notebook
    cpu: float | None = None     # CPU seconds the kernel used (user + system), start included
    floor_seconds: float | None = None  # kernel start + the floor cell, when run with one
    floor_cpu: float | None = None      # the kernel's CPU seconds by then

    def ratio(self) -> tuple[float, str] | None:
        """The run's figure against the floor measured inside it, and its basis (CPU or wall).

        >>> NotebookRun(4.0, 0.5, [], cpu=3.0, floor_seconds=2.5, floor_cpu=2.0).ratio()
        (1.5, 'CPU')
        >>> NotebookRun(4.0, 0.5, [], floor_seconds=2.5).ratio()
        (1.6, 'wall')
        >>> NotebookRun(4.0, 0.5, []).ratio() is None
        True
        """
        if self.cpu is not None and self.floor_cpu:
            return self.cpu / self.floor_cpu, "CPU"
        if self.floor_seconds:
            return self.seconds / self.floor_seconds, "wall"
        return None


def run_notebook(nb: Any, folder: Path, floor_first: bool = False) -> NotebookRun:
    """Start a fresh python3 kernel in ``folder`` and run every cell, timed.

    The time covers kernel start and every cell (what restart-and-run-all costs);
    kernel shutdown is not counted. With ``floor_first``, a cell with the
    floor's imports runs first and the time and CPU time by its end are
    recorded; the cell is removed from the executed notebook, and ``cells``
    holds the notebook's own cells only.
    """
    import nbformat
    from nbclient import NotebookClient

    if floor_first:
        nb.cells.insert(0, nbformat.v4.new_code_cell(FLOOR_SOURCE))
    client = NotebookClient(nb, kernel_name="python3", timeout=600, allow_errors=False,
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(folder)}})
    client.reset_execution_trackers()
    cells = []
    floor_seconds = floor_cpu = None
    start = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        started = time.perf_counter()
        for index, cell in enumerate(client.nb.cells):
            t0 = time.perf_counter()
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            cells.append(time.perf_counter() - t0)
            if floor_first and index == 0:
                floor_seconds, floor_cpu = time.perf_counter() - start, kernel_cpu(client)
        elapsed = time.perf_counter() - start
        cpu = kernel_cpu(client)
    if floor_first:
        del client.nb.cells[0], cells[0]
    return NotebookRun(elapsed, started - start, cells, client.nb, cpu, floor_seconds, floor_cpu)


def kernel_cpu(client: Any) -> float | None:
    """CPU seconds (user + system) the client's kernel process has used, or None if unknown."""
    try:
        import psutil

        times = psutil.Process(client.km.provisioner.process.pid).cpu_times()
    except Exception:  # another provisioner, or psutil missing: the wall-clock gate is used
        return None
    return float(times.user + times.system)


def slowest_cells(cells: Sequence[float], n: int = 2) -> str:
    """The n slowest cells as text, e.g. 'slowest cells: #7 1.20 s, #3 0.40 s'.

    >>> slowest_cells([0.1, 1.2, 0.0, 0.4])
    'slowest cells: #1 1.20 s, #3 0.40 s'
    """
    ranked = sorted(range(len(cells)), key=lambda i: cells[i], reverse=True)[:n]
    return "slowest cells: " + ", ".join(f"#{i} {cells[i]:.2f} s" for i in ranked)


def floor_row(samples: Sequence[float], cpu: Sequence[float] = ()) -> Row:
    """The floor's row: its fastest run, with the median (and its CPU time) beside it.

    >>> floor_row([2.2, 2.07, 2.4]).figure_text()
    '2.07 s'
    >>> floor_row([2.2, 2.07, 2.4], cpu=[2.0, 1.9, 2.1]).note
    'fastest of 3; median 2.20 s; CPU 1.90-2.10 s; import pandas, altair, ipywidgets, pkedu'
    """
    cpu_text = f"CPU {min(cpu):.2f}-{max(cpu):.2f} s; " if cpu else ""
    return Row("floor (imports only)", fastest(samples), "s", samples=list(samples),
               note=f"fastest of {len(samples)}; median {median(samples):.2f} s; "
                    f"{cpu_text}{FLOOR_SOURCE}",
               details={"cpu_seconds": list(cpu)} if cpu else {})


def notebook_row(label: str, samples: Sequence[float], floor: Sequence[float],
                 ratios: Sequence[float], cells: Sequence[float] = (),
                 budget: float = NOTEBOOK_RATIO_BUDGET, basis: str = "CPU") -> Row:
    """A notebook's row: the median of its runs' ratios, the wall times a student feels beside it.

    ``ratios`` has one figure per run of the notebook: its kernel's CPU time
    (``basis`` "CPU"), or its wall time where CPU time could not be read
    ("wall"), divided by the same at the end of the floor cell that starts
    the run (:meth:`NotebookRun.ratio`). The gated figure is their median;
    the row is ``ok`` when it is under ``budget``. ``samples`` and ``floor``
    are the wall times of the notebook's runs and of the floor notebook's
    runs: their fastest and median, against the floor's, are in the note.

    Why the median: other work on the machine slows the floor cell or the
    notebook's cells of one run more than the other, in either direction.
    The median of five ignores two such runs.

    >>> row = notebook_row("02_scale.ipynb", [2.9, 2.8, 3.6], [2.1, 2.0, 2.5],
    ...                    ratios=[1.36, 1.41, 1.38])
    >>> row.figure_text(), row.status
    ('CPU 1.38x', 'ok')
    >>> row.note
    'runs 1.36, 1.41, 1.38; wall: fastest 2.80 s = 1.40x, median 2.90 s = 1.38x'
    """
    wall = (f"wall: fastest {fastest(samples):.2f} s = {fastest(samples) / fastest(floor):.2f}x, "
            f"median {median(samples):.2f} s = {median(samples) / median(floor):.2f}x")
    ratio = median(ratios)
    note = "runs " + ", ".join(f"{r:.2f}" for r in ratios) + "; " + wall
    if cells:
        note += "; " + slowest_cells(cells)
    return Row(label, ratio, "x", budget, samples=list(samples), figure=f"{basis} {ratio:.2f}x",
               budget_figure=f"< {budget:.2f}x floor", note=note,
               details={"ratios": list(ratios)})


def rounds(items: Sequence[str], count: int) -> list[tuple[int, str]]:
    """The order of runs: each round runs the floor notebook, then every item.

    Each round starts one item later, so that no item is always the first
    run after the floor or the last.

    >>> [f"{n}{item}" for n, item in rounds(["a", "b"], 2)]
    ['1floor', '1a', '1b', '2floor', '2b', '2a']
    """
    if count < 1:
        raise ValueError(f"rounds must be at least 1, got {count}")
    order = []
    for n in range(count):
        start = n % len(items) if items else 0
        order += [(n + 1, FLOOR)] + [(n + 1, item) for item in [*items[start:], *items[:start]]]
    return order


def warm_table_cache() -> None:
    """Read every table once, so that the timed runs all read them from the disk cache."""
    result = subprocess.run([sys.executable, "-c", "import pkedu.data as d\n"
                             "for name in d.TABLES: d.load_table(name)"],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise RuntimeError(f"loading the tables failed: {lines[-1]}")


def bench_notebooks(repeats: int, context: dict) -> Section:
    import nbformat

    section = Section("notebooks", f"Notebook execution: restart and run all, fresh kernel, "
                      f"{repeats} rounds; gate: median of the kernel's CPU time at the end "
                      "divided by its CPU time after a first cell with the floor's imports "
                      "(wall times against the floor notebook in the note)")
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    notebooks = find_notebooks()
    progress("notebooks: warm-up run of the floor notebook and the table cache (not timed)")
    run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
    warm_table_cache()
    labels = {notebook_label(path): path for path in notebooks}
    runs: list[tuple[str, NotebookRun]] = []   # every timed run, in order
    errors: dict[str, str] = {}
    executed_specs: dict[str, list[ChartSpec]] = {}
    cell_times: dict[str, list[float]] = {}   # the cells of each notebook's fastest run
    for run, label in rounds(list(labels), repeats):
        if label in errors:
            continue
        progress(f"notebooks: {label}, round {run}/{repeats}")
        if label == FLOOR:
            runs.append((label, run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])))
            continue
        try:
            nb = nbformat.read(labels[label], as_version=4)
            result = run_notebook(nb, labels[label].parent, floor_first=True)
        except Exception as exc:
            errors[label] = first_line(exc)
            continue
        walls = [r.seconds for name, r in runs if name == label]
        if not walls or result.seconds < min(walls):
            cell_times[label] = result.cells
        executed_specs[label] = scan_chart_specs(result.nb)
        result.nb = None  # the executed notebook is not needed any more
        runs.append((label, result))
    context["executed_specs"] = executed_specs
    times = {label: [r.seconds for name, r in runs if name == label] for label in [FLOOR, *labels]}
    figures = {label: [r.ratio() for name, r in runs if name == label] for label in labels}
    with_cpu = all(f is not None and f[1] == "CPU" for fs in figures.values() for f in fs)
    basis = "CPU" if with_cpu else "wall"
    floor_cpu = [r.cpu for name, r in runs if name == FLOOR and r.cpu is not None]
    section.rows.append(floor_row(times[FLOOR], floor_cpu))
    if not notebooks:
        section.rows.append(Row("notebooks", error="no notebooks found in notebooks/ or "
                                "notebooks/apps/"))
    for label in labels:
        if label in errors:
            section.rows.append(Row(label, unit="x", budget=NOTEBOOK_RATIO_BUDGET,
                                    budget_figure=f"< {NOTEBOOK_RATIO_BUDGET:.2f}x floor",
                                    error=f"failed to run: {errors[label]}"))
            continue
        own = [r for name, r in runs if name == label]
        ratios = [(r.cpu / r.floor_cpu if with_cpu else r.seconds / r.floor_seconds)  # type: ignore[operator]
                  for r in own]
        row = notebook_row(label, times[label], times[FLOOR], ratios, cell_times[label],
                           basis=basis)
        if with_cpu:
            row.details["cpu_seconds"] = [r.cpu for r in own]
            row.details["floor_cpu_seconds"] = [r.floor_cpu for r in own]
        section.rows.append(row)
    starts = [r.kernel_start for _, r in runs]
    section.notes.append(f"kernel start (included above): median {median(starts):.2f} s; "
                         "cells are numbered from 0, markdown cells included, the floor cell "
                         f"left out (fastest run); gate on {basis} time; runs: each round's "
                         "ratio, in order.")
    return section
