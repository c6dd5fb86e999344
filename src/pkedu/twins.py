"""Keep every notebook paired with its MyST Markdown twin (jupytext).

Each notebook ``notebooks/NN_name.ipynb`` has a text twin
``notebooks/text/NN_name.md`` (apps: ``notebooks/apps/text/NAME.md``). The
pairing is declared once, in ``notebooks/jupytext.toml``; with it JupyterLab
(through jupytext) updates the twin every time a notebook is saved. Twins make
changes easy to review (a diff of text, not of JSON) and let instructors edit a
lesson in any text editor.

:func:`sync` (``pkedu sync``) brings the older side of each pair up to date;
:func:`out_of_sync` lists the pairs that need it (``pkedu sync --check``). Which
side is older comes from the record of the last sync (:mod:`pkedu.twinrecord`),
not from file times. The side edited since the last sync is never overwritten,
readable or not: when both sides changed, sync refuses and says what to do.
Only the cells and the header count: outputs live only in the notebook.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from jupytext.config import load_jupytext_config, notebook_formats
from jupytext.paired_paths import paired_paths
from nbformat import NotebookNode

from pkedu import twinfence, twinmerge, twinrecord

__all__ = ["TwinError", "Status", "Twin", "notebooks", "twin_of", "cells", "read_notebook",
           "out_of_sync", "explain", "sync"]

CONFIG_FILE = "jupytext.toml"


class TwinError(ValueError):
    """The pairing is not configured, a file cannot be read, or a twin cannot be written safely."""


@dataclass(frozen=True)
class Status:
    """How a pair stands: ``kind`` is one of ``"in sync"``, ``"missing"``,
    ``"notebook changed"``, ``"twin changed"``, ``"both changed"``,
    ``"notebook unreadable"`` or ``"not representable"`` (a notebook cell that
    MyST cannot hold). ``problem`` says what cannot be read or written."""

    kind: str
    problem: str = ""
    recorded: bool = True  # False: no record of the last sync for this pair


@dataclass(frozen=True)
class Twin:
    """A notebook, its text twin and the format jupytext writes it in."""

    notebook: Path
    text: Path
    fmt: dict

    def status(self) -> Status:
        """Compare both sides with each other and with the record of the last sync."""
        return _inspect(self, twinrecord.load(self.text.parent)).status

    def state(self) -> str:
        """``status().kind``: ``"in sync"``, ``"missing"``, ``"twin changed"``, ..."""
        return self.status().kind


@dataclass
class _Sides:
    status: Status
    nb: NotebookNode | None = None
    text: str | None = None  # the twin as it is
    wanted: str | None = None  # the twin as jupytext writes it from the notebook
    not_text: str = ""  # the twin file is not UTF-8 text: what is wrong


def notebooks(root: str | Path) -> list[Path]:
    """The notebooks directly in ``root`` and one folder down (``apps/``), sorted.

    ``text/`` twins, hidden folders (checkpoints) and deeper folders are left out.
    A notebook file as ``root`` stands for itself.

    >>> [str(path) for path in notebooks("lessons/00_start.ipynb")]
    ['lessons/00_start.ipynb']
    """
    root = Path(root)
    if root.suffix == ".ipynb":
        return [root]
    found = [*root.glob("*.ipynb"), *root.glob("*/*.ipynb")]
    return sorted(p for p in found
                  if not any(part == "text" or part.startswith(".")
                             for part in p.relative_to(root).parts[:-1]))


def read_notebook(path: str | Path) -> NotebookNode:
    """A valid notebook, or a :class:`TwinError` in one line saying what is wrong.

    >>> read_notebook("no-such.ipynb")
    Traceback (most recent call last):
    pkedu.twins.TwinError: no-such.ipynb cannot be read: No such file or directory
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
    except OSError as exc:
        raise TwinError(f"{path} cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise TwinError(f"{path} is not a notebook: not UTF-8 text (byte {exc.start})") from None
    except ValueError as exc:
        raise TwinError(f"{path} is not a notebook: damaged JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("nbformat") != 4:
        raise TwinError(f"{path} is not a notebook: it has no 'nbformat': 4 field")
    try:
        nb = nbformat.reads(raw, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds of errors
        raise TwinError(f"{path} is not a valid notebook: {_reason(exc)}") from None
    return nb


def twin_of(notebook: str | Path) -> Twin:
    """The twin of a notebook, as the jupytext configuration pairs it."""
    notebook = Path(notebook)
    config = load_jupytext_config(str(notebook.resolve()))
    try:
        metadata = read_notebook(notebook)
    except TwinError:  # paired by the configuration alone; the damage is reported later
        metadata = {"metadata": {}}
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


def _reason(exc: Exception) -> str:
    """The first line of an error, with the line number YAML errors keep apart."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    mark = getattr(exc, "problem_mark", None)
    return lines[0] + (f" (line {mark.line + 1} of the header)" if mark is not None else "")


def cells(path: str | Path) -> list[tuple[str, str]]:
    """(cell type, source) for every cell of a notebook or a text twin."""
    path = Path(path)
    if path.suffix == ".ipynb":
        return _cells(read_notebook(path))
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise TwinError(f"{path} cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise TwinError(f"{path} cannot be read: not UTF-8 text (byte {exc.start})") from None
    return _cells(_parse_twin(path, text, {"extension": path.suffix}))


def _config(twin: Twin):  # noqa: ANN202 - a JupytextConfiguration or None
    return load_jupytext_config(str(twin.notebook.resolve()))


def _read_twin(twin: Twin, text: str) -> NotebookNode:
    return _parse_twin(twin.text, text, twin.fmt)


def _parse_twin(path: Path, text: str, fmt: dict) -> NotebookNode:
    """The twin's cells, or a :class:`TwinError` naming the file and the line at fault.

    A code block left open (its closing line deleted) is refused: jupytext would
    read the cells after it as part of one code cell, without an error.
    """
    problem = twinfence.unclosed_fence(text)
    if problem:
        raise TwinError(f"{path} cannot be read: {problem}")
    try:
        return jupytext.reads(text, fmt=fmt)
    except Exception as exc:  # noqa: BLE001 - jupytext raises several kinds of parse errors
        raise TwinError(f"{path} cannot be read: {_reason(exc)}") from None


def _check_round_trip(twin: Twin, nb: NotebookNode, text: str) -> None:
    """Refuse a twin text that would not read back as the notebook's cells."""
    if _round_trips(nb, text, twin.fmt):
        return
    config = _config(twin)
    index = next((i for i, cell in enumerate(nb.cells)
                  if not _round_trips(_alone(nb, cell),
                                      jupytext.writes(_alone(nb, cell), fmt=twin.fmt,
                                                      config=config), twin.fmt)), 0)
    raise TwinError(f"{twin.notebook}, cell {index + 1}: this cell does not survive the "
                    "trip to MyST Markdown and back (a line starting with '+++' or "
                    "'```{code-cell}' in a Markdown cell does this); reword it")


def _alone(nb: NotebookNode, cell: NotebookNode) -> NotebookNode:
    single = copy.copy(nb)
    single.cells = [cell]
    return single


def _round_trips(nb: NotebookNode, text: str, fmt: dict) -> bool:
    try:
        return _cells(jupytext.reads(text, fmt=fmt)) == _cells(nb)
    except Exception:  # noqa: BLE001 - any parse failure means "does not round-trip"
        return False


def _inspect(twin: Twin, record: dict[str, str]) -> _Sides:
    """Read both sides and decide, from the record, which changed since the last sync."""
    text, twin_problem = None, ""
    if twin.text.exists():
        try:
            text = twin.text.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            text = twin.text.read_bytes().decode("utf-8", errors="replace")
            twin_problem = f"{twin.text} cannot be read: not UTF-8 text (byte {exc.start})"
    try:
        nb = read_notebook(twin.notebook)
    except TwinError as exc:
        return _Sides(Status("notebook unreadable", str(exc)), None, text, not_text=twin_problem)
    try:
        wanted = jupytext.writes(nb, fmt=twin.fmt, config=_config(twin))
    except Exception as exc:  # noqa: BLE001 - metadata jupytext cannot handle
        problem = f"{twin.notebook} cannot be written as text: {_reason(exc)}"
        return _Sides(Status("notebook unreadable", problem), None, text, not_text=twin_problem)
    sides = _Sides(Status("missing"), nb, text, wanted, not_text=twin_problem)
    if text is None:
        return sides
    if text == wanted:
        try:
            _check_round_trip(twin, nb, wanted)
        except TwinError as exc:
            sides.status = Status("not representable", str(exc))
            return sides
        sides.status = Status("in sync")
        return sides
    last = record.get(twin.text.name)
    notebook_changed = last is None or twinrecord.fingerprint(wanted) != last
    twin_changed = last is None or twinrecord.fingerprint(text) != last
    if twin_changed and not twin_problem:
        try:
            _read_twin(twin, text)
        except TwinError as exc:
            twin_problem = str(exc)
    if not twin_changed:
        kind = "notebook changed"
    elif not notebook_changed:
        kind = "twin changed"
    else:
        kind = "both changed"
    sides.status = Status(kind, twin_problem, recorded=last is not None)
    return sides


def out_of_sync(root: str | Path) -> list[Twin]:
    """Pairs that are not in sync: a twin missing, or a side changed since the last sync."""
    return [twin for twin in map(twin_of, notebooks(root)) if twin.state() != "in sync"]


def explain(twin: Twin, status: Status) -> str:
    """One line: what is wrong with a pair and the command that fixes it without losing work."""
    nb, md, kind = twin.notebook, twin.text, status.kind

    def _command(*options: str) -> str:
        return "'" + " ".join(["pkedu sync", *options, str(nb)]) + "'"

    backups = "the replaced file is kept as a .bak copy"
    if kind == "in sync":
        return f"{md}: in sync with {nb}"
    if kind == "missing":
        return f"{md}: missing; write it from {nb} with {_command()}"
    if kind == "not representable":
        return status.problem
    if kind == "notebook unreadable":
        rebuild = (f", or rebuild it from {md}, without outputs, with "
                   f"{_command('--from-text', '--force')} ({backups})" if md.exists() else "")
        return f"{status.problem}; restore it (for example with 'git checkout -- {nb}'){rebuild}"
    if kind == "notebook changed":
        return f"{md}: older than {nb}; update it with {_command()}"
    if kind == "twin changed" and status.problem:
        return (f"{status.problem}. It was edited after {nb}: fix it, then copy the edits into the "
                f"notebook with {_command('--from-text')} (or discard the edits with "
                f"{_command('--force')}; {backups})")
    if kind == "twin changed":
        return (f"{md}: edited after {nb}; copy the edits into the notebook with "
                f"{_command('--from-text')}")
    since = "since the last sync" if status.recorded else "(there is no record of the last sync)"
    newer = "the twin" if md.stat().st_mtime > nb.stat().st_mtime else "the notebook"
    problem = f" {status.problem}." if status.problem else ""
    return (f"{nb} and {md} both changed {since}; the one saved last is {newer}.{problem} Keep the "
            f"twin's cells with {_command('--from-text', '--force')}, or the notebook's with "
            f"{_command('--force')} ({backups}). If you edited in JupyterLab and then in "
            "the twin, the twin holds both")


def _release_note(nb: NotebookNode, path: Path) -> str:
    """`` (note: ...)`` when the release would refuse the notebook (a marker left unbalanced in a
    half-done edit, say), so the instructor hears of it now; ``""`` when it would not."""
    from pkedu.release import ReleaseError
    from pkedu.release.notebook import release_notebook

    try:
        release_notebook(nb, "student", path.name)
    except ReleaseError as exc:
        return f" (note: the release will refuse it until this is fixed: {exc})"
    return ""


def _to_text(twin: Twin, sides: _Sides, record: dict[str, str], keep_old: bool) -> list[str]:
    """Write the twin from the notebook."""
    assert sides.nb is not None and sides.wanted is not None
    _check_round_trip(twin, sides.nb, sides.wanted)
    done = []
    if keep_old and sides.text is not None:
        done.append(f"kept the old {twin.text} as {twinrecord.backup(twin.text)}")
    twinrecord.write_atomic(twin.text, sides.wanted)
    record[twin.text.name] = twinrecord.fingerprint(sides.wanted)
    return [*done, f"wrote {twin.text}{_release_note(sides.nb, twin.notebook)}"]


def _from_text(twin: Twin, sides: _Sides, record: dict[str, str], keep_old: bool) -> list[str]:
    """Bring the twin's cells into the notebook, keeping ids and outputs of the cells kept."""
    if sides.text is None:
        raise TwinError(f"{sides.status.problem}; restore it (there is no twin to rebuild it from)")
    if sides.not_text:
        raise TwinError(f"{sides.not_text}; fix it, then run this again")
    try:
        source = _read_twin(twin, sides.text)
    except TwinError as exc:
        raise TwinError(f"{exc}; fix it, then run this again") from None
    config = _config(twin)
    merged = twinmerge.merge(source, sides.nb, config)
    try:
        nbformat.validate(merged)
    except nbformat.ValidationError as exc:
        raise TwinError(f"{twin.text}: the notebook made from it would not be valid: "
                        f"{_reason(exc)}") from None
    text = jupytext.writes(merged, fmt=twin.fmt, config=config)
    _check_round_trip(twin, merged, text)
    done = []
    raw = nbformat.writes(merged) + "\n"
    if not twin.notebook.exists() or raw != twin.notebook.read_bytes().decode("utf-8", "replace"):
        if keep_old and twin.notebook.exists():
            done.append(f"kept the old {twin.notebook} as {twinrecord.backup(twin.notebook)}")
        twinrecord.write_atomic(twin.notebook, raw)
        done.append(f"updated {twin.notebook} from {twin.text}"
                    f"{_release_note(merged, twin.notebook)}")
    if text != sides.text:  # the same cells, written the way jupytext writes them
        twinrecord.write_atomic(twin.text, text)
        done.append(f"tidied {twin.text}")
    record[twin.text.name] = twinrecord.fingerprint(text)
    return done


def _sync_pair(twin: Twin, record: dict[str, str], force: bool, from_text: bool) -> list[str]:
    sides = _inspect(twin, record)
    kind = sides.status.kind
    if kind == "in sync":
        record[twin.text.name] = twinrecord.fingerprint(sides.text or "")
        return []
    if kind in ("missing", "notebook changed"):
        return _to_text(twin, sides, record, keep_old=False)
    if kind == "twin changed" and from_text:
        return _from_text(twin, sides, record, keep_old=False)
    if kind in ("both changed", "notebook unreadable") and from_text and force:
        return _from_text(twin, sides, record, keep_old=True)
    if kind in ("twin changed", "both changed") and force and not from_text:
        return _to_text(twin, sides, record, keep_old=True)
    raise TwinError(explain(twin, sides.status))


def sync(root: str | Path, force: bool = False, from_text: bool = False) -> list[str]:
    """Bring the older side of every pair under ``root`` (a folder, or one notebook) up to date;
    return one line per change.

    A missing twin, or one older than its notebook, is written from the notebook.
    A twin edited since the last sync is never overwritten: ``from_text=True``
    copies its cells into the notebook (outputs and cell ids kept), ``force=True``
    discards its edits (keeping a ``.bak`` copy). When both sides changed,
    ``from_text=True, force=True`` keeps the twin's version and ``force=True``
    the notebook's. Pairs that cannot be synced safely are left alone and
    reported together in one :class:`TwinError`, after the others are done.
    """
    changes: list[str] = []
    refused: list[str] = []
    records: dict[Path, dict[str, str]] = {}
    seen: set[Path] = set()
    for twin in map(twin_of, notebooks(root)):
        record = records.setdefault(twin.text.parent, twinrecord.load(twin.text.parent))
        seen.add(twin.text)
        try:
            changes += _sync_pair(twin, record, force, from_text)
        except TwinError as exc:
            refused.append(str(exc))
    for folder, record in records.items():
        if folder.is_dir():  # a whole folder synced: forget notebooks that are gone
            twinrecord.save(folder, record if Path(root).suffix == ".ipynb" else
                            {k: v for k, v in record.items() if folder / k in seen})
    if refused:
        also = f"\nDone: {'; '.join(changes)}." if changes else ""
        raise TwinError("\n".join(refused) + also)
    return changes
