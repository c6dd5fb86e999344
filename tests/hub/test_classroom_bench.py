"""The pure parts of benchmarks/classroom.py: statistics, budgets, the sizing formula.

Nothing here starts a hub; the benchmark itself is run by hand (docs/classroom-hub.md).
"""

from __future__ import annotations

import doctest
import importlib.util
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def _load() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("pkedu_benchmarks_classroom",
                                                  ROOT / "benchmarks" / "classroom.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load()
Student = bench.StudentResult


def _class(n: int, *, latency: float = 10.0, cpu: float = 4.0, pss: int = 250 * MB) -> list:
    """n students; by each first chart the class has done n x cpu seconds of work."""
    return [Student(f"s{i}", first_chart=latency + i * 0.1, cpu_to_first_chart=cpu,
                    class_cpu_by_first_chart=n * cpu, harness_cpu_by_first_chart=0.0,
                    hub_cpu_by_first_chart=1.0, peak_pss=pss, peak_rss=pss + 50 * MB)
            for i in range(n)]


def _rows(results: list, cores: int = 2, ideal_from: int = 20) -> dict:
    return {row.item: row for row in bench.latency_rows(results, cores, ideal_from)}


def test_doctests() -> None:
    failures, tried = doctest.testmod(bench)
    assert tried > 5 and failures == 0


def test_ideal_is_the_class_work_over_the_cores() -> None:
    assert bench.ideal_seconds(20, 6.0, 4) == 30.0
    assert bench.ideal_seconds(3, 6.0, 4) == 6.0  # one student cannot use two cores
    with pytest.raises(ValueError):
        bench.ideal_seconds(0, 6.0, 4)


def test_everything_within_budget() -> None:
    rows = _rows(_class(20))
    assert {r.status for r in rows.values()} <= {"ok", "info"}
    assert rows["login to first chart, max"].value == pytest.approx(11.9)
    assert rows["CPU-bound ideal"].value == 40.0


GATED = "p95 wait / class work by then"


def test_slow_class_fails_the_work_budget_from_twenty_students() -> None:
    slow = _class(20, latency=60.0)  # the p95 student waits 61.8 s; 80 s of work on 2 cores
    assert _rows(slow)[GATED].status == "OVER"
    assert _rows(slow)[GATED].value == pytest.approx(61.8 / 40)
    assert _rows(slow)["p95 / CPU-bound ideal"].status == "info"  # reported, not gated
    few = _class(5, latency=60.0)
    assert _rows(few)[GATED].status == "info"
    assert _rows(few, ideal_from=5)[GATED].status == "OVER"


def test_work_done_by_others_and_the_browsers_counts_as_the_class_s() -> None:
    """Students who saw their chart go on running cells; that is work, not hub overhead."""
    busy = _class(20, latency=60.0)
    for r in busy:
        r.class_cpu_by_first_chart, r.harness_cpu_by_first_chart = 100.0, 5.0
    row = _rows(busy)[GATED]
    assert row.value == pytest.approx(61.8 / 52.5) and row.status == "ok"


def test_the_p95_student_is_the_nearest_rank() -> None:
    results = _class(20)
    assert bench.p95_student(results).name == "s18"
    assert bench.p95_student(results[:1]).name == "s0"


def test_without_work_snapshots_no_gated_row() -> None:
    old = [Student("s0", first_chart=5.0, cpu_to_first_chart=3.0, peak_pss=MB)]
    assert GATED not in _rows(old)


def test_exactly_on_the_budgets_passes() -> None:
    on = _class(20, latency=0.0, pss=300 * MB)
    for r in on:
        r.first_chart = 50.0  # 1.25 x 80 s of work on 2 cores
    rows = _rows(on)
    assert rows[GATED].status == "ok"
    assert rows["memory per student, max"].status == "ok"


def test_one_heavy_student_fails_the_memory_budget() -> None:
    results = _class(5)
    results[3].peak_pss = 301 * MB
    assert _rows(results)["memory per student, max"].status == "OVER"


def test_the_memory_budget_is_on_pss_and_rss_is_reported() -> None:
    """RSS counts the library pages students share once per student; the budget does not."""
    rows = _rows(_class(5, pss=280 * MB))  # RSS 330 MB
    assert rows["memory per student, max"].status == "ok"
    assert rows["memory per student, max"].value == 280 * MB
    assert rows["memory per student, RSS max"].value == 330 * MB


def test_a_timeout_is_reported_apart_from_an_error() -> None:
    results = _class(3)
    waited, timed_out = bench.describe_failure(
        bench.harness.KernelTimeout("s1: timed out after 900 s with 3 of 24 cell(s) not finished"),
        "running notebook 01", 900.2)
    results[1] = Student("s1", error=waited, timed_out=timed_out)
    error, not_timed_out = bench.describe_failure(
        bench.harness.HubError("app interaction: no chart"), "using the app", 1.5)
    results.append(Student("s3", error=error, timed_out=not_timed_out))
    rows = _rows(results)
    assert (rows["failures"].value, rows["  of which timed out"].value) == (2, 1)
    assert "s1: timed out after 900 s while running notebook 01" in rows["failures"].note
    assert "s3: app interaction: no chart" in rows["failures"].note
    assert "  of which timed out" not in _rows(_class(3) + [results[-1]])


def test_every_wait_covers_the_class_on_every_core() -> None:
    assert bench.patience(20, 2) == 900.0  # 3 x 20 x 30 s / 2 cores
    assert bench.patience(100, 2) == 4500.0
    assert bench.patience(5, 8) == bench.MIN_PATIENCE


def test_failures_are_counted_and_named() -> None:
    results = _class(4) + [Student("s9", error="nbgitpuller did not finish")]
    row = _rows(results)["failures"]
    assert (row.value, row.status) == (1, "OVER")
    assert "s9: nbgitpuller did not finish" in row.note
    assert list(_rows([Student("s1", error="login answered 403")])) == ["failures"]


def test_sizing_formula() -> None:
    small = bench.size_class(10, 6.0, 300 * MB, 200 * MB)
    assert small.cores == 2  # never fewer than two
    big = bench.size_class(300, 12.0, 400 * MB, 200 * MB)
    assert big.cores == 60  # 300 x 12 s / 60 s
    # 300 x 400 MB x 1.25 + 200 MB + 1 GB = 151,200 MB = 147.7 GB, rounded up
    assert big.memory_gb == 148
    assert bench.size_class(30, 12.0, 400 * MB, 200 * MB, wait=30.0).cores == 12


def test_students_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.parse_args(["--students", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_without_the_proxy_one_line_and_status_1(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(bench.harness, "find_proxy", lambda: None)
    assert bench.main(["--students", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["classroom: configurable-http-proxy not found; install it with npm install "
                   "--prefix build/node configurable-http-proxy@5"]
