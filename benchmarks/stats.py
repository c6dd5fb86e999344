"""The statistics of the benchmark: median, percentile, fastest run.

Pure functions, no timing and no I/O; the sections use them, and
tests/test_benchmarks.py tests them. Which figure each section gates on is
decided in the section's own module (for the notebooks, see
:mod:`benchmarks.notebooks`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence


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


def fastest(values: Sequence[float]) -> float:
    """The smallest of a non-empty sequence of times: the run least disturbed by other work.

    Other work on the machine (another process, a busy disk) can only ever add
    time to a run, never take it away, so the fastest of several runs moves
    far less from one benchmark to the next than their median or mean.

    >>> fastest([2.31, 2.07, 2.64])
    2.07
    """
    if not values:
        raise ValueError("fastest of no values")
    return float(min(values))
