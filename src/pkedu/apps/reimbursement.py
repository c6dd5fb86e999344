"""Cost and reimbursement calculator: what does the UN pay for a contingent?

The UN pays governments a flat monthly rate per person for troops, formed
police units and staff officers (General Assembly resolution 55/274). The app
multiplies contingent size by rate and months, compares the result with an
optional national cost per person per month, and estimates what a real ASEAN
contribution brought in: the year's average reimbursable personnel × rate × 12.
Data: ``data/reimbursement_rates.csv`` and the UN's monthly counts.

>>> r = reimbursement_model(850, 12, "2018-07-01")
>>> r.numbers["reimbursement"]
14565600.0
>>> reimbursement_model(0, 12).message  # doctest: +ELLIPSIS
'The contingent size must be between 1 and ... (you gave 0). ... is what the whole UN had...'
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from pkedu import chartdata, theme
from pkedu.apps._common import (
    CHART_WIDTH,
    AppResult, InputProblem, Problems, ResultPanel, app_box, blank, fmt_int, fmt_money, shown, tag,
    to_amount, to_count, to_country, to_number, to_year,
)
from pkedu.apps._series import KINDS, REIMBURSED_KINDS, year_mean
from pkedu.apps.explorer import data_years
from pkedu.data import ASEAN10, load_months, load_reimbursement_rates

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

APP = "reimbursement"
CUSTOM = "custom"
MAX_MONTHS = 120
MAX_AMOUNT = 100_000.0
#: Sources for who is reimbursed at the rate and where the money goes.
CATEGORY_SOURCE = "https://casquebleu.org/index.php?oldid=348&title=Personnel_reimbursement"
GOVERNMENT_SOURCE = ("http://prahprince-prince.blogspot.com/2016/08/"
                     "un-peacekeepers-pay-dispute-is-resolved.html")
BAR_COLORS = {"UN pays the government": "#0072B2", "The government pays": "#D55E00",
              "Real deployment (estimate)": "#7F7F7F"}


@functools.lru_cache(maxsize=1)
def rates() -> pd.DataFrame:
    """The reimbursement rates with a label for the drop-down, newest first.

    >>> rates().iloc[0]["label"]
    'US$1,428 from July 2018 (latest found)'
    """
    table = load_reimbursement_rates().sort_values("effective_from", ascending=False)
    labels = []
    for i, row in enumerate(table.itertuples()):
        start = pd.Timestamp(row.effective_from)
        if row.approximate:
            labels.append(f"about {fmt_money(row.rate_usd)} before July 2014 (approximate "
                          "average)")
        else:
            latest = " (latest found)" if i == 0 else ""
            labels.append(f"{fmt_money(row.rate_usd)} from {start:%B %Y}{latest}")
    return table.assign(label=labels, rate_usd=table["rate_usd"].astype(float)).reset_index(
        drop=True)


def rate_options() -> list[tuple[str, str]]:
    """(label, value) pairs for the rate drop-down, ending with the custom choice.

    >>> rate_options()[-1]
    ('Your own rate (type it below)', 'custom')
    """
    return [*zip(rates()["label"], rates()["effective_from"]),
            ("Your own rate (type it below)", CUSTOM)]


def rate_in_force(year: int) -> float | None:
    """The rate in force on 1 July of ``year`` (None before the table starts).

    >>> rate_in_force(2019), rate_in_force(2015), rate_in_force(1991)
    (1428.0, 1332.0, None)
    """
    table = rates()
    earlier = table[table["effective_from"] <= f"{year}-07-01"]
    return None if earlier.empty else float(earlier.iloc[0]["rate_usd"])


@functools.lru_cache(maxsize=1)
def _busiest_month() -> tuple[int, str]:
    months = load_months()
    row = months.loc[months["world_total"].idxmax()]
    return int(row["world_total"]), f"{row['month']:%B %Y}"


def _rate(rate: object, custom_rate: object) -> tuple[float, str, tuple[tuple[str, str], ...]]:
    """The monthly rate, how to describe it, and its sources."""
    table = rates().set_index("effective_from")
    if isinstance(rate, str) and rate.strip() in table.index:
        row = table.loc[rate.strip()]
        urls = [u.strip() for u in str(row["source_urls"]).split(";") if u.strip()]
        sources = tuple((f"Rate {row['label']}", u) for u in urls[:2])
        return float(row["rate_usd"]), f"the UN rate of {fmt_money(row['rate_usd'])}", sources
    if isinstance(rate, str) and rate.strip() == CUSTOM:
        value = to_amount(custom_rate, "your own rate", MAX_AMOUNT,
                          why="The UN's rate is about US$1,400 per person per month.")
        return value, f"your rate of {fmt_money(value)}", ()
    try:
        to_number(rate, "the rate")
    except InputProblem:
        raise InputProblem(f"The rate must be one from the list or a number (you gave "
                           f"{shown(rate)}). Choose 'Your own rate' to type one.") from None
    value = to_amount(rate, "the rate per person per month", MAX_AMOUNT)
    return value, f"your rate of {fmt_money(value)}", ()


def reimbursement_model(size: object = 850, months: object = 12, rate: object = "2018-07-01",
                        custom_rate: object = None, national_cost: object = None,
                        country: object = None, year: object = None) -> AppResult:
    """UN reimbursement for a contingent, against a national cost and a real deployment.

    ``rate`` is an effective date from the rates table (``"2018-07-01"``), a
    number, or ``"custom"`` with ``custom_rate`` (the student's own rate).
    ``national_cost`` (US$ per person per month), ``country`` and ``year`` are
    optional. ``numbers`` holds
    ``reimbursement``, ``per_month``, ``rate`` and, when given, ``national_total``
    and ``balance`` (positive: the UN pays more than it costs), and
    ``country_reimbursable``/``country_estimate`` for the comparison.

    >>> r = reimbursement_model(100, 6, "2018-07-01", national_cost=2000)
    >>> r.numbers["balance"]
    -343200.0
    >>> r = reimbursement_model(100, 6, country="IDN", year=2019)
    >>> round(r.numbers["country_estimate"] / 1e6, 1)
    49.2

    Every bad input is reported at once, one line each:

    >>> print(reimbursement_model(0, "abc", national_cost=-5).message)  # doctest: +ELLIPSIS
    The contingent size must be between 1 and ... (you gave 0). ...
    'abc' is not a number. Type the number of months in digits, for example 12.
    The national cost per person per month must be more than zero and at most ...
    """
    problems = Problems()
    world, busiest = _busiest_month()
    size = problems.check(to_count, size, "the contingent size", 1, world,
                          why=f"{world:,} is what the whole UN had deployed in its busiest month "
                              f"({busiest}).")
    months = problems.check(to_count, months, "the number of months", 1, MAX_MONTHS,
                            example="12", why=f"{MAX_MONTHS} months is ten years.")
    rated = problems.check(_rate, rate, custom_rate)
    cost = None if blank(national_cost) else problems.check(
        to_amount, national_cost, "the national cost per person per month", MAX_AMOUNT)
    compared: tuple[str, int] | None = None
    compare_problem = ""
    if not blank(country):
        try:
            compared = _comparison(country, year)
        except InputProblem as problem:
            compare_problem = str(problem)
    if problems or size is None or months is None or rated is None:
        problems.add(compare_problem)
        return AppResult.problem(problems.message())
    value, rate_words, sources = rated
    numbers: dict[str, Any] = {"size": size, "months": months, "rate": value,
                               "per_month": size * value, "reimbursement": size * value * months}
    notes = [f"UN reimbursement = contingent size × monthly rate per person × months = "
             f"{size:,} × {fmt_money(value)} × {months} = {fmt_money(numbers['reimbursement'])}."]
    headline = (f"The UN would pay {fmt_money(numbers['reimbursement'])} for {size:,} "
                f"{'person' if size == 1 else 'people'} over {months} "
                f"month{'s' if months != 1 else ''} at {rate_words} per person per month.")
    if cost is not None:
        headline += " " + _national(numbers, cost, notes)
    message = f"{compare_problem} (The comparison is left out.)" if compare_problem else ""
    if compared is not None:
        _compare(numbers, *compared, notes)
    notes.append("Troops, formed police units and staff officers are reimbursed at this rate. "
                 "The money goes to the government, which decides how much reaches each soldier.")
    sources += (("Who is reimbursed at the standard rate", CATEGORY_SOURCE),
                ("Governments decide what reaches the soldier", GOVERNMENT_SOURCE))
    return AppResult(headline=headline, message=message, numbers=numbers, notes=tuple(notes),
                     table=_table(numbers), chart=_chart(numbers), sources=sources)


def _national(numbers: dict[str, Any], cost: float, notes: list[str]) -> str:
    size, months, rate = numbers["size"], numbers["months"], numbers["rate"]
    numbers["national_cost"] = cost
    numbers["national_total"] = size * cost * months
    numbers["balance"] = numbers["reimbursement"] - numbers["national_total"]
    notes.append(f"National cost = contingent size × national cost per person per month × months "
                 f"= {size:,} × {fmt_money(cost)} × {months} = "
                 f"{fmt_money(numbers['national_total'])}.")
    notes.append(f"The contingent pays for itself when the national cost per person per month "
                 f"is at most the UN rate ({fmt_money(rate)}).")
    if numbers["balance"] >= 0:
        return (f"It costs the government {fmt_money(numbers['national_total'])}, so it pays for "
                f"itself with {fmt_money(numbers['balance'])} to spare.")
    return (f"It costs the government {fmt_money(numbers['national_total'])}, so the government "
            f"pays {fmt_money(-numbers['balance'])} more than the UN gives back.")


def _comparison(country: object, year: object) -> tuple[str, int]:
    """The country and year of the real-deployment comparison, or an :class:`InputProblem`
    naming every problem of the two.

    >>> _comparison("Vietnan", "next year")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: I don't know the country 'Vietnan'. Did you mean 'VNM' \
(Vietnam)? ...
    'next year' is not a number. Type the comparison year in digits, for example 2025.
    """
    problems = Problems()
    code = problems.check(to_country, country)
    first, last = data_years()
    year = problems.check(to_year, year, "the comparison year", first, last)
    if year is not None and not first <= year <= last:
        problems.add(f"There are no UN figures for {year}; choose a comparison year between "
                     f"{first} and {last}.")
    if problems or code is None or year is None:
        raise InputProblem(problems.message())
    return code, year


def _compare(numbers: dict[str, Any], code: str, year: int, notes: list[str]) -> None:
    """Add the real-deployment comparison for ``code`` in ``year`` to the numbers and notes."""
    reimbursed, n_months = year_mean(code, year, REIMBURSED_KINDS)
    everyone, _ = year_mean(code, year, KINDS)
    other = everyone - reimbursed
    estimate = reimbursed * numbers["rate"] * 12
    numbers.update(country=code, year=year, country_reimbursable=reimbursed,
                   country_other=other, country_estimate=estimate)
    name = theme.label(code)
    notes.append(f"{name} in {year}: on average {fmt_int(reimbursed)} troops, staff officers and "
                 f"formed police × {fmt_money(numbers['rate'])} × 12 months = "
                 f"{fmt_money(estimate)} a year (average of {n_months} reported months).")
    if other >= 0.5:
        notes.append(f"Another {fmt_int(other)} experts and police officers from {name} are not "
                     "paid at this rate and are left out.")
    if year < 2014:
        notes.append(f"Before April 2014 the UN counted all police together, so {name}'s police "
                     "are left out of the estimate for that year.")
    in_force = rate_in_force(year)
    if in_force is not None and in_force != numbers["rate"]:
        notes.append(f"The rate in force in mid-{year} was {fmt_money(in_force)}.")


def _table(numbers: dict[str, Any]) -> pd.DataFrame:
    rows = [("UN rate per person per month", fmt_money(numbers["rate"])),
            ("UN pays per month", fmt_money(numbers["per_month"])),
            (f"UN pays over {numbers['months']} months", fmt_money(numbers["reimbursement"]))]
    if "national_total" in numbers:
        rows += [(f"National cost over {numbers['months']} months",
                  fmt_money(numbers["national_total"])),
                 ("UN payment minus national cost", fmt_money(numbers["balance"]))]
    if "country_estimate" in numbers:
        rows.append((f"{theme.label(numbers['country'])} {numbers['year']}: estimated UN payment "
                     "per year", fmt_money(numbers["country_estimate"])))
    return pd.DataFrame(rows, columns=["Item", "Amount"])


def _chart(numbers: dict[str, Any]) -> alt.Chart:
    months = numbers["months"]
    bars = [(f"UN reimbursement, your contingent ({months} months)", "UN pays the government",
             numbers["reimbursement"])]
    if "national_total" in numbers:
        bars.append((f"National cost, your contingent ({months} months)",
                     "The government pays", numbers["national_total"]))
    if "country_estimate" in numbers:
        bars.append((f"{theme.label(numbers['country'])} {numbers['year']}, estimated (12 months)",
                     "Real deployment (estimate)", numbers["country_estimate"]))
    data = pd.DataFrame(bars, columns=["item", "kind", "usd"])
    said = "; ".join(f"{item}: {fmt_money(usd)}" for item, _, usd in bars)
    description = f"Bar chart of amounts in US dollars. {said}."
    return alt.Chart(chartdata.inline(data), description=description).mark_bar().encode(
        y=alt.Y("item", type="nominal", title=None, sort=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X("usd", type="quantitative", title="US dollars", axis=alt.Axis(format="$,.0f")),
        color=alt.Color("kind", type="nominal", title=None,
                        scale=alt.Scale(domain=list(BAR_COLORS), range=list(BAR_COLORS.values())),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=[alt.Tooltip("item", type="nominal", title="What"),
                 alt.Tooltip("usd", type="quantitative", title="US$", format="$,.0f")],
    ).properties(title="UN reimbursement and costs", height=40 * len(bars), width=CHART_WIDTH)


def _start_comparison(country: object, year: object) -> tuple[str, int, bool]:
    """What the calculator's comparison controls start with: the country's code ("" for
    none), the year, and whether the arguments had a problem the controls cannot show.

    >>> _start_comparison("Vietnam", "2015"), _start_comparison("Vietnam", 1970)
    (('VNM', 2015, False), ('VNM', 2019, True))
    """
    first, last = data_years()
    try:
        year_value = to_year(year, "the comparison year", first, last)
    except InputProblem:
        year_value = 2019
    year_value = year_value if first <= year_value <= last else 2019
    if blank(country):
        return "", year_value, False
    try:
        code = to_country(country)
    except InputProblem:
        code = ""
    try:
        _comparison(country, year)
    except InputProblem:
        return code, year_value, True
    return code, year_value, False


def _start_rate(rate: object) -> tuple[str, str, bool]:
    """What the rate controls start with: the drop-down's value, the text of the own-rate
    box, and whether ``rate`` had a problem the controls cannot show.

    >>> _start_rate("2014-07-01"), _start_rate(2000), _start_rate("nope")
    (('2014-07-01', '', False), ('custom', '2000', False), ('2018-07-01', '', True))
    """
    values = [v for _, v in rate_options()]
    if isinstance(rate, str) and rate.strip() in values:
        return rate.strip(), "", False
    try:
        value = _rate(rate, None)[0]
    except InputProblem:
        return values[0], "", True
    return CUSTOM, f"{value:.2f}".rstrip("0").rstrip("."), False


def reimbursement_calculator(size: object = 850, months: object = 12,
                             rate: object = "2018-07-01", country: object = "IDN",
                             year: object = 2019) -> ipywidgets.VBox:
    """The cost and reimbursement calculator app.

    Controls (CSS classes): ``pk-reimbursement-size``, ``pk-reimbursement-months``,
    ``pk-reimbursement-custom-rate``, ``pk-reimbursement-national-cost`` (text
    boxes), ``pk-reimbursement-rate`` and ``pk-reimbursement-country``
    (drop-downs), ``pk-reimbursement-year`` (slider); results in
    ``pk-reimbursement-headline``, ``-chart`` and ``-table``.

    >>> app = reimbursement_calculator()
    >>> "US$14,565,600" in app.panel.headline.value
    True
    """
    import ipywidgets as widgets

    # One style and one layout shared by all controls: fewer widget models to send and save.
    wide = widgets.Layout(width="34em")
    style = {"description_width": "14em"}
    first, last = data_years()

    def text(value: object, description: str, control: str, placeholder: str = "") -> Any:
        return tag(widgets.Text(value=value, description=description, placeholder=placeholder,
                                style=style, layout=wide), APP, control)

    size_box = text("" if size is None else str(size), "Contingent size (people)", "size")
    months_box = text("" if months is None else str(months), "Months deployed", "months")
    start_rate, own_rate, rate_untold = _start_rate(rate)
    rate_box = tag(widgets.Dropdown(options=rate_options(), value=start_rate,
                                    description="UN rate (per person/month)", style=style,
                                    layout={"width": "44em"}), APP, "rate")
    custom_box = text(own_rate, "Your own rate (US$)", "custom-rate",
                      "per person per month, e.g. 1500")
    custom_box.disabled = rate_box.value != CUSTOM
    cost_box = text("", "National cost (US$)", "national-cost",
                    "optional: per person per month, e.g. 2000")
    options = [("(no comparison)", "")] + [(theme.label(c), c) for c in ASEAN10]
    code, year_value, untold = _start_comparison(country, year)
    country_box = tag(widgets.Dropdown(options=options, value=code,
                                       description="Compare with", style=style, layout=wide),
                      APP, "country")
    year_box = tag(widgets.IntSlider(value=year_value, min=first, max=last,
                                     description="Comparison year", style=style, layout=wide,
                                     continuous_update=False), APP, "year")
    panel = ResultPanel(APP)

    def update(_: object = None, compared: tuple[object, object] | None = None,
               rated: tuple[object] | None = None) -> None:
        custom_box.disabled = rate_box.value != CUSTOM
        country, year = compared or (country_box.value, year_box.value)
        (chosen,) = rated or (rate_box.value,)
        panel.show(lambda: reimbursement_model(size_box.value, months_box.value, chosen,
                                               custom_box.value, cost_box.value, country, year))

    controls = [size_box, months_box, rate_box, custom_box, cost_box, country_box, year_box]
    for control in controls:
        control.observe(update, names="value")
    # A comparison or a rate the controls cannot show is told, not silently dropped.
    update(compared=(country, year) if untold else None, rated=(rate,) if rate_untold else None)
    return app_box(APP, "Cost and reimbursement calculator",
                   "What does the UN pay a government for its peacekeepers, and does that cover "
                   "the cost? Type a contingent size and months, pick a rate, and optionally a "
                   "national cost per person per month. Sources: UN reimbursement rates "
                   "(1992-2018) and UN monthly personnel counts.",
                   controls, panel)
