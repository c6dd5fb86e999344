"""Reading an instructor notebook, with one plain sentence for every way it can be damaged.

The release reads a notebook's cells, their tags and attachments, and the
kernel and language in its metadata. Each of these is checked before use, so
a damaged file gives a message that names the notebook (and the cell), never
a traceback:

>>> check_notebook({"cells": [{"cell_type": "code", "source": "",
...                            "metadata": {"tags": "instructor-only"}}]}, "02_x.ipynb")
Traceback (most recent call last):
...
pkedu.release.ReleaseError: 02_x.ipynb, cell 1: its tags must be a list such as \
["instructor-only"], not a text ('instructor-only'). Fix the cell's tags in JupyterLab \
(property inspector, "Cell Tags") or in the text twin.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

from pkedu.release.errors import ReleaseError

__all__ = ["check_notebook", "read_notebook"]

_CELL_TYPES = ("code", "markdown", "raw")
_EXAMPLES = {"kernelspec": '{"name": "python3", "display_name": "Python 3"}',
             "language_info": '{"name": "python"}'}


def _kind(value: Any) -> str:
    """``value`` described in JSON's words, with a short excerpt."""
    names = {str: "a text", bool: "true/false", int: "a number", float: "a number",
             list: "a list", type(None): "null"}
    name = "an object" if isinstance(value, Mapping) else names.get(type(value), "a value")
    excerpt = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return name if isinstance(value, Mapping | list) or value is None else f"{name} ({excerpt})"


def _check_metadata(nb: Mapping[str, Any], name: str) -> None:
    meta = nb.get("metadata", {})
    if not isinstance(meta, Mapping):
        raise ReleaseError(f"{name}: the notebook's metadata must be an object, not {_kind(meta)}")
    for key, example in _EXAMPLES.items():
        value = meta.get(key)
        if value is None:
            continue
        advice = ("Choose the kernel again in JupyterLab (Kernel -> Change Kernel) and save, "
                  "or fix it in the notebook's metadata.")
        if not isinstance(value, Mapping):
            raise ReleaseError(f"{name}: the notebook metadata {key!r} must be an object such as "
                               f"{example}, not {_kind(value)}. {advice}")
        for field in ("name", "display_name", "language"):
            if not isinstance(value.get(field, ""), str):
                raise ReleaseError(f"{name}: the notebook metadata {key!r} has "
                                   f"{_kind(value[field])} as its {field!r}, where a text "
                                   f"belongs. {advice}")


def _check_cell(cell: Any, where: str) -> None:
    if not isinstance(cell, Mapping):
        raise ReleaseError(f"{where}: a cell must be an object, not {_kind(cell)}")
    if cell.get("cell_type") not in _CELL_TYPES:
        raise ReleaseError(f"{where}: unknown cell type {cell.get('cell_type')!r} "
                           f"(expected one of {', '.join(_CELL_TYPES)})")
    source = cell.get("source", "")
    if not (isinstance(source, str)
            or isinstance(source, list) and all(isinstance(s, str) for s in source)):
        raise ReleaseError(f"{where}: its source must be text, not {_kind(source)}")
    if not isinstance(cell.get("id", ""), str):
        raise ReleaseError(f"{where}: its id must be a text, not {_kind(cell.get('id'))}")
    meta = cell.get("metadata", {})
    if not isinstance(meta, Mapping):
        raise ReleaseError(f"{where}: its metadata must be an object, not {_kind(meta)}")
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ReleaseError(f'{where}: its tags must be a list such as ["instructor-only"], not '
                           f"{_kind(tags)}. Fix the cell's tags in JupyterLab (property "
                           'inspector, "Cell Tags") or in the text twin.')
    attachments = cell.get("attachments", {})
    if not isinstance(attachments, Mapping) or not all(
            isinstance(k, str) and isinstance(v, Mapping) for k, v in attachments.items()):
        raise ReleaseError(f"{where}: its attachments must map file names to their data, "
                           f"not {_kind(attachments)}")


def check_notebook(nb: Mapping[str, Any], name: str) -> None:
    """Raise :class:`ReleaseError` if a part of ``nb`` the release reads is malformed."""
    if not isinstance(nb, Mapping):
        raise ReleaseError(f"{name}: is not a Jupyter notebook (it holds {_kind(nb)})")
    _check_metadata(nb, name)
    cells = nb.get("cells")
    if not isinstance(cells, list):
        raise ReleaseError(f"{name}: the notebook's 'cells' must be a list, not {_kind(cells)}")
    for index, cell in enumerate(cells, start=1):
        _check_cell(cell, f"{name}, cell {index}")


def read_notebook(path: Path, name: str) -> NotebookNode:
    """The notebook at ``path`` (in format 4), or :class:`ReleaseError` naming ``name``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     broken = Path(folder, "x.ipynb")
    ...     _ = broken.write_text('{"cells": [')
    ...     read_notebook(broken, "x.ipynb")
    Traceback (most recent call last):
    ...
    pkedu.release.ReleaseError: x.ipynb: is not valid JSON (line 1, column 12: Expecting value). \
Restore it from git or from a copy.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReleaseError(f"{name}: is not a notebook (not UTF-8 text)") from None
    except OSError as exc:
        raise ReleaseError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReleaseError(f"{name}: is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                           f"{exc.msg}). Restore it from git or from a copy.") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("nbformat"), int):
        raise ReleaseError(f"{name}: is not a Jupyter notebook (no 'nbformat' version number)")
    if raw["nbformat"] > 4:
        raise ReleaseError(f"{name}: notebook format {raw['nbformat']} is newer than this "
                           "release knows (4)")
    if raw["nbformat"] == 4:
        check_notebook(raw, name)
    try:
        nb = nbformat.reads(text, as_version=4, capture_validation_error={})
    except Exception as exc:  # an older format that cannot be converted
        raise ReleaseError(f"{name}: cannot be read as a notebook ({exc})") from None
    check_notebook(nb, name)
    return nb
