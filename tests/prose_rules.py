"""Which factual tokens of the prose are covered, and by which rule.

A token is covered when (a) a claim (``prose_claims_*.py``) names its file and a snippet containing
it, (b) it is sourced (a link in its sentence or table row, or in the bracketed citation right after it; a
source in its events row; or a
quotation of the article, which ``test_prose_numbers.py`` checks against the article text), (c) it is
structural (one of :data:`STRUCTURAL`, searched in the token's line, or of :data:`PARAGRAPH_RULES`, whose
words may run over a line break), or (d) it is in the allowlist of ``test_prose_numbers.py``.
Words like "first" or "only" count only in a sentence about the world (:func:`about_the_world`).
Words the course shares with the world hold as structural only where their sentence is about the course
(``prose_shared_words.holds_here``): a count of groups, pairs, sources, lines, steps ... (:data:`SHARED_NOUNS`) or an
ordinal of "one", "half", "step", "session" ... (:data:`ORDINAL_SHARED`) only in a sentence about the
course's material and not after what a state did ("Vietnam sent two groups", "the second half of 2014" and
"the first one to deploy" are facts), and a duration only of the class's work ("within six weeks" is a fact).
A question covers only what it asks, not what it takes for granted (:func:`asks`); a hint or feedback
repeats its prompt's token only in the same role (:func:`given_in_the_question`); both are defined in
``prose_questions.py``.

>>> from prose_text import Document, tokens_of
>>> doc = Document("x.md", "Run Exercise 3 first (10 minutes). Indonesia sent 4,000 troops in 2016.")
>>> [(t.text, rule_of(t, [], ())) for t in tokens_of(doc) if counts(t)]
[('3', 'structural: course element'), ('10', 'structural: time'), ('4,000', None), ('2016', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from prose_questions import asked_spans, repeats_in_the_same_role
from prose_text import Document, Token, hidden, python_source_text, tokens_of
from prose_shared_words import NW, ORD, ORDINAL_SHARED, SHARED_NOUNS, holds_here

# --- (c) structural: what the course says about itself, never about the world --------------------

# Nouns only the course uses with a count ("Exercise 3", "three sentences", "two charts"), and the nouns it
# shares with the world (prose_shared_words.SHARED_NOUNS: "two groups"), which hold only in a sentence about
# the course's material
_COURSE_NOUNS = (r"(?:exercises?|sections?|pauses?|prompts?|questions?|claims?|cells?|notebooks?|lesson plans?"
                 r"|charts?|columns?|rows?|tables?|boxes?|apps?|hints?|sentences?|paragraphs?|bullet points?"
                 r"|answers?|verdicts?|slides?|handouts?|tabs?|blanks?|checks?|self-checks?|quizz?e?s?|habits?"
                 r"|skills?|minute|session|{shared})")
_COURSE_NOUNS = _COURSE_NOUNS.format(shared=SHARED_NOUNS)
_N = r"(?:\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|twenty)"
# a count of the course's own things is never a year ("January 2014 figures" is a date)
_NC = r"(?:\d{1,3}(?!\d)[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|twenty)"
_CLOCK = r"\d{1,3}(?::\d\d)?"
STRUCTURAL: dict[str, re.Pattern[str]] = {name: re.compile(pattern, re.IGNORECASE | re.MULTILINE) for
                                          name, pattern in {
    # "Exercise 3", "section 9", "notebooks 00-03", "Step 2", "claims 1 and 2", "Lesson plan 02"
    "course element": rf"\b{_COURSE_NOUNS}\s+{_N}(?:\s*(?:,|and|or|to|-|–)\s*{_N})*\b",
    # stated times of the class's work: "55 minutes", "a 15-minute role play", "minute 28", "allow 90 if",
    # "Two sessions"; held only in a sentence about the class (:data:`_CLASS_TIME`), so "within six weeks",
    # "six weeks later" or "for two hours the patrol ..." stay facts (weeks are never the course's)
    "time": r"\ballow\s+\d+(?=\s+(?:minutes?|min\b|if\b))|"
            rf"\b{_N}(?:\s*(?:-|–|to|or|and|,)\s*{_N})*[\s-]+(?:minutes?|min|hours?|sessions?|class(?:es)?)\b"
            r"|\bminutes?\s+\d+(?:\s*[-–]\s*\d+)?|^\|\s*\d{1,2}:\d\d\s*[-–]\s*\d{1,2}:\d\d\b"
            # "present it in 90 seconds"
            rf"|\b{_N}\s+seconds\b",
    # "three sentences", "one or two lines", "12 claims", "the first two exercises"
    "count of course elements": rf"\b{_NC}(?:\s*(?:or|to|-|–)\s*{_NC}|,\s+{_NC})?\s+(?:short\s+|more\s+|new\s+"
                                rf"|written\s+|of\s+the\s+|other\s+|model\s+|main\s+)?(?!steps?\b){_COURSE_NOUNS}\b"
                                # "Three of these are columns", "two pieces of evidence", "Groups of three"
                                rf"|\b{_N}\s+of\s+(?:these|them|those)\s+(?:are|were)\s+{_COURSE_NOUNS}\b"
                                rf"|\b{_N}\s+pieces?\s+of\s+evidence\b|\b(?:groups|teams)\s+of\s+{_N}\b"
                                # the course's steps: "the argument in five steps", "Three steps find the year"
                                rf"|\b(?:argument|argues|article)\s+in\s+{_NC}\s+steps\b|\bthe\s+{_NC}\s+steps\b"
                                rf"|(?-i:One|Two|Three|Four|Five)\s+steps\s+(?:find|give|show|compute)\b"
                                # which rows or figure code picks: "keep the 2025-07 rows", "reads the 2021 figure"
                                r"|\b(?:keep|pick|take|select)\s+the\s+\d{4}(?:-\d\d)?\s+rows?\b"
                                r"|\breads\s+the\s+\d{4}\s+figure\b",
    # ASEAN has ten members (data.ASEAN10; test_prose_numbers checks the count)
    "ASEAN's ten members": r"\b(?:the|all|ASEAN's|its|of|among|ten)\s+(?:ten\s+)?(?:ASEAN\s+)?(?:member\s+)?"
                           r"(?:states|members|countries)\b(?!['’])|\bten\s+(?:ASEAN\s+)?(?:member\s+)?(?:states|members|countries)\b(?!['’])"
                           r"|\b(?:all|of the|the) ten\b(?!\s+(?:largest|biggest|top|highest|most|years|months))",
    # notebook numbers (00 to 07, 99 for the demo) and learning objectives (02.1)
    "notebook or objective": r"(?<![\d,.])(?:0[0-7]|99)(?:\.\d+)?(?:\s?(?:-|–|to|and)\s?(?:0[0-7])(?:\.\d+)?)?\b",
    # code in a question's text: "by_year.loc[2024, 'ASEAN']", "ranking(contributions, '2019-01', top=5)"
    # and what a slice does: "[:4] keeps its first four characters"
    "code": r"\b[A-Za-z_][\w.]*\[[^\]\n]*\]|\b[a-z_]+=\s*'?\d[\d-]*'?|(?<![\w\]])\[-?\d*:-?\d*\]"
            rf"|\b(?:first|last)\s+{_N}\s+(?:characters|letters|digits)\b",
    # numbers that open a heading or a numbered list item ("## 3.", "1. ", "| 2. ", "(a) ")
    # ("## 3. Step 1: who takes part" numbers the article's steps as the course does)
    "heading or list number": r"^(?:#+\s+(?:Lesson plan\s+|Part\s+)?[\d.]+(?:\s+Steps?\s+\d(?:\s+and\s+\d)?(?=:))?"
                              r"|\s*\d{1,2}\.\s)|\|\s*\d+\.\s|\((?:\d|[a-h])\)\s",
    # a lesson plan's timings row: "| 0-5 |", "| 5-15 min |", "| 0:00-0:05 |", and the section number
    # that opens its next cell ("| 20-28 | 4. The data", "| 0-5 | Introduction, 1. The claim", "| 18-50 | 3-6. ...")
    "timings row": rf"^\|\s*{_CLOCK}\s*[-–]\s*{_CLOCK}\s*(?:min(?:utes)?\.?\s*)?\|"
                   r"(?:\s*(?:Introduction,\s*)?\d+(?:\s*[-–]\s*\d+)?\.(?=\s))?",
    # formats shown as examples: "e.g. 12.5", "like '2005-05'", "(in per cent, 0-100)"
    # single quotes count only after words that introduce an example, or around a month or number as code
    # writes it ('2019-12', start='2020-01', .loc['2019-12-01']); an apostrophe is not a quotation mark
    "example format": r"\be\.g\.,?\s+\S+|\b(?:like|e\.g\.,?|type|write|answer|enter|as|format)\s+'[^'\n]*'"
                      r"|(?<![\w'])'(?:\d{4}-\d\d(?:-\d\d)?|\d[\d.]*)'(?![\w'])|\b0\s?(?:-|–|to)\s?100\b"
                      r"|\bper cent, (?:e\.g\.|like)\s+\S+|\bbetween 0 and 1\b|\b(?:in|as) two digits\b"
                      # "(a number such as 12.5)", "The answer is a year, a number such as 1990."
                      r"|\b(?:a|an)\s+(?:number|year|value|share|month|date|answer)\s+such as\s+\d[\d.,]*"
                      # "try the calculator once with an 850-strong unit"
                      r"|\btry\b[^.;:!?\n]{0,40}?\bwith\s+(?P<tried>(?:an?\s+)?\d[\d,]*(?:-strong)?)",
    # arithmetic the reader is told to do: "times 100", "x 100", "multiply its share by 100", "divide by 12",
    # "Multiply by 12 months", "× 12 months", "100 times too big", "0.25 is 25 per cent", "(new / old - 1)"
    "arithmetic": r"\b(?:times|x)\s+100\b|×\s*100\b|[×x]\s+12\s+months\b"
                  r"|\b(?:multiply|multiplied|multiplying|divide|divided|divides|dividing)\b"
                  r"(?:\s+(?:it|them|its|the|their|this|that|result|share|number|average|answer|sum|total)){0,3}"
                  r"\s+by\s+(?:100|12|twelve)(?:\s+months)?(?:\s+twice)?\b"
                  r"|\b(?:100|ten|10|twelve|12)\s+times\s+too\s+(?:big|much|large|small|many|high|low)\b"
                  r"|\b0\.(\d\d)\s+is\s+\1\s*(?:per cent|%)|\(\s*(?:new|\d{4})\s*/\s*(?:old|\d{4})\s*-\s*(?P<one>1)\s*\)",
    # a year has twelve months: "the sum of the twelve months", "all twelve months of 2019"
    "the months of a year": r"\b(?:all|the)\s+(?:twelve|12)\s+months\b",
    # how long to compute over, in an instruction: "try the calculator ... for 12 months", "average over the
    # last 12 months" (not "Indonesia stayed for 12 months")
    "duration in an instruction": r"\b(?:compute|calculate|average|sum|add up|take|use|try|run|demo|count)\b"
                                  r"[^.;:!?\n]{0,60}?\b(?:for|over|of|in)\s+(?P<months>(?:the\s+)?(?:(?:last|past|first|next)\s+)?"
                                  rf"{_N}\s+months)\b",
    # a threshold that defines what to count: "how many members had more than 500", "keep the rows whose
    # total is above 100", "at least 3 months", "window['total'] >= 3000" (not "never had more than 500")
    "threshold in an instruction": r"(?:(?:^|(?<=[-.:;!?*(]\s)|\b(?:and|then|to)\s+)(?:keep|count|select|filter)"
                                   r"|\bhow many|\bis True for|\brows?\s+(?:where|whose))\b[^.;:!?\n]{0,80}?\b(?P<threshold>(?:more than|above|at least|over|below"
                                   r"|under|fewer than|less than|at or above|at or below)\s*\**\s*\d[\d,]*)"
                                   r"|[\])]\s*(?:>=?|<=?|==)\s*\d[\d,]*",
    # an invented case: "if a country sent 500 ...", "Suppose six of ten supporters were enough",
    # "A claim says a country first sent peacekeepers in 1958", "A state with four observers cannot ..."
    "hypothetical": r"\b(?:if|suppose|imagine|say)\s+(?:that\s+)?(?:a|an|one|some|any)\s+(?:country|state|member"
                    r"|contributor|unit|battalion|mission|government|force)\b[^,.;:!?\n]*|\bsuppose\b[^,.;:!?\n]*"
                    r"|\b(?:a|an)\s+(?:claim|source|report|news site|website)\s+(?:says|said|claims|writes|reports)\s+"
                    r"(?:that\s+)?(?:a|an|one|some)\s+(?:country|state)\b[^,.;:!?\n]*"
                    r"|(?:^|(?<=[-.:;!?*]\s))(?-i:A|Any)\s+(?:state|country)\s+with\s+(?:only\s+)?"
                    r"(?:\d+|one|two|three|four|five|a few)\s+\w+",
    # the article itself: its date and its author's year, said of the article ("Jenne (2019)", "her 2019
    # article", "The article was written in early 2019"); a bare "(2019)" or "a January 2019 article" is not
    "the article's date": r"\b9 April 2019\b|\bJenne(?:'s)?,?\s*\(?2019\)?|\b(?:her|Jenne's)\s+2019\s+article\b"
                          r"|\b(?:article|her)\s+\(2019\)|\bin 2019 (?:she|the article|Jenne)"
                          r"|\b(?:Jenne|she|the author)\s+(?:wrote|writes|was writing)\s+in\s+(?:early\s+)?2019\b"
                          r"|\bthe article was (?:written|published) in (?:early |April )?2019\b"
                          r"|\bwriting in (?:early )?2019, (?:Jenne|she|the author)\b",
    # ordinals of the course's own things: "the second cell", "the first two lines below", "the second
    # part of Exercise 2", "a first chart", "the first-deployments chart"; "one", "half", "part" or a bare
    # count only of the course's material ("the second half of 2014" and "the first one to deploy" are
    # facts), and the words of :data:`ORDINAL_SHARED` only in a sentence about the course's material
    "numbers in words about numbers": rf"\bthe\s+(?:very\s+)?{ORD}\s+(?:{NW}\s+)?"
                                      r"(?:rows?|columns?|cells?|charts?|tables?|tabs?|hints?|month in the data)\b"
                                      rf"|\bthe\s+{ORD}\s+(?:{NW}\s+)?lines?\s+(?:below|above"
                                      r"|of\s+(?:the\s+)?(?:code|cell|worked example|\w+\s+example))\b"
                                      rf"|\bthe\s+{ORD}\s+(?:half|part|one)\s+of\s+(?:Exercise\s+\d+"
                                      r"|the\s+(?:exercise|notebook|lesson|session|question|chart|table))\b"
                                      rf"|{ORDINAL_SHARED}|\bfirst month in the data\b"
                                      # "a first chart", "a third thing", "the first-deployments chart"
                                      r"|\ba\s+first\s+(?:chart|look|try)\b"
                                      r"|\ba\s+(?:second|third)\s+(?:thing|factor|cause|explanation)\b"
                                      r"|\bthe\s+(?P<named>first)-[a-z]+\s+(?:chart|table|column)\b",
    # ordinals that number what follows, opening a sentence: 'First: "..."', 'Second, that ...',
    # '**Exercise 2.** First the data:' (not "First, Cambodia deployed in 2006")
    "ordinal enumerator": r"(?:^|(?<=[.:!?\"”*]\s))(?-i:First|Second|Third|Fourth)"
                          r"(?=:\s*[\"“]|,\s+that\b|\s+the\s+data:)",
    # the course numbers the article's argument in steps (notebook 03): "the article's third step"
    "the article's steps": r"\bthe\s+article's\s+(?:first|second|third|fourth|fifth|last)\s+step\b",
    # a term and its definition ("**First contribution**: the first month ...", "**Binational contingent**:
    # ... two countries"), and a word in quotation marks, which is the word itself ('"first" depends on')
    "a term being defined": r"^\s*[-*]\s+\*\*(?P<term>(?-i:First|Last)\s[^*\n]*)\*\*:"
                            r"\s+the\s+(?P<def>first|last)\s+month\b"
                            r"|^\s*[-*]\s+\*\*(?:Binational|Bilateral)\b[^*\n]*\*\*:[^\n]*?\b(?P<bi>two)\s+countries\b"
                            r"|[\"“](?:first|only|most|second)[\"”]",
    # the name of a standard: "ISO 3166"
    "a standard's name": r"\bISO\s+(?P<iso>3166)\b",
}.items()}

#: Rules whose words may run over a line break: searched in the token's paragraph, list item or table row
#: (each pattern stops at a sentence's end, so a match stays inside one sentence or clause).
PARAGRAPH_RULES: dict[str, re.Pattern[str]] = {name: re.compile(pattern, re.IGNORECASE | re.MULTILINE) for
                                               name, pattern in {
    # a lesson plan's "**Two sessions.** Sections 1-4 in the first (...), sections 5-8 ... in the second."
    "sessions of a lesson": r"^\*\*Two sessions\.\*\*[^.!?]*?\bin\s+the\s+(?P<s1>first)\b"
                            r"[^.!?]*?\bin\s+the\s+(?P<s2>second)\b",
    # how the class works: "half the room argues ..., the other half ...", "half a page", "a line or two",
    # "a two-sentence news item", "(three dots)"
    "how the class works": r"\b(?P<h1>half)\s+the\s+(?:room|class)\b[^.;!?]*?\bthe\s+other\s+(?P<h2>half)\b"
                           r"|\bhalf\s+a\s+page\b|\ba\s+line\s+or\s+two\b"
                           rf"|\b{_N}-(?:sentence|paragraph|page|word|line)\b|\(three dots\)|\bthe three dots\b",
    # marking guidance: "a good answer makes at least two:", "combine two.", "has mixed the two up",
    # "separates the two goals"
    "marking guidance": r"\bmakes\s+at\s+least\s+(?:two|three)\s*:|\bcombine\s+two\s*\.|\bmixed\s+the\s+two\s+up\b"
                        r"|\bseparates\s+the\s+two\s+(?:goals|definitions|measures|questions)\b",
    # what an exercise asks for, in the imperative: "find Cambodia's first month with experts", "Find when each
    # state first had", "Ask them to define ... first" (not "we find that Cambodia first ...", nor a "first"
    # after the instruction: "find the last year: not the first year ..."); "find" and its "first" stay in one
    # clause (no colon, semicolon or sentence end between them) and at most 40 characters apart
    "what an exercise asks for": r"(?:^|(?<=[.:!?*,]\s)|\bto\s+|\band\s+)find\b[^.;:!?|]{0,40}?\b(?P<f1>first)\b"
                                 r"(?:[^.;:!?|]{0,40}?\b(?P<f2>first)\b)?"
                                 r"|\b(?:ask|tell)\s+(?:them|students|the class)\s+to\b[^.;|]{0,60}?\b(?P<ask>first)\b"
                                 r"|\b(?:questions?:|about\b[^.;|]{0,80}?\band)\s+(?:when|which|who)\b[^.;:|]{0,60}?"
                                 r"\b(?:send|sent)\s+the\s+(?P<most>most)\b",
    # a recommendation's own wording: "a small, voluntary first step", "should agree by 2027"
    "a recommendation's wording": r"\b(?:a|an)\s+(?:[a-z]+,?\s+){0,3}(?P<step>first)\s+step\b"
                                  r"|\bshould\s+(?:agree|decide|commit|sign|start|begin|form|build|deploy)\b"
                                  r"[^.;|]{0,80}?"
                                  r"\bby\s+(?P<deadline>20\d\d)\b"
                                  # "We recommend that ... set up ... before 2027": the deadline it proposes
                                  r"|\bwe\s+recommend\s+that\b[^.;|]{0,160}?\b(?:before|by)\s+(?P<proposed>20\d\d)\b",
    # a general argument: "a government that has decided to deploy will build a centre first",
    # "If money were the main motive, the states with the lowest costs would send the most"
    "a general argument": r"\b(?:a|any)\s+(?:government|state|country)\s+that\s+(?:has|had)\s+"
                          r"(?:already\s+)?decided\b[^.;:!?]*"
                          r"|\bif\s+[^,.;]{0,30}?\s+were\s+the\s+main\s+(?:motive|reason|goal)\b[^.;!?]*",
}.items()}



def structural_rule(token: Token) -> str | None:
    text = hidden(token.doc.text)
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    line_end = len(text) if line_end < 0 else line_end
    for name, pattern in STRUCTURAL.items():
        for m in pattern.finditer(text, line_start, line_end):
            if (any(start <= token.start and token.end <= end for start, end in covered_spans(m))
                    and holds_here(name, m, token)):
                return f"structural: {name}"
    start, end = next(((s, e) for s, e in token.doc.blocks if s <= token.start < e), (line_start, line_end))
    for name, pattern in PARAGRAPH_RULES.items():
        if name in _WORDS_ONLY and not FACT_WORDS.match(token.text):
            continue  # an argument's or a proposal's words, never the numbers in it
        if name in _IN_A_RECOMMENDATION and "ecommend" not in text[start:end]:
            continue
        for m in pattern.finditer(text, start, end):
            if any(s <= token.start and token.end <= e for s, e in covered_spans(m)):
                return f"structural: {name}"
    return None


#: Rules that cover only words like "first" or "most" in their match, never a number.
_WORDS_ONLY = frozenset({"a general argument"})
#: Rules that hold only in a paragraph that recommends something (a model brief's own proposal).
_IN_A_RECOMMENDATION = frozenset({"a recommendation's wording"})


def covered_spans(m: re.Match[str]) -> list[tuple[int, int]]:
    """What a match covers: its named groups when it has any (the context around them only has to be
    there), else all of it.

    >>> m = STRUCTURAL["threshold in an instruction"].search("Keep the 2019 rows whose total is above 500.")
    >>> [m.string[s:e] for s, e in covered_spans(m)]
    ['above 500']
    """
    named = [m.span(g) for g in m.re.groupindex if m.group(g) is not None]
    return named or [m.span()]


# --- words like "first" and "only": a fact only when the sentence is about the world -------------

FACT_WORDS = re.compile(r"^(?:first|only|most|largest|biggest|highest|lowest|never|peak|peaked|record)$",
                        re.IGNORECASE)
_WORLD = re.compile(
    r"\b(?:ASEAN|UN|Brunei|Cambodia|Indonesia|Laos|Lao|Malaysia|Myanmar|Burma|Philippines?|Filipino"
    r"|Singapore|Thailand|Thai|Vietnam|Viet Nam|Vietnamese|Indonesian|Malaysian|Cambodian|Timor|Timorese"
    r"|Bangladesh|India|Nepal|Pakistan|Ethiopia|Rwanda|Australia|China|Japan|Korea|Darfur|Lebanon|Sudan"
    r"|Haiti|Mali|Congo|Mindanao|Sinai|government|contribut\w*|deploy\w*|peacekeep\w*|mission|troops"
    r"|battalion|contingent|pledge\w*|proposal|proposed|Secretary-General|Security Council|state|states"
    r"|members?|countr(?:y|ies)|women|personnel|patrols?|neighbours|monitors|team|[A-Z]{4,})\b"
    r"|\b(?:the|most|its|every|each|whose) lines?\b(?!\s+of\b)"  # a chart's lines, not lines of code
    r"|\b(?:19|20)\d\d\b")
_NOT_A_FACT = re.compile(
    r"\b(?:at first|first,|first of all|first (?:run|read|look|try|check|write|predict|compute|guess|open"
    r"|decide|say|ask|make|find|pick|answer|press|sketch|note|use|click)|only (?:if|when|to|after|the"
    r" (?:data|chart|notebook|course|table|numbers)|as far as)|not only|if only|never (?:shows?|gives?|raises?"
    r"|overwrites?|changes?|says?|tells?|checks?|marks?|grades?|judges?|lose|loses)|most of all"
    r"|(?:the|public|no|on the|in the|a|hole in the) record\b(?! of)|(?:to|and|then|you|students|will|can|please|they|we|,) record\b|record (?:a|the|your|it|them|one|each|"
    r"their|what|which|how)\b|peak (?:at|into)\b|the first (?:and|or) the|most (?:clearly|likely|probably|plainly))\b",
    re.IGNORECASE)


def about_the_world(token: Token) -> bool:
    """Whether a word like "first" states a fact here (numbers always count).

    >>> from prose_text import Document, tokens_of
    >>> [about_the_world(t) for t in tokens_of(Document("x", "First run the cell."))]
    [False]
    >>> [about_the_world(t) for t in tokens_of(Document("x", "Cambodia first deployed in 2006."))]
    [True, True]
    """
    if not FACT_WORDS.match(token.text):
        return True
    sentence = token.sentence
    if not _WORLD.search(hidden(sentence)):
        return False
    local = token.doc.text[max(0, token.start - 25):token.end + 25]
    return not any(m.start() <= token.start - max(0, token.start - 25) < m.end()
                   for m in _NOT_A_FACT.finditer(local))


def counts(token: Token) -> bool:
    """Whether a token needs to be covered at all (fact words only in sentences about the world)."""
    return about_the_world(token)


# --- (b) sourced ---------------------------------------------------------------------------------

_LINK = re.compile(r"\]\(\s*https?://|<https?://|(?<![(<])https?://", re.IGNORECASE)


def linked(token: Token) -> bool:
    """The token's own sentence (a table row counts as one) links to an outside source, or the citation in
    brackets that follows it does: "... in 2013 ([The Diplomat](...))." A link elsewhere in the paragraph
    is for another fact.

    >>> from prose_text import Document, tokens_of
    >>> doc = Document("x.md", "It was 22 in 2013 ([A](https://a.org)). Its first mission was in 1989.")
    >>> [(t.text, linked(t)) for t in tokens_of(doc)]
    [('22', True), ('2013', True), ('first', False), ('1989', False)]
    """
    block = token.doc.block_at(token.start)
    if block.lstrip().startswith("|"):
        return bool(_LINK.search(block))
    sentence = token.sentence
    if _LINK.search(sentence):
        return True
    text = token.doc.text
    end = text.find(sentence[-20:], token.start - len(sentence)) + len(sentence[-20:]) if sentence else token.end
    after = text[end:end + 600]
    citation = re.match(r"\s*\((?:[^()]|\([^()]*\))*\)", after)
    return bool(citation and _LINK.search(citation.group()))


QUOTES = re.compile(r"\"([^\"]{3,}?)\"|“([^”]{3,}?)”")


def quotations(doc: Document) -> Iterable[tuple[int, int, str]]:
    r"""Spans and texts of the double-quoted passages of a document (code and links left out).

    >>> [q for _, _, q in quotations(Document("x", 'It "grew".\n\nA "b\n\nc" d'))]
    ['grew']
    """
    text = hidden(doc.text)
    for start, end in doc.blocks:
        for m in QUOTES.finditer(text, start, end):
            yield m.start(), m.end(), m.group(1) or m.group(2)


#: Every token of the article's text (test_prose_numbers checks this against the article when it can).
ARTICLE_TOKENS = frozenset({"2005", "2011", "2014", "2015", "2019", "4,000", "9", "first", "most", "only",
                            "second", "ten"})

#: A quotation is the article's when its paragraph says so (checked against the article's text).
ARTICLE_CUE = re.compile(r"\b(?:article|Jenne|the author|she (?:writes|says|argues|claims))\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _quotations(doc: Document) -> tuple[tuple[int, int, str], ...]:
    return tuple(quotations(doc))


def in_quotation(token: Token) -> str | None:
    for start, end, quote in _quotations(token.doc):
        if start < token.start and token.end < end:
            return quote
    return None


_ARTICLE_SAYS = re.compile(
    r"\b(?:the article|Jenne|the author|she)(?:'s)?\b[^.;:]{0,80}?\b(?:says?|writes?|claims?|argues?|states?"
    r"|puts?|dates?|counts?|names?|treats?|calls?|gives?|lists?|describes?|mentions?)\b"
    r"|\baccording to (?:the article|Jenne)\b|\b(?:the article|Jenne)(?:'s)? (?:claim|statement|wording)\b",
    re.IGNORECASE)


def reports_the_article(token: Token) -> bool:
    """The sentence reports what the article says (its numbers are checked against the article's text).

    >>> from prose_text import Document, tokens_of
    >>> [reports_the_article(t) for t in tokens_of(Document("x", "The article says Cambodia joined in 2005."))]
    [True]
    """
    if token.doc.where.endswith((".claim", ".article_claim")):
        return True
    text = hidden(token.doc.text)
    sentence = token.sentence
    start = text.find(sentence[:20], max(0, token.start - len(sentence)))
    for m in _ARTICLE_SAYS.finditer(text, max(start, 0), token.start):
        clause_end = re.search(r"[;:]|[.!?](?:\s|$)|$", text[m.end():])
        if token.end <= m.end() + (clause_end.start() if clause_end else 0):
            return True
    return False


def asks(token: Token) -> bool:
    """The token is in what a question put to the reader asks (see ``prose_questions.asked_spans``), not in
    a fact it takes for granted."""
    sentence = token.sentence
    if not sentence.rstrip(" *_)|\"'”").endswith("?") or in_quotation(token):
        return False
    text = hidden(token.doc.text)
    start = token.doc.text.rfind(sentence, 0, token.start + len(sentence))
    if start < 0:
        return False
    at = token.start - start
    return any(s <= at and at + len(token.text) <= e for s, e in asked_spans(text[start:start + len(sentence)]))


_QUESTION_ID = re.compile(r"`\d\d-[a-z0-9]+(?:-[a-z0-9]+)*`")


def _the_right_option(where: str) -> bool:
    """``where`` ("02-x.option[b]") is an option the question takes as right: its facts need a claim."""
    from pkedu.questions import get

    question_id, key = where.split(".option[")
    answer = get(question_id).answer
    answer = answer() if callable(answer) else answer
    answers = answer if isinstance(answer, (tuple, list, set, frozenset)) else (answer,)
    return key.rstrip("]") in {str(a) for a in answers}


def answer_table_row(token: Token) -> bool:
    """A row of a lesson plan's answer table: it names a question, and test_lesson_plans checks its answer."""
    block = token.doc.block_at(token.start)
    if not (token.doc.file.startswith("docs/lesson-plans/") and block.lstrip().startswith("|")
            and _QUESTION_ID.search(block)):
        return False
    cells = block.strip().strip("|").split("|")
    if re.match(r"\s*\d", cells[0]):
        return False  # a timings row ("| 18-32 | ...") that names a quiz is not an answer row
    start = token.doc.text.find(block)
    last_cell = start + len(block.rstrip().rstrip("|")) - len(cells[-1])
    return token.start >= last_cell


def given_in_the_question(token: Token, claims: Sequence[Any], allowlist: Iterable[tuple[str, str, str]]) -> bool:
    """A hint's or feedback's token repeats a token of its question's prompt that is itself covered (the
    question asks it, or a claim proves it), in the same role (``prose_questions.repeats_in_the_same_role``).

    >>> from prose_text import Document, tokens_of
    >>> prompt = "How many personnel did Cambodia have in December 2019?"
    >>> doc = Document("x", "December 2019 alone; take the 2019 total. Cambodia first sent troops in 2019.",
    ...                "q.hint1", prompt)
    >>> [given_in_the_question(t, [], ()) for t in tokens_of(doc)]
    [True, True, False, False]
    """
    question = token.doc.where.split(".")[0]
    given = "claim" if token.doc.file.endswith("capstone/article.py") else "prompt"  # what the text answers
    prompt = Document(token.doc.file, token.doc.given, f"{question}.{given}")
    covered = [t for t in tokens_of(prompt)
               if t.text.lower() == token.text.lower() and rule_of(t, claims, allowlist) is not None]
    return repeats_in_the_same_role(token, covered)


# --- (a) claims ----------------------------------------------------------------------------------

def normalised(text: str) -> str:
    return " ".join(text.split())


def claim_spans(claims: Sequence[Any], doc: Document) -> list[tuple[int, int]]:
    """Spans of ``doc`` covered by a claim naming its file (every place the claim's snippet occurs)."""
    spans = []
    flat, positions = _flatten(doc.text)
    for claim in claims:
        if doc.file not in claim.files:
            continue
        snippet = normalised(python_source_text(claim.text) if doc.file.endswith(".py") else claim.text)
        for m in re.finditer(re.escape(snippet), flat):
            spans.append((positions[m.start()], positions[m.end() - 1] + 1))
    return spans


def _flatten(text: str) -> tuple[str, list[int]]:
    """Text with runs of whitespace as one space, and where each character came from."""
    out, positions, last_space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if last_space:
                continue
            ch, last_space = " ", True
        else:
            last_space = False
        out.append(ch)
        positions.append(i)
    return "".join(out), positions


# --- putting it together -------------------------------------------------------------------------

def rule_of(token: Token, claims: Sequence[Any], allowlist: Iterable[tuple[str, str, str]],
            sourced_doc: bool = False, spans: list[tuple[int, int]] | None = None) -> str | None:
    """The rule that covers a token, or None."""
    if spans is None:
        spans = claim_spans(claims, token.doc)
    if any(s <= token.start and token.end <= e for s, e in spans):
        return "claim"
    if sourced_doc:
        return "sourced: events row with sources"
    if linked(token):
        return "sourced: link"
    rule = structural_rule(token)
    if rule:
        return rule
    if token.text.lower() in ARTICLE_TOKENS:
        if in_quotation(token) is not None and ARTICLE_CUE.search(token.sentence):
            return "sourced: quotation of the article"
        if reports_the_article(token):
            return "sourced: what the article says"
    if asks(token):
        return "structural: a question asks, it states nothing"
    if answer_table_row(token):
        return "checked elsewhere: a lesson plan's answer row (test_lesson_plans checks it against the registry)"
    if ".option[" in token.doc.where and not _the_right_option(token.doc.where):
        return "structural: an answer option (the question's answer says which is right)"
    if token.doc.given and given_in_the_question(token, claims, allowlist):
        return "structural: given in the question it answers"
    sentence = normalised(token.sentence)
    for file, snippet, _reason in allowlist:
        if file == token.doc.file and token.text in snippet and normalised(snippet) in sentence:
            return "allowlist"
    return None


def classify(documents: Iterable[tuple[Document, bool]], claims: Sequence[Any],
             allowlist: Iterable[tuple[str, str, str]]) -> list[tuple[Token, str | None]]:
    """Every token that counts, with the rule that covers it (None when nothing does)."""
    allowlist = list(allowlist)
    result = []
    for doc, sourced in documents:
        spans = claim_spans(claims, doc)
        for token in tokens_of(doc):
            if counts(token):
                result.append((token, rule_of(token, claims, allowlist, sourced, spans)))
    return result
