"""One instructor notebook as an nbgrader "source" notebook.

The instructor notebook's solution markers become nbgrader's, and its cells
become nbgrader cells (cell metadata ``nbgrader``, schema 3):

* a code cell with ``# BEGIN SOLUTION`` / ``# END SOLUTION``: an autograded
  answer cell. The student's starting point (``name = ...`` for every name
  the solution assigns, as in the student release) stays outside the
  solution region, so the released cell still runs and says "not answered
  yet";
* each ``pk.check("id", answer)`` whose answer comes from a solution: an
  autograded test cell worth :func:`~pkedu.grading.points.points_for` points.
  Students see the self-check; the hidden part (``### BEGIN HIDDEN TESTS``,
  removed by nbgrader on release and put back at autograde time) fails unless
  the check says Correct;
* a reflection (``pk.check`` of a ``reflection`` question) and a written
  answer in Markdown (``<!-- BEGIN SOLUTION -->``): a manually graded Markdown
  cell holding the model answer, which nbgrader replaces by a prompt. The
  student writes in that cell, so the answer is saved in the notebook file;
* every other Markdown cell: read-only.

Grade ids come from question ids (``test-00-start-month``) or, for cells with
no question, from the instructor cell's id, so they do not depend on
positions: students may add or move cells.

>>> from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell
>>> nb = new_notebook(cells=[
...     new_markdown_cell("Count the members.", id="intro"),
...     new_code_cell("# BEGIN SOLUTION\\nn = 10\\n# END SOLUTION\\n"
...                   "pk.check('00-asean-members', n)")])
>>> out = grading_notebook(nb)
>>> [c.metadata.nbgrader["grade_id"] for c in out.cells]
['text-intro', 'answer-00-asean-members', 'test-00-asean-members']
>>> print(out.cells[1].source)
# Your code here
n = ...
### BEGIN SOLUTION
n = 10
### END SOLUTION
>>> out.cells[2].metadata.nbgrader["points"]
1
"""

from __future__ import annotations

import ast
import re

import nbformat
from nbformat import NotebookNode

from pkedu import questions
from pkedu.grading.points import WRITTEN_POINTS, points_for
from pkedu.release import (
    INSTRUCTOR_ONLY, SOLUTION_TAG, ReleaseError, assigned_names, release_notebook,
    student_code,
)
from pkedu.release.notebook import unique_id

__all__ = ["grading_notebook", "graded_ids", "BEGIN", "END"]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
#: Said before a reflection's answer cell: the notebook's text may say "between the quotes".
REFLECTION_NOTE = ("*In this version, write your answer in the text cell below instead of between "
                   "quotes in code: it is saved in this notebook and handed in with it.*")
# Marker lines and comments as pkedu.release accepts them (it has checked them first).
_CODE_MARK = re.compile(r"^([ \t]*)#[ \t]*(BEGIN|END)[ \t]+SOLUTION[ \t]*$", re.IGNORECASE)
_MD_MARK = re.compile(r"<!--[ \t]*(BEGIN|END)[ \t]+SOLUTION[ \t]*-->", re.IGNORECASE)


def _meta(grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = False,
          points: int | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def _tags(cell: NotebookNode) -> list[str]:
    return [t for t in cell.get("metadata", {}).get("tags", []) if isinstance(t, str)]


def _new(cell_type: str, source: str, grade_id: str, used: set[str], **meta) -> NotebookNode:
    grade_id = unique_id(grade_id, used, limit=60)
    make = nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
    cell = make(source, metadata=_meta(grade_id, **meta))
    cell.id = grade_id
    return cell


# --- code ------------------------------------------------------------------------------------

def _blocks(source: str) -> list[tuple[str, list[str]]]:
    """The solution blocks of a (checked) code cell: (indent, lines) each."""
    blocks: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in source.splitlines():
        mark = _CODE_MARK.match(line)
        if mark and mark.group(2).upper() == "BEGIN":
            current = []
            blocks.append((mark.group(1), current))
        elif mark:
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def _nbgrader_code(source: str, where: str) -> str:
    """Markers to nbgrader's; the student's stub (from pkedu.release) placed around each block.

    >>> print(_nbgrader_code("def f(x):\\n    # BEGIN SOLUTION\\n    return 2 * x\\n"
    ...                      "    # END SOLUTION", "demo"))
    def f(x):
        # Your code here
        ### BEGIN SOLUTION
        return 2 * x
        ### END SOLUTION
        return ...
    """
    out: list[str] = []
    block: list[str] | None = None
    for line in source.splitlines():
        mark = _CODE_MARK.match(line)
        if mark and mark.group(2).upper() == "BEGIN":
            block, indent = [], mark.group(1)
        elif mark:
            stub = student_code("\n".join([f"{indent}# BEGIN SOLUTION", *block,
                                           f"{indent}# END SOLUTION"]), where).splitlines()
            tail = stub[-1:] if len(stub) > 1 and stub[-1].strip() == "return ..." else []
            # Names are stubbed before the solution (it overwrites them); a final
            # "return ..." after it (never reached while the solution is there).
            out += stub[:len(stub) - len(tail)]
            out += [indent + BEGIN, *block, indent + END, *tail]
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def _checks(source: str) -> list[tuple[str, ast.Expr]]:
    """Top-level ``pk.check("id", answer)`` statements: (question id, statement)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in tree.body:
        call = node.value if isinstance(node, ast.Expr) else None
        if not isinstance(call, ast.Call) or len(call.args) != 2:
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = call.args[0]
        if name == "check" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((first.value, node))
    return found


def _answer_names(statement: ast.Expr) -> set[str]:
    return {n.id for n in ast.walk(statement.value.args[1]) if isinstance(n, ast.Name)}


def _kind(question_id: str) -> str | None:
    try:
        return questions.get(question_id).kind
    except KeyError:
        return None


def _test_source(question_id: str, visible: str) -> str:
    """The self-check, then the hidden test.

    The hidden part comes last so that at autograde time the cell shows no
    result value: nbgrader would read a result as partial credit.
    """
    return "\n".join([visible, HIDDEN[0], "from pkedu.grading import assert_correct",
                      f"assert_correct({question_id!r}, {ast.unparse(_answer_expr(visible))})",
                      HIDDEN[1]])


def _answer_expr(visible: str) -> ast.expr:
    return ast.parse(visible).body[0].value.args[1]


def _model_answer(blocks: list[tuple[str, list[str]]]) -> str:
    """A reflection's model answer: the text it assigns, else the solution code."""
    code = "\n".join("\n".join(lines) for _, lines in blocks)
    try:
        values = [n.value.value for n in ast.parse(code).body if isinstance(n, ast.Assign)
                  and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)]
    except SyntaxError:
        values = []
    return "\n\n".join(values) if values else f"```python\n{code}\n```"


# --- markdown --------------------------------------------------------------------------------

def _markdown_parts(source: str) -> list[tuple[bool, str]]:
    """(is an answer, text) pieces of a Markdown cell, in order."""
    parts, position, start = [], 0, 0
    for match in _MD_MARK.finditer(source):
        if match.group(1).upper() == "BEGIN":
            parts.append((False, source[position:match.start()]))
            start = match.end()
        else:
            parts.append((True, source[start:match.start()]))
        position = match.end()
    parts.append((False, source[position:]))
    return [(answer, text.strip("\n")) for answer, text in parts if text.strip()]


# --- the notebook ----------------------------------------------------------------------------

def grading_notebook(nb: NotebookNode, name: str = "notebook") -> NotebookNode:
    """The nbgrader source version of an instructor notebook (the input is not changed).

    Markers are checked by :func:`pkedu.release.release_notebook` first, so a
    marker error reads the same as in ``pkedu release``.
    """
    release_notebook(nb, "student", name)  # raises a MarkerError naming the cell
    cells: list[NotebookNode] = []
    used: set[str] = set()
    bound: set[str] = set()  # names some solution block assigns, so far
    graded: set[str] = set()
    for index, cell in enumerate(nb.cells, start=1):
        if INSTRUCTOR_ONLY in _tags(cell):
            continue
        cell_id = cell.get("id") or f"cell-{index}"
        where = f"{name}, cell {index}"
        if cell.cell_type == "markdown":
            cells += _markdown_cells(cell, cell_id, used)
        elif cell.cell_type == "code":
            cells += _code_cells(cell, cell_id, where, used, bound, graded)
        else:
            cells.append(nbformat.from_dict(dict(cell)))
    out = nbformat.v4.new_notebook(cells=cells)
    out.metadata = nbformat.from_dict({
        "kernelspec": dict(nb.metadata.get("kernelspec") or {
            "name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}),
        "language_info": {"name": "python"}})
    nbformat.validate(out)
    return out


def _markdown_cells(cell: NotebookNode, cell_id: str, used: set[str]) -> list[NotebookNode]:
    if SOLUTION_TAG in _tags(cell):
        parts = [(True, cell.source)]
    else:
        parts = _markdown_parts(cell.source) or [(False, cell.source)]
    out = []
    for is_answer, text in parts:
        if is_answer:
            out.append(_new("markdown", text, f"written-{cell_id}", used, solution=True,
                            grade=True, points=WRITTEN_POINTS))
        else:
            new = _new("markdown", text, f"text-{cell_id}", used, locked=True)
            if cell.get("attachments"):
                new.attachments = cell.attachments
            out.append(new)
    return out


def _code_cells(cell: NotebookNode, cell_id: str, where: str, used: set[str], bound: set[str],
                graded: set[str]) -> list[NotebookNode]:
    source = cell.source
    if SOLUTION_TAG in _tags(cell):
        source = f"# BEGIN SOLUTION\n{source}\n# END SOLUTION"
    blocks = _blocks(source)
    if blocks:  # what a solution cell defines is the student's work (a def around a block too)
        bound.update(assigned_names(source, where))
        for _, lines in blocks:
            bound.update(assigned_names("\n".join(lines), where))
    tests = [(qid, stmt) for qid, stmt in _checks(source)
             if qid not in graded and _kind(qid) is not None and _answer_names(stmt) & bound]
    graded.update(qid for qid, _ in tests)
    reflections = [qid for qid, _ in tests if _kind(qid) == "reflection"]
    if reflections and (not blocks or len(tests) > 1):
        raise ReleaseError(f"{where}: put the reflection's solution and its "
                           f"pk.check({reflections[0]!r}, ...) together in one cell, with no "
                           "other check, so that it can become a written answer")
    if blocks and reflections:  # the answer is text: a Markdown cell the student writes in
        qid = reflections[0]
        return [_new("markdown", REFLECTION_NOTE, f"note-{qid}", used, locked=True),
                _new("markdown", _model_answer(blocks), f"answer-{qid}", used, solution=True,
                     grade=True, points=points_for(qid))]
    lines = source.splitlines()
    moved = {n for _, stmt in tests for n in range(stmt.lineno, stmt.end_lineno + 1)}
    rest = "\n".join(line for n, line in enumerate(lines, start=1) if n not in moved)
    out: list[NotebookNode] = []
    if blocks:
        key = tests[0][0] if tests else cell_id
        out.append(_new("code", _nbgrader_code(rest, where), f"answer-{key}", used,
                        solution=True))
    elif rest.strip():
        kept = nbformat.v4.new_code_cell(rest, metadata={k: v for k, v in cell.metadata.items()
                                                         if k != "nbgrader"})
        kept.id = unique_id(cell_id, used, limit=60)
        out.append(kept)
    for qid, stmt in tests:
        visible = "\n".join(lines[stmt.lineno - 1:stmt.end_lineno])
        out.append(_new("code", _test_source(qid, visible), f"test-{qid}", used, grade=True,
                        locked=True, points=points_for(qid)))
    return out


def graded_ids(nb: NotebookNode) -> dict[str, int]:
    """grade_id -> points of every graded cell of an nbgrader source notebook.

    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> graded_ids(grading_notebook(new_notebook(cells=[new_code_cell(
    ...     "# BEGIN SOLUTION\\nn = 10\\n# END SOLUTION\\npk.check('00-asean-members', n)")])))
    {'test-00-asean-members': 1}
    """
    return {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}


