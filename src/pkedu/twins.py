"""Keep every notebook paired with its MyST Markdown twin (jupytext).

Each notebook ``notebooks/NN_name.ipynb`` has a text twin
``notebooks/text/NN_name.md`` (apps: ``notebooks/apps/text/NAME.md``). The
pairing is declared once, in ``notebooks/jupytext.toml``; with it JupyterLab
(through jupytext) updates the twin every time a notebook is saved. Twins make
changes easy to review (a diff of text, not of JSON) and let instructors edit a
lesson in any text editor.

:func:`sync` (``pkedu sync``) rewrites twins that are missing or out of date,
from the notebooks; :func:`out_of_sync` lists them (``pkedu sync --check``).
Only the cells' types and sources count: outputs live only in the notebook.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import jupytext
from nbformat import NotebookNode
from jupytext.combine import combine_inputs_with_outputs
from jupytext.config import load_jupytext_config, notebook_formats
from jupytext.paired_paths import paired_paths

__all__ = ["TwinError", "Twin", "notebooks", "twin_of", "cells", "out_of_sync", "sync"]

CONFIG_FILE = "jupytext.toml"


class TwinError(ValueError):
    """The pairing is not configured, or a twin cannot be written safely."""


@dataclass(frozen=True)
class Twin:
    """A notebook, its text twin and the format jupytext writes it in."""

    notebook: Path
    text: Path
    fmt: dict

    def state(self) -> str:
        """``"in sync"``, ``"missing"``, ``"unreadable"`` or ``"differs"``."""
        if not self.text.exists():
            return "missing"
        try:
            cells(self.text)
        except TwinError:
            return "unreadable"
        # Exact text, header included: JupyterLab refuses to open a notebook whose
        # twin differs from it in any way and is older than it.
        try:
            wanted = _text(self)
        except TwinError:
            return "differs"
        return "in sync" if self.text.read_text(encoding="utf-8") == wanted else "differs"


def notebooks(root: str | Path) -> list[Path]:
    """The notebooks directly in ``root`` and one folder down (``apps/``), sorted.

    ``text/`` twins, hidden folders (checkpoints) and deeper folders are left out.
    """
    root = Path(root)
    found = [*root.glob("*.ipynb"), *root.glob("*/*.ipynb")]
    return sorted(p for p in found
                  if not any(part == "text" or part.startswith(".")
                             for part in p.relative_to(root).parts[:-1]))


def twin_of(notebook: str | Path) -> Twin:
    """The twin of a notebook, as the jupytext configuration pairs it."""
    notebook = Path(notebook)
    config = load_jupytext_config(str(notebook.resolve()))
    metadata = jupytext.read(str(notebook)) if notebook.exists() else {"metadata": {}}
    formats = notebook_formats(metadata, config, str(notebook), fallback_on_current_fmt=False)
    if not formats:
        raise TwinError(f"no jupytext pairing applies to {notebook}: the folder (or a parent) "
                        f"needs a {CONFIG_FILE} with formats = \"ipynb,text//md:myst\"")
    for path, fmt in paired_paths(str(notebook), "ipynb", formats):
        if fmt.get("extension") == ".md":
            return Twin(notebook, Path(path), fmt)
    raise TwinError(f"the jupytext pairing of {notebook} has no Markdown twin")


def _cells(nb: NotebookNode) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source) for cell in nb.cells]


def cells(path: str | Path) -> list[tuple[str, str]]:
    """(cell type, source) for every cell of a notebook or a text twin."""
    try:
        return _cells(jupytext.read(str(path)))
    except Exception as exc:  # jupytext raises several kinds of parse errors
        raise TwinError(f"{path} cannot be read: {exc}") from None


def _text(twin: Twin) -> str:
    """The twin's text, written by jupytext; refused when it would not read back the same."""
    nb = jupytext.read(str(twin.notebook))
    config = load_jupytext_config(str(twin.notebook.resolve()))
    text = jupytext.writes(nb, fmt=twin.fmt, config=config)
    if not _round_trips(nb, text, twin.fmt):
        index = next((i for i, cell in enumerate(nb.cells)
                      if not _round_trips(_alone(nb, cell),
                                          jupytext.writes(_alone(nb, cell), fmt=twin.fmt,
                                                          config=config), twin.fmt)), 0)
        raise TwinError(f"{twin.notebook}, cell {index + 1}: this cell does not survive the "
                        "trip to MyST Markdown and back (a line starting with '+++' or "
                        "'```{code-cell}' in a Markdown cell does this); reword it")
    return text


def _alone(nb: NotebookNode, cell: NotebookNode) -> NotebookNode:
    single = copy.copy(nb)
    single.cells = [cell]
    return single


def _round_trips(nb: NotebookNode, text: str, fmt: dict) -> bool:
    try:
        return _cells(jupytext.reads(text, fmt=fmt)) == _cells(nb)
    except Exception:  # noqa: BLE001 - any parse failure means "does not round-trip"
        return False


def out_of_sync(root: str | Path) -> list[Twin]:
    """Twins that are missing or whose cells differ from their notebook's."""
    return [twin for twin in map(twin_of, notebooks(root)) if twin.state() != "in sync"]


def _write_twin(twin: Twin) -> bool:
    text = _text(twin)
    if twin.text.exists() and twin.text.read_text(encoding="utf-8") == text:
        return False
    twin.text.parent.mkdir(parents=True, exist_ok=True)
    twin.text.write_text(text, encoding="utf-8")
    return True


def _from_text(twin: Twin) -> None:
    """Bring the twin's cells into the notebook, keeping the notebook's outputs."""
    source = jupytext.read(str(twin.text))
    with_outputs = jupytext.read(str(twin.notebook))
    combined = combine_inputs_with_outputs(source, with_outputs, fmt=twin.fmt)
    jupytext.write(combined, str(twin.notebook), fmt="ipynb")


def sync(root: str | Path, force: bool = False, from_text: bool = False) -> list[str]:
    """Make every twin under ``root`` match its notebook; return one line per change.

    By default the notebook is the source. A twin that differs *and* was saved
    after its notebook was probably edited as text: it is left alone (an error
    says so) unless ``force=True`` overwrites it, or ``from_text=True`` copies
    its cells into the notebook instead.
    """
    changes: list[str] = []
    refused: list[str] = []
    for twin in map(twin_of, notebooks(root)):
        state = twin.state()
        if state == "differs" and from_text:
            _from_text(twin)
            changes.append(f"updated {twin.notebook} from {twin.text}")
        elif (state == "differs" and not force
              and twin.text.stat().st_mtime > twin.notebook.stat().st_mtime):
            refused.append(f"{twin.text} was changed after {twin.notebook}")
            continue
        if _write_twin(twin):
            changes.append(f"wrote {twin.text}")
    if refused:
        raise TwinError("; ".join(refused) + ". Keep the text edits with 'pkedu sync "
                        "--from-text', or overwrite them from the notebooks with 'pkedu sync "
                        "--force'." + (f" (Also done: {'; '.join(changes)}.)" if changes else ""))
    return changes
