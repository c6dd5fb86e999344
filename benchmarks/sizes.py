"""The sizes section: stored notebooks, the data folder, and the Vega-Lite chart specs.

Chart specs are measured as compact UTF-8 JSON in the stored notebooks, in
the notebooks just executed (when the notebooks section ran first), and for
every ``pkedu.charts`` builder called with the loaded tables.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.config import (
    CHART_SPEC_BUDGET, DATA_DIR, DATA_FOLDER_BUDGET, NOTEBOOK_FILE_BUDGET, TABLE_PARAMETERS,
    VEGALITE_MIME, find_notebooks, notebook_label,
)
from benchmarks.report import Row, Section, first_line, progress


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
    """Public functions of a charts module or package whose first parameter is a table.

    A function counts when it is defined in ``module`` or, for a package such
    as ``pkedu.charts``, in one of its modules; names it imports from elsewhere
    do not. Returns (name, function, {parameter: table name}) for every builder
    whose required parameters are all tables; other required parameters make it
    skip.
    """
    builders = []
    for name, func in inspect.getmembers(module, inspect.isfunction):
        defined_in = getattr(func, "__module__", None) or ""
        if name.startswith("_") or not (defined_in == module.__name__
                                        or defined_in.startswith(module.__name__ + ".")):
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
