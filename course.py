#!/usr/bin/env python3
"""Set up and run the pkedu course with one command.

    python3 course.py start          set up (first time only) and open JupyterLab
    python3 course.py test           set up with the test tools and run every test
    python3 course.py app NAME       open one interactive app as a web page (Voila)
    python3 course.py bench          run the performance benchmarks
    python3 course.py bench-site     run the website and handouts benchmark
    python3 course.py release        write student and self-study notebooks to build/
    python3 course.py execute [NB]   re-run notebooks (default: all) and save their outputs
    python3 course.py site           build the course website into build/site/ (offline)
    python3 course.py handouts       print each lesson to PDF in build/handouts/ (needs Chromium)
    python3 course.py edition        write the student and self-study editions to build/editions/
    python3 course.py grading        write an nbgrader course directory to build/grading/

The first run creates a private Python environment in .venv/ inside this folder
and installs the course with its test tools into it (about a minute with a good
connection). Every command uses that one environment, so once it is installed
everything runs offline; it is reinstalled only when pyproject.toml changes.
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
# The Voila template shipped in the package (src/pkedu/voila/templates/pkedu): Voila's
# own "lab" template without the style sheets it would fetch from the internet.
VOILA_TEMPLATE = "pkedu"
VOILA_TEMPLATES = ROOT / "src" / "pkedu"
MIN_PYTHON = (3, 11)
# One environment serves every command: the course plus its test tools. Installing
# fewer extras for some commands would make the next command reinstall (and fail offline).
EXTRAS = "test"
STAMP = "pkedu-installed.txt"
# IPython reads this file from the environment's prefix: every kernel there loads
# pkedu.kernel (what to do about a NameError after a restart). A wheel installs it;
# pip install -e does not, so ensure_environment() copies it.
KERNEL_CONFIG = Path("etc", "ipython", "ipython_kernel_config.py")


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def venv_python() -> Path:
    if os.environ.get("PKEDU_USE_CURRENT_ENV"):
        return Path(sys.executable)
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def wanted_stamp() -> str:
    """What the stamp says once this pyproject.toml is installed with EXTRAS."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()).hexdigest()


def is_installed(python: Path) -> bool:
    """True when .venv holds this very pyproject.toml's installation: nothing to do."""
    stamp = VENV / STAMP
    try:
        return python.exists() and wanted_stamp() in stamp.read_text().split()
    except OSError:
        return False


def ensure_environment() -> Path:
    """Create .venv and install the course (with its test tools) unless already done."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"The course needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is "
                 f"{sys.version.split()[0]}. Install a newer Python (python.org) and try again.")
    python = venv_python()
    if os.environ.get("PKEDU_USE_CURRENT_ENV") or is_installed(python):
        ensure_kernel_config()
        return python
    if not python.exists():
        say("creating the course environment in .venv/ (first run only)")
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except Exception as exc:  # a missing ensurepip shows up here on Debian/Ubuntu
            sys.exit(f"Could not create a virtual environment ({exc}).\n"
                     "On Debian or Ubuntu install it with: sudo apt-get install python3-venv")
    say("installing the course and its libraries (about a minute the first time)")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for command in (pip + ["--upgrade", "pip"], pip + ["-e", f".[{EXTRAS}]"]):
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            sys.exit("Installing the course failed (see pip's message above). It "
                     "needs an internet connection the first time, and again after "
                     "pyproject.toml changes; connect and run the same command again.")
    (VENV / STAMP).write_text(wanted_stamp() + "\n")
    ensure_kernel_config()
    return python


def ensure_kernel_config() -> None:
    """Put the course's IPython kernel configuration into the environment, or update it.

    A file of the same name that does not load pkedu.kernel is someone else's: it is
    left as it is, and the course says so.
    """
    prefix = Path(sys.prefix) if os.environ.get("PKEDU_USE_CURRENT_ENV") else VENV
    source, target = ROOT / KERNEL_CONFIG, prefix / KERNEL_CONFIG
    if not source.is_file():
        return
    try:
        wanted = source.read_text(encoding="utf-8")
        if target.exists():
            found = target.read_text(encoding="utf-8")
            if found == wanted:
                return
            if "pkedu.kernel" not in found:
                say(f"{target} is not the course's: leaving it; kernels will load the "
                    "course's advice on errors only after import pkedu")
                return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(wanted, encoding="utf-8")
    except OSError as exc:  # a read-only environment: import pkedu still sets it up
        say(f"could not write {target} ({exc.strerror}); kernels will load the course's "
            "advice on errors only after import pkedu")


def run(command: list[str], **kwargs) -> int:
    result = subprocess.run(command, cwd=ROOT, **kwargs)
    if result.returncode != 0 and kwargs.get("check", True):
        sys.exit(result.returncode)
    return result.returncode


def start(args: list[str]) -> int:
    python = ensure_environment()
    say("opening JupyterLab; stop it with Ctrl-C in this window")
    extra = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return run([str(python), "-m", "jupyter", "lab", FIRST_NOTEBOOK, *extra, *args], check=False)


def test(args: list[str]) -> int:
    python = ensure_environment()
    if args:  # a part of the suite: pytest's own options and paths
        say("running pytest " + " ".join(args))
    else:
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
    python = ensure_environment()
    say(f"serving the {args[0]} app; open the address printed below, stop with Ctrl-C")
    return run([str(python), "-m", "voila", str(APPS / f"{args[0]}.ipynb"),
                f"--template={VOILA_TEMPLATE}", *args[1:]], check=False, env=voila_env())


def voila_env() -> dict[str, str]:
    """This environment, with the course's Voila template (it keeps app pages offline)
    findable: Voila looks for ``voila/templates/NAME`` in every folder on JUPYTER_PATH."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(VOILA_TEMPLATES), env.get("JUPYTER_PATH", "")) if p)
    return env


def bench(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "benchmarks/run.py", *args], check=False)


def bench_site(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "benchmarks/website.py", *args], check=False)


def release(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "-m", "pkedu.cli", "release", "notebooks", "build", *args],
               check=False)


def execute(args: list[str]) -> int:
    python = ensure_environment()
    # Paths are the caller's, so run where the caller is; the default is this course's notebooks.
    try:
        paths = args or [os.path.relpath(ROOT / "notebooks")]
    except ValueError:  # Windows: the course is on another drive
        paths = [str(ROOT / "notebooks")]
    return subprocess.run([str(python), "-m", "pkedu.cli", "execute", *paths]).returncode


def site(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "-m", "pkedu.cli", "site", "notebooks", "build/site", *args],
               check=False)


def handouts(args: list[str]) -> int:
    python = ensure_environment()
    if not (ROOT / "build" / "site" / "index.html").exists():
        code = site([])
        if code:
            return code
    return run([str(python), "-m", "pkedu.cli", "handouts", "build/site", "build/handouts", *args],
               check=False)


def edition(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "-m", "pkedu.cli", "edition", *args], check=False)


def grading(args: list[str]) -> int:
    python = ensure_environment()
    return run([str(python), "-m", "pkedu.cli", "grading", "notebooks", "build/grading", *args],
               check=False)


COMMANDS = {"start": start, "test": test, "app": app, "bench": bench, "release": release,
            "execute": execute, "site": site, "handouts": handouts, "bench-site": bench_site,
            "edition": edition, "grading": grading}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
