"""The statistics of the benchmark: median, percentile, fastest run, order of runs, paired ratios.

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


def paired_order(floor: T, items: Sequence[T], rounds: int) -> list[tuple[int, T]]:
    """The order of runs with a floor run right before and right after every item run.

    Returns (round, item) pairs, rounds numbered from 1: ``floor, a, floor, b,
    floor, ...``. Each item run is bracketed by two floor runs, so that a
    ratio of the item to the mean of those two (:func:`paired_ratios`) is
    taken over a few seconds, in which the machine's speed cannot drift much.
    Consecutive items share the floor run between them, and so do rounds: a
    round ends with the floor run that starts the next. Each round starts one
    item later, so that no item is always the first run or the last.

    >>> [f"{n}{item}" for n, item in paired_order("F", ["a", "b"], 2)]
    ['1F', '1a', '1F', '1b', '1F', '2b', '2F', '2a', '2F']
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    items = list(items)
    order = [(1, floor)]
    for n in range(rounds):
        start = n % len(items) if items else 0
        for item in items[start:] + items[:start]:
            order.extend([(n + 1, item), (n + 1, floor)])
    return order


def paired_ratios(runs: Sequence[tuple[T, float]], floor: T) -> dict[T, list[float]]:
    """Each item run's figure divided by the mean of the floor runs next to it.

    ``runs`` is every run in the order it was made, as (item, figure) pairs.
    An item run is paired with the nearest floor run before it and the nearest
    after it (in :func:`paired_order` they are its neighbours), or with the one
    there is when it has floor runs on one side only. The result has one ratio
    per run of each item, in run order; an item with no floor run at all gets
    no ratio.

    Dividing by neighbours, a few seconds away, cancels a drift of the
    machine's speed over minutes: if everything runs 20% slower at the end of
    the benchmark than at its start, every pair is slowed alike.

    >>> paired_ratios([("F", 2.0), ("a", 3.0), ("F", 2.0), ("b", 4.4), ("F", 2.4)], "F")
    {'a': [1.5], 'b': [2.0]}
    """
    ratios: dict[T, list[float]] = {}
    floors = [i for i, (item, _) in enumerate(runs) if item == floor]
    for i, (item, value) in enumerate(runs):
        if item == floor:
            continue
        ratios.setdefault(item, [])
        before = [runs[j][1] for j in floors if j < i][-1:]
        after = [runs[j][1] for j in floors if j > i][:1]
        neighbours = before + after
        if neighbours:
            ratios[item].append(value / (sum(neighbours) / len(neighbours)))
    return ratios
