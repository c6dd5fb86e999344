"""Every chart builder makes a valid, small, described chart whose numbers are the analysis'."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from pkedu import analysis as a
from pkedu import charts, data, theme
from pkedu.data import ASEAN10

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "docs" / "toolkit-contract.md"
HELPERS = {"describe", "save", "chart_data"}
SELECTION_NAMES = {"country", "group", "region", "hover"}
# Vega-Lite 5.8 is the oldest compiler vl-convert has; JupyterLab 4 draws with 5.6, which
# behaves like 5.8 for everything used here. 5.20 is the version Altair 5.5 writes.
VL_VERSIONS = ("5.8", "5.20")

# The tables a builder's required arguments name.
TABLES: dict[str, Callable[[], pd.DataFrame]] = {
    "contributions": data.load_contributions,
    "mission_contributions": data.load_mission_contributions,
    "missions": data.load_missions,
    "events": data.load_events,
    "rates": data.load_reimbursement_rates,
}


def builders() -> dict[str, Callable[..., Any]]:
    """Every public chart builder, found by introspection (so new ones are tested too).

    A builder is a public function of pk.charts defined in one of its modules."""
    return {name: f for name, f in inspect.getmembers(charts, inspect.isfunction)
            if f.__module__.startswith(charts.__name__ + ".") and not name.startswith("_")
            and name not in HELPERS}


def build(name: str, **options: Any) -> alt.TopLevelMixin:
    f = builders()[name]
    needed = [p.name for p in inspect.signature(f).parameters.values()
              if p.default is inspect.Parameter.empty]
    unknown = [p for p in needed if p not in TABLES]
    assert not unknown, f"{name} needs {unknown}: add the table to TABLES in this test"
    return f(**{p: TABLES[p]() for p in needed}, **options)


# Options worth checking besides each builder's defaults.
OPTIONS: list[tuple[str, dict[str, Any]]] = [
    ("contributions_over_time", {"by": "group", "stack": True}),
    ("contributions_over_time", {"by": None, "countries": ["IDN", "BGD"]}),
    ("women_share", {"by_country": True}),
    ("personnel_mix", {"normalize": True}),
    ("small_multiples", {"shared_y": True, "countries": ["KHM", "LAO"]}),
    ("timeline", {"rows": "iso3"}),
]


def variants() -> list[tuple[str, dict[str, Any]]]:
    """Each builder with its defaults, with monthly detail where it has a resolution, and
    the OPTIONS."""
    out = []
    for name, f in builders().items():
        out.append((name, {}))
        if "resolution" in inspect.signature(f).parameters:
            out.append((name, {"resolution": "month"}))
    return out + OPTIONS


VARIANTS = variants()
IDS = [f"{name}-{'-'.join(f'{k}={v}' for k, v in kw.items()) or 'default'}"
       for name, kw in VARIANTS]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every dictionary inside a spec (or scenegraph)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def embedded_rows(spec: dict[str, Any]) -> list[int]:
    """Rows of every table in a spec (Altair moves inline tables to ``datasets``)."""
    tables = list(spec.get("datasets", {}).values())
    tables += [node["values"] for node in walk(spec) if "values" in node]
    return [len(pd.read_csv(StringIO(t))) if isinstance(t, str) else len(t) for t in tables]


@pytest.fixture(scope="module")
def c() -> pd.DataFrame:
    return data.load_contributions()


@pytest.fixture(scope="module")
def specs() -> dict[str, tuple[alt.TopLevelMixin, dict[str, Any]]]:
    out = {}
    for (name, kw), ident in zip(VARIANTS, IDS):
        chart = build(name, **kw)
        out[ident] = (chart, chart.to_dict())  # to_dict validates against the schema
    return out


# ------------------------------------------------------------------------------------
# The contract


def contract_builders() -> dict[str, list[str]]:
    """Builder name -> parameter names, as docs/toolkit-contract.md lists them."""
    text = CONTRACT.read_text(encoding="utf-8").split("## pk.charts", 1)[1].split("\n## ", 1)[0]
    found = {}
    for name, args in re.findall(r"^- `(\w+)\((.*)\)`", text, flags=re.M):
        params, depth, current = [], 0, ""
        for char in args + ",":
            depth += char in "([{"
            depth -= char in ")]}"
            if char == "," and depth == 0:
                params.append(current.split("=")[0].strip())
                current = ""
            else:
                current += char
        found[name] = [p for p in params if p]
    return found


@pytest.mark.skipif(not CONTRACT.exists(), reason="the toolkit contract is not in this checkout")
def test_every_builder_of_the_contract_exists_with_its_parameters() -> None:
    promised = contract_builders()
    assert len(promised) >= 13
    for name, params in promised.items():
        f = getattr(charts, name, None)
        assert callable(f), f"pk.charts.{name} is in the contract but missing"
        actual = list(inspect.signature(f).parameters)
        assert actual[:len(params)] == params, f"{name}: {actual} does not start with {params}"
        extra = [p for p in actual[len(params):]
                 if inspect.signature(f).parameters[p].default is inspect.Parameter.empty]
        assert not extra, f"{name}: added parameters must be optional, {extra} are not"


def test_builders_are_found() -> None:
    assert {"contributions_over_time", "timeline", "reimbursement_rates"} <= set(builders())
    assert len(builders()) >= 13


def test_every_builder_skips_altairs_per_part_checks(c: pd.DataFrame) -> None:
    # Builders make their chart without Altair checking each part as it is created (the
    # whole chart is still checked when it is drawn); they must be marked with _builder.
    unmarked = [name for name, f in builders().items() if not hasattr(f, "__wrapped__")]
    assert not unmarked, f"mark these builders with @_builder: {unmarked}"


def test_builders_restore_altairs_checks_even_when_they_fail(c: pd.DataFrame) -> None:
    from altair.utils import schemapi

    assert schemapi.DEBUG_MODE
    charts.ranking(c, "2021-01", top=3)
    assert schemapi.DEBUG_MODE
    with pytest.raises(ValueError, match="no UN report"):
        charts.ranking(c, "2020-06")
    assert schemapi.DEBUG_MODE
    # Outside a builder, Altair still checks each part as it is made.
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        alt.Axis(format=12)


# ------------------------------------------------------------------------------------
# What every chart must have


@pytest.mark.parametrize("ident", IDS)
def test_chart_has_a_description_with_numbers(specs: dict, ident: str) -> None:
    chart, spec = specs[ident]
    text = spec.get("description")
    assert isinstance(text, str) and len(text) > 60
    assert text == charts.describe(chart)
    assert re.search(r"\d", text), "the description should give the key numbers"
    assert text.endswith("."), "the description should be whole sentences"
    assert "nan" not in text.lower().split() and "NaT" not in text


@pytest.mark.parametrize("ident", IDS)
def test_chart_has_a_title_and_names_its_source(specs: dict, ident: str) -> None:
    title = specs[ident][1]["title"]
    assert title["text"]
    assert title["subtitle"][0].startswith("Source: ")


@pytest.mark.parametrize("ident", IDS)
def test_chart_is_small(specs: dict, ident: str) -> None:
    spec = specs[ident][1]
    rows = embedded_rows(spec)
    assert rows, "the chart should embed its data"
    assert sum(rows) <= charts.MAX_ROWS
    assert len(json.dumps(spec)) < 60_000
    assert len(json.dumps(spec, indent=1)) < 60_000  # as stored in a notebook


#: The width of a notebook's output area in JupyterLab 4 in a browser window 1280 pixels
#: wide, with the file browser open (848 pixels, measured), less a margin. A wider chart is
#: cut off on the right, legend first, and the reader must scroll sideways inside it.
OUTPUT_WIDTH = 840


@pytest.mark.parametrize("ident", IDS)
def test_chart_fits_the_notebook_width(specs: dict, ident: str) -> None:
    svg = vlc.vegalite_to_svg(specs[ident][1], vl_version="5.20")
    width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))
    assert width <= OUTPUT_WIDTH, f"{ident} is drawn {width:.0f} pixels wide"


@pytest.mark.parametrize("ident", IDS)
def test_selections_have_fixed_names(specs: dict, ident: str) -> None:
    spec = specs[ident][1]
    for node in walk(spec):
        for param in node.get("params", []):
            assert param.get("name") in SELECTION_NAMES, param
    text = json.dumps(spec)
    assert not re.search(r'"(param|view|selector)_?\d+"', text), "automatic names change per run"


@pytest.mark.parametrize("name", sorted(builders()))
def test_building_twice_gives_the_same_spec(name: str) -> None:
    first = json.dumps(build(name).to_dict(), sort_keys=True)
    assert json.dumps(build(name).to_dict(), sort_keys=True) == first


@pytest.mark.parametrize("ident", IDS)
def test_chart_compiles_in_old_and_new_vega_lite(specs: dict, ident: str) -> None:
    spec = specs[ident][1]
    for version in VL_VERSIONS:
        vega = vlc.vegalite_to_vega(spec, vl_version=version)
        assert vega["marks"], version


@pytest.mark.parametrize("ident", IDS)
def test_tooltips_format_numbers_and_dates(specs: dict, ident: str) -> None:
    tips = []
    for node in walk(specs[ident][1]):
        tip = node.get("tooltip")
        if isinstance(tip, list):
            tips += tip
        elif isinstance(tip, dict) and "field" in tip:
            tips.append(tip)
    assert tips, "every chart should have tooltips"
    for tip in tips:
        assert tip.get("title"), tip
        if tip.get("type") == "quantitative":
            assert tip.get("format"), tip
        if tip.get("type") == "temporal":
            assert tip.get("format") in ("%b %Y", "%Y"), tip


@pytest.mark.parametrize("ident", IDS)
def test_asean_states_keep_their_colour(specs: dict, ident: str) -> None:
    by_label = {theme.label(code): theme.COUNTRY_COLORS[code] for code in ASEAN10}
    for node in walk(specs[ident][1]):
        domain, colors = node.get("domain"), node.get("range")
        # Colour scales only (a stroke dash scale has the same domain, and dashes).
        if isinstance(domain, list) and isinstance(colors, list) and \
                all(isinstance(c, str) for c in colors):
            for value, color in zip(domain, colors):
                if value in by_label:
                    assert color == by_label[value], (value, color)


# ------------------------------------------------------------------------------------
# Missing months are gaps, never zeros


def line_items(spec: dict[str, Any], version: str) -> list[list[dict[str, Any]]]:
    """The drawn points of every line, from the rendered scene."""
    scene = vlc.vegalite_to_scenegraph(spec, vl_version=version)
    return [node["items"] for node in walk(scene) if node.get("marktype") == "line"]


def test_a_missing_month_is_null_in_the_data(c: pd.DataFrame) -> None:
    chart = charts.contributions_over_time(c, ["IDN", "MYS"], resolution="month")
    rows = charts.chart_data(chart).set_index("m")
    assert rows.loc["2020-06-01"].isna().all()
    assert rows.loc["2020-05-01", "Indonesia"] > 0
    raw = chart.data.values.splitlines()
    assert "2020-06-01,," in raw, "a missing month must be empty cells, not zeros"


@pytest.mark.parametrize("version", VL_VERSIONS)
def test_a_missing_month_breaks_the_line(c: pd.DataFrame, version: str) -> None:
    chart = charts.contributions_over_time(c, ["IDN"], start="2020-03", end="2020-09",
                                           resolution="month")
    spec = chart.to_dict()
    for node in walk(spec):  # "filter" would join the line across the gap in Vega-Lite 5.20
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "line":
            assert "invalid" not in mark
    (points,) = line_items(spec, version)
    assert [p.get("defined", True) for p in points] == [True, True, True, False, True, True, True]


def test_missing_months_get_a_grey_band_with_a_tooltip(c: pd.DataFrame) -> None:
    spec = charts.contributions_over_time(c, resolution="month").to_dict()
    bands = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rect"]
    assert len(bands) == 1
    text = spec["datasets"][bands[0]["data"]["name"]]
    assert "No UN report for Jun 2020" in text and "No UN report for Jul 2022" in text
    # Nine months without a report; Sep to Dec 2014 are one run, so one band.
    assert "No UN report for Sep 2014 to Dec 2014" in text
    assert len(text.splitlines()) == 1 + 6


@pytest.mark.parametrize("options", [
    {"countries": ["PHL"], "resolution": "month", "start": "2012-01", "end": "2016-12"},
    {"resolution": "month"},
])
def test_grey_bands_never_overlap(c: pd.DataFrame, options: dict[str, Any]) -> None:
    """Overlapping half-transparent bands draw darker stripes that mean nothing."""
    spec = charts.contributions_over_time(c, **options).to_dict()
    (band,) = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rect"]
    bands = pd.read_csv(StringIO(spec["datasets"][band["data"]["name"]]),
                        parse_dates=["a", "b"]).sort_values("a")
    assert (bands["a"].iloc[1:].to_numpy() >= bands["b"].iloc[:-1].to_numpy()).all(), bands
    missing = data.load_months().query("not reported")["month"]
    if "start" in options:
        missing = missing[missing.between(options["start"], options["end"])]
    for month in missing:  # every month without a report lies inside a band
        assert ((bands["a"] < month) & (month < bands["b"])).sum() == 1, month


def test_stacked_areas_break_at_missing_months(c: pd.DataFrame) -> None:
    chart = charts.contributions_over_time(c, by="group", start="2020-04", end="2020-08",
                                           resolution="month", stack=True)
    scene = vlc.vegalite_to_scenegraph(chart.to_dict(), vl_version="5.20")
    areas = [node["items"] for node in walk(scene) if node.get("marktype") == "area"]
    assert len(areas) == 3
    for points in areas:
        assert [p.get("defined", True) for p in points] == [True, True, False, True, True]


def test_yearly_values_are_means_of_reported_months(c: pd.DataFrame) -> None:
    chart = charts.contributions_over_time(c, ["IDN", "LAO"])
    rows = charts.chart_data(chart)
    rows["year"] = rows["m"].dt.year
    expected = a.annual(a.monthly_totals(c, by="iso3", countries=["IDN", "LAO"]), how="mean")
    idn = expected[expected["iso3"] == "IDN"].set_index("year")
    merged = rows.set_index("year").join(idn)
    assert (merged["Indonesia"] - merged["total"]).abs().max() < 0.051
    assert (merged["n"] == merged["n_months"]).all()
    assert merged.loc[2020, "n"] == 11  # June 2020 has no report
    assert (rows["Laos"] == 0).all()
    assert "averages" in " ".join(chart.to_dict()["title"]["subtitle"])


# ------------------------------------------------------------------------------------
# The numbers in the charts are the analysis' numbers


def test_ranking_top_bar_is_bangladesh(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.ranking(c, "2021-01"))
    assert rows.loc[0, ["r", "k", "n"]].tolist() == [1, "BGD", 6711]
    full = a.ranking(c, "2021-01")
    top = rows.head(15)
    assert top["k"].tolist() == full["iso3"].head(15).tolist()
    assert top["n"].tolist() == full["total"].head(15).tolist()
    below = rows.iloc[15:].set_index("k")
    assert below.loc["MYS", "r"] == 25 and below.loc["MYS", "n"] == 842
    assert set(below.index) == {"MYS", "KHM", "THA", "VNM", "BRN", "PHL"}


def test_ranking_without_highlight_shows_the_top_only(c: pd.DataFrame) -> None:
    chart = charts.ranking(c, "2021-01", top=5, highlight=None)
    assert charts.chart_data(chart)["k"].tolist() == ["BGD", "RWA", "ETH", "NPL", "IND"]


def test_small_multiples_keeps_an_empty_panel_for_laos(c: pd.DataFrame) -> None:
    chart = charts.small_multiples(c)
    spec = json.dumps(chart.to_dict())
    assert "no personnel deployed" in spec
    assert "Laos: no personnel deployed" in charts.describe(chart)
    assert set(theme.label(code) for code in ASEAN10) <= set(charts.chart_data(chart).columns)


def test_first_deployments_match_first_contributions(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.first_deployments(c))
    firsts = a.first_contributions(c, ASEAN10, by_group=True).set_index("iso3")
    shown = rows.dropna(subset=["m"]).set_index(["c", "g"])["m"]
    assert shown[("Cambodia", "experts")] == firsts.loc["KHM", "experts"]
    assert shown[("Vietnam", "troops")] == firsts.loc["VNM", "troops"]
    assert len(shown) == firsts.notna().sum().sum()
    laos = rows[rows["c"] == "Laos"]
    assert len(laos) == 1 and laos["m"].isna().all()


def symbol_centres(chart: alt.TopLevelMixin) -> list[tuple[float, float]]:
    """Where the chart draws its dots, shapes and markers (x, y), as rendered."""
    scene = vlc.vegalite_to_scenegraph(chart.to_dict(), vl_version="5.20")
    return [(item["x"], item["y"]) for node in walk(scene) if node.get("marktype") == "symbol"
            and node.get("role") == "mark" for item in node["items"]]


def test_first_deployments_draw_every_dot_where_it_can_be_seen(c: pd.DataFrame) -> None:
    """Brunei's troops, police and experts all began in Jan 1993: three marks, none hidden
    under another."""
    centres = symbol_centres(charts.first_deployments(c))
    shown = charts.chart_data(charts.first_deployments(c))["m"].notna().sum()
    assert len(centres) == shown
    for i, (x1, y1) in enumerate(centres):
        for x2, y2 in centres[i + 1:]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 10, ((x1, y1), (x2, y2))


def test_contributors_count_matches_analysis(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.contributors_count(c)).set_index("m")
    expected = a.contributors_count(c, ASEAN10).set_index("month")["contributors"]
    pd.testing.assert_series_equal(rows["Countries contributing"].astype(float), expected,
                                   check_names=False, check_index_type=False)
    dec = c[(c["month"] == "2016-12-01") & c["iso3"].isin(ASEAN10) & (c["total"] > 0)]
    assert set(rows.loc["2016-12-01", "w"].split()) == set(dec["iso3"])
    assert len(set(dec["iso3"])) == rows.loc["2016-12-01", "Countries contributing"] == 8
    assert pd.isna(rows.loc["2020-06-01", "w"])


def test_compare_groups_adds_up_each_group(c: pd.DataFrame) -> None:
    groups = {"ASEAN": ASEAN10, "S. Asia": charts.SOUTH_ASIA}  # a dot in a name is fine
    chart = charts.compare_groups(c, groups, resolution="month")
    rows = charts.chart_data(chart).set_index("m")
    expected = a.monthly_totals(c, countries=charts.SOUTH_ASIA).set_index("month")["total"]
    pd.testing.assert_series_equal(rows["S. Asia"], expected, check_names=False,
                                   check_index_type=False)
    lines = line_items(chart.to_dict(), "5.20")
    assert len(lines) == 2
    assert all(any(p.get("defined") for p in points) for points in lines)


def test_compare_groups_names_each_groups_size_once(c: pd.DataFrame) -> None:
    """Notebook 02 names its groups "ASEAN (10 states)", "South Asia (4)": the subtitle
    must not add "(10 countries)" after that."""
    groups = {"ASEAN (10 states)": ASEAN10, "South Asia (4)": ["BGD", "IND", "NPL", "PAK"],
              "East Africa": ["ETH", "RWA"]}
    subtitle = charts.compare_groups(c, groups=groups).to_dict()["title"]["subtitle"]
    assert subtitle[-1] == "Groups: ASEAN (10 states), South Asia (4), East Africa (2 countries)"


def test_titles_and_descriptions_say_the_philippines(c: pd.DataFrame) -> None:
    chart = charts.contributions_over_time(c, countries=["THA", "PHL"])
    spec = chart.to_dict()
    assert spec["title"]["text"] == "UN peacekeepers from Thailand and the Philippines"
    assert "from Thailand and the Philippines" in spec["description"]


def test_share_of_world_matches_analysis(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.share_of_world(c, resolution="month")).set_index("m")
    expected = a.share_of_world(c, ASEAN10).set_index("month")
    assert abs(rows.loc["2019-12-01", "ASEAN-10 share"] - expected.loc["2019-12-01", "share"]) \
        < 1e-5
    assert rows.loc["2019-12-01", "p"] == expected.loc["2019-12-01", "total"]
    assert pd.isna(rows.loc["2020-06-01", "ASEAN-10 share"])


def test_personnel_mix_matches_analysis(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.personnel_mix(c, when="2019-12"))
    for code in ("IDN", "MYS", "LAO"):
        mine = rows[rows["c"] == theme.label(code)].set_index("g")["n"]
        expected = a.personnel_mix(c, [code], "2019-12").set_index("group")["total"]
        assert mine.tolist() == expected.tolist(), code


def test_women_share_starts_in_april_2014_and_keeps_gaps(c: pd.DataFrame) -> None:
    chart = charts.women_share(c, resolution="month")
    rows = charts.chart_data(chart).set_index("m")
    assert rows.index.min() == pd.Timestamp("2014-04-01")
    expected = a.women_share(c, ASEAN10).set_index("month")["share"]
    assert abs(rows.loc["2019-12-01", "ASEAN-10"] - expected["2019-12-01"]) < 1e-4
    assert rows.loc["2023-09-01"].isna().all(), "no gender figures: a gap"
    assert "No figures by gender for Sep 2023" in json.dumps(chart.to_dict())


def test_where_they_serve_matches_analysis() -> None:
    mc, missions = data.load_mission_contributions(), data.load_missions()
    chart = charts.where_they_serve(mc, missions, when="2019-12", top=3)
    rows = charts.chart_data(chart)
    served = a.where_they_serve(mc, ASEAN10, "2019-12")
    unifil = rows[rows["l"] == "UNIFIL (Lebanon)"].set_index("c")["n"]
    assert unifil["Indonesia"] == 1287
    assert rows["n"].sum() == served["total"].sum()
    assert rows["l"].nunique() == 4 and rows["l"].str.endswith("other missions").any()


def test_pledge_gap_matches_analysis(c: pd.DataFrame) -> None:
    rows = charts.chart_data(charts.pledge_gap(c)).set_index("m")
    assert rows.index.min() == pd.Timestamp("2012-01-01")
    assert rows.loc["2018-11-01", ["Indonesia", "s"]].tolist() == [3545, 455]
    assert pd.isna(rows.loc["2020-06-01", "Indonesia"])


def test_timeline_marks_disputed_events() -> None:
    events = data.load_events()
    chart = charts.timeline(events)
    rows = charts.chart_data(chart)
    assert len(rows) == len(events)
    assert (rows["st"] == "disputed").sum() == events["disputed"].sum()
    spec = chart.to_dict()
    assert spec["encoding"]["shape"]["scale"]["range"] == ["circle", "diamond"]
    titles = [t["title"] for t in spec["encoding"]["tooltip"]]
    assert titles == ["Date", "Event", "Detail", "Disputed", "Sources"]
    assert f"{int(events['disputed'].sum())} of them are disputed" in charts.describe(chart)


@pytest.mark.parametrize("choices", [{}, {"categories": "pledge"}, {"rows": "iso3"},
                                     {"countries": ["VNM"], "rows": "iso3"}])
def test_timeline_edge_events_are_inside_the_plot(choices: dict[str, Any]) -> None:
    """The x domain reaches beyond the first and last event (by 3% of the span, at least
    six months), so the dots at the edges (Indonesia 1957, the last proposal) are drawn whole."""
    chart = charts.timeline(data.load_events(), **choices)
    dates = pd.to_datetime(charts.chart_data(chart)["d"])
    domain = chart.to_dict()["encoding"]["x"]["scale"]["domain"]
    first, last = (pd.Timestamp(year=d["year"], month=d["month"], day=d["date"]) for d in domain)
    margin = max((dates.max() - dates.min()) * 0.02, pd.Timedelta(days=150))
    assert first <= dates.min() - margin and last >= dates.max() + margin, (first, last)


def test_timeline_filters_and_rows_by_country() -> None:
    events = data.load_events()
    chart = charts.timeline(events, countries=["LAO"], rows="iso3")
    rows = charts.chart_data(chart)
    assert set(rows["y"]) == {"Laos"}
    assert len(rows) == events["iso3"].fillna("").str.contains("LAO").sum()
    pledges = charts.chart_data(charts.timeline(events, categories="pledge", start="2010-01"))
    assert len(pledges) == 2


@pytest.mark.parametrize(("choices", "expected"), [
    ({"categories": ["regional_crisis", "force_proposal"], "start": "1995-01", "end": "2016-12"},
     "Regional crises and proposals for an ASEAN peacekeeping force, 1995-2015"),
    ({"categories": ["first_deployment"], "rows": "iso3"}, "First deployments by country, 1957-2014"),
    ({"categories": ["pledge", "security_council"], "countries": ["IDN"]},
     "Pledges and UN Security Council work involving Indonesia, 2012-2020"),
    ({}, "Events of every kind, 1957-2025"),
])
def test_timeline_title_says_what_it_shows(choices: dict[str, Any], expected: str) -> None:
    """The default title names the kinds of events, the countries chosen and the years shown
    (the first and last event drawn); a title the caller gives is kept."""
    events = data.load_events()
    chart = charts.timeline(events, **choices)
    assert chart.to_dict()["title"]["text"] == expected
    dates = pd.to_datetime(charts.chart_data(chart)["d"])
    assert expected.endswith(f"{dates.min().year}-{dates.max().year}")
    mine = charts.timeline(events, **choices, title="My own title")
    assert mine.to_dict()["title"]["text"] == "My own title"


def test_every_event_category_has_a_name_for_titles() -> None:
    from pkedu.charts.events import CATEGORY_NAMES

    assert set(CATEGORY_NAMES) == set(data.EVENT_CATEGORIES) == set(data.load_events()["category"])


def test_reimbursement_rates_are_the_table() -> None:
    rates = data.load_reimbursement_rates()
    rows = charts.chart_data(charts.reimbursement_rates(rates))
    assert rows["v"].tolist() == rates["rate_usd"].tolist()
    assert rows.loc[0, "x"] == "approximate"


# ------------------------------------------------------------------------------------
# Bad arguments get plain-English messages


E, M, R = data.load_events, data.load_mission_contributions, data.load_reimbursement_rates
C = data.load_contributions
BAD: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (lambda: charts.contributions_over_time(C(), ["XXX"]), ValueError,
     "unknown country code 'XXX' in countries"),
    (lambda: charts.contributions_over_time(C(), ["VNN", "IDN", "Thialand", "VNN"]), ValueError,
     r"unknown country codes 'VNN' and 'Thialand' in countries \(did you mean 'VNM' \(Vietnam\) "
     r"and 'THA' \(Thailand\)\?\); use ISO3 codes"),
    (lambda: charts.compare_groups(C(), groups={"X": ["ZZZQQ", "Malasia", "MYS"]}), ValueError,
     r"unknown country codes 'ZZZQQ' and 'Malasia' in the group 'X' \(did you mean 'MYS' "
     r"\(Malaysia\) for 'Malasia'\?\)"),
    (lambda: charts.contributions_over_time(C(), []), ValueError, "countries is empty"),
    (lambda: charts.contributions_over_time(C(), [1, 2]), TypeError, "written as text"),
    (lambda: charts.contributions_over_time(C(), countries=None), TypeError,
     "countries must be a list of ISO3 country codes"),
    (lambda: charts.contributions_over_time(C(), groups=["navy"]), ValueError,
     "each personnel group must be one of"),
    (lambda: charts.contributions_over_time(C(), resolution="weekly"), ValueError,
     "resolution must be one of"),
    (lambda: charts.contributions_over_time(C(), by="country"), ValueError, "by must be one of"),
    (lambda: charts.contributions_over_time(C(), start="2020-01", end="2019-01"), ValueError,
     r"start \(2020-01\) is after end \(2019-01\)"),
    (lambda: charts.contributions_over_time(C(), start=2019), TypeError,
     "start must be a month written like '2019-12'"),
    (lambda: charts.contributions_over_time(C(), start="2030-01"), ValueError,
     "the period chosen holds no month"),
    (lambda: charts.contributions_over_time(C(), stack="yes"), TypeError,
     "stack must be True or False"),
    (lambda: charts.contributions_over_time(C(), title=5), TypeError, "title must be text"),
    (lambda: charts.contributions_over_time("table"), TypeError,
     "contributions must be a table"),
    (lambda: charts.contributions_over_time(E()), ValueError,
     "contributions has no column 'month'"),
    (lambda: charts.ranking(C(), "2020-06"), ValueError, "no UN report exists for 2020-06"),
    (lambda: charts.ranking(C(), "June 2020"), ValueError,
     "when must be a month written like '2019-12'"),
    (lambda: charts.ranking(C(), top=0), ValueError, "top must be at least 1"),
    (lambda: charts.ranking(C(), top="5"), TypeError, "top must be a whole number"),
    (lambda: charts.ranking(C(), highlight=["IDN", "ZZZ"]), ValueError,
     "unknown country code 'ZZZ' in highlight"),
    (lambda: charts.personnel_mix(C(), when="2020-06"), ValueError,
     "no UN report exists for 2020-06"),
    (lambda: charts.where_they_serve(M(), data.load_missions(), when="2018-06"), ValueError,
     "no mission-level UN report exists for 2018-06"),
    (lambda: charts.where_they_serve(M(), data.load_missions(), countries=["LAO"]),
     ValueError, "Laos had no personnel in any UN mission in 2019-12"),
    (lambda: charts.compare_groups(C(), groups=["ASEAN"]), TypeError,
     "groups must be a dictionary"),
    (lambda: charts.compare_groups(C(), groups={}), ValueError, "groups is empty"),
    (lambda: charts.compare_groups(C(), groups={"X": ["ZZZ"]}), ValueError,
     "unknown country code 'ZZZ' in the group 'X'"),
    (lambda: charts.pledge_gap(C(), pledge=-5), ValueError, "pledge must be a positive number"),
    (lambda: charts.pledge_gap(C(), iso3=["IDN"]), TypeError, "iso3 must be one country code"),
    (lambda: charts.timeline(E(), categories=["picnic"]), ValueError,
     "unknown event category 'picnic'"),
    (lambda: charts.timeline(E(), countries=["LAO"], end="2000-01"), ValueError,
     "no events match"),
    (lambda: charts.timeline(E(), rows="year"), ValueError, "rows must be one of"),
    (lambda: charts.small_multiples(C(), shared_y="no"), TypeError,
     "shared_y must be True or False"),
    (lambda: charts.reimbursement_rates(C()), ValueError,
     "rates has no column 'effective_from'"),
    (lambda: charts.describe("a chart"), TypeError, "expected an Altair chart"),
    (lambda: charts.describe(alt.Chart()), ValueError, "this chart has no description"),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD,
                         ids=[f"{i:02d}-{m[:30]}" for i, (_, _, m) in enumerate(BAD)])
def test_bad_arguments_are_explained(call: Callable[[], Any], error: type[Exception],
                                     message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_country_codes_may_be_lower_case(c: pd.DataFrame) -> None:
    chart = charts.contributions_over_time(c, ["idn", " mys "])
    assert list(charts.chart_data(chart).columns[1:3]) == ["Indonesia", "Malaysia"]


@pytest.mark.parametrize("countries, said", [
    ([np.int64(3)], "not 3"), ([pd.NA], "not a missing value"),
    (b"IDN", "not 'IDN' (as bytes)"), ([b"IDN"], "not 'IDN' (as bytes)"),
])
def test_bad_countries_are_quoted_as_typed_not_in_a_python_form(
        c: pd.DataFrame, countries: object, said: str) -> None:
    with pytest.raises(TypeError) as caught:
        charts.contributions_over_time(c, countries)
    assert str(caught.value).endswith(said) and "np." not in str(caught.value)


def test_a_message_names_ten_unknown_countries_and_counts_the_rest(c: pd.DataFrame) -> None:
    with pytest.raises(ValueError) as caught:
        charts.contributions_over_time(c, [f"X{i}" for i in range(2000)])
    assert "'X9' and 1,990 more in countries" in str(caught.value)
    assert len(str(caught.value)) < 400


# ------------------------------------------------------------------------------------
# Saving


@pytest.mark.parametrize(("suffix", "start"), [(".png", b"\x89PNG"), (".svg", b"<svg"),
                                               (".pdf", b"%PDF")])
def test_save_writes_images(c: pd.DataFrame, tmp_path: Path, suffix: str, start: bytes) -> None:
    target = charts.save(charts.ranking(c, top=5), tmp_path / f"ranking{suffix}")
    assert target.read_bytes().startswith(start)
    assert target.stat().st_size > 1000


def test_save_rejects_other_files(c: pd.DataFrame, tmp_path: Path) -> None:
    chart = charts.ranking(c, top=5)
    with pytest.raises(ValueError, match=r"save writes \.png, \.svg or \.pdf files"):
        charts.save(chart, tmp_path / "ranking.jpg")
    with pytest.raises(ValueError, match="no suffix"):
        charts.save(chart, tmp_path / "ranking")
    with pytest.raises(TypeError, match="path must be a file name"):
        charts.save(chart, 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected an Altair chart"):
        charts.save("chart", tmp_path / "x.png")  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_long_lived_imports_are_left_out_of_garbage_collection() -> None:
    # pkedu freezes what exists once Altair and the chart modules are imported, so that
    # Python's full collections skip it (docs/performance.md, "Garbage collection").
    import gc

    import pkedu

    assert pkedu.charts is charts
    assert gc.get_freeze_count() > 100_000


# ------------------------------------------------------------------------------------
# The layout: a package of short modules, every name reachable as pk.charts.<name>

# Every public name pk.charts had when it was one module, and the decorator new builders
# wear. Notebooks, apps and instructors' own code call them as pk.charts.<name>.
NAMES_OF_ONE_MODULE = (
    "contributions_over_time", "small_multiples", "first_deployments", "contributors_count",
    "timeline", "ranking", "compare_groups", "share_of_world", "personnel_mix", "women_share",
    "where_they_serve", "pledge_gap", "reimbursement_rates", "describe", "save", "chart_data",
    "COMPARISON_GROUPS", "SOUTH_ASIA", "EASTERN_AFRICA", "MAX_ROWS", "SOURCE",
    "SOURCE_MISSIONS", "SOURCE_EVENTS", "SOURCE_RATES", "GAP_NOTE", "YEAR_NOTE", "_builder",
)


def chart_modules() -> dict[str, Any]:
    import importlib
    import pkgutil

    return {info.name: importlib.import_module(f"{charts.__name__}.{info.name}")
            for info in pkgutil.iter_modules(charts.__path__)}


def test_every_name_of_the_one_module_is_still_reachable() -> None:
    missing = [name for name in NAMES_OF_ONE_MODULE if not hasattr(charts, name)]
    assert not missing, f"pk.charts lost {missing}"
    assert set(charts.__all__) <= set(NAMES_OF_ONE_MODULE)


def test_every_public_function_of_a_chart_module_is_reachable_from_pk_charts() -> None:
    # A builder written in a topic module but not imported in pkedu/charts/__init__.py
    # would be missing from pk.charts, and the tests above would never see it.
    forgotten = []
    for module in chart_modules().values():
        for name, f in inspect.getmembers(module, inspect.isfunction):
            if f.__module__ == module.__name__ and not name.startswith("_"):
                if getattr(charts, name, None) is not f:
                    forgotten.append(f"{module.__name__}.{name}")
                elif name not in HELPERS and name not in charts.__all__:
                    forgotten.append(f"{name} (not in __all__)")
    assert not forgotten, f"import these in pkedu/charts/__init__.py: {forgotten}"


def test_chart_modules_are_short_and_say_what_they_hold() -> None:
    modules = chart_modules()
    assert {"_common", "_time", "helpers"} <= set(modules)
    for name, module in modules.items():
        lines = Path(module.__file__).read_text(encoding="utf-8").count("\n")
        assert lines <= 400, f"pkedu/charts/{name}.py has {lines} lines; split it by topic"
        assert module.__doc__ and len(module.__doc__) > 80, f"{name} needs a module docstring"


def test_a_timeline_never_navigates_away_and_keys_its_symbols_in_words() -> None:
    """A click on a dot opened its source in the notebook's own browser tab (the student lost the notebook,
    and offline saw an error page); the legend showed 'disputed' filled while the chart drew it hollow."""
    chart = charts.timeline(data.load_events(), categories=["regional_crisis", "force_proposal"])
    spec = json.dumps(chart.to_dict())
    assert '"href"' not in spec and "pointer" not in spec
    assert '"legend": null' in spec.replace("None", "null")
    assert "hollow diamond: they disagree" in spec


def test_timeline_dots_in_one_row_do_not_touch() -> None:
    """Dots of one row close in time sit in lanes at least a dot's width apart, inside their row."""
    from pkedu.charts import events

    rows = events._event_rows(data.load_events(), list(events.EVENT_CATEGORIES), None, None, None,
                              "category")
    for _, row in rows.groupby("y"):
        lanes = sorted(set(row["o"]))
        assert all(b - a >= 13 for a, b in zip(lanes, lanes[1:]))
        assert min(lanes) >= 7 and max(lanes) <= events._row_height(rows) - 7
