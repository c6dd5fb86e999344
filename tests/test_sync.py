"""`pkedu sync` never loses an edit: the side changed since the last sync wins or sync refuses."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from pkedu import cli, twinrecord, twins

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = ROOT / "notebooks"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A synced pair: notebook 00_demo.ipynb (outputs, ids, language_info) and text/00_demo.md."""
    root = tmp_path / "notebooks"
    root.mkdir()
    shutil.copy(NOTEBOOKS_DIR / twins.CONFIG_FILE, root / twins.CONFIG_FILE)
    result = new_output("execute_result", {"text/plain": "1"}, execution_count=1)
    nb = new_notebook(cells=[
        new_markdown_cell("# Title\n\nIntro.", id="md-title"),
        new_code_cell("x = 1\nx", id="code-x", outputs=[result], execution_count=1,
                      metadata={"tags": ["nbval-ignore-output"]}),
        new_markdown_cell("Between.", id="md-between"),
        new_code_cell("y = 2\ny", id="code-y", execution_count=2,
                      outputs=[new_output("execute_result", {"text/plain": "2"},
                                          execution_count=2)]),
        new_markdown_cell("Second", id="md-second"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"},
                 "language_info": {"name": "python", "version": "3.12.3", "file_extension": ".py",
                                   "codemirror_mode": {"name": "ipython", "version": 3},
                                   "mimetype": "text/x-python", "pygments_lexer": "ipython3"}})
    nbformat.write(nb, root / "00_demo.ipynb")
    assert twins.sync(root) == [f"wrote {root / 'text' / '00_demo.md'}"]
    return root


def _nb(folder: Path) -> Path:
    return folder / "00_demo.ipynb"


def _md(folder: Path) -> Path:
    return folder / "text" / "00_demo.md"


def _edit_twin(folder: Path, old: str, new: str) -> str:
    text = _md(folder).read_text()
    assert old in text
    _md(folder).write_text(text.replace(old, new, 1))
    return _md(folder).read_text()


def _edit_notebook(folder: Path, source: str) -> None:
    nb = nbformat.read(_nb(folder), as_version=4)
    nb.cells.append(new_code_cell(source))
    nbformat.write(nb, _nb(folder))


def _set_older(older: Path, newer: Path) -> None:
    """Give ``older`` a file time a minute before ``newer`` (what a git clone may do)."""
    stamp = newer.stat().st_mtime - 60
    os.utime(older, (stamp, stamp))


def _check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["sync", "--check", str(folder)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


# --- the reported failure: a damaged, newer twin ------------------------------------------------

def test_a_damaged_edited_twin_is_never_overwritten(folder: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edit_twin(folder, "Intro.", "Intro, rewritten by hand.")
    edited = _edit_twin(folder, ":tags: [nbval-ignore-output]", ":tags: [nbval-ignore-output")
    notebook = _nb(folder).read_bytes()
    for options in ({}, {"from_text": True}):
        with pytest.raises(twins.TwinError, match=r"00_demo.md cannot be read: .*line"):
            twins.sync(folder, **options)
        assert _md(folder).read_text() == edited
        assert _nb(folder).read_bytes() == notebook
    status, out = _check(folder, capsys)
    assert status == 1
    assert "fix it, then copy the edits into the notebook with 'pkedu sync --from-text" in out
    assert cli.main(["sync", str(folder)]) == 1
    assert "wrote" not in capsys.readouterr().out
    assert _md(folder).read_text() == edited


def test_a_twin_that_is_not_utf8_is_never_overwritten_or_imported(folder: Path) -> None:
    _md(folder).write_bytes(_md(folder).read_bytes().replace(b"Intro.", b"Intro \xff."))
    damaged, notebook = _md(folder).read_bytes(), _nb(folder).read_bytes()
    for options in ({}, {"from_text": True}, {"from_text": True, "force": True}):
        with pytest.raises(twins.TwinError, match="00_demo.md cannot be read: not UTF-8 text"):
            twins.sync(folder, **options)
        assert _md(folder).read_bytes() == damaged and _nb(folder).read_bytes() == notebook


def test_force_discards_a_damaged_twin_but_keeps_a_copy(folder: Path) -> None:
    edited = _edit_twin(folder, ":tags: [nbval-ignore-output]", ":tags: [nbval-ignore-output")
    changes = twins.sync(folder, force=True)
    backup = _md(folder).with_name("00_demo.md.bak")
    assert changes[0] == f"kept the old {_md(folder)} as {backup}"
    assert backup.read_text() == edited
    assert twins.twin_of(_nb(folder)).state() == "in sync"
    _edit_twin(folder, "Intro.", "Intro again.")
    twins.sync(folder, force=True)
    assert _md(folder).with_name("00_demo.md.2.bak").exists()  # the first copy is kept too


@pytest.mark.parametrize("cell, where", [
    (0, "before the code cell on line"),  # the first code cell: the cells after it are swallowed
    (1, "is never closed"),  # the last code cell: the rest of the file is swallowed
])
def test_a_code_cell_left_open_in_the_twin_is_refused_with_its_line(
        folder: Path, capsys: pytest.CaptureFixture[str], cell: int, where: str) -> None:
    """Deleting a code cell's closing ``` line makes no parse error: the cells after it would
    silently become part of that code cell. Sync names the line and changes nothing."""
    lines = _md(folder).read_text().splitlines(keepends=True)
    opener = [i for i, line in enumerate(lines) if line.startswith("```{code-cell}")][cell]
    close = next(i for i in range(opener + 1, len(lines)) if lines[i] == "```\n")
    edited = "".join(lines[:close] + lines[close + 1:])
    _md(folder).write_text(edited)
    notebook = _nb(folder).read_bytes()
    for options in ({}, {"from_text": True}, {"from_text": True, "force": True}):
        with pytest.raises(twins.TwinError, match=rf"00_demo.md cannot be read: line {opener + 1}: "
                                                  rf"the code block that starts here .*{where}"):
            twins.sync(folder, **options)
        assert _md(folder).read_text() == edited
        assert _nb(folder).read_bytes() == notebook
    status, out = _check(folder, capsys)
    assert status == 1 and f"line {opener + 1}" in out and "fix it, then copy the edits" in out


def test_a_half_done_solution_marker_is_synced_and_named_at_once(folder: Path) -> None:
    """A BEGIN without its END is valid text, so sync copies it (nothing the instructor wrote is
    refused or lost), and says at once that the release will refuse the notebook, and where."""
    _edit_twin(folder, "x = 1\nx", "# BEGIN SOLUTION\nx = 1\nx")
    changes = twins.sync(folder, from_text=True)
    assert changes == [f"updated {_nb(folder)} from {_md(folder)} (note: the release will "
                       "refuse it until this is fixed: 00_demo.ipynb, cell 2 (code, id 'code-x'): "
                       "'# BEGIN SOLUTION' on line 1 has no '# END SOLUTION' after it)"]
    assert "# BEGIN SOLUTION\nx = 1" in nbformat.read(_nb(folder), as_version=4).cells[1].source
    _edit_twin(folder, "x = 1\nx", "x = 1\n# END SOLUTION\nx")
    assert twins.sync(folder, from_text=True) == [f"updated {_nb(folder)} from {_md(folder)}"]
    nb = nbformat.read(_nb(folder), as_version=4)  # the same, edited outside JupyterLab
    nb.cells[3].source = "# END SOLUTION\ny = 2"
    nbformat.write(nb, _nb(folder))
    changes = twins.sync(folder)
    assert len(changes) == 1 and changes[0].startswith(f"wrote {_md(folder)} (note: the release")
    assert "cell 4 (code, id 'code-y'): '# END SOLUTION' on line 1" in changes[0]


def test_no_twin_of_the_course_has_a_code_block_left_open() -> None:
    from pkedu.twinfence import unclosed_fence

    found = sorted(NOTEBOOKS_DIR.glob("**/text/*.md"))
    assert len(found) >= 12
    assert {path.name: unclosed_fence(path.read_text()) for path in found} == \
        {path.name: None for path in found}


# --- which side changed comes from the record, not from file times -------------------------------

def test_an_edited_twin_with_an_older_file_time_is_kept(folder: Path) -> None:
    edited = _edit_twin(folder, "x = 1", "x = 41")
    _set_older(_md(folder), _nb(folder))
    with pytest.raises(twins.TwinError, match="edited after .*--from-text"):
        twins.sync(folder)
    assert _md(folder).read_text() == edited


def test_a_changed_notebook_with_an_older_file_time_updates_its_twin(folder: Path) -> None:
    _edit_notebook(folder, "z = 3")
    _set_older(_nb(folder), _md(folder))
    assert twins.twin_of(_nb(folder)).state() == "notebook changed"
    assert twins.sync(folder) == [f"wrote {_md(folder)}"]
    assert "z = 3" in _md(folder).read_text()


def test_from_text_never_undoes_a_newer_notebook(folder: Path) -> None:
    _edit_notebook(folder, "z = 3")
    twins.sync(folder, from_text=True)
    assert nbformat.read(_nb(folder), as_version=4).cells[-1].source == "z = 3"
    assert "z = 3" in _md(folder).read_text()


def test_when_both_sides_changed_sync_refuses_and_says_what_to_do(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edit_twin(folder, "x = 1", "x = 41")
    _edit_notebook(folder, "z = 3")
    notebook = _nb(folder).read_bytes()
    for options in ({}, {"from_text": True}):
        with pytest.raises(twins.TwinError) as refused:
            twins.sync(folder, **options)
        message = str(refused.value)
        assert "00_demo.ipynb and " in message
        assert "00_demo.md both changed since the last sync" in message
        assert "--from-text --force" in message and "'pkedu sync --force" in message
        assert _md(folder).read_text() == edited and _nb(folder).read_bytes() == notebook
    status, out = _check(folder, capsys)
    assert status == 1 and "both changed" in out


def test_both_changed_keep_the_notebook_with_force(folder: Path) -> None:
    edited = _edit_twin(folder, "x = 1", "x = 41")
    _edit_notebook(folder, "z = 3")
    twins.sync(folder, force=True)
    assert (folder / "text" / "00_demo.md.bak").read_text() == edited
    assert "z = 3" in _md(folder).read_text() and "x = 41" not in _md(folder).read_text()


def test_both_changed_keep_the_twin_with_from_text_force(folder: Path) -> None:
    _edit_twin(folder, "x = 1", "x = 41")
    _edit_notebook(folder, "z = 3")
    old = _nb(folder).read_text()
    twins.sync(folder, from_text=True, force=True)
    assert (folder / "00_demo.ipynb.bak").read_text() == old
    sources = [c.source for c in nbformat.read(_nb(folder), as_version=4).cells]
    assert "x = 41\nx" in sources and "z = 3" not in sources
    assert twins.twin_of(_nb(folder)).state() == "in sync"


def test_one_notebook_can_be_synced_alone(folder: Path) -> None:
    nbformat.write(new_notebook(cells=[new_markdown_cell("B")]), folder / "01_b.ipynb")
    twins.sync(folder)
    _edit_notebook(folder, "z = 3")  # two conflicts: keep one twin and one notebook
    nbformat.write(new_notebook(cells=[new_markdown_cell("B, notebook")]), folder / "01_b.ipynb")
    for md in (_md(folder), folder / "text" / "01_b.md"):
        md.write_text(md.read_text() + "\n+++\n\nFrom the twin.\n")
    with pytest.raises(twins.TwinError, match=f"'pkedu sync --force {folder / '01_b.ipynb'}'"):
        twins.sync(folder)
    assert twins.sync(folder / "00_demo.ipynb", from_text=True, force=True)[-1] == (
        f"updated {_nb(folder)} from {_md(folder)}")
    twins.sync(folder / "01_b.ipynb", force=True)
    assert "From the twin." in nbformat.read(_nb(folder), as_version=4).cells[-1].source
    assert "B, notebook" in (folder / "text" / "01_b.md").read_text()
    assert list(json.loads((folder / "text" / twinrecord.RECORD_FILE).read_text())) == [
        "00_demo.md", "01_b.md"]
    assert twins.out_of_sync(folder) == []


def test_without_a_record_a_difference_is_not_guessed(folder: Path) -> None:
    (folder / "text" / twinrecord.RECORD_FILE).write_text("<<<<<<< HEAD\n")  # a merge conflict
    edited = _edit_twin(folder, "x = 1", "x = 41")
    status = twins.twin_of(_nb(folder)).status()
    assert (status.kind, status.recorded) == ("both changed", False)
    with pytest.raises(twins.TwinError, match="no record of the last sync"):
        twins.sync(folder)
    assert _md(folder).read_text() == edited


def test_the_record_is_small_sorted_and_forgets_deleted_notebooks(folder: Path) -> None:
    record = folder / "text" / twinrecord.RECORD_FILE
    nbformat.write(new_notebook(cells=[new_markdown_cell("B")]), folder / "01_b.ipynb")
    twins.sync(folder)
    assert list(json.loads(record.read_text())) == ["00_demo.md", "01_b.md"]
    (folder / "01_b.ipynb").unlink()
    twins.sync(folder)
    assert list(json.loads(record.read_text())) == ["00_demo.md"]


# --- damaged notebooks: one clear line, never a traceback ----------------------------------------

@pytest.mark.parametrize("content, reason", [
    ("{not json", "damaged JSON"),
    ("{}", "no 'nbformat': 4 field"),
    ("[]", "no 'nbformat': 4 field"),
    ('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": 3}', "not a valid notebook"),
])
def test_a_damaged_notebook_is_one_clear_line(folder: Path, capsys: pytest.CaptureFixture[str],
                                              content: str, reason: str) -> None:
    twin = _md(folder).read_text()
    _nb(folder).write_text(content)
    nbformat.write(new_notebook(cells=[new_markdown_cell("B")]), folder / "01_b.ipynb")
    for argv in (["sync"], ["sync", "--from-text"], ["sync", "--force"], ["sync", "--check"]):
        assert cli.main([*argv, str(folder)]) == 1
        captured = capsys.readouterr()
        first = (captured.out + captured.err).splitlines()[0].removeprefix("pkedu: ")
        assert first.startswith(f"{_nb(folder)} ") and reason in first, captured
        assert "Traceback" not in captured.err
    assert _md(folder).read_text() == twin and _nb(folder).read_text() == content
    assert (folder / "text" / "01_b.md").exists()  # the other pairs are still synced


def test_a_damaged_notebook_can_be_rebuilt_from_its_twin(folder: Path) -> None:
    _nb(folder).write_text("{}")
    twins.sync(folder, from_text=True, force=True)
    assert (folder / "00_demo.ipynb.bak").read_text() == "{}"
    nb = nbformat.read(_nb(folder), as_version=4)
    nbformat.validate(nb)
    assert [c.source for c in nb.cells][:2] == ["# Title\n\nIntro.", "x = 1\nx"]
    assert twins.twin_of(_nb(folder)).state() == "in sync"


# --- --check names the command for the direction of the change ------------------------------------

def test_check_names_the_command_for_each_direction(folder: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _edit_twin(folder, "x = 1", "x = 41")
    status, out = _check(folder, capsys)
    assert status == 1 and f"'pkedu sync --from-text {_nb(folder)}'" in out
    twins.sync(folder, from_text=True)
    _edit_notebook(folder, "z = 3")
    status, out = _check(folder, capsys)
    assert status == 1 and f"update it with 'pkedu sync {_nb(folder)}'" in out
    assert "--from-text" not in out and "--force" not in out
    _md(folder).unlink()
    assert "missing" in _check(folder, capsys)[1]


def test_check_cannot_be_combined_with_a_change(folder: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sync", "--check", "--force", str(folder)]) == 1
    assert "--check changes nothing" in capsys.readouterr().err


# --- --from-text changes only what the twin changed ----------------------------------------------

def test_from_text_adds_no_metadata_and_keeps_ids_and_outputs(folder: Path) -> None:
    before = nbformat.read(_nb(folder), as_version=4)
    _edit_twin(folder, "y = 2\ny", "w = 0\n```\n\n```{code-cell} ipython3\ny = 20\ny")
    twins.sync(folder, from_text=True)  # a new cell "w = 0" right before the edited one
    after = nbformat.read(_nb(folder), as_version=4)
    assert after.metadata == before.metadata  # no jupytext default_lexer or header bookkeeping
    ids = [c.id for c in after.cells]
    assert ids[:3] == ["md-title", "code-x", "md-between"] and ids[4:] == ["code-y", "md-second"]
    assert ids[3] not in ids[:3] + ids[4:]
    assert after.cells[3].source == "w = 0" and after.cells[3].outputs == []
    assert after.cells[4].source == "y = 20\ny"
    assert after.cells[4].outputs == before.cells[3].outputs  # outputs stay with their cell
    assert after.cells[1] == before.cells[1]


def test_from_text_on_a_course_notebook_changes_one_line(tmp_path: Path) -> None:
    root = tmp_path / "notebooks"
    (root / "text").mkdir(parents=True)
    shutil.copy(NOTEBOOKS_DIR / twins.CONFIG_FILE, root)
    shutil.copy(NOTEBOOKS_DIR / "02_scale.ipynb", root)
    shutil.copy(NOTEBOOKS_DIR / "text" / "02_scale.md", root / "text")
    assert twins.sync(root) == []
    old = (root / "02_scale.ipynb").read_text().splitlines()
    text = (root / "text" / "02_scale.md").read_text()
    edited = text.replace("has grown\".", "has grown\" (sic).", 1)
    (root / "text" / "02_scale.md").write_text(edited)
    twins.sync(root, from_text=True)
    new = (root / "02_scale.ipynb").read_text().splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new) and len(changed) == 1 and "(sic)" in changed[0][1]


# --- a JupyterLab save (jupytext's contents manager) keeps the pair consistent -------------------

def test_a_jupyterlab_save_keeps_the_pair_in_sync(folder: Path) -> None:
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from jupytext.sync_contentsmanager import build_sync_jupytext_contents_manager_class

    manager = build_sync_jupytext_contents_manager_class(FileContentsManager)(root_dir=str(folder))
    model = manager.get("00_demo.ipynb")
    model["content"].cells[0].source = "# Title\n\nIntro, edited in JupyterLab."
    manager.save(model, "00_demo.ipynb")
    twin = twins.twin_of(_nb(folder))
    assert twin.state() == "in sync"
    assert "edited in JupyterLab" in _md(folder).read_text()
    assert twins.sync(folder) == []  # records the new state
    _edit_twin(folder, "x = 1", "x = 41")  # then an edit as text is recognised as such
    assert twin.state() == "twin changed"
    twins.sync(folder, from_text=True)
    assert manager.get("00_demo.ipynb")["content"].cells[1].source == "x = 41\nx"


def test_from_text_leaves_the_notebook_alone_when_only_layout_changed(folder: Path) -> None:
    notebook = _nb(folder).read_bytes()
    _edit_twin(folder, "Between.", "Between.\n\n\n")  # blank lines only: the cells are the same
    assert twins.sync(folder, from_text=True) == [f"tidied {_md(folder)}"]
    assert _nb(folder).read_bytes() == notebook
    assert twins.twin_of(_nb(folder)).state() == "in sync"
