"""Re-run notebooks from top to bottom and save them: ``pkedu execute [NOTEBOOK...]``.

:func:`execute` runs a notebook in a fresh kernel of this Python (the one
pkedu is installed in), in the notebook's own folder, and saves it with its
new outputs. It never loses work:

* a cell that raises an error stops the run; the notebook file is left exactly
  as it was, and :class:`ExecuteError` names the notebook, the cell and the
  error in one line (cells tagged ``raises-exception`` may raise);
* the new notebook is written to a temporary file beside it and moved into
  place only when everything succeeded, and only if nobody changed the
  notebook while it ran;
* a text twin with edits the notebook does not have yet stops the run before
  it starts (``pkedu sync`` first); otherwise the twin is kept in sync.

Widget state is never saved (``metadata.widgets`` is removed): the widgets
are rebuilt whenever a notebook is run, and stored state only bloats the file.

While a notebook runs, every ``pk.check(...)`` and every ``pk.quiz.ask(...)``
is recorded with its cell (:class:`CheckResult`), and each quiz is answered
once more, out of sight, with the registry's expected answer. :func:`run`
returns these results without saving anything; the test suite uses it to
require that every solution in the instructor notebooks is marked Correct.

>>> CheckResult(3, "check", "00-asean-members", "correct", "Correct!").ok
True
>>> print(CheckResult(5, "quiz", "00-restart", "incorrect", "Not yet."))
cell 5: quiz '00-restart' said: Not yet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

__all__ = ["ExecuteError", "CheckResult", "Run", "run", "execute", "notebooks_in", "command"]

#: Seconds one cell may take before the run is stopped.
CELL_TIMEOUT = 600

#: Statuses that mean the instructor version is as intended: right, or a reflection recorded.
GOOD_STATUSES = ("correct", "recorded")


class ExecuteError(Exception):
    """A notebook could not be run or saved; the message is one plain line."""


@dataclass(frozen=True)
class CheckResult:
    """What one ``pk.check`` (``kind="check"``) or quiz (``kind="quiz"``) said.

    ``cell`` counts every cell from 1, Markdown cells included. For a quiz,
    ``status`` is what its Check button says to the registry's expected answer.
    """

    cell: int
    kind: str
    question_id: str
    status: str
    message: str

    @property
    def ok(self) -> bool:
        """True when the answer was marked Correct (or a reflection was recorded)."""
        return self.status in GOOD_STATUSES

    def __str__(self) -> str:
        headline = self.message.splitlines()[0] if self.message else self.status
        what = "pk.check" if self.kind == "check" else "quiz"
        return f"cell {self.cell}: {what} {self.question_id!r} said: {headline}"


@dataclass
class Run:
    """A notebook after a successful run (not saved) and what its checks said."""

    path: Path
    notebook: NotebookNode
    results: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> list[CheckResult]:
        """Checks and quizzes that did not say Correct (or Recorded)."""
        return [r for r in self.results if not r.ok]


def notebooks_in(paths: Iterable[str | Path]) -> list[Path]:
    """The notebooks named: files as given, folders as their notebooks and ``apps/``.

    >>> notebooks_in(["no-such-thing.ipynb"])
    Traceback (most recent call last):
    ...
    pkedu.execute.ExecuteError: no-such-thing.ipynb: there is no such notebook or folder
    """
    from pkedu.twins import notebooks

    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found += notebooks(item)
        elif item.is_file() and item.suffix == ".ipynb":
            found.append(item)
        elif item.exists():
            raise ExecuteError(f"{item}: not a notebook (a notebook's name ends in .ipynb)")
        else:
            raise ExecuteError(f"{item}: there is no such notebook or folder")
    return list(dict.fromkeys(found))


def _read(path: Path) -> tuple[bytes, NotebookNode]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExecuteError(f"{path} cannot be read ({exc.strerror or exc})") from None
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("it has no list of cells")
        nbformat.validate(nb)
    except Exception as exc:  # invalid JSON, not a notebook, an unknown nbformat...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExecuteError(f"{path} is not a readable notebook ({reason[:200]})") from None
    return raw, nb


# --- inside the kernel: record every check ---------------------------------------------------

def _record(log: str) -> None:
    """Inside a kernel: append what every check and quiz says to the file ``log`` (JSON lines).

    :func:`run` starts each kernel with this call. It wraps ``pkedu.checks.check``
    (``pk.check`` is that function) and ``pkedu.quiz.ask``.
    """
    from pkedu import checks, quiz

    original_check, original_ask = checks.check, quiz.ask
    probing = False

    def write(**entry: Any) -> None:
        if not probing:
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps(entry, default=str) + "\n")

    def check(question_id: Any, answer: Any = ..., /) -> checks.Feedback:
        feedback = original_check(question_id, answer)
        write(kind="check", id=str(question_id), status=feedback.status,
              message=feedback.message)
        return feedback

    def ask(question_id: Any) -> quiz.Quiz:
        nonlocal probing
        widget = original_ask(question_id)
        if widget.question is None:  # an unknown id or a question that is not a quiz
            feedback = widget.submit()
        else:
            probing = True
            try:
                feedback = _answer_quiz(quiz, widget.question)
            finally:
                probing = False
        write(kind="quiz", id=str(question_id), status=feedback.status, message=feedback.message)
        return widget

    checks.check, quiz.ask = check, ask
    write(kind="ready", id="", status="", message="")


def _answer_quiz(quiz: Any, question: Any) -> Any:
    """Click the registry's expected answer on a fresh copy of a quiz; its feedback."""
    probe = quiz.Quiz(question.id)
    try:
        expected = question.expected()
        keys = [expected] if question.kind == "choice" else list(expected)
        probe.choose(*keys)
        return probe.submit()
    except Exception as exc:  # noqa: BLE001 - reported as the quiz's result
        from pkedu.checks import Feedback

        return Feedback(question.id, "unavailable",
                        f"the expected answer cannot be chosen ({type(exc).__name__}: {exc})")
    finally:
        for widget in [probe, *probe.children, *(probe.options if isinstance(probe.options, list)
                                                  else [probe.options])]:
            if widget is not None:
                widget.close()


# --- running --------------------------------------------------------------------------------

def _kernel_manager() -> type:
    """A kernel manager that always starts this Python, whatever kernels are installed."""
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())

    class Manager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self) -> KernelSpecManager:
            return ThisPython(data_dir=self.data_dir)

    return Manager


def _cell_label(nb: NotebookNode, index: int) -> str:
    first = next((line.strip() for line in nb.cells[index].source.splitlines() if line.strip()), "")
    first = first if len(first) <= 50 else first[:49] + "…"
    return f"cell {index + 1}" + (f" ({first})" if first else "")


def run(path: str | Path, timeout: int = CELL_TIMEOUT) -> Run:
    """Run a notebook in a fresh kernel and record its checks; save nothing.

    Raises :class:`ExecuteError` (one line: notebook, cell, error) when a cell fails.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    _raw, nb = _read(path)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pkedu-execute-") as tmp:
        log = Path(tmp) / "checks.jsonl"
        log.touch()
        results: list[CheckResult] = []
        current = {"index": -1, "lines": 1}  # line 1 of the log says the recorder is ready

        def collect(cell: NotebookNode, cell_index: int, **_: Any) -> None:
            lines = log.read_text(encoding="utf-8").splitlines()[current["lines"]:]
            current["lines"] += len(lines)
            for line in lines:
                entry = json.loads(line)
                results.append(CheckResult(cell_index + 1, entry["kind"], entry["id"],
                                           entry["status"], entry["message"]))

        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", allow_errors=False,
            store_widget_state=False, record_timing=False,
            resources={"metadata": {"path": str(path.parent.resolve())}},
            kernel_manager_class=_kernel_manager(),
            extra_arguments=[f"--IPKernelApp.exec_lines=__import__('pkedu.execute')"
                             f".execute._record({str(log)!r})"],
            on_cell_start=lambda cell, cell_index: current.update(index=cell_index),
            on_cell_executed=collect)
        try:
            client.execute(stderr=subprocess.DEVNULL)  # the kernel's start-up chatter
        except CellExecutionError as exc:
            detail = next((line for line in str(exc.evalue).splitlines() if line.strip()), "")
            detail = detail if len(detail) <= 200 else detail[:199] + "…"
            error = f"{exc.ename}: {detail}" if detail else exc.ename
            raise ExecuteError(f"{path}, {_cell_label(nb, current['index'])}: {error}") from None
        except CellTimeoutError:
            raise ExecuteError(f"{path}, {_cell_label(nb, current['index'])}: still running "
                               f"after {timeout} s, so the run was stopped") from None
        except DeadKernelError:
            raise ExecuteError(f"{path}, {_cell_label(nb, current['index'])}: the Python "
                               "kernel died (out of memory?)") from None
        except Exception as exc:  # the kernel could not start, for example
            raise ExecuteError(f"{path}: could not be run ({type(exc).__name__}: {exc})"
                               ) from None
        if not log.read_text(encoding="utf-8").startswith('{"kind": "ready"'):
            raise ExecuteError(f"{path}: the self-checks could not be watched while it ran "
                               "(is pkedu installed in this Python?)")
    return Run(path, nb, results, time.monotonic() - started)


# --- saving ---------------------------------------------------------------------------------

def _twin(path: Path) -> Any:
    """The notebook's text twin, or None when no pairing applies."""
    from pkedu import twins

    try:
        return twins.twin_of(path)
    except twins.TwinError:
        return None


def _twin_text(twin: Any) -> str:
    import jupytext
    from jupytext.config import load_jupytext_config

    nb = jupytext.read(str(twin.notebook))
    config = load_jupytext_config(str(twin.notebook.resolve()))
    return jupytext.writes(nb, fmt=twin.fmt, config=config)


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it (all or nothing)."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def execute(path: str | Path, timeout: int = CELL_TIMEOUT) -> Run:
    """Run a notebook and save it with its new outputs (and no widget state).

    On any problem the notebook and its twin are left untouched and
    :class:`ExecuteError` says why, in one line.
    """
    path = Path(path)
    before, _nb = _read(path)
    twin = _twin(path)
    twin_before = twin.text.read_bytes() if twin and twin.text.exists() else None
    if twin_before is not None and twin.state() != "in sync":
        raise ExecuteError(
            f"{twin.text} and {path} differ: bring them together first ('pkedu sync "
            "--from-text' keeps the twin's edits, 'pkedu sync' the notebook's)")
    result = run(path, timeout)
    result.notebook.metadata.pop("widgets", None)
    for cell in result.notebook.cells:  # old run times: noise in every diff
        cell.metadata.pop("execution", None)
    text = nbformat.writes(result.notebook)
    text += "" if text.endswith("\n") else "\n"
    if path.read_bytes() != before or (twin and twin.text.exists()
                                       and twin.text.read_bytes() != twin_before):
        raise ExecuteError(f"{path} (or its twin) was changed while it ran; run it again")
    _replace(path, text)
    if twin is not None:
        wanted = _twin_text(twin)
        if twin.text.exists() and twin.text.read_text(encoding="utf-8") == wanted:
            os.utime(twin.text)  # a twin older than its notebook makes JupyterLab refuse it
        else:
            twin.text.parent.mkdir(parents=True, exist_ok=True)
            _replace(twin.text, wanted)
    return result


# --- the command line: pkedu execute [NOTEBOOK...] --------------------------------------------

def add_command(commands: Any) -> None:
    """Add ``execute`` to the ``pkedu`` command's subcommands (an argparse subparsers object)."""
    exe = commands.add_parser("execute", help="re-run notebooks and save their outputs",
                              description="Run each notebook from top to bottom in a fresh "
                              "kernel and save it with its new outputs (no widget state); its "
                              "text twin is kept in sync. A notebook with an error in a cell is "
                              "left untouched.")
    exe.add_argument("paths", nargs="*", default=["notebooks"], metavar="NOTEBOOK",
                     help="notebooks or folders (default: notebooks, with notebooks/apps)")


def command(paths: Sequence[str]) -> int:
    """``pkedu execute PATHS``: run and save each notebook; the exit status.

    >>> command(["no-such-folder"])  # prints "pkedu: no-such-folder: there is no such ..."
    1
    """
    def fail(message: str) -> int:
        print(f"pkedu: {message}", file=sys.stderr)
        return 1

    try:
        found = notebooks_in(paths)
    except ExecuteError as exc:
        return fail(str(exc))
    if not found:
        return fail(f"no notebooks in {', '.join(map(str, paths))}")
    failed = 0
    for path in found:
        try:
            result = execute(path)
        except ExecuteError as exc:
            failed += 1
            fail(f"{exc}. The notebook was not changed.")
            continue
        print(f"ran and saved {path} ({result.seconds:.0f} s)")
        for problem in result.problems:
            print(f"  note: {problem}")
    if failed:
        return fail(f"{failed} of {len(found)} notebook(s) could not be run")
    print(f"{len(found)} notebook(s) run and saved.")
    return 0
