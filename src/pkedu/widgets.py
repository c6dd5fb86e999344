"""Interactive apps for the notebooks (and for Voila).

Four apps, each a view (returns an ``ipywidgets.VBox``) over a pure model
(returns an :class:`AppResult`, never raises for bad input):

* contribution explorer: ``explorer(countries, start, end, group)`` over
  :func:`explorer_model`;
* cost and reimbursement calculator: ``reimbursement_calculator()`` over
  :func:`reimbursement_model`;
* consensus simulator: ``consensus_simulator()`` over :func:`consensus_model`;
* force builder: ``force_builder()`` over :func:`force_model`.

In a notebook: ``pk.widgets.explorer()``. The code lives in
:mod:`pkedu.apps`, one module per app.

>>> r = reimbursement_model(size="abc")
>>> r.ok, r.message
(False, "'abc' is not a number. Type the contingent size in digits, for example 150.")
>>> sorted(benchmark_cases())
['consensus', 'explorer', 'force_builder', 'reimbursement']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from pkedu.apps._common import AppResult
from pkedu.apps.consensus import consensus_model, consensus_simulator
from pkedu.apps.explorer import explorer, explorer_model
from pkedu.apps.force_builder import force_builder, force_model
from pkedu.apps.reimbursement import reimbursement_calculator, reimbursement_model
from pkedu.data import ASEAN10

__all__ = [
    "AppResult",
    "explorer", "explorer_model",
    "reimbursement_calculator", "reimbursement_model",
    "consensus_simulator", "consensus_model",
    "force_builder", "force_model",
    "benchmark_cases",
]


def _interaction(model: Callable[..., AppResult], *args: object,
                 **kwargs: object) -> Callable[[], object]:
    """One interaction's kernel work: run the model and build the chart spec."""

    def run() -> object:
        result = model(*args, **kwargs)
        return result.chart.to_dict() if result.chart is not None else result.message

    return run


def _explorer_cases() -> list[Callable[[], object]]:
    selections = [ASEAN10, ("IDN",), ("KHM", "VNM"), ("MYS", "BRN", "THA"), ASEAN10[:5],
                  ("PHL", "SGP")]
    spans = [(1990, 2025), (2005, 2015), (2014, 2024), (1995, 2000), (2019, 2019)]
    groups = ["all", "troops", "police", "experts"]
    combos = itertools.islice(zip(itertools.cycle(selections), itertools.cycle(spans),
                                  itertools.cycle(groups)), 20)
    cases = [_interaction(explorer_model, list(c), s, e, g) for c, (s, e), g in combos]
    cases.append(_interaction(explorer_model, [], 1990, 2025))  # a message, no chart
    return cases


def _reimbursement_cases() -> list[Callable[[], object]]:
    cases = []
    for i, (size, months) in enumerate([(850, 12), (150, 6), (63, 12), (135, 9), (2000, 24),
                                        (30, 12), (273, 12), (1, 1)]):
        rate = ["2018-07-01", "2014-07-01", "1992-01-01", "custom"][i % 4]
        cost = ["", "2000", "1200", "900"][i % 4]
        country = ASEAN10[i % len(ASEAN10)]
        cases.append(_interaction(reimbursement_model, size, months, rate, "1500", cost, country,
                                  2008 + 2 * i))
    cases.append(_interaction(reimbursement_model, "abc", 12))
    cases.append(_interaction(reimbursement_model, 850, 12, country="", year=None))
    return cases


def _consensus_cases() -> list[Callable[[], object]]:
    variants: list[dict[str, str]] = [{}, {"SGP": "neutral"}, {"SGP": "neutral", "VNM": "neutral"},
                                      {"THA": "oppose"}, {"MYS": "oppose", "IDN": "neutral"}]
    variants.append({c: "support" for c in ASEAN10})
    variants.append({c: "neutral" for c in ASEAN10})
    cases = [_interaction(consensus_model, v) for v in variants]
    cases.append(_interaction(consensus_model, {"SGP": "support"}, {"MMR": ["regime security"],
                                                                  "KHM": ["cost", "sovereignty"]}))
    return cases


def _force_cases() -> list[Callable[[], object]]:
    forces = [
        {"IDN": {"infantry": 2, "staff": 1}, "KHM": {"demining": 1}, "VNM": {"medical": 1}},
        {"MYS": {"infantry": 5}, "BRN": {"infantry": 1}},
        {"THA": {"engineers": 1}, "VNM": {"medical": 1, "engineers": 1}},
        {c: {"observers": 2} for c in ASEAN10},
        {"IDN": {"infantry": 6, "police": 2, "staff": 2}, "PHL": {"medical": 1},
         "SGP": {"medical": 1, "observers": 2}},
        {"LAO": {"staff": 1}},
    ]
    cases = [_interaction(force_model, f) for f in forces]
    cases.append(_interaction(force_model, {"IDN": {"infantry": "lots"}}))
    return cases


def benchmark_cases() -> dict[str, list[Callable[[], object]]]:
    """For each app, zero-argument callables that each do one varied interaction's work.

    Each callable runs the app's model with one set of inputs and builds the
    chart's Vega-Lite spec (``chart.to_dict()``), which is what the kernel does
    when a student moves a control. A benchmark script times them.

    >>> cases = benchmark_cases()
    >>> all(len(v) >= 5 for v in cases.values())
    True
    >>> isinstance(cases["explorer"][0](), dict)
    True
    """
    return {"explorer": _explorer_cases(), "reimbursement": _reimbursement_cases(),
            "consensus": _consensus_cases(), "force_builder": _force_cases()}
