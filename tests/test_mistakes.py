"""Typical wrong answers, replayed: each gets its own sentence, never a bare "Not yet."

Every question of kind number, month or text collects the mistakes students make with it, either as
``mistakes`` (a wrong answer, or a function computing it from the data, and its sentence) or as
``feedback`` keyed by a wrong value. This file replays every one of them through ``pk.check`` and
asserts that the student sees that sentence, and that the answer is still marked wrong.
"""

from __future__ import annotations

import re

import pytest

from pkedu import checks, questions

ALL = questions.all_questions()
OPEN_KINDS = ("number", "month", "text")


def _replays() -> list[tuple[str, object, str]]:
    cases = []
    for q in ALL:
        for wrong, sentence in q.mistakes:
            cases.append((q.id, wrong, sentence))
        if q.kind in OPEN_KINDS:
            cases += [(q.id, key, text) for key, text in q.feedback.items()]
    return cases


@pytest.fixture(autouse=True)
def _fresh_hints():
    checks.reset()
    yield
    checks.reset()


@pytest.mark.parametrize(("question_id", "wrong", "sentence"), _replays(),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_each_collected_mistake_gets_its_own_sentence(question_id, wrong, sentence):
    answer = wrong() if callable(wrong) else wrong
    feedback = checks.check(question_id, answer)
    assert not feedback.correct, (
        f"{question_id}: the collected mistake {answer!r} is marked correct; it is not a mistake")
    assert sentence in str(feedback), f"{question_id}: {answer!r} did not show its sentence"


@pytest.mark.parametrize("question", [q for q in ALL if q.kind in OPEN_KINDS], ids=lambda q: q.id)
def test_every_open_question_collects_at_least_one_mistake(question):
    """A question students type an answer to says something specific about the likeliest slip."""
    collected = list(question.mistakes) + list(question.feedback)
    assert collected, (f"{question.id}: add the likeliest wrong answer to `mistakes` (or `feedback`) "
                       "with a sentence that explains it")


@pytest.mark.parametrize("question", [q for q in ALL if q.kind == "number"], ids=lambda q: q.id)
def test_one_convention_for_shares(question):
    """Shares are asked in per cent everywhere, and the prompt says so."""
    prompt = question.prompt.lower()
    assert "between 0 and 1" not in prompt, (
        f"{question.id}: ask for a share in per cent (unit='percent'), as every other question does")
    asks_percent = bool(re.search(r"per ?cent|percentage", prompt))
    assert asks_percent == (question.unit == "percent"), (
        f"{question.id}: a question that asks for a percentage says unit='percent' and its prompt "
        "says 'Answer in per cent, e.g. 12.5.'")
    if question.unit == "percent":
        assert re.search(r"answer in per cent, e\.g\. \d", prompt), (
            f"{question.id}: say 'Answer in per cent, e.g. 12.5.' in the prompt")


def test_a_share_is_read_as_per_cent_and_the_student_is_told():
    q = next(q for q in ALL if q.unit == "percent" and q.kind == "number")
    share = float(q.expected()) / 100
    feedback = checks.check(q.id, share)
    assert feedback.correct
    assert "per cent" in str(feedback)
