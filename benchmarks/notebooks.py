"""The notebooks section: restart-and-run-all time of every notebook, against a floor.

Each notebook runs as Restart Kernel and Run All Cells does (a fresh python3
kernel, every cell in order, nbclient), and so does the floor: a notebook
whose only cell imports pandas, Altair, ipywidgets and pkedu.

The gate is paired (:func:`notebook_row`). Every notebook run is bracketed by
floor runs right before and right after it
(:func:`benchmarks.stats.paired_order`), and each run gives one ratio: the
CPU time its kernel used divided by the mean of the two floor runs' CPU times
(:func:`benchmarks.stats.paired_ratios`). A notebook passes when the median of
its ratios over the rounds is under 1.5. CPU time is what the kernel computed:
other work on the machine makes a run wait longer but hardly makes it compute
more. On a virtual machine, though, the CPU itself runs faster or slower from
one minute to the next, and dividing the cheapest notebook run by the cheapest
floor run, minutes apart, moved by 20-25% between benchmarks of the same code.
Within a pair, a few seconds apart, that drift cancels. The wall time a student
feels, fastest and median, is reported beside it. The chart specs of the
executed notebooks are kept for the sizes section.
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
from benchmarks.stats import fastest, median, paired_order, paired_ratios

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
    """A notebook's row: the median of its paired ratios, the wall times a student feels beside it.

    ``ratios`` has one figure per run of the notebook: its kernel's CPU time
    (``basis`` "CPU"), or its wall time where CPU time could not be read
    ("wall"), divided by the mean of the floor runs right before and after it.
    The gated figure is their median; the row is ``ok`` when it is under
    ``budget``. ``samples`` and ``floor`` are the wall times of the notebook's
    and the floor's runs: their fastest and median, against the floor's, are
    in the note.

    Why the median and not the smallest ratio: noise adds time to a single
    run, but a ratio has a run on each side, and a disturbed floor run makes
    its ratio smaller, not larger. The smallest ratio would pick the pair
    whose floor was slowed the most, and let a slow notebook through; the
    median ignores one disturbed pair in either direction out of three.

    >>> row = notebook_row("02_scale.ipynb", [2.9, 2.8, 3.6], [2.1, 2.0, 2.5],
    ...                    ratios=[1.36, 1.41, 1.38])
    >>> row.figure_text(), row.status
    ('CPU 1.38x', 'ok')
    >>> row.note
    'pairs 1.36, 1.41, 1.38; wall: fastest 2.80 s = 1.40x, median 2.90 s = 1.38x'
    """
    wall = (f"wall: fastest {fastest(samples):.2f} s = {fastest(samples) / fastest(floor):.2f}x, "
            f"median {median(samples):.2f} s = {median(samples) / median(floor):.2f}x")
    ratio = median(ratios)
    note = "pairs " + ", ".join(f"{r:.2f}" for r in ratios) + "; " + wall
    if cells:
        note += "; " + slowest_cells(cells)
    return Row(label, ratio, "x", budget, samples=list(samples), figure=f"{basis} {ratio:.2f}x",
               budget_figure=f"< {budget:.2f}x floor", note=note,
               details={"paired_ratios": list(ratios)})


def bench_notebooks(repeats: int, context: dict) -> Section:
    import nbformat

    section = Section("notebooks", f"Notebook execution: restart and run all, fresh kernel, "
                      f"{repeats} rounds, every notebook run between two floor runs; gate: "
                      "median of kernel CPU time / mean CPU time of the floor runs beside it "
                      "(wall times in the note)")
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    notebooks = find_notebooks()
    progress("notebooks: warm-up run of the floor notebook (not timed)")
    run_notebook(nbformat.from_dict(floor_nb), NOTEBOOK_DIRS[0])
    labels = {notebook_label(path): path for path in notebooks}
    runs: list[tuple[str, NotebookRun]] = []   # every timed run, in order
    errors: dict[str, str] = {}
    executed_specs: dict[str, list[ChartSpec]] = {}
    cell_times: dict[str, list[float]] = {}   # the cells of each notebook's fastest run
    for run, label in paired_order(FLOOR, list(labels), repeats):
        if label in errors or (label == FLOOR and runs and runs[-1][0] == FLOOR):
            continue  # a notebook that failed leaves no run to bracket
        progress(f"notebooks: {label}, round {run}/{repeats}")
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
            walls = [r.seconds for name, r in runs if name == label]
            if not walls or result.seconds < min(walls):
                cell_times[label] = result.cells
            executed_specs[label] = scan_chart_specs(result.nb)
            result.nb = None  # the executed notebook is not needed any more
        runs.append((label, result))
    context["executed_specs"] = executed_specs
    times = {label: [r.seconds for name, r in runs if name == label] for label in [FLOOR, *labels]}
    with_cpu = all(r.cpu is not None for _, r in runs)
    basis = "CPU" if with_cpu else "wall"
    ratios = paired_ratios([(name, r.cpu if with_cpu else r.seconds) for name, r in runs], FLOOR)
    floor_cpu = [r.cpu for name, r in runs if name == FLOOR] if with_cpu else []
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
        row = notebook_row(label, times[label], times[FLOOR], ratios[label], cell_times[label],
                           basis=basis)
        if with_cpu:
            row.details["cpu_seconds"] = [r.cpu for name, r in runs if name == label]
        section.rows.append(row)
    starts = [r.kernel_start for _, r in runs]
    section.notes.append(f"kernel start (included above): median {median(starts):.2f} s; "
                         "cells are numbered from 0, markdown cells included (fastest run); "
                         f"gate on {basis} time; pairs: each round's ratios, in order.")
    return section
