"""The app notebooks work as web apps in Voila, offline.

Each notebook in notebooks/apps/ is served by Voila (as ``python3 course.py app NAME``
does) and opened in headless Chromium. The page must show its widgets and a drawn
chart, with no error output and no request to another host at all (Voila runs with the
course's template, see pkedu.voila); changing a control must change the chart and the
headline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from .pkbrowser import (
    app_names,
    app_view,
    chart_problems,
    choose,
    press,
    toggle,
    type_into,
    wait_for,
)

pytestmark = pytest.mark.browser

# Per app (CSS class convention pk-<app>-<control>): its CSS prefix, a known starting
# point (the shared page may have been used by other tests), and one simple change. An
# app notebook not listed here is still checked for a clean render.
CHANGES: dict[str, tuple[str, Callable[[Any], None], Callable[[Any], None]]] = {
    "explorer": ("explorer",
                 lambda page: choose(page, "explorer", "countries", ["Indonesia"]),
                 lambda page: choose(page, "explorer", "countries", ["Vietnam"])),
    "reimbursement": ("reimbursement",
                      lambda page: type_into(page, "reimbursement", "size", "100"),
                      lambda page: type_into(page, "reimbursement", "size", "123")),
    "consensus": ("consensus",
                  lambda page: press(page, "consensus", "reset"),
                  lambda page: toggle(page, "consensus", "stance-SGP", "Support")),
    "force_builder": ("force",
                      lambda page: (choose(page, "force", "states", ["Indonesia"]),
                                    type_into(page, "force", "count-IDN-infantry", "1")),
                      lambda page: type_into(page, "force", "count-IDN-infantry", "3")),
}


@pytest.mark.parametrize("name", app_names())
def test_app_notebook_renders_in_voila(name: str, voila_apps: Any) -> None:
    voila = voila_apps.get(name)
    assert not voila.load_problem, voila.load_problem
    assert not voila.errors, f"{name}: error output(s) in Voila:\n" + "\n---\n".join(voila.errors)

    assert voila.widgets, f"{name}: no widget in the Voila page"
    bad = [w for w in voila.widgets if not w["rendered"] or w["problem"]]
    assert not bad, f"{name}: widget(s) not displayed: {bad}\n{voila.browser.diagnostics()}"
    assert voila.charts, f"{name}: no chart in the Voila page"
    bad = chart_problems(voila.charts)
    assert not bad, f"{name}: chart(s) not drawn: {bad}\n{voila.browser.diagnostics()}"

    assert not voila.external_at_load, (
        f"{name}: requests to other hosts while loading (offline there must be none):\n  "
        + "\n  ".join(voila.external_at_load))

    if name not in CHANGES:
        return
    app, start, change = CHANGES[name]
    start(voila.page)
    before = wait_for(lambda: (lambda v: v if v["chart"] and v["headline"] else None)(
        app_view(voila.page, app)), timeout=30) or app_view(voila.page, app)
    assert before["present"] and before["chart"], f"{name}: no headline or chart: {before}"
    change(voila.page)
    after = wait_for(lambda: (lambda v: v if v["chart"] and v["chart"] != before["chart"]
                              and v["headline"] != before["headline"] else None)(
        app_view(voila.page, app)), timeout=30) or app_view(voila.page, app)
    assert after["chart"] and after["chart"] != before["chart"], (
        f"{name}: the chart did not change after a control changed.\nbefore: {before}\n"
        f"after: {after}")
    assert after["headline"] != before["headline"], (
        f"{name}: the headline did not change.\nbefore: {before}\nafter: {after}")
    assert not after["traceback"], f"{name}: a traceback appeared after the change"
    voila.browser.assert_offline()
