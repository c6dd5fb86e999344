"""The HTML form of a check's feedback: its mark needs no font, and it reads well aloud.

JupyterLab and Voila show the HTML form. A classroom computer may have no emoji font
(it then draws empty boxes), so the mark of each status is an inline SVG in the status
colour, hidden from screen readers, and the status is there in words.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

import pytest

from pkedu.checks import check, feedback
from pkedu.checks.feedback import STATUSES, Feedback

#: A headline for each status that does not say the status itself (as the capstone's
#: "Added ..." does), and one that does.
HEADLINES = {
    "correct": ("Well done, that is the count.", "Correct!"),
    "incorrect": ("Saved for 'laos-only', but not complete yet:", "Not yet."),
    "unanswered": ("Pick an option first.", "Not answered yet."),
    "recorded": ("Added 'vietnam-2014'.", "Recorded."),
    "unavailable": ("There is no question called 'x'.", "Not checked: the data are missing."),
}


class _Reading(HTMLParser):
    """What a screen reader reads: the text, minus everything inside aria-hidden="true"."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.hidden_depth = 0
        self.svgs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "svg":
            self.svgs.append(found)
        if self.hidden_depth or found.get("aria-hidden") == "true":
            self.hidden_depth += 1
        if tag == "br":  # a void element: no end tag
            self.text.append(" ")
            if self.hidden_depth:
                self.hidden_depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <circle .../>, <path .../>: inside the SVG, hidden and without text

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.text.append(data)


def read(html_text: str) -> _Reading:
    reading = _Reading()
    reading.feed(html_text)
    return reading


def spoken(html_text: str) -> str:
    return re.sub(r"\s+", " ", "".join(read(html_text).text)).strip()


def emoji_in(text: str) -> list[str]:
    """Characters an emoji font would draw: pictographs and symbols, variation selectors."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) == "So" or 0xFE00 <= ord(c) <= 0xFE0F or ord(c) > 0x1F000]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("says_status", [False, True], ids=["plain-headline", "status-headline"])
def test_the_mark_is_an_svg_hidden_from_screen_readers(status: str, says_status: bool) -> None:
    headline = HEADLINES[status][says_status]
    html_text = Feedback("00-demo", status, headline, hint="Hint: count again.")._repr_html_()
    assert not emoji_in(html_text), emoji_in(html_text)
    svgs = read(html_text).svgs
    assert len(svgs) == 1, html_text
    assert svgs[0]["aria-hidden"] == "true" and svgs[0]["focusable"] == "false"
    # Drawn in the status colour, with no picture or font fetched from anywhere.
    assert feedback._COLOURS[status] in html_text
    assert not re.search(r"<img|<image|href=|url\(|@font-face|<use", html_text), html_text


@pytest.mark.parametrize("status", STATUSES)
def test_a_screen_reader_hears_the_status_in_words_once(status: str) -> None:
    words = feedback._LABELS[status]
    plain, saying = HEADLINES[status]
    # A headline that does not say the status gets it in front, read but not shown.
    heard = spoken(Feedback("00-demo", status, plain)._repr_html_())
    assert heard == f"00-demo {words}: {plain}", heard
    # A headline that says it is read as it is, without saying it twice.
    heard = spoken(Feedback("00-demo", status, saying, hint="Hint: look again.")._repr_html_())
    assert heard == f"00-demo {saying} Hint: look again.", heard
    assert heard.lower().count(words.lower()) == 1


def test_the_spoken_label_is_visually_hidden_not_removed() -> None:
    html_text = Feedback("07-verdict-table", "recorded", "Added 'x'.")._repr_html_()
    label = re.search(r'<span style="([^"]*)">Recorded: </span>', html_text)
    assert label, html_text
    style = label.group(1)
    # Hidden from sight only: "display: none" or "visibility: hidden" would hide it from
    # screen readers too.
    assert "position: absolute" in style and "clip: rect(0, 0, 0, 0)" in style
    assert "display" not in style and "visibility" not in style
    assert "position: relative" in html_text  # the box holds the hidden label in place


@pytest.mark.parametrize(("question_id", "answer"), [
    ("00-asean-members", 10), ("00-asean-members", 11), ("00-asean-members", ...),
    ("00-asean-member", 10),
])
def test_real_checks_show_no_emoji_in_html(question_id: str, answer: object) -> None:
    shown = check(question_id, answer)
    html_text = shown._repr_html_()
    assert not emoji_in(html_text) and 'aria-hidden="true"' in html_text
    # The plain-text form (terminals, stored text outputs) keeps its emoji.
    assert emoji_in(repr(shown))
