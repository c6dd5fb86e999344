"""Write an nbgrader course directory from the instructor notebooks.

``pkedu grading SRC_DIR COURSE_DIR`` (or ``python3 course.py grading``)
writes, for every instructor notebook that has something to grade::

    COURSE_DIR/nbgrader_config.py                      (only when missing)
    COURSE_DIR/source/<notebook>/<notebook>.ipynb      one assignment per notebook

From there nbgrader does the rest (``generate_assignment``, ``autograde``,
``export``...; see ``docs/grading.md``). Nothing an instructor wrote is
overwritten: an existing ``nbgrader_config.py`` is kept, and a source
notebook that differs from the new one is replaced only with ``force=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from pkedu.grading.notebook import graded_ids, grading_notebook
from pkedu.release import ReleaseError, find_notebooks

__all__ = ["write_course", "Course", "CONFIG"]

#: The nbgrader_config.py written into a new course directory.
CONFIG = '''\
"""nbgrader settings for the pkedu course (written by `pkedu grading`; edit freely)."""

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "pkedu"
# The database of students and grades is gradebook.db, next to this file.

# A solution is replaced by the student's starting point, which the source
# notebook already holds ("# Your code here" and "name = ..."), so the stub is empty.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = ("*Write your answer here: double-click this cell to edit it. "
                              "It is saved in the notebook and handed in with it.*")

# Autograding: seconds a cell may run before it is stopped (an endless loop
# then costs its own question, not the whole notebook).
c.Execute.timeout = 120

# Learning platform downloads (nbgrader zip_collect): how to read a student id
# and the notebook name from a downloaded file name. This pattern reads
# "<anything>_<student id>_attempt_<timestamp>_<notebook>.ipynb"
# (Blackboard style); change it to match your platform's file names.
c.FileNameCollectorPlugin.named_regexp = (
    r".*_(?P<student_id>[^_]+)_attempt_(?P<timestamp>[0-9-]+)_(?P<file_id>.+\\.ipynb)"
)
# nbgrader's own collector, but a time written with dashes only (Blackboard's
# 2026-03-02-11-40-00) is read to the second, not as 11:00: the newest attempt wins.
c.ZipCollectApp.collector_plugin = "pkedu.grading.collect.PlatformFileNames"
'''


@dataclass
class Course:
    """What :func:`write_course` wrote."""

    root: Path
    assignments: dict[str, int] = field(default_factory=dict)  # assignment -> total points
    skipped: list[str] = field(default_factory=list)  # notebooks with nothing to grade
    config_written: bool = False

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"Wrote {len(self.assignments)} nbgrader assignment(s) to {self.root / 'source'}:"]
        lines += [f"  {name}: {points} point(s)" for name, points in self.assignments.items()]
        if self.skipped:
            lines.append(f"Nothing to grade in: {', '.join(self.skipped)}")
        config = self.root / "nbgrader_config.py"
        lines.append(f"{'Wrote' if self.config_written else 'Kept'} {config}")
        return "\n".join(lines)


def write_course(src: str | Path, root: str | Path, force: bool = False) -> Course:
    """Write ``root/source/<nb>/<nb>.ipynb`` for each gradable notebook in ``src``.

    Every notebook is converted before anything is written, so an error
    leaves the course directory as it was.
    """
    src, root = Path(src), Path(root)
    if not src.is_dir():
        raise ReleaseError(f"{src} is not a folder of notebooks")
    course = Course(root=root)
    built: dict[Path, nbformat.NotebookNode] = {}
    for path in find_notebooks(src, exclude=root):
        name = path.relative_to(src).as_posix()
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # a damaged file: say which one
            raise ReleaseError(f"{name}: cannot be read as a notebook ({exc})") from None
        out = grading_notebook(nb, name)
        points = graded_ids(out)
        if not points:
            course.skipped.append(name)
            continue
        if path.stem in course.assignments:
            raise ReleaseError(f"{name}: another notebook is also called {path.stem!r}; "
                               "assignment names must differ")
        course.assignments[path.stem] = sum(points.values())
        built[root / "source" / path.stem / path.name] = out
    if not built:
        raise ReleaseError(f"no notebook in {src} has anything to grade")
    for target, out in built.items():
        text = nbformat.writes(out) + "\n"
        if target.exists() and target.read_text(encoding="utf-8") != text and not force:
            raise ReleaseError(f"{target} exists and differs from the new version (it may "
                               "hold your edits); pass --force to replace it")
    for target, out in built.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(out) + "\n", encoding="utf-8")
    config = root / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG, encoding="utf-8")
        course.config_written = True
    return course
