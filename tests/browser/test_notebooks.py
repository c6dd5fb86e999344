"""Every notebook runs top to bottom in JupyterLab, in a real browser, offline.

For each notebook in notebooks/ and notebooks/apps/: open it in a fresh JupyterLab
workspace, run all cells from the Run menu, and check what a student would see: no
error output, every chart drawn (by JupyterLab's own Vega renderer, no internet), every
widget displayed, and no request to any host but the local server. A screenshot of each
notebook goes to test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from .pkbrowser import (
    NOTEBOOKS,
    ROOT,
    StoredNotebook,
    chart_problems,
    chart_report,
    charts_drawn,
    crowded_options,
    error_outputs,
    live_outputs,
    notebook_files,
    run_all,
    wait_for,
    wait_until_executed,
    widget_report,
    widgets_ok,
)

pytestmark = pytest.mark.browser

OPEN_TIMEOUT = 90  # seconds for JupyterLab to show the notebook with an idle kernel
RUN_TIMEOUT = 180  # seconds for one notebook's "Run All" (they take a few seconds)
RENDER_TIMEOUT = 20  # seconds for charts and widgets to appear once the kernel is done
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.relative_to(NOTEBOOKS).as_posix()) for p in notebook_files()])
def test_notebook_runs_in_jupyterlab(path: Path, jupyter_lab: Any, lab_pages: Any) -> None:
    stored = StoredNotebook.read(path)
    notebook = path.relative_to(ROOT).as_posix()
    browser = lab_pages.take(notebook)
    page = browser.page
    # The next notebooks' pages load meanwhile, and run once they are ready (LabPages).
    lab_pages.prepare_after(notebook)
    try:
        page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.wait_for(
            state="attached", timeout=OPEN_TIMEOUT * 1000)
        if notebook not in lab_pages.started:  # else Run All was clicked while we waited
            # The kernel must be up (on the server and in the page) before "Run All".
            # JupyterLab may first ask which kernel to use (a notebook without kernel
            # metadata): dismissing the dialog picks the default.
            idle = wait_for(lambda: lab_pages.ready(notebook, page), timeout=OPEN_TIMEOUT)
            assert idle, (f"no idle kernel for {notebook} within {OPEN_TIMEOUT} s (state "
                          f"{jupyter_lab.kernel_state(notebook)!r})\n{browser.diagnostics()}")
            run_all(page)
        final_prompts = wait_until_executed(page, RUN_TIMEOUT)

        # What this run produced, as JupyterLab holds it: every output must have a
        # renderer, and the page must draw at least as many charts and widgets as the
        # run produced or the stored notebook promises.
        live = live_outputs(page) or {"charts": 0, "widgets": 0, "unrenderable": []}
        assert not live["unrenderable"], (
            f"{notebook}: JupyterLab has no renderer for these outputs (they show nothing): "
            f"{live['unrenderable']}")
        want_charts = max(stored.charts, live["charts"])
        want_widgets = max(stored.widgets, live["widgets"])

        def settled() -> bool:
            if error_outputs(page, PANEL, stored.raises):
                return True
            charts, widgets = chart_report(page, PANEL), widget_report(page, PANEL)
            return (len(charts) >= want_charts and charts_drawn(charts)
                    and len(widgets) >= want_widgets and widgets_ok(widgets))

        wait_for(settled, RENDER_TIMEOUT)

        errors = error_outputs(page, PANEL, stored.raises)
        assert not errors, f"{notebook}: error output(s):\n" + "\n---\n".join(errors)
        # Every non-empty code cell ran, in order, in this kernel: [1], [2], ...
        numbers = [int(p.strip("[]: ")) for p in final_prompts if p.strip("[]: ").isdigit()]
        assert numbers == list(range(1, stored.code_cells + 1)), (
            f"{notebook}: expected {stored.code_cells} code cells to run in order, "
            f"prompts are {final_prompts}")

        charts = chart_report(page, PANEL)
        assert len(charts) >= want_charts, (
            f"{notebook}: {len(charts)} chart(s) in the page; the run produced "
            f"{live['charts']}, the stored notebook has {stored.charts}")
        bad = chart_problems(charts)
        assert not bad, f"{notebook}: chart(s) not drawn: {bad}\n{browser.diagnostics()}"

        widgets = widget_report(page, PANEL)
        assert len(widgets) >= want_widgets, (
            f"{notebook}: {len(widgets)} widget(s) in the page; the run produced "
            f"{live['widgets']}, the stored notebook has {stored.widgets}")
        bad = [w for w in widgets if not w["rendered"] or w["problem"]]
        assert not bad, f"{notebook}: widget(s) not displayed: {bad}\n{browser.diagnostics()}"
        crowded = crowded_options(page, PANEL)
        assert not crowded, f"{notebook}: quiz options a student cannot read whole: {crowded}"

        browser.assert_offline()
    finally:
        # Also (especially) when the test fails: the picture shows what went wrong.
        try:
            browser.screenshot(f"lab-{notebook.removeprefix('notebooks/')}")
        except Exception as error:  # never hide the test's own failure behind this one
            print(f"no screenshot of {notebook}: {error}")
        page.close()
        jupyter_lab.shut_down_kernels(notebook)
