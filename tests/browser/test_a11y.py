"""Accessibility of the four apps in Voila: axe-core, accessible names, keyboard only.

* **axe-core** (the engine of most accessibility checkers, packaged by
  axe-playwright-python) runs on every app page with the WCAG 2.0/2.1 level A and AA
  rules: no critical and no serious violation may remain. Nothing is excluded: the
  findings in Voila's and the widgets' own markup (unnamed slider handles, an unnamed
  chart menu button, links told apart by colour only) are fixed by the course's Voila
  template (``src/pkedu/voila/templates/pkedu``).
* **Names**: every control in the browser's accessibility tree (the one a screen reader
  reads) has a name.
* **Keyboard**: with the Tab key alone, focus reaches every control of each app; each
  control is then changed with keys only (arrows, Home, typing, Space, Enter) and the
  app's result (headline, message, notes or the chart's description) must change.

The app pages are shared with test_voila.py and test_apps.py (``voila_apps``); every
test here sets, by keyboard, the state it starts from.
"""

from __future__ import annotations

import time

from collections.abc import Callable
from typing import Any

import pytest
from .pkbrowser import (
    app_names, app_view, chart_report, run_all, wait_for, wait_until_executed,
)

pytestmark = pytest.mark.browser

#: The rules run by axe: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Impacts that fail the test.
BLOCKING = {"critical", "serious"}
#: Roles of controls in Chromium's accessibility tree.
CONTROL_ROLES = {"button", "checkbox", "combobox", "listbox", "menuitem", "radio", "searchbox",
                 "slider", "spinbutton", "switch", "tab", "textbox", "togglebutton",
                 "DisclosureTriangle"}
#: The app's CSS prefix (pk-<prefix>-<control>) for each app notebook.
PREFIX = {"explorer": "explorer", "reimbursement": "reimbursement", "consensus": "consensus",
          "force_builder": "force"}
#: Everything a keyboard user can operate inside an app.
FOCUSABLE = (".pk-app input, .pk-app select, .pk-app button, .pk-app textarea, "
             ".pk-app summary, .pk-app [role=slider], .pk-app [contenteditable=true], "
             ".pk-app [tabindex]:not([tabindex='-1'])")
UPDATE_TIMEOUT = 30  # seconds for the kernel to recompute and the page to redraw
MAX_TABS = 400  # Tab presses before giving up (consensus has ~60 stops)


def loaded(voila_apps: Any, name: str) -> Any:
    voila = voila_apps.get(name)
    assert not voila.load_problem, voila.load_problem
    assert not voila.errors, f"{name}: error output(s):\n" + "\n---\n".join(voila.errors)
    return voila


# --------------------------------------------------------------------------- axe-core


@pytest.mark.parametrize("name", app_names())
def test_axe_finds_no_serious_violation(voila_apps: Any, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = loaded(voila_apps, name).page
    page.evaluate(Axe().axe_script)
    results = page.evaluate("(options) => axe.run(document, options)",
                            {"runOnly": {"type": "tag", "values": WCAG_TAGS},
                             "resultTypes": ["violations"]})
    blocking = [f"{v['id']} ({v['impact']}): {v['help']}\n    "
                + "\n    ".join(f"{n['target']}: {n['html'][:200]}" for n in v["nodes"][:5])
                for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{name}: axe-core finds {len(blocking)} critical or serious " \
                         "violation(s):\n" + "\n".join(blocking)
    assert results["testEngine"]["version"], "axe-core did not run"


#: A small notebook with a chart, opened in JupyterLab (the course's Voila template does
#: not apply there).
LAB_NOTEBOOK = "notebooks/apps/explorer.ipynb"
LAB_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def test_charts_in_jupyterlab_have_named_export_actions(jupyter_lab: Any, lab_pages: Any) -> None:
    """In JupyterLab, vega-embed put each chart's actions in a menu whose "..." button (a
    ``summary`` element holding only an icon) had no accessible name (axe-core: summary-name,
    serious). The course's charts now ask vega-embed (through Altair's renderer options) for
    their actions as plain named links: axe-core finds no critical or serious violation in
    the charts, and the export actions are still there."""
    from axe_playwright_python.sync_playwright import Axe

    browser = lab_pages.take(LAB_NOTEBOOK)
    page = browser.page
    try:
        page.locator(f"{LAB_PANEL} .jp-Notebook .jp-Cell").first.wait_for(state="attached",
                                                                          timeout=90_000)
        if LAB_NOTEBOOK not in lab_pages.started:
            assert wait_for(lambda: lab_pages.ready(LAB_NOTEBOOK, page), timeout=90), \
                "no idle kernel"
            run_all(page)
        wait_until_executed(page, 180)
        charts = f"{LAB_PANEL} .vega-embed"
        assert wait_for(lambda: page.locator(f"{charts} .vega-actions a").count() > 0,
                        timeout=30), "no chart with actions in JupyterLab"
        page.evaluate(Axe().axe_script)
        results = page.evaluate(
            "([selector, tags]) => axe.run({include: [[selector]]}, "
            "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            [charts, WCAG_TAGS])
        blocking = [f"{v['id']} ({v['impact']}): {v['help']}: "
                    + "; ".join(str(n["target"]) for n in v["nodes"][:3])
                    for v in results["violations"] if v["impact"] in BLOCKING]
        assert not blocking, "axe-core in JupyterLab's charts:\n" + "\n".join(blocking)
        unnamed = page.evaluate(
            "(s) => [...document.querySelectorAll(s + ' summary, ' + s + ' a')]"
            ".filter(e => !(e.getAttribute('aria-label') || e.textContent).trim()).length",
            charts)
        assert unnamed == 0, f"{unnamed} chart control(s) without a name"
        actions = page.locator(f"{charts} .vega-actions a").all_inner_texts()
        assert {"Save as SVG", "Save as PNG"} <= {a.strip() for a in actions}, actions
        # each chart's files are named after its title, not "visualization (3).png"
        downloads = page.evaluate(
            "(s) => [...document.querySelectorAll(s + ' .vega-actions a[download]')].map(a => a.download)", charts)
        assert downloads and not any(d.startswith("visualization") for d in downloads), downloads
        browser.assert_offline()
    finally:
        try:
            browser.screenshot("lab-chart-actions")
        except Exception as error:  # never hide the test's own failure behind this one
            print(f"no screenshot: {error}")
        page.close()
        jupyter_lab.shut_down_kernels(LAB_NOTEBOOK)


# --------------------------------------------------------------------------- names


def accessibility_tree(page: Any) -> list[dict[str, Any]]:
    """Chromium's full accessibility tree of the page (what assistive technology reads)."""
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


@pytest.mark.parametrize("name", app_names())
def test_every_control_has_an_accessible_name(voila_apps: Any, name: str) -> None:
    page = loaded(voila_apps, name).page
    wait_for(lambda: page.locator(".noUi-handle:not([aria-label])").count() == 0, timeout=10)
    controls = [(node.get("role", {}).get("value"), node.get("name", {}).get("value", ""))
                for node in accessibility_tree(page)
                if not node.get("ignored")
                and node.get("role", {}).get("value") in CONTROL_ROLES]
    assert controls, f"{name}: no control in the accessibility tree"
    unnamed = [role for role, label in controls if not str(label).strip()]
    assert not unnamed, (f"{name}: {len(unnamed)} control(s) without an accessible name: "
                         f"{unnamed}; named: {controls}")
    # Every chart's accessible name is its text description (the chart's key numbers).
    charts = chart_report(page)
    assert charts and all(len(c["description"]) > 40 for c in charts), (
        f"{name}: a chart without a text description as its accessible name: {charts}")
    assert page.locator("#rendered_cells[role=main]").count() == 1, "no main landmark"


# --------------------------------------------------------------------------- keyboard


def focused(page: Any, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)",
                         selector)


def tab_to(page: Any, selector: str) -> None:
    """Press Tab (only Tab) until the focused element matches ``selector``.

    The element is first waited for: a control the kernel has just drawn (the force builder's
    unit boxes after a change of states) may not be on the page yet.
    """
    page.wait_for_selector(selector, state="visible", timeout=UPDATE_TIMEOUT * 1000)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector!r} ({MAX_TABS} presses)")


def tab_walk(page: Any) -> set[str]:
    """Tab through the whole page once; return the ids (data-pk-focus) of what got focus.

    Every focusable element in the apps gets an id first; the walk stops when focus comes
    back to an element already seen.
    """
    page.evaluate("""(sel) => document.querySelectorAll(sel).forEach(
        (el, i) => el.setAttribute('data-pk-focus', String(i)))""", FOCUSABLE)
    seen: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        current = page.evaluate("""() => { const el = document.activeElement;
            return el && el !== document.body ? (el.getAttribute('data-pk-focus') || '?'
                + el.tagName) : ''; }""")
        if current and current in seen and not current.startswith("?"):
            break
        seen.append(current)
    return {s for s in seen if s and not s.startswith("?")}


def operable(page: Any) -> dict[str, str]:
    """The app's visible, enabled controls: {data-pk-focus id: short description}."""
    return page.evaluate("""(sel) => Object.fromEntries([...document.querySelectorAll(sel)]
        .filter(el => !el.disabled && el.getClientRects().length > 0
                      && getComputedStyle(el).visibility !== 'hidden')
        .map(el => [el.getAttribute('data-pk-focus'),
                    (el.closest('[class*="pk-"]') || el).className.match(/pk-[\\w-]+/g)
                        ?.join(' ') + ' ' + el.tagName.toLowerCase()
                        + (el.getAttribute('aria-label') ? ' ' + el.getAttribute('aria-label')
                                                         : '')]))""", FOCUSABLE)


@pytest.mark.parametrize("name", app_names())
def test_tab_reaches_every_control(voila_apps: Any, name: str) -> None:
    page = loaded(voila_apps, name).page
    reached = tab_walk(page)
    controls = operable(page)
    assert controls, f"{name}: no control found"
    missed = {k: v for k, v in controls.items() if k not in reached}
    assert not missed, f"{name}: the Tab key never reaches: {sorted(missed.values())}"


def result(page: Any, app: str) -> tuple[Any, ...]:
    view = app_view(page, app)
    return view["headline"], view["message"], tuple(view["notes"]), view["chart"]


def changes(page: Any, app: str, what: str, keys: Callable[[], None]) -> None:
    """Do ``keys``; the app's result must change (within UPDATE_TIMEOUT)."""
    before = result(page, app)
    keys()
    after = wait_for(lambda: (lambda now: now if now != before else None)(result(page, app)),
                     timeout=UPDATE_TIMEOUT)
    assert after, f"{app}: nothing changed after {what} (still {before})"
    assert "Traceback" not in " ".join(map(str, after)), after
    page.wait_for_timeout(300)  # let the redraw settle before the next key


def press(page: Any, selector: str, *keys: str) -> Callable[[], None]:
    def run() -> None:
        tab_to(page, selector)
        for key in keys:
            page.keyboard.press(key)
    return run


def typed(page: Any, selector: str, text: str) -> Callable[[], None]:
    """Tab to a box, select its content, type ``text`` and leave with Tab."""
    def run() -> None:
        tab_to(page, selector)
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    return run


def test_explorer_by_keyboard(voila_apps: Any) -> None:
    page, app = loaded(voila_apps, "explorer").page, "explorer"
    changes(page, app, "None (Space)", press(page, ".pk-explorer-none", "Space"))
    changes(page, app, "All ten (Enter)", press(page, ".pk-explorer-all", "Enter"))
    changes(page, app, "Home in the country list",
            press(page, ".pk-explorer-countries select", "Home"))
    changes(page, app, "Shift+Down in the country list",
            press(page, ".pk-explorer-countries select", "Shift+ArrowDown"))
    changes(page, app, "Right arrow on the first year",
            press(page, ".pk-explorer-years .noUi-handle-lower", "ArrowRight", "ArrowRight"))
    changes(page, app, "Left arrow on the last year",
            press(page, ".pk-explorer-years .noUi-handle-upper", "ArrowLeft"))
    changes(page, app, "Down arrow on the personnel list",
            press(page, ".pk-explorer-group select", "ArrowDown"))


def test_reimbursement_by_keyboard(voila_apps: Any) -> None:
    page, app = loaded(voila_apps, "reimbursement").page, "reimbursement"
    press(page, ".pk-reimbursement-rate select", "Home")()
    typed(page, ".pk-reimbursement-size input", "100")()
    changes(page, app, "typing a size", typed(page, ".pk-reimbursement-size input", "250"))
    changes(page, app, "typing months", typed(page, ".pk-reimbursement-months input", "9"))
    changes(page, app, "Down arrow on the rate",
            press(page, ".pk-reimbursement-rate select", "ArrowDown"))
    changes(page, app, "typing a national cost",
            typed(page, ".pk-reimbursement-national-cost input", "1800"))
    changes(page, app, "Down arrow on the country",
            press(page, ".pk-reimbursement-country select", "ArrowDown"))
    changes(page, app, "Left arrow on the year",
            press(page, ".pk-reimbursement-year .noUi-handle", "ArrowLeft"))


def test_consensus_by_keyboard(voila_apps: Any) -> None:
    page, app = loaded(voila_apps, "consensus").page, "consensus"
    press(page, ".pk-consensus-reset", "Enter")()
    changes(page, app, "Space on Singapore's Support",
            press(page, ".pk-consensus-stance-SGP button[title$='Support']", "Space"))
    # The template's script marks the pressed button on the next animation frame.
    pressed = page.locator(".pk-consensus-stance-SGP button[title$='Support']")
    deadline = time.monotonic() + 10
    while pressed.get_attribute("aria-pressed") != "true" and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert pressed.get_attribute("aria-pressed") == "true", \
        "the pressed toggle does not say so (aria-pressed)"
    changes(page, app, "Home in a concern list",
            press(page, ".pk-consensus-concern-cost select", "Home"))
    changes(page, app, "Enter on Reset", press(page, ".pk-consensus-reset", "Enter"))


def test_force_builder_by_keyboard(voila_apps: Any) -> None:
    page, app = loaded(voila_apps, "force_builder").page, "force"
    press(page, ".pk-force-states select", "Home")()  # Brunei alone
    press(page, ".pk-force-clear", "Enter")()
    changes(page, app, "typing 2 infantry companies",
            typed(page, ".pk-force-count-BRN-infantry input", "2"))
    changes(page, app, "Up arrow on the engineers",
            press(page, ".pk-force-count-BRN-engineers input", "ArrowUp", "Tab"))
    changes(page, app, "Shift+Down in the states list (adds Cambodia)",
            press(page, ".pk-force-states select", "Shift+ArrowDown"))
    changes(page, app, "Enter on Clear all units", press(page, ".pk-force-clear", "Enter"))
    summary = ".pk-force-units summary"
    press(page, summary, "Enter")()
    assert page.locator(".pk-force-units details").get_attribute("open") is not None, \
        "Enter on 'Unit sizes' did not open the table"
