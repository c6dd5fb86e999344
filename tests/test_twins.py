"""Every notebook has an up-to-date MyST Markdown twin (jupytext pairing)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from pkedu import cli, twins

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = ROOT / "notebooks"
NOTEBOOKS = twins.notebooks(NOTEBOOKS_DIR)


def test_pairing_is_configured() -> None:
    config = (NOTEBOOKS_DIR / twins.CONFIG_FILE).read_text()
    assert 'formats = "ipynb,text//md:myst"' in config
    twin = twins.twin_of(NOTEBOOKS_DIR / "00_start_here.ipynb")
    assert twin.text == NOTEBOOKS_DIR / "text" / "00_start_here.md"
    assert twins.twin_of(NOTEBOOKS_DIR / "apps" / "explorer.ipynb").text == (
        NOTEBOOKS_DIR / "apps" / "text" / "explorer.md")


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/ or notebooks/apps/ yet")
@pytest.mark.parametrize("notebook", NOTEBOOKS,
                         ids=[str(p.relative_to(NOTEBOOKS_DIR)) for p in NOTEBOOKS])
def test_twin_exists_and_matches(notebook: Path) -> None:
    twin = twins.twin_of(notebook)
    where = twin.text.relative_to(ROOT)
    assert twin.text.exists(), f"{where} is missing: run 'pkedu sync'"
    status = twin.status()
    assert status.kind == "in sync", twins.explain(twin, status)


# --- the sync machinery, on a private folder -------------------------------------------------

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "notebooks"
    (root / "apps").mkdir(parents=True)
    shutil.copy(NOTEBOOKS_DIR / twins.CONFIG_FILE, root / twins.CONFIG_FILE)
    nb = new_notebook(cells=[
        new_markdown_cell("# Title\n\nText with `code`.\n\n<!-- BEGIN SOLUTION -->\nx\n"
                          "<!-- END SOLUTION -->"),
        new_code_cell("x = 1\nx", outputs=[new_output("execute_result", {"text/plain": "1"},
                                                      execution_count=1)],
                      execution_count=1, metadata={"tags": ["instructor-only"]}),
        new_markdown_cell("Second"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"}})
    nbformat.write(nb, root / "00_demo.ipynb")
    nbformat.write(new_notebook(cells=[new_code_cell("print('app')")]), root / "apps" / "a.ipynb")
    return root


def _age(path: Path, seconds: int) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds))


def test_sync_writes_missing_twins_that_round_trip(folder: Path) -> None:
    assert [t.state() for t in twins.out_of_sync(folder)] == ["missing", "missing"]
    changes = twins.sync(folder)
    assert len(changes) == 2
    assert twins.out_of_sync(folder) == []
    text = (folder / "text" / "00_demo.md").read_text()
    assert text.startswith("---\njupytext:")
    assert ":tags: [instructor-only]" in text
    assert (folder / "apps" / "text" / "a.md").exists()
    assert twins.sync(folder) == []  # nothing left to do


def test_a_changed_notebook_makes_its_twin_stale(folder: Path) -> None:
    twins.sync(folder)
    _age(folder / "text" / "00_demo.md", 60)
    nb = nbformat.read(folder / "00_demo.ipynb", as_version=4)
    nb.cells.append(new_code_cell("y = 2"))
    nbformat.write(nb, folder / "00_demo.ipynb")
    assert [t.text.name for t in twins.out_of_sync(folder)] == ["00_demo.md"]
    assert twins.sync(folder) == [f"wrote {folder / 'text' / '00_demo.md'}"]
    assert twins.out_of_sync(folder) == []


def test_outputs_alone_do_not_make_a_twin_stale(folder: Path) -> None:
    twins.sync(folder)
    nb = nbformat.read(folder / "00_demo.ipynb", as_version=4)
    nb.cells[1].outputs = []
    nbformat.write(nb, folder / "00_demo.ipynb")
    assert twins.out_of_sync(folder) == []


def test_an_edited_twin_is_never_overwritten_silently(folder: Path) -> None:
    twins.sync(folder)
    _age(folder / "00_demo.ipynb", 60)
    md = folder / "text" / "00_demo.md"
    md.write_text(md.read_text().replace("x = 1", "x = 41"))
    with pytest.raises(twins.TwinError, match="--from-text"):
        twins.sync(folder)
    assert "x = 41" in md.read_text()
    twins.sync(folder, from_text=True)
    nb = nbformat.read(folder / "00_demo.ipynb", as_version=4)
    assert nb.cells[1].source == "x = 41\nx"
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == "1"  # outputs kept
    assert twins.out_of_sync(folder) == []


def test_force_overwrites_an_edited_twin(folder: Path) -> None:
    twins.sync(folder)
    _age(folder / "00_demo.ipynb", 60)
    md = folder / "text" / "00_demo.md"
    md.write_text(md.read_text().replace("x = 1", "x = 41"))
    twins.sync(folder, force=True)
    assert "x = 41" not in md.read_text()
    assert "x = 41" in md.with_name("00_demo.md.bak").read_text()


def test_a_cell_markdown_cannot_hold_is_refused(folder: Path) -> None:
    nb = nbformat.read(folder / "00_demo.ipynb", as_version=4)
    nb.cells.append(new_markdown_cell("Fine\n\n+++ looks like a cell break"))
    nbformat.write(nb, folder / "00_demo.ipynb")
    with pytest.raises(twins.TwinError, match="00_demo.ipynb, cell 4: .*'\\+\\+\\+'"):
        twins.sync(folder)
    assert not (folder / "text" / "00_demo.md").exists()


def test_an_unreadable_twin_is_reported(folder: Path) -> None:
    twins.sync(folder)
    (folder / "text" / "00_demo.md").write_text("```{code-cell}\n:tags: [\nx\n```\n")
    [twin] = twins.out_of_sync(folder)
    status = twin.status()
    assert status.kind == "twin changed"
    assert "00_demo.md cannot be read: Code cell 0 at line 1" in status.problem


def test_no_pairing_configured_is_a_clear_error(folder: Path) -> None:
    (folder / twins.CONFIG_FILE).unlink()
    with pytest.raises(twins.TwinError, match="jupytext.toml"):
        twins.twin_of(folder / "00_demo.ipynb")


def test_cli_sync_and_check(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sync", "--check", str(folder)]) == 1
    assert "missing" in capsys.readouterr().out
    assert cli.main(["sync", str(folder)]) == 0
    assert "2 notebook(s); 2 change(s)." in capsys.readouterr().out
    assert cli.main(["sync", "--check", str(folder)]) == 0
    assert "All 2 notebook twin(s) are in sync." in capsys.readouterr().out


def test_twins_and_checkpoints_are_not_notebooks(folder: Path) -> None:
    (folder / "text").mkdir()
    (folder / ".ipynb_checkpoints").mkdir()
    nbformat.write(new_notebook(), folder / "text" / "stray.ipynb")
    nbformat.write(new_notebook(), folder / ".ipynb_checkpoints" / "x-checkpoint.ipynb")
    assert [p.relative_to(folder).as_posix() for p in twins.notebooks(folder)] == [
        "00_demo.ipynb", "apps/a.ipynb"]
