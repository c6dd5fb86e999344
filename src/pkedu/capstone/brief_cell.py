"""Read the policy brief from the saved notebook file, where the student wrote it in a text cell.

Written work belongs in Markdown cells: they are kept in the notebook the
student hands in, apostrophes and line breaks need no care, and headings and
lists render. The brief's cell follows a text cell that ends with the marker
:data:`BRIEF_MARKER`; :func:`saved_brief` finds it in the saved ``.ipynb``
file (the kernel cannot see unsaved edits, so students save first).

>>> import nbformat
>>> from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
>>> nb = new_notebook(cells=[new_markdown_cell("Write it below.\\n\\n*Your brief:*"),
...                          new_markdown_cell("Title: Start small\\n\\nWe recommend ..."),
...                          new_code_cell("pk.capstone.check_brief()")])
>>> brief_text(nb)
'Title: Start small\\n\\nWe recommend ...'
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode

#: The text that ends the cell just before the brief's own cell.
BRIEF_MARKER = "*Your brief:*"
# What stands in the brief's cell before the student writes: the release prompt, nbgrader's.
_PLACEHOLDERS = ("*Write your answer here.*", "YOUR ANSWER HERE")
# Solution markers, and a folded worked solution (the self-study edition's): not the student's words.
_NOISE = re.compile(r"<!--\s*(?:BEGIN|END)\s+SOLUTION\s*-->|<details>.*?</details>",
                    re.IGNORECASE | re.DOTALL)


class BriefNotFound(Exception):
    """The brief's cell could not be found or read: the message says what to do."""


def _source(cell: NotebookNode) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def brief_text(notebook: NotebookNode) -> str | None:
    """The brief in a notebook: the text cells after the marker cell, up to the next code cell.

    None when no cell carries :data:`BRIEF_MARKER`; ``""`` when the brief's
    cell is empty or still holds the prompt.

    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> brief_text(new_notebook(cells=[new_markdown_cell("No marker here.")])) is None
    True
    >>> brief_text(new_notebook(cells=[new_markdown_cell("*Your brief:*"),
    ...                                new_markdown_cell("*Write your answer here.*")]))
    ''
    """
    cells = list(notebook.get("cells", []))
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "markdown" and _source(cell).rstrip().endswith(BRIEF_MARKER):
            parts = []
            for after in cells[i + 1:]:
                if after.get("cell_type") == "code":
                    break
                if after.get("cell_type") == "markdown":
                    parts.append(_source(after))
            text = _NOISE.sub("", "\n\n".join(parts))
            for placeholder in _PLACEHOLDERS:
                text = text.replace(placeholder, "")
            return text.strip()
    return None


def _find_notebook(folder: Path | None = None) -> Path:
    """The most recently saved notebook in ``folder`` (default: here) that has the brief's cell.

    >>> _find_notebook(Path("/nonexistent-folder"))
    Traceback (most recent call last):
    ...
    pkedu.capstone.brief_cell.BriefNotFound: No notebook here has the brief's cell ('*Your brief:*'). Pass the file's name: pk.capstone.check_brief(notebook='07_capstone_fact_check.ipynb', charts=[...]).
    """
    folder = Path.cwd() if folder is None else folder
    found = []
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        try:
            if BRIEF_MARKER in path.read_text(encoding="utf-8"):
                found.append(path)
        except (OSError, UnicodeDecodeError):
            continue
    if not found:
        raise BriefNotFound(f"No notebook here has the brief's cell ({BRIEF_MARKER!r}). Pass the "
                            "file's name: pk.capstone.check_brief(notebook="
                            "'07_capstone_fact_check.ipynb', charts=[...]).")
    return max(found, key=lambda p: p.stat().st_mtime)


def saved_brief(notebook: str | Path | None = None) -> tuple[str, str]:
    """(the brief's text, the file's name) from the saved notebook. Raises :class:`BriefNotFound`."""
    path = _find_notebook() if notebook is None else Path(notebook)
    if path.suffix != ".ipynb":
        path = path.with_name(path.name + ".ipynb")
    try:
        nb = nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise BriefNotFound(f"There is no notebook called {path.name!r} in this folder.") from None
    except Exception:  # a damaged or half-written file
        raise BriefNotFound(f"{path.name!r} could not be read as a notebook. Save it again "
                            "(Ctrl-S) and run this cell again.") from None
    text = brief_text(nb)
    if text is None:
        raise BriefNotFound(f"{path.name!r} has no cell marked {BRIEF_MARKER!r}: the brief goes "
                            "in the text cell right under it. Put the marker back, or start "
                            "from a fresh copy of the notebook.")
    return text, path.name
