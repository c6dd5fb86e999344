"""Every instructor notebook runs, and every solution in it is marked Correct.

nbval compares stored outputs only, so a solution whose stored output predates
a change (or a cell written in a text twin, which has no output at all) passes
it even when the solution is wrong. Here each notebook is run once in a fresh
kernel (:func:`pkedu.execute.run`), and the test fails unless

* every ``pk.check(...)`` says Correct (a reflection: Recorded), apart from the
  deliberate demonstrations listed in ``DEMONSTRATIONS``;
* every quiz accepts the registry's expected answer when it is clicked;
* every question id a notebook names, in code or in its text, is registered.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pkedu import execute, questions, twins

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = twins.notebooks(ROOT / "notebooks")

#: Checks that are meant to say something other than Correct: notebook -> (id, status) pairs.
DEMONSTRATIONS = {
    # Section 3 shows "Not answered yet" for `...`, then a wrong answer and its hint.
    "00_start_here.ipynb": [("00-asean-members", "incorrect"),
                            ("00-asean-members", "unanswered")],
}

_CALL = re.compile(r"""\b(?:check|ask)\(\s*(?P<q>["'])(?P<id>.*?)(?P=q)""")
_ID_IN_TEXT = re.compile(r"""(?P<q>["'])(?P<id>\d\d-[a-z0-9]+(?:-[a-z0-9]+)*)(?P=q)""")


def named_ids(nb: nbformat.NotebookNode) -> dict[str, int]:
    """Question ids a notebook names -> the first cell (from 1) that names each.

    In code: the first argument of every ``check(...)`` and ``ask(...)``. In
    Markdown: every quoted text shaped like an id, as in ``pk.check("01-x", ...)``.
    """
    found: dict[str, int] = {}
    for number, cell in enumerate(nb.cells, start=1):
        pattern = _CALL if cell.cell_type == "code" else _ID_IN_TEXT
        for match in pattern.finditer(cell.source):
            found.setdefault(match.group("id"), number)
    return found


def unknown_ids(nb: nbformat.NotebookNode) -> list[str]:
    """The ids a notebook names that are not registered, with their cell."""
    registered = {q.id for q in questions.all_questions()}
    return [f"cell {cell}: no question {qid!r} is registered"
            for qid, cell in named_ids(nb).items() if qid not in registered]


def problems(path: Path) -> list[str]:
    """Everything wrong with the checks of one instructor notebook (empty when all is well)."""
    result = execute.run(path)
    found = unknown_ids(result.notebook)
    expected = sorted(DEMONSTRATIONS.get(path.name, []))
    demos = sorted((r.question_id, r.status) for r in result.problems)
    if demos != expected:
        found += [str(r) for r in result.problems]
        if expected:
            found.append(f"(only these may say something other than Correct: {expected})")
    called = {r.question_id for r in result.results}
    code_ids = {m.group("id") for cell in result.notebook.cells if cell.cell_type == "code"
                for m in _CALL.finditer(cell.source)}
    found += [f"{qid!r} is named in a code cell but no check or quiz with it ran"
              for qid in sorted(code_ids - called)]
    return found


@pytest.mark.skipif(not NOTEBOOKS, reason="no instructor notebooks")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_check_in_an_instructor_notebook_says_correct(path: Path) -> None:
    found = problems(path)
    assert not found, f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(found)


def test_demonstrations_name_notebooks_that_exist() -> None:
    assert set(DEMONSTRATIONS) <= {p.name for p in NOTEBOOKS}


# --- the test above catches what it must: proven on small notebooks ---------------------------

def _notebook(folder: Path, *cells: nbformat.NotebookNode) -> Path:
    path = folder / "99_trial.ipynb"
    nb = new_notebook(cells=[new_code_cell("import pkedu as pk"), *cells],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nbformat.write(nb, path)
    return path


def test_wrong_solutions_misspelt_ids_and_broken_quizzes_are_caught(tmp_path: Path) -> None:
    path = _notebook(
        tmp_path,
        new_code_cell("# BEGIN SOLUTION\nasean_members = 11\n# END SOLUTION\n"
                      'pk.check("00-asean-members", asean_members)'),
        new_code_cell('pk.check("00-asean-member", 10)'),
        new_code_cell('pk.quiz.ask("00-shift-entr")'),
        new_code_cell('pk.check("00-total-2019", 4954)\npk.quiz.ask("00-restart")'),
        new_code_cell(  # a quiz whose registered answer is not one of its options
            'pk.questions.register(id="99-broken-quiz", objective="99.1", kind="choice",\n'
            '    prompt="Which?", options={"a": "A", "b": "B"}, answer=lambda: "c")\n'
            'pk.quiz.ask("99-broken-quiz")'),
    )
    found = "\n".join(problems(path))
    assert "cell 2: pk.check '00-asean-members' said: Not yet." in found
    assert "cell 3: pk.check '00-asean-member' said: There is no question" in found
    assert "cell 3: no question '00-asean-member' is registered" in found
    assert "cell 4: quiz '00-shift-entr' said: There is no question" in found
    assert "cell 6: quiz '99-broken-quiz' said: the expected answer cannot be chosen" in found
    assert "cell 5" not in found  # right answers pass


def test_a_misspelt_id_is_caught_even_where_no_check_runs() -> None:
    nb = new_notebook(cells=[
        new_markdown_cell('Check it with `pk.check("01-first-cambodja", answer)`.'),
        new_code_cell('if False:\n    pk.check("00-asean-members", 10)\n'
                      'pk.quiz.ask( "02-top-mision" )'),
    ])
    assert unknown_ids(nb) == ["cell 1: no question '01-first-cambodja' is registered",
                               "cell 2: no question '02-top-mision' is registered"]


def test_a_check_that_never_ran_is_caught(tmp_path: Path) -> None:
    """A notebook whose checks are not recorded (hook broken, cell skipped) must not pass."""
    path = _notebook(tmp_path, new_code_cell('if False:\n    pk.check("00-asean-members", 10)'))
    assert problems(path) == ["'00-asean-members' is named in a code cell but no check or quiz "
                              "with it ran"]
