"""Turn instructor notebooks into student and self-study notebooks.

Instructors write one notebook with everything in it. :func:`release` writes
two versions of every notebook:

* ``student/``: solutions replaced by prompts, for class;
* ``self-study/``: the same prompts, each followed by the worked solution
  folded away in a ``<details>`` block (it renders in JupyterLab and Voila,
  offline), for learners on their own.

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
"""

from __future__ import annotations

import ast
import copy
import re
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = [
    "ReleaseError", "MarkerError", "Released", "release", "release_notebook", "student_code",
    "student_markdown", "assigned_names", "find_notebooks", "VERSIONS", "INSTRUCTOR_ONLY",
]

#: The versions :func:`release` writes, one folder each.
VERSIONS: tuple[str, ...] = ("student", "self-study")
#: Cells with this tag are removed from every released version.
INSTRUCTOR_ONLY = "instructor-only"
#: A cell with this tag is a solution as a whole (as if wrapped in markers).
SOLUTION_TAG = "solution"
_DROPPED_TAGS = frozenset({INSTRUCTOR_ONLY, SOLUTION_TAG})

CODE_PROMPT = "# Your code here"
MARKDOWN_PROMPT = "*Write your answer here.*"
SUMMARY = "Show a worked solution (try it yourself first)"

_CODE_BEGIN = re.compile(r"^[ \t]*#[ \t]*BEGIN[ \t]+SOLUTION[ \t]*$", re.IGNORECASE)
_CODE_END = re.compile(r"^[ \t]*#[ \t]*END[ \t]+SOLUTION[ \t]*$", re.IGNORECASE)
_MD_MARKER = re.compile(r"<!--[ \t]*(BEGIN|END)[ \t]+SOLUTION[ \t]*-->", re.IGNORECASE)
_ANY_MARKER = re.compile(r"(BEGIN|END)[ \t]+SOLUTION", re.IGNORECASE)
_DEFAULT_KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                   "language": "python"}


class ReleaseError(ValueError):
    """A notebook cannot be released; the message names the notebook and cell."""


class MarkerError(ReleaseError):
    """Solution markers are unbalanced or malformed."""


# --- code cells -----------------------------------------------------------------------------

class _Bindings(ast.NodeVisitor):
    """Names a block binds in its own scope, in order; loop variables and imports excluded."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []  # (name, stub line without indent)
        self.returns = False

    def _add(self, name: str, stub: str) -> None:
        if name not in (n for n, _ in self.items):
            self.items.append((name, stub))

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store):
            self._add(node.id, f"{node.id} = ...")

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        prefix = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
        self._add(node.name, f"{prefix} {node.name}({ast.unparse(node.args)}):\n    return ...")

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._add(node.name, f"{node.name} = ...")

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        for child in (node.iter, *node.body, *node.orelse):
            self.visit(child)

    visit_AsyncFor = visit_For  # type: ignore[assignment]

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.target)
            self.visit(node.value)

    def visit_Return(self, node: ast.Return) -> None:
        self.returns = True

    def _skip(self, node: ast.AST) -> None:
        """Imports and inner scopes (lambdas, comprehensions) bind nothing we stub."""

    visit_Import = visit_ImportFrom = visit_Lambda = _skip
    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _skip


def _parse(code: str, where: str) -> ast.Module:
    try:
        return ast.parse(code)
    except SyntaxError as first:
        try:  # IPython syntax (%magics, !shell) is fine in a notebook
            from IPython.core.inputtransformer2 import TransformerManager

            return ast.parse(TransformerManager().transform_cell(code))
        except (ImportError, SyntaxError):
            raise ReleaseError(f"{where}: the solution is not valid Python (line "
                               f"{first.lineno} of the solution: {first.msg})") from None


def assigned_names(code: str, where: str = "solution") -> list[str]:
    """The names a solution block binds at its own level, in order of appearance.

    Loop variables, imports and names inside functions do not count.

    >>> assigned_names("a, (b, *c) = f()\\nfor i in x:\\n    total += i\\ndef g(y=1):\\n    z = y")
    ['a', 'b', 'c', 'total', 'g']
    """
    visitor = _Bindings()
    visitor.visit(_parse(textwrap.dedent(code), where))
    return [name for name, _ in visitor.items]


def _stub(block: list[str], indent: str, where: str) -> list[str]:
    visitor = _Bindings()
    visitor.visit(_parse(textwrap.dedent("\n".join(block)), where))
    lines = [indent + CODE_PROMPT]
    for _name, stub in visitor.items:
        lines += [indent + line for line in stub.splitlines()]
    if visitor.returns:
        lines.append(indent + "return ...")
    if indent and len(lines) == 1:  # an indented block must not be left empty
        lines.append(indent + "...")
    return lines


def _split_code(source: str, where: str) -> tuple[str, str] | None:
    """(student text, worked solution without marker lines), or None when there is no marker."""
    lines = source.splitlines()
    student: list[str] = []
    worked: list[str] = []
    block: list[str] | None = None
    begin_line = indent = ""
    found = False
    for number, line in enumerate(lines, start=1):
        if _CODE_BEGIN.match(line):
            if block is not None:
                raise MarkerError(f"{where}: '# BEGIN SOLUTION' on line {number} comes before "
                                  f"the '# END SOLUTION' of the one on line {begin_line}")
            block, begin_line, found = [], str(number), True
            indent = line[: len(line) - len(line.lstrip())]
        elif _CODE_END.match(line):
            if block is None:
                raise MarkerError(f"{where}: '# END SOLUTION' on line {number} has no "
                                  "'# BEGIN SOLUTION' before it")
            student += _stub(block, indent, where)
            block = None
        elif block is not None:
            block.append(line)
            worked.append(line)
        else:
            student.append(line)
            worked.append(line)
    if block is not None:
        raise MarkerError(f"{where}: '# BEGIN SOLUTION' on line {begin_line} has no "
                          "'# END SOLUTION' after it")
    if not found:
        return None
    return "\n".join(student), "\n".join(worked)


def student_code(source: str, where: str = "cell") -> str:
    """A code cell's text with every solution block replaced by its stub.

    >>> print(student_code("def share(a, b):\\n    # BEGIN SOLUTION\\n    return a / b\\n"
    ...                    "    # END SOLUTION"))
    def share(a, b):
        # Your code here
        return ...
    >>> student_code("# BEGIN SOLUTION\\nx = 1", where="demo.ipynb, cell 3")
    Traceback (most recent call last):
    ...
    pkedu.release.MarkerError: demo.ipynb, cell 3: '# BEGIN SOLUTION' on line 1 has no \
'# END SOLUTION' after it
    """
    split = _split_code(source, where)
    return source if split is None else split[0]


# --- markdown cells -------------------------------------------------------------------------

def _split_markdown(source: str, where: str) -> tuple[str, str] | None:
    """(student text, the answers), or None when there is no marker."""
    student: list[str] = []
    answers: list[str] = []
    position, open_at = 0, None
    for match in _MD_MARKER.finditer(source):
        kind = match.group(1).upper()
        line = source.count("\n", 0, match.start()) + 1
        if kind == "BEGIN":
            if open_at is not None:
                raise MarkerError(f"{where}: '<!-- BEGIN SOLUTION -->' on line {line} comes "
                                  f"before the '<!-- END SOLUTION -->' of the one on line "
                                  f"{open_at[1]}")
            student.append(source[position:match.start()])
            open_at = (match.end(), line)
        else:
            if open_at is None:
                raise MarkerError(f"{where}: '<!-- END SOLUTION -->' on line {line} has no "
                                  "'<!-- BEGIN SOLUTION -->' before it")
            answers.append(source[open_at[0]:match.start()].strip("\n"))
            student.append(MARKDOWN_PROMPT)
            open_at = None
        position = match.end()
    if open_at is not None:
        raise MarkerError(f"{where}: '<!-- BEGIN SOLUTION -->' on line {open_at[1]} has no "
                          "'<!-- END SOLUTION -->' after it")
    if not answers:
        return None
    student.append(source[position:])
    return "".join(student), "\n\n".join(answers)


def student_markdown(source: str, where: str = "cell") -> str:
    """A Markdown cell's text with every answer replaced by a prompt.

    >>> student_markdown("<!-- END SOLUTION -->", where="demo.ipynb, cell 2")
    Traceback (most recent call last):
    ...
    pkedu.release.MarkerError: demo.ipynb, cell 2: '<!-- END SOLUTION -->' on line 1 has no \
'<!-- BEGIN SOLUTION -->' before it
    """
    split = _split_markdown(source, where)
    return source if split is None else split[0]


# --- notebooks ------------------------------------------------------------------------------

def _tags(cell: NotebookNode) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [t for t in tags if isinstance(t, str)]


def _split_cell(cell: NotebookNode, where: str) -> tuple[str, str] | None:
    source = cell.source
    if SOLUTION_TAG in _tags(cell):
        if cell.cell_type == "code":
            return "\n".join(_stub(source.splitlines(), "", where)), source
        if cell.cell_type == "markdown":
            return MARKDOWN_PROMPT, source
    if cell.cell_type == "code":
        return _split_code(source, where)
    if cell.cell_type == "markdown":
        return _split_markdown(source, where)
    return None


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _details(solution: str, cell_type: str, language: str) -> str:
    if cell_type == "code":
        fence = _fence(solution)
        body = f"{fence}{language}\n{solution.strip(chr(10))}\n{fence}"
    else:
        body = solution.strip("\n")
    return f"<details><summary>{SUMMARY}</summary>\n\n{body}\n\n</details>"


def _clean_cell(cell: NotebookNode, source: str, cell_id: str) -> NotebookNode:
    kept = [t for t in _tags(cell) if t not in _DROPPED_TAGS]
    new = nbformat.from_dict({"cell_type": cell.cell_type, "id": cell_id, "source": source,
                              "metadata": {"tags": kept} if kept else {}})
    if cell.cell_type == "code":
        new.outputs = []
        new.execution_count = None
    elif cell.get("attachments"):
        new.attachments = copy.deepcopy(cell.attachments)
    return new


def _unique_id(wanted: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]", "-", wanted)[:56] or "cell"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


def _where(name: str, index: int, cell: NotebookNode) -> str:
    cell_id = cell.get("id")
    ident = f", id {cell_id!r}" if cell_id else ""
    return f"{name}, cell {index} ({cell.cell_type}{ident})"


def release_notebook(nb: NotebookNode, version: str, name: str = "notebook") -> NotebookNode:
    """One released version (``"student"`` or ``"self-study"``) of an instructor notebook.

    ``name`` is used in error messages. The input notebook is not changed.

    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> nb = new_notebook(cells=[new_code_cell("# BEGIN SOLUTION\\nn = 10\\n# END SOLUTION"),
    ...                          new_code_cell("secret", metadata={"tags": ["instructor-only"]})])
    >>> out = release_notebook(nb, "self-study")
    >>> [c.cell_type for c in out.cells], out.cells[0].source
    (['code', 'markdown'], '# Your code here\\nn = ...')
    """
    if version not in VERSIONS:
        raise ValueError(f"version must be one of {list(VERSIONS)}, not {version!r}")
    language = nb.metadata.get("language_info", {}).get("name") or nb.metadata.get(
        "kernelspec", {}).get("language") or "python"
    cells: list[NotebookNode] = []
    used: set[str] = set()
    for index, cell in enumerate(nb.cells, start=1):
        if INSTRUCTOR_ONLY in _tags(cell):
            continue
        where = _where(name, index, cell)
        split = _split_cell(cell, where)
        source = cell.source if split is None else split[0]
        if _ANY_MARKER.search(source):
            raise MarkerError(f"{where}: a solution marker is written in a way the release "
                              "does not recognise. Put '# BEGIN SOLUTION' / '# END SOLUTION' "
                              "alone on their lines in code cells, and '<!-- BEGIN SOLUTION -->'"
                              " / '<!-- END SOLUTION -->' in Markdown cells.")
        cell_id = _unique_id(cell.get("id") or f"cell-{index}", used)
        cells.append(_clean_cell(cell, source, cell_id))
        if split is not None and version == "self-study":
            details = nbformat.v4.new_markdown_cell(_details(split[1], cell.cell_type, language))
            details.id = _unique_id(f"{cell_id}-solution", used)
            cells.append(details)
    out = nbformat.v4.new_notebook(cells=cells)
    kernelspec = dict(nb.metadata.get("kernelspec") or _DEFAULT_KERNEL)
    out.metadata = nbformat.from_dict({"kernelspec": kernelspec,
                                       "language_info": {"name": language}})
    try:
        nbformat.validate(out)
    except nbformat.ValidationError as exc:
        raise ReleaseError(f"{name}: the released notebook is not valid: {exc.message}") from None
    return out


def find_notebooks(src: Path, exclude: Path | None = None) -> list[Path]:
    """Instructor notebooks under ``src``: subfolders too, but not ``text/`` twins,
    hidden folders (checkpoints) or anything under ``exclude``."""
    src = Path(src)
    skip = Path(exclude).resolve() if exclude is not None else None
    found = []
    for path in sorted(src.rglob("*.ipynb")):
        parts = path.relative_to(src).parts
        if any(p == "text" or p.startswith(".") for p in parts[:-1]):
            continue
        if skip is not None and path.resolve().is_relative_to(skip):
            continue
        found.append(path)
    return found


@dataclass
class Released:
    """What :func:`release` wrote."""

    out: Path
    notebooks: list[Path] = field(default_factory=list)
    exercises: int = 0
    removed: int = 0

    def summary(self) -> str:
        """One short paragraph for the terminal."""
        return (f"Released {len(self.notebooks)} notebook(s) with {self.exercises} exercise "
                f"cell(s); {self.removed} instructor-only cell(s) left out.\n"
                f"  for class:      {self.out / 'student'}\n"
                f"  for self-study: {self.out / 'self-study'}")


def release(src: str | Path, out: str | Path) -> Released:
    """Write ``OUT/student/`` and ``OUT/self-study/`` from the notebooks in ``src``.

    Everything is checked before anything is written, so a marker error
    leaves the previous release untouched. The two output folders are
    replaced as a whole (notebooks deleted from ``src`` disappear from them).
    """
    src, out = Path(src), Path(out)
    if not src.is_dir():
        raise ReleaseError(f"{src} is not a folder of notebooks")
    paths = find_notebooks(src, exclude=out)
    if not paths:
        raise ReleaseError(f"no notebooks (.ipynb) found in {src}")
    report = Released(out=out)
    built: dict[str, dict[Path, NotebookNode]] = {version: {} for version in VERSIONS}
    for path in paths:
        relative = path.relative_to(src)
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # a damaged file: say which one
            raise ReleaseError(f"{relative}: cannot be read as a notebook ({exc})") from None
        for version in VERSIONS:
            built[version][relative] = release_notebook(nb, version, name=str(relative))
        report.notebooks.append(relative)
        report.removed += sum(INSTRUCTOR_ONLY in _tags(c) for c in nb.cells)
        report.exercises += sum(
            INSTRUCTOR_ONLY not in _tags(c) and _split_cell(c, str(relative)) is not None
            for c in nb.cells)
    for version, notebooks in built.items():
        target = out / version
        if target.exists():
            shutil.rmtree(target)
        for relative, nb in notebooks.items():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, target / relative)
    return report
