"""Contribution explorer: how many UN peacekeepers did ASEAN states send, and when?

Pick countries, a span of years and a personnel group; the app reports the
yearly average in the last chosen year, the peak month, the first month with
personnel and how many months have no UN report, and draws one line per
country. Data: the UN's monthly counts of uniformed personnel by contributing
country (``data/contributions.csv.gz``).

>>> r = explorer_model(["IDN"], 2019, 2019)
>>> r.ok, round(r.numbers["last_year_mean"])
(True, 2938)
>>> explorer_model([], 2000, 2010).message
'Pick at least one country.'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import altair as alt
import numpy as np
import pandas as pd

from pkedu import chartdata, theme
from pkedu.apps._common import (
    AppResult, InputProblem, Problems, ResultPanel, app_box, fmt_int, highlight, month_text, names, tag,
    to_choice, to_countries, to_country, to_year,
)
from pkedu.apps._series import (
    GROUP_KINDS, annual_mean, calendar, country_yearly, first_month, monthly_total,
)
from pkedu.data import ASEAN10

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

APP = "explorer"
GROUP_CHOICES: tuple[str, ...] = ("all", "troops", "police", "experts")
GROUP_WORDS: dict[str, str] = {"all": "uniformed personnel", "troops": "troops",
                               "police": "police", "experts": "experts"}
GROUP_LABELS: dict[str, str] = {
    "all": "All uniformed personnel",
    "troops": "Troops (incl. staff officers)",
    "police": "Police",
    "experts": "Experts (e.g. military observers)",
}


def data_years() -> tuple[int, int]:
    """The first and last year with any UN figures.

    >>> data_years()
    (1990, 2025)
    """
    _, _, years = calendar()
    return int(years[0]), int(years[-1])


def _span_text() -> str:
    months, _, _ = calendar()
    return f"{month_text(months[0])} to {month_text(months[-1])}"


def _check_years(start: object, end: object) -> tuple[int, int, str]:
    """Clean years, clipped to the data, and a note when they were clipped."""
    first, last = data_years()
    years = Problems()
    start = years.check(to_year, start, "the start year", first, last)
    end = years.check(to_year, end, "the end year", first, last)
    if years or start is None or end is None:
        raise InputProblem(years.message())
    if start > end:
        raise InputProblem(f"The start year ({start}) comes after the end year ({end}). "
                           "Swap them, or move the slider's left handle back.")
    if end < first or start > last:
        raise InputProblem(f"There are no UN figures for {start}-{end}: the data run from "
                           f"{_span_text()}. Choose years between {first} and {last}.")
    note = ""
    if start < first or end > last:
        note = (f"The data run from {_span_text()}, so only {max(start, first)}-"
                f"{min(end, last)} is shown.")
    return max(start, first), min(end, last), note


def explorer_model(countries: object = ASEAN10, start: object = 1990, end: object = 2025,
                   group: object = "all") -> AppResult:
    """Headline numbers, a per-country table and a line chart for one choice.

    ``numbers`` holds ``last_year``, ``last_year_mean`` (yearly average of the
    monthly counts, as ``pk.analysis.annual(..., how="mean")``), ``peak``,
    ``peak_month``, ``first_month`` and ``first_year`` (first with personnel in the range),
    ``missing_months`` (months in the range with no UN report) and the cleaned
    inputs. Bad input gives ``ok=False`` and a plain-English ``message``.

    >>> r = explorer_model(["VNM"], 2010, 2016, "troops")
    >>> r.numbers["first_month"], r.numbers["missing_months"]
    ('2015-04', 6)
    >>> explorer_model(["IDN"], 2020, 2010).message[:40]
    'The start year (2020) comes after the en'
    >>> print(explorer_model(["XXX"], "soon", 2010, "navy").message)  # doctest: +ELLIPSIS
    I don't know the country 'XXX'. Use a name such as 'Indonesia' or a code such as 'IDN'.
    The personnel group must be 'all', 'troops', 'police' or 'experts' (you gave 'navy').
    'soon' is not a number. Type the start year in digits, for example 2025.
    """
    problems = Problems()
    codes = problems.check(to_countries, countries)
    group = problems.check(to_choice, group, GROUP_CHOICES, "personnel group")
    years = problems.check(_check_years, start, end)
    if problems or codes is None or group is None or years is None:
        return AppResult.problem(problems.message())
    return _explore(codes, group=group, start=years[0], end=years[1], note=years[2])


def _explore(codes: tuple[str, ...], start: int, end: int, group: str, note: str) -> AppResult:
    months, reported, years = calendar()
    kinds = GROUP_KINDS[group]
    in_range = (years >= start) & (years <= end)
    combined = monthly_total(codes, kinds)
    values = np.where(in_range, combined, np.nan)
    yearly = annual_mean(values)
    last = yearly.iloc[-1]
    active = np.flatnonzero(np.nan_to_num(values) > 0)
    peak_at = int(np.nanargmax(values)) if len(active) else None
    numbers = {
        "countries": codes, "group": group, "start": start, "end": end,
        "last_year": int(last["year"]), "last_year_mean": float(last["total"]),
        "last_year_months": int(last["n_months"]),
        "peak": float(values[peak_at]) if peak_at is not None else 0.0,
        "peak_month": f"{months[peak_at]:%Y-%m}" if peak_at is not None else None,
        "first_month": f"{months[active[0]]:%Y-%m}" if len(active) else None,
        "first_year": int(years[active[0]]) if len(active) else None,
        "missing_months": int((in_range & ~reported).sum()),
    }
    who = names(codes) if len(codes) <= 3 else f"These {len(codes)} countries"
    word = GROUP_WORDS[group]
    headline = (f"{who} had on average {fmt_int(numbers['last_year_mean'])} {word} deployed "
                f"with the UN in {numbers['last_year']}.")
    return AppResult(headline=headline, message=note, numbers=numbers,
                     notes=_notes(numbers, months), table=_table(codes, kinds, numbers),
                     chart=_chart(codes, kinds, numbers))


def _notes(numbers: dict, months: pd.DatetimeIndex) -> tuple[str, ...]:
    span = f"{numbers['start']}-{numbers['end']}"
    word = GROUP_WORDS[numbers["group"]]
    notes = []
    if numbers["first_month"] is None:
        notes.append(f"No {word} from these countries in {span}.")
    else:
        peak_month = pd.Timestamp(numbers["peak_month"])
        first = pd.Timestamp(numbers["first_month"])
        notes.append(f"Peak month in {span}: {fmt_int(numbers['peak'])} in "
                     f"{month_text(peak_month)}.")
        start = " (the data begin then)" if first == months[0] else ""
        notes.append(f"First month with {word} in {span}: {month_text(first)}{start}.")
    if numbers["last_year_months"] < 12:
        notes.append(f"{numbers['last_year']} has only {numbers['last_year_months']} months "
                     "with a UN report in the data, so its average rests on those months.")
    missing = numbers["missing_months"]
    notes.append(f"Months in {span} with no UN report: {missing}" +
                 (" (they are gaps, never counted as zero)." if missing else "."))
    return tuple(notes)


def _table(codes: tuple[str, ...], kinds: tuple[str, ...], numbers: dict) -> pd.DataFrame:
    rows = []
    last_year = numbers["last_year"]
    for code in codes:
        yearly = country_yearly(code, kinds)
        row = yearly[yearly["year"] == last_year]
        mean = float(row["total"].iloc[0]) if len(row) else np.nan
        first = first_month(code, kinds)
        rows.append({"Country": theme.label(code),
                     "First month in the UN data": month_text(first) if first is not None
                     else "none so far",
                     f"Average in {last_year}": round(mean)})
    return pd.DataFrame(rows)


def _chart_data(codes: tuple[str, ...], kinds: tuple[str, ...], start: int,
                end: int) -> pd.DataFrame:
    """One row per country and year: yearly average and months reported."""
    tables = []
    for code in codes:
        yearly = country_yearly(code, kinds)
        yearly = yearly[(yearly["year"] >= start) & (yearly["year"] <= end)]
        tables.append(pd.DataFrame({"country": theme.label(code), "year": yearly["year"],
                                    "personnel": yearly["total"].round(1),
                                    "months_reported": yearly["n_months"]}))
    return pd.concat(tables, ignore_index=True)


def _chart(codes: tuple[str, ...], kinds: tuple[str, ...], numbers: dict) -> alt.Chart:
    # pk.charts.contributions_over_time draws this picture for the lessons, but it
    # aggregates the whole table on every call (about a quarter of a second): too slow
    # for an app that redraws on every click. This chart reuses the cached series.
    data = _chart_data(codes, kinds, numbers["start"], numbers["end"])
    word = GROUP_WORDS[numbers["group"]]
    span = f"{numbers['start']}-{numbers['end']}"
    peak = (f" The busiest month was {month_text(pd.Timestamp(numbers['peak_month']))} with "
            f"{fmt_int(numbers['peak'])} in total." if numbers["peak_month"] else "")
    description = (f"Line chart: yearly average number of UN {word} from {names(codes)}, "
                   f"{span}, one line per country. In {numbers['last_year']} they had "
                   f"{fmt_int(numbers['last_year_mean'])} on average together.{peak}")
    pick = alt.selection_point(name="explorer_country", fields=["country"], bind="legend")
    chart = alt.Chart(chartdata.inline(data, decimals=1), description=description)
    return chart.mark_line(point=True).encode(
        x=alt.X("year", type="quantitative", title="Year", axis=alt.Axis(format="d"),
                scale=alt.Scale(zero=False)),
        y=alt.Y("personnel", type="quantitative", title=f"{word.capitalize()} (yearly average)"),
        color=alt.Color("country", type="nominal", title="Country",
                        scale=theme.color_scale(codes)),
        opacity=highlight(pick.name),
        tooltip=[alt.Tooltip("country", type="nominal", title="Country"),
                 alt.Tooltip("year", type="quantitative", title="Year", format="d"),
                 alt.Tooltip("personnel", type="quantitative", title="Yearly average",
                             format=",.0f"),
                 alt.Tooltip("months_reported", type="quantitative",
                             title="Months with a UN report")],
    ).add_params(pick).properties(
        title=alt.TitleParams(f"UN {word} from ASEAN states, {span}",
                              subtitle="Yearly average of the UN's monthly counts. "
                                       "Click a legend entry to highlight a country."),
    )


def _valid_codes(countries: object) -> tuple[str, ...]:
    """The codes among ``countries`` that the app knows (for the view's first state)."""
    if isinstance(countries, str):
        countries = countries.split(",")
    if not isinstance(countries, Iterable):
        return ()
    valid = []
    for value in countries:
        try:
            valid.append(to_country(value))
        except InputProblem:
            continue
    return tuple(dict.fromkeys(valid))


def _clamp_year(value: object, fallback: int) -> int:
    first, last = data_years()
    try:
        return min(max(to_year(value, "the year", first, last), first), last)
    except InputProblem:
        return fallback


def explorer(countries: object = ASEAN10, start: object = 1990, end: object = 2025,
             group: object = "all") -> ipywidgets.VBox:
    """The contribution explorer app (controls, headline, chart and table).

    Controls (CSS classes for browser tests): ``pk-explorer-countries``
    (SelectMultiple), ``pk-explorer-years`` (IntRangeSlider),
    ``pk-explorer-group`` (Dropdown), ``pk-explorer-all`` and
    ``pk-explorer-none`` (buttons); results in ``pk-explorer-headline``,
    ``pk-explorer-chart`` and ``pk-explorer-table``.

    >>> app = explorer(["KHM"], 2005, 2010)
    >>> "Cambodia" in app.panel.headline.value
    True
    """
    import ipywidgets as widgets

    first, last = data_years()
    low, high = sorted((_clamp_year(start, first), _clamp_year(end, last)))
    pick = tag(widgets.SelectMultiple(
        options=[(theme.label(c), c) for c in ASEAN10], value=_valid_codes(countries),
        description="Countries", rows=len(ASEAN10)), APP, "countries")
    every = tag(widgets.Button(description="All ten", tooltip="Select all ten ASEAN states"),
                APP, "all")
    clear = tag(widgets.Button(description="None", tooltip="Clear the selection"), APP, "none")
    years = tag(widgets.IntRangeSlider(value=(low, high), min=first, max=last, step=1,
                                       description="Years", continuous_update=False,
                                       layout={"width": "36em"}), APP,
                "years")
    chosen_group = group if isinstance(group, str) and group in GROUP_CHOICES else "all"
    group_box = tag(widgets.Dropdown(options=[(v, k) for k, v in GROUP_LABELS.items()],
                                     value=chosen_group, description="Personnel"), APP, "group")
    panel = ResultPanel(APP)

    def update(_: object = None) -> None:
        panel.show(lambda: explorer_model(pick.value, *years.value, group_box.value))

    panel.show(lambda: explorer_model(countries, start, end, group))
    for control in (pick, years, group_box):
        control.observe(update, names="value")
    every.on_click(lambda _: setattr(pick, "value", ASEAN10))
    clear.on_click(lambda _: setattr(pick, "value", ()))
    hint = widgets.HTML("<small>Hold Ctrl (Cmd on a Mac) to pick several countries.</small>")
    controls = [widgets.HBox([pick, widgets.VBox([every, clear, hint])]), years, group_box]
    return app_box(APP, "Contribution explorer",
                   "How many UN peacekeepers did ASEAN states send, and when? Pick countries, "
                   "years and a personnel group. Source: UN monthly counts of uniformed "
                   "personnel by contributing country, November 1990 to July 2025.",
                   controls, panel)
