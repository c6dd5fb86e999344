"""Every number, date, rank and "first"/"only"/"most" that a student or instructor reads is covered.

Covered means one of (see ``prose_rules.py`` for the exact rules, and docs/instructor-guide.md):

(a) a claim (in a ``prose_claims_*.py`` module) names the file and a snippet containing the token, with
    the computation that proves it against the data;
(b) it is sourced: its sentence (or table row) links to a source, or a citation in brackets right after
    it does; its row of data/events.csv
    names sources; it quotes the article (in quotation marks, or in a sentence that says what the article
    says), which the maintainer-only tests below check against the article's text;
(c) it is structural: exercise, section and notebook numbers, the durations of the class's work and timings
    rows (not how long a world event took: "within six weeks"), counts and ordinals of the course's own
    things (a count of groups, pairs, sources, lines or steps, or "the first one", "the second half", only
    in a sentence about the course's material), question ids,
    formats shown as examples, code, arithmetic to do ("times 100"), a duration or threshold that defines
    what an exercise computes, the article's date, what a question put to the reader asks (its question
    clause, the time or condition it asks about, the options it offers; not what it takes for granted in a
    parenthesis, an appositive or an opening phrase: ``prose_questions.asked_spans``), a hint's or feedback's
    repeat of its prompt's covered token in the same role (``prose_rules.given_in_the_question``), an
    invented case or a general argument, and the course's own wording: how a lesson is split and the class
    organised, marking guidance, the course's numbering of the article's steps, a term being defined, what
    an exercise asks students to find (a "first" in the instruction's own clause), a recommendation's own
    wording in a model brief;
(d) it is in :data:`ALLOWLIST`, with a reason.

Tokens nobody has checked yet are listed in ``prose_numbers_backlog.txt``: the list may only shrink.
A new or edited sentence with an uncovered number fails :func:`test_every_number_is_covered`.
``python tests/test_prose_numbers.py`` prints the counts; ``--write-backlog`` rewrites the backlog
(review the diff: it must only lose lines).

Maintainers: ``PKEDU_ARTICLE`` (a text file with the article) runs the quotation tests.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prose_rules import (  # noqa: E402
    ARTICLE_CUE, ARTICLE_TOKENS, classify, quotations, rule_of,
)
from prose_text import (  # noqa: E402
    Document, Token, capstone_documents, hidden, event_documents, markdown_documents, question_documents, tokens_of,
)
from test_prose_claims import CLAIMS  # noqa: E402

HERE = Path(__file__).resolve().parent
BACKLOG = HERE / "prose_numbers_backlog.txt"

#: (file, a snippet of the sentence, why the token needs no claim, link or rule). Keep it short.
ALLOWLIST: tuple[tuple[str, str, str], ...] = ()

#: Numbers found wrong or unsupported: they stay uncovered (the test lists them with this evidence)
#: until the prose changes. (file, snippet of the sentence, token, what the data or sources say.)
KNOWN_WRONG: tuple[tuple[str, str, str, str], ...] = ()


def documents() -> list[tuple[Document, bool]]:
    """Everything a student or instructor reads, each with whether it names sources (events rows)."""
    return ([(d, False) for d in markdown_documents()] + event_documents()
            + [(d, False) for d in question_documents() + capstone_documents()])


@cache
def classified() -> tuple[tuple[Token, str | None], ...]:
    return tuple(classify(documents(), CLAIMS, ALLOWLIST))


def key(token: Token) -> str:
    """One line of the backlog: file, where, token and its sentence."""
    sentence = " ".join(token.sentence.split())
    return "\t".join((token.doc.file, token.doc.where or "-", " ".join(token.text.split()), sentence))


def backlog() -> Counter[str]:
    if not BACKLOG.exists():
        return Counter()
    lines = BACKLOG.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line and not line.startswith("#"))


def uncovered() -> list[Token]:
    return [t for t, rule in classified() if rule is None]


def _wrong(token: Token) -> str:
    sentence = " ".join(token.sentence.split())
    for file, snippet, text, evidence in KNOWN_WRONG:
        if file == token.doc.file and text == token.text and " ".join(snippet.split()) in sentence:
            return f"  KNOWN WRONG: {evidence}"
    return ""


# --- the rule is strict enough ------------------------------------------------------------------

@pytest.mark.parametrize("file", ["notebooks/text/02_scale.md", "docs/lesson-plans/05_subregional_options.md",
                                  "data/README.md", "src/pkedu/questions/nb05.py"])
def test_a_new_unsourced_sentence_fails(file: str) -> None:
    doc = Document(file, "Indonesia sent 4,000 troops in 2016, its largest deployment.", "new")
    found = {t.text: rule for t, rule in classify([(doc, False)], CLAIMS, ALLOWLIST)}
    assert found == {"4,000": None, "2016": None, "largest": None}


def test_a_capstone_claim_may_only_use_the_articles_numbers() -> None:
    doc = Document("src/pkedu/capstone/article.py", "Indonesia sent 4,000 troops in 2016, its largest deployment.",
                   "new.claim")
    found = {t.text: rule for t, rule in classify([(doc, False)], CLAIMS, ALLOWLIST)}
    assert found == {"4,000": "sourced: what the article says", "2016": None, "largest": None}


def test_an_events_row_without_sources_fails() -> None:
    doc = Document("data/events.csv", "Indonesia sent 4,000 troops in 2016.", "new-row.detail")
    assert [r for _, r in classify([(doc, False)], CLAIMS, ALLOWLIST)] == [None, None]
    assert {r for _, r in classify([(doc, True)], CLAIMS, ALLOWLIST)} == {"sourced: events row with sources"}


def test_a_link_or_an_exercise_number_covers() -> None:
    doc = Document("x.md", "In Exercise 4, Indonesia sent 4,000 ([UN](https://un.org/x)).\n\n"
                           "Spend 10 minutes on Exercise 5.")
    rules = [r for _, r in classify([(doc, False)], CLAIMS, ALLOWLIST)]
    assert rules == ["sourced: link", "sourced: link", "structural: time", "structural: course element"]


PLAN = "docs/lesson-plans/01_convergence.md"
NB = "notebooks/text/02_scale.md"


@pytest.mark.parametrize("file,text,expected", [
    # a lesson plan's timings rows; a fact in the row's other cells stays uncovered
    (PLAN, "| 0-5 | Introduction, 1. The claim | Read it. |\n| 5-15 min | 2. Scale | x |\n"
           "| 18-50 | 3-6. The claims | x |\n| 33-43 | The UN stayed | Missions in June 2010. |",
     [("0-5", "timings row"), ("1", "timings row"), ("5-15", "timings row"), ("2", "heading or list number"),
      ("18-50", "timings row"), ("3-6", "timings row"), ("33-43", "timings row"), ("2010", None)]),
    (PLAN, "| 0:00-0:05 | Start |", [("0", "time"), ("00-0", "time"), ("05", "time")]),
    # arithmetic the reader is told to do; a ratio between states is a fact
    (NB, "Divide by the ASEAN total, times 100. Per cent change = (new / old - 1) x 100. Multiply its share by "
         "100. That is twelve times too much. Indonesia sent 100 times more than Brunei.",
     [("100", "arithmetic"), ("1", "arithmetic"), ("100", "arithmetic"), ("100", "arithmetic"), ("twelve", "arithmetic"),
      ("100", None)]),
    (NB, "Per cent: 0.25 is 25 per cent. Wrong: 0.25 is 30 per cent.",
     [("0.25", "arithmetic"), ("25", "arithmetic"), ("0.25", None), ("30", None)]),
    # how long to compute over; how long a contingent stayed is a fact
    (NB, "Compute the 2016 average over the last 12 months. Indonesia stayed in Lebanon for 12 months.",
     [("2016", None), ("12", "duration in an instruction"), ("12", None)]),
    # a threshold that defines what to count; the same words about a state are a fact
    (NB, "Keep the rows of 2016 whose total is above 500. Count the missions with more than 100 personnel. "
         "The Philippines never had more than 500 before 2000. The UN counts over 80,000 in 2016.",
     [("2016", None), ("500", "threshold in an instruction"), ("100", "threshold in an instruction"),
      ("never", None), ("500", None), ("2000", None), ("80,000", None), ("2016", None)]),
    # a value to try or a format; a year given as an example of the world is not
    (NB, "The answer is a year, a number such as 1990. Try the calculator with an 850-strong unit. "
         "Some years, such as 1993, saw a peak. Malaysia has an 850-strong unit in Lebanon.",
     [("1990", "example format"), ("850", "example format"), ("1993", None), ("peak", None), ("850", None)]),
    # the article's date, said of the article; another 2019 is a fact
    (NB, "Jenne wrote in 2019 that it grew. In her 2019 article, Indonesia sent 2,900. In 2019 Indonesia sent 2,900.",
     [("2019", "the article's date"), ("2019", "the article's date"), ("2,900", None), ("2019", None),
      ("2,900", None)]),
    # the article's date only when said of the article; another (2019) or a news article of 2019 is a fact
    (NB, "Jenne (2019) wrote it. In her article (2019) she counts. Indonesia's plan (2019) failed. "
         "A January 2019 article matches.",
     [("2019", "the article's date"), ("2019", "the article's date"), ("2019", None), ("2019", None)]),
    # single quotes: an example after "like" or a month as code writes it; an apostrophe pair is no quotation
    (NB, "Write it like '2019-12'. Use start='2020-01' and by_year.loc[2024, 'ASEAN']. "
         "Indonesia's total was 100 times Brunei's in 2016.",
     [("2019-12", "example format"), ("2020-01", "code"), ("2024", "code"), ("100", None), ("2016", None)]),
    # an invented case; the same numbers said of a named state are not
    (NB, "If a country sent 500 troops, the cost would rise in 2016. Suppose six of ten supporters were enough. "
         "A state with four observers cannot lead. If Indonesia sent 500 troops in 2016, it paid. "
         "Nepal, a country with 30 million people, sent more.",
     [("500", "hypothetical"), ("2016", None), ("six", "hypothetical"), ("ten", "hypothetical"),
      ("four", "hypothetical"), ("500", None), ("2016", None), ("30", None), ("million", None)]),
    # ordinals that number quotations or steps; an ordinal rank is a fact
    (NB, 'Two sentences. First: "ASEAN states met." Second, that they trained. Thailand came second in 2006.',
     [("Two", "count of course elements"), ("First", "ordinal enumerator"), ("Second", "ordinal enumerator"),
      ("second", None), ("2006", None)]),
    # a lesson plan's two sessions; a fact inside the same paragraph is not
    (PLAN, "**Two sessions.** Sections 1-4 in the first (Indonesia sent 2,900), sections 5-8 and the\ndiscussion in "
           "the second. Vietnam came second in 2014.",
     [("Two", "time"), ("1-4", "course element"), ("first", "sessions of a lesson"), ("2,900", None),
      ("5-8", "course element"), ("second", "sessions of a lesson"), ("second", None), ("2014", None)]),
    # how the class works; half a force or three ships are facts
    (PLAN, 'A debate: half the room argues "yes",\nthe other half "no". Answer in half a page or a line or two. Write '
           "a two-sentence item. In Python `...` (three dots) means later. Half of the force came from Indonesia, "
           "three ships from Singapore.",
     [("half", "how the class works"), ("half", "how the class works"), ("half", "how the class works"),
      ("two", "how the class works"), ("two", "how the class works"), ("three", "how the class works"),
      ("Half", None), ("three", None)]),
    # marking guidance; the same numbers said of states are facts
    (PLAN, "A good answer makes at least two: a count and a share. Good answers combine two. A student has mixed the "
           "two up. A strong answer separates the two goals. Indonesia makes at least two pledges; Thailand sent two "
           "battalions.",
     [("two", "marking guidance"), ("two", "marking guidance"), ("two", "marking guidance"),
      ("two", "marking guidance"), ("two", None), ("two", None)]),
    # the course's numbering of the article's steps, seconds, groups, columns; a state's third battalion,
    # 90 engineers or three states are facts
    (PLAN, "The article's third step explains a non-event. Indonesia's third battalion came in 2008. Present it in 90 "
           "seconds; Indonesia sent 90 engineers. Groups of three build a force. Three of these are columns. Three of "
           "these are states.",
     [("third", "the article's steps"), ("third", None), ("2008", None), ("90", "time"), ("90", None),
      ("three", "count of course elements"), ("Three", "count of course elements"), ("Three", None)]),
    # what a slice of code keeps; four states are a fact
    (NB, "The date is text like '2004-02'; [:4] keeps its first four characters. Four of the states sent troops in "
         "2004.",
     [("2004-02", "example format"), ("4", "code"), ("first", "code"), ("four", "code"), ("Four", None),
      ("2004", None)]),
    # a term and its definition, a word in quotation marks; the same words said of states are facts
    (NB, "- **First contribution**: the first month a state has anyone deployed.\n- **Binational contingent**: a unit "
         'from two countries.\n\n"First" depends on what you count. Cambodia first deployed in 2006; Brunei and '
         "Malaysia are two countries in Lebanon.",
     [("First", "a term being defined"), ("first", "a term being defined"), ("two", "a term being defined"),
      ("first", None), ("2006", None), ("two", None)]),
    # what an exercise asks for; a state's first deployment, or who sent the most, is a fact
    (NB, "Find Cambodia's first month with experts and its first month with troops. Indonesia first sent troops in "
         "1957. Open questions: when Malaysia sent the most. Think about costs and which states send the most. "
         "Indonesia sent the most. We find that Cambodia first deployed in 2006.",
     [("first", "what an exercise asks for"), ("first", "what an exercise asks for"), ("first", None),
      ("1957", None), ("most", "what an exercise asks for"), ("most", "what an exercise asks for"),
      ("most", None), ("first", None), ("2006", None)]),
    # a recommendation's wording and a standard's name; a first unit, an agreement made, a rank are facts
    (NB, "We recommend a small, voluntary first step: a joint ASEAN company. Malaysia, Brunei and Indonesia should "
         "agree by 2027 on a company. Indonesia sent its first unit in 1957 and agreed by 2012 to a goal. The ISO "
         "3166 code; Indonesia is 4 in the ranking.",
     [("first", "a recommendation's wording"), ("2027", "a recommendation's wording"), ("first", None),
      ("1957", None), ("2012", None), ("3166", "a standard's name"), ("4", None)]),
    # a general argument; the same words said of named states are facts
    (NB, "A government that has already decided to deploy will build a centre first. If money were the main motive, "
         "the states with the lowest costs would send the most. Laos has the lowest costs, and Indonesia sends the "
         "most.",
     [("first", "a general argument"), ("lowest", "a general argument"), ("most", "a general argument"),
      ("lowest", None), ("most", None)]),
    # words about the course's own parts; the same words about a state's history are facts
    (PLAN, "Vietnam deployed for the first time in 2014, in the second half of 2014. Indonesia stayed 90 days. "
           "Push on the second half of Exercise 5.",
     [("first", None), ("2014", None), ("second", None), ("half", None), ("2014", None), ("90", None),
      ("second", "numbers in words about numbers"), ("half", "numbers in words about numbers"),
      ("5", "course element")]),
    # "most clearly" judges how well an answer fits, "only as far as" states a principle: neither counts;
    # a superlative about states does
    (PLAN, "- **Indonesia: international standing**, most clearly. Indonesia sent the most. ASEAN claims can be "
           "tested only as far as the sources go; only Laos never sent anyone.",
     [("most", None), ("only", None), ("never", None)]),
    # cases an independent review found covered for the wrong reason: steps of growth, students
    # trained, "the ten largest", a pledge reported with "should ... by", numbers inside a general
    # argument, a wrapped line that starts with a year, a chart's line that never reaches a level
    (NB, "Vietnam's contribution grew in three steps after 2014. The centre trained 1,200 students. Thailand is "
         "among the ten largest contributors.",
     [("three", None), ("2014", None), ("1,200", None), ("ten", None), ("largest", None)]),
    (NB, "Indonesia should deploy 4,000 personnel by 2019, its president said. If money were the main motive, "
         "Laos would send the most, yet Indonesia sent 2,900 in 2019.",
     [("4,000", None), ("2019", None), ("most", "a general argument"), ("2,900", None), ("2019", None)]),
    (PLAN, "The policies converged in the decade before\n2019. Malaysia sent 1,128 in\n2011. The line never reaches "
           "4,000, and most lines rise.",
     [("2019", None), ("1,128", None), ("2011", None), ("never", None), ("4,000", None), ("most", None)]),
])
def test_structural_rules_cover_the_course_not_the_facts(file: str, text: str,
                                                         expected: list[tuple[str, str | None]]) -> None:
    found = [(t.text, rule) for t, rule in classify([(Document(file, text), False)], [], ())]
    assert found == [(token, rule and f"structural: {rule}") for token, rule in expected]


# Words the course shares with the world, held only where the sentence is about the course's material:
# ordinals of "one", "half", "step" or a bare count; counts of groups, students, sources, lines or steps;
# durations, only of the class's work ("within six weeks" of a deployment is a fact).
@pytest.mark.parametrize("file,text,expected", [
    (PLAN, "Vietnam's second battalion came in the second half of the decade. Thailand was the first one to send "
           "engineers. The first three states to deploy were Indonesia, Malaysia and Thailand. ASEAN took the first "
           "step in 2011. Try your own changes in the second cell. The first line below makes Vietnam's yearly table. "
           "Push on the second half of Exercise 5.",
     [("second", None), ("second", None), ("half", None), ("first", None), ("first", None), ("three", None),
      ("first", None), ("2011", None), ("second", "numbers in words about numbers"),
      ("first", "numbers in words about numbers"), ("second", "numbers in words about numbers"),
      ("half", "numbers in words about numbers"), ("5", "course element")]),
    ("docs/lesson-plans/05_subregional_options.md",
     "Vietnam sent two groups to South Sudan. The centre trained 200 students. Two sources say Cambodia sent 800. "
     "The Philippines kept three lines of supply. Step 2 of ASEAN's roadmap came in 2015. Figure 1 of the UN "
     "report shows it. Sort the ten states into three groups in Exercise 3. Read the two sources in this "
     "notebook. Work in groups of three.",
     [("two", None), ("200", None), ("Two", None), ("800", None), ("three", None), ("2", None), ("2015", None),
      ("1", None),
      ("ten", "ASEAN's ten members"), ("three", "count of course elements"), ("3", "course element"),
      ("two", "count of course elements"), ("three", "count of course elements")]),
    ("docs/lesson-plans/06_benefits.md",
     "The force arrived within six weeks. Six weeks later Indonesia sent 300 more. For two hours the patrol "
     "waited off Sulu. The talks lasted 90 minutes. A 20-minute naval exercise followed. ASEAN agreed to allow "
     "300 observers. **Exercise 3** in pairs (15 minutes). Allow 10 minutes for Exercise 4.",
     [("six", None), ("Six", None), ("300", None), ("two", None), ("90", None), ("20", None), ("300", None),
      ("3", "course element"), ("15", "time"), ("10", "time"), ("4", "course element")]),
])
def test_words_shared_with_the_world_count_only_about_the_course(file: str, text: str,
                                                                  expected: list[tuple[str, str | None]]) -> None:
    found = [(t.text, rule) for t, rule in classify([(Document(file, text), False)], [], ())]
    assert found == [(token, rule and f"structural: {rule}") for token, rule in expected]


def test_the_plans_index_states_each_plans_session_length() -> None:
    """A duration of the class is structural, so nothing else checks it: the index of the lesson plans
    must give each plan the length its own Session row gives."""
    plans = HERE.parent / "docs" / "lesson-plans"
    rows = re.findall(r"^\|\s*\[[^\]]*\]\((\d\d_[a-z_]+\.md)\)\s*\|[^|]*\|\s*(\d+) minutes:",
                      (plans / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(rows) >= 6
    for name, minutes in rows:
        session = re.search(r"^\|\s*\*\*Session\*\*\s*\|\s*(?:About\s+)?(\d+) minutes",
                            (plans / name).read_text(encoding="utf-8"), re.MULTILINE | re.IGNORECASE)
        assert session and session.group(1) == minutes, f"{name}: the index says {minutes} minutes"


def _claimed_tokens() -> list[tuple[str, Token]]:
    """One numeral in each claim's snippet, in each Markdown file the claim names."""
    found = []
    for claim in CLAIMS:
        for doc in markdown_documents():
            if doc.file in claim.files:
                flat = " ".join(claim.text.split())
                digits = [t for t in tokens_of(Document(doc.file, flat)) if t.text[0].isdigit()]
                if digits and flat in " ".join(hidden(doc.text).split()):  # not in a code cell
                    found.append((claim.id, digits[0]))
    return found


@pytest.mark.parametrize("claim_id,token", _claimed_tokens(), ids=lambda v: v if isinstance(v, str) else "")
def test_editing_a_claimed_number_uncovers_it(claim_id: str, token: Token) -> None:
    doc = next(d for d in markdown_documents() if d.file == token.doc.file)
    changed = token.text.replace(token.text[0], "9" if token.text[0] != "9" else "8", 1)
    snippet = token.doc.text
    edited_snippet = snippet[:token.start] + changed + snippet[token.end:]
    flat = " ".join(doc.text.split())
    assert snippet in flat, claim_id
    edited = Document(doc.file, flat.replace(snippet, edited_snippet, 1))
    at = flat.index(snippet) + token.start
    before = next(t for t in tokens_of(Document(doc.file, flat)) if t.start == at)
    after = next(t for t in tokens_of(edited) if t.start == at)
    assert rule_of(before, CLAIMS, ALLOWLIST) == "claim"
    assert after.text == changed and rule_of(after, CLAIMS, ALLOWLIST) != "claim"


# --- the course passes ----------------------------------------------------------------------------

def test_every_number_is_covered() -> None:
    waiting = backlog()
    new = []
    for token in uncovered():
        line = key(token)
        if waiting[line]:
            waiting[line] -= 1
        else:
            new.append(f"{token}{_wrong(token)}")
    assert not new, (f"{len(new)} number(s) in the prose are neither claimed, sourced nor structural "
                     "(add a claim to a tests/prose_claims_*.py module, a link, or fix the sentence):\n"
                     + "\n".join(new))


def test_the_backlog_only_shrinks() -> None:
    current = Counter(key(t) for t in uncovered())
    stale = [line for line, n in backlog().items() if current[line] < n]
    assert not stale, ("these backlog lines are covered now or their sentence changed; remove them from "
                       f"{BACKLOG.name} (python tests/test_prose_numbers.py --write-backlog):\n"
                       + "\n".join(stale))


def test_known_wrong_numbers_are_not_in_the_backlog() -> None:
    listed = [line for line in backlog() if any(
        line.startswith(file + "\t") and f"\t{text}\t" in line and " ".join(snippet.split()) in line
        for file, snippet, text, _ in KNOWN_WRONG)]
    assert not listed, "a known wrong number may not wait in the backlog:\n" + "\n".join(listed)


def test_asean_has_ten_members() -> None:
    """The structural rule "ASEAN's ten members" rests on this."""
    from pkedu import data

    assert len(data.ASEAN10) == 10


def test_allowlist_entries_are_used_and_give_a_reason() -> None:
    used = {t.doc.file + t.sentence for t, rule in classified() if rule == "allowlist"}
    for file, snippet, reason in ALLOWLIST:
        assert len(reason.split()) >= 5, f"{snippet!r}: give a reason"
        assert any(u.startswith(file) and " ".join(snippet.split()) in " ".join(u.split()) for u in used), (
            f"allowlist entry {snippet!r} in {file} covers nothing; remove it")


# --- quotations and the article's numbers (maintainers: PKEDU_ARTICLE) -------------------------------

ARTICLE = os.environ.get("PKEDU_ARTICLE")
needs_article = pytest.mark.skipif(not ARTICLE, reason="set PKEDU_ARTICLE to a text file with the article")

#: Quotations of someone other than the article: (file, quoted text, who said it). Each must name its
#: speaker in its paragraph, and none may be attributed to the article there.
OTHERS: tuple[tuple[str, str, str], ...] = (
    ("notebooks/text/02_scale.md", "followed by Bangladesh, India and Nepal", "Strategic Study India"),
    ("notebooks/text/06_benefits.md", "under the OIC", "defence minister"),
)


def flat_quote(text: str) -> str:
    """Text compared as words: quotes, dashes, case and whitespace made uniform.

    >>> flat_quote("“Sub-regional”  — it’s")
    '"sub-regional" - it\\'s'
    """
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[‘’ʼ`´]", "'", re.sub(r"[“”„]", '"', text))
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    text = re.sub(r"\s*-\s*(?=\s)", " -", text)
    return " ".join(text.lower().split())


@cache
def article() -> str:
    return flat_quote(Path(ARTICLE or "").read_text(encoding="utf-8"))


#: The article's title is quoted as a title; the article's text does not repeat it.
TITLE = "Peacekeeping: an underutilised area of sub-regional security"


def quoted_passages() -> list[tuple[Document, str, str, str]]:
    """(document, quoted text, its sentence, its paragraph) for notebooks, questions and capstone texts."""
    docs = [d for d, _ in documents() if d.file.startswith(("notebooks/", "src/"))]
    return [(d, q, d.sentence_at(s + 1), d.block_at(s)) for d in docs for s, _, q in quotations(d)]


def in_article(quote: str) -> bool:
    """Every part of the quotation (split at an ellipsis) is in the article."""
    parts = [flat_quote(p).strip(" .,;:") for p in re.split(r"\.\.\.|…|\[[^\]]*\]", quote)]
    return all(p in article() for p in parts if p)


@pytest.mark.raw
@needs_article
def test_quotations_of_the_article_are_verbatim() -> None:
    others = {(f, flat_quote(q)) for f, q, _ in OTHERS}
    bad = []
    for doc, quote, sentence, _ in quoted_passages():
        words = flat_quote(quote).strip(" .,;:")
        if (len(words.split()) < 2 or in_article(quote) or flat_quote(TITLE) in words
                or (doc.file, flat_quote(quote)) in others):
            continue
        if ARTICLE_CUE.search(sentence):
            bad.append(f"{doc.file} [{doc.where}]: \"{quote}\" in: {' '.join(sentence.split())[:200]}")
    assert not bad, "quoted as the article's words but not in the article:\n" + "\n".join(sorted(set(bad)))


@pytest.mark.raw
@needs_article
def test_other_speakers_are_named() -> None:
    for file, quote, speaker in OTHERS:
        blocks = [b for d, q, _, b in quoted_passages() if d.file == file and flat_quote(q) == flat_quote(quote)]
        assert blocks, f"{file}: quotation {quote!r} is gone; remove it from OTHERS"
        assert all(speaker.lower() in b.lower() for b in blocks), f"{file}: {quote!r} does not name {speaker}"


@pytest.mark.raw
@needs_article
def test_the_articles_tokens_are_listed() -> None:
    """The rules take a number as the article's only if the article has it (prose_rules.ARTICLE_TOKENS)."""
    found = {t.text.lower() for t in tokens_of(Document("article", Path(ARTICLE or "").read_text("utf-8")))}
    assert found == set(ARTICLE_TOKENS)


def main(argv: list[str]) -> None:
    """Print the counts by rule; with --write-backlog, rewrite the backlog from what is uncovered."""
    counts = Counter(rule or "uncovered" for _, rule in classified())
    print(f"{sum(counts.values())} tokens")
    for rule, n in counts.most_common():
        print(f"{n:6}  {rule}")
    if "--write-backlog" in argv:
        lines = sorted(key(t) for t in uncovered() if not _wrong(t))
        BACKLOG.write_text("# Numbers in the prose that nobody has checked yet (see test_prose_numbers.py).\n"
                           "# file, where, token, sentence; tab-separated. This list may only shrink.\n"
                           + "".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"wrote {len(lines)} lines to {BACKLOG}")


if __name__ == "__main__":
    main(sys.argv[1:])


# --- questions, hints and exercises: what they ask is covered, what they take for granted is not -------

@pytest.mark.parametrize("file,text,expected", [
    # a question asks its open slot; what it presupposes (a parenthesis, an appositive, an opening phrase
    # that is no time or condition) states facts
    ("src/pkedu/questions/nb03.py", "What is UN Security Council resolution 2538 (August 2020), the first resolution "
                                    "Indonesia drafted, about?",
     [("2538", "a question asks, it states nothing"), ("2020", None), ("first", None)]),
    (NB, "Among the five ASEAN states with more than 250 personnel deployed in July 2025, which had the highest "
         "share of women? Was 2011 the peak? In December 2019 (2019-12), which mission had the most? If a unit "
         "had 850, how many months would it stay by 2019? When Indonesia chaired the Council in May 2019, what "
         "theme did it choose? Which force, the one that landed in September 1999, came first?",
     [("five", None), ("250", None), ("2025", None), ("highest", "a question asks, it states nothing"),
      ("2011", "a question asks, it states nothing"), ("peak", "a question asks, it states nothing"),
      ("2019", "a question asks, it states nothing"), ("2019-12", "a question asks, it states nothing"),
      ("most", "a question asks, it states nothing"), ("850", "hypothetical"),
      ("2019", "a question asks, it states nothing"), ("2019", None),
      ("1999", None), ("first", "a question asks, it states nothing")]),
    # a list item has the status of the item before it; options after the question's colon are asked
    (NB, "Think of Bamiyan (Afghanistan) and Iraq in 2017: who led those operations? Which would you trust "
         "more: the number of training centres, or the record of a country's army at home?",
     [("2017", None), ("record", "a question asks, it states nothing")]),
    # "find ... first" covers the instruction's own clause, not a "first" after its colon
    (NB, "Use the explorer to find the last year in which Singapore had anyone deployed: not the first year "
         "Indonesia sent troops.",
     [("first", None)]),
])
def test_questions_and_exercises_cover_what_they_ask_not_what_they_assume(
        file: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(t.text, rule) for t, rule in classify([(Document(file, text), False)], [], ())]
    assert found == [(token, rule and f"structural: {rule}") for token, rule in expected]


def test_a_hint_repeats_its_prompt_only_in_the_same_role() -> None:
    """A hint or feedback may repeat what its prompt asks ("December 2019", "the 2019 total"), but the same
    year stating another fact ("In May 2019 Indonesia chaired ...") counts."""
    prompt = "How many personnel did Indonesia have deployed in December 2019 (2019-12)?"
    doc = Document("src/pkedu/questions/nb02.py", "Pick December 2019, type \"2019-12\", and take the 2019 total. "
                   "In May 2019 Indonesia chaired the Council; Indonesia made the 2019 pledge.", "x.hint1", prompt)
    found = [(t.text, rule) for t, rule in classify([(doc, False)], [], ())]
    given = "structural: given in the question it answers"
    assert found == [("2019", given), ("2019-12", given), ("2019", given), ("2019", None), ("2019", None)]


def test_a_link_covers_its_own_sentence_not_its_paragraph() -> None:
    """A link is the source of the sentence it stands in, or of the sentence its bracketed citation
    follows; a fact in another sentence of the same paragraph needs its own source or claim."""
    doc = Document("x.md", "Singapore had 22 people in 2013 ([The Diplomat](https://thediplomat.com/x)). "
                           "Its first UN mission was in Namibia in 1989.\n\n"
                           "Brunei joined in 2008.\n([Borneo Bulletin](https://borneobulletin.com.bn/x))")
    found = [(t.text, r) for t, r in classify([(doc, False)], [], ())]
    assert found == [("22", "sourced: link"), ("2013", "sourced: link"), ("first", None), ("1989", None),
                     ("2008", "sourced: link")]


def test_a_timings_row_that_names_a_quiz_is_no_answer_row() -> None:
    """Only the answer cell of a lesson plan's answer table is checked against the registry."""
    plan = "docs/lesson-plans/02_scale.md"
    doc = Document(plan, "| 73-83 | 8. Indonesia's 4,000 peacekeepers | The president's 3,552, quiz `02-idn-peak`. "
                         "| 02.5 |\n\n| Self-check `02-idn-peak` | 02.5 | class | 2018-11 |")
    found = {t.text: r for t, r in classify([(doc, False)], [], ())}
    assert found["4,000"] is None and found["3,552"] is None
    assert found["2018-11"].startswith("checked elsewhere: a lesson plan's answer row")


def test_years_after_mid_early_and_late_are_read() -> None:
    doc = Document("x.md", "Thailand's battalion went home in mid-2012, Vietnam's in late-2022, after COVID-19.")
    assert [t.text for t in tokens_of(doc)] == ["2012", "2022"]


def test_ten_countries_of_a_survey_are_not_asean() -> None:
    doc = Document("x.md", "The rate is an average of ten countries' costs. All ten members agreed.")
    found = [(t.text, r) for t, r in classify([(doc, False)], [], ())]
    assert found == [("ten", None), ("ten", "structural: ASEAN's ten members")]


def test_the_right_option_of_a_question_states_facts() -> None:
    """The wrong options of a choice question are the question's own; the right one is a fact."""
    from pkedu.questions import get

    question = next(q for q in (get("02-top-mission"),) if q.options)
    right = question.answer() if callable(question.answer) else question.answer
    wrong = next(k for k in question.options if k != right)
    docs = [(Document("src/pkedu/questions/nb02.py", "Indonesia sent 4,000 in 2016.",
                      f"02-top-mission.option[{key}]"), False) for key in (right, wrong)]
    rules = [r for _, r in classify(docs, [], ())]
    option = "structural: an answer option (the question's answer says which is right)"
    assert rules == [None, None, option, option]


def test_a_recommended_deadline_is_the_recommendation_s_wording() -> None:
    """A model recommendation's own deadline ("We recommend that ... before 2027") states no fact; a
    reported deadline does."""
    doc = Document("x.md", "We recommend that ASEAN set up a joint course before 2027.\n\n"
                           "Indonesia promised a unit before 2019.")
    found = [(t.text, r) for t, r in classify([(doc, False)], [], ())]
    assert found == [("2027", "structural: a recommendation's wording"), ("2019", None)]
