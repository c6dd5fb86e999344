"""Altair's schema check remembers valid parts (pkedu.chartcheck) without changing its outcome."""

from __future__ import annotations

import copy
from typing import Any

import altair as alt
import pytest
from altair.utils import schemapi

from pkedu import chartcheck, charts, data


def checks_of(chart: alt.TopLevelMixin, monkeypatch: pytest.MonkeyPatch
              ) -> list[tuple[list[str], list[str]]]:
    """Draw ``chart``; for each check Altair made, the messages with memory and without."""
    calls: list[tuple[Any, ...]] = []

    def recording(spec: Any, schema: Any, rootschema: Any = None) -> list[Any]:
        calls.append((copy.deepcopy(spec), schema, rootschema))
        return chartcheck._errors(spec, schema, rootschema=rootschema)

    with monkeypatch.context() as patch:
        patch.setattr(schemapi, "_get_errors_from_spec", recording)
        try:
            chart.to_dict()
        except schemapi.SchemaValidationError:
            pass
    assert chartcheck._original is not None
    return [([e.message for e in chartcheck._errors(spec, schema, rootschema=root)],
             [e.message for e in chartcheck._original(spec, schema, rootschema=root)])
            for spec, schema, root in calls]


def message(chart: alt.TopLevelMixin) -> str:
    with pytest.raises(schemapi.SchemaValidationError) as raised:
        chart.to_dict()
    return str(raised.value)


@pytest.fixture()
def fresh() -> None:
    chartcheck.forget()


def test_installed_by_the_theme() -> None:
    import pkedu.theme  # noqa: F401

    assert chartcheck.installed()
    assert chartcheck.install()  # again: no change


def test_a_chart_drawn_again_is_checked_from_memory(fresh: None) -> None:
    chart = charts.ranking(data.load_contributions(), "2021-01", top=3)
    first = chart.to_dict()
    parts = chartcheck.remembered()
    assert parts > 10
    assert chart.to_dict() == first
    assert chartcheck.remembered() == parts


@pytest.mark.parametrize("breakage", ["axis format", "mark", "type", "other layer"])
def test_a_broken_chart_fails_with_altairs_message_after_its_parts_were_remembered(
        fresh: None, breakage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    c = data.load_contributions()
    good = charts.contributions_over_time(c, ["IDN", "MYS"], start="2010-01")
    good.to_dict()  # every valid part is remembered now
    with schemapi.debug_mode(False):
        broken = copy.deepcopy(good)
        series = broken.layer[-1] if breakage == "other layer" else broken.layer[1]
        if breakage == "axis format":
            series.encoding.y.axis = alt.Axis(format=12)
        elif breakage == "mark":
            series.mark = {"type": "pointy"}
        elif breakage == "type":
            series.encoding.x.type = "time"
        else:
            series.encoding.x = alt.X(field=3, type="temporal")
    with_memory = message(broken)
    chartcheck.forget()
    assert with_memory == message(broken)
    found = checks_of(broken, monkeypatch)
    assert found[-1][1], "Altair's own check finds the problem"
    assert all(mine == theirs for mine, theirs in found)


def test_every_builder_chart_is_valid_for_both_checks(fresh: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    c = data.load_contributions()
    mc, missions = data.load_mission_contributions(), data.load_missions()
    built = [charts.contributions_over_time(c), charts.small_multiples(c),
             charts.first_deployments(c), charts.contributors_count(c),
             charts.timeline(data.load_events()), charts.ranking(c, "2019-12"),
             charts.compare_groups(c), charts.share_of_world(c), charts.women_share(c),
             charts.personnel_mix(c, when="2019-12"), charts.pledge_gap(c),
             charts.where_they_serve(mc, missions, when="2019-12"),
             charts.reimbursement_rates(data.load_reimbursement_rates())]
    for chart in built:
        found = checks_of(chart, monkeypatch)
        assert found and all(mine == theirs == [] for mine, theirs in found)
    assert chartcheck.remembered() > 100


def test_values_other_than_plain_json_go_to_altairs_own_check(fresh: None) -> None:
    class Odd:
        def __repr__(self) -> str:
            return "'x'"

    schema, root = alt.Axis._schema, alt.Axis._rootschema
    assert chartcheck._plain({"title": "x"})
    assert not chartcheck._plain({"title": Odd()})
    plain = chartcheck._errors({"title": "x"}, schema, rootschema=root)
    odd = chartcheck._errors({"title": Odd()}, schema, rootschema=root)
    assert plain == []
    assert odd and [e.message for e in odd] == [
        e.message for e in chartcheck._original({"title": Odd()}, schema, rootschema=root)]


def test_the_memory_is_bounded(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chartcheck, "MAX_REMEMBERED", 5)
    charts.ranking(data.load_contributions(), "2021-01", top=3).to_dict()
    assert 0 < chartcheck.remembered() <= 5
