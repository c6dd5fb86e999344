"""Write the student and self-study editions: complete course folders that stand on their own.

An edition is what an instructor gives a class: the released notebooks and apps
(see :mod:`pkedu.release`), a README with its own two commands, a ``course.py``
that needs nothing but Python, ``requirements.txt`` and ``environment.yml``,
and the ``pkedu`` package itself as a wheel in ``wheels/`` (with the course's
data inside), so the folder installs and runs with no other file of the
project. It holds no solutions (the self-study edition folds worked solutions
away under each exercise, by design), no lesson plans, no instructor guide and
no instructor-only cells.

:func:`write_editions` writes ``OUT/student/`` and ``OUT/self-study/``. It
builds everything in a scratch folder first, so a failure leaves the previous
editions as they were, and it never overwrites or deletes a file it did not
write: it keeps a list of its files with their checksums in
``.pkedu-edition.json`` and refuses, naming the file, when one of them was
changed by hand or when a file of someone else's is in the way. Other files in
the folder (a ``.git`` folder, a CI file) are left alone, so an edition folder
can be a clone of the repository the class pulls from.

>>> sorted(EDITIONS)
['self-study', 'student']
>>> _title_of({"cells": [{"cell_type": "markdown", "source": "# 01 · Convergence\\nText"}]})
'01 · Convergence'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template

from pkedu.release import ReleaseError, release

__all__ = ["EDITIONS", "MANIFEST", "EditionError", "Editions", "build_wheel", "write_editions"]

#: The editions :func:`write_editions` writes, one folder each (the release's versions).
EDITIONS: tuple[str, ...] = ("student", "self-study")
#: The file in each edition that lists the files the edition wrote, with their checksums.
MANIFEST = ".pkedu-edition.json"
#: A fixed time stamp for the files inside the wheel, so the same source gives the same bytes.
_WHEEL_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold
_KEEP = (".git", ".venv")  # never looked into, never touched
_NOTES = {
    "student": ("student edition", "This is the **student edition**: every exercise is yours to "
                "answer, and nothing in it gives the answers away."),
    "self-study": ("self-study edition", "This is the **self-study edition**, for learning on your "
                   "own: after each exercise a worked solution is folded away under *Show a worked "
                   "solution*. Try the exercise first, then compare."),
}


class EditionError(Exception):
    """An edition cannot be written; the message says why and what to do."""


@dataclass
class Editions:
    """What :func:`write_editions` wrote."""

    out: Path
    folders: dict[str, Path] = field(default_factory=dict)
    wheel: str = ""
    notebooks: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"Wrote {len(self.folders)} edition(s) of {len(self.notebooks)} notebook(s) "
                 f"with the package {self.wheel}:"]
        lines += [f"  {name + ':':12s}{path}" for name, path in self.folders.items()]
        return "\n".join(lines)


# --- the wheel ------------------------------------------------------------------------------

def _build_requirements_met(pyproject: dict) -> bool:
    """Whether this environment already has the build backend, so pip can build offline."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    for text in pyproject.get("build-system", {}).get("requires", []):
        wanted = Requirement(text)
        try:
            if not wanted.specifier.contains(version(wanted.name), prereleases=True):
                return False
        except PackageNotFoundError:
            return False
    return True


def build_wheel(root: str | Path, dest: str | Path) -> Path:
    """Build the ``pkedu`` wheel from the project in ``root`` into ``dest``; return its path.

    Only the files the package is built from are copied to a scratch folder
    and built there, so the project folder gets no ``build/`` or
    ``*.egg-info`` leftovers. When this environment has the build backend
    (setuptools, see ``pyproject.toml``) pip builds offline with it; otherwise
    pip fetches it from the package index once.
    """
    root, dest = Path(root), Path(dest)
    pyproject_file = root / "pyproject.toml"
    if not pyproject_file.is_file():
        raise EditionError(f"{root} has no pyproject.toml: give the course's project folder")
    pyproject = tomllib.loads(pyproject_file.read_text(encoding="utf-8"))
    project = pyproject.get("project", {})
    setuptools = pyproject.get("tool", {}).get("setuptools", {})
    needed = ["pyproject.toml", project.get("readme", "README.md"),
              *project.get("license-files", []), *setuptools.get("package-dir", {}).values(),
              *(f for files in setuptools.get("data-files", {}).values() for f in files)]
    with tempfile.TemporaryDirectory(prefix="pkedu-wheel-") as scratch:
        source = Path(scratch) / "source"
        for name in dict.fromkeys(needed):
            path = root / name
            if path.is_dir():
                shutil.copytree(path, source / name, ignore=shutil.ignore_patterns(
                    "__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints"))
            elif path.is_file():
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, source / name)
            else:
                raise EditionError(f"{path} is missing: the package cannot be built without it")
        built = Path(scratch) / "wheel"
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                   "--disable-pip-version-check", "--wheel-dir", str(built), str(source)]
        if _build_requirements_met(pyproject):
            command.insert(4, "--no-build-isolation")
        env = {**os.environ, "SOURCE_DATE_EPOCH": _WHEEL_EPOCH}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        wheels = sorted(built.glob("*.whl"))
        if result.returncode != 0 or len(wheels) != 1:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            raise EditionError("building the pkedu wheel failed: "
                               + (lines[-1] if lines else f"pip exited with {result.returncode}"))
        dest.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(wheels[0], dest / wheels[0].name))


# --- the edition's own files ----------------------------------------------------------------

def _template(name: str) -> str:
    return (resources.files("pkedu") / "edition_files" / name).read_text(encoding="utf-8")


def _title_of(nb: dict) -> str:
    """The first Markdown heading of a notebook, without its hashes."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            for line in source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _notebook_list(notebooks: Path) -> str:
    rows = ["| notebook | title |", "|---|---|"]
    for path in sorted(notebooks.glob("*.ipynb")):
        title = _title_of(json.loads(path.read_text(encoding="utf-8"))) or path.stem
        rows.append(f"| [`{path.name}`](notebooks/{path.name}) | {title.replace('|', '/')} |")
    return "\n".join(rows)


def _fill(tree: Path, edition: str, root: Path, wheel: Path) -> None:
    """Write the edition's own files into ``tree``, which already holds ``notebooks/``."""
    notebooks = tree / "notebooks"
    apps = sorted(p.stem for p in (notebooks / "apps").glob("*.ipynb"))
    title, note = _NOTES[edition]
    readme = Template(_template("README.md")).substitute(
        edition_title=title, edition_note=note, notebook_list=_notebook_list(notebooks),
        app_names=", ".join(f"`{name}`" for name in apps) or "(none in this edition)")
    (tree / "README.md").write_text(readme, encoding="utf-8")
    shutil.copyfile(resources.files("pkedu") / "edition_files" / "student_course.py",
                    tree / "course.py")
    (tree / "wheels").mkdir()
    shutil.copyfile(wheel, tree / "wheels" / wheel.name)
    (tree / "requirements.txt").write_text(
        "# What the course installs: its own package (in wheels/, with the course's data inside)\n"
        "# and, as that package's dependencies, pandas, Altair, ipywidgets, JupyterLab and Voila.\n"
        f"./wheels/{wheel.name}\n", encoding="utf-8")
    (tree / "environment.yml").write_text(
        "# conda env create -f environment.yml && conda activate pkedu-course\n"
        "# The packages come from requirements.txt (pip), which installs the wheel in wheels/.\n"
        "name: pkedu-course\nchannels:\n  - conda-forge\ndependencies:\n"
        f"  - python{_python_bound(root)}\n  - pip\n  - pip:\n      - -r requirements.txt\n",
        encoding="utf-8")
    (tree / ".gitignore").write_text(
        ".venv/\n__pycache__/\n.ipynb_checkpoints/\n.virtual_documents/\n", encoding="utf-8")
    for name in ("LICENSE", "LICENSE-content.md"):
        if (root / name).is_file():
            shutil.copyfile(root / name, tree / name)
    if (root / "data" / "README.md").is_file():  # the data notes the notebooks point students to
        (tree / "data").mkdir()
        (tree / "data" / "README.md").write_text(
            students_data_notes((root / "data" / "README.md").read_text(encoding="utf-8")),
            encoding="utf-8")


def students_data_notes(text: str) -> str:
    """The data notes without links to the maintainers' docs, which an edition does not hold.

    >>> print(students_data_notes("See [`docs/x.md`](../docs/x.md) for more."))
    See `docs/x.md` (in the instructor's copy of the course) for more.
    """
    return re.sub(r"\[`?([^\]`]+)`?\]\(\.\./docs/[^)\s]+\)",
                  r"`\1` (in the instructor's copy of the course)", text)


def _python_bound(root: Path) -> str:
    """One minor version of Python, the lowest the course allows (``=3.11``).

    repo2docker (Binder, the Kubernetes image) honours only a pinned minor version; given a
    range such as ``>=3.11`` it falls back to its default Python, which may be too old.
    """
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project.get("requires-python", ">=3.11").replace(" ", "")
    lowest = wanted.removeprefix(">=").split(",")[0]
    return f"={lowest}" if wanted.startswith(">=") else wanted


# --- writing without losing anything --------------------------------------------------------

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(tree: Path) -> dict[str, Path]:
    """Every file under ``tree`` by its relative POSIX path, ``.git`` and ``.venv`` left out."""
    found = {}
    for path in sorted(tree.rglob("*")):
        relative = path.relative_to(tree)
        if relative.parts[0] in _KEEP or not (path.is_file() or path.is_symlink()):
            continue
        found[relative.as_posix()] = path
    return found


def _previous(target: Path) -> dict[str, str]:
    """The files the last edition in ``target`` wrote, with their checksums."""
    manifest = target / MANIFEST
    if not manifest.is_file():
        return {}
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EditionError(f"{manifest} is damaged, so it is not clear which files the last "
                           "edition wrote; move the folder aside and try again") from None


def _previous_folder(target: Path) -> Path:
    """Where the last edition waits while the new one moves in."""
    return target.with_name(f".{target.name}.previous")


def _check_target(target: Path, staged: dict[str, Path]) -> dict[str, Path]:
    """Refuse when writing would overwrite or delete a file the edition did not write.

    Returns the existing files that are not the edition's (to be kept).
    """
    if target.exists() and not target.is_dir():
        raise EditionError(f"{target} is a file, not a folder; move it aside and try again")
    old = _previous_folder(target)
    if old.exists():
        raise EditionError(f"{old} is left from an interrupted run; its files that are not "
                           f"the edition's belong in {target}. Move them back, delete {old} "
                           "and try again")
    if not target.exists():
        return {}
    ours = _previous(target)
    existing = _files(target)
    foreign = {}
    for relative, path in existing.items():
        if relative == MANIFEST:
            continue
        if relative in ours:
            if path.is_symlink() or _digest(path) != ours[relative]:
                raise EditionError(f"{path} was changed after the edition was written; keep "
                                   "your change elsewhere (or delete the file) and try again")
        elif relative in staged or any(relative.startswith(name + "/") for name in staged):
            raise EditionError(f"{path} is in the way: the edition writes a file there and "
                               "never overwrites one it did not write. Move it aside and try "
                               "again")
        else:
            foreign[relative] = path
    for relative in staged:
        for parent in Path(relative).parents:
            if parent != Path(".") and (target / parent).is_file():
                raise EditionError(f"{target / parent} is in the way of {relative}")
    return foreign


def _install(staged: Path, target: Path) -> None:
    """Put the finished tree ``staged`` at ``target``, keeping what is not the edition's."""
    files = _files(staged)
    files.pop(MANIFEST, None)
    manifest = {"files": {relative: _digest(path) for relative, path in files.items()}}
    (staged / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    foreign = _check_target(target, files)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        staged.rename(target)
        return
    old = _previous_folder(target)
    target.rename(old)
    staged.rename(target)
    # Everything that is not the edition's moves back, .git and .venv first; only then is the old
    # edition deleted, so an interruption leaves nobody's file anywhere but in `old`.
    for name in _KEEP:
        if (old / name).exists():
            (old / name).rename(target / name)
    for relative in foreign:
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (old / relative).rename(target / relative)
    shutil.rmtree(old)


def write_editions(root: str | Path, out: str | Path, *,
                   wheel: str | Path | None = None) -> Editions:
    """Write ``OUT/student/`` and ``OUT/self-study/`` from the course project in ``root``.

    ``root`` is the project folder (with ``notebooks/``, ``data/`` and
    ``pyproject.toml``). ``wheel`` is a built ``pkedu`` wheel to put in the
    editions; without it one is built with :func:`build_wheel`.
    """
    root, out = Path(root), Path(out)
    if not (root / "notebooks").is_dir() or not (root / "pyproject.toml").is_file():
        raise EditionError(f"{root} is not the course's project folder (it needs notebooks/ "
                           "and pyproject.toml)")
    if out.resolve().is_relative_to((root / "notebooks").resolve()):
        raise EditionError(f"{out} is inside {root / 'notebooks'}: write the editions elsewhere "
                           "(the default is build/editions)")
    if wheel is not None and (Path(wheel).suffix != ".whl" or not Path(wheel).is_file()):
        raise EditionError(f"{wheel} is not a wheel file (.whl)")
    out.mkdir(parents=True, exist_ok=True)
    report = Editions(out=out)
    with tempfile.TemporaryDirectory(prefix=".pkedu-edition-", dir=out) as scratch:
        scratch_dir = Path(scratch)
        built = Path(wheel) if wheel is not None else build_wheel(root, scratch_dir / "wheel")
        report.wheel = built.name
        try:
            released = release(root / "notebooks", scratch_dir / "released")
        except ReleaseError as exc:
            raise EditionError(str(exc)) from None
        report.notebooks = list(released.notebooks)
        for edition in EDITIONS:
            tree = scratch_dir / edition
            tree.mkdir()
            shutil.move(scratch_dir / "released" / edition, tree / "notebooks")
            _fill(tree, edition, root, built)
        for edition in EDITIONS:  # check both before changing either
            _check_target(out / edition, _files(scratch_dir / edition))
        for edition in EDITIONS:
            _install(scratch_dir / edition, out / edition)
            report.folders[edition] = out / edition
    return report
