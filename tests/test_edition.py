"""The student and self-study editions: complete, free of solutions, runnable on their own."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
from _classroom import ROOT, editions, installed, run
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pkedu import cli
from pkedu.edition import MANIFEST, EditionError, Editions, write_editions
from pkedu.links import nbgitpuller_link
from pkedu.release import find_notebooks

_CODE_BEGIN = re.compile(r"^\s*#\s*BEGIN\s+SOLUTION\s*$", re.IGNORECASE)
_CODE_END = re.compile(r"^\s*#\s*END\s+SOLUTION\s*$", re.IGNORECASE)
_MD_ANSWER = re.compile(r"<!--\s*BEGIN\s+SOLUTION\s*-->(.*?)<!--\s*END\s+SOLUTION\s*-->",
                        re.IGNORECASE | re.DOTALL)


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    return editions(tmp_path_factory)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _instructor_text() -> tuple[set[str], str]:
    """(every line only an instructor should see, all the text students are meant to see).

    Lines of solution blocks, Markdown answers, cells tagged ``solution`` or
    ``instructor-only``; found here independently of the release's own parser.
    """
    secret: set[str] = set()
    public: list[str] = []
    for path in find_notebooks(ROOT / "notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            tags = cell.metadata.get("tags", [])
            if "solution" in tags or "instructor-only" in tags:
                secret.update(cell.source.splitlines())
            elif cell.cell_type == "code":
                inside = False
                for line in cell.source.splitlines():
                    if _CODE_BEGIN.match(line) or _CODE_END.match(line):
                        inside = bool(_CODE_BEGIN.match(line))
                    else:
                        (secret.add if inside else public.append)(line)
            else:
                secret.update(line for answer in _MD_ANSWER.findall(cell.source)
                              for line in answer.splitlines())
                public.append(_MD_ANSWER.sub("", cell.source))
    shown = "\n".join(public)
    # Short lines ("x = 1", "```") and text that is also shown outside any solution prove nothing.
    return {s for s in (line.strip() for line in secret) if len(s) >= 8 and s not in shown}, shown


def _texts(folder: Path) -> dict[str, str]:
    """Every text in the edition: notebook cells and outputs, other files, files inside wheels."""
    texts = {}
    for name in _files(folder):
        path = folder / name
        if path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                for inner in wheel.namelist():
                    if not inner.endswith(".gz"):
                        texts[f"{name}!{inner}"] = wheel.read(inner).decode("utf-8")
        elif path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            texts[name] = "\n".join([c.source for c in nb.cells]
                                    + [json.dumps(c.get("outputs", [])) for c in nb.cells])
        else:
            texts[name] = path.read_text(encoding="utf-8")
    return texts


# --- what is in the tree --------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["student", "self-study"])
def test_edition_is_a_complete_course_folder(made: Editions, edition: str) -> None:
    folder = made.folders[edition]
    notebooks = [f"notebooks/{p.relative_to(ROOT / 'notebooks').as_posix()}"
                 for p in find_notebooks(ROOT / "notebooks")]
    assert "notebooks/apps/explorer.ipynb" in notebooks and len(notebooks) == 12
    assert _files(folder) == sorted([
        ".gitignore", MANIFEST, "LICENSE", "LICENSE-content.md", "README.md", "course.py",
        "data/README.md", "environment.yml", "requirements.txt", f"wheels/{made.wheel}",
        *notebooks])
    # the data notes that 00, 02 and 06 point to, without links to files the edition lacks
    notes = (folder / "data" / "README.md").read_text()
    assert "contributions" in notes and "](../docs/" not in notes
    assert f"./wheels/{made.wheel}\n" in (folder / "requirements.txt").read_text()
    assert "- -r requirements.txt" in (folder / "environment.yml").read_text()
    readme = (folder / "README.md").read_text()
    assert "$" not in readme.replace("`$", "")  # every placeholder filled
    for name in notebooks:
        if "/apps/" not in name:
            assert f"]({name})" in readme
    assert "python3 course.py start" in readme and "python3 course.py test" in readme
    manifest = json.loads((folder / MANIFEST).read_text())["files"]
    assert sorted(manifest) == [n for n in _files(folder) if n != MANIFEST]
    for name, digest in manifest.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_student_edition_has_no_solution_text(made: Editions) -> None:
    secret, _ = _instructor_text()
    assert len(secret) > 100  # the course's real solutions, not an empty list
    texts = _texts(made.folders["student"])
    assert any("pkedu/_data/" in name for name in texts)  # the wheel's files are searched too
    leaks = [(line, name) for line in sorted(secret) for name, text in texts.items()
             if line in text]
    assert leaks == []
    assert not any(re.search(r"(BEGIN|END)\s+SOLUTION", text, re.IGNORECASE)
                   for name, text in texts.items() if not name.startswith("wheels/"))


def test_no_edition_holds_lesson_plans_or_the_instructor_guide(made: Editions) -> None:
    secret, shown = _instructor_text()
    guides = [*(ROOT / "docs" / "lesson-plans").glob("*.md"), ROOT / "docs" / "instructor-guide.md"]
    lines = {s for path in guides for s in (line.strip() for line in path.read_text().splitlines())
             if len(s) >= 30 and s not in shown}
    assert len(lines) > 200
    # The self-study edition has the worked solutions by design, but no instructor-only cell.
    instructor_only = {line.strip() for path in find_notebooks(ROOT / "notebooks")
                       for c in nbformat.read(path, as_version=4).cells
                       if "instructor-only" in c.metadata.get("tags", [])
                       for line in c.source.splitlines()} & secret
    for folder in made.folders.values():
        texts = _texts(folder)
        assert [(line, name) for line in instructor_only for name, t in texts.items()
                if line in t] == []
        # The guides quote the package's code (which the wheel holds), so the wheel is left out.
        assert [(line, name) for line in lines for name, t in texts.items()
                if line in t and not name.startswith("wheels/")] == []


def test_self_study_runs_the_same_code_as_the_student_edition(made: Editions) -> None:
    student, self_study = made.folders["student"], made.folders["self-study"]
    for path in sorted(student.rglob("*.ipynb")):
        other = nbformat.read(self_study / path.relative_to(student), as_version=4)
        extra = [c for c in other.cells if c.source.startswith("<details>")]
        assert all(c.cell_type == "markdown" for c in extra)
        assert ([c.source for c in other.cells if c.cell_type == "code"]
                == [c.source for c in nbformat.read(path, as_version=4).cells
                    if c.cell_type == "code"])
    assert "worked solution" in (self_study / "README.md").read_text()


# --- it runs on its own ---------------------------------------------------------------------

@pytest.mark.installed
def test_every_notebook_runs_in_a_fresh_environment_made_from_the_edition(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    course, _, env = installed(tmp_path_factory)  # set up by the edition's `course.py setup`
    files = [name for name in _files(course) if not name.startswith(".venv/")]
    before = {name: (course / name).read_bytes() for name in files}
    result = run(Path(sys.executable), ["course.py", "test"], cwd=course, env=env)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "installing" not in result.stdout  # the environment `setup` made is reused
    assert "12 of 12 notebook(s) ran from top to bottom" in result.stdout
    after = {name: (course / name).read_bytes() for name in files}
    assert after == before  # `test` runs copies: the student's notebooks are never changed


@pytest.mark.installed
def test_course_test_names_a_notebook_that_fails(made: Editions,
                                                 tmp_path_factory: pytest.TempPathFactory,
                                                 tmp_path: Path) -> None:
    _, python, env = installed(tmp_path_factory)
    copy = tmp_path / "course"
    (copy / "notebooks").mkdir(parents=True)
    shutil.copy2(made.folders["student"] / "course.py", copy / "course.py")
    nbformat.write(new_notebook(cells=[new_code_cell("1 / 0")]), copy / "notebooks" / "x.ipynb")
    result = run(python, ["course.py", "test"], cwd=copy, env={**env, "PKEDU_USE_CURRENT_ENV": "1"})
    assert result.returncode == 1
    assert "FAILED" in result.stdout and "ZeroDivisionError" in result.stdout
    assert "0 of 1 notebook(s) ran" in result.stdout


# --- writing: atomic, and nothing of anyone else's is lost ----------------------------------

@pytest.fixture
def small(tmp_path: Path, made: Editions) -> tuple[Path, Path]:
    """(a tiny course project, the wheel of the real editions) for fast writing tests."""
    root = tmp_path / "project"
    (root / "notebooks" / "apps").mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 00 · Hello"),
                                       new_code_cell("# BEGIN SOLUTION\nx = 41 + 1\n"
                                                     "# END SOLUTION"),
                                       new_markdown_cell("Ask the class first.", metadata={
                                           "tags": ["instructor-only"]})]),
                   root / "notebooks" / "00_hello.ipynb")
    nbformat.write(new_notebook(cells=[new_code_cell("y = 2")]),
                   root / "notebooks" / "apps" / "demo.ipynb")
    return root, made.folders["student"] / "wheels" / made.wheel


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writing_again_gives_the_same_editions(small: tuple[Path, Path], tmp_path: Path) -> None:
    root, wheel = small
    write_editions(root, tmp_path / "out", wheel=wheel)
    first = _snapshot(tmp_path / "out")
    report = write_editions(root, tmp_path / "out", wheel=wheel)
    assert _snapshot(tmp_path / "out") == first
    assert report.notebooks == [Path("00_hello.ipynb"), Path("apps/demo.ipynb")]
    assert "x = 41 + 1" not in (tmp_path / "out/student/notebooks/00_hello.ipynb").read_text()
    assert "x = 41 + 1" in (tmp_path / "out/self-study/notebooks/00_hello.ipynb").read_text()
    assert not any("Ask the class" in text.decode() for name, text in first.items()
                   if not name.endswith(".whl"))
    assert "| [`00_hello.ipynb`](notebooks/00_hello.ipynb) | 00 · Hello |" in (
        tmp_path / "out/student/README.md").read_text()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["self-study", "student"]


def test_other_files_in_an_edition_folder_are_kept(small: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    root, wheel = small
    out = tmp_path / "out"
    write_editions(root, out, wheel=wheel)
    (out / "student" / ".git").mkdir()
    (out / "student" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / "student" / ".venv" / "bin").mkdir(parents=True)  # made by the edition's course.py
    (out / "student" / ".venv" / "bin" / "python").write_text("#!")
    (out / "student" / "notebooks" / "extra.ipynb").write_text("{}")  # added by the instructor
    (root / "notebooks" / "apps" / "demo.ipynb").unlink()  # an app dropped from the course
    write_editions(root, out, wheel=wheel)
    assert (out / "student" / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert (out / "student" / "notebooks" / "extra.ipynb").read_text() == "{}"
    assert (out / "student" / ".venv" / "bin" / "python").read_text() == "#!"
    assert not (out / "student" / "notebooks" / "apps" / "demo.ipynb").exists()
    assert "notebooks/extra.ipynb" not in (out / "student" / MANIFEST).read_text()
    assert not any(p.name.startswith(".") and p.name != ".git" for p in out.iterdir())


@pytest.mark.parametrize("damage, problem", [
    (lambda s: (s / "README.md").write_text("my notes"), "README.md was changed after"),
    (lambda s: (s / MANIFEST).unlink(), ".gitignore is in the way"),
    (lambda s: (s / MANIFEST).write_text("{"), "is damaged"),
])
def test_a_file_the_edition_did_not_write_is_never_overwritten(
        small: tuple[Path, Path], tmp_path: Path, damage, problem: str) -> None:
    root, wheel = small
    out = tmp_path / "out"
    write_editions(root, out, wheel=wheel)
    damage(out / "self-study")
    (root / "notebooks" / "00_hello.ipynb").write_text(
        (root / "notebooks" / "00_hello.ipynb").read_text().replace("Hello", "Hi"))
    before = _snapshot(out)
    with pytest.raises(EditionError, match=problem):
        write_editions(root, out, wheel=wheel)
    assert _snapshot(out) == before  # neither edition changed
    assert sorted(p.name for p in out.iterdir()) == ["self-study", "student"]


def test_bad_input_is_refused_before_anything_is_written(small: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    root, wheel = small
    out = tmp_path / "out"
    nbformat.write(new_notebook(cells=[new_code_cell("# BEGIN SOLUTION\nx = 1")]),
                   root / "notebooks" / "01_broken.ipynb")
    with pytest.raises(EditionError, match="01_broken.ipynb, cell 1 .*no '# END SOLUTION'"):
        write_editions(root, out, wheel=wheel)
    assert list(out.iterdir()) == []
    with pytest.raises(EditionError, match="not a wheel"):
        write_editions(root, out, wheel=root / "pyproject.toml")
    with pytest.raises(EditionError, match="not the course's project folder"):
        write_editions(tmp_path, out, wheel=wheel)
    with pytest.raises(EditionError, match="is inside .*notebooks: write the editions elsewhere"):
        write_editions(root, root / "notebooks" / "build", wheel=wheel)
    assert not (root / "notebooks" / "build").exists()
    (root / "notebooks" / "01_broken.ipynb").unlink()
    (out / "student").write_text("a file")
    with pytest.raises(EditionError, match="is a file, not a folder"):
        write_editions(root, out, wheel=wheel)
    assert not (out / "self-study").exists()
    (out / "student").unlink()
    (out / ".self-study.previous").mkdir()  # left by an interrupted run
    with pytest.raises(EditionError, match="left from an interrupted run"):
        write_editions(root, out, wheel=wheel)
    assert sorted(p.name for p in out.iterdir()) == [".self-study.previous"]


def test_cli_edition(small: tuple[Path, Path], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    root, wheel = small
    args = ["edition", "--root", str(root), "--out", str(tmp_path / "out"), "--wheel", str(wheel)]
    assert cli.main(args) == 0
    assert "Wrote 2 edition(s) of 2 notebook(s)" in capsys.readouterr().out
    (tmp_path / "out" / "student" / "course.py").write_text("# mine")
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("pkedu: ") and "course.py was changed" in err
    assert "Nothing was changed." in err and "Traceback" not in err


# --- nbgitpuller links ------------------------------------------------------------------------

def test_link_parameters_round_trip(capsys: pytest.CaptureFixture[str]) -> None:
    repo = "https://git.example.edu/teach/pk student.git"
    assert cli.main(["link", "--hub", "https://hub.example.edu/", "--repo", repo,
                     "--branch", "spring-2027", "--open", "notebooks/apps/explorer.ipynb",
                     "--app", "voila"]) == 0
    link = capsys.readouterr().out.strip()
    assert link == nbgitpuller_link("https://hub.example.edu", repo, branch="spring-2027",
                                    open_path="notebooks/apps/explorer.ipynb", app="voila")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https", "hub.example.edu", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {
        "repo": [repo], "branch": ["spring-2027"], "targetPath": ["pk student"],
        "urlpath": ["voila/render/pk student/notebooks/apps/explorer.ipynb"]}


@pytest.mark.parametrize("args, problem", [
    (["--hub", "ftp://hub", "--repo", "r"], "is not a hub address"),
    (["--hub", "https://hub", "--repo", "r", "--open", "../secret.ipynb"], "inside the repo"),
    (["--hub", "https://hub", "--repo", " "], "give the address"),
    (["--hub", "https://hub", "--repo", "https://git.example.edu/.git"], "repository's name"),
])
def test_cli_link_refuses_bad_input(args: list[str], problem: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["link", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pkedu: ") and problem in err and "Traceback" not in err
