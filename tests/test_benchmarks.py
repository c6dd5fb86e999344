"""The pure parts of benchmarks/run.py: statistics, budgets, tables, parsing, scanning.

Nothing here times anything for real or asserts on speed; the timing loop is
exercised with stand-in interactions and a fake clock.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
import types
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_runner() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("pkedu_benchmarks_run",
                                                  ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load_runner()
Row = bench.Row


# --------------------------------------------------------------------------- statistics


def test_median_and_percentile_match_the_usual_definitions() -> None:
    assert bench.median([5.0, 1.0, 3.0]) == 3.0
    assert bench.median([4.0, 1.0, 3.0, 2.0]) == 2.5
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert bench.percentile(values, 0) == 1.0
    assert bench.percentile(values, 100) == 100.0
    assert bench.percentile(values, 50) == pytest.approx(50.5)
    assert bench.percentile(values, 95) == pytest.approx(95.05)  # numpy's "linear"
    assert bench.percentile([7.0], 95) == 7.0


@pytest.mark.parametrize("bad", [[], None])
def test_statistics_of_nothing_is_an_error(bad: list | None) -> None:
    with pytest.raises((ValueError, TypeError)):
        bench.median(bad)
    with pytest.raises((ValueError, TypeError)):
        bench.percentile(bad, 95)


def test_percentile_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        bench.percentile([1.0, 2.0], 101)


# --------------------------------------------------------------------------- budgets


def test_status_compares_the_figure_with_its_budget() -> None:
    assert Row("a", 0.049, "s", 0.050).status == "ok"
    assert Row("a", 0.050, "s", 0.050).status == "OVER"  # "under the budget" is strict
    assert Row("a", 0.2, "s", 0.050).status == "OVER"
    assert Row("a", 3.0, "s").status == "info"
    assert Row("a", error="not available").status == "FAIL"
    assert Row("a", None, "s", 1.0).status == "FAIL"  # a budget with no figure is no pass


def test_summary_counts_and_exit_code() -> None:
    sections = [bench.Section("one", "One", [Row("a", 1, "s", 2), Row("b", 3, "s", 2)]),
                bench.Section("two", "Two", [Row("c", 1, "s"), Row("d", error="boom")])]
    counts = bench.count_statuses(sections)
    assert counts == {"ok": 1, "OVER": 1, "FAIL": 1, "info": 1}
    assert bench.summary_line(counts) == "benchmarks: 1 ok, 1 over, 1 failed"
    assert bench.exit_code(counts) == 1
    clean = bench.count_statuses([bench.Section("x", "X", [Row("a", 1, "s", 2),
                                                           Row("b", 1, "s")])])
    assert bench.summary_line(clean) == "benchmarks: 1 ok, 0 over"
    assert bench.exit_code(clean) == 0


def test_missing_interactions_are_a_failure_not_a_pass() -> None:
    without = types.ModuleType("fake_widgets")
    rows = bench.measure_interactions(without, target_samples=5, max_seconds=1,
                                      progress=lambda _: None)
    assert [r.status for r in rows] == ["FAIL"]
    assert "not available" in rows[0].error
    assert bench.measure_interactions(None, target_samples=5, max_seconds=1,
                                      progress=lambda _: None)[0].status == "FAIL"


# --------------------------------------------------------------------------- formatting


def test_quantities_are_readable() -> None:
    assert bench.format_quantity(0.0123, "s") == "12.3 ms"
    assert bench.format_quantity(2.5, "s") == "2.50 s"
    assert bench.format_quantity(512, "bytes") == "512 B"
    assert bench.format_quantity(300 * 1024, "bytes") == "300.0 KB"
    assert bench.format_quantity(10 * 1024 * 1024, "bytes") == "10.00 MB"
    assert bench.format_quantity(1.5, "x") == "1.50x"


def test_table_columns_line_up() -> None:
    rows = [Row("floor", 2.1, "s"),
            Row("01_convergence.ipynb", 1.2, "x", 1.5, figure="2.52 s = 1.20x",
                budget_figure="< 1.50x floor"),
            Row("a much longer item name", 0.3, "s", 0.05, note="a note"),
            Row("broken", error="it broke")]
    text = bench.format_table(rows)
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
    section = bench.Section("data", "Data loading", [Row("x", 1.0, "s", 2.0)], ["a remark"])
    text = bench.format_section(section)
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
    records = bench.parse_importtime(IMPORTTIME)
    assert [r.name for r in records][:5] == ["_io", "pandas._libs", "pandas", "pkedu.data",
                                             "pkedu"]
    first = records[0]
    assert (first.self_us, first.cumulative_us, first.depth) == (150, 150, 1)
    assert records[1].depth == 3 and records[4].depth == 0
    assert len(records) == 8  # header and foreign lines are skipped


def test_slowest_imports_and_own_time() -> None:
    records = bench.parse_importtime(IMPORTTIME)
    top = bench.slowest_imports(records, 3)
    assert [r.name for r in top] == ["pkedu.data", "pandas", "altair.expr.core"]
    assert top[2].cumulative_us == 111752  # the larger of two entries for one module
    assert len(bench.slowest_imports(records, 100)) == 7
    assert bench.own_self_time_us(records) == 4000 + 500 + 700


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
    specs = bench.scan_chart_specs(nb)
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
    assert bench.scan_chart_specs(nb)[0].size == len('{"mark":"é"}'.encode())
    assert bench.scan_chart_specs({"cells": [{"cell_type": "markdown"}]}) == []


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
    found = {name: tables for name, _, tables in bench.find_chart_builders(charts)}
    assert found == {
        "contributions_over_time": {"contributions": "contributions"},
        "where_they_serve": {"mission_contributions": "mission_contributions",
                             "missions": "missions"},
        "reimbursement_rates": {"rates": "reimbursement_rates"},
    }


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
    samples = bench.time_cases([lambda: calls.append("a"), lambda: calls.append("b")],
                               target_samples=5, max_seconds=1e9, warmup_rounds=2,
                               clock=lambda: float(next(ticks)))
    assert calls[:4] == ["a", "b", "a", "b"]  # warm-up, untimed
    assert len(samples) == 6  # whole rounds until at least 5 samples
    assert all(s == 1.0 for s in samples)  # one tick between start and end of each call


def test_time_cases_stops_at_the_time_limit_after_one_round() -> None:
    ticks = itertools.count(step=100)
    samples = bench.time_cases([lambda: None] * 3, target_samples=1000, max_seconds=1,
                               warmup_rounds=0, clock=lambda: float(next(ticks)))
    assert len(samples) == 3
    with pytest.raises(ValueError):
        bench.time_cases([], target_samples=1, max_seconds=1)


def test_interactions_with_a_stand_in_give_median_and_p95_per_app() -> None:
    widgets = _stand_in_widgets()
    rows = bench.measure_interactions(widgets, target_samples=9, max_seconds=5,
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
    rows = bench.measure_interactions(module, target_samples=3, max_seconds=1,
                                      progress=lambda _: None)
    assert rows[0].status == "FAIL" and "bad state" in rows[0].error
    assert [r.status for r in rows[1:]] == ["ok", "ok"]


# --------------------------------------------------------------------------- command line


def test_options() -> None:
    assert bench.parse_args([]).repeats == 3
    quick = bench.parse_args(["--quick"])
    assert quick.repeats == 1 and quick.quick
    assert bench.parse_args(["--quick", "--repeats", "2"]).repeats == 2
    assert bench.parse_args(["--only", "sizes,data"]).only == ["data", "sizes"]
    assert bench.parse_args([]).only == list(bench.SECTIONS)
    with pytest.raises(SystemExit):
        bench.parse_args(["--only", "nope"])
    with pytest.raises(SystemExit):
        bench.parse_args(["--repeats", "0"])


def test_json_results_are_machine_readable() -> None:
    sections = [bench.Section("data", "Data", [Row("warm", 0.001, "s", 0.05, samples=[0.001]),
                                               Row("x", error="boom")])]
    counts = bench.count_statuses(sections)
    out = bench.results_json(sections, {"cpu": "test"}, bench.parse_args(["--quick"]),
                             counts, 1.0)
    text = json.dumps(out)
    back = json.loads(text)
    rows = back["sections"]["data"]["rows"]
    assert rows[0]["status"] == "ok" and rows[0]["value"] == 0.001
    assert rows[0]["figure"] == "1.0 ms" and rows[0]["budget_text"] == "< 50.0 ms"
    assert rows[1]["status"] == "FAIL"
    assert back["summary"] == "benchmarks: 1 ok, 0 over, 1 failed"


def test_the_runner_docstring_examples_hold() -> None:
    import doctest

    result = doctest.testmod(bench, verbose=False)
    assert result.attempted > 0 and result.failed == 0


def test_error_messages_are_one_clean_line() -> None:
    exc = RuntimeError("An error occurred while executing the following cell:\n"
                       "------------------\n1/0\n------------------\n\n"
                       "\x1b[31mZeroDivisionError\x1b[39m: division by zero\n")
    assert bench.first_line(exc) == "RuntimeError: ZeroDivisionError: division by zero"


def test_bytecode_is_written_even_when_the_environment_forbids_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 1\n")
    (package / "module.py").write_text("def f():\n    return 2\n")
    assert bench.cache_bytecode(package)
    cached = sorted(p.name.split(".")[0] for p in (package / "__pycache__").glob("*.pyc"))
    assert cached == ["__init__", "module"]
    (package / "broken.py").write_text("def f(:\n")
    assert not bench.cache_bytecode(package)
