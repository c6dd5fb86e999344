#!/usr/bin/env python3
"""Benchmark of the course website and handouts, measured on the machine running it.

    python3 benchmarks/website.py               build, serve and print once; report against budgets
    python3 benchmarks/website.py --json PATH   also write the results as JSON

What it measures (budgets and reasons in docs/performance.md, "Website and handouts"):

    build        time of ``pkedu site`` from the instructor notebooks (every notebook run
                 once, still pictures drawn, Sphinx build)
    size         the whole site, its largest page, the share of the built-in theme
    load         time for each page to load from 127.0.0.1 in headless Chromium (median,
                 slowest), no request leaving the machine
    handouts     time to print each lesson page to PDF (median, slowest), largest PDF

Prints one table per section like ``course.py bench`` and exits with status 1 if anything
is OVER or FAIL. Needs Chromium for the last two sections (``$PKEDU_CHROMIUM`` or
``chromium`` on the PATH); without it they FAIL with the reason.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    _HERE = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
    sys.path.insert(0, str(_HERE.parent))

from benchmarks.config import MB, ROOT  # noqa: E402
from benchmarks.report import (  # noqa: E402
    Row, Section, count_statuses, exit_code, first_line, format_section, summary_line,
)

#: Budgets: upper limits (see docs/performance.md for the reasons).
BUILD_SECONDS = 240.0
SITE_BYTES = 30 * MB
PAGE_BYTES = 1.5 * MB
LOAD_MEDIAN_SECONDS = 1.0
LOAD_MAX_SECONDS = 3.0
PRINT_MEDIAN_SECONDS = 6.0
PDF_BYTES = 5 * MB


def bench_build(out: Path) -> tuple[Section, list[str]]:
    from pkedu.site import build_site

    section = Section("build", "Building the site (pkedu site)")
    started = time.perf_counter()
    try:
        built = build_site(ROOT / "notebooks", out)
    except Exception as exc:  # report, never crash the benchmark
        section.rows.append(Row("build", error=first_line(exc)))
        return section, []
    section.rows.append(Row("build, all notebooks run", time.perf_counter() - started, "s",
                            BUILD_SECONDS, note=f"{len(built.pages)} pages"))
    return section, [p for p in built.pages if p != "index.html"]


def bench_size(out: Path) -> Section:
    section = Section("size", "Size of the site")
    files = [p for p in out.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    pages = sorted(((p.stat().st_size, p.relative_to(out).as_posix()) for p in files
                    if p.suffix == ".html"), reverse=True)
    theme = sum(p.stat().st_size for p in files if "_static" in p.parts)
    section.rows.append(Row("whole site", total, "bytes", SITE_BYTES, note=f"{len(files)} files"))
    if pages:
        section.rows.append(Row("largest page", pages[0][0], "bytes", PAGE_BYTES, note=pages[0][1]))
    section.rows.append(Row("theme and scripts (_static)", theme, "bytes"))
    return section


def _serve(out: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bench_browser(out: Path, pages: list[str]) -> list[Section]:
    from pkedu.handouts import CHROMIUM_ARGS, find_chromium, print_handouts

    load = Section("load", "Loading each page in Chromium, from 127.0.0.1")
    printing = Section("handouts", "Printing each lesson to PDF (pkedu handouts)")
    chromium = find_chromium()
    if chromium is None or not pages:
        reason = "no Chromium (set PKEDU_CHROMIUM)" if chromium is None else "no pages"
        return [Section("load", load.title, [Row("load", error=reason)]),
                Section("handouts", printing.title, [Row("print", error=reason)])]
    from playwright.sync_api import sync_playwright

    server, url = _serve(out)
    outside: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.on("request", lambda r: outside.append(r.url)
                        if not r.url.startswith((url, "data:", "about:")) else None)
                times = []
                for rel in ["index.html", *pages]:
                    started = time.perf_counter()
                    page.goto(f"{url}/{rel}", wait_until="load")
                    times.append(time.perf_counter() - started)
                page.close()
                load.rows.append(Row("page load, median", statistics.median(times), "s",
                                     LOAD_MEDIAN_SECONDS, samples=times))
                load.rows.append(Row("page load, slowest", max(times), "s", LOAD_MAX_SECONDS))
                load.rows.append(Row("requests leaving the machine", len(outside), "", 1,
                                     budget_figure="0", note=outside[0] if outside else ""))
                lessons = [p for p in pages if p[:2].isdigit()]
                with tempfile.TemporaryDirectory() as tmp:
                    each = []
                    for rel in lessons:
                        started = time.perf_counter()
                        print_handouts(out, tmp, pages=[rel], browser=browser)
                        each.append(time.perf_counter() - started)
                    biggest = max(p.stat().st_size for p in Path(tmp).glob("*.pdf"))
                printing.rows.append(Row("one lesson, median", statistics.median(each), "s",
                                         PRINT_MEDIAN_SECONDS, samples=each))
                printing.rows.append(Row("one lesson, slowest", max(each), "s"))
                printing.rows.append(Row("largest PDF", biggest, "bytes", PDF_BYTES))
            finally:
                browser.close()
    except Exception as exc:  # report, never crash the benchmark
        load.rows.append(Row("browser", error=first_line(exc)))
    finally:
        server.shutdown()
        server.server_close()
    return [load, printing]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 benchmarks/website.py",
                                     description="Measure the course website and handouts.")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    args = parser.parse_args(list(argv))
    started = time.perf_counter()
    print("pkedu website benchmark\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="pkedu-site-bench-") as tmp:
        out = Path(tmp) / "site"
        build, pages = bench_build(out)
        sections = [build]
        print(format_section(build), end="\n\n", flush=True)
        if pages:
            for section in [bench_size(out), *bench_browser(out, pages)]:
                sections.append(section)
                print(format_section(section), end="\n\n", flush=True)
    counts = count_statuses(sections)
    if args.json:
        Path(args.json).write_text(json.dumps(
            {s.name: [{"item": r.item, "value": r.value, "budget": r.budget, "status": r.status}
                      for r in s.rows] for s in sections}, indent=2) + "\n")
    print(f"({time.perf_counter() - started:.0f} s)")
    print(summary_line(counts))
    return exit_code(counts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
