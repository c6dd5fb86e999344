"""Releasing instructor notebooks: solutions out, stubs in, and both versions still run."""

from __future__ import annotations

import ast
import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

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
    assert files == [".pkedu-release.json", "self-study/00_start_here.ipynb",
                     "self-study/apps/demo.ipynb", "student/00_start_here.ipynb",
                     "student/apps/demo.ipynb"]


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
     "cell 2 .*line 1 is not a marker the release recognises: 'x = 1  # BEGIN SOLUTION'"),
    (new_code_cell("<!-- BEGIN SOLUTION -->\nx = 1\n<!-- END SOLUTION -->"),
     "cell 2 .*line 1 is not a marker .* In a code cell the markers are the comments"),
    (new_code_cell("# BEGIN SOLUTION (ex 1)\nx = 1\n# END SOLUTION"),
     "cell 2 .*line 1 is not a marker the release recognises: '# BEGIN SOLUTION \\(ex 1\\)'"
     "\\. Write '# BEGIN SOLUTION' or '# END SOLUTION' alone on its line"),
    (new_markdown_cell("Q?\n\n<!-- BEGIN SOLUTION (ex 1) -->\nyes\n<!-- END SOLUTION -->"),
     "cell 2 .*line 3 is not a marker the release recognises: "
     "'<!-- BEGIN SOLUTION \\(ex 1\\) -->'"),
    (new_markdown_cell("# BEGIN SOLUTION\nyes\n# END SOLUTION"),
     "cell 2 .*line 1 is not a marker .* In a Markdown cell write '<!-- BEGIN SOLUTION -->'"),
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


def test_function_solutions_keep_their_signature_without_defaults_or_annotations() -> None:
    code = ("# BEGIN SOLUTION\ndef share(part: float, whole=5944.97, *, pct: bool = False):\n"
            "    return part / whole\n# END SOLUTION\nshare(1)")
    assert student_code(code) == ("# Your code here\ndef share(part, whole=..., *, pct=...):\n"
                                  "    return ...\nshare(1)")


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


# --- nothing from a solution reaches the student version ------------------------------------

# Each block hides SECRET (or a number) in one place a stub could copy it from.
LEAKY_BLOCKS = [
    "def share(part, whole=5944.97):\n    return part / whole",
    "def share(part: 'SECRET', whole: SECRET = 2) -> SECRET:\n    return part / whole",
    "def f(*, scale=SECRET, **kw):\n    return scale",
    "def f(a, /, b=SECRET, *rest, c=lambda r: SECRET):\n    return a",
    "@lru_cache(maxsize=SECRET)\ndef f(x):\n    return x",
    "async def f(x=SECRET):\n    return await x",
    "f = lambda z: z * SECRET",
    "class Box(Base, metaclass=SECRET):\n    size = SECRET\n    def g(self, k=SECRET):\n"
    "        return SECRET",
    "@dataclass(frozen=SECRET)\nclass Point:\n    x: SECRET = 1",
    "if (n := SECRET) > 2:\n    big = n",
    "total = 0\ntotal += SECRET\ntotal *= 2",
    "x: SECRET = SECRET\ny: SECRET",
    "pairs = [(k, SECRET) for k in range(3)]\nfor i in SECRET:\n    acc = i",
    "with open(SECRET) as handle:\n    text = handle.read()",
    "match SECRET:\n    case {'k': v, **rest}:\n        hit = v\n    case [first, *others]:\n"
    "        hit = SECRET",
    "try:\n    value = SECRET\nexcept SECRET as err:\n    value = None",
    "import secret_module as SECRET_ALIAS\nfrom math import pi\nshare = pi",
]


@pytest.mark.parametrize("block", LEAKY_BLOCKS)
def test_stubs_hold_names_only_never_solution_text(block: str) -> None:
    """Every token of a stub is a bound name, a parameter name or fixed text."""
    stub = student_code(f"# BEGIN SOLUTION\n{block}\n# END SOLUTION")
    assert "SECRET" not in stub and "5944" not in stub
    tree = ast.parse(block)
    parameters = {a.arg for node in ast.walk(tree) if isinstance(node, ast.arguments)
                  for a in (*node.posonlyargs, *node.args, *node.kwonlyargs,
                            *filter(None, [node.vararg, node.kwarg]))}
    allowed = set(assigned_names(block)) | parameters | {"def", "async", "return"}
    for token in tokenize.generate_tokens(io.StringIO(stub).readline):
        assert token.type not in (tokenize.STRING, tokenize.NUMBER), (token, stub)
        if token.type == tokenize.NAME:
            assert token.string in allowed, (token.string, stub)
    compile(stub, "stub", "exec")


def test_stubbed_function_can_still_be_called_like_the_solution() -> None:
    stub = student_code("# BEGIN SOLUTION\ndef share(part, whole=5944.97, *, pct=False):\n"
                        "    return part / whole\n# END SOLUTION")
    namespace: dict[str, object] = {}
    exec(stub, namespace)  # noqa: S102 - the stub is ours
    assert namespace["share"](1) is ...  # type: ignore[operator]
    assert namespace["share"](1, 2, pct=True) is ...  # type: ignore[operator]


def _attachment(text: str) -> dict[str, dict[str, str]]:
    return {"image/png": base64.b64encode(text.encode()).decode()}


def test_a_solution_image_never_reaches_the_student_version(tmp_path: Path) -> None:
    cell = new_markdown_cell(
        "![map](attachment:question.png)\n\nWhere?\n\n<!-- BEGIN SOLUTION -->\n"
        "![answer](attachment:answer%20map.png)\n<!-- END SOLUTION -->\n\nMore text.",
        attachments={"question.png": _attachment("QUESTION"),
                     "answer map.png": _attachment("ANSWER-IMAGE"),
                     "unused.png": _attachment("UNUSED")})
    src = _write(tmp_path, cell)
    release(src, tmp_path / "out")
    answer = _attachment("ANSWER-IMAGE")["image/png"]
    student = _read(tmp_path / "out" / "student" / "02_x.ipynb")
    assert answer not in (tmp_path / "out" / "student" / "02_x.ipynb").read_text()
    assert dict(student.cells[1].attachments) == {"question.png": _attachment("QUESTION")}
    study = _read(tmp_path / "out" / "self-study" / "02_x.ipynb")
    assert [(c.source[:9], sorted(c.get("attachments", {}))) for c in study.cells] == [
        ("intro", []), ("![map](at", ["question.png"]), ("<details>", ["answer map.png"]),
        ("More text", [])]
    assert study.cells[2].attachments["answer map.png"] == _attachment("ANSWER-IMAGE")


# --- tags -----------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["Instructor-Only", "INSTRUCTOR-ONLY", "instructor_only",
                                 "Instructor Only", " instructor-only ", "instructor--only"])
def test_instructor_only_in_any_spelling_is_left_out(tmp_path: Path, tag: str) -> None:
    src = _write(tmp_path, new_code_cell("notes = 'instructor eyes only'",
                                         metadata={"tags": [tag, "keep-me"]}))
    report = release(src, tmp_path / "out")
    assert report.removed == 1 and report.warnings == []
    for version in ("student", "self-study"):
        assert "instructor eyes only" not in (tmp_path / "out" / version / "02_x.ipynb").read_text()


@pytest.mark.parametrize("tag", ["Solution", "SOLUTION", " solution"])
def test_solution_tag_in_any_spelling(tmp_path: Path, tag: str) -> None:
    src = _write(tmp_path, new_code_cell("never = 'LAO'", metadata={"tags": [tag]}))
    release(src, tmp_path / "out")
    student = _read(tmp_path / "out" / "student" / "02_x.ipynb")
    assert student.cells[1].source == "# Your code here\nnever = ..."
    assert "tags" not in student.cells[1].metadata


@pytest.mark.parametrize("tag, advice", [
    ("instructor-onyl", "Did you mean 'instructor-only'?"),
    ("instructor-onl", "Did you mean 'instructor-only'?"),
    ("solutions", "Did you mean 'solution'?"),
    ("instructor", "Did you mean 'instructor-only'?"),
    ("private", "Tag it 'instructor-only' to leave it out, or 'solution' to replace it"),
    ("teacher-notes", "Tag it 'instructor-only'"),
    ("answer", "Tag it 'instructor-only'"),
    ("remove-cell", "Tag it 'instructor-only'"),
])
def test_a_tag_that_looks_meant_to_hide_a_cell_is_named_in_a_warning(
        tmp_path: Path, tag: str, advice: str, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, new_code_cell("x = 1", metadata={"tags": [tag, "nbval-ignore-output"]}))
    assert cli.main(["release", str(src), str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"pkedu: warning: 02_x.ipynb, cell 2 (code, id ")
    assert f"the tag {tag!r} means nothing to the release" in err[0] and advice in err[0]


# --- markers that are not markers -----------------------------------------------------------

def test_markers_shown_as_code_in_markdown_are_left_alone(tmp_path: Path) -> None:
    guide = ("The markers can also sit inside a line "
             "(`Answer: <!-- BEGIN SOLUTION -->yes<!-- END SOLUTION -->`).\n\n"
             "```markdown\n<!-- BEGIN SOLUTION -->\nAn answer.\n<!-- END SOLUTION -->\n```\n\n"
             "~~~~python\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n~~~~\n\n"
             "Code markers are ``# BEGIN SOLUTION`` and `# END SOLUTION`.")
    src = _write(tmp_path, new_markdown_cell(guide))
    report = release(src, tmp_path / "out")
    assert report.exercises == 0
    for version in ("student", "self-study"):
        cells = _read(tmp_path / "out" / version / "02_x.ipynb").cells
        assert [c.source for c in cells] == ["intro", guide]


def test_a_real_marker_beside_a_quoted_one_still_counts() -> None:
    text = ("Use `<!-- END SOLUTION -->` to close.\n\n<!-- BEGIN SOLUTION -->\nsecret\n"
            "<!-- END SOLUTION -->\n\n```\n<!-- BEGIN SOLUTION -->\n```")
    assert student_markdown(text) == ("Use `<!-- END SOLUTION -->` to close.\n\n"
                                      "*Write your answer here.*\n\n"
                                      "```\n<!-- BEGIN SOLUTION -->\n```")


def test_marker_text_inside_python_strings_is_not_a_marker() -> None:
    code = ('template = """\n# BEGIN SOLUTION\nanswer\n# END SOLUTION\n"""\n'
            'print("# BEGIN SOLUTION alone on its line")')
    assert student_code(code) == code


# --- the fold comes right after the solution --------------------------------------------------

def test_fold_follows_the_answer_not_the_rest_of_the_cell() -> None:
    text = ("Question one?\n\n<!-- BEGIN SOLUTION -->\nFirst answer.\n<!-- END SOLUTION -->\n\n"
            "## Next section\n\nQ2: <!-- BEGIN SOLUTION -->a<!-- END SOLUTION --> and "
            "<!-- BEGIN SOLUTION -->b<!-- END SOLUTION --> (two parts).\n\n## Summary")
    nb = new_notebook(cells=[new_markdown_cell(text, attachments={})])
    cells = release_notebook(nb, "self-study").cells
    assert [c.source.split("\n")[0] for c in cells] == [
        "Question one?", f"<details><summary>{SUMMARY}</summary>", "## Next section",
        f"<details><summary>{SUMMARY}</summary>", "## Summary"]
    assert "First answer." in cells[1].source and "a\n\nb" in cells[3].source
    assert cells[2].source.endswith("Q2: *Write your answer here.* and *Write your answer here.* "
                                    "(two parts).")
    student = release_notebook(nb, "student").cells
    assert len(student) == 1 and student[0].source == student_markdown(text)
    assert len({c.id for c in cells}) == len(cells)


def _folds_in_course(tmp_path: Path) -> tuple[Path, dict[str, list[nbformat.NotebookNode]]]:
    out = tmp_path / "build"
    release(ROOT / "notebooks", out)
    return out, {p.name: _read(p).cells for p in sorted((out / "self-study").glob("*.ipynb"))}


def test_course_folds_sit_right_after_each_exercise(tmp_path: Path) -> None:
    out, notebooks = _folds_in_course(tmp_path)
    for name, cells in notebooks.items():
        for i, cell in enumerate(cells):
            if not cell.source.startswith("<details>"):
                continue
            before = cells[i - 1]
            if before.cell_type == "markdown":  # the prompt ends the cell before the fold
                assert before.source.rstrip().endswith("*Write your answer here.*"), (name, i)
            else:
                assert "# Your code here" in before.source, (name, i)
    motives = notebooks["03_motives.ipynb"]
    summary = next(i for i, c in enumerate(motives) if c.source.startswith("## Summary"))
    assert "Points a good answer makes" in motives[summary - 1].source
    assert motives[summary - 1].source.startswith("<details>")
    assert not motives[-1].source.startswith("<details>")
    scale = notebooks["02_scale.ipynb"]
    for heading in ("## 8. Indonesia's 4,000 peacekeepers", "## 9. Explore on your own"):
        start = next(i for i, c in enumerate(scale) if c.source.startswith(heading))
        assert scale[start - 1].source.startswith("<details>")


def test_course_student_version_holds_no_solution_text(tmp_path: Path) -> None:
    out, _ = _folds_in_course(tmp_path)
    solution = re.compile(r"# BEGIN SOLUTION\n(.*?)# END SOLUTION|"
                          r"<!-- BEGIN SOLUTION -->(.*?)<!-- END SOLUTION -->", re.S)
    checked = 0
    for path in find_notebooks(ROOT / "notebooks"):
        instructor = "\n".join(c.source for c in _read(path).cells)
        visible = solution.sub("", instructor)  # text students are meant to see
        student = (out / "student" / path.relative_to(ROOT / "notebooks")).read_text()
        for match in solution.finditer(instructor):
            for line in (match.group(1) or match.group(2)).splitlines():
                if len(line.strip()) > 25 and line.strip() not in visible:
                    assert json.dumps(line.strip())[1:-1] not in student, (path.name, line)
                    checked += 1
    assert checked > 100


# --- writing: all or nothing, never over anybody's work ---------------------------------------

def _released_once(tmp_path: Path) -> tuple[Path, Path, dict[Path, bytes]]:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    out = tmp_path / "out"
    release(src, out)
    return src, out, {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _unchanged(out: Path, before: dict[Path, bytes]) -> bool:
    now = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return now == before


def test_a_file_where_a_version_folder_goes_changes_nothing(tmp_path: Path) -> None:
    src, out, _ = _released_once(tmp_path)
    shutil.rmtree(out / "self-study")
    (out / "self-study").write_text("my notes")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 2\n# END SOLUTION"))
    with pytest.raises(ReleaseError, match="self-study is a file where the release writes a"):
        release(src, out)
    assert _unchanged(out, before)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_out_being_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path, new_code_cell("x = 1"))
    (tmp_path / "out").write_text("not a folder")
    assert cli.main(["release", str(src), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == f"pkedu: {tmp_path / 'out'} is a file, not a folder: choose another output " \
                  "folder or move the file away\nNothing was written.\n"
    assert (tmp_path / "out").read_text() == "not a folder"


@pytest.mark.parametrize("where, content", [
    ("student/02_x.ipynb", "a student's edits"),              # a released notebook, changed
    ("student/my_notes.ipynb", "{}"),                          # a notebook the release never wrote
    ("self-study/apps/data.csv", "a,b"),                       # any other file
])
def test_files_the_release_did_not_write_are_never_replaced(tmp_path: Path, where: str,
                                                            content: str) -> None:
    src, out, _ = _released_once(tmp_path)
    (out / where).parent.mkdir(parents=True, exist_ok=True)
    (out / where).write_text(content)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(ReleaseError, match=f"did not write or that were changed after it wrote "
                                           f"them \\({re.escape(str(out / where))}\\)"):
        release(src, out)
    assert _unchanged(out, before)


def test_a_folder_from_elsewhere_is_not_replaced(tmp_path: Path) -> None:
    src = _write(tmp_path, new_code_cell("x = 1"))
    out = tmp_path / "out"
    (out / "student").mkdir(parents=True)
    (out / "student" / "lesson.ipynb").write_text("a student's own notebook")
    with pytest.raises(ReleaseError, match=r"1 file\(s\) that the release did not write"):
        release(src, out)
    assert (out / "student" / "lesson.ipynb").read_text() == "a student's own notebook"
    assert not (out / "self-study").exists()


def test_an_unchanged_release_is_replaced_and_deleted_notebooks_go(tmp_path: Path) -> None:
    src, out, _ = _released_once(tmp_path)
    nbformat.write(new_notebook(cells=[new_code_cell("y = 1")]), src / "03_y.ipynb")
    release(src, out)
    (src / "02_x.ipynb").unlink()
    release(src, out)
    assert sorted(p.name for p in (out / "student").iterdir()) == ["03_y.ipynb"]
    manifest = json.loads((out / ".pkedu-release.json").read_text())
    assert sorted(manifest["files"]) == ["self-study/03_y.ipynb", "student/03_y.ipynb"]


def test_a_failed_move_puts_the_previous_release_back(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    src, out, before = _released_once(tmp_path)
    _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 2\n# END SOLUTION"))
    real_replace, calls = os.replace, []

    def failing_replace(a: str | Path, b: str | Path) -> None:
        calls.append((a, b))
        if len(calls) == 3:  # student moved in; now moving the old self-study away fails
            raise OSError(28, "No space left on device")
        real_replace(a, b)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ReleaseError, match="cannot write the release to .*No space left"):
        release(src, out)
    assert _unchanged(out, before)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


BAD_NOTEBOOKS = [
    ('{"cells": [', "is not valid JSON \\(line 1, column 12"),
    ("{}", "is not a Jupyter notebook"),
    ("[]", "is not a Jupyter notebook"),
    ({"cells": "x"}, "the notebook's 'cells' must be a list, not a text \\('x'\\)"),
    ({"cells": [], "metadata": {"kernelspec": "python3"}},
     "the notebook metadata 'kernelspec' must be an object such as .*not a text \\('python3'\\)"),
    ({"cells": [], "metadata": {"language_info": "python"}},
     "the notebook metadata 'language_info' must be an object"),
    ({"cells": [], "metadata": {"kernelspec": {"name": 3}}},
     "the notebook metadata 'kernelspec' has a number \\(3\\) as its 'name', where a text "
     "belongs"),
    ({"cells": [], "metadata": []}, "the notebook's metadata must be an object, not a list"),
    ({"cells": [{"cell_type": "code", "source": "", "metadata": {"tags": "instructor-only"}}]},
     "cell 1: its tags must be a list such as \\[\"instructor-only\"\\], not a text"),
    ({"cells": [{"cell_type": "code", "source": "", "metadata": {"tags": [1]}}]},
     "cell 1: its tags must be a list"),
    ({"cells": [{"cell_type": "markdown", "source": 3, "metadata": {}}]},
     "cell 1: its source must be text, not a number \\(3\\)"),
    ({"cells": ["x"]}, "cell 1: a cell must be an object"),
    ({"cells": [{"cell_type": "heading", "source": ""}]}, "cell 1: unknown cell type 'heading'"),
    ({"cells": [{"cell_type": "markdown", "source": "", "attachments": "a.png"}]},
     "cell 1: its attachments must map file names"),
    ({"cells": [{"cell_type": "markdown", "source": "", "metadata": "x"}]},
     "cell 1: its metadata must be an object"),
    ({"nbformat": 5, "cells": []}, "notebook format 5 is newer"),
]


@pytest.mark.parametrize("content, problem", BAD_NOTEBOOKS)
def test_a_damaged_notebook_gives_one_line_naming_it(tmp_path: Path, content: object,
                                                    problem: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src, out, before = _released_once(tmp_path)
    if isinstance(content, dict):
        content = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, **content})
    (src / "01_bad.ipynb").write_text(str(content))
    with pytest.raises(ReleaseError, match=f"^01_bad.ipynb(, | |: ){problem}"):
        release(src, out)
    assert cli.main(["release", str(src), str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("pkedu: 01_bad.ipynb") and "Traceback" not in err[0]
    assert err[1] == "Nothing was written."
    assert _unchanged(out, before)


def test_src_inside_a_version_folder_is_refused(tmp_path: Path) -> None:
    _, out, _ = _released_once(tmp_path)
    with pytest.raises(ReleaseError, match="is inside .*student, which the release replaces"):
        release(out / "student", out)


def test_raw_cells_cannot_carry_solutions(tmp_path: Path) -> None:
    src = _write(tmp_path, new_raw_cell("answer: 42", metadata={"tags": ["solution"]}))
    with pytest.raises(MarkerError, match="cell 2 .*a raw cell cannot be a solution"):
        release(src, tmp_path / "out")
    src = _write(tmp_path, new_raw_cell("<!-- BEGIN SOLUTION -->42<!-- END SOLUTION -->"))
    with pytest.raises(MarkerError, match="cell 2 .*a raw cell cannot hold solution markers"):
        release(src, tmp_path / "out")


def test_output_folder_around_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _write(tmp_path, new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION"))
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second time, the versions written the first time are not sources
        report = release("src", ".")
        assert [str(p) for p in report.notebooks] == ["02_x.ipynb"]
    assert (tmp_path / "student" / "02_x.ipynb").is_file()


def test_markers_in_an_indented_code_block_are_text_but_in_a_list_item_count() -> None:
    shown = "To answer, write:\n\n    <!-- BEGIN SOLUTION -->\n    Your answer.\n"
    assert student_markdown(shown) == shown
    in_list = ("1. Why?\n\n    <!-- BEGIN SOLUTION -->\n    Because.\n    <!-- END SOLUTION -->\n\n"
               "> ```\n> <!-- END SOLUTION -->\n\nAfter the quote <!-- BEGIN SOLUTION -->x"
               "<!-- END SOLUTION -->")
    assert student_markdown(in_list) == ("1. Why?\n\n    *Write your answer here.*\n\n"
                                         "> ```\n> <!-- END SOLUTION -->\n\n"
                                         "After the quote *Write your answer here.*")
