"""What the four apps share: the result type, formatting and view parts.

Not here: the input checks (:mod:`pkedu.apps._inputs` and :mod:`pkedu.apps._countries`,
imported here so that the apps find everything shared in one place) and the cached data series
(:mod:`pkedu.apps._series`).

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
from pkedu.apps._countries import (  # noqa: F401 (the apps import the input checks from here)
    country_keys, country_lines, given_twice, to_countries, to_country,
)
from pkedu.apps._inputs import (  # noqa: F401
    InputProblem, Problems, blank, shown, shown_money, to_amount, to_choice, to_count, to_number,
    to_year,
)
from pkedu.data import DataError

#: Width in pixels of an app's chart area: with its labels and legend it fits the notebook
#: (about 840 pixels beside JupyterLab's file browser on a 1280-pixel screen).
CHART_WIDTH = 360

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
    """The message (if any, one line per problem), the headline, notes and source links as HTML.

    >>> result_html(AppResult.problem("Type a size.\\nType a rate.")).count("<div>")
    2
    """
    parts = []
    if result.message:
        colour = "#FFF4E5" if result.ok else "#FDECEA"
        lines = "".join(f"<div>{html.escape(line)}</div>"
                        for line in result.message.splitlines() if line.strip())
        parts.append(f'<div class="pk-message" role="alert" style="background:{colour};'
                     f'padding:6px 10px;border-radius:4px;margin:4px 0">{lines}</div>')
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
        except DataError as exc:
            result = AppResult.problem(
                f"The course data are damaged, so the app cannot work ({exc}). Restore the data "
                "folder (in a copy of the course from git: git checkout -- data/; otherwise "
                "install the course again), then run this cell again.")
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


#: Text in an app at normal line spacing: ipywidgets gives HTML widgets a 28-pixel line
#: height, which spaces a paragraph or a table out like double spacing. Scoped to the apps.
#: A chosen toggle button (the consensus app's stances) is filled dark, not a shade of grey.
APP_STYLE = ("<style>.pk-app .widget-html-content, .pk-app .jupyter-widget-html-content "
             "{line-height: 1.5}\n"
             ".pk-app .widget-toggle-button.mod-active, .pk-app .jupyter-button.mod-active "
             "{background: #1f4e79; color: #fff; font-weight: bold}</style>")


def app_box(app: str, title: str, intro: str, controls: Sequence[Any],
            panel: ResultPanel) -> Any:
    """The whole app: title, short instructions, controls, then the result."""
    import ipywidgets as widgets

    header = widgets.HTML(f"{APP_STYLE}<h3 style='margin:4px 0'>{html.escape(title)}</h3>"
                          f"<p style='margin:2px 0'>{html.escape(intro)}</p>")
    box = _app_box_class()([header, *controls, *panel.children])
    box.title_text = title
    box.add_class(f"pk-{app}")
    box.add_class("pk-app")
    box.panel = panel  # handy for tests and for curious instructors
    return box
