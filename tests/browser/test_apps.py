"""The four apps, driven through the page like a student: change a control, read the result.

Each app runs in Voila from its notebook in notebooks/apps/. Controls and results carry
CSS classes ``pk-<app>-<control>`` (``pk-explorer-countries``, ``pk-force-states``...).
After each change the page must show exactly what the app's pure model computes for
the same inputs (headline, message, notes and the chart's description, which carries
its key numbers), a few numbers are also checked against the data directly, and bad
input must give a plain-English message, never a traceback.

Tests set every control they rely on, so they do not depend on each other's order
(the app pages are shared for speed). An app's tests are skipped, with the reason
"app not yet available", only when its function does not exist in pkedu.widgets.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
from .pkbrowser import (
    choose,
    control,
    press,
    set_slider,
    slider_text,
    squash,
    toggle,
    type_into,
    wait_for,
    wait_for_view,
)

pytestmark = pytest.mark.browser

UPDATE_TIMEOUT = 30  # seconds for the kernel to recompute and the page to redraw


# --------------------------------------------------------------------------- helpers


def app_module(function: str) -> tuple[ModuleType, ModuleType]:
    """(pkedu.widgets, the module defining the app) or skip if the app does not exist."""
    try:
        import pkedu.widgets as widgets
    except ModuleNotFoundError as error:
        if error.name == "pkedu.widgets":
            pytest.skip(f"app not yet available (pkedu.widgets does not exist, so "
                        f"pk.widgets.{function} does not)")
        raise
    if not hasattr(widgets, function):
        pytest.skip(f"app not yet available (pk.widgets.{function} does not exist)")
    module = inspect.getmodule(getattr(widgets, function))
    return widgets, module or widgets


@dataclass
class App:
    """An app's page in Voila, with pkedu.widgets and the module that defines the app."""

    name: str  # the CSS prefix: pk-<name>-<control>
    voila: Any  # conftest.VoilaPage
    widgets: ModuleType
    module: ModuleType

    @property
    def page(self) -> Any:
        return self.voila.page


def open_app(request: pytest.FixtureRequest, function: str, notebook: str, name: str) -> App:
    """The app's page, loaded and checked; skips first if the app function does not exist
    (before any server starts)."""
    widgets, module = app_module(function)
    voila = request.getfixturevalue("voila_apps").get(notebook)
    assert not voila.load_problem, voila.load_problem
    assert not voila.errors, f"{notebook}: error output(s):\n" + "\n---\n".join(voila.errors)
    return App(name, voila, widgets, module)


def description(chart: Any) -> str | None:
    """A chart's top-level description (the text the page gives as the chart's aria-label)."""
    if chart is None:
        return None
    return squash(chart.to_dict(validate=False).get("description", ""))


def expected_view(result: Any) -> dict[str, Any]:
    """What the page must show for a model result."""
    return {
        "headline": squash(result.headline) if result.ok else "",
        "message": squash(result.message),
        "notes": [squash(n) for n in result.notes],
        "chart": description(result.chart),
        "traceback": False,
    }


def assert_shows(app: App, result: Any, what: str) -> dict[str, Any]:
    """Wait until the page shows ``result``; fail with a readable difference if not.

    Also fails if the page has asked another host for anything since it was opened.
    """
    wanted = expected_view(result)
    view = wait_for_view(app.page, app.name, wanted, timeout=UPDATE_TIMEOUT)
    different = {k: {"page": view.get(k), "model": v} for k, v in wanted.items()
                 if view.get(k) != v}
    assert not different, (f"{app.name}: after {what}, the page does not show the model's "
                           f"result: {different}")
    if result.chart is not None:
        assert view["charts"] == 1, f"{app.name}: expected 1 chart, the page has {view['charts']}"
    else:
        assert view["charts"] == 0, f"{app.name}: a chart is still shown for unusable input"
    app.voila.browser.assert_offline()
    return view


def wait_value(locator: Any, value: str) -> str:
    """Wait until an input box shows ``value``; return what it shows."""
    return wait_for(lambda: locator.input_value() == value and value, timeout=10) or \
        locator.input_value()


# --------------------------------------------------------------------------- explorer


@pytest.fixture
def explorer(request: pytest.FixtureRequest) -> App:
    return open_app(request, "explorer", "explorer", "explorer")


def test_explorer_countries_years_and_group(explorer: App) -> None:
    page, model = explorer.page, explorer.widgets.explorer_model
    choose(page, "explorer", "countries", ["Cambodia", "Vietnam"])
    set_slider(page, "explorer", "years", "2005 - 2015")
    choose(page, "explorer", "group", "Police")
    view = assert_shows(explorer, model(["KHM", "VNM"], 2005, 2015, "police"),
                        "picking Cambodia, Vietnam, 2005-2015, police")
    assert slider_text(page, "explorer", "years").replace("–", "-") == "2005 - 2015"
    assert "Cambodia and Vietnam" in view["headline"] and "police" in view["headline"]
    assert "2015" in view["headline"]

    # Another group and span: the numbers follow.
    choose(page, "explorer", "group", "All uniformed personnel")
    set_slider(page, "explorer", "years", "2019 - 2019")
    view = assert_shows(explorer, model(["KHM", "VNM"], 2019, 2019, "all"),
                        "choosing 2019 and all personnel")
    # Independent of the app: the yearly mean of the UN's monthly counts for 2019.
    import pkedu as pk

    monthly = pk.analysis.monthly_totals(pk.data.load_contributions(),
                                         countries=["KHM", "VNM"])
    yearly = pk.analysis.annual(monthly, how="mean")
    mean_2019 = float(yearly.loc[yearly["year"] == 2019, "total"].iloc[0])
    assert f"{mean_2019:,.0f}" in view["headline"], (view["headline"], mean_2019)


def test_explorer_buttons_and_no_country_message(explorer: App) -> None:
    page, model = explorer.page, explorer.widgets.explorer_model
    set_slider(page, "explorer", "years", "2010 - 2020")
    choose(page, "explorer", "group", "All uniformed personnel")
    press(page, "explorer", "none")
    result = model([], 2010, 2020, "all")
    assert not result.ok
    view = assert_shows(explorer, result, "clicking None (no country)")
    assert "country" in view["message"].lower()

    press(page, "explorer", "all")
    from pkedu.data import ASEAN10

    result = model(list(ASEAN10), 2010, 2020, "all")
    assert_shows(explorer, result, "clicking All ten")

    # Nonsense typed into the years box is refused by the slider; the result stays.
    set_slider(page, "explorer", "years", "abc")
    assert wait_for(lambda: slider_text(page, "explorer", "years").replace("–", "-")
                    == "2010 - 2020", timeout=10), slider_text(page, "explorer", "years")
    assert_shows(explorer, result, "typing 'abc' as the years")


# --------------------------------------------------------------------------- reimbursement


@pytest.fixture
def reimbursement(request: pytest.FixtureRequest) -> App:
    return open_app(request, "reimbursement_calculator", "reimbursement", "reimbursement")


def _fill_reimbursement(app: App, size: str, months: str, rate: str, custom: str, cost: str,
                        country: str, year: int) -> None:
    """Set every control of the calculator (the rate by its value, the country by name)."""
    page = app.page
    label = next(text for text, value in app.module.rate_options() if value == rate)
    choose(page, "reimbursement", "rate", label)
    type_into(page, "reimbursement", "size", size)
    type_into(page, "reimbursement", "months", months)
    if rate == "custom":
        type_into(page, "reimbursement", "custom-rate", custom)
    type_into(page, "reimbursement", "national-cost", cost)
    choose(page, "reimbursement", "country", country)
    set_slider(page, "reimbursement", "year", str(year))


def test_reimbursement_numbers(reimbursement: App) -> None:
    model = reimbursement.widgets.reimbursement_model
    _fill_reimbursement(reimbursement, "100", "6", "2018-07-01", "", "2000", "Indonesia", 2019)
    view = assert_shows(reimbursement, model("100", "6", "2018-07-01", "", "2000", "IDN", 2019),
                        "100 people, 6 months, the 2018 rate")
    # Independent of the app: size x months x the July 2018 rate from the data.
    import pkedu as pk

    rates = pk.data.load_reimbursement_rates()
    rate = float(rates.loc[rates["effective_from"].astype(str).str.startswith("2018-07"),
                           "rate_usd"].iloc[0])
    assert f"US${100 * 6 * rate:,.0f}" in view["headline"], (view["headline"], rate)

    # A different size changes the numbers accordingly.
    type_into(reimbursement.page, "reimbursement", "size", "850")
    view = assert_shows(reimbursement, model("850", "6", "2018-07-01", "", "2000", "IDN", 2019),
                        "typing 850 people")
    assert f"US${850 * 6 * rate:,.0f}" in view["headline"]


def test_reimbursement_custom_rate(reimbursement: App) -> None:
    model = reimbursement.widgets.reimbursement_model
    _fill_reimbursement(reimbursement, "200", "12", "custom", "1500", "", "Vietnam", 2020)
    view = assert_shows(reimbursement, model("200", "12", "custom", "1500", "", "VNM", 2020),
                        "a custom rate of 1500")
    assert f"US${200 * 12 * 1500:,.0f}" in view["headline"]

    type_into(reimbursement.page, "reimbursement", "custom-rate", "1,000,000")
    result = model("200", "12", "custom", "1,000,000", "", "VNM", 2020)
    assert not result.ok
    assert_shows(reimbursement, result, "an unrealistic custom rate")


@pytest.mark.parametrize("size", ["abc", "-5", "2.5", ""])
def test_reimbursement_bad_size_gives_a_message(reimbursement: App, size: str) -> None:
    model = reimbursement.widgets.reimbursement_model
    _fill_reimbursement(reimbursement, "100", "6", "2018-07-01", "", "", "Indonesia", 2019)
    type_into(reimbursement.page, "reimbursement", "size", size)
    result = model(size, "6", "2018-07-01", "", "", "IDN", 2019)
    assert not result.ok, f"the model accepted the size {size!r}"
    view = assert_shows(reimbursement, result, f"typing {size!r} as the size")
    assert view["message"] and not view["table"], view
    assert "Traceback" not in view["message"] and "Error" not in view["message"]


# --------------------------------------------------------------------------- consensus


@pytest.fixture
def consensus(request: pytest.FixtureRequest) -> App:
    return open_app(request, "consensus_simulator", "consensus", "consensus")


def test_consensus_stances(consensus: App) -> None:
    page, model = consensus.page, consensus.widgets.consensus_model
    press(page, "consensus", "reset")
    record = model()
    assert_shows(consensus, record, "resetting to the record")

    toggle(page, "consensus", "stance-SGP", "Support")
    toggle(page, "consensus", "stance-VNM", "Support")
    toggle(page, "consensus", "stance-THA", "Support")
    view = assert_shows(consensus, model({"SGP": "support", "VNM": "support", "THA": "support"}),
                        "Singapore, Thailand and Vietnam supporting")
    assert not view["headline"].startswith("No consensus"), view["headline"]

    toggle(page, "consensus", "stance-THA", "Oppose")
    view = assert_shows(consensus, model({"SGP": "support", "VNM": "support", "THA": "oppose"}),
                        "Thailand opposing")
    assert view["headline"].startswith("No consensus") and "Thailand" in view["headline"]

    press(page, "consensus", "reset")
    assert_shows(consensus, record, "resetting again")


def test_consensus_concerns(consensus: App) -> None:
    page, model = consensus.page, consensus.widgets.consensus_model
    press(page, "consensus", "reset")
    choose(page, "consensus", "concern-cost", ["Cambodia", "Myanmar"])
    view = assert_shows(consensus, model(None, {"KHM": ["cost"], "MMR": ["cost"]}),
                        "Cambodia and Myanmar worried about cost")
    assert any("cost" in note and "Myanmar" in note for note in view["notes"]), view["notes"]
    press(page, "consensus", "reset")


# --------------------------------------------------------------------------- force builder


@pytest.fixture
def force(request: pytest.FixtureRequest) -> App:
    return open_app(request, "force_builder", "force_builder", "force")


def test_force_builder_units(force: App) -> None:
    page, model = force.page, force.widgets.force_model
    press(page, "force", "clear")
    choose(page, "force", "states", ["Cambodia", "Indonesia"])
    empty = model({"KHM": {}, "IDN": {}})
    assert not empty.ok
    view = assert_shows(force, empty, "clearing all units")
    assert "at least one unit" in view["message"]

    type_into(page, "force", "count-IDN-infantry", "2")
    type_into(page, "force", "count-KHM-demining", "1")
    # The app lists states in the order of its list (ASEAN order), as the model gets them.
    result = model({"KHM": {"demining": 1}, "IDN": {"infantry": 2}})
    view = assert_shows(force, result, "2 infantry companies and 1 demining unit")
    assert f"{result.numbers['total']:,} personnel" in view["headline"]

    # Adding a state adds its row of boxes; its units count.
    choose(page, "force", "states", ["Cambodia", "Indonesia", "Vietnam"])
    type_into(page, "force", "count-VNM-medical", "1")
    assert_shows(force, model({"KHM": {"demining": 1}, "IDN": {"infantry": 2},
                               "VNM": {"medical": 1}}), "adding a Vietnamese field hospital")


def test_force_builder_out_of_range_counts(force: App) -> None:
    page, model = force.page, force.widgets.force_model
    press(page, "force", "clear")
    choose(page, "force", "states", ["Malaysia"])
    box = control(page, "force", "count-MYS-infantry").locator("input")
    maximum = int(box.get_attribute("max") or 20)
    # A number above the limit is brought back to the limit by the box itself.
    type_into(page, "force", "count-MYS-infantry", str(maximum * 10))
    assert wait_value(box, str(maximum)) == str(maximum)
    assert_shows(force, model({"MYS": {"infantry": maximum}}),
                 f"typing {maximum * 10} infantry companies")
    # A negative number is refused the same way: no units, so the friendly message.
    type_into(page, "force", "count-MYS-infantry", "-3")
    assert wait_value(box, "0") == "0"
    view = assert_shows(force, model({"MYS": {"infantry": 0}}), "typing -3 infantry companies")
    assert view["message"]
