"""Rows, sections and the text the benchmark prints: what every section shares.

A :class:`Row` is one figure with its budget and status (``ok``, ``OVER``,
``FAIL`` or ``info``); a :class:`Section` is a titled table of rows. The
summary line and the exit status are decided here. Nothing here measures.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks.config import KB, MB


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
    details: dict[str, list[float]] = field(default_factory=dict)  # more raw figures, by name

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


def progress(message: str) -> None:
    print(f"  ... {message}", file=sys.stderr, flush=True)


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def first_line(exc: BaseException) -> str:
    """One readable line describing an exception (the last line of a traceback)."""
    text = _ANSI.sub("", str(exc)).strip().splitlines()
    # nbclient's CellExecutionError ends with the exception; show that line.
    for line in reversed(text):
        if line.strip() and not line.startswith(("-", " ")):
            return f"{type(exc).__name__}: {line.strip()}"[:200]
    return type(exc).__name__
