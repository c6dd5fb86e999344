"""One released version of one notebook: tags, attachments, prompts and folds.

>>> from nbformat.v4 import new_notebook, new_code_cell
>>> nb = new_notebook(cells=[new_code_cell("# BEGIN SOLUTION\\nn = 10\\n# END SOLUTION"),
...                          new_code_cell("secret", metadata={"tags": ["Instructor_Only"]})])
>>> out = release_notebook(nb, "self-study")
>>> [c.cell_type for c in out.cells], out.cells[0].source
(['code', 'markdown'], '# Your code here\\nn = ...')
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import nbformat
from nbformat import NotebookNode

from pkedu.release.errors import MarkerError, ReleaseError
from pkedu.release.inputs import check_notebook
from pkedu.release.markers import MARKDOWN_PROMPT, split_code, split_markdown
from pkedu.release.stubs import stub_lines

__all__ = ["VERSIONS", "INSTRUCTOR_ONLY", "SOLUTION_TAG", "SUMMARY", "is_instructor_only",
           "is_solution", "release_notebook", "solution_pieces", "tag_warnings"]

#: The versions the release writes, one folder each.
VERSIONS: tuple[str, ...] = ("student", "self-study")
#: Cells with this tag are removed from every released version.
INSTRUCTOR_ONLY = "instructor-only"
#: A cell with this tag is a solution as a whole (as if wrapped in markers).
SOLUTION_TAG = "solution"
SUMMARY = "Show a worked solution (try it yourself first)"

_LOOK_ALIKE_WORDS = ("instructor", "teacher", "tutor", "solution", "soln", "answer", "private",
                     "secret", "hidden", "hide", "remove", "exclude")
_DEFAULT_KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                   "language": "python"}


def _key(tag: str) -> str:
    """A tag without case, spaces, hyphens or underscores: how the release compares tags."""
    return re.sub(r"[\s_-]+", "", tag.casefold())


_KNOWN = {_key(INSTRUCTOR_ONLY): INSTRUCTOR_ONLY, _key(SOLUTION_TAG): SOLUTION_TAG}


def _tags(cell: Mapping[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def is_instructor_only(cell: Mapping[str, Any]) -> bool:
    """True for a cell tagged ``instructor-only``, however it is capitalised or spaced.

    >>> is_instructor_only({"metadata": {"tags": ["Instructor Only"]}})
    True
    """
    return any(_KNOWN.get(_key(t)) == INSTRUCTOR_ONLY for t in _tags(cell))


def is_solution(cell: Mapping[str, Any]) -> bool:
    """True for a cell tagged ``solution`` (any capitalisation)."""
    return any(_KNOWN.get(_key(t)) == SOLUTION_TAG for t in _tags(cell))


def tag_warnings(cell: Mapping[str, Any], where: str) -> list[str]:
    """A warning for each tag that looks meant to hide the cell but does nothing.

    >>> tag_warnings({"metadata": {"tags": ["instructor-onyl", "nbval-ignore-output"]}}, "c 3")
    ["c 3: the tag 'instructor-onyl' means nothing to the release, so this cell goes to \
students as it is. Did you mean 'instructor-only'?"]
    """
    found = []
    for tag in _tags(cell):
        key = _key(tag)
        if key in _KNOWN:
            continue
        close = difflib.get_close_matches(key, list(_KNOWN), n=1, cutoff=0.75)
        if close or any(word in key for word in _LOOK_ALIKE_WORDS):
            advice = (f"Did you mean {_KNOWN[close[0]]!r}?" if close else
                      f"Tag it {INSTRUCTOR_ONLY!r} to leave it out, or {SOLUTION_TAG!r} to "
                      "replace it with a prompt.")
            found.append(f"{where}: the tag {tag!r} means nothing to the release, so this cell "
                         f"goes to students as it is. {advice}")
    return found


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def solution_pieces(cell: Mapping[str, Any], where: str) -> list[tuple[str, str]] | None:
    """The student text of ``cell`` cut right after each solution, with that solution.

    None when the cell holds no solution. The last piece may have no solution
    (the text after it). A code cell is one piece: its check must stay with it.
    """
    source, kind = _source(cell), cell.get("cell_type")
    if is_solution(cell):
        if kind == "code":
            return [("\n".join(stub_lines(source.splitlines(), "", where)), source)]
        if kind == "markdown":
            return [(MARKDOWN_PROMPT, source)]
        raise MarkerError(f"{where}: a raw cell cannot be a solution (it is not shown as a "
                          "prompt); make it a Markdown or code cell")
    if kind == "code":
        split = split_code(source, where)
        return None if split is None else [split]
    if kind == "markdown":
        return split_markdown(source, where)
    if re.search(r"(BEGIN|END)[ \t]+SOLUTION", source, re.IGNORECASE):
        raise MarkerError(f"{where}: a raw cell cannot hold solution markers (it reaches "
                          "students as it is); make it a Markdown or code cell")
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


def _used_attachments(attachments: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The attachments ``text`` refers to (``attachment:NAME``, NAME as written or URL-quoted)."""
    def used(name: str) -> bool:
        return any(re.search(r"attachment:" + re.escape(form) + r"(?=[\s)\"'>]|$)", text)
                   for form in {name, quote(name)})

    return {name: dict(data) for name, data in attachments.items() if used(name)}


def _new_cell(cell_type: str, source: str, cell_id: str, tags: list[str],
              attachments: Mapping[str, Any]) -> NotebookNode:
    new = nbformat.from_dict({"cell_type": cell_type, "id": cell_id, "source": source,
                              "metadata": {"tags": tags} if tags else {}})
    if cell_type == "code":
        new.outputs = []
        new.execution_count = None
    else:
        used = _used_attachments(attachments, source)
        if used:
            new.attachments = nbformat.from_dict(used)
    return new


def unique_id(wanted: str, used: set[str], limit: int = 56) -> str:
    """A cell id made of safe characters, not yet in ``used`` (which it joins).

    >>> used = {"q1"}
    >>> unique_id("q1", used), unique_id("a b", used), sorted(used)
    ('q1-2', 'a-b', ['a-b', 'q1', 'q1-2'])
    """
    base = re.sub(r"[^A-Za-z0-9_-]", "-", wanted)[:limit] or "cell"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


def cell_where(name: str, index: int, cell: Mapping[str, Any]) -> str:
    """How messages name a cell: notebook, number from 1, type and id."""
    cell_id = cell.get("id")
    ident = f", id {cell_id!r}" if cell_id else ""
    return f"{name}, cell {index} ({cell.get('cell_type')}{ident})"


def _released_cells(cell: Mapping[str, Any], where: str, version: str, language: str,
                    used: set[str], index: int) -> list[NotebookNode]:
    kind, attachments = cell["cell_type"], cell.get("attachments", {})
    tags = [t for t in _tags(cell) if _key(t) not in _KNOWN]
    cell_id = unique_id(cell.get("id") or f"cell-{index}", used)
    pieces = solution_pieces(cell, where)
    if pieces is None:
        return [_new_cell(kind, _source(cell), cell_id, tags, attachments)]
    if version == "student":
        return [_new_cell(kind, "".join(text for text, _ in pieces), cell_id, tags, attachments)]
    cells: list[NotebookNode] = []
    for text, solution in pieces:
        if not text.strip() and cells:
            continue
        piece_id = cell_id if not cells else unique_id(f"{cell_id}-{len(cells) + 1}", used)
        cells.append(_new_cell(kind, text.strip("\n") if kind == "markdown" else text,
                               piece_id, tags, attachments))
        if solution:
            fold = _new_cell("markdown", _details(solution, kind, language),
                             unique_id(f"{cell_id}-solution", used), [], attachments)
            cells.append(fold)
    return cells


def release_notebook(nb: NotebookNode, version: str, name: str = "notebook") -> NotebookNode:
    """One released version (``"student"`` or ``"self-study"``) of an instructor notebook.

    ``name`` is used in error messages. The input notebook is not changed.
    """
    if version not in VERSIONS:
        raise ValueError(f"version must be one of {list(VERSIONS)}, not {version!r}")
    check_notebook(nb, name)
    kernel = nb.get("metadata", {}).get("kernelspec") or {}
    language = (nb.get("metadata", {}).get("language_info") or {}).get("name") or kernel.get(
        "language") or "python"
    cells: list[NotebookNode] = []
    used: set[str] = set()
    for index, cell in enumerate(nb["cells"], start=1):
        if not is_instructor_only(cell):
            where = cell_where(name, index, cell)
            cells += _released_cells(cell, where, version, language, used, index)
    out = nbformat.v4.new_notebook(cells=cells)
    kernelspec = {"name": kernel.get("name") or _DEFAULT_KERNEL["name"],
                  "display_name": kernel.get("display_name") or kernel.get("name")
                  or _DEFAULT_KERNEL["display_name"],
                  "language": kernel.get("language") or language}
    out.metadata = nbformat.from_dict({"kernelspec": kernelspec,
                                       "language_info": {"name": language}})
    try:
        nbformat.validate(out)
    except nbformat.ValidationError as exc:
        raise ReleaseError(f"{name}: the released notebook is not valid: {exc.message}") from None
    return out
