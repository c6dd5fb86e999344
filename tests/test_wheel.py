"""pkedu as an installed package: the wheel carries the data, and a student notebook runs from it.

The scenario of a class: build the wheel, install it into a new environment in a
temporary folder (no source checkout anywhere on its path), run a student
notebook there. The environment is made once per session by the student
edition's own course.py from its requirements.txt (see _classroom.py), which
installs this wheel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import nbformat
import pytest
from _classroom import ROOT, editions, installed, run
from nbformat.v4 import new_code_cell, new_notebook

from pkedu import data
from pkedu.edition import build_wheel

@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    student = editions(tmp_path_factory).folders["student"]
    (found,) = (student / "wheels").glob("pkedu-*.whl")
    return found


@pytest.fixture(scope="session")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    _, python, env = installed(tmp_path_factory)
    return python, env


def _project_files(folder: str) -> list[str]:
    base = ROOT / folder
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def test_wheel_holds_every_module_and_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {name for name in names if not name.startswith("pkedu-")}
    wanted = {f"pkedu/{name}" for name in _project_files("src/pkedu")}
    wanted |= {f"pkedu/_data/{name}" for name in _project_files("data")}
    assert "pkedu/_data/contributions.csv.gz" in wanted
    assert "pkedu/edition_files/student_course.py" in wanted
    assert package == wanted  # nothing missing (an unlisted subpackage), nothing extra


def test_wheel_installs_the_kernel_config_into_the_environment(wheel: Path) -> None:
    """IPython reads sys.prefix/etc/ipython/: every kernel there loads pkedu.kernel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    config = f"{wheel.name.split('-py')[0]}.data/data/etc/ipython/ipython_kernel_config.py"
    assert config in names, sorted(n for n in names if ".data/" in n)


def test_a_checkout_reads_its_data_folder_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PKEDU_DATA_DIR", raising=False)
    assert data.data_dir() == ROOT / "data"  # a source checkout or an editable install
    monkeypatch.setenv("PKEDU_DATA_DIR", "/somewhere/else")
    assert data.data_dir() == Path("/somewhere/else")


def test_wheel_is_reproducible(wheel: Path, tmp_path: Path) -> None:
    again = build_wheel(ROOT, tmp_path)
    assert again.name == wheel.name
    assert again.read_bytes() == wheel.read_bytes()
    assert not (ROOT / "build" / "lib").exists()  # built in a scratch copy, not in the project


def test_sdist_carries_the_data_and_builds_the_same_wheel(wheel: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    for name in ("pyproject.toml", "README.md", "LICENSE", "LICENSE-content.md"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "data", "etc"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    made = subprocess.run(
        [sys.executable, "-c", "from setuptools import build_meta as b; "
         "print(b.build_sdist('dist'))"], cwd=source, capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr[-2000:]
    sdist = source / "dist" / made.stdout.split()[-1]
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile()}
    assert {f"data/{name}" for name in _project_files("data")} <= members
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(tmp_path / "from-sdist"), str(sdist)],
        capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr[-2000:]
    (from_sdist,) = (tmp_path / "from-sdist").glob("*.whl")
    assert (sorted(zipfile.ZipFile(from_sdist).namelist())
            == sorted(zipfile.ZipFile(wheel).namelist()))


@pytest.mark.installed
def test_the_installed_package_reads_its_own_data(
        fresh: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    python, env = fresh
    probe = ("import pkedu, pkedu.data as d\n"
             "print(pkedu.__file__)\nprint(d.data_dir())\n"
             "print(sum(len(d.load_table(t)) for t in d.TABLES))")
    result = run(python, ["-c", probe], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    module, folder, rows = result.stdout.split("\n")[:3]
    prefix = python.parent.parent
    assert Path(module).is_relative_to(prefix) and not Path(module).is_relative_to(ROOT)
    assert Path(folder) == Path(module).parent / "_data"
    assert int(rows) > 200_000


@pytest.mark.installed
def test_pkedu_data_dir_still_overrides_the_installed_data(
        fresh: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    python, env = fresh
    shutil.copytree(ROOT / "data", tmp_path / "mine")
    (tmp_path / "mine" / "countries.csv").write_text("not,a,table\n")
    result = run(python, ["-c", "import pkedu.data as d; print(d.data_dir()); "
                          "d.load_countries()"],
                 cwd=tmp_path, env={**env, "PKEDU_DATA_DIR": str(tmp_path / "mine")})
    assert result.stdout.strip() == str(tmp_path / "mine")
    assert "DataError" in result.stderr and "countries.csv" in result.stderr


def _execute(python: Path, notebook: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run a notebook with nbconvert from the fresh environment; return the executed copy."""
    result = run(python, ["-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.timeout=600", "--output-dir",
                          str(notebook.parent / "executed"), str(notebook)],
                 cwd=notebook.parent, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return nbformat.read(notebook.parent / "executed" / notebook.name, as_version=4)


@pytest.mark.installed
def test_a_student_notebook_runs_from_the_installed_wheel(
        fresh: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory,
        tmp_path: Path) -> None:
    python, env = fresh
    # The kernel nbconvert starts is the fresh environment's own Python, with the wheel's pkedu.
    probe = new_notebook(cells=[new_code_cell(
        "import sys\nconfigured = 'pkedu.kernel' in sys.modules\nimport pkedu\n"
        "print(sys.prefix)\nprint(pkedu.data.data_dir())\nprint(configured)")])
    probe.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}
    nbformat.write(probe, tmp_path / "probe.ipynb")
    outputs = _execute(python, tmp_path / "probe.ipynb", env).cells[0].outputs
    prefix, folder, configured = "".join(o.get("text", "") for o in outputs).split()
    assert configured == "True"  # the environment's IPython config loaded pkedu.kernel
    assert Path(prefix) == python.parent.parent
    assert Path(folder).is_relative_to(prefix)
    # Notebook 00 of the student edition, copied out of the edition folder.
    student = editions(tmp_path_factory).folders["student"]
    shutil.copy2(student / "notebooks" / "00_start_here.ipynb", tmp_path / "00_start_here.ipynb")
    nb = _execute(python, tmp_path / "00_start_here.ipynb", env)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    shown = "".join(str(o.get("data", {})) for c in nb.cells if c.cell_type == "code"
                    for o in c.outputs)
    assert "application/vnd.vegalite.v5+json" in shown  # charts were drawn
    assert "Not answered yet." in shown  # the self-checks ran against the unanswered stubs
