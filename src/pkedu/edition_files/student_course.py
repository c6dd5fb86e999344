#!/usr/bin/env python3
"""Set up and run the course notebooks with one command.

    python3 course.py start          set up (first time only) and open JupyterLab
    python3 course.py test           run every notebook from top to bottom and say which fail
    python3 course.py test FILE...   the same for some notebooks only
    python3 course.py app NAME       open one interactive app as a web page (Voila)
    python3 course.py setup          only set up (for example before going offline)

The first run creates a private Python environment in .venv/ inside this folder
and installs what requirements.txt lists (the course package comes with this
folder, in wheels/). Later runs reuse it and start at once. Set
PKEDU_USE_CURRENT_ENV=1 to use the active environment instead (conda, or a
JupyterHub where the course is already installed).

`test` runs copies of the notebooks: your own files are never changed.
Only the Python standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
NOTEBOOKS = ROOT / "notebooks"
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
MIN_PYTHON = (3, 11)
TIMEOUT = 600  # seconds one cell may take in `test`


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def venv_python() -> Path:
    if os.environ.get("PKEDU_USE_CURRENT_ENV"):
        return Path(sys.executable)
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    """Create .venv and install requirements.txt into it unless already done."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"The course needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is "
                 f"{sys.version.split()[0]}. Install a newer Python (python.org) and try again.")
    python = venv_python()
    if os.environ.get("PKEDU_USE_CURRENT_ENV"):
        return python
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    stamp = VENV / "course-installed.txt"
    if stamp.exists() and python.exists() and stamp.read_text().strip() == wanted:
        return python
    if not python.exists():
        say("creating the course environment in .venv/ (first run only)")
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except Exception as exc:  # a missing ensurepip shows up here on Debian/Ubuntu
            sys.exit(f"Could not create a virtual environment ({exc}).\n"
                     "On Debian or Ubuntu install it with: sudo apt-get install python3-venv")
    say("installing the course and its libraries (a few minutes the first time)")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run([*pip, "--upgrade", "pip"])
    run([*pip, "-r", "requirements.txt"])
    stamp.write_text(wanted + "\n")
    return python


def run(command: list[str], check: bool = True) -> int:
    code = subprocess.run(command, cwd=ROOT).returncode
    if code != 0 and check:
        sys.exit(code)
    return code


def start(args: list[str]) -> int:
    python = ensure_environment()
    say("opening JupyterLab; stop it with Ctrl-C in this window")
    extra = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return run([str(python), "-m", "jupyter", "lab", FIRST_NOTEBOOK, *extra, *args], check=False)


def notebooks(args: list[str]) -> list[Path]:
    """The notebooks to test: those named, or every one under notebooks/."""
    if not args:
        return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    chosen = [Path(a).resolve() for a in args]
    for path in chosen:
        if path.suffix != ".ipynb" or not path.is_file():
            sys.exit(f"{path} is not a notebook (.ipynb) in this folder")
    return chosen


def run_all(args: list[str]) -> int:
    chosen = notebooks(args)
    python = ensure_environment()
    failed = []
    with tempfile.TemporaryDirectory(prefix="course-test-") as scratch:
        for number, path in enumerate(chosen):
            name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            say(f"running {name}")
            result = subprocess.run(
                [str(python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 f"--ExecutePreprocessor.timeout={TIMEOUT}", "--output-dir", scratch,
                 "--output", f"run-{number}", str(path)],
                cwd=path.parent, capture_output=True, text=True)
            if result.returncode != 0:
                lines = [line for line in result.stderr.splitlines() if line.strip()]
                failed.append(name)
                say(f"  FAILED: {lines[-1] if lines else 'no message'}")
    say(f"{len(chosen) - len(failed)} of {len(chosen)} notebook(s) ran from top to bottom")
    if failed:
        say("open the failed ones, run them with Kernel > Restart Kernel and Run All Cells, "
            "and look at the first cell with an error")
    return 1 if failed else 0


def app(args: list[str]) -> int:
    names = sorted(p.stem for p in (NOTEBOOKS / "apps").glob("*.ipynb"))
    if not args or args[0] not in names:
        sys.exit("Name one app: " + ", ".join(names) + "\n  e.g. python3 course.py app explorer")
    python = ensure_environment()
    say(f"serving the {args[0]} app; open the address printed below, stop with Ctrl-C")
    return run([str(python), "-m", "voila", str(NOTEBOOKS / "apps" / f"{args[0]}.ipynb"),
                *args[1:]], check=False)


def setup(args: list[str]) -> int:
    python = ensure_environment()
    say(f"the course environment is ready: {python}")
    return 0


COMMANDS = {"start": start, "test": run_all, "app": app, "setup": setup}


def main(argv: list[str]) -> int:
    """Run one command; print the help for anything else.

    >>> main(["--help"])  # doctest: +ELLIPSIS
    Set up and run the course notebooks with one command.
    ...
    0
    """
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
