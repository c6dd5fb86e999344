"""Exercises that make students reason, each with a model answer.

An exercise's heading names its learning objectives and, when it asks for reasoning (interpret a chart,
predict and then check, compare sources that disagree, choose a definition and defend it, argue with
evidence) rather than a computed value, says so: ``**Exercise 3 (01.3, reasoning).**`` or
``### Exercise 4 (03.5, reasoning): does peacekeeping "pay"?``. At least 40 % of each notebook's
exercises are reasoning exercises, and each has a model answer (a solution block, released to self-study)
or a multiple-choice check whose options explain themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pkedu import questions

TEXTS = sorted((Path(__file__).resolve().parents[1] / "notebooks" / "text").glob("0*.md"))
HEADING = re.compile(r"^(?:\*\*|###\s+)Exercise (\d+) \(([^)]*)\)", re.M)
SECTION = re.compile(r"^#{1,3} ", re.M)
CHECK = re.compile(r"""pk\.(?:check|quiz\.ask)\(\s*["']([0-9a-z-]+)["']""")


CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```$", re.M | re.S)


def _next_section(text: str, pos: int) -> int | None:
    """Where the next heading starts, skipping lines inside code cells (``# BEGIN SOLUTION`` is not one)."""
    code = [(m.start(), m.end()) for m in CODE_CELL.finditer(text)]
    for match in SECTION.finditer(text, pos):
        if not any(a <= match.start() < b for a, b in code):
            return match.start()
    return None


def exercises(text: str) -> list[tuple[str, bool, str]]:
    """(number, is reasoning, the exercise's text up to the next exercise or section)."""
    found = []
    heads = list(HEADING.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        section = _next_section(text, head.end())
        if section is not None and section < end:
            end = section
        labels = [part.strip() for part in head.group(2).split(",")]
        found.append((head.group(1), "reasoning" in labels, text[head.start():end]))
    return found


def has_model_answer(body: str) -> bool:
    if "<!-- BEGIN SOLUTION -->" in body or "# BEGIN SOLUTION" in body:
        return True
    for question_id in CHECK.findall(body):
        try:
            q = questions.get(question_id)
        except KeyError:
            continue
        if q.kind in ("choice", "choices") and q.feedback:
            return True
    return False


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_at_least_40_per_cent_of_exercises_ask_for_reasoning(path):
    found = exercises(path.read_text(encoding="utf-8"))
    assert found, f"{path.name}: no exercise headings found"
    reasoning = sum(1 for _, is_reasoning, _ in found if is_reasoning)
    assert reasoning / len(found) >= 0.4, (
        f"{path.name}: {reasoning} of {len(found)} exercises ask for reasoning; at least 40 % should "
        "(mark them '(NN.x, reasoning)' in the heading)")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_reasoning_exercise_has_a_model_answer(path):
    for number, is_reasoning, body in exercises(path.read_text(encoding="utf-8")):
        if is_reasoning:
            assert has_model_answer(body), (
                f"{path.name}, exercise {number}: a reasoning exercise needs a model answer "
                "(a solution block) or a multiple-choice check whose options have feedback")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_exercises_are_numbered_in_order(path):
    numbers = [int(n) for n, _, _ in exercises(path.read_text(encoding="utf-8"))]
    assert numbers == list(range(1, len(numbers) + 1)), f"{path.name}: exercises numbered {numbers}"


def test_a_comment_in_a_code_cell_does_not_end_an_exercise():
    text = ("**Exercise 1 (01.1, reasoning).** Compute, then explain.\n\n```{code-cell} ipython3\n"
            "# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n```\n\nWhy?\n\n<!-- BEGIN SOLUTION -->Because."
            "<!-- END SOLUTION -->\n\n## Next\n")
    (one,) = exercises(text)
    assert "<!-- BEGIN SOLUTION -->" in one[2] and "## Next" not in one[2]


def test_the_parser_sees_labels_and_bodies():
    text = ("**Exercise 1 (01.1).** Compute.\n\n**Exercise 2 (01.2, reasoning).** Why?\n"
            "<!-- BEGIN SOLUTION -->Because.<!-- END SOLUTION -->\n## Next\n")
    (one, two) = exercises(text)
    assert one[:2] == ("1", False) and two[:2] == ("2", True)
    assert has_model_answer(two[2]) and not has_model_answer(one[2])
    # A comment or a solution marker in a code cell is not a heading that ends the exercise.
    coded = ("### Exercise 1 (01.1, reasoning): why?\n\n```{code-cell} ipython3\n# BEGIN SOLUTION\n"
             "x = 1\n# END SOLUTION\n```\n\nWhy?\n<!-- BEGIN SOLUTION -->Because.<!-- END SOLUTION -->\n")
    assert "Because." in exercises(coded)[0][2]
    code = "**Exercise 1 (01.1, reasoning).** Say why.\n```{code-cell}\n# BEGIN SOLUTION\nx = 1\n```\n## Next\n"
    (only,) = exercises(code)
    assert has_model_answer(only[2]) and "## Next" not in only[2]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_written_answers_go_in_markdown_cells_not_python_strings(path):
    """A sentence inside Python quotes breaks on the first apostrophe and is not kept anywhere: written
    answers are Markdown answer cells (a solution block in Markdown), which stay in the handed-in file."""
    text = path.read_text(encoding="utf-8")
    for question_id in CHECK.findall(text):
        try:
            kind = questions.get(question_id).kind
        except KeyError:
            continue
        assert kind != "reflection", (
            f"{path.name}: {question_id} asks for a written answer in a Python string; make it a "
            "Markdown answer cell with the model answer between <!-- BEGIN SOLUTION --> markers")
