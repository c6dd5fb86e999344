"""Grading with nbgrader: the course directory, and the real nbgrader command line end to end."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pkedu import cli, questions
from pkedu.grading import assert_correct
from pkedu.grading.course import write_course
from pkedu.grading.notebook import grading_notebook, graded_ids
from pkedu.grading.points import DEFAULT_POINTS, POINTS, points_for
from pkedu.release import MarkerError, ReleaseError

ROOT = Path(__file__).resolve().parents[1]
TINY = "99_tiny"
START = "00_start_here"
MODEL_VIEW = "Model view: participation converged, size did not."
MODEL_WHY = "Because the monthly counts say so."
# The tiny notebook's written answer checked through pk.check: the course's own notebooks no longer do this
# (their written answers are Markdown cells), but the grading conversion still supports it.


@pytest.fixture(autouse=True, scope="module")
def _verdict_question():
    """Registered for each test and forgotten after, so no other test file sees notebook 99."""
    if "99-verdict" not in {q.id for q in questions.all_questions("99")}:
        questions.register(id="99-verdict", objective="99.1", kind="reflection",
                           prompt="Does the data support the convergence claim? Two sentences.")
    yield
    questions._forget("99-verdict")


# Text from the solutions and hidden tests that must never reach a released notebook.
SECRETS = ["len(pk.data.ASEAN10)", '"1990-11"', MODEL_VIEW, MODEL_WHY, "assert_correct",
           "HIDDEN TESTS", "BEGIN SOLUTION", "instructor eyes only"]


def tiny_notebook() -> nbformat.NotebookNode:
    """A small instructor notebook with each kind of graded cell."""
    cells = [
        new_markdown_cell("# A tiny assignment", id="title"),
        new_code_cell("import pkedu as pk", id="setup"),
        new_markdown_cell("**Exercise 1.** How many ASEAN members?", id="ex1"),
        new_code_cell("# BEGIN SOLUTION\nmembers = len(pk.data.ASEAN10)\n# END SOLUTION\n"
                      'pk.check("00-asean-members", members)', id="ex1-code"),
        new_markdown_cell("**Exercise 2.** Complete the function.", id="ex2"),
        new_code_cell('def first_month():\n    # BEGIN SOLUTION\n    return "1990-11"\n'
                      "    # END SOLUTION", id="ex2-code"),
        new_code_cell('pk.check("00-start-month", first_month())', id="ex2-check"),
        new_code_cell(f'# BEGIN SOLUTION\nmy_view = "{MODEL_VIEW}"\n# END SOLUTION\n'
                      'pk.check("99-verdict", my_view)', id="ex3"),
        new_markdown_cell(f"**Exercise 4.** Why?\n\n<!-- BEGIN SOLUTION -->\n{MODEL_WHY}\n"
                          "<!-- END SOLUTION -->\n\nWell done.", id="ex4"),
        new_code_cell("# for instructor eyes only", id="notes",
                      metadata={"tags": ["instructor-only"]}),
        new_code_cell('pk.check("00-asean-members", 11)', id="demo"),  # a demo, not graded
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


# --- points and the source notebook ----------------------------------------------------------

def test_every_registered_question_has_points() -> None:
    assert questions.load_errors() == {}
    assert set(DEFAULT_POINTS) == set(questions.KINDS)
    for question in questions.all_questions():
        assert isinstance(points_for(question.id), int) and points_for(question.id) > 0
    assert all(questions.get(qid) for qid in POINTS)  # overrides name real questions


def test_assert_correct_never_reveals_the_answer() -> None:
    assert_correct("00-start-month", "1990-11")
    with pytest.raises(AssertionError) as info:
        assert_correct("00-start-month", "1991-01")
    assert "1990" not in str(info.value)


def test_source_notebook_cells() -> None:
    out = grading_notebook(tiny_notebook(), "tiny")
    meta = {c.id: c.metadata.get("nbgrader") for c in out.cells}
    assert graded_ids(out) == {"test-00-asean-members": 1, "test-00-start-month": 1,
                               "answer-99-verdict": 2, "written-ex4": 2}
    assert meta["text-title"]["locked"] and not meta["text-title"]["grade"]
    assert meta["answer-00-asean-members"]["solution"] and not meta["answer-00-asean-members"][
        "grade"]
    assert meta["test-00-asean-members"]["locked"]
    reflection = next(c for c in out.cells if c.id == "answer-99-verdict")
    assert meta["note-99-verdict"]["locked"]  # says where to write, just before it
    assert [c.id for c in out.cells].index("note-99-verdict") + 1 == [
        c.id for c in out.cells].index("answer-99-verdict")
    assert reflection.cell_type == "markdown" and reflection.source == MODEL_VIEW
    written = next(c for c in out.cells if c.id == "written-ex4")
    assert written.source == MODEL_WHY and meta["text-ex4-2"]["locked"]  # "Well done." after it
    assert "notes" not in meta and "instructor eyes only" not in nbformat.writes(out)
    assert meta["demo"] is None  # pk.check(..., 11) is a demonstration: kept, not graded
    test = next(c for c in out.cells if c.id == "test-00-start-month").source
    assert test.startswith('pk.check("00-start-month", first_month())\n### BEGIN HIDDEN TESTS')
    assert "assert_correct('00-start-month', first_month())" in test


def test_every_course_notebook_converts_with_stable_ids(tmp_path: Path) -> None:
    course = write_course(ROOT / "notebooks", tmp_path / "course")
    assert len(course.assignments) == 8 and all(p > 0 for p in course.assignments.values())
    first = (tmp_path / "course/source" / START / f"{START}.ipynb").read_text()
    assert "### BEGIN HIDDEN TESTS" in first and '"grade_id": "test-00-start-month"' in first
    # Again: identical output, and nothing the instructor wrote is overwritten.
    config = tmp_path / "course/nbgrader_config.py"
    config.write_text(config.read_text() + "\n# my own setting\n")
    again = write_course(ROOT / "notebooks", tmp_path / "course")
    assert not again.config_written and "# my own setting" in config.read_text()
    assert (tmp_path / "course/source" / START / f"{START}.ipynb").read_text() == first


def test_edited_source_notebook_is_not_overwritten(tmp_path: Path, capsys) -> None:
    src = tmp_path / "nbs"
    src.mkdir()
    nbformat.write(tiny_notebook(), src / f"{TINY}.ipynb")
    target = tmp_path / "course/source" / TINY / f"{TINY}.ipynb"
    assert cli.main(["grading", str(src), str(tmp_path / "course")]) == 0
    target.write_text(target.read_text().replace("A tiny", "My tiny"))
    assert cli.main(["grading", str(src), str(tmp_path / "course")]) == 1
    assert "--force" in capsys.readouterr().err and "My tiny" in target.read_text()
    assert cli.main(["grading", str(src), str(tmp_path / "course"), "--force"]) == 0
    assert "My tiny" not in target.read_text()


def test_a_reflection_checked_apart_from_its_solution_is_refused() -> None:
    nb = tiny_notebook()
    nb.cells[7].source = f'# BEGIN SOLUTION\nmy_view = "{MODEL_VIEW}"\n# END SOLUTION'
    nb.cells.insert(8, new_code_cell('pk.check("99-verdict", my_view)'))
    with pytest.raises(ReleaseError, match=r"tiny, cell 9: put the reflection's solution"):
        grading_notebook(nb, "tiny")


def test_bad_markers_are_one_line_errors(tmp_path: Path, capsys) -> None:
    nb = tiny_notebook()
    nb.cells[3].source = "# BEGIN SOLUTION\nmembers = 10"
    with pytest.raises(MarkerError, match="tiny, cell 4"):
        grading_notebook(nb, "tiny")
    (tmp_path / "nbs").mkdir()
    nbformat.write(nb, tmp_path / "nbs" / "bad.ipynb")
    assert cli.main(["grading", str(tmp_path / "nbs"), str(tmp_path / "course")]) == 1
    assert "Nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "course").exists()
    with pytest.raises(ReleaseError, match="not a folder"):
        write_course(tmp_path / "missing", tmp_path / "course")


# --- end to end with the nbgrader command line ----------------------------------------------

def nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent),
                                                 os.environ.get("PATH", "")]))
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def solved(source: str) -> str:
    """A source solution cell as a student who got it right would leave it."""
    return "\n".join(line for line in source.splitlines() if "SOLUTION" not in line)


def submission(released: nbformat.NotebookNode, answers: dict[str, str]) -> str:
    nb = nbformat.from_dict(released)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nbformat.writes(nb)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course with the tiny notebook and notebook 00, released with nbgrader."""
    base = tmp_path_factory.mktemp("grading")
    src = base / "notebooks"
    src.mkdir()
    nbformat.write(tiny_notebook(), src / f"{TINY}.ipynb")
    shutil.copy(ROOT / "notebooks" / f"{START}.ipynb", src)
    root = base / "course"
    write_course(src, root)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write("\nc.Execute.timeout = 20\n")
    nbgrader(root, "generate_assignment", "*")  # a glob: every assignment in one run
    return root


def released(root: Path, assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)


def test_released_notebooks_hold_no_solution_and_no_hidden_test(course: Path) -> None:
    start_secrets = ["HIDDEN TESTS", "BEGIN SOLUTION", "assert_correct", "One possible answer",
                     "= len(missing_months)", 'asean_dec2019["iso3"].nunique()']
    for assignment, secrets in ((TINY, SECRETS), (START, start_secrets)):
        text = (course / "release" / assignment / f"{assignment}.ipynb").read_text()
        for secret in secrets:
            assert secret not in text, (assignment, secret)
    start = released(course, START)
    assert 'report_gaps = ...' in next(c.source for c in start.cells
                                        if c.id == "answer-00-report-gaps")
    assert "*Write your answer here" in next(c.source for c in start.cells
                                              if c.id == "written-n00-049")


def grades(root: Path) -> dict[tuple[str, str], tuple[float, float]]:
    nbgrader(root, "export", "--to", "grades.csv")
    with open(root / "grades.csv", newline="") as handle:
        return {(row["assignment"], row["student_id"]): (float(row["score"]),
                                                         float(row["max_score"]))
                for row in csv.DictReader(handle)}


def test_autograde_and_export_on_a_hub(course: Path) -> None:
    tiny, start = released(course, TINY), released(course, START)
    source = nbformat.read(course / "source" / START / f"{START}.ipynb", as_version=4)
    right = {"answer-00-asean-members": "members = 10",
             "answer-ex2-code": 'def first_month():\n    return "1990-11"',
             "answer-99-verdict": "My own verdict, saved in the file.",
             "written-ex4": "My own reason."}
    students = {
        "alice": submission(tiny, right),
        "bob": submission(tiny, {}),
        "carol": submission(tiny, {**right, "answer-00-asean-members": "members = 11"}),
        "dave": submission(tiny, {**right, "answer-00-asean-members": "raise ValueError('x')"}),
        "erin": submission(tiny, {**right, "answer-00-asean-members": "while True:\n    pass"}),
    }
    # Students add and move cells: grading goes by grade id, not position.
    # Carol added a cell of her own at the top.
    carol = nbformat.reads(students["carol"], as_version=4)
    carol.cells.insert(0, new_code_cell("print('my scratch cell')"))
    students["carol"] = nbformat.writes(carol)
    # Dave moved the title to the end and his function cell to the top.
    dave = nbformat.reads(students["dave"], as_version=4)
    dave.cells.append(dave.cells.pop(0))
    function = next(c for c in dave.cells if c.id == "answer-ex2-code")
    dave.cells.remove(function)
    dave.cells.insert(0, function)
    students["dave"] = nbformat.writes(dave)
    for student, text in students.items():
        folder = course / "submitted" / student / TINY
        folder.mkdir(parents=True)
        (folder / f"{TINY}.ipynb").write_text(text)
    solutions = {c.id: solved(c.source) for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    for student, answers in (("alice", solutions), ("bob", {})):
        folder = course / "submitted" / student / START
        folder.mkdir(parents=True)
        (folder / f"{START}.ipynb").write_text(submission(start, answers))
    before = {p: p.read_bytes() for p in (course / "submitted").rglob("*.ipynb")}

    run = nbgrader(course, "autograde", "*")
    assert "partial credit" not in run.stdout + run.stderr  # no result value read as a grade

    scores = grades(course)
    assert scores == {
        (TINY, "alice"): (2, 6), (TINY, "bob"): (0, 6), (TINY, "carol"): (1, 6),
        (TINY, "dave"): (1, 6), (TINY, "erin"): (1, 6),
        (START, "alice"): (4, 8), (START, "bob"): (0, 8),
        # No submission: listed with 0 (every student in the gradebook gets a row).
        (START, "carol"): (0, 8), (START, "dave"): (0, 8), (START, "erin"): (0, 8),
    }
    # Nothing is lost: submissions untouched, written answers kept in the graded copy.
    assert before == {p: p.read_bytes() for p in (course / "submitted").rglob("*.ipynb")}
    graded = (course / "autograded/alice" / TINY / f"{TINY}.ipynb").read_text()
    assert "My own verdict, saved in the file." in graded and "My own reason." in graded
    looped = (course / "autograded/erin" / TINY / f"{TINY}.ipynb").read_text()
    assert "CellTimeoutError" in looped or "KeyboardInterrupt" in looped


def test_learning_platform_route_with_zip_collect(course: Path, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(course, root, ignore=shutil.ignore_patterns(
        "submitted", "autograded", "feedback", "grades.csv"))
    tiny = released(root, TINY)
    right = {"answer-00-asean-members": "members = 10",
             "answer-ex2-code": 'def first_month():\n    return "1990-11"'}
    archive = root / "downloaded" / TINY / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as bundle:
        bundle.writestr(f"Tiny_frank_attempt_2026-03-01-10-00-00_{TINY}.ipynb",
                        submission(tiny, right))
        bundle.writestr(f"Tiny_gina_attempt_2026-03-02-11-30-00_{TINY}.ipynb",
                        submission(tiny, {**right, "answer-ex2-code":
                                          "def first_month():\n    return '1991-01'"}))
    nbgrader(root, "zip_collect", TINY)
    assert (root / "submitted/frank" / TINY / f"{TINY}.ipynb").exists()
    nbgrader(root, "autograde", TINY)
    scores = grades(root)
    assert scores[(TINY, "frank")] == (2, 6) and scores[(TINY, "gina")] == (1, 6)


def test_zip_collect_reads_a_dashed_time_to_the_second(course: Path, tmp_path: Path) -> None:
    """Blackboard writes 2026-03-02-11-40-00; read as 11:00, two attempts in the same hour tie
    and the one kept depends on file order. The later attempt must win, with its own time."""
    root = tmp_path / "course"
    shutil.copytree(course, root, ignore=shutil.ignore_patterns(
        "submitted", "autograded", "feedback", "grades.csv", "downloaded"))
    tiny = released(root, TINY)
    archive = root / "downloaded" / TINY / "archive"
    archive.mkdir(parents=True)
    attempts = {"2026-03-02-11-05-00": "members = 11", "2026-03-02-11-40-30": "members = 10"}
    for time, answer in attempts.items():  # one zip per attempt: the order of files is fixed
        with zipfile.ZipFile(archive / f"attempt-{time}.zip", "w") as bundle:
            bundle.writestr(f"Tiny_hana_attempt_{time}_{TINY}.ipynb",
                            submission(tiny, {"answer-00-asean-members": answer}))
    nbgrader(root, "zip_collect", TINY)
    folder = root / "submitted" / "hana" / TINY
    assert (folder / "timestamp.txt").read_text().startswith("2026-03-02 11:40:30")
    assert "members = 10" in (folder / f"{TINY}.ipynb").read_text()
