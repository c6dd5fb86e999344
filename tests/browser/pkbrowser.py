"""Page helpers shared by the browser tests: JupyterLab, Voila and ipywidgets in the DOM.

Everything here works on a Playwright page and reads the page the way a student sees
it: prompts, outputs, rendered charts and widgets.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # the repository
NOTEBOOKS = ROOT / "notebooks"
APPS = NOTEBOOKS / "apps"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

VEGA_MIME_PREFIXES = ("application/vnd.vegalite.v", "application/vnd.vega.v")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# What JupyterLab 4.6 and Voila 0.5 show when an output is not displayed properly.
WIDGET_PROBLEMS = ("Loading widget...", "Error displaying widget")
RENDER_FAILURES = ("Javascript Error", "Error loading script", "Error displaying widget",
                   "Failed to load model class", "Failed to create view")


# --------------------------------------------------------------------------- notebooks


def notebook_files() -> list[Path]:
    """Every notebook of the course: notebooks/*.ipynb, then notebooks/apps/*.ipynb."""
    return sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(APPS.glob("*.ipynb"))


def app_names() -> list[str]:
    """The app notebooks (stems of notebooks/apps/*.ipynb)."""
    return sorted(p.stem for p in APPS.glob("*.ipynb"))


@dataclass
class StoredNotebook:
    """What a notebook file promises: its code cells and the outputs stored with them."""

    path: Path
    code_cells: int  # non-empty code cells
    charts: int  # stored Vega / Vega-Lite outputs
    widgets: int  # stored widget views
    raises: list[int]  # indexes (among all cells) of cells tagged raises-exception

    @classmethod
    def read(cls, path: Path) -> StoredNotebook:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        code_cells = charts = widgets = 0
        raises = []
        for index, cell in enumerate(notebook.get("cells", [])):
            if cell.get("cell_type") != "code":
                continue
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            if source.strip():
                code_cells += 1
            if "raises-exception" in cell.get("metadata", {}).get("tags", []):
                raises.append(index)
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if any(key.startswith(VEGA_MIME_PREFIXES) for key in data):
                    charts += 1
                if WIDGET_MIME in data:
                    widgets += 1
        return cls(path, code_cells, charts, widgets, raises)


# --------------------------------------------------------------------------- waiting


#: Texts of the notification toasts closed so far (shown when a test fails).
TOASTS_SEEN: list[str] = []

#: Work to do while a test waits (for example, starting the next notebook's run).
BACKGROUND: list[Any] = []


def wait_for(predicate: Any, timeout: float, interval: float = 0.25) -> Any:
    """Call ``predicate`` until it returns something truthy; return it (or the last value).

    Between calls, the callables in ``BACKGROUND`` get a turn.
    """
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        for work in list(BACKGROUND):
            work()
        time.sleep(interval)
        value = predicate()
    return value


# --------------------------------------------------------------------------- JupyterLab


def dismiss_popups(page: Any) -> list[str]:
    """Close notification toasts; answer JupyterLab's "Select Kernel" question with its
    default (the notebook's own kernel). Return the text of any other dialog, left open:
    it means something went wrong and the test should say so.
    """
    for toast in page.locator(".Toastify__toast").all():
        try:
            note = squash(toast.inner_text(timeout=500))
            if note and note not in TOASTS_SEEN:
                TOASTS_SEEN.append(note)
            toast.locator(".jp-Notification-Toast-Close, .Toastify__close-button").first.click(
                timeout=500)
        except Exception:  # toasts vanish on their own; nothing to close then
            pass
    others = []
    for dialog in page.locator(".jp-Dialog").all():
        try:
            text = squash(dialog.inner_text(timeout=500))
            if text.startswith("Select Kernel"):
                dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click(timeout=2000)
            else:
                others.append(text if len(text) <= 800 else text[:800] + " ...")
        except Exception:  # the dialog closed while we looked at it
            pass
    return others


def kernel_status(page: Any) -> str:
    """The kernel status JupyterLab shows for the current notebook ('' if none yet)."""
    return page.evaluate(
        """() => {
            const el = document.querySelector(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
            return el ? (el.getAttribute('data-status') || '') : '';
        }""")


def prompts(page: Any) -> list[str]:
    """Input prompts of the visible notebook's code cells, e.g. ['[1]:', '[*]:', '[ ]:']."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
               .map(p => p.textContent.trim())""")


def watch_prompts(page: Any) -> None:
    """Start noting whether any prompt shows [*] (a fast run may be over between polls)."""
    page.evaluate(
        """() => {
            window.__pkeduSawBusy = false;
            const check = () => {
                for (const p of document.querySelectorAll('.jp-InputArea-prompt')) {
                    if (p.textContent.includes('*')) { window.__pkeduSawBusy = true; return; }
                }
            };
            new MutationObserver(check).observe(document.body,
                {subtree: true, childList: true, characterData: true});
        }""")


def run_all(page: Any, use_menu: bool = True) -> None:
    """Run every cell with the Run menu's "Run All Cells" (data-command runmenu:run-all)."""
    watch_prompts(page)
    if use_menu:
        try:
            page.locator(".lm-MenuBar-item", has_text=re.compile(r"^\s*Run\s*$")).first.click()
            page.locator('.lm-Menu [data-command="runmenu:run-all"]').first.click(timeout=5000)
            return
        except Exception:  # fall back to the same command through the application
            page.keyboard.press("Escape")
    page.evaluate("() => window.jupyterapp.commands.execute('runmenu:run-all')")


def run_started(page: Any, timeout: float) -> bool:
    return bool(wait_for(lambda: page.evaluate("() => window.__pkeduSawBusy === true"),
                         timeout=timeout))


def wait_until_executed(page: Any, timeout: float) -> list[str]:
    """Wait for the run to start (a [*] prompt) and to end (no [*] left); return prompts.

    If nothing starts within 10 s (the click landed while JupyterLab was still busy),
    Run All is given once more through the application's command.
    """
    if not run_started(page, 10):
        dismiss_popups(page)
        run_all(page, use_menu=False)
        if not run_started(page, 20):
            raise AssertionError(f"Run All did not start any cell: prompts {prompts(page)}")
    done = wait_for(lambda: (lambda ps: ps if ps and not any(p.startswith("[*]") for p in ps)
                             else None)(prompts(page)), timeout=timeout, interval=0.5)
    if not done:
        raise AssertionError(f"cells still running after {timeout:.0f} s: prompts {prompts(page)}")
    return done


# --------------------------------------------------------------------------- outputs


def error_outputs(page: Any, scope: str = "body", skip_cells: list[int] | None = None
                  ) -> list[str]:
    """Texts of error outputs: tracebacks and stderr with 'Error' (which includes
    JupyterLab's 'Javascript Error' when a renderer fails), and any output saying a
    script, widget or renderer failed (for example 'Error loading script', which an
    Altair chart shows when it needs the internet).

    ``skip_cells``: indexes of notebook cells whose errors are intended (raises-exception).
    """
    return page.evaluate(
        """([scope, skip, failures]) => {
            const root = document.querySelector(scope) || document.body;
            const cells = [...root.querySelectorAll('.jp-Notebook .jp-Cell')];
            const skipped = new Set(skip.map(i => cells[i]).filter(Boolean));
            const found = [];
            const sel = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
                      + ' .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"],'
                      + ' .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]';
            for (const el of root.querySelectorAll(sel)) {
                const cell = el.closest('.jp-Cell');
                if (cell && skipped.has(cell)) continue;
                const text = el.textContent || '';
                if (/Traceback|Error/.test(text)) found.push(text.slice(0, 1500));
            }
            for (const el of root.querySelectorAll('.jp-OutputArea-output')) {
                const cell = el.closest('.jp-Cell');
                if (cell && skipped.has(cell)) continue;
                const text = el.innerText || '';
                if (failures.some(f => text.includes(f))) found.push(text.slice(0, 1500));
            }
            return [...new Set(found)];
        }""", [scope, skip_cells or [], list(RENDER_FAILURES)])


def live_outputs(page: Any) -> dict[str, Any] | None:
    """Outputs of the open notebook as JupyterLab holds them (from the kernel, this run).

    Counts the charts and widget views among them, and lists outputs for which JupyterLab
    has no renderer at all (it then shows nothing, silently: a chart in a format
    JupyterLab cannot draw would just be missing). None if the app object is not there.
    """
    return page.evaluate(
        """() => {
            const app = window.jupyterapp;
            if (!app) return null;
            const panel = app.shell.currentWidget;
            if (!panel || !panel.content || !panel.content.rendermime) return null;
            const notebook = panel.content;
            const result = {charts: 0, widgets: 0, unrenderable: []};
            notebook.widgets.forEach((cell, index) => {
                if (cell.model.type !== 'code') return;
                const outputs = cell.model.outputs;
                for (let i = 0; i < outputs.length; i++) {
                    const data = outputs.get(i).data || {};
                    const mimes = Object.keys(data);
                    if (mimes.some(m => m.startsWith('application/vnd.vegalite.v')
                                        || m.startsWith('application/vnd.vega.v')))
                        result.charts++;
                    if (mimes.includes('application/vnd.jupyter.widget-view+json'))
                        result.widgets++;
                    if (mimes.length && !notebook.rendermime.preferredMimeType(data, 'any'))
                        result.unrenderable.push({cell: index, mimeTypes: mimes});
                }
            });
            return result;
        }""")


def chart_report(page: Any, scope: str = "body") -> list[dict[str, Any]]:
    """One entry per Vega output: is it drawn, its size, its description, any error text."""
    return page.evaluate(
        """(scope) => {
            const root = document.querySelector(scope) || document.body;
            return [...root.querySelectorAll('.jp-RenderedVegaCommon5')].map(el => {
                const marks = el.querySelector('svg.marks, canvas.marks');
                const box = marks ? marks.getBoundingClientRect() : {width: 0, height: 0};
                let painted = 0;
                if (marks && marks.tagName === 'CANVAS' && marks.width && marks.height) {
                    try {
                        const data = marks.getContext('2d')
                            .getImageData(0, 0, marks.width, marks.height).data;
                        for (let i = 0; i < data.length; i += 4) {
                            const [r, g, b, a] = [data[i], data[i+1], data[i+2], data[i+3]];
                            if (a > 0 && (r < 245 || g < 245 || b < 245)) painted++;
                        }
                    } catch (e) { painted = -1; }
                } else if (marks) {
                    painted = marks.querySelectorAll('.role-mark > *').length;
                }
                const holder = marks && (marks.closest('[aria-label]') || marks);
                const text = el.textContent || '';
                return {
                    kind: marks ? marks.tagName.toLowerCase() : null,
                    width: box.width, height: box.height, painted,
                    description: (marks && marks.getAttribute('aria-label'))
                                 || (holder && holder.getAttribute('aria-label')) || '',
                    error: /Javascript Error|renderer|Error/.test(
                        [...el.querySelectorAll('pre, .error')].map(e => e.textContent).join(' '))
                        ? text.slice(0, 500) : '',
                };
            });
        }""", scope)


def chart_problems(report: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The charts that are not drawn: no canvas/SVG, zero size, nothing painted, an error."""
    return [c for c in report if not c["kind"] or c["width"] <= 0 or c["height"] <= 0
            or c["painted"] == 0 or c["error"]]


def charts_drawn(report: list[dict[str, Any]]) -> bool:
    return not chart_problems(report)


def widget_report(page: Any, scope: str = "body") -> list[dict[str, Any]]:
    """One entry per widget output: rendered widget present, problem text if any.

    JupyterLab 4.6 marks no mime type on a widget output; it is the output node whose
    child is the widget (``.jupyter-widgets``), or that still says "Loading widget..." or
    (itself classed ``jupyter-widgets``) "Error displaying widget".
    """
    return page.evaluate(
        """([scope, problems]) => {
            const root = document.querySelector(scope) || document.body;
            const outputs = [...root.querySelectorAll('.jp-OutputArea-output')].filter(el =>
                el.classList.contains('jupyter-widgets')
                || [...el.children].some(c => c.classList.contains('jupyter-widgets'))
                || problems.some(p => (el.textContent || '').trim().startsWith(p)));
            return outputs.map(el => {
                const text = el.textContent || '';
                const widget = [...el.children].find(c => c.classList.contains('jupyter-widgets'));
                const box = widget ? widget.getBoundingClientRect() : {width: 0, height: 0};
                return {
                    rendered: !!widget,
                    visible: box.width > 0 || box.height > 0,
                    classes: widget ? widget.className : el.className,
                    problem: problems.find(p => text.includes(p)) || '',
                    text: text.trim().slice(0, 300),
                };
            });
        }""", [scope, list(WIDGET_PROBLEMS)])


def crowded_options(page: Any, scope: str = "body") -> list[str]:
    """Quiz options (radio buttons, checkboxes) a student cannot read whole: the text runs
    out of its box (cut off, or drawn over the next option), or two options overlap.
    """
    return page.evaluate(
        """(scope) => {
            const root = document.querySelector(scope) || document.body;
            const found = [];
            const boxes = [...root.querySelectorAll(
                ['.widget-radio-box', '.jupyter-widget-radio-box', '.widget-vbox',
                 '.jupyter-widget-vbox'].map(s => '.pkedu-quiz ' + s).join(', '))];
            for (const box of boxes) {
                const items = [...box.children].filter(el => el.matches(
                    'label, .widget-checkbox, .jupyter-widget-checkbox'));
                items.forEach((item, i) => {
                    const text = (item.innerText || '').trim();
                    const label = item.querySelector(
                        '.widget-label-basic, .jupyter-widget-label-basic') || item;
                    if (label.scrollHeight > label.clientHeight + 2
                        || label.scrollWidth > label.clientWidth + 2)
                        found.push(`does not fit its box: ${text}`);
                    const next = items[i + 1];
                    if (next && next.getBoundingClientRect().top
                                < item.getBoundingClientRect().bottom - 1)
                        found.push(`overlaps the next option: ${text}`);
                });
            }
            return found;
        }""", scope)


def widgets_ok(report: list[dict[str, Any]]) -> bool:
    return all(w["rendered"] and not w["problem"] for w in report)


# --------------------------------------------------------------------------- app controls
#
# The apps give every control and result a CSS class pk-<app>-<name> (for example
# pk-explorer-countries); these helpers drive ipywidgets 8 controls the way a person
# does: pick options, type in boxes, edit a slider's number, click buttons.


def squash(text: str | None) -> str:
    """Text with runs of white space made single spaces (as a reader sees it)."""
    return " ".join((text or "").split())


def control(page: Any, app: str, name: str, timeout: float = 15) -> Any:
    """The element with CSS class pk-<app>-<name> (waiting for it to appear)."""
    locator = page.locator(f".pk-{app}-{name}").first
    try:
        locator.wait_for(state="attached", timeout=timeout * 1000)
    except Exception:
        raise AssertionError(f"no control with CSS class pk-{app}-{name} in the page "
                             f"after {timeout:.0f} s") from None
    return locator


def choose(page: Any, app: str, name: str, labels: str | list[str]) -> None:
    """Pick option(s) by their visible label in a Dropdown or SelectMultiple."""
    control(page, app, name).locator("select").select_option(label=labels)


def type_into(page: Any, app: str, name: str, text: str) -> None:
    """Replace a text or number box's content and leave the box (which commits it)."""
    box = control(page, app, name).locator("input")
    box.fill(text)
    box.press("Tab")


def set_slider(page: Any, app: str, name: str, text: str) -> None:
    """Type a value into a slider's number readout, e.g. "2019" or "2005 - 2015"."""
    readout = control(page, app, name).locator(".widget-readout")
    readout.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def slider_text(page: Any, app: str, name: str) -> str:
    return squash(control(page, app, name).locator(".widget-readout").inner_text())


def press(page: Any, app: str, name: str) -> None:
    """Click a button (the class sits on the <button> itself)."""
    control(page, app, name).click()


def toggle(page: Any, app: str, name: str, label: str) -> None:
    """Click the button labelled ``label`` in a ToggleButtons control."""
    buttons = control(page, app, name).locator("button")
    buttons.filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).first.click()


def app_view(page: Any, app: str) -> dict[str, Any]:
    """What an app shows now: headline, message, notes, chart description(s), tracebacks."""
    return page.evaluate(
        """(app) => {
            const one = (sel) => document.querySelector(sel);
            const text = (el) => el ? el.innerText.replace(/\\s+/g, ' ').trim() : '';
            const head = one(`.pk-${app}-headline`);
            const chart = one(`.pk-${app}-chart`);
            const charts = chart ? [...chart.querySelectorAll('.jp-RenderedVegaCommon5')] : [];
            const all = document.body.innerText;
            return {
                present: !!head,
                headline: text(head && head.querySelector('.pk-headline-text')),
                message: text(head && head.querySelector('.pk-message')),
                notes: head ? [...head.querySelectorAll('.pk-notes li')].map(text) : [],
                charts: charts.length,
                chart: charts.length ? (charts[0].querySelector('[aria-label]') || {})
                                       .getAttribute?.('aria-label') || '' : null,
                table: text(one(`.pk-${app}-table`)),
                traceback: /Traceback \\(most recent call last\\)/.test(all),
            };
        }""", app)


def wait_for_view(page: Any, app: str, wanted: dict[str, Any], timeout: float = 30
                  ) -> dict[str, Any]:
    """Wait until the app shows ``wanted`` (a subset of ``app_view``); return the view.

    The comparison is on squashed text. The caller asserts on the returned view, so a
    mismatch reads as a normal assertion message.
    """
    expected = {k: squash(v) if isinstance(v, str) else v for k, v in wanted.items()}

    def matches() -> dict[str, Any] | None:
        view = app_view(page, app)
        return view if all(view.get(k) == v for k, v in expected.items()) else None

    return wait_for(matches, timeout=timeout) or app_view(page, app)
