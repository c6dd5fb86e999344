"""The four apps: models agree with pk.analysis, views react, bad input gives a message."""

from __future__ import annotations

import math
import re
from html import unescape as html_unescape
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

import pkedu as pk
from pkedu import analysis, chartdata
from pkedu.apps import consensus, reimbursement
from pkedu.apps import force_builder as force_builder_module
from pkedu.apps._common import AppResult
from pkedu.apps._series import latest_full_year
from pkedu.data import ASEAN10
from pkedu.widgets import (
    benchmark_cases, consensus_model, explorer_model, force_model, reimbursement_model,
)

VEGALITE = "application/vnd.vegalite.v5+json"
BAD_VALUES: list[Any] = [None, "", "abc", -5, 0, 10**12, float("nan"), float("inf"), [], (), {},
                         True, object(), "1e400", 10**400, "  ", "-5", "0"]


@pytest.fixture(scope="module")
def contributions() -> pd.DataFrame:
    return pk.data.load_contributions()


# --------------------------------------------------------------------------- helpers


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def control(app: Any, css: str) -> Any:
    found = [w for w in walk(app) if css in getattr(w, "_dom_classes", ())]
    assert len(found) == 1, f"expected one widget with class {css}, found {len(found)}"
    return found[0]


def headline(app: Any) -> str:
    return control(app, f"pk-{app_name(app)}-headline").value


def chart_spec(app: Any) -> dict | None:
    outputs = control(app, f"pk-{app_name(app)}-chart").outputs
    return outputs[0]["data"][VEGALITE] if outputs else None


def app_name(app: Any) -> str:
    return next(c[3:] for c in app._dom_classes if c.startswith("pk-") and c != "pk-app")


def assert_good(result: AppResult) -> dict:
    assert result.ok, result.message
    spec = result.chart.to_dict()
    assert spec["description"].strip().endswith(".")
    for param in spec.get("params", []):
        assert not param["name"].startswith("param_"), "selections need explicit names"
    assert len(str(spec)) < 60_000, "keep chart data small"
    return spec


def assert_message(result: AppResult) -> None:
    assert isinstance(result, AppResult)
    assert result.message, "bad input must give a message"
    assert result.message[0].isupper() or result.message[0] in "'\"-0123456789"
    assert result.message.rstrip()[-1] in ".)"
    assert "Traceback" not in result.message
    if not result.ok:
        assert result.chart is None


# --------------------------------------------------------------------------- explorer model

EXPLORER_CASES = [
    (ASEAN10, 1990, 2025, "all"),
    (("IDN",), 2019, 2019, "all"),
    (("KHM", "VNM"), 2005, 2016, "troops"),
    (("MYS", "BRN", "THA"), 1995, 2010, "police"),
    (("PHL", "SGP", "MMR"), 2010, 2024, "experts"),
    (("LAO", "VNM"), 2012, 2015, "all"),
]


@pytest.mark.parametrize("countries,start,end,group", EXPLORER_CASES)
def test_explorer_numbers_match_analysis(contributions: pd.DataFrame, countries: tuple,
                                         start: int, end: int, group: str) -> None:
    result = explorer_model(list(countries), start, end, group)
    assert_good(result)
    groups = None if group == "all" else group
    monthly = analysis.monthly_totals(contributions, countries=list(countries), groups=groups)
    window = monthly[monthly["month"].dt.year.between(start, end)]
    yearly = analysis.annual(window, how="mean").set_index("year")
    n = result.numbers
    assert n["last_year"] == yearly.index[-1]
    assert n["last_year_mean"] == pytest.approx(yearly["total"].iloc[-1])
    assert n["last_year_months"] == yearly["n_months"].iloc[-1]
    assert n["peak"] == window["total"].max()
    if n["peak"] > 0:
        assert n["peak_month"] == f"{window.loc[window['total'].idxmax(), 'month']:%Y-%m}"
        assert n["first_month"] == f"{window[window['total'] > 0]['month'].min():%Y-%m}"
    else:
        assert n["peak_month"] is None and n["first_month"] is None
    months = pk.data.load_months()
    in_range = months[months["month"].dt.year.between(start, end)]
    assert n["missing_months"] == int((~in_range["reported"]).sum())


def test_explorer_table_and_chart(contributions: pd.DataFrame) -> None:
    result = explorer_model(["KHM", "VNM", "LAO"], 2000, 2024)
    firsts = analysis.first_contributions(contributions, ["KHM", "VNM", "LAO"])
    shown = result.table.set_index("Country")["First month in the UN data"]
    assert shown["Cambodia"] == f"{firsts.loc[0, 'first_month']:%B %Y}"
    assert shown["Laos"] == "none so far"
    spec = assert_good(result)
    rows = chartdata.read(result.chart.data)
    assert set(rows["country"]) == {"Cambodia", "Vietnam", "Laos"}
    for _, years in rows.groupby("country"):
        assert years["year"].tolist() == list(range(2000, 2025))
        assert years["months_reported"].between(0, 12).all()
    laos = rows[rows["country"] == "Laos"]
    assert (laos["personnel"].fillna(0) == 0).all()
    assert spec["params"][0]["name"] == "explorer_country"
    assert "2024" in spec["description"]


def test_explorer_accepts_names_and_clips_years() -> None:
    result = explorer_model("Indonesia, malaysia", 1980, 2030, " Troops ")
    assert result.ok and result.numbers["countries"] == ("IDN", "MYS")
    assert (result.numbers["start"], result.numbers["end"]) == (1990, 2025)
    assert "only 1990-2025 is shown" in result.message


@pytest.mark.parametrize("args,expected", [
    (((), 1990, 2025), "Pick at least one country"),
    ((["IDN"], 2020, 2010), "comes after the end year"),
    ((["IDN"], 1950, 1960), "no UN figures for 1950-1960"),
    ((["IDN"], 2030, 2040), "no UN figures"),
    ((["BGD"], 1990, 2025), "not one of them"),
    ((["IDN"], 1990, 2025, "navy"), "The personnel group must be"),
])
def test_explorer_messages(args: tuple, expected: str) -> None:
    result = explorer_model(*args)
    assert_message(result)
    assert expected in result.message


#: Lists of countries with several mistakes, and the lines the explorer answers with.
COUNTRY_MIXTURES = [
    (["VNN", "IDN", "Thialand"],
     ["I don't know the countries 'VNN' and 'Thialand'. Did you mean 'VNM' (Vietnam) and 'THA' "
      "(Thailand)? Use names such as 'Indonesia' or codes such as 'IDN'."]),
    (["XQZQX", "Vietnan", "XQZQX"],
     ["I don't know the countries 'XQZQX' and 'Vietnan'. Did you mean 'VNM' (Vietnam) for "
      "'Vietnan'? Use names such as 'Indonesia' or codes such as 'IDN'."]),
    (["VNN", "Vietnan"],
     ["I don't know the countries 'VNN' and 'Vietnan'. Did you mean 'VNM' (Vietnam) for 'VNN' and "
      "'VNM' (Vietnam) for 'Vietnan'? Use names such as 'Indonesia' or codes such as 'IDN'."]),
    ("Vietnam, Cambodja, Singapur",
     ["I don't know the countries 'Cambodja' and 'Singapur'. Did you mean 'KHM' (Cambodia) and "
      "'SGP' (Singapore)? Use names such as 'Indonesia' or codes such as 'IDN'."]),
    (["BGD", "IDN", "Atlantis", "France", 5],
     ["This app covers the ten ASEAN states; 'BGD' (Bangladesh) and 'France' are not among them.",
      "I don't know the country 'Atlantis'. Use a name such as 'Indonesia' or a code such as "
      "'IDN'.",
      "Countries are given by name or by code such as 'IDN' (you gave 5)."]),
]


@pytest.mark.parametrize("countries,lines", COUNTRY_MIXTURES)
def test_every_bad_country_in_a_list_is_named_in_one_line(countries: object,
                                                          lines: list[str]) -> None:
    """Each bad country is named once, in one line per kind of mistake, typos with their likely
    meaning; the good countries beside them are never named as wrong."""
    result = explorer_model(countries, 2010, 2019)
    assert_message(result)
    assert result.message.splitlines() == lines
    for good in ("'IDN'", "'Vietnam'"):
        assert f"{good} and" not in result.message and f"{good})" not in result.message


def test_bad_countries_are_reported_with_the_other_bad_inputs() -> None:
    result = explorer_model(["VNN", "Thialand", "IDN"], "soon", 2010, "navy")
    lines = result.message.splitlines()
    assert len(lines) == 3, result.message
    assert lines[0].startswith("I don't know the countries 'VNN' and 'Thialand'. Did you mean")
    assert lines[1].startswith("The personnel group must be")
    assert lines[2].startswith("'soon' is not a number")


def test_explorer_view_names_every_bad_country_and_keeps_the_good_ones() -> None:
    app = pk.widgets.explorer(["VNN", "IDN", "Thialand"], 2010, 2019)
    assert "Did you mean &#x27;VNM&#x27; (Vietnam) and &#x27;THA&#x27; (Thailand)?" in headline(app)
    assert control(app, "pk-explorer-countries").value == ("IDN",)
    control(app, "pk-explorer-group").value = "troops"
    assert "Indonesia had on average" in headline(app)


# --------------------------------------------------------------------------- reimbursement model


def test_reimbursement_uses_every_rate() -> None:
    table = pk.data.load_reimbursement_rates()
    for row in table.itertuples():
        result = reimbursement_model(135, 9, row.effective_from)
        assert_good(result)
        assert result.numbers["rate"] == float(row.rate_usd)
        assert result.numbers["reimbursement"] == 135 * 9 * float(row.rate_usd)
        assert "135 × " in " ".join(result.notes)  # the formula in words


def test_reimbursement_national_cost_and_break_even() -> None:
    cheap = reimbursement_model("850", "12", "2018-07-01", national_cost="1,000")
    assert cheap.numbers["balance"] == 850 * 12 * (1428 - 1000)
    assert "pays for itself" in cheap.headline
    dear = reimbursement_model(850, 12, "custom", custom_rate="1200", national_cost=1500)
    assert dear.numbers["rate"] == 1200
    assert dear.numbers["balance"] == -850 * 12 * 300
    assert "more than the UN gives back" in dear.headline
    assert dear.table["Item"].str.contains("National cost").any()


@pytest.mark.parametrize("iso3,year", [("IDN", 2019), ("KHM", 2010), ("MYS", 2024),
                                       ("LAO", 2020), ("THA", 1995)])
def test_reimbursement_comparison_matches_data(contributions: pd.DataFrame, iso3: str,
                                               year: int) -> None:
    result = reimbursement_model(100, 12, "2018-07-01", country=iso3, year=year)
    assert_good(result)
    paid = contributions[contributions["type"].isin(["Troops", "Staff Officer",
                                                     "Formed Police Units"])]
    yearly = analysis.annual(analysis.monthly_totals(paid, countries=iso3), how="mean")
    expected = float(yearly.set_index("year").loc[year, "total"])
    assert result.numbers["country_reimbursable"] == pytest.approx(expected)
    assert result.numbers["country_estimate"] == pytest.approx(expected * 1428 * 12)
    everyone = analysis.annual(analysis.monthly_totals(contributions, countries=iso3), how="mean")
    other = float(everyone.set_index("year").loc[year, "total"]) - expected
    assert result.numbers["country_other"] == pytest.approx(other)


def test_reimbursement_sources_are_links() -> None:
    result = reimbursement_model()
    assert result.sources and all(url.startswith("http") for _, url in result.sources)


@pytest.mark.parametrize("kwargs,expected", [
    ({"size": 0}, "must be between 1 and"),
    ({"size": 10**12}, "busiest month"),
    ({"months": 500}, "between 1 and 120 (you gave 500)"),
    ({"months": 2.5}, "whole number"),
    ({"rate": "custom", "custom_rate": ""}, "your own rate"),
    ({"rate": "tomorrow"}, "one from the list or a number"),
    ({"national_cost": "-3"}, "more than zero and at most US$100,000 (you gave -US$3)"),
    ({"country": "IDN", "year": 1970}, "no UN figures for 1970"),
    ({"country": "France", "year": 2019}, "France"),
])
def test_reimbursement_messages(kwargs: dict, expected: str) -> None:
    result = reimbursement_model(**kwargs)
    assert_message(result)
    assert expected in result.message


#: One bad value for each input of the reimbursement model, and one for each of the explorer.
REIMBURSEMENT_BAD = {"size": 0, "months": "abc", "rate": "tomorrow", "national_cost": "-3",
                     "country": "France"}
EXPLORER_BAD = {"countries": ["XXX"], "group": "navy", "start": "soon", "end": 10**30}


def _alone(model: Any, base: dict, key: str, value: object) -> str:
    """The message for one bad input given alone (the others left good)."""
    message = model(**{**base, key: value}).message
    return message.removesuffix(" (The comparison is left out.)")


@pytest.mark.parametrize("model,bad,base", [
    (reimbursement_model, REIMBURSEMENT_BAD, {"year": 2019}),
    (explorer_model, EXPLORER_BAD, {}),
], ids=["reimbursement", "explorer"])
def test_every_bad_input_is_reported_at_once_one_line_each(model: Any, bad: dict,
                                                          base: dict) -> None:
    """A student who got several inputs wrong hears about all of them at once: the message
    has exactly one line per bad input, each the line that input gets when it is the only
    one wrong, in the order of the controls; the view shows each on its own line."""
    result = model(**base, **bad)
    assert_message(result)
    assert not result.ok
    lines = result.message.splitlines()
    expected = [_alone(model, base, key, value) for key, value in bad.items()]
    assert all("\n" not in line for line in expected)
    assert lines == expected, result.message
    html = result.html()
    assert html.count("<div>") == len(bad), html
    # two of them: just those two lines
    first, second = list(bad.items())[:2]
    pair = model(**base, **dict([first, second])).message.splitlines()
    assert pair == expected[:2]


def test_reimbursement_bad_custom_rate_and_year_are_reported_with_the_rest() -> None:
    result = reimbursement_model(size="lots", rate="custom", custom_rate="", country="IDN",
                                 year=1970)
    lines = result.message.splitlines()
    assert len(lines) == 3, result.message
    assert "'lots' is not a number" in lines[0]
    assert "your own rate" in lines[1]
    assert "no UN figures for 1970" in lines[2]


@pytest.mark.parametrize("kwargs,lines", [
    ({"country": "Vietnan", "year": 1970},
     ["I don't know the country 'Vietnan'. Did you mean 'VNM' (Vietnam)? Use a name such as "
      "'Indonesia' or a code such as 'IDN'.",
      "There are no UN figures for 1970; choose a comparison year between 1990 and 2025. "
      "(The comparison is left out.)"]),
    ({"country": "France", "year": "next year"},
     ["This app covers the ten ASEAN states; 'France' is not one of them.",
      "'next year' is not a number. Type the comparison year in digits, for example 2025. "
      "(The comparison is left out.)"]),
])
def test_a_bad_comparison_country_does_not_hide_a_bad_year(kwargs: dict,
                                                           lines: list[str]) -> None:
    result = reimbursement_model(**kwargs)
    assert_message(result)
    assert result.ok  # the rest of the calculation is still shown
    assert result.message.splitlines() == lines
    assert "country" not in result.numbers


def test_a_bad_comparison_is_reported_with_the_other_bad_inputs() -> None:
    result = reimbursement_model(size="lots", months=500, country="Thialand", year=10**20)
    assert not result.ok
    lines = result.message.splitlines()
    assert len(lines) == 4, result.message
    assert lines[0].startswith("'lots' is not a number")
    assert lines[1].startswith("The number of months must be between 1 and 120")
    assert lines[2].startswith("I don't know the country 'Thialand'. Did you mean 'THA'")
    assert lines[3].startswith("The comparison year must be a year from 1990 to 2025 (you gave "
                               "a number with 21 digits)")


def test_reimbursement_view_says_what_its_comparison_could_not_use() -> None:
    app = pk.widgets.reimbursement_calculator(country="Vietnan", year=1970)
    text = headline(app)
    assert "Did you mean &#x27;VNM&#x27; (Vietnam)?" in text and "no UN figures for 1970" in text
    assert "US$14,565,600" in text  # the calculation itself is still shown
    assert control(app, "pk-reimbursement-country").value == ""
    named = pk.widgets.reimbursement_calculator(country="Viet Nam", year="2015")
    assert control(named, "pk-reimbursement-country").value == "VNM"
    assert control(named, "pk-reimbursement-year").value == 2015
    assert "Vietnam 2015" in chart_spec(named)["description"]
    assert "pk-message" not in headline(named)
    late = pk.widgets.reimbursement_calculator(country="KHM", year=1970)
    assert control(late, "pk-reimbursement-country").value == "KHM"
    assert "no UN figures for 1970" in headline(late)
    control(late, "pk-reimbursement-year").value = 2010
    assert "Cambodia 2010" in control(late, "pk-reimbursement-table").value


# --------------------------------------------------------------------------- consensus model


def test_consensus_defaults_follow_the_record() -> None:
    result = consensus_model()
    n = result.numbers
    assert n["status"] == "blocked"
    assert n["vetoes"] == ("SGP", "THA", "VNM")
    assert n["supporters"] == ("KHM", "IDN", "MYS", "PHL")
    assert n["undecided"] == ("BRN", "LAO", "MMR")
    assert "Singapore, Thailand and Vietnam object" in result.headline
    assert_good(result)


def test_consensus_sources_come_from_the_course_events() -> None:
    events = pk.data.load_events()
    known = {u.strip() for urls in events["source_urls"] for u in urls.split(";")}
    for code, position in consensus.RECORD.items():
        if position.stance != "unknown":
            assert position.sources, f"{code} needs a source for its default stance"
        assert set(position.sources) <= known, code
    table = consensus_model().table.set_index("Member")
    assert table.loc["Singapore", "Sources"].startswith("http")
    assert table.loc["Brunei", "Stance"] == "No recorded position"


def test_consensus_each_objection_is_a_veto() -> None:
    everyone = {c: "support" for c in ASEAN10}
    assert consensus_model(everyone).numbers["status"] == "holds"
    for code in ASEAN10:
        one_no = consensus_model({**everyone, code: "oppose"})
        assert one_no.numbers["status"] == "blocked"
        assert one_no.numbers["vetoes"] == (code,)
    quiet = consensus_model({**everyone, "THA": "unknown"})
    assert quiet.numbers["status"] == "uncertain"
    neutral = consensus_model({**everyone, "THA": "neutral"})
    assert neutral.numbers["status"] == "holds"


def test_consensus_coalition_size_matches_data(contributions: pd.DataFrame) -> None:
    result = consensus_model({"SGP": "neutral", "VNM": "support"})
    year = latest_full_year()
    supporters = list(result.numbers["supporters"])
    assert supporters == ["KHM", "IDN", "MYS", "PHL", "VNM"]
    yearly = analysis.annual(analysis.monthly_totals(contributions, countries=supporters), "mean")
    assert result.numbers["coalition_personnel"] == pytest.approx(
        float(yearly.set_index("year").loc[year, "total"]))
    troops = analysis.annual(analysis.monthly_totals(contributions, countries=supporters,
                                                     groups="troops"), "mean")
    assert result.numbers["coalition_troops"] == pytest.approx(
        float(troops.set_index("year").loc[year, "total"]))


def test_consensus_concerns_are_explained() -> None:
    result = consensus_model(concerns={"MMR": ["regime security"], "KHM": "cost"})
    text = " ".join(result.notes)
    assert "Worried about regime security: Myanmar" in text
    assert "Cambodia supports the force only as long as this is answered" in text
    assert result.numbers["concerns"] == {"MMR": ("regime security",), "KHM": ("cost",)}


@pytest.mark.parametrize("stances,concerns,expected", [
    ("abc", None, "Give stances as pairs"),
    ({"SGP": "maybe"}, None, "The stance for Singapore must be"),
    ({"Atlantis": "support"}, None, "don't know the country"),
    ({"SGP": None}, None, "(you gave nothing)"),
    (None, {"SGP": ["boredom"]}, "Concerns are chosen from"),
    (None, {"SGP": 5}, "must be a list"),
    (None, ["cost"], "Give concerns as pairs"),
])
def test_consensus_messages(stances: object, concerns: object, expected: str) -> None:
    result = consensus_model(stances, concerns)
    assert_message(result)
    assert expected in result.message


CONSENSUS_MIXTURE = (
    {"SGP": "maybe", "Atlantis": "yes", "VNM": None, "IDN": "support", "Narnia": "support",
     "Thialand": "oppose", "MYS": "no"},
    {"KHM": ["money", "cost", 5], "PHL": "cost", "MMR": "boredom", "LAO": 7},
)


def test_consensus_reports_every_bad_stance_and_concern_in_input_order() -> None:
    result = consensus_model(*CONSENSUS_MIXTURE)
    assert_message(result)
    assert result.message.splitlines() == [
        "The stance for Singapore must be support, neutral, oppose or no recorded position "
        "(you gave 'maybe').",
        "I don't know the countries 'Atlantis', 'Narnia' and 'Thialand'. Did you mean 'THA' "
        "(Thailand) for 'Thialand'? Use names such as 'Indonesia' or codes such as 'IDN'.",
        "The stance for Vietnam must be support, neutral, oppose or no recorded position "
        "(you gave nothing).",
        "Concerns are chosen from regime security, cost, sovereignty (you gave 'money' and 5 for "
        "Cambodia).",
        "Concerns are chosen from regime security, cost, sovereignty (you gave 'boredom' for "
        "Myanmar).",
        "Concerns for Laos must be a list such as ['cost'].",
    ]


def test_consensus_bad_stances_of_unknown_members_are_told_too() -> None:
    lines = consensus_model({"Atlantis": "maybe", "SGP": "support"}).message.splitlines()
    assert lines == [
        "I don't know the country 'Atlantis'. Use a name such as 'Indonesia' or a code such as "
        "'IDN'.",
        "The stance for 'Atlantis' must be support, neutral, oppose or no recorded position "
        "(you gave 'maybe').",
    ]
    assert consensus_model({"SGP": "x", "Singapore": "x"}).message.splitlines() == [  # said once
        "The stance for Singapore must be support, neutral, oppose or no recorded position "
        "(you gave 'x').", "Singapore is given twice ('SGP' and 'Singapore')."]


# --------------------------------------------------------------------------- force builder model


def test_force_totals_shares_and_reimbursement() -> None:
    units = force_builder_module.UNITS
    result = force_model({"IDN": {"infantry": 2, "staff": 1}, "Cambodia": {"demining": 1},
                          "SGP": {"observers": 2, "medical": 1}})
    assert_good(result)
    n = result.numbers
    expected = {"IDN": 2 * units["infantry"].size + units["staff"].size,
                "KHM": units["demining"].size,
                "SGP": 2 * units["observers"].size + units["medical"].size}
    assert n["by_state"] == expected
    assert n["total"] == sum(expected.values())
    assert sum(n["shares"].values()) == pytest.approx(1.0)
    reimbursable = n["total"] - 2 * units["observers"].size  # observers are paid differently
    assert n["reimbursable"] == reimbursable
    assert n["reimbursement_per_year"] == reimbursable * 1428 * 12
    assert n["missing_core"] == ("engineers",)
    assert "missing: building camps and roads" in result.headline


def test_force_unit_sizes_are_sourced_or_labelled() -> None:
    for unit in force_builder_module.UNITS.values():
        assert unit.sources or unit.basis.startswith("Illustrative planning assumption"), unit.key
        assert all(url.startswith("http") for url in unit.sources)
    assert force_builder_module.UNITS["medical"].size == 63
    assert force_builder_module.UNITS["demining"].size == 135
    for text, url in force_builder_module.SPECIALISATION.values():
        assert text and url.startswith("http")


def test_force_precedent_comes_from_mission_data() -> None:
    missions = pk.data.load_mission_contributions()
    year = latest_full_year()
    unifil = missions[(missions["mission"] == "UNIFIL") & (missions["month"].dt.year == year)]
    for code in ("MYS", "BRN"):
        monthly = unifil[unifil["iso3"] == code].groupby("month")["total"].sum()
        assert force_builder_module.precedent()[code] == pytest.approx(monthly.mean())
    result = force_model({"MYS": {"infantry": 5}, "BRN": {"staff": 1}})
    assert "Bruneians" in " ".join(result.notes)


def test_force_records_match_data(contributions: pd.DataFrame) -> None:
    result = force_model({"VNM": {"medical": 1}, "LAO": {"observers": 1}})
    table = result.table.set_index("State")
    year = latest_full_year()
    yearly = analysis.annual(analysis.monthly_totals(contributions, countries="VNM"), "mean")
    assert table.loc["Vietnam", f"Real UN personnel {year} (average)"] == (
        f"{float(yearly.set_index('year').loc[year, 'total']):,.0f}")
    assert table.loc["Vietnam", "First month in UN data"] == "July 2014"
    assert table.loc["Laos", "First month in UN data"] == "none so far"


@pytest.mark.parametrize("units,expected", [
    (None, "at least one unit"),
    ({}, "at least one unit"),
    ({"IDN": {"infantry": 0}}, "at least one unit"),
    ("abc", "Give the force as"),
    ({"IDN": "abc"}, "Give Indonesia's units"),
    ({"IDN": {"tanks": 1}}, "The unit type must be one of"),
    ({"IDN": {"infantry": 10**12}}, "between 0 and 20 (you gave 1,000,000,000,000)"),
    ({"IDN": {"infantry": "two"}}, "not a number"),
    ({"Narnia": {"infantry": 1}}, "don't know the country"),
])
def test_force_messages(units: object, expected: str) -> None:
    result = force_model(units)
    assert_message(result)
    assert expected in result.message


FORCE_MIXTURE = {"IDN": {"infantry": 2, "tanks": 1, "jets": 2, "medical": "two", "Tanks ": 3},
                 "Narnia": {"infantry": 1}, "VNM": "abc", "KHM": {"demining": 99, "staff": 1},
                 "Atlantis": {}, "PHL": None}
FORCE_LINES = [
    "The unit type must be one of infantry, engineers, medical, demining, police, observers, "
    "staff (you gave 'tanks', 'jets' and 'Tanks' for Indonesia).",
    "'two' is not a number. Type the number of level-2 field hospitals from Indonesia in digits, "
    "for example 2.",
    "I don't know the countries 'Narnia' and 'Atlantis'. Use names such as 'Indonesia' or codes "
    "such as 'IDN'.",
    "Give Vietnam's units as {unit type: number}, for example {'medical': 1}.",
    "The number of demining/EOD units from Cambodia must be between 0 and 20 (you gave 99). "
    "A small rapid reaction group is a few hundred to a few thousand people.",
]


def test_force_reports_every_bad_state_unit_and_count_in_input_order() -> None:
    result = force_model(FORCE_MIXTURE)
    assert_message(result)
    assert result.message.splitlines() == FORCE_LINES


def test_force_view_starts_from_the_usable_part_and_names_every_problem() -> None:
    app = pk.widgets.force_builder(FORCE_MIXTURE)
    notice = control(app, "pk-force-notice")
    shown_lines = re.findall(r"<div[^>]*>(.*?) \(Left out\.\)</div>", notice.value)
    assert [html_unescape(line) for line in shown_lines] == FORCE_LINES
    assert control(app, "pk-force-states").value == ("KHM", "IDN", "PHL")
    assert "Your force: 310 personnel" in headline(app)  # 2 infantry companies and a staff cell


# --------------------------------------------------------------------------- fuzzing


def _fuzz_calls() -> Iterator[tuple[str, Any, dict, bool]]:
    """(name, model, kwargs, must_have_message) for every bad value in every argument."""
    for bad in BAD_VALUES:
        yield "explorer countries", explorer_model, {"countries": bad}, True
        yield "explorer start", explorer_model, {"start": bad}, True
        yield "explorer end", explorer_model, {"end": bad}, True
        yield "explorer group", explorer_model, {"group": bad}, True
        yield "explorer list", explorer_model, {"countries": [bad]}, True
        yield "size", reimbursement_model, {"size": bad}, True
        yield "months", reimbursement_model, {"months": bad}, True
        yield "rate", reimbursement_model, {"rate": bad}, True
        yield "custom", reimbursement_model, {"rate": "custom", "custom_rate": bad}, True
        optional = bad is None or (isinstance(bad, str) and not bad.strip())
        yield "cost", reimbursement_model, {"national_cost": bad}, not optional
        yield "country", reimbursement_model, {"country": bad, "year": 2019}, not optional
        yield "year", reimbursement_model, {"country": "IDN", "year": bad}, True
        yield "stances", consensus_model, {"stances": {"SGP": bad}}, True
        yield "stance map", consensus_model, {"stances": bad}, bad is not None and bad != {}
        yield "concerns", consensus_model, {"concerns": {"SGP": [bad]}}, True
        yield "units", force_model, {"units": {"IDN": {"infantry": bad}}}, True
        yield "unit map", force_model, {"units": {"IDN": bad}}, True
        yield "force", force_model, {"units": bad}, True


@pytest.mark.parametrize("name,model,kwargs,must", list(_fuzz_calls()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_models_never_raise(name: str, model: Any, kwargs: dict, must: bool) -> None:
    result = model(**kwargs)
    assert isinstance(result, AppResult)
    if must:
        assert_message(result)
    if result.ok:
        assert result.chart is not None
        result.chart.to_dict()


@pytest.mark.parametrize("start,end", [(2020, 2010), (2025, 1990), (1800, 1900), (3000, 3001),
                                       (-5, 2000), (2000, 10**12)])
def test_explorer_bad_ranges(start: int, end: int) -> None:
    assert_message(explorer_model(["IDN"], start, end))


def test_every_benchmark_case_runs() -> None:
    cases = benchmark_cases()
    assert set(cases) == {"explorer", "reimbursement", "consensus", "force_builder"}
    for name, calls in cases.items():
        assert len(calls) >= 5, name
        for call in calls:
            out = call()
            assert isinstance(out, (dict, str)), name
            if isinstance(out, dict):
                assert out["description"]


# --------------------------------------------------------------------------- views


def test_explorer_view_reacts_to_controls() -> None:
    app = pk.widgets.explorer()
    assert "These 10 countries" in headline(app)
    assert chart_spec(app)["description"].startswith("Line chart")
    control(app, "pk-explorer-countries").value = ("VNM",)
    control(app, "pk-explorer-years").value = (2014, 2016)
    control(app, "pk-explorer-group").value = "experts"
    expected = explorer_model(["VNM"], 2014, 2016, "experts")
    assert f"{expected.numbers['last_year_mean']:,.0f} experts" in headline(app)
    assert "Vietnam" in control(app, "pk-explorer-table").value
    assert "experts from Vietnam" in chart_spec(app)["description"]
    control(app, "pk-explorer-none").click()
    assert "Pick at least one country" in headline(app)
    assert chart_spec(app) is None
    control(app, "pk-explorer-all").click()
    assert control(app, "pk-explorer-countries").value == ASEAN10
    assert chart_spec(app) is not None


def test_explorer_view_survives_bad_arguments() -> None:
    app = pk.widgets.explorer(["XXX"], 2020, 2010, group="navy")
    assert "know the country" in headline(app)
    control(app, "pk-explorer-countries").value = ("IDN",)
    assert "Indonesia had on average" in headline(app)


def test_reimbursement_view_reacts_to_controls() -> None:
    app = pk.widgets.reimbursement_calculator()
    assert "US$14,565,600" in headline(app)
    assert "Indonesia 2019" in chart_spec(app)["description"]
    control(app, "pk-reimbursement-size").value = "150"
    control(app, "pk-reimbursement-months").value = "6"
    assert "US$1,285,200" in headline(app)
    control(app, "pk-reimbursement-national-cost").value = "2000"
    assert "more than the UN gives back" in headline(app)
    custom = control(app, "pk-reimbursement-custom-rate")
    assert custom.disabled
    control(app, "pk-reimbursement-rate").value = "custom"
    assert not custom.disabled
    assert "Please type a number for your own rate" in headline(app)
    custom.value = "2500"
    assert "pays for itself" in headline(app)
    control(app, "pk-reimbursement-size").value = "abc"
    assert "not a number" in headline(app) and chart_spec(app) is None
    control(app, "pk-reimbursement-size").value = "150"
    control(app, "pk-reimbursement-country").value = "KHM"
    control(app, "pk-reimbursement-year").value = 2010
    assert "Cambodia 2010" in control(app, "pk-reimbursement-table").value


def test_consensus_view_reacts_to_controls() -> None:
    app = pk.widgets.consensus_simulator()
    assert "No consensus" in headline(app)
    assert "https://www.asiaone.com/asean-peacekeeping-force" in control(
        app, "pk-consensus-table").value
    for code in ("SGP", "VNM", "BRN", "LAO", "MMR", "THA"):
        control(app, f"pk-consensus-stance-{code}").value = "neutral"
    assert "Consensus holds" in headline(app)
    control(app, "pk-consensus-stance-THA").value = "oppose"
    assert "Thailand objects" in headline(app)
    control(app, "pk-consensus-concern-regime-security").value = ("MMR", "LAO")
    assert "Worried about regime security: Laos and Myanmar" in headline(app)
    control(app, "pk-consensus-concern-cost").value = ("KHM",)
    assert "Cambodia supports the force only as long" in headline(app)
    control(app, "pk-consensus-reset").click()
    assert "Singapore, Thailand and Vietnam object" in headline(app)
    assert control(app, "pk-consensus-concern-regime-security").value == ()


def test_force_view_reacts_to_controls() -> None:
    app = pk.widgets.force_builder()
    assert "Your force: 708 personnel" in headline(app)
    control(app, "pk-force-states").value = ("MYS", "BRN")
    assert "Choose at least one state" in headline(app)
    control(app, "pk-force-count-MYS-infantry").value = 5
    control(app, "pk-force-count-BRN-staff").value = 1
    assert "Your force: 760 personnel from 2 states" in headline(app)
    spec = chart_spec(app)
    assert "Brunei in UNIFIL" in str(spec["datasets"])
    assert "Infantry company" in control(app, "pk-force-units").value
    control(app, "pk-force-clear").click()
    assert "Choose at least one state" in headline(app)


def test_views_catch_unexpected_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from pkedu.apps import explorer as explorer_module

    app = pk.widgets.explorer()

    def broken(*args: object, **kwargs: object) -> AppResult:
        raise RuntimeError("boom")

    monkeypatch.setattr(explorer_module, "explorer_model", broken)
    control(app, "pk-explorer-group").value = "troops"
    assert "could not handle that" in headline(app)


def test_result_html_escapes_input() -> None:
    result = explorer_model(["<script>"])
    assert "<script>" not in result.html()
    assert "&lt;script&gt;" in result.html()


def test_apps_are_small_and_numbers_finite() -> None:
    for result in (explorer_model(), reimbursement_model(country="IDN", year=2019),
                   consensus_model(), force_model(force_builder_module.DEFAULT_FORCE)):
        for key, value in result.numbers.items():
            if isinstance(value, float):
                assert math.isfinite(value), key
        assert len(result.table) <= 12
        assert isinstance(result.table, pd.DataFrame)
    assert np.isfinite(reimbursement.rate_in_force(2019))


# --------------------------------------------------------------------------- regressions

#: Every numeric input of every app, as (name, model, keyword arguments for a value).
NUMERIC_INPUTS: list[tuple[str, Any, Any]] = [
    ("explorer start", explorer_model, lambda v: {"countries": ["IDN"], "start": v}),
    ("explorer end", explorer_model, lambda v: {"countries": ["IDN"], "end": v}),
    ("size", reimbursement_model, lambda v: {"size": v}),
    ("months", reimbursement_model, lambda v: {"months": v}),
    ("rate", reimbursement_model, lambda v: {"rate": v}),
    ("custom rate", reimbursement_model, lambda v: {"rate": "custom", "custom_rate": v}),
    ("national cost", reimbursement_model, lambda v: {"national_cost": v}),
    ("comparison year", reimbursement_model, lambda v: {"country": "IDN", "year": v}),
    ("units", force_model, lambda v: {"units": {"IDN": {"infantry": v, "staff": 1}}}),
]


@pytest.mark.parametrize("value", [-1, 0, 1e18, "-1", "1e18", 10**300])
@pytest.mark.parametrize("name,model,kwargs", NUMERIC_INPUTS, ids=[n[0] for n in NUMERIC_INPUTS])
def test_a_number_out_of_range_is_told_the_range(name: str, model: Any, kwargs: Any,
                                                 value: object) -> None:
    result = model(**kwargs(value))
    if name == "units" and value == 0:
        assert result.ok  # no infantry is a choice, not a mistake
        return
    assert_message(result)
    assert "not a number" not in result.message, result.message
    assert re.search(r"between [\d,]+ and [\d,]+|from \d+ to \d+|more than zero and at most",
                     result.message), result.message


@pytest.mark.parametrize("value", [10**300, -(10**300), "9" * 300, 1e300, "1e300", "1" * 30])
@pytest.mark.parametrize("name,model,kwargs", NUMERIC_INPUTS, ids=[n[0] for n in NUMERIC_INPUTS])
def test_huge_numbers_are_not_echoed_digit_by_digit(name: str, model: Any, kwargs: Any,
                                                    value: object) -> None:
    result = model(**kwargs(value))
    assert_message(result)
    assert not re.search(r"\d(?:[\d,]{18,})", result.message), result.message


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -math.inf, 10**400, "two", -3])
def test_force_builder_view_opens_with_any_starting_force(value: object) -> None:
    app = pk.widgets.force_builder({"IDN": {"infantry": value, "medical": 1}})
    assert "Your force: 63 personnel" in headline(app)  # the usable part is kept
    notice = control(app, "pk-force-notice").value
    assert "infantry companies from Indonesia" in notice and "Left out" in notice


def test_a_force_of_one_state_has_no_smallest_partner() -> None:
    notes = " ".join(force_model({"IDN": {"infantry": 2}, "LAO": {}}).notes)
    assert "smallest partner" not in notes and "Indonesia alone" in notes
    notes = " ".join(force_model({"IDN": {"infantry": 2}, "BRN": {"staff": 1}}).notes)
    assert "Your smallest partner, Brunei" in notes


def test_views_say_when_the_data_are_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    from pkedu.apps import explorer as explorer_module
    from pkedu.data import DataError

    app = pk.widgets.explorer()

    def damaged(*args: object, **kwargs: object) -> AppResult:
        raise DataError("contributions.csv.gz", "the file is damaged")

    monkeypatch.setattr(explorer_module, "explorer_model", damaged)
    control(app, "pk-explorer-group").value = "troops"
    assert "data are damaged" in headline(app) and "contributions.csv.gz" in headline(app)
    assert "git checkout -- data/" in headline(app)


def _drawn_width(chart: Any) -> float:
    import vl_convert as vlc
    svg = vlc.vegalite_to_svg(chart.to_dict(), vl_version="5.20")
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))


@pytest.mark.parametrize("model", [
    lambda: reimbursement.reimbursement_model(size=850, months=12, country="IDN", year=2019),
    lambda: force_builder_module.force_model(
        {code: {unit: 1 for unit in force_builder_module.UNITS}
         for code in ("IDN", "MYS", "KHM", "VNM", "THA", "PHL")}),
    lambda: pk.apps.explorer.explorer_model(countries=["IDN", "MYS", "KHM", "THA", "PHL"]),
], ids=["reimbursement", "force_builder", "explorer"])
def test_an_apps_chart_fits_the_notebook_beside_the_file_browser(model: Any) -> None:
    """About 840 pixels are free beside JupyterLab's file browser on a 1280-pixel screen."""
    assert _drawn_width(model().chart) <= 840


@pytest.mark.parametrize("rate", [pd.NA, np.array([1, 2]), pd.Series([1])])
def test_a_rate_of_an_odd_type_gets_a_message_not_a_traceback(rate: object) -> None:
    result = reimbursement_model(10, 12, rate)
    assert not result.ok and "The rate must be one from the list or a number" in result.message


@pytest.mark.parametrize("typed", ["1,5", "1.500,50", "1428,5", "12,34"])
def test_a_decimal_comma_is_never_read_as_thousands(typed: str) -> None:
    result = reimbursement_model(850, 12, "custom", custom_rate=typed)
    assert not result.ok and "a comma may only group thousands" in result.message
    assert reimbursement_model(850, 12, "custom", custom_rate="1,428.50").ok


@pytest.mark.parametrize("typed, said", [
    ("Taiwan", "I don't know the country 'Taiwan'. Use a name"),
    ("Atlantis", "I don't know the country 'Atlantis'. Use a name"),
    ("Holland", "This app covers the ten ASEAN states; 'Holland' (Netherlands) is not one"),
    ("Swaziland", "This app covers the ten ASEAN states; 'Swaziland' (Eswatini) is not one"),
    ("Turkey", "This app covers the ten ASEAN states; 'Turkey' (Türkiye) is not one of them."),
    ("US", "This app covers the ten ASEAN states; 'US' (United States) is not one of them."),
    ("UAE", "This app covers the ten ASEAN states; 'UAE' (United Arab Emirates) is not one"),
    ("Ivory Coast", "This app covers the ten ASEAN states; 'Ivory Coast' (Côte d'Ivoire) is"),
    ("Indon", "I don't know the country 'Indon'. Did you mean 'IDN' (Indonesia)?"),
    ("Malay", "I don't know the country 'Malay'. Did you mean 'MYS' (Malaysia)?"),
    ("ID", "I don't know the country 'ID'. Did you mean 'IDN' (Indonesia)?"),
    ("ІDN", "I don't know the country 'ІDN'. 'ІDN' contains a letter that is not a Latin letter. "
            "Did you mean 'IDN' (Indonesia)?"),
    ("IDN MYS", "I don't know the country 'IDN MYS'. 'IDN MYS' looks like several countries: "
                "separate them with commas. Use a name"),
])
def test_app_countries_guess_only_the_right_country(typed: str, said: str) -> None:
    from pkedu.apps._countries import country_problems
    assert country_problems([typed]).startswith(said)
    assert country_problems(["ＭＹＳ", "Siam"]) == ""


def test_a_member_or_unit_given_twice_is_a_problem_not_overwritten() -> None:
    from pkedu.apps.force_builder import force_model
    assert consensus.consensus_model({"sgp": "oppose", "Singapore": "support"}).message == (
        "Singapore is given twice ('sgp' and 'Singapore').")
    assert consensus.consensus_model(None, {"MMR": ["cost"], "Myanmar": []}).message == (
        "Myanmar is given twice ('MMR' and 'Myanmar').")
    assert force_model({"IDN": {"infantry": 2}, "Indonesia": {"infantry": 3}}).message == (
        "Indonesia is given twice ('IDN' and 'Indonesia').")
    assert force_model({"IDN": {"hospital": 1, "medical": 2}}).message == (
        "For Indonesia, the unit type level-2 field hospital is given twice ('hospital' and "
        "'medical').")


def test_consensus_names_an_unknown_country_of_both_inputs_once() -> None:
    message = consensus.consensus_model({"Atlantis": "maybe", "SGP": "x"},
                                        {"Atlantis": ["money"], "Narnia": ["cost"]}).message
    assert [line for line in message.splitlines() if "know" in line] == [
        "I don't know the countries 'Atlantis' and 'Narnia'. Use names such as 'Indonesia' or "
        "codes such as 'IDN'."]


def test_each_kind_of_bad_country_is_said_where_its_first_was_given() -> None:
    from pkedu.apps.force_builder import force_model
    lines = force_model({"Narnia": {}, "IDN": {"infantry": "x"}, "BGD": {}}).message.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["I", "don't", "know"], ["'x'", "is", "not"], ["This", "app", "covers"]]
    lines = consensus.consensus_model({"IDN": "maybe", "BGD": "support"},
                                      {"Narnia": ["cost"]}).message.splitlines()
    assert [line.split()[:2] for line in lines] == [["The", "stance"], ["This", "app"],
                                                    ["I", "don't"]]


def test_reimbursement_view_uses_a_rate_the_way_the_model_does() -> None:
    own = pk.widgets.reimbursement_calculator(rate=2000)
    assert control(own, "pk-reimbursement-rate").value == "custom"
    assert control(own, "pk-reimbursement-custom-rate").value == "2000"
    assert "US$20,400,000" in headline(own)  # 850 people x US$2,000 x 12 months
    assert reimbursement.reimbursement_model(rate=2000).numbers["reimbursement"] == 20_400_000
    for bad in ["nope", "2014-7-1", -5]:
        result = reimbursement.reimbursement_model(rate=bad)
        assert not result.ok and result.message
        assert result.message in html_unescape(headline(pk.widgets.reimbursement_calculator(
            rate=bad)))
    none = pk.widgets.reimbursement_calculator(size=None)
    assert control(none, "pk-reimbursement-size").value == ""


def test_two_boxes_with_a_decimal_comma_are_two_lines_that_fit_their_field() -> None:
    from pkedu.apps._inputs import Problems, to_amount, to_count, to_year
    problems = Problems()
    problems.check(to_count, "1,5", "the contingent size")
    problems.check(to_count, "1,5", "the number of months", example="12")
    problems.check(to_year, "2,0", "the comparison year", 1990, 2025)
    problems.check(to_amount, "1,5", "the national cost", example="2000")
    assert problems.messages == [
        "'1,5' for the contingent size is not clear: a comma may only group thousands (1,428). "
        "Type a whole number, for example 150.",
        "'1,5' for the number of months is not clear: a comma may only group thousands (1,428). "
        "Type a whole number, for example 12.",
        "'2,0' for the comparison year is not clear: a comma may only group thousands (1,428). "
        "Type a whole number, for example 2025.",
        "'1,5' for the national cost is not clear: a comma may only group thousands (1,428). "
        "Type decimals with a point, for example 2000.",
    ]


def test_inputs_are_quoted_as_a_student_typed_them() -> None:
    from pkedu.apps._inputs import InputProblem, to_year
    from pkedu.apps.explorer import explorer_model
    from pkedu.apps.force_builder import force_model
    assert explorer_model(b"IDN").message == (
        "Countries must be a list such as ['IDN', 'MYS'] (you gave 'IDN' (as bytes)).")
    assert "Give the units of 'Narnia' as" in force_model({"Narnia": 5}).message
    with pytest.raises(InputProblem, match=r"\(you gave 2019\.5\)\.$"):
        to_year(2019.5, "the start year", 1990, 2025)
    message = explorer_model([f"X{i}" for i in range(2000)]).message
    assert "'X9' and 1,990 more." in message and len(message) < 300


def test_a_message_shows_twelve_problems_then_counts_the_rest() -> None:
    message = consensus.consensus_model({f"Zq{i:04d}land": "maybe" for i in range(2000)}).message
    lines = message.splitlines()
    assert len(lines) == 13 and lines[-1] == "... and 1,989 more problems."
    assert len(message) < 3000
