"""The interactions section: kernel-side latency of every interactive app.

The cases come from ``pkedu.widgets.benchmark_cases()``; each is warmed up,
then timed in rounds (:func:`time_cases`). The figures are the median and the
95th percentile per app. Runs in the benchmark's own process, not a browser.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from types import ModuleType

from benchmarks.config import INTERACTION_MEDIAN_BUDGET, INTERACTION_P95_BUDGET
from benchmarks.report import Row, Section, progress
from benchmarks.stats import median, percentile


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
