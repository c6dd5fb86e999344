"""The statistics of the benchmark: median, percentile, fastest run, and the order of runs.

Pure functions, no timing and no I/O; the sections use them, and
tests/test_benchmarks.py tests them. Which figure each section gates on is
decided in the section's own module (for the notebooks, see
:mod:`benchmarks.notebooks`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


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


def interleaved_order(items: Sequence[T], rounds: int) -> list[tuple[int, T]]:
    """The order of runs: every item once per round, each round starting one item later.

    Returns (round, item) pairs, rounds numbered from 1. Running the items in
    turn, rather than one item several times in a row, spreads any drift of
    the machine's speed over all of them; rotating the start puts every item
    at a different place in each round, so none is always the first run after
    a pause or always the last of a long series.

    >>> [f"{n}{item}" for n, item in interleaved_order(["F", "a", "b"], 3)]
    ['1F', '1a', '1b', '2a', '2b', '2F', '3b', '3F', '3a']
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    items = list(items)
    order = []
    for n in range(rounds):
        start = n % len(items) if items else 0
        order.extend((n + 1, item) for item in items[start:] + items[:start])
    return order
