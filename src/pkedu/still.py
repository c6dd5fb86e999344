"""Turn an executed notebook's live outputs into still ones, for the website and handouts.

A page read in a browser has no kernel, so two kinds of output need a still form:

* a chart (``application/vnd.vegalite.v5+json``) becomes an SVG picture drawn by
  vl-convert, offline, inside a ``<figure>`` whose caption is the chart's own text
  description (the same text screen readers get as the picture's name);
* an interactive widget (an app or a quiz) becomes a still picture of its first state,
  read from the widget state stored with the notebook: its text, its chart and its
  controls with their starting values, under a note on how to run it live.

What lives here: :func:`still_notebook` and the pieces it uses. What does not: running
the notebook (:mod:`pkedu.site` does that) and building pages.

>>> spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
...         "description": "Two bars.", "mark": "bar",
...         "data": {"values": [{"x": "a", "y": 1}, {"x": "b", "y": 2}]},
...         "encoding": {"x": {"field": "x", "type": "nominal"},
...                      "y": {"field": "y", "type": "quantitative"}}}
>>> html = chart_html(spec)
>>> html.startswith('<figure class="pk-still-chart">'), 'aria-label="Two bars."' in html
(True, True)
>>> "<svg" in html, "<figcaption>Two bars.</figcaption>" in html
(True, True)
"""

from __future__ import annotations

import html as _html
import re
from typing import Any


__all__ = ["VEGALITE", "WIDGET", "chart_html", "widget_html", "still_notebook"]

#: The chart output type pkedu's charts produce.
VEGALITE = "application/vnd.vegalite.v5+json"
#: The output type of a displayed widget.
WIDGET = "application/vnd.jupyter.widget-view+json"
#: The Vega-Lite version vl-convert draws with (the one Altair 5 writes).
_VL_VERSION = "v5_20"
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

_LIVE_NOTE = ("<p class=\"pk-still-note\"><strong>Interactive in the notebook.</strong> This is a "
              "still picture of its first state. Open the notebook (links at the top of the page) "
              "and run it to use it.</p>")


def _svg(spec: dict[str, Any]) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, vl_version=_VL_VERSION)
    # The picture is named by the figure around it; the SVG itself is decoration for readers.
    return re.sub(r"^<svg ", '<svg aria-hidden="true" focusable="false" ', svg.strip(), count=1)


def chart_html(spec: dict[str, Any]) -> str:
    """A chart as an SVG figure captioned with its text description."""
    description = str(spec.get("description") or "A chart.").strip()
    text = _html.escape(description)
    return (f'<figure class="pk-still-chart"><div role="img" aria-label="{text}">{_svg(spec)}</div>'
            f"<figcaption>{text}</figcaption></figure>")


def _output_html(output: dict[str, Any]) -> str:
    data = output.get("data", {})
    if VEGALITE in data:
        return chart_html(data[VEGALITE])
    if "text/html" in data:
        value = data["text/html"]
        return "".join(value) if isinstance(value, list) else str(value)
    if output.get("output_type") == "stream":
        return f"<pre>{_html.escape(str(output.get('text', '')))}</pre>"
    if "text/plain" in data:
        value = data["text/plain"]
        return f"<pre>{_html.escape(''.join(value) if isinstance(value, list) else str(value))}</pre>"
    return ""


def _control(state: dict[str, Any]) -> str:
    label = str(state.get("description") or state.get("placeholder") or "").strip()
    value = state.get("value")
    options = state.get("_options_labels")
    index = state.get("index")
    if options is not None:
        chosen = index if isinstance(index, (list, tuple)) else ([] if index is None else [index])
        picked = [str(options[i]) for i in chosen if isinstance(i, int) and 0 <= i < len(options)]
        listed = "".join(f"<li>{_html.escape(str(o))}</li>" for o in options)
        shown = (f"{_html.escape(', '.join(picked))}" if picked else "<em>nothing chosen yet</em>")
        if len(options) <= 12:
            shown += f'<ul class="pk-still-options">{listed}</ul>'
    else:
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        shown = _html.escape(str(value)) if value not in (None, "") else "<em>empty</em>"
    name = f"{_html.escape(label)}: " if label else ""
    return f'<li class="pk-still-control">{name}{shown}</li>'


def widget_html(model_id: str, models: dict[str, dict[str, Any]], depth: int = 0) -> str:
    """A still HTML picture of one widget and everything inside it.

    ``models`` maps model ids to their stored state (``{"model_name": ..., "state": ...}``).
    Unknown models are skipped; a cycle or a missing child never raises.

    >>> models = {"a": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_b", "IPY_MODEL_c"]}},
    ...           "b": {"model_name": "HTMLModel", "state": {"value": "<b>Hello</b>"}},
    ...           "c": {"model_name": "DropdownModel", "state": {"description": "Country",
    ...                 "_options_labels": ["Brunei", "Cambodia"], "index": 1}}}
    >>> widget_html("a", models)
    '<div class="pk-still-box"><b>Hello</b><ul class="pk-still-controls"><li class="pk-still-control">Country: Cambodia<ul class="pk-still-options"><li>Brunei</li><li>Cambodia</li></ul></li></ul></div>'
    """
    model = models.get(model_id)
    if model is None or depth > 30:
        return ""
    name = str(model.get("model_name", ""))
    state = model.get("state", {})
    if name in ("HTMLModel", "HTMLMathModel", "LabelModel"):
        value = str(state.get("value", ""))
        return value if name != "LabelModel" else f"<p>{_html.escape(value)}</p>"
    if name == "OutputModel":
        return "".join(_output_html(o) for o in state.get("outputs", []))
    if name.endswith("BoxModel") or name in ("AccordionModel", "TabModel", "StackModel"):
        parts, controls = [], []
        for child in state.get("children", []):
            child_id = str(child).removeprefix("IPY_MODEL_")
            child_model = models.get(child_id, {})
            if _is_control(child_model):
                controls.append(_control(child_model.get("state", {})))
                continue
            if controls:
                parts.append(f'<ul class="pk-still-controls">{"".join(controls)}</ul>')
                controls = []
            parts.append(widget_html(child_id, models, depth + 1))
        if controls:
            parts.append(f'<ul class="pk-still-controls">{"".join(controls)}</ul>')
        return f'<div class="pk-still-box">{"".join(parts)}</div>'
    if _is_control(model):
        return f'<ul class="pk-still-controls">{_control(state)}</ul>'
    return ""


def _is_control(model: dict[str, Any]) -> bool:
    name = str(model.get("model_name", ""))
    return name.endswith(("SliderModel", "DropdownModel", "TextModel", "TextareaModel",
                          "SelectModel", "SelectMultipleModel", "CheckboxModel",
                          "ToggleButtonsModel", "RadioButtonsModel", "IntTextModel",
                          "FloatTextModel", "BoundedIntTextModel", "BoundedFloatTextModel",
                          "ComboboxModel", "TagsInputModel"))


def still_notebook(nb: dict[str, Any]) -> dict[str, Any]:
    """Replace every chart and widget output of an executed notebook with still HTML.

    Works on the plain JSON dictionary (as ``json.load`` gives it) and returns it, changed
    in place. Widget state is read from ``metadata.widgets`` and then dropped.

    >>> nb = {"metadata": {}, "cells": [{"cell_type": "code", "outputs": [
    ...     {"output_type": "display_data", "data": {WIDGET: {"model_id": "gone"},
    ...      "text/plain": ["VBox()"]}}]}]}
    >>> out = still_notebook(nb)["cells"][0]["outputs"][0]["data"]
    >>> sorted(out), "Interactive in the notebook" in out["text/html"]
    (['text/html'], True)
    """
    widgets = nb.get("metadata", {}).pop("widgets", {}) or {}
    models = widgets.get(_WIDGET_STATE, {}).get("state", {})
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data")
            if not isinstance(data, dict):
                continue
            if VEGALITE in data:
                output["data"] = {"text/html": chart_html(data[VEGALITE])}
            elif WIDGET in data:
                model_id = str(data[WIDGET].get("model_id", ""))
                picture = widget_html(model_id, models)
                output["data"] = {"text/html": f'<div class="pk-still-widget">{_LIVE_NOTE}'
                                               f"{picture}</div>"}
    return nb
