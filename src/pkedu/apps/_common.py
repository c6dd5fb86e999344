"""What the four apps share: the result type, input checks, formatting and view parts.

The cached data series live in :mod:`pkedu.apps._series`.

Input checks turn whatever a student typed into a clean value or raise
:class:`InputProblem`, whose message is a plain-English sentence the app shows
instead of a traceback.

>>> to_count("1,500", "the contingent size")
1500
>>> to_count(-5, "the contingent size")
Traceback (most recent call last):
...
pkedu.apps._common.InputProblem: The contingent size cannot be negative (you gave -5).
>>> to_countries(["vietnam", "IDN"])
('VNM', 'IDN')
>>> fmt_money(14565600)
'US$14,565,600'
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from pkedu import theme
from pkedu.data import ASEAN10, country_name

# --------------------------------------------------------------------------- results


@dataclass
class AppResult:
    """What an app model returns: everything the view shows, nothing it does.

    ``ok`` is False when the inputs could not be used at all; ``message`` then
    says why. When ``ok`` is True, ``message`` may still hold a note about an
    input that was adjusted or ignored (it is empty when all went well).

    >>> r = AppResult.problem("Pick at least one country.")
    >>> r.ok, r.message, r.chart is None
    (False, 'Pick at least one country.', True)
    """

    headline: str
    message: str = ""
    ok: bool = True
    numbers: dict[str, Any] = field(default_factory=dict)
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    chart: alt.TopLevelMixin | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()

    @classmethod
    def problem(cls, message: str) -> AppResult:
        """A result that only explains what is wrong with the inputs."""
        return cls(headline=message, message=message, ok=False)

    def html(self) -> str:
        """The headline, the message and the notes as HTML (used by the views)."""
        return result_html(self)

    def _repr_html_(self) -> str:
        return self.html() + table_html(self.table)


# --------------------------------------------------------------------------- input checks


class InputProblem(ValueError):
    """An input the app cannot use; ``str(problem)`` is the message for the student."""


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_number(value: object, what: str, example: str = "150") -> float:
    """A finite number from a number or a text such as ``"1,428"`` or ``"US$ 1428"``.

    >>> to_number("US$1,428.50", "the rate")
    1428.5
    >>> to_number("abc", "the rate", example="1428")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: 'abc' is not a number. Type the rate in digits, for example...
    """
    if blank(value):
        raise InputProblem(f"Please type a number for {what}.")
    if isinstance(value, bool):
        raise InputProblem(f"{_cap(what)} must be a number, not True or False.")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "").replace(" ", "")
        text = text.removeprefix("US$").removeprefix("$")
        try:
            number = float(text)
        except ValueError:
            raise InputProblem(f"{value.strip()!r} is not a number. Type {what} in digits, "
                               f"for example {example}.") from None
    else:
        try:
            number = float(value)  # type: ignore[arg-type]
        except OverflowError:
            raise InputProblem(f"{_cap(what)} is far too large.") from None
        except (TypeError, ValueError):
            raise InputProblem(f"{_cap(what)} must be a number "
                               f"(you gave {shown(value)}).") from None
    if not math.isfinite(number):
        raise InputProblem(f"{_cap(what)} must be an ordinary number (you gave {shown(value)}).")
    return number


def to_count(value: object, what: str, minimum: int = 1, maximum: int = 100_000,
             too_big: str = "", example: str = "150") -> int:
    """A whole number between ``minimum`` and ``maximum``, or an :class:`InputProblem`.

    >>> to_count(2.0, "the number of months")
    2
    >>> to_count(0, "the number of months")
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: The number of months must be at least 1 (you gave 0).
    """
    number = to_number(value, what, example)
    if number < 0 and minimum >= 0:
        raise InputProblem(f"{_cap(what)} cannot be negative (you gave {_plain(number)}).")
    if number != int(number):
        raise InputProblem(f"{_cap(what)} must be a whole number (you gave {_plain(number)}).")
    if number < minimum:
        raise InputProblem(f"{_cap(what)} must be at least {minimum:,} "
                           f"(you gave {_plain(number)}).")
    if number > maximum:
        raise InputProblem(too_big or f"{_cap(what)} must be at most {maximum:,} "
                           f"(you gave {_plain(number)}).")
    return int(number)


def to_amount(value: object, what: str, maximum: float = 100_000.0, too_big: str = "",
              example: str = "1500") -> float:
    """A positive amount of money (greater than zero, at most ``maximum``).

    >>> to_amount("2,000", "the national cost")
    2000.0
    >>> to_amount(0, "the national cost")
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: The national cost must be more than zero.
    """
    number = to_number(value, what, example)
    if number < 0:
        raise InputProblem(f"{_cap(what)} cannot be negative (you gave {_plain(number)}).")
    if number == 0:
        raise InputProblem(f"{_cap(what)} must be more than zero.")
    if number > maximum:
        raise InputProblem(too_big or f"{_cap(what)} must be at most {fmt_money(maximum)} "
                           f"(you gave {fmt_money(number)}).")
    return number


def shown(value: object) -> str:
    """How a student's input is quoted back in a message (short, never a memory address).

    >>> shown(None), shown("  "), shown("abc"), shown(-5.0), shown(object())
    ('nothing', 'an empty text', "'abc'", '-5', 'a value of type object')
    """
    if value is None:
        return "nothing"
    if isinstance(value, str):
        text = value.strip()
        return repr(text if len(text) <= 40 else text[:37] + "...") if text else "an empty text"
    if isinstance(value, (bool, list, tuple, set, dict)):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "..."
    if isinstance(value, (int, float)):
        return _plain(value)
    return f"a value of type {type(value).__name__}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain(number: float) -> str:
    try:
        if not math.isfinite(number):
            return repr(float(number))
        if abs(number) >= 1e15:
            return f"{float(number):.3g}"
        return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
    except OverflowError:
        return "an enormous number"


_ALIASES = {"brunei": "BRN", "burma": "MMR", "viet nam": "VNM", "lao pdr": "LAO",
            "lao people's democratic republic": "LAO", "kampuchea": "KHM"}


@functools.lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    lookup = dict(_ALIASES)
    for code in ASEAN10:
        lookup[code.lower()] = code
        lookup[country_name(code).lower()] = code
        lookup[theme.label(code).lower()] = code
    return lookup


def to_country(value: object, allowed: Sequence[str] = ASEAN10) -> str:
    """One ASEAN country code from a code or a name, in any letter case.

    >>> to_country("burma")
    'MMR'
    >>> to_country("BGD")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: This app covers the ten ASEAN states; 'BGD' (Bangladesh)...
    """
    if blank(value):
        raise InputProblem("Please pick a country.")
    if not isinstance(value, str):
        raise InputProblem("Countries are given by name or by code such as 'IDN' "
                           f"(you gave {shown(value)}).")
    code = _country_lookup().get(value.strip().lower())
    if code is None:
        try:
            name = country_name(value.strip().upper())
        except KeyError:
            raise InputProblem(f"I don't know the country {value.strip()!r}. Use a name such as "
                               "'Indonesia' or a code such as 'IDN'.") from None
        raise InputProblem(f"This app covers the ten ASEAN states; {value.strip()!r} ({name}) is "
                           "not one of them.")
    if code not in allowed:
        raise InputProblem(f"{country_name(code)} cannot be chosen here.")
    return code


def to_countries(values: object, allowed: Sequence[str] = ASEAN10) -> tuple[str, ...]:
    """Country codes from codes or names (a list, or one text with commas); no repeats.

    >>> to_countries("Indonesia, MYS, idn")
    ('IDN', 'MYS')
    >>> to_countries([])
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: Pick at least one country.
    """
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    if values is None or not isinstance(values, Iterable):
        if values is None:
            raise InputProblem("Pick at least one country.")
        raise InputProblem("Countries must be a list such as ['IDN', 'MYS'] "
                           f"(you gave {shown(values)}).")
    codes = tuple(dict.fromkeys(to_country(v, allowed) for v in values))
    if not codes:
        raise InputProblem("Pick at least one country.")
    return codes


def to_choice(value: object, choices: Sequence[str], what: str) -> str:
    """One of ``choices`` (letter case and spaces ignored).

    >>> to_choice(" Troops", ("all", "troops"), "personnel group")
    'troops'
    >>> to_choice([], ("all", "troops"), "personnel group")
    Traceback (most recent call last):
    ...
    pkedu.apps._common.InputProblem: The personnel group must be 'all' or 'troops' (you gave []).
    """
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    listed = ", ".join(repr(c) for c in choices[:-1]) + f" or {choices[-1]!r}"
    raise InputProblem(f"The {what} must be {listed} (you gave {shown(value)}).")


# --------------------------------------------------------------------------- formatting


def fmt_int(value: float) -> str:
    """A whole number with thousands separators ('n/a' when missing).

    >>> fmt_int(4954.4), fmt_int(float("nan"))
    ('4,954', 'n/a')
    """
    return "n/a" if value is None or pd.isna(value) else f"{value:,.0f}"


def fmt_money(value: float) -> str:
    """US dollars, rounded to the dollar; negative amounts get a minus sign.

    >>> fmt_money(-1500.4)
    '-US$1,500'
    """
    sign = "-" if value < 0 else ""
    return f"{sign}US${abs(value):,.0f}"


def fmt_millions(value: float) -> str:
    """US dollars in millions, for headlines.

    >>> fmt_millions(85_624_000)
    'US$85.6 million'
    """
    if abs(value) < 1_000_000:
        return fmt_money(value)
    sign = "-" if value < 0 else ""
    return f"{sign}US${abs(value) / 1e6:,.1f} million"


def month_text(month: pd.Timestamp | None) -> str:
    """'July 2014' for a month, 'never' for None.

    >>> month_text(pd.Timestamp("2014-07-01"))
    'July 2014'
    """
    return "never" if month is None or pd.isna(month) else f"{month:%B %Y}"


def names(codes: Iterable[str]) -> str:
    """Country names joined as in a sentence.

    >>> names(["KHM", "IDN", "MYS"])
    'Cambodia, Indonesia and Malaysia'
    """
    labels = [theme.label(c) for c in codes]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


# --------------------------------------------------------------------------- HTML


def _links(text: str) -> str:
    urls = [u.strip() for u in str(text).split(";") if u.strip()]
    if urls and all(u.startswith("http") for u in urls):
        return " ".join(f'<a href="{html.escape(u)}" target="blank" rel="noopener">'
                        f'[{i}]</a>' for i, u in enumerate(urls, 1))
    return html.escape(str(text))


#: Cell spacing for the apps' tables (scoped to their class).
TABLE_STYLE = ("<style>.pk-table th{text-align:left}.pk-table th,.pk-table td{padding:2px 8px;"
               "vertical-align:top}</style>")


def table_html(table: pd.DataFrame) -> str:
    """A small table as HTML; cells holding web addresses become numbered links.

    >>> table_html(pd.DataFrame({"Source": ["https://example.org"]}))[:40]
    '<table class="pk-table" style="border-co'
    """
    if table is None or table.empty:
        return ""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in table.itertuples(index=False))
    return (f'<table class="pk-table" style="border-collapse:collapse">{TABLE_STYLE}'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return f"{value:,.0f}"
    return _links(str(value))


def result_html(result: AppResult) -> str:
    """The message (if any), the headline, notes and source links as HTML."""
    parts = []
    if result.message:
        colour = "#FFF4E5" if result.ok else "#FDECEA"
        parts.append(f'<div class="pk-message" role="alert" style="background:{colour};'
                     f'padding:6px 10px;border-radius:4px;margin:4px 0">'
                     f"{html.escape(result.message)}</div>")
    if result.ok:
        parts.append(f'<p class="pk-headline-text" style="font-size:1.1em;margin:6px 0">'
                     f"<b>{html.escape(result.headline)}</b></p>")
    if result.notes:
        items = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
        parts.append(f'<ul class="pk-notes" style="margin:4px 0">{items}</ul>')
    if result.sources:
        items = "".join(f'<li>{html.escape(text)} <a href="{html.escape(url)}" target="blank" '
                        f'rel="noopener">source</a></li>' for text, url in result.sources)
        parts.append(f'<details class="pk-sources"><summary>Sources</summary><ul>{items}</ul>'
                     "</details>")
    return "".join(parts)


# --------------------------------------------------------------------------- charts


def chart_output(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """A chart as one notebook output, drawn by the active Altair renderer.

    >>> out = chart_output(alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q"))
    >>> out["output_type"], "application/vnd.vegalite.v5+json" in out["data"]
    ('display_data', True)
    """
    bundle = alt.renderers.get()(chart.to_dict())
    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    return {"output_type": "display_data", "data": data, "metadata": metadata}


def highlight(param: str, dimmed: float = 0.25) -> alt.OpacityValue:
    """Full opacity for marks a named selection picks, dimmed for the rest.

    Built directly (not with ``alt.condition``), which keeps each chart update fast.

    >>> highlight("explorer_country").to_dict()
    {'condition': {'param': 'explorer_country', 'value': 1.0}, 'value': 0.25}
    """
    return alt.OpacityValue(value=dimmed, condition={"param": param, "value": 1.0})


def describe(chart: alt.TopLevelMixin) -> str:
    """The chart's top-level description (its alt text).

    >>> describe(alt.Chart(pd.DataFrame({"x": [1]}), description="One dot.").mark_point())
    'One dot.'
    """
    text = chart.to_dict(validate=False).get("description", "")
    return str(text)


# --------------------------------------------------------------------------- views


def tag(widget: Any, app: str, control: str) -> Any:
    """Give a widget the stable CSS class ``pk-<app>-<control>`` and return it."""
    widget.add_class(f"pk-{app}-{control}")
    return widget


class ResultPanel:
    """The part of an app that shows a result: headline, chart and table."""

    def __init__(self, app: str) -> None:
        import ipywidgets as widgets

        self.app = app
        self.headline = tag(widgets.HTML(), app, "headline")
        self.chart = tag(widgets.Output(), app, "chart")
        self.table = tag(widgets.HTML(), app, "table")
        self.result: AppResult | None = None

    @property
    def children(self) -> list[Any]:
        return [self.headline, self.chart, self.table]

    def show(self, compute: Callable[[], AppResult]) -> AppResult:
        """Run ``compute`` and show its result; an unexpected error becomes a message."""
        try:
            result = compute()
        except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
            result = AppResult.problem(
                f"Sorry, the app could not handle that ({type(exc).__name__}: {exc}). Try "
                "other values, and tell your instructor what you chose.")
        self.result = result
        self.headline.value = result.html()
        self.table.value = table_html(result.table) if result.ok else ""
        self.chart.outputs = (chart_output(result.chart),) if result.chart is not None else ()
        return result


@functools.cache
def _app_box_class() -> type:
    """A VBox whose plain-text form tells a reader how to bring the app to life.

    A saved notebook shows this text where the app will appear, until the cell runs.
    """
    import ipywidgets as widgets

    class AppBox(widgets.VBox):
        title_text = ""

        def __repr__(self) -> str:
            return f"[Interactive app: {self.title_text}. Run this cell (Shift-Enter) to use it.]"

    return AppBox


def app_box(app: str, title: str, intro: str, controls: Sequence[Any],
            panel: ResultPanel) -> Any:
    """The whole app: title, short instructions, controls, then the result."""
    import ipywidgets as widgets

    header = widgets.HTML(f"<h3 style='margin:4px 0'>{html.escape(title)}</h3>"
                          f"<p style='margin:2px 0'>{html.escape(intro)}</p>")
    box = _app_box_class()([header, *controls, *panel.children])
    box.title_text = title
    box.add_class(f"pk-{app}")
    box.add_class("pk-app")
    box.panel = panel  # handy for tests and for curious instructors
    return box
