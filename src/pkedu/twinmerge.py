"""Bring a text twin's cells into its notebook without disturbing what did not change.

The twin is the source of the cells (type, text, visible metadata such as
tags); the notebook keeps everything the twin does not hold: cell ids,
outputs, execution counts, hidden cell metadata, and its own notebook
metadata (no ``jupytext`` bookkeeping such as ``default_lexer`` is added).
Cells are matched with :mod:`difflib`, so inserting, deleting or editing one
cell leaves every other cell's id and outputs where they were.

>>> from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
>>> old = new_notebook(cells=[new_markdown_cell("# A", id="a1"),
...                           new_code_cell("x = 1", id="c1", execution_count=1)])
>>> new = new_notebook(cells=[new_markdown_cell("# A", id="zz"),
...                           new_markdown_cell("New", id="a1"),
...                           new_code_cell("x = 2", id="yy")])
>>> merged = merge(new, old)
>>> [(c.id, c.source) for c in merged.cells][0], merged.cells[2].id, merged.cells[2].execution_count
(('a1', '# A'), 'c1', 1)
>>> merged.cells[1].id not in {"a1", "c1"}
True
"""

from __future__ import annotations

import copy
import difflib
import uuid
from collections.abc import Sequence

from jupytext.cell_metadata import _IGNORE_CELL_METADATA
from jupytext.header import _DEFAULT_NOTEBOOK_METADATA
from jupytext.metadata_filter import restore_filtered_metadata
from nbformat import NotebookNode

__all__ = ["merge", "pairs"]

SIMILAR = 0.5  # below this similarity an unmatched cell counts as new, not as edited


def _key(cell: NotebookNode) -> tuple[str, str]:
    return cell.cell_type, cell.source


def pairs(old: Sequence[NotebookNode], new: Sequence[NotebookNode]) -> dict[int, int]:
    """Index in ``new`` -> index in ``old`` of the same cell (unchanged or edited).

    >>> from nbformat.v4 import new_code_cell as c
    >>> sorted(pairs([c("a"), c("b = 1"), c("z")], [c("a"), c("new"), c("b = 2"), c("z")]).items())
    [(0, 0), (2, 1), (3, 2)]
    """
    found: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, [_key(c) for c in old], [_key(c) for c in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.update(zip(range(j1, j2), range(i1, i2)))
        elif tag == "replace":
            found.update(_edited(old, range(i1, i2), new, range(j1, j2)))
    return found


def _edited(old: Sequence[NotebookNode], olds: range, new: Sequence[NotebookNode],
            news: range) -> dict[int, int]:
    """Pair the cells of a changed stretch: by position when the stretch kept its shape,
    else each new cell with the most similar old cell of its type, in order."""
    if len(olds) == len(news) and all(old[i].cell_type == new[j].cell_type
                                      for i, j in zip(olds, news)):
        return dict(zip(news, olds))
    found, start = {}, olds.start
    for j in news:
        best, best_ratio = None, SIMILAR
        for i in range(start, olds.stop):
            if old[i].cell_type != new[j].cell_type:
                continue
            ratio = difflib.SequenceMatcher(None, old[i].source, new[j].source).ratio()
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            found[j], start = best, best + 1
    return found


def merge(source: NotebookNode, notebook: NotebookNode | None,
          config: object = None) -> NotebookNode:
    """The notebook with the cells of ``source`` (a twin read by jupytext).

    ``notebook`` gives ids, outputs and hidden metadata to the cells it shares
    with ``source``; ``None`` builds a notebook from the twin alone.
    """
    base = notebook if notebook is not None else NotebookNode(
        cells=[], metadata={}, nbformat=4, nbformat_minor=source.get("nbformat_minor", 5))
    cell_filter = getattr(config, "cell_metadata_filter", None) or None
    nb_filter = getattr(config, "notebook_metadata_filter", None) or None
    matched = pairs(base.cells, source.cells)
    used = {base.cells[i].get("id") for i in matched.values()}
    cells = []
    for j, new_cell in enumerate(source.cells):
        if j in matched:
            old_cell = base.cells[matched[j]]
            cell = copy.deepcopy(old_cell)
            cell.source = new_cell.source
            cell.metadata = restore_filtered_metadata(new_cell.metadata, old_cell.metadata,
                                                      cell_filter, _IGNORE_CELL_METADATA)
        else:
            cell = copy.deepcopy(new_cell)
            if (base.nbformat, base.nbformat_minor) < (4, 5):
                cell.pop("id", None)  # cell ids came with nbformat 4.5
            elif cell.get("id") in used or "id" not in cell:
                cell.id = _fresh_id(used)
        used.add(cell.get("id"))
        cells.append(cell)
    metadata = restore_filtered_metadata(source.metadata, base.metadata, nb_filter,
                                         _DEFAULT_NOTEBOOK_METADATA)
    metadata.pop("jupytext", None)  # the twin's header bookkeeping, never the notebook's
    if "jupytext" in base.metadata:
        metadata["jupytext"] = copy.deepcopy(base.metadata["jupytext"])
    return NotebookNode(cells=cells, metadata=metadata, nbformat=base.nbformat,
                        nbformat_minor=base.nbformat_minor)


def _fresh_id(used: set) -> str:
    while (candidate := uuid.uuid4().hex[:8]) in used:
        pass
    return candidate
