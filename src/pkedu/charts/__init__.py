"""Finished Altair charts for the course, one call each.

Every builder takes the loaded tables (``pk.data.load_*()``), aggregates
them with :mod:`pkedu.analysis` and returns an Altair chart with a title, a
subtitle naming the source, tooltips with exact numbers and dates, and a
top-level ``description``: a plain sentence with the key numbers that
screen readers announce as the chart's label (:func:`describe` returns it).

What every chart has in common:

* one look (:mod:`pkedu.theme`) and one colour per ASEAN state everywhere;
* a month with no UN report is a gap in the line, never a zero, and a grey
  band marks it. Yearly values (``resolution="year"``) are averages of the
  reported months of each year;
* the data travel inside the chart as a short CSV text with short column
  names (``m`` date, ``c`` series, ``v`` value, ``k`` country code,
  ``n`` personnel), at most :data:`MAX_ROWS` rows, so notebooks stay small.
  :func:`chart_data` reads them back as a DataFrame;
* selections have fixed names (``country``, ``group``, ``region``,
  ``hover``), so stored notebook outputs do not change between runs.

Where things live (each a short module; ``pk.charts.<name>`` reaches every
builder, helper and constant, whichever module defines it):

* :mod:`~pkedu.charts.over_time`: :func:`contributions_over_time`,
  :func:`small_multiples`, :func:`first_deployments`, :func:`contributors_count`;
* :mod:`~pkedu.charts.one_month`: :func:`ranking`, :func:`personnel_mix`,
  :func:`where_they_serve`;
* :mod:`~pkedu.charts.comparisons`: :func:`compare_groups`,
  :func:`share_of_world`, :func:`women_share`, :func:`pledge_gap`;
* :mod:`~pkedu.charts.events`: :func:`timeline`;
* :mod:`~pkedu.charts.money`: :func:`reimbursement_rates`;
* :mod:`~pkedu.charts.helpers`: :func:`describe`, :func:`chart_data`, :func:`save`;
* :mod:`~pkedu.charts._common`: what every builder shares (the ``@_builder``
  decorator, argument checks, inline data, words for descriptions, titles);
  :mod:`~pkedu.charts._time`: lines over time, gaps and hover.

A new builder goes into the topic module it belongs to, wears ``@_builder``,
and is imported below (a test fails when it is not); the tests then find it,
build it and draw it without being told about it.

>>> import pkedu as pk
>>> chart = ranking(pk.data.load_contributions(), "2021-01", top=3)
>>> describe(chart)[:62]
'Bar chart ranking the countries with the most UN peacekeepers '
>>> chart_data(chart)[["r", "k", "n"]].head(2).to_string(index=False)
' r   k    n\\n 1 BGD 6711\\n 2 RWA 6378'
"""

from __future__ import annotations

# The source lines, the notes and the decorator for new builders are reachable as
# pk.charts.<name> too, as they were when pkedu.charts was one module.
from pkedu.charts._common import (
    GAP_NOTE, MAX_ROWS, SOURCE, SOURCE_EVENTS, SOURCE_MISSIONS, YEAR_NOTE,  # noqa: F401
    SOURCE_RATES, _builder,  # noqa: F401
)
from pkedu.charts.comparisons import (
    COMPARISON_GROUPS, EASTERN_AFRICA, SOUTH_ASIA, compare_groups, pledge_gap, share_of_world,
    women_share,
)
from pkedu.charts.events import timeline
from pkedu.charts.helpers import chart_data, describe, save
from pkedu.charts.money import reimbursement_rates
from pkedu.charts.one_month import personnel_mix, ranking, where_they_serve
from pkedu.charts.over_time import (
    contributions_over_time, contributors_count, first_deployments, small_multiples,
)

__all__ = [
    "contributions_over_time", "small_multiples", "first_deployments", "contributors_count",
    "timeline", "ranking", "compare_groups", "share_of_world", "personnel_mix", "women_share",
    "where_they_serve", "pledge_gap", "reimbursement_rates", "describe", "save", "chart_data",
    "COMPARISON_GROUPS", "SOUTH_ASIA", "EASTERN_AFRICA", "MAX_ROWS",
]
