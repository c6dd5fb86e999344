"""course.py: one environment serves every command, and nothing reinstalls when nothing changed.

Most tests import course.py as a module and replace ``venv`` and ``subprocess``,
so no environment is created; the last one runs the real commands on the
installed environment with the package index switched off.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = [["start"], ["test"], ["app", "explorer"], ["bench"], ["release"], ["execute"]]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("course_under_test", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Fake:
    """Stands in for ``venv`` and ``subprocess``: records commands, creates a fake python."""

    def __init__(self, course: ModuleType, pip_fails: bool = False) -> None:
        self.course = course
        self.pip_fails = pip_fails
        self.commands: list[list[str]] = []

    def run(self, command: list[str], **_: object) -> subprocess.CompletedProcess:
        self.commands.append([str(part) for part in command])
        failed = self.pip_fails and "pip" in command
        return subprocess.CompletedProcess(command, 1 if failed else 0)

    def builder(self, **_: object) -> object:
        fake = self

        class Builder:
            def create(self, target: Path) -> None:
                python = fake.course.venv_python()
                python.parent.mkdir(parents=True, exist_ok=True)
                python.write_text("")

        return Builder()

    def pip_calls(self) -> list[list[str]]:
        calls = [c for c in self.commands if c[1:3] == ["-m", "pip"]]
        self.commands.clear()
        return calls


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _load()
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "explorer.ipynb").write_text("{}")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(module, "APPS", tmp_path / "apps")
    monkeypatch.delenv("PKEDU_USE_CURRENT_ENV", raising=False)
    return module


def _fake(course: ModuleType, monkeypatch: pytest.MonkeyPatch, **kwargs: bool) -> Fake:
    fake = Fake(course, **kwargs)
    monkeypatch.setattr(course.subprocess, "run", fake.run)
    monkeypatch.setattr(course.venv, "EnvBuilder", fake.builder)
    return fake


@pytest.mark.parametrize("first", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_after_any_first_command_no_other_command_runs_pip(
        course: ModuleType, monkeypatch: pytest.MonkeyPatch, first: list[str]) -> None:
    fake = _fake(course, monkeypatch)
    course.main(first)
    installs = fake.pip_calls()
    assert [c[-1] for c in installs] == ["pip", ".[test]"]  # one environment, with test tools
    for command in COMMANDS:
        course.main(command)
        assert fake.pip_calls() == [], f"'course.py {command[0]}' reinstalled after {first[0]}"


def test_test_says_what_it_runs(course: ModuleType, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """A part of the suite is announced as that part, not as every test."""
    fake = _fake(course, monkeypatch)
    course.main(["test"])
    assert "running every test" in capsys.readouterr().out
    course.main(["test", "tests/test_twins.py", "-q"])
    out = capsys.readouterr().out
    assert "running every test" not in out
    assert "[course] running pytest tests/test_twins.py -q" in out
    assert fake.commands[-1][-4:] == ["-m", "pytest", "tests/test_twins.py", "-q"]


def test_a_changed_pyproject_reinstalls_once(course: ModuleType,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake(course, monkeypatch)
    course.main(["test"])
    assert len(fake.pip_calls()) == 2
    pyproject = course.ROOT / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n# changed\n")
    course.main(["start"])
    assert len(fake.pip_calls()) == 2
    course.main(["release"])
    assert fake.pip_calls() == []


def test_a_failed_install_says_why_and_is_tried_again(course: ModuleType,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake(course, monkeypatch, pip_fails=True)
    with pytest.raises(SystemExit) as stop:
        course.main(["start"])
    assert "needs an internet connection" in str(stop.value.code)
    assert not (course.VENV / course.STAMP).exists()
    assert not any("jupyter" in c for c in fake.commands)  # nothing ran on a broken install
    fake.pip_fails = False
    fake.commands.clear()
    course.main(["start"])
    assert len(fake.pip_calls()) == 2


def test_a_stamp_written_by_an_older_course_py_still_counts(
        course: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake(course, monkeypatch)
    course.main(["test"])
    fake.pip_calls()
    stamp = course.VENV / course.STAMP
    stamp.write_text("0123abcd\n" + stamp.read_text())  # older lines, one per install
    course.main(["app", "explorer"])
    assert fake.pip_calls() == []


def test_the_current_environment_is_never_installed_into(
        course: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake(course, monkeypatch)
    monkeypatch.setenv("PKEDU_USE_CURRENT_ENV", "1")
    for command in COMMANDS:
        course.main(command)
    assert fake.pip_calls() == []
    assert not course.VENV.exists()


def test_the_environment_gets_the_kernel_config_that_pip_install_e_leaves_out(
        course: ModuleType, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = course.KERNEL_CONFIG
    (course.ROOT / config).parent.mkdir(parents=True)
    shutil.copy(ROOT / config, course.ROOT / config)
    _fake(course, monkeypatch)
    course.main(["test"])
    installed = course.VENV / config
    assert installed.read_text() == (ROOT / config).read_text()
    assert "pkedu.kernel" in installed.read_text()
    installed.write_text("c = get_config()\n")  # someone else's configuration: kept
    course.main(["start"])
    assert installed.read_text() == "c = get_config()\n"
    assert "not the course's" in capsys.readouterr().out


def test_an_unknown_app_is_named_before_anything_is_installed(
        course: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake(course, monkeypatch)
    with pytest.raises(SystemExit) as stop:
        course.main(["app", "nosuch"])
    assert "Name one app: explorer" in str(stop.value.code)
    assert fake.commands == []


# --- the real thing, offline ----------------------------------------------------------------

def _installed_venv() -> Path | None:
    """The .venv these tests run in, when course.py installed it for this pyproject.toml."""
    venv = ROOT / ".venv"
    if Path(sys.prefix).resolve() != venv.resolve():
        return None
    return venv if _load().is_installed(venv / "bin" / "python") else None


def test_every_command_runs_offline_on_the_installed_environment(tmp_path: Path) -> None:
    if _installed_venv() is None or os.name == "nt":
        pytest.skip("runs only inside the .venv that course.py installed for this pyproject.toml")
    for name in ("course.py", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "PKEDU_USE_CURRENT_ENV"))}
    env.update(PIP_NO_INDEX="1", PIP_INDEX_URL="http://127.0.0.1:9/", PIP_FIND_LINKS="",
               PIP_CONFIG_FILE=os.devnull)

    def course(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "course.py", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)

    checks = {
        ("start", "--help"): "jupyter",          # JupyterLab's help: the lab is there
        ("app", "explorer", "--help"): "voila",  # Voila's help
        ("test", "--version"): "pytest",
        ("release",): "student",
    }
    for args, expected in checks.items():
        result = course(*args)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"course.py {' '.join(args)}:\n{output[-2000:]}"
        assert expected in output.lower(), output[-2000:]
        assert "installing" not in output, f"course.py {' '.join(args)} reinstalled"
    assert (tmp_path / "build" / "student" / "00_start_here.ipynb").exists()
    missing = course("execute", "no-such.ipynb")
    assert missing.returncode == 1
    assert missing.stderr.strip() == ("pkedu: no-such.ipynb: there is no such notebook or "
                                      "folder"), missing.stderr
    unknown = course("app", "nosuch")
    assert unknown.returncode == 1 and "Name one app" in unknown.stderr
