"""The website in a real browser: offline, searchable, accessible, printable.

Every page is served from 127.0.0.1 and opened in headless Chromium with no host name
resolving but the local one. A page passes when it loads with no console error, no page
error and no request that leaves the machine, and when axe-core finds no critical or serious
accessibility violation (WCAG 2.1 A and AA rules). The PDF handouts are printed from the same
pages and must hold the lesson but none of its worked solutions.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pkedu.handouts import print_handouts
from pkedu.release import find_notebooks

from test_site import NOTEBOOKS, page_of, solution_lines  # tests/ is on the import path

pytestmark = pytest.mark.browser

PAGES = ["index.html", "search.html"] + [page_of(p.relative_to(NOTEBOOKS).as_posix())
                                         for p in find_notebooks(NOTEBOOKS)]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _axe(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [v for v in results.response["violations"] if v.get("impact") in ("critical", "serious")]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_without_errors_and_passes_axe(new_page: Any, site_url: str,
                                                         name: str) -> None:
    recorded = new_page()
    recorded.page.goto(f"{site_url}/{name}", wait_until="load")
    recorded.page.wait_for_timeout(300)
    recorded.assert_offline()
    assert not recorded.console_errors and not recorded.page_errors, recorded.diagnostics()
    serious = _axe(recorded.page)
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -- e.g. {v['nodes'][0]['target']}" for v in serious)


def test_search_finds_pages_offline(new_page: Any, site_url: str) -> None:
    recorded = new_page()
    recorded.page.goto(f"{site_url}/search.html?q=MALBATT", wait_until="load")
    results = recorded.page.locator("#search-results li")
    results.first.wait_for(timeout=20_000)
    assert results.count() >= 1
    recorded.assert_offline()
    assert not recorded.console_errors, recorded.diagnostics()


def test_handouts_hold_the_lesson_and_no_solution(built_site: Path, tmp_path: Path,
                                                  browser: Any) -> None:
    from pypdf import PdfReader

    lessons = [p for p in PAGES if p[:2].isdigit()]
    made = print_handouts(built_site, tmp_path, pages=lessons, browser=browser)
    assert len(made.files) == len(lessons)
    for page, pdf in zip(lessons, made.files, strict=True):
        text = " ".join(page_.extract_text() or "" for page_ in PdfReader(tmp_path / pdf).pages)
        words = re.sub(r"\s+", " ", text)
        assert "Exercise" in words and len(words) > 2000, f"{pdf} looks empty"
        notebook = NOTEBOOKS / page.replace(".html", ".ipynb")
        leaked = [line for line in solution_lines(notebook) if line in words]
        assert not leaked, f"{pdf} holds solution text: {leaked[:2]}"
