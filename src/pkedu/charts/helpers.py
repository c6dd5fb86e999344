"""What to do with a finished chart: read its description and data, save it.

:func:`describe`, :func:`chart_data`, :func:`save`. They accept any chart made
by a :mod:`pkedu.charts` builder, and raise a one-line ``TypeError`` for
anything else. No builder lives here.
"""

from __future__ import annotations

import os
from pathlib import Path

import altair as alt
import pandas as pd

from pkedu import chartdata
from pkedu.charts._common import _check_chart


def describe(chart: alt.TopLevelMixin) -> str:
    """The chart's description: what it shows, in words, with its key numbers.

    >>> import pkedu as pk
    >>> chart = pk.charts.contributors_count(pk.data.load_contributions(), ["IDN"])
    >>> describe(chart).split(". ")[-1]
    '9 months with no UN report (Sep 2014 first) are left as gaps.'
    >>> describe("a chart")
    Traceback (most recent call last):
    ...
    TypeError: expected an Altair chart made by pk.charts, not str
    """
    text = _check_chart(chart).description
    if not isinstance(text, str) or not text:
        raise ValueError("this chart has no description; build it with a pk.charts function")
    return text


def chart_data(chart: alt.TopLevelMixin) -> pd.DataFrame:
    """The table embedded in a pk.charts chart, with numbers and dates typed.

    >>> import pkedu as pk
    >>> rows = chart_data(pk.charts.contributors_count(pk.data.load_contributions()))
    >>> int(rows.set_index("m").loc["1995-12-01", "Countries contributing"])
    4
    >>> bool(pd.isna(rows.set_index("m").loc["2020-06-01", "Countries contributing"]))
    True
    """
    data = _check_chart(chart).data
    if not isinstance(data, alt.InlineData) or not isinstance(data.values, str):
        raise ValueError("this chart carries no embedded table; build it with a pk.charts "
                         "function")
    return chartdata.read(data)


def save(chart: alt.TopLevelMixin, path: str | os.PathLike[str], scale: float = 2.0) -> Path:
    """Save a chart as a PNG, SVG or PDF file, chosen by the file's suffix, offline.

    ``scale`` enlarges PNG images (2 gives sharp images on most screens).

    >>> import pkedu as pk
    >>> save(pk.charts.ranking(pk.data.load_contributions()), "ranking.jpg")
    Traceback (most recent call last):
    ...
    ValueError: save writes .png, .svg or .pdf files; 'ranking.jpg' ends in '.jpg'
    """
    _check_chart(chart)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name such as 'chart.png', not {path!r}")
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise ValueError(f"save writes .png, .svg or .pdf files; {str(path)!r} ends in "
                         f"{suffix or 'no suffix'!r}")
    import vl_convert as vlc

    spec = chart.to_dict()
    version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
    if suffix == ".svg":
        target.write_text(vlc.vegalite_to_svg(spec, vl_version=version), encoding="utf-8")
    elif suffix == ".png":
        target.write_bytes(vlc.vegalite_to_png(spec, vl_version=version, scale=scale))
    else:
        target.write_bytes(vlc.vegalite_to_pdf(spec, vl_version=version))
    return target
