#!/usr/bin/env python3
"""Set up and run the pkedu course with one command.

    python3 course.py start          set up (first time only) and open JupyterLab
    python3 course.py test           set up with the test tools and run every test
    python3 course.py app NAME       open one interactive app as a web page (Voila)
    python3 course.py bench          run the performance benchmarks
    python3 course.py release        write student and self-study notebooks to build/
    python3 course.py grading        write an nbgrader course directory to build/grading/

The first run creates a private Python environment in .venv/ inside this folder
and installs the course into it (about a minute with a good connection). Later
runs reuse it and start at once; it is refreshed when pyproject.toml changes.
Set PKEDU_USE_CURRENT_ENV=1 to use the active environment instead (conda users).

Only the Python standard library is used here, so this file runs on a fresh
machine that has nothing but python3.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
APPS = ROOT / "notebooks" / "apps"
MIN_PYTHON = (3, 11)


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def venv_python() -> Path:
    if os.environ.get("PKEDU_USE_CURRENT_ENV"):
        return Path(sys.executable)
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def ensure_environment(extras: str) -> Path:
    """Create .venv and install the course (with ``extras``) unless already done."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"The course needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is "
                 f"{sys.version.split()[0]}. Install a newer Python (python.org) and try again.")
    python = venv_python()
    if os.environ.get("PKEDU_USE_CURRENT_ENV"):
        return python
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / "pkedu-installed.txt"
    if stamp.exists() and python.exists() and wanted in stamp.read_text().split():
        return python
    if not python.exists():
        say("creating the course environment in .venv/ (first run only)")
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except Exception as exc:  # a missing ensurepip shows up here on Debian/Ubuntu
            sys.exit(f"Could not create a virtual environment ({exc}).\n"
                     "On Debian or Ubuntu install it with: sudo apt-get install python3-venv")
    say("installing the course and its libraries (about a minute the first time)")
    target = f".[{extras}]" if extras else "."
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--upgrade", "pip"])
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", target])
    previous = stamp.read_text().split() if stamp.exists() else []
    stamp.write_text("\n".join(previous + [wanted]) + "\n")
    return python


def run(command: list[str], **kwargs) -> int:
    result = subprocess.run(command, cwd=ROOT, **kwargs)
    if result.returncode != 0 and kwargs.get("check", True):
        sys.exit(result.returncode)
    return result.returncode


def start(args: list[str]) -> int:
    python = ensure_environment("")
    say("opening JupyterLab; stop it with Ctrl-C in this window")
    extra = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return run([str(python), "-m", "jupyter", "lab", FIRST_NOTEBOOK, *extra, *args], check=False)


def test(args: list[str]) -> int:
    python = ensure_environment("test")
    say("running every test: package, data, doctests, notebooks (nbval) and browser")
    code = run([str(python), "-m", "pytest", *args], check=False)
    if code == 5:
        say("no test was collected: that counts as a failure")
        return 1
    return code


def app(args: list[str]) -> int:
    names = sorted(p.stem for p in APPS.glob("*.ipynb"))
    if not args or args[0] not in names:
        sys.exit("Name one app: " + ", ".join(names) + "\n  e.g. python3 course.py app explorer")
    python = ensure_environment("")
    say(f"serving the {args[0]} app; open the address printed below, stop with Ctrl-C")
    return run([str(python), "-m", "voila", str(APPS / f"{args[0]}.ipynb"), *args[1:]],
               check=False)


def bench(args: list[str]) -> int:
    python = ensure_environment("test")
    return run([str(python), "benchmarks/run.py", *args], check=False)


def release(args: list[str]) -> int:
    python = ensure_environment("")
    return run([str(python), "-m", "pkedu.cli", "release", "notebooks", "build", *args],
               check=False)


def grading(args: list[str]) -> int:
    python = ensure_environment("test")
    return run([str(python), "-m", "pkedu.cli", "grading", "notebooks", "build/grading", *args],
               check=False)


COMMANDS = {"start": start, "test": test, "app": app, "bench": bench, "release": release,
            "grading": grading}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
