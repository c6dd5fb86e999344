"""The notebooks section: restart-and-run-all time of every notebook, against a floor.

Each notebook runs as Restart Kernel and Run All Cells does (a fresh python3
kernel, every cell in order, nbclient), and so does the floor: a notebook
whose only cell imports pandas, Altair, ipywidgets and pkedu. The runs are
interleaved (:func:`benchmarks.stats.interleaved_order`).

The gate: a notebook passes when the CPU time its kernel used, in its cheapest
run, is under 1.5 times the floor's (:func:`notebook_row`). CPU time is what
the notebook itself costs: other work on the machine makes a run wait longer,
but hardly makes its kernel compute more, so noise cannot push the gated figure
up. (Wall-clock times were tried first: on a shared 2-core machine the fastest
floor run alone moved by 12% between two quiet runs, enough to flip the gate.)
The wall time a student feels, fastest and median, is reported beside it.
The chart specs of the executed notebooks are kept for the sizes section.
"""

from __future__ import annotations

import subprocess
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
from benchmarks.stats import fastest, interleaved_order, median

FLOOR = "floor"


@dataclass
class NotebookRun:
    seconds: float               # kernel start + every cell
    kernel_start: float
    cells: list[float]           # seconds per cell, in order (markdown cells take ~0)
    nb: Any = None               # the executed notebook
    cpu: float | None = None     # CPU seconds the kernel used (user + system), start included


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
        cpu = kernel_cpu(client)
    return NotebookRun(elapsed, started - start, cells, client.nb, cpu)


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


def floor_row(samples: Sequence[float]) -> Row:
    """The floor's row: its fastest run, with the median beside it.

    >>> floor_row([2.2, 2.07, 2.4]).figure_text()
    '2.07 s'
    >>> floor_row([2.2, 2.07, 2.4]).note
    'fastest of 3; median 2.20 s; import pandas, altair, ipywidgets, pkedu'
    """
    return Row("floor (imports only)", fastest(samples), "s", samples=list(samples),
               note=f"fastest of {len(samples)}; median {median(samples):.2f} s; {FLOOR_SOURCE}")


def notebook_row(label: str, samples: Sequence[float], floor: Sequence[float],
                 cells: Sequence[float] = (), budget: float = NOTEBOOK_RATIO_BUDGET,
                 cpu: Sequence[float] = (), floor_cpu: Sequence[float] = ()) -> Row:
    """A notebook's row: the gate on kernel CPU time, the wall time a student feels beside it.

    With CPU times (``cpu``, ``floor_cpu``) the gated figure is the notebook's
    smallest CPU time divided by the floor's; without them, its fastest wall
    time divided by the floor's. The row is ``ok`` when the figure is under
    ``budget``. The fastest and median wall times are in the note.

    >>> row = notebook_row("02_scale.ipynb", [2.9, 2.8, 3.6], [2.1, 2.0, 2.5],
    ...                    cpu=[3.0, 2.9, 3.1], floor_cpu=[2.2, 2.1, 2.3])
    >>> row.figure_text(), row.status
    ('CPU 2.90 s = 1.38x', 'ok')
    >>> row.note
    'wall: fastest 2.80 s = 1.40x, median 2.90 s = 1.38x'
    >>> notebook_row("02_scale.ipynb", [2.9, 2.8, 3.6], [2.1, 2.0, 2.5]).figure_text()
    '2.80 s = 1.40x'
    """
    wall = f"fastest {fastest(samples):.2f} s = {fastest(samples) / fastest(floor):.2f}x, "
    note = f"median {median(samples):.2f} s = {median(samples) / median(floor):.2f}x"
    if cpu and floor_cpu:
        ratio = fastest(cpu) / fastest(floor_cpu)
        figure, note = f"CPU {fastest(cpu):.2f} s = {ratio:.2f}x", "wall: " + wall + note
    else:
        ratio = fastest(samples) / fastest(floor)
        figure = f"{fastest(samples):.2f} s = {ratio:.2f}x"
    if cells:
        note += "; " + slowest_cells(cells)
    return Row(label, ratio, "x", budget, samples=list(samples), figure=figure,
               budget_figure=f"< {budget:.2f}x floor", note=note)


def bench_notebooks(repeats: int, context: dict) -> Section:
    import nbformat

    section = Section("notebooks", f"Notebook execution: restart and run all, fresh kernel, "
                      f"{repeats} interleaved runs; gate: kernel CPU time against the floor's "
                      "(wall times in the note)")
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    notebooks = find_notebooks()
    progress("notebooks: warm-up run of the floor notebook (not timed)")
    run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
    labels = {notebook_label(path): path for path in notebooks}
    times: dict[str, list[float]] = {FLOOR: [], **{label: [] for label in labels}}
    cpu: dict[str, list[float]] = {FLOOR: [], **{label: [] for label in labels}}
    errors: dict[str, str] = {}
    executed_specs: dict[str, list[ChartSpec]] = {}
    cell_times: dict[str, list[float]] = {}   # the cells of each notebook's fastest run
    starts: list[float] = []
    for run, label in interleaved_order([FLOOR, *labels], repeats):
        if label in errors:
            continue
        progress(f"notebooks: {label}, run {run}/{repeats}")
        try:
            if label == FLOOR:
                result = run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
            else:
                nb = nbformat.read(labels[label], as_version=4)
                result = run_notebook(nb, labels[label].parent)
        except Exception as exc:
            if label == FLOOR:
                raise
            errors[label] = first_line(exc)
            continue
        if label != FLOOR:
            if not times[label] or result.seconds < min(times[label]):
                cell_times[label] = result.cells
            executed_specs[label] = scan_chart_specs(result.nb)
        times[label].append(result.seconds)
        if result.cpu is not None:
            cpu[label].append(result.cpu)
        starts.append(result.kernel_start)
    context["executed_specs"] = executed_specs
    section.rows.append(floor_row(times[FLOOR]))
    if not notebooks:
        section.rows.append(Row("notebooks", error="no notebooks found in notebooks/ or "
                                "notebooks/apps/"))
    for label in labels:
        if label in errors:
            section.rows.append(Row(label, unit="x", budget=NOTEBOOK_RATIO_BUDGET,
                                    budget_figure=f"< {NOTEBOOK_RATIO_BUDGET:.2f}x floor",
                                    error=f"failed to run: {errors[label]}"))
            continue
        complete = len(cpu[label]) == len(times[label]) and len(cpu[FLOOR]) == len(times[FLOOR])
        section.rows.append(notebook_row(label, times[label], times[FLOOR], cell_times[label],
                                         cpu=cpu[label] if complete else (),
                                         floor_cpu=cpu[FLOOR] if complete else ()))
    section.notes.append(f"kernel start (included above): median {median(starts):.2f} s; "
                         "cells are numbered from 0, markdown cells included (fastest run).")
    return section
