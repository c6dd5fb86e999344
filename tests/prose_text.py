"""The prose a student or instructor reads, cut into blocks and sentences, and the factual tokens in it.

Used by ``test_prose_numbers.py``. A *document* is one piece of prose with the file it comes from:
the Markdown cells of a notebook (solutions included, code cells left out: their output is computed),
a lesson plan, ``data/README.md``, one text field of one row of ``data/events.csv``, one text of one
self-check question, or one text of one capstone claim. A *block* is a paragraph, a list item or a table
row; a *token* is a number, a spelled-out count, an ordinal or rank, or one of the words that state a
superlative ("first", "only", "most", "never", ...).

>>> [t.text for t in tokens_of(Document("x.md", "Indonesia sent 4,000 troops in 2016, its first."))]
['4,000', '2016', 'first']
>>> [t.text for t in tokens_of(Document("x.md", "About a third more, roughly twice the 4.4% of 2015-2019."))]
['a third', 'twice', '4.4%', '2015-2019']
>>> [t.text for t in tokens_of(Document("x.md", "It was the second-largest, 27th in the world."))]
['second-largest', '27th']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_COUNTS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
           "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
           "thousand million dozen dozens half twice thrice doubled tripled quadrupled").split()
_ORDINALS = ("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "twentieth").split()
_FACT_WORDS = "first only most largest biggest highest lowest never peak peaked record".split()
_NUMBER = r"\d+(?:[,.]\d+)*(?:\s?%|st|nd|rd|th|s\b)?"
_WORD = "|".join(_COUNTS + _ORDINALS + _FACT_WORDS)
TOKEN = re.compile(
    rf"(?:(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-)|(?<![\w.-]))(?:{_NUMBER}(?:\s?(?:-|–|to)\s?{_NUMBER})?"          # 1,234  4.4%  27th  2009-2011
    rf"|(?:a|one|two|three)\s(?:third|quarter|half|fifth)s?\b"        # a third, three quarters
    rf"|(?:{_WORD})(?:-(?:largest|biggest|highest|lowest|most|last|to-last))?"
    rf"(?:\s(?:to|or)\s(?:{_WORD})\stimes)?)(?![\w])",
    re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One piece of prose: the file it comes from (as a claim names it), its text, and where in the file."""

    file: str
    text: str
    where: str = ""
    #: text whose numbers this document takes as given (a question's prompt, for its hints and feedback)
    given: str = ""

    @cached_property
    def blocks(self) -> list[tuple[int, int]]:
        """Spans of paragraphs, list items and table rows."""
        spans, start = [], None
        for m in re.finditer(r"[^\n]*\n?", self.text):
            line = m.group().strip()
            new_item = bool(re.match(r"([-*+]|\d+\.|\|)\s|#", line))
            if not line or new_item:
                if start is not None:
                    spans.append((start, m.start()))
                start = None if not line else m.start()
            elif start is None:
                start = m.start()
            if line.startswith(("|", "#")) and start is not None:
                spans.append((start, m.end()))
                start = None
        if start is not None:
            spans.append((start, len(self.text)))
        return [s for s in spans if s[1] > s[0]]

    def block_at(self, position: int) -> str:
        for start, end in self.blocks:
            if start <= position < end:
                return self.text[start:end]
        return ""

    def sentence_at(self, position: int) -> str:
        """The sentence around ``position``, within its block.

        >>> d = Document("x", "First one, e.g. this. Second 2 here! Third.")
        >>> d.sentence_at(d.text.index("2"))
        'Second 2 here!'
        """
        block = next(((s, e) for s, e in self.blocks if s <= position < e), (0, len(self.text)))
        start, end = block
        for m in _SENTENCE_END.finditer(self.text, start, end):
            if m.end() <= position:
                start = m.end()
            elif m.start() >= position:
                end = m.start() + 1
                break
        return self.text[start:end].strip()


_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)(?<!\bc)(?<!\bNo)[.!?](?=\s+[\"“*(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Token:
    """A factual token: its text, its document and its position there."""

    text: str
    doc: Document
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def sentence(self) -> str:
        return self.doc.sentence_at(self.start)

    def __str__(self) -> str:
        where = f" [{self.doc.where}]" if self.doc.where else ""
        return f"{self.doc.file}{where}: {self.text!r} in: {' '.join(self.sentence.split())[:240]}"


def _blank(text: str, pattern: str, flags: int = 0) -> str:
    """Replace every match by spaces (newlines kept), so positions stay where they were."""
    return re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=flags)


@lru_cache(maxsize=8192)
def hidden(text: str) -> str:
    """The text with what is not prose blanked out: code, URLs, HTML comments, front matter.

    >>> hidden("See `x = 2019` and [the UN](https://un.org/2019) <!-- 3 -->.").split()
    ['See', 'and', '[the', 'UN]', '.']
    """
    text = _blank(text, r"\A---\n.*?\n---\n", re.S)
    text = _blank(text, r"```.*?```", re.S)
    text = _blank(text, r"<!--.*?-->", re.S)
    text = _blank(text, r"`[^`\n]+`")
    text = _blank(text, r"(?<=\])\([^)\s]+\)")
    return _blank(text, r"<?https?://[^\s)>\]]+>?")


def tokens_of(doc: Document) -> Iterator[Token]:
    for m in TOKEN.finditer(hidden(doc.text)):
        yield Token(m.group(), doc, m.start())


# --- where the prose lives ----------------------------------------------------------------------

def markdown_documents() -> list[Document]:
    files = [*sorted((ROOT / "notebooks" / "text").glob("*.md")),
             *sorted((ROOT / "docs" / "lesson-plans").glob("*.md")), ROOT / "data" / "README.md"]
    return [Document(str(f.relative_to(ROOT)), f.read_text(encoding="utf-8")) for f in files]


EVENT_TEXT_FIELDS = ("title", "detail", "article_claim", "dispute_note")


def event_documents() -> list[tuple[Document, bool]]:
    """Each text field of each event, with whether its row names sources."""
    with open(ROOT / "data" / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [(Document("data/events.csv", row[name], f"{row['id']}.{name}"), bool(row["source_urls"].strip()))
            for row in rows for name in EVENT_TEXT_FIELDS if row[name].strip()]


def question_documents() -> list[Document]:
    """Prompts, hints, option labels, feedback, explanations and mistake sentences of every question."""
    from pkedu import questions

    docs = []
    for q in questions.all_questions():
        file = f"src/pkedu/questions/nb{q.notebook}.py"
        texts = [("prompt", q.prompt), ("explanation", q.explanation),
                 *((f"hint{i}", h) for i, h in enumerate(q.hints, 1)),
                 *((f"option[{k}]", v) for k, v in q.options.items()),
                 *((f"feedback[{k}]", v) for k, v in q.feedback.items()),
                 *((f"mistake{i}", m[1]) for i, m in enumerate(q.mistakes, 1))]
        docs += [Document(file, text, f"{q.id}.{name}", "" if name == "prompt" else q.prompt)
                 for name, text in texts if text]
    return [d for d in docs if not d.where.startswith("99-")]


def capstone_documents() -> list[Document]:
    """The capstone's claims (what the article says) and how to test each."""
    from pkedu.capstone import CLAIMS

    return [Document("src/pkedu/capstone/article.py", text, f"{c.id}.{name}", c.claim if name == "test" else "")
            for c in CLAIMS for name, text in (("claim", c.claim), ("test", c.test))]


def python_source_text(snippet: str) -> str:
    r"""A snippet copied from Python source, as the string it builds at run time.

    >>> python_source_text('about 137 troops "\n            "stayed in Haiti')
    'about 137 troops stayed in Haiti'
    """
    return re.sub(r"\"\s*\n\s*f?\"", "", snippet).replace("\\'", "'")
