"""Releasing instructor notebooks: solutions out, stubs in, and both versions still run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from pkedu import cli
from pkedu.release import (
    SUMMARY,
    MarkerError,
    ReleaseError,
    assigned_names,
    find_notebooks,
    release,
    release_notebook,
    student_code,
    student_markdown,
)

ROOT = Path(__file__).resolve().parents[1]

# Text that must never reach a student version.
SOLUTION_TEXT = [
    "monthly_totals(contributions, countries",
    "len(codes)",
    "Laos sent no uniformed personnel",
    "never = 'LAO'",
    "instructor eyes only",
]


def instructor_notebook() -> nbformat.NotebookNode:
    """A small instructor notebook with every feature the release handles."""
    cells = [
        new_markdown_cell("# Orientation\n\nA short exercise."),
        new_code_cell("import pkedu as pk", execution_count=1),
        new_code_cell('SECRET_NOTE = "instructor eyes only"',
                      metadata={"tags": ["instructor-only"]}),
        new_code_cell(
            "contributions = pk.data.load_contributions()\n"
            "# BEGIN SOLUTION\n"
            "totals = pk.analysis.monthly_totals(contributions, countries=pk.data.ASEAN10)\n"
            "answer_total = int(totals.set_index('month').loc['2019-12-01', 'total'])\n"
            "# END SOLUTION",
            execution_count=2, metadata={"collapsed": False, "scrolled": True,
                                         "tags": ["exercise"]}),
        new_code_cell('pk.check("00-total-2019", answer_total)', execution_count=3,
                      outputs=[new_output("execute_result", {"text/plain": "✅ Correct!"},
                                          execution_count=3)]),
        new_code_cell("def members(codes):\n"
                      "    # BEGIN SOLUTION\n"
                      "    return len(codes)\n"
                      "    # END SOLUTION\n"
                      "\n"
                      'pk.check("00-asean-members", members(pk.data.ASEAN10))'),
        new_markdown_cell("Why is one state missing from the chart?\n\n"
                          "<!-- BEGIN SOLUTION -->\n"
                          "Laos sent no uniformed personnel in these years.\n"
                          "<!-- END SOLUTION -->"),
        new_code_cell("never = 'LAO'", metadata={"tags": ["solution"]}),
        new_code_cell('pk.check("00-never-deployed", never)'),
        new_code_cell('pk.quiz.ask("00-shift-enter")',
                      metadata={"tags": ["nbval-ignore-output"]}),
        new_code_cell("print('outputs are cleared')",
                      outputs=[new_output("stream", name="stdout", text="old output\n")],
                      execution_count=9),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"},
        "language_info": {"name": "python", "version": "3.12.3", "mimetype": "text/x-python"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
        "toc": {"number_sections": True},
        "jupytext": {"formats": "ipynb,text//md:myst"},
    }
    return nb


@pytest.fixture
def released(tmp_path: Path) -> Path:
    src = tmp_path / "notebooks"
    (src / "apps").mkdir(parents=True)
    nbformat.write(instructor_notebook(), src / "00_start_here.ipynb")
    app = new_notebook(cells=[new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION")])
    nbformat.write(app, src / "apps" / "demo.ipynb")
    (src / "text").mkdir()
    (src / "text" / "00_start_here.md").write_text("# a twin, not a notebook\n")
    nbformat.write(instructor_notebook(), src / "text" / "stray.ipynb")  # never released
    (src / ".ipynb_checkpoints").mkdir()
    nbformat.write(instructor_notebook(), src / ".ipynb_checkpoints" / "x-checkpoint.ipynb")
    out = tmp_path / "build"
    report = release(src, out)
    assert [str(p) for p in report.notebooks] == ["00_start_here.ipynb", "apps/demo.ipynb"]
    assert report.removed == 1 and report.exercises == 5
    return out


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_release_writes_both_versions_of_every_notebook(released: Path) -> None:
    files = sorted(str(p.relative_to(released)) for p in released.rglob("*") if p.is_file())
    assert files == ["self-study/00_start_here.ipynb", "self-study/apps/demo.ipynb",
                     "student/00_start_here.ipynb", "student/apps/demo.ipynb"]


def test_student_version_has_no_solutions(released: Path) -> None:
    text = (released / "student" / "00_start_here.ipynb").read_text()
    for secret in SOLUTION_TEXT:
        assert secret not in text
    assert "SOLUTION" not in text


def test_student_stubs_keep_names_and_prompts(released: Path) -> None:
    cells = _read(released / "student" / "00_start_here.ipynb").cells
    sources = [c.source for c in cells]
    assert ("contributions = pk.data.load_contributions()\n# Your code here\n"
            "totals = ...\nanswer_total = ...") in sources
    assert ("def members(codes):\n    # Your code here\n    return ...\n\n"
            'pk.check("00-asean-members", members(pk.data.ASEAN10))') in sources
    assert "Why is one state missing from the chart?\n\n*Write your answer here.*" in sources
    assert "# Your code here\nnever = ..." in sources


def test_self_study_version_folds_solutions_after_each_exercise(released: Path) -> None:
    cells = _read(released / "self-study" / "00_start_here.ipynb").cells
    details = [i for i, c in enumerate(cells) if c.source.startswith("<details>")]
    assert len(details) == 4
    for i in details:
        assert cells[i].cell_type == "markdown"
        assert cells[i].source.startswith(f"<details><summary>{SUMMARY}</summary>\n\n")
        assert cells[i].source.endswith("\n\n</details>")
        previous = cells[i - 1].source
        assert "# Your code here" in previous or "*Write your answer here.*" in previous
    folded = "\n".join(cells[i].source for i in details)
    for secret in SOLUTION_TEXT[:4]:
        assert secret in folded
    assert "```python\ncontributions = pk.data.load_contributions()\ntotals = " in folded
    outside = "\n".join(c.source for i, c in enumerate(cells) if i not in details)
    for secret in SOLUTION_TEXT:
        assert secret not in outside
    assert "instructor eyes only" not in folded


def test_outputs_and_metadata_are_cleaned(released: Path) -> None:
    for version in ("student", "self-study"):
        nb = _read(released / version / "00_start_here.ipynb")
        nbformat.validate(nb)
        assert dict(nb.metadata) == {
            "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                           "language": "python"},
            "language_info": {"name": "python"}}
        for cell in nb.cells:
            assert set(cell.metadata) <= {"tags"}
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None
        tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
        assert sorted(tags) == ["exercise", "nbval-ignore-output"]
        ids = [c.id for c in nb.cells]
        assert len(ids) == len(set(ids))


def test_release_is_deterministic(released: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    release(tmp_path / "notebooks", again)
    for path in released.rglob("*.ipynb"):
        assert path.read_bytes() == (again / path.relative_to(released)).read_bytes()


def _execute(path: Path) -> nbformat.NotebookNode:
    nb = _read(path)
    NotebookClient(nb, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def _outputs_text(cell: nbformat.NotebookNode) -> str:
    return "\n".join(out.get("data", {}).get("text/plain", "") + out.get("text", "")
                     for out in cell.outputs)


@pytest.mark.parametrize("version", ["student", "self-study"])
def test_released_notebooks_run_top_to_bottom(released: Path, version: str) -> None:
    nb = _execute(released / version / "00_start_here.ipynb")
    errors = [out for c in nb.cells if c.cell_type == "code" for out in c.outputs
              if out.output_type == "error"]
    assert errors == []
    checks = [c for c in nb.cells if c.cell_type == "code" and "pk.check(" in c.source]
    assert len(checks) == 3
    for cell in checks:
        assert "Not answered yet." in _outputs_text(cell), cell.source
        html = cell.outputs[-1]["data"]["text/html"]
        assert 'class="pkedu-feedback pkedu-feedback-unanswered"' in html


# --- markers --------------------------------------------------------------------------------

def _write(tmp_path: Path, *cells: nbformat.NotebookNode) -> Path:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    nbformat.write(new_notebook(cells=[new_markdown_cell("intro"), *cells]), src / "02_x.ipynb")
    return src


@pytest.mark.parametrize("cell, problem", [
    (new_code_cell("# BEGIN SOLUTION\nx = 1"),
     "cell 2 \\(code, id .*\\): '# BEGIN SOLUTION' on line 1 has no '# END SOLUTION' after it"),
    (new_code_cell("x = 1\n# END SOLUTION"),
     "cell 2 .*'# END SOLUTION' on line 2 has no '# BEGIN SOLUTION' before it"),
    (new_code_cell("# BEGIN SOLUTION\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION"),
     "'# BEGIN SOLUTION' on line 2 comes before the '# END SOLUTION' of the one on line 1"),
    (new_markdown_cell("Answer: <!-- BEGIN SOLUTION --> yes"),
     "cell 2 \\(markdown.*'<!-- BEGIN SOLUTION -->' on line 1 has no"),
    (new_markdown_cell("yes\n\n<!-- END SOLUTION -->"),
     "'<!-- END SOLUTION -->' on line 3 has no '<!-- BEGIN SOLUTION -->' before it"),
    (new_code_cell("x = 1  # BEGIN SOLUTION\ny = 2"),
     "not recognise"),
    (new_code_cell("<!-- BEGIN SOLUTION -->\nx = 1\n<!-- END SOLUTION -->"),
     "not recognise"),
])
def test_unbalanced_or_malformed_markers_are_refused(tmp_path: Path, cell: nbformat.NotebookNode,
                                                     problem: str) -> None:
    src = _write(tmp_path, cell)
    with pytest.raises(MarkerError, match=f"^02_x.ipynb, {problem}" if "cell 2" in problem
                       else problem):
        release(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing written


def test_a_failed_release_leaves_the_previous_one_alone(tmp_path: Path) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    release(src, tmp_path / "out")
    before = (tmp_path / "out" / "student" / "02_x.ipynb").read_bytes()
    _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 2"))
    with pytest.raises(MarkerError):
        release(src, tmp_path / "out")
    assert (tmp_path / "out" / "student" / "02_x.ipynb").read_bytes() == before


def test_nothing_to_release(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match="no notebooks"):
        release(tmp_path, tmp_path / "out")
    with pytest.raises(ReleaseError, match="not a folder"):
        release(tmp_path / "missing", tmp_path / "out")


def test_invalid_python_in_a_solution_is_reported(tmp_path: Path) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = = 1\n# END SOLUTION"))
    with pytest.raises(ReleaseError, match="cell 2 .*not valid Python"):
        release(src, tmp_path / "out")


def test_output_folder_inside_the_source_is_not_released_again(tmp_path: Path) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    release(src, src / "build")
    report = release(src, src / "build")
    assert [str(p) for p in report.notebooks] == ["02_x.ipynb"]
    assert find_notebooks(src, exclude=src / "build") == [src / "02_x.ipynb"]


# --- stubs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("block, names", [
    ("x = 1", ["x"]),
    ("a, (b, *c) = 1, (2, 3)", ["a", "b", "c"]),
    ("x: int = 1\ny: int", ["x"]),
    ("total += 1\ntotal = total * 2", ["total"]),
    ("for i in range(3):\n    acc = i\nelse:\n    done = True", ["acc", "done"]),
    ("import pandas as pd\nfrom math import pi", []),
    ("squares = [k * k for k in range(3)]\nf = lambda z: z", ["squares", "f"]),
    ("if (n := 3) > 2:\n    big = True", ["n", "big"]),
    ("with open('f') as handle:\n    text = handle.read()", ["handle", "text"]),
    ("class Box:\n    size = 1", ["Box"]),
    ("df['share'] = 1\nobj.attr = 2", []),
    ("%matplotlib inline\ny = 1", ["y"]),
])
def test_assigned_names(block: str, names: list[str]) -> None:
    assert assigned_names(block) == names


def test_function_solutions_keep_their_signature() -> None:
    code = ("# BEGIN SOLUTION\ndef share(part, whole=1, *, pct=False):\n"
            "    return part / whole\n# END SOLUTION\nshare(1, 2)")
    assert student_code(code) == ("# Your code here\ndef share(part, whole=1, *, pct=False):\n"
                                  "    return ...\nshare(1, 2)")


def test_indented_blocks_stay_valid_python() -> None:
    code = ("for c in codes:\n    # BEGIN SOLUTION\n    print(c)\n    # END SOLUTION\n"
            "print('done')")
    stub = student_code(code)
    assert stub == "for c in codes:\n    # Your code here\n    ...\nprint('done')"
    compile(stub, "stub", "exec")


def test_several_blocks_in_one_cell() -> None:
    code = ("# BEGIN SOLUTION\na = 1\n# END SOLUTION\nprint(a)\n"
            "#begin solution\nb = 2\n#   END   SOLUTION")
    assert student_code(code) == "# Your code here\na = ...\nprint(a)\n# Your code here\nb = ..."


def test_markdown_answers_inline_and_multiline() -> None:
    text = ("1. <!-- BEGIN SOLUTION -->One<!-- END SOLUTION -->\n"
            "2. <!--BEGIN SOLUTION-->\nTwo\n<!--END SOLUTION-->")
    assert student_markdown(text) == ("1. *Write your answer here.*\n"
                                      "2. *Write your answer here.*")


def test_solutions_containing_fences_get_a_longer_fence() -> None:
    nb = new_notebook(cells=[new_code_cell('# BEGIN SOLUTION\ns = """```"""\n# END SOLUTION')])
    details = release_notebook(nb, "self-study").cells[1].source
    assert "````python\ns = \"\"\"```\"\"\"\n````" in details


def test_notebook_without_kernelspec_gets_python3() -> None:
    out = release_notebook(new_notebook(cells=[new_code_cell("1")]), "student")
    assert out.metadata.kernelspec.name == "python3"


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version"):
        release_notebook(new_notebook(), "teacher")


# --- the command line -------------------------------------------------------------------------

def test_cli_release(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    assert cli.main(["release", str(src), str(tmp_path / "out")]) == 0
    assert "Released 1 notebook(s) with 1 exercise cell(s)" in capsys.readouterr().out
    _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1"))
    assert cli.main(["release", str(src), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pkedu: 02_x.ipynb, cell 2") and "Nothing was written." in err
    assert "Traceback" not in err


def test_python_m_pkedu_cli_release(tmp_path: Path) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    result = subprocess.run([sys.executable, "-m", "pkedu.cli", "release", "src", "build"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    student = _read(tmp_path / "build" / "student" / "02_x.ipynb")
    assert student.cells[1].source == "# Your code here\nx = ..."
