"""The timeline of events (decisions, first deployments, pledges), from the events table.

:func:`timeline` only; the dates of money decisions are drawn by
:mod:`pkedu.charts.money`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

import altair as alt
import pandas as pd

from pkedu import theme
from pkedu.charts._common import (
    SOURCE_EVENTS, _and, _builder, _choice, _codes, _finish, _inline, _mon, _table, _title, _who,
    _window,
)
from pkedu.data import ASEAN10, EVENT_CATEGORIES

_ROW = 48  # pixels per timeline row, at least: a row with more lanes of dots is taller
_LANE = 14  # pixels between lanes of dots, a little more than a dot is wide
_EVENT_COLUMNS = ("date", "date_precision", "iso3", "category", "title", "detail", "source_urls",
                  "disputed", "dispute_note")
#: What a title calls the events of each category.
CATEGORY_NAMES: dict[str, str] = {
    "first_deployment": "first deployments",
    "deployment": "deployments and withdrawals",
    "force_proposal": "proposals for an ASEAN peacekeeping force",
    "training_centre": "peacekeeping training centres",
    "regional_dialogue": "regional dialogues",
    "pledge": "pledges",
    "maritime_patrol": "maritime patrols",
    "regional_crisis": "regional crises",
    "security_council": "UN Security Council work",
    "binational_contingent": "shared contingents",
}
#: A title names at most this many categories; more are counted.
_NAMED_CATEGORIES = 3


@_builder
def timeline(events: pd.DataFrame, categories: Iterable[str] | None = None,
             countries: Iterable[str] | None = None, start: str | None = None,
             end: str | None = None, rows: str = "category",
             title: str | None = None) -> alt.Chart:
    """The course's events on a time axis, one row per category (or per country).

    Disputed events, where sources disagree, are hollow diamonds. Hover for
    the date, title, detail and sources; click a dot to open its first source.

    >>> import pkedu as pk
    >>> chart = timeline(pk.data.load_events(), categories=["pledge"])
    >>> pk.charts.describe(chart)[:58]
    'Timeline of 3 events from 2005 to 2015, in rows by categor'
    >>> chart.to_dict()["title"]["text"]
    'Pledges, 2005-2015'
    >>> timeline(pk.data.load_events(), categories=["picnic"])
    Traceback (most recent call last):
    ...
    ValueError: unknown event category 'picnic'; the categories are: binational_contingent, \
deployment, first_deployment, force_proposal, maritime_patrol, pledge, regional_crisis, \
regional_dialogue, security_council, training_centre
    """
    events = _table(events, "events", _EVENT_COLUMNS, "load_events")
    rows = str(_choice(rows, ("category", "iso3"), "rows"))
    chosen = _event_categories(events, categories)
    codes = None if countries is None else _codes(countries)
    first, last = _window(start, end)
    data = _event_rows(events, chosen, codes, first, last, rows)
    texts = _event_texts(events)
    chart = _event_marks(data, texts[texts["i"].isin(data["i"])], rows)
    subtitle = [SOURCE_EVENTS, "Filled circle: the sources agree; hollow diamond: they disagree "
                "(disputed). Hover over a dot for its sources"]
    default = _timeline_title(chosen, codes, rows, data["d"])
    return _finish(chart, _title(title, default), subtitle, _timeline_text(data, rows))


def _timeline_title(categories: Sequence[str], codes: Sequence[str] | None, rows: str,
                    dates: pd.Series) -> str:
    """What the timeline shows: its kinds of events, the countries chosen and the years.

    >>> days = pd.Series(pd.to_datetime(["1995-03-15", "2016-07-01"]))
    >>> _timeline_title(["regional_crisis", "force_proposal"], None, "category", days)
    'Regional crises and proposals for an ASEAN peacekeeping force, 1995-2016'
    >>> _timeline_title(["first_deployment"], None, "iso3", days)
    'First deployments by country, 1995-2016'
    >>> _timeline_title(["pledge", "security_council"], ["IDN"], "category", days)
    'Pledges and UN Security Council work involving Indonesia, 1995-2016'
    >>> _timeline_title(list(EVENT_CATEGORIES), None, "category", days)
    'Events of every kind, 1995-2016'
    """
    if set(categories) >= set(EVENT_CATEGORIES):
        what = "Events of every kind"
    elif len(categories) > _NAMED_CATEGORIES:
        what = f"Events of {len(categories)} kinds"
    else:
        what = _and([CATEGORY_NAMES.get(c, c.replace("_", " ")) for c in categories])
        what = what[:1].upper() + what[1:]
    if codes is not None:
        what += f" involving {_who(codes)}"
    elif rows == "iso3":
        what += " by country"
    first, last = dates.min().year, dates.max().year
    return f"{what}, {first}" if first == last else f"{what}, {first}-{last}"


def _event_marks(data: pd.DataFrame, texts: pd.DataFrame, rows: str) -> alt.Chart:
    """One dot per event and row; the texts for the tooltips are looked up by event."""
    order = _row_order(data, rows)
    if rows == "iso3":
        scale = theme.color_scale([dict(zip(data["y"], data["k"]))[y] for y in order])
        color, fill = (alt.Color("y:N", scale=scale, legend=None),
                       alt.Fill("y:N", scale=scale, legend=None))
    else:
        color, fill = (alt.ColorValue(theme.SERIES_COLORS[0]),
                       alt.FillValue(theme.SERIES_COLORS[0]))
    status = ["sources agree", "disputed"]
    lookup = alt.LookupData(data=_inline(texts), key="i",
                            fields=[c for c in texts.columns if c != "i"])
    tips = [alt.Tooltip("dt:N", title="Date"), alt.Tooltip("t:N", title="Event"),
            alt.Tooltip("x:N", title="Detail"), alt.Tooltip("dn:N", title="Disputed"),
            alt.Tooltip("s:N", title="Sources")]
    return (alt.Chart(_inline(data[["i", "d", "y", "o", "st"]]))
            .transform_lookup(lookup="i", from_=lookup)
            .mark_point(size=110, strokeWidth=2)
            .encode(x=alt.X("d:T", title=None, axis=alt.Axis(format="%Y"),
                          scale=alt.Scale(domain=_padded_domain(data["d"]))),
                    y=alt.Y("y:N", sort=order, title=None),
                    yOffset=alt.YOffset("o:Q", scale=None), color=color, fill=fill,
                    shape=alt.Shape("st:N", legend=None, scale=alt.Scale(
                        domain=status, range=["circle", "diamond"])),
                    fillOpacity=alt.FillOpacity("st:N", legend=None, scale=alt.Scale(
                        domain=status, range=[0.9, 0])),
                    tooltip=tips)
            .properties(height=alt.Step(_row_height(data))))


def _padded_domain(dates: pd.Series, share: float = 0.03,
                  least: pd.DateOffset = pd.DateOffset(months=6)) -> list[alt.DateTime]:
    """The time axis's range: the first and last date, each widened by ``share`` of the span
    (at least ``least``), so that the dots at the edges are drawn whole, inside the plot.

    >>> first, last = _padded_domain(pd.Series(pd.to_datetime(["1957-07-01", "2025-06-15"])))
    >>> (first["year"], first["month"]), (last["year"], last["month"])
    ((1955, 6), (2027, 6))
    """
    first, last = dates.min(), dates.max()
    pad = max((last - first) * share, (first + least) - first)
    return [_datetime(first - pad), _datetime(last + pad)]


def _datetime(day: pd.Timestamp) -> alt.DateTime:
    """A Vega-Lite date (local time, like the dates of the chart's data)."""
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


def _row_order(data: pd.DataFrame, rows: str) -> list[str]:
    """Rows in the order of their first event; ASEAN states before other countries."""
    first = data.groupby("y")["d"].min()
    if rows == "iso3":
        codes = data.drop_duplicates("y").set_index("y")["k"]
        outside = pd.Series([codes[y] not in ASEAN10 for y in first.index], index=first.index)
        return pd.DataFrame({"o": outside, "d": first}).sort_values(["o", "d"]).index.tolist()
    return first.sort_values(kind="stable").index.tolist()


def _event_categories(events: pd.DataFrame, categories: object) -> list[str]:
    known = sorted(events["category"].dropna().unique())
    if categories is None:
        return known
    if isinstance(categories, str):
        categories = [categories]
    if not isinstance(categories, Iterable) or not all(isinstance(c, str) for c in categories):
        raise TypeError("categories must be a list of event categories written as text")
    chosen = list(dict.fromkeys(categories))
    for category in chosen:
        if category not in known:
            raise ValueError(f"unknown event category {category!r}; the categories are: "
                             f"{', '.join(known)}")
    if not chosen:
        raise ValueError("categories is empty; leave it out to show every category")
    return chosen


def _event_dates(events: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """Where each event sits (mid-month, mid-year when less precise) and its date as text."""
    dates, texts = [], []
    for text, precision in zip(events["date"], events["date_precision"]):
        if precision == "year":
            dates.append(pd.Timestamp(f"{text[:4]}-07-01"))
            texts.append(text[:4])
        elif precision == "month":
            day = pd.Timestamp(f"{text[:7]}-15")
            dates.append(day)
            texts.append(_mon(day))
        else:
            day = pd.Timestamp(text[:10])
            dates.append(day)
            texts.append(f"{day.day} {day:%b %Y}")
    return pd.Series(dates, index=events.index), texts


def _event_rows(events: pd.DataFrame, categories: Sequence[str], codes: list[str] | None,
                first: pd.Timestamp | None, last: pd.Timestamp | None, rows: str) -> pd.DataFrame:
    dates, labels = _event_dates(events)
    table = pd.DataFrame({
        "i": range(len(events)), "d": dates, "dt": labels, "t": events["title"],
        "k": events["iso3"].fillna("").str.split(";"), "cat": events["category"],
        "st": events["disputed"].map({True: "disputed", False: "sources agree"})})
    keep = table["cat"].isin(categories)
    if codes is not None:
        keep &= table["k"].map(lambda ks: bool(set(ks) & set(codes)))
    if first is not None:
        keep &= table["d"] >= first
    if last is not None:
        keep &= table["d"] < last + pd.DateOffset(months=1)
    table = table[keep]
    if rows == "iso3":
        table = table.explode("k", ignore_index=True)
        table = table[table["k"] != ""]
        if codes is not None:
            table = table[table["k"].isin(codes)]
        table["y"] = [theme.label(k) for k in table["k"]]
    else:
        table["y"] = table["cat"].str.replace("_", " ")
    if table.empty:
        raise ValueError("no events match these choices; widen the categories, countries or "
                         "dates")
    table = table.sort_values("d", kind="stable")
    table["o"], table["lane"] = _lanes(table)
    return table.drop(columns="cat").reset_index(drop=True)


def _event_texts(events: pd.DataFrame) -> pd.DataFrame:
    """What the tooltips say about each event, kept once however many rows show it."""
    return pd.DataFrame({
        "i": range(len(events)), "dt": _event_dates(events)[1], "t": events["title"],
        "x": events["detail"].fillna(""),
        "dn": events["dispute_note"].where(events["disputed"], "no").fillna("yes"),
        "s": [_domains(u) for u in events["source_urls"]],
        "u": [u.split(" ; ")[0].strip() for u in events["source_urls"]]})


def _row_height(data: pd.DataFrame) -> int:
    """Pixels per row: room for the row's lanes of dots (``lane`` columns of :func:`_lanes`).

    >>> _row_height(pd.DataFrame({"lane": [0, 1, 2]})), _row_height(pd.DataFrame({"lane": [0, 5]}))
    (48, 90)
    """
    return max(_ROW, _LANE * (int(data["lane"].max()) + 1) + 6)


def _lanes(table: pd.DataFrame, years: float = 1.5) -> tuple[list[float], list[int]]:
    """Vertical offsets (pixels from the top of a row) so that events close in time on
    one row do not overlap, and each event's lane."""
    lane_of = pd.Series(0, index=table.index)
    for _, group in table.groupby("y", sort=False):
        ends: list[pd.Timestamp] = []  # the last event of each lane
        lanes = []
        for day in group["d"]:
            lane = next((i for i, end in enumerate(ends) if (day - end).days > 365 * years),
                        len(ends))
            ends[lane:lane + 1] = [day]
            lanes.append(lane)
        lane_of[group.index] = lanes
    height = _row_height(pd.DataFrame({"lane": lane_of}))
    offsets = pd.Series(0.0, index=table.index)
    for _, group in table.groupby("y", sort=False):
        top = int(lane_of[group.index].max())
        offsets[group.index] = [height / 2 + (lane - top / 2) * _LANE for lane in lane_of[group.index]]
    return offsets.tolist(), lane_of.tolist()


def _domains(urls: str) -> str:
    names = []
    for url in str(urls).split(" ; "):
        host = urlparse(url.strip()).hostname or url.strip()
        host = host.removeprefix("www.")
        if host not in names:
            names.append(host)
    return ", ".join(names)


def _timeline_text(data: pd.DataFrame, rows: str) -> str:
    first, last = data.iloc[0], data.iloc[-1]
    unique = data.drop_duplicates("t")
    disputed = int((unique["st"] == "disputed").sum())
    how = "by category" if rows == "category" else "by country"
    return (f"Timeline of {len(unique)} events from {first['d'].year} to {last['d'].year}, "
            f"in rows {how} ({data['y'].nunique()} rows). {disputed} of them are disputed, "
            f"drawn as hollow diamonds. The earliest: {first['t']} ({first['dt']}). The latest: "
            f"{last['t']} ({last['dt']}).")
