"""The pure parts of the benchmarks: statistics, order of runs, gates, budgets, tables, parsing.

Nothing here times anything for real or asserts on speed; the timing loop is
exercised with stand-in interactions and a fake clock.
"""

from __future__ import annotations

import importlib
import itertools
import json
import math
import sys
import types
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # the benchmarks package lives beside src/, not inside it

from benchmarks import (  # noqa: E402
    config, interactions, machine, notebooks, report, run, sizes, stats,
)
from benchmarks import imports as importtime  # noqa: E402

Row = report.Row


# --------------------------------------------------------------------------- statistics


def test_median_and_percentile_match_the_usual_definitions() -> None:
    assert stats.median([5.0, 1.0, 3.0]) == 3.0
    assert stats.median([4.0, 1.0, 3.0, 2.0]) == 2.5
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert stats.percentile(values, 0) == 1.0
    assert stats.percentile(values, 100) == 100.0
    assert stats.percentile(values, 50) == pytest.approx(50.5)
    assert stats.percentile(values, 95) == pytest.approx(95.05)  # numpy's "linear"
    assert stats.percentile([7.0], 95) == 7.0


@pytest.mark.parametrize("bad", [[], None])
def test_statistics_of_nothing_is_an_error(bad: list | None) -> None:
    with pytest.raises((ValueError, TypeError)):
        stats.median(bad)
    with pytest.raises((ValueError, TypeError)):
        stats.percentile(bad, 95)


def test_percentile_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        stats.percentile([1.0, 2.0], 101)


def test_fastest_is_the_smallest_time() -> None:
    assert stats.fastest([2.31, 2.07, 2.64]) == 2.07
    assert stats.fastest([5.0]) == 5.0
    with pytest.raises(ValueError):
        stats.fastest([])


# --------------------------------------------------------------------------- notebook gate


def test_the_notebook_gate_is_the_median_of_the_runs_ratios() -> None:
    row = notebooks.notebook_row("02_scale.ipynb", [2.9, 2.8, 3.6], [2.1, 2.0, 2.5],
                                 ratios=[1.45, 1.38, 1.30], cells=[0.1, 1.3, 0.2])
    assert row.value == pytest.approx(1.38) and row.status == "ok"
    assert row.figure_text() == "CPU 1.38x"
    assert row.budget_text() == "< 1.50x floor"
    # the wall times a student feels are still reported, beside the gated figure
    assert row.note == ("runs 1.45, 1.38, 1.30; wall: fastest 2.80 s = 1.40x, "
                        "median 2.90 s = 1.38x; slowest cells: #1 1.30 s, #2 0.20 s")
    assert row.samples == [2.9, 2.8, 3.6] and row.details == {"ratios": [1.45, 1.38, 1.30]}
    assert notebooks.notebook_row("x", [3.0], [2.0], [1.5]).status == "OVER"  # strict
    wall = notebooks.notebook_row("x", [3.0], [2.0], [1.4], basis="wall")
    assert wall.figure_text() == "wall 1.40x"
    floor = notebooks.floor_row([2.1, 2.0, 2.5], cpu=[1.9, 1.8, 2.0])
    assert floor.value == 2.0 and floor.status == "info" and "median 2.10 s" in floor.note
    assert "CPU 1.80-2.00 s" in floor.note and floor.details == {"cpu_seconds": [1.9, 1.8, 2.0]}


def test_the_order_of_runs_rotates_and_starts_each_round_with_the_floor() -> None:
    assert notebooks.rounds(["a", "b", "c"], 2) == [
        (1, "floor"), (1, "a"), (1, "b"), (1, "c"), (2, "floor"), (2, "b"), (2, "c"), (2, "a")]
    assert notebooks.rounds([], 2) == [(1, "floor"), (2, "floor")]
    with pytest.raises(ValueError, match="at least 1"):
        notebooks.rounds(["a"], 0)


def test_two_disturbed_runs_out_of_five_cannot_flip_the_gate() -> None:
    # Notebooks at 1.40x and 1.60x the floor. Other work slows the floor cell or the
    # notebook's own cells of a run by up to 60%: a slowed floor cell makes that run's
    # ratio smaller, slowed cells make it larger. With any two runs disturbed, in either
    # direction, the median of five is still a clean run's ratio.
    def ratio(work: float, floor_factor: float, cells_factor: float) -> float:
        floor = 2.0 * floor_factor
        return (floor + (work - 2.0) * cells_factor) / floor

    for work, status in ((2.8, "ok"), (3.2, "OVER")):
        for first, second in itertools.combinations(range(5), 2):
            for factors in itertools.product([(1.6, 1.0), (1.0, 1.6), (1.3, 1.0)], repeat=2):
                ratios = [ratio(work, 1.0, 1.0)] * 5
                ratios[first], ratios[second] = (ratio(work, *f) for f in factors)
                row = notebooks.notebook_row("x", [1.0], [1.0], ratios)
                assert row.status == status and row.value == pytest.approx(work / 2.0)


def test_the_floor_measured_inside_a_run_cancels_a_machine_that_slows_down() -> None:
    # The same run measured with the machine at full speed and at 1.8x slower (as this kind
    # of virtual machine is under load): the separate-run figure doubles, the in-run ratio
    # does not move.
    for slowness in (1.0, 1.8):
        run = notebooks.NotebookRun(4.0 * slowness, 0.5, [], cpu=2.9 * slowness,
                                    floor_seconds=2.9 * slowness, floor_cpu=2.0 * slowness)
        assert run.ratio() == (pytest.approx(1.45), "CPU")


def _write_notebooks(folder: Path, names: tuple[str, ...]) -> list[Path]:
    paths = []
    for name in names:
        path = folder / f"{name}.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(name)]), path)
        paths.append(path)
    return paths


def _fake_section(monkeypatch: pytest.MonkeyPatch, paths: list[Path], fake_run) -> None:
    monkeypatch.setattr(notebooks, "run_notebook", fake_run)
    monkeypatch.setattr(notebooks, "find_notebooks", lambda: paths)
    monkeypatch.setattr(notebooks, "notebook_label", lambda path: path.stem)
    monkeypatch.setattr(notebooks, "progress", lambda message: None)
    monkeypatch.setattr(notebooks, "warm_table_cache", lambda: None)


def test_a_machine_whose_speed_drifts_gives_the_same_gated_figures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The CPU time of each run is its work times the machine's slowness at that moment,
    # which drifts slowly between 1.0 and 1.3 over the benchmark (as a virtual machine's
    # does over minutes). The wall clock is slower still, and noisier. The gated figures
    # are the true ratios of work, wherever the notebooks fall in the drift.
    work = {"a": 2.8, "b": 3.2, "c": 2.2}
    paths = _write_notebooks(tmp_path, ("a", "b", "c"))
    calls: list[tuple[str, bool]] = []

    def fake_run(nb: object, folder: Path, floor_first: bool = False) -> object:
        source = nb.cells[0].source
        calls.append((source, floor_first))
        slowness = 1.15 - 0.15 * math.cos(len(calls) / 4)
        floor_cpu = 2.0 * slowness
        cpu = (work[source] if floor_first else 2.0) * slowness
        return notebooks.NotebookRun(cpu * (1.2 + 0.1 * (len(calls) % 3)), 0.5, [0.1, 1.0],
                                     nbformat.v4.new_notebook(), cpu,
                                     floor_cpu * 1.2 if floor_first else None,
                                     floor_cpu if floor_first else None)

    _fake_section(monkeypatch, paths, fake_run)
    context: dict = {}
    section = notebooks.bench_notebooks(3, context)
    floor = (config.FLOOR_SOURCE, False)
    assert calls == [floor,                                              # warm-up
                     floor, ("a", True), ("b", True), ("c", True),       # round 1
                     floor, ("b", True), ("c", True), ("a", True),       # round 2
                     floor, ("c", True), ("a", True), ("b", True)]       # round 3
    rows = {row.item: row for row in section.rows}
    for name in ("a", "b", "c"):
        assert rows[name].value == pytest.approx(work[name] / 2.0, rel=0.001), name
        assert rows[name].figure_text().startswith("CPU ")
        assert len(rows[name].details["ratios"]) == 3 and len(rows[name].samples) == 3
        assert len(rows[name].details["cpu_seconds"]) == 3
    assert [rows[n].status for n in ("a", "b", "c")] == ["ok", "OVER", "ok"]
    assert len(rows["floor (imports only)"].samples) == 3
    assert "gate on CPU time" in section.notes[0]


def test_the_notebooks_section_skips_a_broken_notebook_and_falls_back_to_wall_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _write_notebooks(tmp_path, ("a", "broken", "b"))
    # (wall seconds, wall seconds at the end of the floor cell) per run, in the order each
    # notebook is run; no CPU time (another kernel provisioner). The floor notebook's first
    # run is the untimed warm-up.
    script = {config.FLOOR_SOURCE: [(9.0, None), (2.0, None), (1.8, None), (2.2, None)],
              "a": [(2.8, 2.1), (2.94, 2.1), (2.7, 2.0)],
              "b": [(3.3, 2.1), (3.0, 2.0), (3.3, 1.9)]}
    calls: list[str] = []

    def fake_run(nb: object, folder: Path, floor_first: bool = False) -> object:
        source = nb.cells[0].source
        calls.append(source)
        if source == "broken":
            raise RuntimeError("NameError: name 'x' is not defined")
        seconds, floor_seconds = script[source].pop(0)
        return notebooks.NotebookRun(seconds, 0.5, [0.1, seconds - 0.6],
                                     nbformat.v4.new_notebook(), None, floor_seconds)

    _fake_section(monkeypatch, paths, fake_run)
    context: dict = {}
    section = notebooks.bench_notebooks(3, context)
    floor = config.FLOOR_SOURCE
    # the broken notebook runs once
    assert calls == [floor,                           # warm-up
                     floor, "a", "broken", "b",       # round 1
                     floor, "b", "a",                 # round 2: broken, b, a
                     floor, "b", "a"]                 # round 3: b, a, broken
    rows = {row.item: row for row in section.rows}
    assert rows["a"].details["ratios"] == pytest.approx([2.8 / 2.1, 2.94 / 2.1, 2.7 / 2.0])
    assert rows["a"].value == pytest.approx(2.7 / 2.0) and rows["a"].status == "ok"
    assert rows["a"].figure_text() == "wall 1.35x"
    assert rows["b"].details["ratios"] == pytest.approx([3.3 / 2.1, 3.0 / 2.0, 3.3 / 1.9])
    assert rows["b"].value == pytest.approx(3.3 / 2.1) and rows["b"].status == "OVER"
    assert "wall: fastest 2.70 s = 1.50x" in rows["a"].note  # fastest floor run 1.80 s
    assert rows["broken"].status == "FAIL" and "NameError" in rows["broken"].error
    assert set(context["executed_specs"]) == {"a", "b"}
    assert "gate on wall time" in section.notes[0]
    assert "cpu_seconds" not in rows["a"].details


# --------------------------------------------------------------------------- budgets


def test_status_compares_the_figure_with_its_budget() -> None:
    assert Row("a", 0.049, "s", 0.050).status == "ok"
    assert Row("a", 0.050, "s", 0.050).status == "OVER"  # "under the budget" is strict
    assert Row("a", 0.2, "s", 0.050).status == "OVER"
    assert Row("a", 3.0, "s").status == "info"
    assert Row("a", error="not available").status == "FAIL"
    assert Row("a", None, "s", 1.0).status == "FAIL"  # a budget with no figure is no pass


def test_summary_counts_and_exit_code() -> None:
    sections = [report.Section("one", "One", [Row("a", 1, "s", 2), Row("b", 3, "s", 2)]),
                report.Section("two", "Two", [Row("c", 1, "s"), Row("d", error="boom")])]
    counts = report.count_statuses(sections)
    assert counts == {"ok": 1, "OVER": 1, "FAIL": 1, "info": 1}
    assert report.summary_line(counts) == "benchmarks: 1 ok, 1 over, 1 failed"
    assert report.exit_code(counts) == 1
    clean = report.count_statuses([report.Section("x", "X", [Row("a", 1, "s", 2),
                                                           Row("b", 1, "s")])])
    assert report.summary_line(clean) == "benchmarks: 1 ok, 0 over"
    assert report.exit_code(clean) == 0


def test_missing_interactions_are_a_failure_not_a_pass() -> None:
    without = types.ModuleType("fake_widgets")
    rows = interactions.measure_interactions(without, target_samples=5, max_seconds=1,
                                      progress=lambda _: None)
    assert [r.status for r in rows] == ["FAIL"]
    assert "not available" in rows[0].error
    assert interactions.measure_interactions(None, target_samples=5, max_seconds=1,
                                      progress=lambda _: None)[0].status == "FAIL"


# --------------------------------------------------------------------------- formatting


def test_quantities_are_readable() -> None:
    assert report.format_quantity(0.0123, "s") == "12.3 ms"
    assert report.format_quantity(2.5, "s") == "2.50 s"
    assert report.format_quantity(512, "bytes") == "512 B"
    assert report.format_quantity(300 * 1024, "bytes") == "300.0 KB"
    assert report.format_quantity(10 * 1024 * 1024, "bytes") == "10.00 MB"
    assert report.format_quantity(1.5, "x") == "1.50x"


def test_table_columns_line_up() -> None:
    rows = [Row("floor", 2.1, "s"),
            Row("01_convergence.ipynb", 1.2, "x", 1.5, figure="2.52 s = 1.20x",
                budget_figure="< 1.50x floor"),
            Row("a much longer item name", 0.3, "s", 0.05, note="a note"),
            Row("broken", error="it broke")]
    text = report.format_table(rows)
    lines = text.splitlines()
    assert lines[0].split() == ["item", "figure", "budget", "status", "note"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    # the status column starts at the same place on every line
    starts = {line.index(status) for line, status in
              zip(lines[2:], ["info", "ok", "OVER", "FAIL"])}
    assert len(starts) == 1
    assert "< 1.50x floor" in lines[3] and "2.52 s = 1.20x" in lines[3]
    assert lines[4].endswith("a note") and lines[5].endswith("it broke")
    # figures are right-aligned: they all end in the same column
    ends = {line.index(fig) + len(fig) for line, fig in
            zip(lines[2:], ["2.10 s", "2.52 s = 1.20x", "300.0 ms", "-"])}
    assert len(ends) == 1


def test_section_text_has_title_and_notes() -> None:
    section = report.Section("data", "Data loading", [Row("x", 1.0, "s", 2.0)], ["a remark"])
    text = report.format_section(section)
    assert text.startswith("== Data loading ==")
    assert text.rstrip().endswith("a remark")


# --------------------------------------------------------------------------- importtime


IMPORTTIME = """\
import time: self [us] | cumulative | imported package
import time:       150 |        150 |   _io
import time:       900 |       1200 |       pandas._libs
import time:      3000 |     220000 |     pandas
import time:      4000 |     234000 |   pkedu.data
import time:       500 |        500 | pkedu
import time:        26 |         26 |         altair.expr.core
import time:       329 |     111752 |   altair.expr.core
[IPKernelApp] WARNING | something unrelated
import time:       700 |       9000 | pkedu.analysis
"""


def test_importtime_output_is_parsed() -> None:
    records = importtime.parse_importtime(IMPORTTIME)
    assert [r.name for r in records][:5] == ["_io", "pandas._libs", "pandas", "pkedu.data",
                                             "pkedu"]
    first = records[0]
    assert (first.self_us, first.cumulative_us, first.depth) == (150, 150, 1)
    assert records[1].depth == 3 and records[4].depth == 0
    assert len(records) == 8  # header and foreign lines are skipped


def test_slowest_imports_and_own_time() -> None:
    records = importtime.parse_importtime(IMPORTTIME)
    top = importtime.slowest_imports(records, 3)
    assert [r.name for r in top] == ["pkedu.data", "pandas", "altair.expr.core"]
    assert top[2].cumulative_us == 111752  # the larger of two entries for one module
    assert len(importtime.slowest_imports(records, 100)) == 7
    assert importtime.own_self_time_us(records) == 4000 + 500 + 700


# --------------------------------------------------------------------------- chart specs


def _fake_notebook() -> dict:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "mark": "bar",
            "data": {"values": [{"x": i, "label": "Việt Nam"} for i in range(50)]}}
    small = {"mark": "point"}
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("chart", outputs=[nbformat.v4.new_output(
            "execute_result", data={"application/vnd.vegalite.v5+json": spec,
                                    "text/plain": "alt.Chart(...)"}, execution_count=1)]),
        nbformat.v4.new_code_cell("print('hi')", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="hi\n")]),
        nbformat.v4.new_code_cell("small", outputs=[nbformat.v4.new_output(
            "display_data", data={"application/vnd.vegalite.v4+json": small})]),
        nbformat.v4.new_code_cell("html", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<div>vegalite</div>"})]),
    ])
    return json.loads(nbformat.writes(nb))  # as stored on disk


def test_chart_specs_are_found_in_outputs_and_measured() -> None:
    nb = _fake_notebook()
    specs = sizes.scan_chart_specs(nb)
    assert [(s.cell, s.mimetype) for s in specs] == [
        (1, "application/vnd.vegalite.v5+json"), (3, "application/vnd.vegalite.v4+json")]
    spec = nb["cells"][1]["outputs"][0]["data"]["application/vnd.vegalite.v5+json"]
    compact = json.dumps(spec, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert specs[0].size == len(compact)
    assert specs[1].size == len(b'{"mark":"point"}')


def test_chart_spec_stored_as_text_counts_its_bytes() -> None:
    nb = {"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data",
         "data": {"application/vnd.vegalite.v5+json": '{"mark":"é"}'}}]}]}
    assert sizes.scan_chart_specs(nb)[0].size == len('{"mark":"é"}'.encode())
    assert sizes.scan_chart_specs({"cells": [{"cell_type": "markdown"}]}) == []


def test_chart_builders_are_found_by_their_table_parameters() -> None:
    charts = types.ModuleType("fake_charts")
    exec(
        "def contributions_over_time(contributions, countries=None, resolution='year'):\n"
        "    return ('chart', len(contributions))\n"
        "def where_they_serve(mission_contributions, missions, countries=None):\n"
        "    return 'chart'\n"
        "def reimbursement_rates(rates):\n"
        "    return 'chart'\n"
        "def describe(chart):\n"
        "    return 'text'\n"
        "def needs_more(contributions, iso3):\n"
        "    return 'chart'\n"
        "def _private(contributions):\n"
        "    return 'chart'\n",
        charts.__dict__)
    charts.imported_elsewhere = json.dumps  # not defined in the module: ignored
    found = {name: tables for name, _, tables in sizes.find_chart_builders(charts)}
    assert found == {
        "contributions_over_time": {"contributions": "contributions"},
        "where_they_serve": {"mission_contributions": "mission_contributions",
                             "missions": "missions"},
        "reimbursement_rates": {"rates": "reimbursement_rates"},
    }


def test_chart_builders_are_found_in_the_modules_of_a_package() -> None:
    # pkedu.charts is a package: its builders are defined in its modules (over_time, ...)
    # and imported into it; functions from elsewhere, or from a package whose name merely
    # starts the same way, are not builders.
    package = types.ModuleType("fake_charts")
    package.__path__ = []
    exec("def ranking(contributions, when='2021-01'):\n    return 'chart'\n",
         topic := {"__name__": "fake_charts.one_month"})
    exec("def lookalike(contributions):\n    return 'chart'\n",
         other := {"__name__": "fake_charts_extra"})
    package.ranking, package.lookalike = topic["ranking"], other["lookalike"]
    package.dumps = json.dumps
    found = {name: tables for name, _, tables in sizes.find_chart_builders(package)}
    assert found == {"ranking": {"contributions": "contributions"}}


def test_every_chart_builder_of_pkedu_is_measured() -> None:
    import pkedu.charts

    found = {name for name, _, _ in sizes.find_chart_builders(pkedu.charts)}
    assert {"contributions_over_time", "timeline", "reimbursement_rates"} <= found
    assert len(found) >= 13


# --------------------------------------------------------------------------- timing loop


def _stand_in_widgets() -> types.ModuleType:
    """A stand-in for pkedu.widgets with the benchmark_cases() the contract promises."""
    module = types.ModuleType("stand_in_widgets")
    calls: list[int] = []

    def case(n: int):
        return lambda: calls.append(n) or {"mark": "bar", "n": n}

    module.benchmark_cases = lambda: {"explorer": [case(1), case(2), case(3)],
                                      "calculator": [case(4)]}
    module.calls = calls
    return module


def test_time_cases_warms_up_then_runs_whole_rounds() -> None:
    calls: list[str] = []
    ticks = itertools.count()
    samples = interactions.time_cases([lambda: calls.append("a"), lambda: calls.append("b")],
                               target_samples=5, max_seconds=1e9, warmup_rounds=2,
                               clock=lambda: float(next(ticks)))
    assert calls[:4] == ["a", "b", "a", "b"]  # warm-up, untimed
    assert len(samples) == 6  # whole rounds until at least 5 samples
    assert all(s == 1.0 for s in samples)  # one tick between start and end of each call


def test_time_cases_stops_at_the_time_limit_after_one_round() -> None:
    ticks = itertools.count(step=100)
    samples = interactions.time_cases([lambda: None] * 3, target_samples=1000, max_seconds=1,
                               warmup_rounds=0, clock=lambda: float(next(ticks)))
    assert len(samples) == 3
    with pytest.raises(ValueError):
        interactions.time_cases([], target_samples=1, max_seconds=1)


def test_interactions_with_a_stand_in_give_median_and_p95_per_app() -> None:
    widgets = _stand_in_widgets()
    rows = interactions.measure_interactions(widgets, target_samples=9, max_seconds=5,
                                      progress=lambda _: None)
    assert [r.item for r in rows] == ["explorer: median", "explorer: p95",
                                      "calculator: median", "calculator: p95"]
    assert [r.budget for r in rows] == [0.05, 0.1, 0.05, 0.1]
    assert all(r.value is not None and r.value >= 0 and r.error is None for r in rows)
    assert set(widgets.calls) == {1, 2, 3, 4}
    assert len(rows[0].samples) >= 9


def test_a_failing_interaction_is_reported_not_raised() -> None:
    module = types.ModuleType("broken_widgets")

    def broken():
        raise ValueError("bad state")

    module.benchmark_cases = lambda: {"explorer": [broken], "ok": [lambda: None]}
    rows = interactions.measure_interactions(module, target_samples=3, max_seconds=1,
                                      progress=lambda _: None)
    assert rows[0].status == "FAIL" and "bad state" in rows[0].error
    assert [r.status for r in rows[1:]] == ["ok", "ok"]


# --------------------------------------------------------------------------- command line


def test_options() -> None:
    assert run.parse_args([]).repeats == 3
    quick = run.parse_args(["--quick"])
    assert quick.repeats == 1 and quick.quick
    assert run.parse_args(["--quick", "--repeats", "2"]).repeats == 2
    assert run.parse_args(["--only", "sizes,data"]).only == ["data", "sizes"]
    assert run.parse_args([]).only == list(config.SECTIONS)
    with pytest.raises(SystemExit):
        run.parse_args(["--only", "nope"])
    with pytest.raises(SystemExit):
        run.parse_args(["--repeats", "0"])


def test_json_results_are_machine_readable() -> None:
    sections = [report.Section("data", "Data", [Row("warm", 0.001, "s", 0.05, samples=[0.001]),
                                               Row("x", error="boom")])]
    counts = report.count_statuses(sections)
    out = run.results_json(sections, {"cpu": "test"}, run.parse_args(["--quick"]),
                             counts, 1.0)
    text = json.dumps(out)
    back = json.loads(text)
    rows = back["sections"]["data"]["rows"]
    assert rows[0]["status"] == "ok" and rows[0]["value"] == 0.001
    assert rows[0]["figure"] == "1.0 ms" and rows[0]["budget_text"] == "< 50.0 ms"
    assert rows[1]["status"] == "FAIL"
    assert back["summary"] == "benchmarks: 1 ok, 0 over, 1 failed"


def test_the_docstring_examples_of_every_benchmark_module_hold() -> None:
    import doctest

    import pkgutil

    import benchmarks

    attempted = 0
    for info in pkgutil.iter_modules(benchmarks.__path__):
        module = importlib.import_module(f"benchmarks.{info.name}")
        result = doctest.testmod(module, verbose=False)
        assert result.failed == 0, f"benchmarks/{info.name}.py"
        attempted += result.attempted
    assert attempted > 10


def test_error_messages_are_one_clean_line() -> None:
    exc = RuntimeError("An error occurred while executing the following cell:\n"
                       "------------------\n1/0\n------------------\n\n"
                       "\x1b[31mZeroDivisionError\x1b[39m: division by zero\n")
    assert report.first_line(exc) == "RuntimeError: ZeroDivisionError: division by zero"


def test_bytecode_is_written_even_when_the_environment_forbids_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 1\n")
    (package / "module.py").write_text("def f():\n    return 2\n")
    assert machine.cache_bytecode(package)
    cached = sorted(p.name.split(".")[0] for p in (package / "__pycache__").glob("*.pyc"))
    assert cached == ["__init__", "module"]
    (package / "broken.py").write_text("def f(:\n")
    assert not machine.cache_bytecode(package)


def test_kernel_cpu_is_none_without_a_local_kernel_process() -> None:
    assert notebooks.kernel_cpu(types.SimpleNamespace()) is None
