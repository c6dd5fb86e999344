"""What a question asks, and what a hint or feedback repeats of it: the two rules of ``prose_rules.py`` that
look inside a question.

A question put to the reader states nothing in what it asks (its question clause, the time or condition it
asks about, the options it offers), but it does state what it takes for granted: a parenthesis, an appositive,
an opening phrase (:func:`asked_spans`). A hint, a feedback or an explanation may repeat a covered token of its
question's prompt in the same role (:func:`repeats_in_the_same_role`), not the same number stating another fact.

>>> q = "Among the five states with more than 250 personnel in July 2025, which had the most women?"
>>> [q[s:e].strip() for s, e in asked_spans(q)]
['which had the most women?']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prose_text import Token, hidden

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
#: the parts of a question: runs of text between commas, colons, semicolons and dashes (a comma inside a
#: number such as 4,000 does not split), and each parenthesis on its own
_PART = re.compile(r"\([^()]*\)|(?:[^,:;()–—]|,(?=\d)|\(\))+")
#: a part that asks: it holds a question word, or opens with a verb that opens a yes-no question
_ASKING = re.compile(r"\b(?:what|which|who|whom|whose|where|why|how)\b|\bwhen\s+(?:is|are|was|were|do|does|did|"
                     r"can|could|would|will|should|has|have|had)\b|^\W*(?:is|are|was|were|do|does|did|can|could|"
                     r"would|will|should|has|have|had|may|might|must)\b", re.IGNORECASE)
#: a part set apart from the asking clause that still belongs to it: a time or a condition it asks about
#: ("In December 2019, which ...", "... , at the July 2018 rate,", "if every peacekeeper were ...")
_FRAME = re.compile(r"^\W*(?:in|on|at|since|from|for|by|between|until|during|after|before|over|through|if|suppose"
                    r"|imagine)\b", re.IGNORECASE)
#: the next item of a list ("about 5, about 50 or about 500", "Bamiyan (Afghanistan) and Iraq in 2017")
_LIST = re.compile(r"^\W*(?:or|and|than|about|nor)\b", re.IGNORECASE)
#: after the asking clause, a part that carries it on ("Which force, the one that ..., came first?"): it opens
#: with a word in lower case that is no article or pronoun (not an appositive: ", the first resolution ...",
#: ", with more than twice ...", ", November 1990")
_GOES_ON = re.compile(r"^\s*(?!(?:the|a|an|its|their|his|her|with|whose|one|both|each|all|some|most|which|who|that)\b)"
                      r"[a-z]")


def asked_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of a question that ask (their numbers and words like "first" state nothing).

    A question is cut at commas, colons, semicolons, dashes and parentheses. A part asks when it holds the
    question word ("which", "how", "did ...") or opens with the time or condition asked about ("In December
    2019,", "if every peacekeeper ..."); after the question word, a part that opens with a verb in lower case
    carries the question on ("..., came first?"); after a colon that follows the question, the options it asks
    between are asked ("Which would you trust more: a rising share of women, ..., or the record of ..."); the
    next item of a list ("..., or about 500") has the status of the item before it. Every other part states
    what the question takes for granted, and its numbers count: a parenthesis (unless it only writes the month
    just named as code does, "December 2019 (2019-12)"), an appositive (", the first resolution Indonesia
    drafted,", ", with more than twice ...", ", November 1990") and an opening phrase such as "Among the five
    states with more than 250 ...," or "When Indonesia chaired the Council in May 2019,". A question with no
    question word (a heading "Brunei: 1993 or 2008?") asks all of it but its parentheses.

    >>> q = "What is resolution 2538 (August 2020), the first resolution Indonesia drafted, about?"
    >>> [q[s:e].strip() for s, e in asked_spans(q)]
    ['What is resolution 2538']
    >>> q = "In December 2019 (2019-12), which mission had the most?"
    >>> [q[s:e].strip() for s, e in asked_spans(q)]
    ['In December 2019', '(2019-12)', 'which mission had the most?']
    """
    parts = [(m.start(), m.end(), m.group()) for m in _PART.finditer(sentence)]
    if not any(_ASKING.search(p) for _, _, p in parts if not p.startswith("(")):
        return [(s, e) for s, e, p in parts if not p.startswith("(") or _repeats_month(sentence, s, p)]
    spans, last_asks, asked_yet, options = [], False, False, False
    for s, e, p in parts:
        asked_yet = asked_yet or bool(_ASKING.search(p))
        if p.startswith("("):
            if _repeats_month(sentence, s, p):
                spans.append((s, e))
            continue
        options = options or (last_asks and sentence[:s].rstrip().endswith(":"))
        if _ASKING.search(p) or options:  # the question, or the options it asks between after a colon
            asking = True
        elif _LIST.match(p):  # the next item of a list has the status of the item before it
            asking = last_asks
        else:
            asking = bool(_FRAME.match(p) or (asked_yet and _GOES_ON.match(p))
                          or (sentence[s - 1:s] == ")" and last_asks))  # the clause goes on after a parenthesis
        if asking:
            spans.append((s, e))
            last_asks = True
        else:
            last_asks = False
    return spans


def _repeats_month(sentence: str, start: int, part: str) -> bool:
    """The parenthesis writes the month named just before it as code does: "December 2019 (2019-12)"."""
    m = re.fullmatch(r"\(\s*(\d{4})-(\d\d)\s*\)", part)
    before = re.search(r"\b([A-Za-z]+)\s+(\d{4})\s*$", sentence[:start])
    return bool(m and before and before.group(1).lower() in _MONTHS
                and (int(m.group(1)), int(m.group(2))) == (int(before.group(2)),
                                                           _MONTHS.index(before.group(1).lower()) + 1))


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z\d]*$")


def neighbours(token: Token) -> set[tuple[str, str]]:
    """The words right before and right after a token: what it is a number of, or when.

    >>> from prose_text import Document, tokens_of
    >>> sorted(neighbours(next(tokens_of(Document("x", "In December 2019 (2019-12), who led?")))))
    [('after', '2019'), ('before', 'december')]
    """
    text = hidden(token.doc.text)
    found = set()
    before = _WORD_BEFORE.search(text[max(0, token.start - 40):token.start].split("\n")[-1])
    after = re.match(r"[^A-Za-z\d\n]*([A-Za-z]+|\d{4})", text[token.end:token.end + 40])
    if before:
        found.add(("before", before.group(1).lower()))
    if after:
        found.add(("after", after.group(1).lower()))
    return found


#: a period of the prompt named as a row, a total or a chart of the data: "the 2019 total", "the 2015 ranking chart"
_PERIOD_LABEL = re.compile(r"\s+(?:total|totals|average|averages|row|rows|items|figure|figures|ranking|data)\b")
#: a sentence that restates the question: "the question asks for December 2019"
_RESTATES = re.compile(r"\b(?:the|this) question asks\b", re.IGNORECASE)


def repeats_in_the_same_role(token: Token, covered: Iterable[Token]) -> bool:
    """A hint's or feedback's token repeats one of ``covered`` (its prompt's tokens with the same text that are
    themselves covered: the question asks them, or a claim proves them) in the same role: with the same word
    right before or after it ("December 2019" for "December 2019"), as a month written as code ("2019-12"), as
    the label of the prompt's period in the data ("the 2019 total", "the 2015 ranking chart"), or in a
    sentence that restates the question ("the question asks for 2019"). The same year stating another fact
    ("Indonesia made the 2004 proposal", "In May 2011 the ministers endorsed ...") is no repeat.

    >>> from prose_text import Document, tokens_of
    >>> prompt = list(tokens_of(Document("x", "How many did Cambodia have in December 2019?")))
    >>> doc = Document("x", "December 2019 alone; take the 2019 total. Cambodia first sent troops in 2019.")
    >>> [repeats_in_the_same_role(t, prompt) for t in tokens_of(doc)]
    [True, True, False, False]
    """
    covered = list(covered)
    if not covered:
        return False
    text = hidden(token.doc.text)
    if (re.fullmatch(r"\d{4}-\d\d", token.text) or _RESTATES.search(token.sentence)
            or (re.fullmatch(r"\d{4}", token.text) and _PERIOD_LABEL.match(text, token.end)
                and text[max(0, token.start - 4):token.start].lower().endswith("the "))):
        return True
    mine = neighbours(token)
    return any(neighbours(t) & mine for t in covered)
