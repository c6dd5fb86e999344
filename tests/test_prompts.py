"""A question is written twice: in its notebook, and in the question registry. They must agree.

The notebook is what students read; the registry (``src/pkedu/questions/nbNN.py``) is what
``pk.check`` and ``pk.quiz.ask`` mark against, and what the quiz widget shows. Neither is
generated from the other (the notebook gives the question in its own words, with how to
compute the answer), so these tests compare what must not drift apart:

* every question a notebook asks is registered, for that notebook, and every registered
  question is asked in its notebook (no prompt that no student ever sees);
* the objective a notebook puts in a question's label, "**Exercise 2 (01.2).**", is the
  objective the registry ties the question to;
* the years and figures a ``pk.check`` question's registered prompt names ("December 2019",
  "US$1,428", "4,000") appear in the notebook where it asks that question: if the
  notebook's exercise moves to another month, the registry would otherwise go on marking
  the old one. A figure counts as named when it appears anywhere in the words that ask
  the question (back to the nearest heading), so a change to a figure that those words
  also use for something else can slip through; a change to any other figure cannot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pkedu import questions

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

_CALL = re.compile(r"""pk\.(check|quiz\.ask)\(\s*["']([^"']+)["']""")
_LABEL = re.compile(r"\((\d\d\.\d+(?:\s*[-–,]\s*\d\d\.\d+)*)\)")
_HEADING = re.compile(r"^#{1,4} ", re.M)
_FORMAT_EXAMPLE = re.compile(r"(?:e\.g\.|like)\s*'?[\d.-]+'?")
_FIGURE = re.compile(r"\b\d{3,}\b")  # years and figures; commas are removed first

# Facts of a registered prompt that the notebook gives in other words: question id ->
# (the facts, how the notebook says them).
SAID_OTHERWISE: dict[str, tuple[tuple[str, ...], str]] = {
    "05-force-cost": (("2018", "2018-07"), "the force builder pays the current rate, US$1,428 "
                                           "from July 2018; the notebook says 'what the UN "
                                           "would pay'"),
    "06-women-top": (("250",), "the notebook says 'the five ASEAN states with the largest "
                               "contingents'; in July 2025 exactly these five had more than 250"),
}


@dataclass(frozen=True)
class Asked:
    """One call of pk.check or pk.quiz.ask in a notebook's code cell."""

    notebook: str    # "01"
    cell: int
    how: str         # "check" or "quiz.ask"
    question_id: str
    label: str | None   # the objective label of the exercise that asks it, e.g. "01.2"
    text: str           # the notebook's words that ask it (see _asking_text)


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _label(cells: list[dict], index: int) -> str | None:
    """The label "(NN.k)" of the exercise that asks the question in cell ``index``.

    Walks back to the nearest markdown cell with a label; stops at another question
    or at a heading, where the question is not part of a labelled exercise.
    """
    for cell in reversed(cells[:index]):
        text = _source(cell)
        if cell["cell_type"] == "code":
            if _CALL.search(text):
                return None
            continue
        labels = _LABEL.findall(text)
        if labels:
            return labels[-1]
        if _HEADING.search(text):
            return None
    return None


def _asking_text(cells: list[dict], index: int) -> str:
    """The notebook's words that ask the question in cell ``index``.

    The cell itself and the cells before it, back to the nearest heading (that cell
    included: an exercise's heading holds its question). Questions asked one after the
    other under one heading share its words.
    """
    start = index
    while start > 0:
        cell = cells[start - 1]
        start -= 1
        if cell["cell_type"] == "markdown" and _HEADING.search(_source(cell)):
            break
    return "\n".join(_source(cell) for cell in cells[start:index + 1])


def asked(path: Path) -> Iterator[Asked]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        for call in _CALL.finditer(_source(cell)):
            yield Asked(path.name[:2], index, call.group(1), call.group(2),
                        _label(cells, index), _asking_text(cells, index))


def objectives_in(label: str) -> list[str]:
    """The objectives a label names: "01.4, 01.5" or a range "06.1-06.5".

    >>> objectives_in("06.1-06.3"), objectives_in("01.4, 01.5")
    (['06.1', '06.2', '06.3'], ['01.4', '01.5'])
    """
    out = []
    for part in re.split(r"\s*,\s*", label.strip()):
        span = re.fullmatch(r"(\d\d)\.(\d+)\s*[-–]\s*\d\d\.(\d+)", part)
        if span:
            out += [f"{span.group(1)}.{k}" for k in range(int(span.group(2)),
                                                          int(span.group(3)) + 1)]
        else:
            out.append(part)
    return out


def figures(prompt: str) -> list[str]:
    """The years and figures a prompt names, without the examples of a format.

    >>> figures("What share in December 2019 (2019-12)? Answer in per cent, e.g. 12.5.")
    ['2019', '2019']
    >>> figures("At US$1,428 a month, for 4,000 people? Write it like '2016-04'.")
    ['1428', '4000']
    """
    return _FIGURE.findall(_FORMAT_EXAMPLE.sub("", prompt).replace(",", ""))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS)}) (\d{{4}})\b|\b(\d{{4}})-(\d\d)\b")


def months(prompt: str) -> list[str]:
    """The months a prompt names, as "2019-12", without the examples of a format.

    >>> months("In December 2019 (2019-12), or since January 2012? Write it like '2016-04'.")
    ['2019-12', '2012-01']
    """
    found = []
    for m in _MONTH_YEAR.finditer(_FORMAT_EXAMPLE.sub("", prompt)):
        month = (f"{m.group(2)}-{_MONTHS.index(m.group(1)) + 1:02d}" if m.group(1)
                 else f"{m.group(3)}-{m.group(4)}")
        found.append(month)
    return list(dict.fromkeys(found))


def missing_figures(prompt: str, text: str) -> list[str]:
    """The figures and months of ``prompt`` that ``text`` does not name (commas ignored).

    A month counts as named when ``text`` writes it "2019-12", "December 2019", "Dec
    2019", in a variable name ("asean_jan_2020", "rank_2019_12"), or, for a December,
    "the end of 2019".
    """
    plain = text.replace(",", "")
    missing = [n for n in dict.fromkeys(figures(prompt))
               if not re.search(rf"(?<![\d.]){n}(?!\d)", plain)]
    for month in months(prompt):
        year, number = month.split("-")
        name = _MONTHS[int(number) - 1]
        said = [month, rf"\b(?:{name}|{name[:3]}) {year}\b", rf"{name[:3].lower()}_{year}\b",
                rf"{year}_{number}\b"]
        if number == "12":
            said.append(rf"\bend of {year}\b")
        if not re.search("|".join(said), text):
            missing.append(month)
    return missing


ALL_ASKED = [a for path in NOTEBOOKS for a in asked(path)]


def test_the_notebooks_ask_questions() -> None:
    assert len(NOTEBOOKS) >= 8
    # A floor that shows the parser finds the notebooks' questions, not a quota: checks that
    # repeated another notebook's fact or gave their answer away were removed.
    assert len({a.question_id for a in ALL_ASKED}) >= 80
    assert {a.how for a in ALL_ASKED} == {"check", "quiz.ask"}


def test_every_question_asked_is_registered_for_its_notebook() -> None:
    problems = []
    for a in ALL_ASKED:
        try:
            q = questions.get(a.question_id)
        except KeyError:
            problems.append(f"notebook {a.notebook}, cell {a.cell}: {a.question_id!r} is not "
                            "registered")
            continue
        if q.notebook != a.notebook:
            problems.append(f"notebook {a.notebook}, cell {a.cell}: {a.question_id!r} belongs "
                            f"to notebook {q.notebook}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_registered_question_is_asked_in_its_notebook(path: Path) -> None:
    ids = {a.question_id for a in ALL_ASKED if a.notebook == path.name[:2]}
    never = [q.id for q in questions.all_questions(path.name[:2]) if q.id not in ids]
    assert not never, f"registered for {path.name} but never asked there: {never}"


def test_the_label_of_an_exercise_names_the_objective_of_its_questions() -> None:
    checked, problems = 0, []
    for a in ALL_ASKED:
        if a.label is None:
            continue
        checked += 1
        q = questions.get(a.question_id)
        if q.objective not in objectives_in(a.label):
            problems.append(f"notebook {a.notebook}, cell {a.cell}: the exercise is labelled "
                            f"({a.label}), the registry ties {q.id!r} to {q.objective}")
    assert checked >= 30  # most questions sit in a labelled exercise (a floor for the parser)
    assert not problems, "\n".join(problems)


def test_the_figures_of_a_registered_prompt_appear_where_the_notebook_asks_it() -> None:
    # A question asked several times (a worked example, then the real try) agrees when one
    # of the places names every figure. Quizzes are left out: the widget shows the
    # registered prompt itself, so the notebook does not write it a second time.
    places: dict[str, list[Asked]] = {}
    for a in ALL_ASKED:
        if a.how == "check":
            places.setdefault(a.question_id, []).append(a)
    problems = []
    for question_id, where in places.items():
        prompt = questions.get(question_id).prompt
        excused = SAID_OTHERWISE.get(question_id, ((), ""))[0]
        gaps = [[n for n in missing_figures(prompt, a.text) if n not in excused]
                for a in where]
        if all(gaps):
            problems.append(f"{question_id}: the registry's prompt names {gaps[0]}, notebook "
                            f"{where[0].notebook} (cell {where[0].cell}) does not: "
                            f"{prompt!r}")
    assert len(places) >= 45  # the parser finds the checks (49 on 2026-12-03)
    assert not problems, "\n".join(problems)


def test_every_figure_said_otherwise_is_still_in_its_prompt() -> None:
    # An entry of SAID_OTHERWISE whose figure left the prompt would excuse a later drift.
    for question_id, (facts, _) in SAID_OTHERWISE.items():
        prompt = questions.get(question_id).prompt
        for fact in facts:
            assert fact in figures(prompt) + months(prompt), (question_id, fact)


def test_a_changed_month_in_the_notebook_is_caught() -> None:
    prompt = "How many ASEAN states had personnel deployed in December 2019 (2019-12)?"
    assert missing_figures(prompt, "How many states were deployed in December 2019?") == []
    assert missing_figures(prompt, "How many states were deployed in January 2020?") == [
        "2019", "2019-12"]
    assert missing_figures(prompt, "In 2019 or 2020, how many in November 2020?") == ["2019-12"]
    assert missing_figures(prompt, 'Keep the rows of "2019-12".') == []
    assert missing_figures(prompt, "Store it as `states_dec_2019`.") == []
    assert missing_figures(prompt, "How many at the end of 2019?") == []
    assert missing_figures("At US$1,428 a month?", "multiply by 1428") == []
    assert missing_figures("In 2019?", "in 20190 or 12019") == ["2019"]
    assert missing_figures("In 2019?", "It ended in 2019.") == []


def test_labels_and_sections_are_found_where_the_exercise_is() -> None:
    cells = [{"cell_type": "markdown", "source": ["## 2. Scale\n", "**Exercise 1 (02.3).** Rank"]},
             {"cell_type": "code", "source": ["x = 1"]},
             {"cell_type": "code", "source": ['pk.check("02-idn-rank-2019-12", x)']},
             {"cell_type": "code", "source": ['pk.quiz.ask("02-top-mission")']},
             {"cell_type": "markdown", "source": ["## 3. Next\n", "Plain text"]},
             {"cell_type": "code", "source": ['pk.check("02-asean-share", 1)']}]
    assert _label(cells, 2) == "02.3"
    assert _label(cells, 3) is None  # another question comes first
    assert _label(cells, 5) is None  # a heading comes first
    assert "Rank" in _asking_text(cells, 2) and "x = 1" in _asking_text(cells, 2)
    assert "Rank" in _asking_text(cells, 3)
    assert _asking_text(cells, 5).startswith("## 3. Next")
