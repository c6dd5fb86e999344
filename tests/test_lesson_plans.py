"""The lesson plans' answer tables agree with the question registry.

Each plan in docs/lesson-plans/ has a table ``| Item | Objective | Where | Answer with the
current data |`` (the row format is described in docs/lesson-plans/README.md). For every
row naming questions (``01-singapore-last-year`` in backticks):

* every question id exists;
* its objective is among the row's objectives (``01.4, 01.5`` or a range ``06.1-06.5``);
* the stated answer is accepted by ``pk.check`` (reflections, which are recorded and not
  marked, are only checked for being there);

and every question of the plan's notebook appears in the table, or the plan says on a line
naming it that it is assessed otherwise ("assessed by the written answer").

An instructor who changes an answer (or the data change it) learns here which plan row to
update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import pkedu as pk
from pkedu import questions

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "docs" / "lesson-plans").glob("[0-9][0-9]_*.md"))
HEADER = re.compile(r"^\|\s*Item\s*\|\s*Objective\s*\|\s*Where\s*\|\s*Answer", re.I)
QUESTION_ID = re.compile(r"`(\d\d-[a-z0-9]+(?:-[a-z0-9]+)*)`")
OBJECTIVE = re.compile(r"(\d\d)\.(\d+)(?:\s*[-–]\s*(?:\d\d\.)?(\d+))?")
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
#: What a row may say instead of an answer, for a written (reflection) question.
WRITTEN = ("model", "recorded", "instructor notebook")


@dataclass(frozen=True)
class Row:
    plan: str
    line: int
    item: str
    objectives: frozenset[str]
    answer: str

    def __str__(self) -> str:
        return f"{self.plan}, line {self.line} ({self.item.strip()})"


def rows(plan: Path) -> list[Row]:
    """The rows of the plan's answer table (the table under the Item/Objective header)."""
    found, inside = [], False
    for number, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1):
        if HEADER.match(line):
            inside = True
            continue
        if inside and re.match(r"^\|\s*-", line):
            continue
        if inside and not line.startswith("|"):
            break
        if inside:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 4:
                pytest.fail(f"{plan.name}, line {number}: an answer row needs 4 cells "
                            f"(Item | Objective | Where | Answer), found {len(cells)}")
            found.append(Row(plan.name, number, cells[0], objectives(cells[1]), cells[3]))
    return found


def objectives(text: str) -> frozenset[str]:
    """``"01.4, 01.5"`` and ``"06.1-06.5"`` as sets of objective ids."""
    named = set()
    for notebook, first, last in OBJECTIVE.findall(text):
        for n in range(int(first), int(last or first) + 1):
            named.add(f"{notebook}.{n}")
    return frozenset(named)


def split_answers(answer: str, count: int) -> list[str]:
    """One answer per question id of a row: split on " / ", then "; ", then ", "."""
    if count == 1:
        return [answer]
    for separator in (" / ", "; ", ", "):
        parts = [p.strip() for p in answer.split(separator)]
        if len(parts) == count:
            return parts
    return []


def _clean(text: str) -> str:
    text = text.replace("`", "").replace("**", "").strip()
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)  # a closing remark: "a (the cell runs)"
    text = re.sub(r"^(about|roughly|some)\s+", "", text, flags=re.I)
    return text.strip().strip("\"'").strip()


def candidates(question: questions.Question, answer: str) -> list[object]:
    """The ways a plan's answer can be read for this kind of question, most literal first."""
    text = _clean(answer)
    if question.kind == "number":
        numbers = [float(n.replace(",", "")) for n in NUMBER.findall(text.replace("US$", ""))]
        if not numbers:
            return []
        scale = [1e6] if "million" in text else []
        return [numbers[0] * s for s in (1, *scale)]
    if question.kind == "month":
        found: list[object] = [text]
        try:
            found.append(pd.Timestamp(text).strftime("%Y-%m"))
        except ValueError:
            pass
        return found
    if question.kind == "choices":
        parts = [p for p in re.split(r",\s*|;\s*|\s+and\s+", text) if p.strip()]
        return [[_clean(p) for p in parts]]
    return [text, answer.strip()]


def all_rows() -> list[Row]:
    return [row for plan in PLANS for row in rows(plan)]


ROWS = [row for row in all_rows() if QUESTION_ID.search(row.item)]


def test_every_plan_has_an_answer_table() -> None:
    assert PLANS, "no lesson plans found"
    for plan in PLANS:
        assert rows(plan), f"{plan.name}: no answer table (a '| Item | Objective | Where | " \
                           "Answer ...' table)"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.plan[:2]}:{r.line}" for r in ROWS])
def test_each_row_names_real_questions_with_their_objective_and_answer(row: Row) -> None:
    ids = QUESTION_ID.findall(row.item)
    problems = []
    answers = split_answers(row.answer, len(ids))
    if not answers:
        pytest.fail(f"{row}: {len(ids)} questions but the answer {row.answer!r} does not split "
                    "into as many (separate them with ' / ')")
    for question_id, answer in zip(ids, answers):
        try:
            question = questions.get(question_id)
        except KeyError:
            problems.append(f"{question_id} is not a question (no such id in the registry)")
            continue
        if row.objectives and question.objective not in row.objectives:
            problems.append(f"{question_id} tests objective {question.objective}, the row says "
                            f"{', '.join(sorted(row.objectives))}")
        if question.kind == "reflection":
            if not any(word in answer.lower() for word in WRITTEN):
                problems.append(f"{question_id} is a written answer: say where the model is")
            continue
        tried = candidates(question, answer)
        if not any(_accepted(question_id, value) for value in tried):
            problems.append(f"{question_id}: the plan's answer {answer!r} (read as "
                            f"{', '.join(repr(v) for v in tried) or 'nothing'}) is not accepted "
                            "by pk.check")
    assert not problems, f"{row}:\n  " + "\n  ".join(problems)


def _accepted(question_id: str, value: object) -> bool:
    pk.checks.reset()
    try:
        return pk.check(question_id, value).correct is True
    finally:
        pk.checks.reset()


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
def test_every_question_of_the_notebook_is_in_its_plan(plan: Path) -> None:
    notebook = plan.name[:2]
    listed = {qid for row in rows(plan) for qid in QUESTION_ID.findall(row.item)}
    text = plan.read_text(encoding="utf-8").splitlines()
    assessed_otherwise = {qid for line in text if "assessed" in line.lower()
                          for qid in QUESTION_ID.findall(line)}
    missing = [q.id for q in questions.all_questions(notebook)
               if q.id not in listed | assessed_otherwise]
    assert not missing, (f"{plan.name}: the answer table lacks {', '.join(missing)} (add a row, "
                         "or say on a line naming it how it is assessed)")


def test_the_reader_reads_the_row_forms_in_the_readme() -> None:
    """Splitting and reading answers as the README describes (the parser itself can fail)."""
    assert split_answers('`"2005-05"` / `"2006-02"`', 2) == ['`"2005-05"`', '`"2006-02"`']
    assert split_answers("a (restart and run all); a (the last line)", 2) == [
        "a (restart and run all)", "a (the last line)"]
    assert split_answers("b, b, a", 3) == ["b", "b", "a"]
    assert objectives("06.1-06.5") == {f"06.{n}" for n in range(1, 6)}
    assert objectives("01.4, 01.5") == {"01.4", "01.5"}
    number = questions.get("00-total-2019")
    assert candidates(number, "4,954") == [4954.0]
    assert candidates(number, "about US$49.2 million") == [49.2, 49.2e6]
    choices = questions.get("01-late-joiners")
    assert candidates(choices, "Cambodia, Vietnam and Myanmar") == [
        ["Cambodia", "Vietnam", "Myanmar"]]
    assert _clean("a (the cell runs, the next is selected)") == "a"
    assert _accepted("01-singapore-last-year", 2013) and not _accepted("01-singapore-last-year",
                                                                       2014)
