"""Turn instructor notebooks into student and self-study notebooks.

Instructors write one notebook with everything in it. :func:`release` writes
two versions of every notebook:

* ``student/``: solutions replaced by prompts, for class;
* ``self-study/``: the same prompts, each followed right away by the worked
  solution folded away in a ``<details>`` block (it renders in JupyterLab and
  Voila, offline), for learners on their own.

In both, cells tagged ``instructor-only`` are gone, outputs and execution
counts are cleared and metadata is cleaned.

Markers, each alone on its line in a code cell::

    # BEGIN SOLUTION
    share = asean / world
    # END SOLUTION

become, in the student version, a prompt plus ``name = ...`` for every name
the solution assigns (so a later ``pk.check("02-share", share)`` still runs and
says "not answered yet"):

>>> print(student_code("x = 1\\n# BEGIN SOLUTION\\nshare = x / 4\\n# END SOLUTION\\nshare"))
x = 1
# Your code here
share = ...
share

In Markdown cells the markers are HTML comments, and the answer becomes a
prompt:

>>> student_markdown("Why? <!-- BEGIN SOLUTION -->Because.<!-- END SOLUTION -->")
'Why? *Write your answer here.*'

The parts: :mod:`~pkedu.release.markers` finds the markers,
:mod:`~pkedu.release.stubs` writes what replaces code,
:mod:`~pkedu.release.notebook` builds one version of one notebook,
:mod:`~pkedu.release.inputs` reads notebooks and :mod:`~pkedu.release.writing`
writes the folders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from pkedu.release.errors import MarkerError, ReleaseError
from pkedu.release.inputs import read_notebook
from pkedu.release.markers import MARKDOWN_PROMPT, student_code, student_markdown
from pkedu.release.notebook import (
    INSTRUCTOR_ONLY,
    SOLUTION_TAG,
    SUMMARY,
    VERSIONS,
    cell_where,
    is_instructor_only,
    release_notebook,
    solution_pieces,
    tag_warnings,
)
from pkedu.release.stubs import CODE_PROMPT, assigned_names
from pkedu.release.writing import MANIFEST, foreign_files, record_written, write_versions

__all__ = [
    "ReleaseError", "MarkerError", "Released", "release", "release_notebook", "student_code",
    "student_markdown", "assigned_names", "find_notebooks", "VERSIONS", "INSTRUCTOR_ONLY",
    "SOLUTION_TAG", "SUMMARY", "CODE_PROMPT", "MARKDOWN_PROMPT", "MANIFEST", "foreign_files",
    "record_written",
]


def find_notebooks(src: Path, exclude: Path | None = None) -> list[Path]:
    """Instructor notebooks under ``src``: subfolders too, but not ``text/`` twins,
    hidden folders (checkpoints) or anything under ``exclude``."""
    src = Path(src)
    skip = Path(exclude).resolve() if exclude is not None else None
    found = []
    for path in sorted(src.rglob("*.ipynb")):
        parts = path.relative_to(src).parts
        if not path.is_file() or any(p == "text" or p.startswith(".") for p in parts[:-1]):
            continue
        if skip is not None and path.resolve().is_relative_to(skip):
            continue
        found.append(path)
    return found


@dataclass
class Released:
    """What :func:`release` wrote, and the warnings an instructor should read."""

    out: Path
    notebooks: list[Path] = field(default_factory=list)
    exercises: int = 0
    removed: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One short paragraph for the terminal."""
        return (f"Released {len(self.notebooks)} notebook(s) with {self.exercises} exercise "
                f"cell(s); {self.removed} instructor-only cell(s) left out.\n"
                f"  for class:      {self.out / 'student'}\n"
                f"  for self-study: {self.out / 'self-study'}")


def release(src: str | Path, out: str | Path) -> Released:
    """Write ``OUT/student/`` and ``OUT/self-study/`` from the notebooks in ``src``.

    Everything is checked and built before anything is written, and the
    folders are moved into place only when all of them are written, so any
    error leaves the previous release untouched. The two output folders are
    replaced as a whole (notebooks deleted from ``src`` disappear from them),
    but only if they hold nothing but files an earlier release wrote,
    unchanged: see :mod:`pkedu.release.writing`.
    """
    src, out = Path(src), Path(out)
    if not src.is_dir():
        raise ReleaseError(f"{src} is not a folder of notebooks")
    for version in VERSIONS:
        if src.resolve().is_relative_to((out / version).resolve()):
            raise ReleaseError(f"{src} is inside {out / version}, which the release replaces: "
                               "choose another output folder")
    if src.resolve().is_relative_to(out.resolve()):  # OUT holds the course: skip only its versions
        paths = [path for path in find_notebooks(src) if not any(
            path.resolve().is_relative_to((out / version).resolve()) for version in VERSIONS)]
    else:
        paths = find_notebooks(src, exclude=out)
    if not paths:
        raise ReleaseError(f"no notebooks (.ipynb) found in {src}")
    report = Released(out=out)
    texts: dict[str, dict[Path, str]] = {version: {} for version in VERSIONS}
    for path in paths:
        relative = path.relative_to(src)
        nb = read_notebook(path, str(relative))
        for version in VERSIONS:
            released = release_notebook(nb, version, name=str(relative))
            text = nbformat.writes(released)
            texts[version][relative] = text if text.endswith("\n") else text + "\n"
        report.notebooks.append(relative)
        for index, cell in enumerate(nb.cells, start=1):
            where = cell_where(str(relative), index, cell)
            if is_instructor_only(cell):
                report.removed += 1
                continue
            report.warnings += tag_warnings(cell, where)
            report.exercises += solution_pieces(cell, where) is not None
    write_versions(out, texts)
    return report
