"""The marks of a check's feedback, drawn by Chromium: visible with no emoji font, silent.

Each status's HTML feedback (what JupyterLab and Voila show) is put into a blank page.
Its mark must be drawn (a 16 x 16 picture whose pixels are mostly the status colour where
not transparent), the page must ask nothing of the network, and the accessibility tree (what
a screen reader reads) must hold the status in words and no picture. The machine these
tests were written on has no emoji font: the emoji of the old marks drew as empty boxes.
A screenshot goes to test-artifacts/screenshots/feedback-marks.png.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pkedu.checks import feedback
from pkedu.checks.feedback import STATUSES, Feedback

pytestmark = pytest.mark.browser

HEADLINES = {"correct": "Correct!", "incorrect": "Saved, but not complete yet:",
             "unanswered": "Not answered yet.", "recorded": "Added 'laos-only'.",
             "unavailable": "There is no question called 'x'."}

#: Draws an element's SVG into a canvas and counts its opaque pixels and those near a colour.
COUNT_PIXELS_JS = """async ([selector, rgb]) => {
    const svg = document.querySelector(selector);
    const box = svg.getBoundingClientRect();
    const image = new Image();
    const text = new XMLSerializer().serializeToString(svg);
    image.src = 'data:image/svg+xml,' + encodeURIComponent(text);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 64; canvas.height = 64;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, 64, 64);
    const data = context.getImageData(0, 0, 64, 64).data;
    let opaque = 0, coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 128) continue;
        opaque += 1;
        const near = Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1])
            + Math.abs(data[i + 2] - rgb[2]) < 60;
        if (near) coloured += 1;
    }
    return {width: box.width, height: box.height, opaque, coloured};
}"""


def rgb(colour: str) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def test_feedback_marks_are_drawn_without_a_font(new_page: Callable[[], Any]) -> None:
    recorded = new_page()
    page = recorded.page
    blocks = "".join(Feedback("00-demo", status, HEADLINES[status])._repr_html_()
                     for status in STATUSES)
    page.set_content(f"<!doctype html><html lang='en'><body><main>{blocks}</main></body></html>")
    recorded.screenshot("feedback-marks")
    for status in STATUSES:
        block = f".pkedu-feedback-{status}"
        drawn = page.evaluate(COUNT_PIXELS_JS, [f"{block} svg", rgb(feedback._COLOURS[status])])
        assert drawn["width"] == 16 and drawn["height"] == 16, (status, drawn)
        # Something is drawn, and most of it in the status colour (the rest is white).
        assert drawn["opaque"] > 64 * 64 * 0.15, (status, drawn)
        assert drawn["coloured"] > drawn["opaque"] * 0.5, (status, drawn)
        # A screen reader hears the words and no picture.
        spoken = page.locator(block).aria_snapshot()
        assert "img" not in spoken, spoken
        assert f"{feedback._spoken(status, HEADLINES[status])}{HEADLINES[status]}" in \
            " ".join(spoken.replace('"', "").split()), spoken
    recorded.assert_offline()
