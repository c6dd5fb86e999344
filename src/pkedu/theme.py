"""One look for every chart of the course, and offline rendering.

Importing this module (``pkedu.charts`` does) does three things once:

* it enables Altair's ``mimetype`` renderer. Charts then travel as
  ``application/vnd.vegalite.v5+json`` and are drawn by the Vega renderer
  that JupyterLab and Voila ship with, so they appear with no internet
  connection and stored outputs stay small JSON;
* it registers and enables the ``pkedu`` theme: readable fonts and sizes,
  and a colour-blind-safe palette;
* it makes Altair's check of a drawn chart against the Vega-Lite schema
  remember the parts it found valid (:mod:`pkedu.chartcheck`).

Every ASEAN state has one fixed colour in every chart (:data:`COUNTRY_COLORS`).

>>> COUNTRY_COLORS["IDN"]
'#BA3A11'
>>> label("BRN")
'Brunei'
>>> color_scale(["IDN", "VNM"]).domain
['Indonesia', 'Vietnam']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import altair as alt
from altair.vegalite.v5.display import mimetype_renderer

from pkedu import chartcheck
from pkedu.data import ASEAN10, country_name

#: Fixed colours for the ten ASEAN states. The hues of the Okabe-Ito palette, made darker
#: where needed so that every line stands out from the white background (contrast at
#: least 3:1, WCAG 2.1, 1.4.11), and tuned by measurement: every two of the ten, each of
#: them and the world's grey, and each of them and :data:`OTHER_COLORS` stay apart for
#: normal vision and under simulated deuteranopia, protanopia and tritanopia, also when
#: lightness differences count only half (thin lines; tests/test_palette.py). Only
#: Singapore (black) and the world (grey, dashed) have no hue.
COUNTRY_COLORS: dict[str, str] = {
    "IDN": "#BA3A11",  # vermillion
    "MYS": "#0164A2",  # blue
    "KHM": "#068A55",  # green
    "THA": "#E97400",  # orange
    "PHL": "#997EAD",  # lilac
    "VNM": "#3C9AE6",  # sky blue
    "SGP": "#000000",  # black
    "BRN": "#8A0016",  # dark red
    "MMR": "#C67F8E",  # dusty rose
    "LAO": "#440066",  # dark purple
}

#: Colours for countries that are not ASEAN states, in the order they are handed out:
#: aubergine, deep blue, mauve, bright blue. None is a grey (a grey line beside
#: Singapore's black or the world's grey is hard to tell apart), and each stays apart
#: from every ASEAN state's colour, the world grey and one another, measured as for the
#: ten states (tests/test_palette.py). A chart with more than four other countries uses
#: them again.
OTHER_COLORS: tuple[str, ...] = ("#573D64", "#1200DF", "#91617D", "#355AFF")

#: Colours for personnel groups (lines, stacked areas, bars): Malaysia's blue, Thailand's
#: orange and Cambodia's green, each at least 3:1 against white.
GROUP_COLORS: dict[str, str] = {"troops": "#0164A2", "police": "#E97400", "experts": "#068A55"}

#: Colours for series that are not single countries (regions, "World", a
#: group of countries taken together), in the order they are handed out. Paul
#: Tol's colour-blind-safe colours, with his magenta in place of his wine red,
#: which looks like the world grey to a reader with deuteranopia, his teal a little
#: darker (to stand out from white) and his purple a little lighter (apart from his
#: indigo under protanopia).
SERIES_COLORS: tuple[str, ...] = ("#332288", "#EE3377", "#117733", "#999933", "#42A18E",
                                  "#B34CA1")

#: The colour of the world total and of reference lines.
WORLD_COLOR = "#4D4D4D"

#: The dash of the world's line in charts over time (6 pixels drawn, 3 left out), so that it
#: is told apart from the countries' lines by its pattern as well as its colour.
WORLD_DASH: tuple[int, int] = (6, 3)

#: The colour of bars and dots that are shown but not highlighted.
MUTED_COLOR = "#BDBDBD"

#: Short labels for charts where the official short name is long.
SHORT_NAMES: dict[str, str] = {"BRN": "Brunei"}

#: How vega-embed, the chart renderer of JupyterLab and Voila, shows a chart's actions
#: (Altair passes these with every chart). By default it puts them in a menu opened by a
#: "..." button, an HTML ``summary`` holding only an icon: the button has no accessible
#: name (axe-core: summary-name, serious), and vega-embed has no option to give it one.
#: Without its default style, vega-embed shows the actions as plain links under the
#: chart, each named by its text: saving the chart as SVG or PNG, and viewing its source
#: (an em space after each keeps them apart, as no style is left to do it). The compiled
#: Vega and the online Vega Editor are left out (the course works offline).
EMBED_OPTIONS: dict[str, object] = {
    "defaultStyle": False,
    "actions": {"export": True, "source": True, "compiled": False, "editor": False},
    "i18n": {"SVG_ACTION": "Save as SVG\u2003", "PNG_ACTION": "Save as PNG\u2003",
             "SOURCE_ACTION": "View source"},
}

FONT = "Helvetica Neue, Arial, sans-serif"
WIDTH = 560
HEIGHT = 300


def label(iso3: str) -> str:
    """The name a chart shows for a country.

    >>> label("KHM")
    'Cambodia'
    """
    return SHORT_NAMES.get(iso3) or country_name(iso3)


def color_scale(iso3_codes: Iterable[str]) -> alt.Scale:
    """An Altair colour scale keyed on country labels, fixed per country.

    ASEAN states always get their own colour; other countries take
    :data:`OTHER_COLORS` in order.

    >>> color_scale(["BGD", "IDN", "AUS"]).range
    ['#573D64', '#BA3A11', '#1200DF']
    """
    codes = list(iso3_codes)
    others = iter(OTHER_COLORS * (1 + len(codes) // len(OTHER_COLORS)))
    colors = [COUNTRY_COLORS[c] if c in COUNTRY_COLORS else next(others) for c in codes]
    return alt.Scale(domain=[label(c) for c in codes], range=colors)


def group_scale() -> alt.Scale:
    """The colour scale for troops, police and experts."""
    return alt.Scale(domain=list(GROUP_COLORS), range=list(GROUP_COLORS.values()))


def series_scale(names: Iterable[str]) -> alt.Scale:
    """A colour scale for named series that are not single countries.

    ``"World"`` is always drawn in :data:`WORLD_COLOR`; other names take
    :data:`SERIES_COLORS` in order.

    >>> series_scale(["ASEAN", "South Asia", "World"]).range
    ['#332288', '#EE3377', '#4D4D4D']
    """
    names = list(names)
    others = iter(SERIES_COLORS * (1 + len(names) // len(SERIES_COLORS)))
    colors = [WORLD_COLOR if n == "World" else next(others) for n in names]
    return alt.Scale(domain=names, range=colors)


def _theme() -> dict:
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13,
                      "subtitleColor": "#4D4D4D", "offset": 10},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "gridColor": "#E6E6E6",
                     "domainColor": "#4D4D4D", "tickColor": "#4D4D4D"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "symbolSize": 120},
            "header": {"labelFontSize": 12, "titleFontSize": 13},
            "range": {"category": list(COUNTRY_COLORS.values())},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60},
        }
    }


def _render(spec: dict[str, Any], **options: Any) -> Any:
    """Altair's offline renderer; a chart's "Save as" links download files named after its title
    (JupyterLab reads the embed options from the output), not "visualization (3).png".

    >>> bundle, meta = _render({"title": {"text": "Women's share, 2014-2025"}},
    ...                        embed_options={"defaultStyle": False})
    >>> meta["application/vnd.vegalite.v5+json"]["embed_options"]
    {'defaultStyle': False, 'downloadFileName': 'womens-share-2014-2025'}
    """
    embed = {**(options.get("embed_options") or {}), "downloadFileName": download_name(spec.get("title"))}
    return mimetype_renderer(spec, **{**options, "embed_options": embed})


def download_name(title: object) -> str:
    """A file name from a chart's title (text, or Vega-Lite's title object): lower case words and hyphens.

    >>> download_name("ASEAN's share of all UN peacekeepers (%)"), download_name({"text": ["A", "B"]})
    ('aseans-share-of-all-un-peacekeepers', 'a-b')
    >>> download_name(None), download_name("   ")
    ('chart', 'chart')
    """
    text = title.get("text", "") if isinstance(title, dict) else title
    text = " ".join(text) if isinstance(text, list) else str(text or "")
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", ""))
    return "-".join(words)[:80].strip("-") or "chart"


def enable() -> None:
    """Enable the offline renderer and the pkedu theme (safe to call again).

    It also makes Altair's check of a drawn chart remember the parts it found
    valid (:mod:`pkedu.chartcheck`): same outcome and messages, less time.
    """
    alt.theme.register("pkedu", enable=True)(_theme)
    chartcheck.install()
    alt.renderers.register("pkedu", _render)
    alt.renderers.enable("pkedu", embed_options=EMBED_OPTIONS)
    # Charts embed their data; this is a safety net, builders keep data small anyway.
    alt.data_transformers.enable("default", max_rows=5000)


assert set(COUNTRY_COLORS) == set(ASEAN10)
enable()
