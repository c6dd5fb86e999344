"""Words the course shares with the world: when a count, an ordinal or a duration is the course's own.

"Two groups", "the first one", "the second half" or "six weeks" may be about the course's material (the class
works in groups, a notebook's first cell, the second half of Exercise 5, a lesson's minutes) or about the
world (Vietnam sent two groups, the first one to deploy, the second half of 2014, within six weeks of a
request). ``prose_rules.py`` matches them with its structural rules and asks :func:`holds_here` whether the
match holds in its sentence.
"""

from __future__ import annotations

import re

from prose_text import Token

#: Nouns that are also words about the world ("Vietnam sent two groups", "1,200 students", "two sources
#: say", "step 2 of the roadmap"): a count of them is the course's only in a sentence about the course's
#: material (:data:`_COURSE_CONTEXT`), never after a verb of what states did (:data:`_WORLD_VERB`).
SHARED_NOUNS = (r"(?:groups?|pairs?|sets?|words?|lines?|numbers?|sources?|readings?|things?|ways?|kinds?|stories"
                 r"|moves?|reasons?|motives?|lessons?|steps?|parts?|points?|marks?|figures?|options?|objectives?"
                 r"|tasks?|sessions|cases?)")
ORD = r"(?:first|second|third)"
NW = r"(?:two|three|four|five)"
#: ordinals of words that may also be about the world ("the first step" of a roadmap, "a first draft" of a
#: treaty, "the first three" states): held only in a sentence about the course's material
ORDINAL_SHARED = (rf"\bthe\s+{ORD}\s+(?:(?:{NW}\s+)?(?:lines?|exercises?|questions?|claims?|sentences?|parts?"
                   r"|steps?|options?|answers?|drafts?|look|things?|sessions?|lessons?)\b"
                   rf"|(?:one|{NW})\b(?!\s+(?:to|who|that|which|of)\b))"
                   r"|\ba\s+first\s+(?:exercise|question|draft)\b")
#: Words of a sentence about the course's material: its exercises, code, charts and tables, the class
#: and its work, the article's argument ("the two sources in this notebook", "in groups of three").
_COURSE_CONTEXT = re.compile(
    r"\b(?:Exercises?\s+\d+|exercises|notebooks?|cells?|code|quiz(?:zes)?|self-checks?|checks?|hints?|charts?"
    r"|rows?|columns?|tables?|below|above|(?:worked|Malaysian)\s+example|model answer|rubric|the brief"
    r"|builder|app"
    r"|lessons?|class|room|students?|pairs?|groups?|homework|at home|in the data|the article's|Jenne|argument"
    r"|claims?|verdicts?|sets?|sentences?|write|written|answers?|read(?: out)?|recommendations?|discussion"
    r"|prompts?|pause|sections?\s+\d+|debate|role play|earns?|deduct|options?|the evidence)\b|`"
    r"|\b\d\d_[a-z_]+\.(?:ipynb|md)\b|\*\*(?:From|To|Title|Date):\*\*",
    re.IGNORECASE)
#: What states did, just before a count ("Vietnam sent two groups", "the centre trained 200 students").
_WORLD_VERB = re.compile(r"\b(?:sent|sends?|deploy(?:ed|s)?|trained|trains?|pledged|pledges?|contribut(?:ed|es?)"
                         r"|served|serves?|provided|provides?|formed|forms?|fielded|dispatched|lost|keeps?|kept)"
                         r"\s+(?:about\s+|some\s+|only\s+|its\s+|their\s+)?\S*$", re.IGNORECASE)
#: Words of a sentence about the class's time: its sessions, plans, exercises and activities.
_CLASS_TIME = re.compile(
    r"\b(?:class(?:es)?|session|lesson|homework|at home|in pairs|pairs|groups|students?|the room|estimated time"
    r"|notebook|Exercises?\s+\d+|sections?|pause|prompts?|plans?\s+for|shorter|longer|allow|add"
    r"|reading|role play|debate|discussion|summary|simulation|competition|draft|present it|fact-check"
    r"|the brief|claims|sets|closing|wrap-up|setup)\b|\b\d\d_[a-z_]+\.(?:ipynb|md)\b", re.IGNORECASE)
#: How world events are timed: "within six weeks", "six hours later", "lasted two hours".
_WORLD_TIME = re.compile(r"\b(?:within|lasted|took|after|over\s+the\s+(?:next|following))\s+(?:about\s+)?\S*$"
                         r"|^\s+(?:later|earlier|ago)\b", re.IGNORECASE)
_SHARED = re.compile(rf"\b{SHARED_NOUNS}\b(?!\s+plans?\b)", re.IGNORECASE)
#: A figure of the course's own brief or notebook: "(Figure 1, UN data)" (not "Figure 1 of the report").
_OWN_FIGURE = re.compile(r"(?-i:Figures?)\s+\d")


def _context(m: re.Match[str], token: Token) -> tuple[str, str, str]:
    """The token's sentence before the match, the sentence with the match left out, and after the match."""
    text = token.doc.text
    sentence = token.sentence
    s = text.find(sentence, max(0, token.start - len(sentence)))
    s = s if 0 <= s <= token.start else token.start
    e = s + len(sentence)
    before, after = text[s:max(s, m.start())], text[min(e, m.end()):e]
    return before, before + " " + after, after


def holds_here(name: str, m: re.Match[str], token: Token) -> bool:
    """Whether a rule's match holds in its sentence: a count of a noun that may be the world's
    (:data:`SHARED_NOUNS`, :data:`ORDINAL_SHARED`) only in a sentence about the course's material and
    not after what a state did; a duration only in a sentence about the class's time, never timed like an
    event ("within six weeks").

    >>> from prose_rules import structural_rule
    >>> from prose_text import Document, tokens_of
    >>> def rule(text): return [structural_rule(t) for t in tokens_of(Document("x.md", text))]
    >>> rule("Vietnam sent two groups."), rule("Sort the states into three groups in Exercise 3.")[0]
    ([None], 'structural: count of course elements')
    >>> rule("The force arrived within six weeks."), rule("Exercise 3 in pairs (5 minutes).")[1]
    ([None], 'structural: time')
    """
    if name in ("course element", "count of course elements") and _SHARED.search(m.group()):
        own_figure = _OWN_FIGURE.match(m.group()) and not re.match(r"\s+(?:of|in|from)\b", _context(m, token)[2])
        if own_figure or (re.search(r"\boptions\b", m.group(), re.IGNORECASE)
                          and token.doc.file.startswith("src/pkedu/questions/")):
            return True  # "(Figure 1)" of the course's brief, not "Figure 1 of the UN report"; a question's options
        if (token.doc.file.startswith("docs/lesson-plans/")
                and re.match(r"(?:groups|teams)\s+of", m.group(), re.IGNORECASE)
                and re.search(r"(?:^|\bin\s+|[.:;]\s*)$", _context(m, token)[0])):
            return True  # a lesson plan's class organisation: "Groups of three build ...", "in groups of three"
        before, rest, _ = _context(m, token)
        return bool(_COURSE_CONTEXT.search(rest)) and not _WORLD_VERB.search(before)
    if name == "numbers in words about numbers" and re.fullmatch(ORDINAL_SHARED, m.group(), re.IGNORECASE):
        return bool(_COURSE_CONTEXT.search(_context(m, token)[1]))
    if name == "time" and not m.group().startswith("|"):
        before, rest, after = _context(m, token)
        in_brackets = bool(re.search(r"\(\s*(?:about\s+)?$", before))
        return ((in_brackets or bool(_CLASS_TIME.search(rest)))
                and not _WORLD_TIME.search(before) and not _WORLD_TIME.search(after))
    return True
