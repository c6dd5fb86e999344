"""``pkedu execute``: re-run a notebook and save it, never losing an instructor's work.

Everything runs on temporary copies; the course notebooks are never rewritten here.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from pkedu import cli, execute, twins

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A notebooks folder with the course's pairing configuration."""
    root = tmp_path / "notebooks"
    (root / "apps" / "text").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / twins.CONFIG_FILE, root / twins.CONFIG_FILE)
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_execute_saves_outputs_without_widget_state_and_keeps_the_twin(folder: Path) -> None:
    app = folder / "apps" / "consensus.ipynb"
    shutil.copy(ROOT / "notebooks" / "apps" / "consensus.ipynb", app)
    shutil.copy(ROOT / "notebooks" / "apps" / "text" / "consensus.md",
                folder / "apps" / "text" / "consensus.md")
    nb = nbformat.read(app, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.cells.append(new_code_cell("1 / 0", metadata={"tags": ["raises-exception"]}))
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nbformat.write(nb, app)
    twins.sync(folder, force=True)
    os.utime(app)  # the notebook is the newer side, as after saving it in JupyterLab

    run = execute.execute(app)

    saved = json.loads(app.read_text())
    assert "widgets" not in saved["metadata"]
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for o in code[-2]["outputs"])  # the app's widget
    assert code[-1]["outputs"][0]["ename"] == "ZeroDivisionError"  # allowed by its tag
    twin = twins.twin_of(app)
    assert twin.state() == "in sync"
    assert twin.text.stat().st_mtime >= app.stat().st_mtime  # JupyterLab opens the pair
    assert run.problems == []
    assert sorted(p.name for p in (folder / "apps").iterdir()) == ["consensus.ipynb", "text"]


def test_an_error_in_a_cell_leaves_everything_untouched(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "01_demo.ipynb"
    nbformat.write(new_notebook(cells=[
        new_markdown_cell("# Demo"),
        new_code_cell("total = 6 * 7\ntotal", outputs=[], execution_count=None),
        new_code_cell("share = total / 0"),
        new_code_cell("print('never reached')"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"}}), path)
    twins.sync(folder)
    before = _files(folder)

    assert cli.main(["execute", str(path)]) == 1

    err = capsys.readouterr().err
    assert err.splitlines()[0] == (f"pkedu: {path}, cell 3 (share = total / 0): "
                                   "ZeroDivisionError: division by zero. The notebook was not "
                                   "changed.")
    assert "Traceback" not in err
    assert _files(folder) == before


def test_a_twin_with_newer_edits_stops_the_run_before_it_starts(folder: Path) -> None:
    path = folder / "02_demo.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), path)
    twins.sync(folder)
    twin = twins.twin_of(path).text
    twin.write_text(twin.read_text().replace("x = 1", "x = 2"))
    before = _files(folder)
    with pytest.raises(execute.ExecuteError, match="pkedu sync --from-text"):
        execute.execute(path)
    assert _files(folder) == before


@pytest.mark.parametrize("content", ["{not json", "{}", '{"cells": "none", "metadata": {}}', ""])
def test_a_broken_notebook_gets_one_line(folder: Path, content: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "03_broken.ipynb"
    path.write_text(content)
    assert cli.main(["execute", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith(f"pkedu: {path} is not a readable notebook (")
    assert path.read_text() == content


def test_paths_that_are_not_notebooks_are_refused(folder: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "notes.txt").write_text("x")
    assert cli.main(["execute", str(folder / "notes.txt")]) == 1
    assert "not a notebook" in capsys.readouterr().err
    assert cli.main(["execute", str(folder / "nope.ipynb")]) == 1
    assert "there is no such notebook or folder" in capsys.readouterr().err
    assert execute.notebooks_in([folder]) == []
    assert cli.main(["execute", str(folder)]) == 1
    assert f"no notebooks in {folder}" in capsys.readouterr().err
