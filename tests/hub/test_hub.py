"""The course on a real JupyterHub 6 with nbgitpuller, as a class meets it.

One hub for the module, started from deploy/jupyterhub_config.py with test-only
overrides (see harness.py). A student logs in, lands on the nbgitpuller link, pulls
the student edition from a local git repository, and runs notebook 00 through the
kernel protocol. Then the instructor publishes a fix and a new notebook, and the
student, who has written answers meanwhile, pulls again: nothing of theirs is lost.

The hub needs configurable-http-proxy (npm) and node. Without them these tests are
skipped with a hint, unless ``PKEDU_REQUIRE_HUB=1`` (set in CI), when they fail.
"""

from __future__ import annotations

import copy
import os
import runpy
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlsplit

import nbformat
import pytest
from traitlets.config import Config

from _classroom import editions

from .edition_repo import git, publish_edition
from .harness import SHIPPED_CONFIG, Hub, Student, code_cells, error_report, find_proxy, start_hub

pytestmark = pytest.mark.hub

NOTEBOOKS = "pkedu/notebooks"
ENABLE_HINT = ("The hub tests need node and configurable-http-proxy: "
               "npm install --prefix build/node configurable-http-proxy@5")


# --------------------------------------------------------------------------- the shipped config


def load_shipped(monkeypatch: pytest.MonkeyPatch, **settings: str) -> Config:
    for name in [n for n in os.environ if n.startswith("PKEDU_")]:
        monkeypatch.delenv(name)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    config = Config()
    runpy.run_path(str(SHIPPED_CONFIG), init_globals={"get_config": lambda: config})
    return config


def test_config_needs_the_course_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_shipped(monkeypatch)
    assert "set PKEDU_COURSE_REPO" in str(stopped.value)


def test_config_needs_the_course_environment(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_shipped(monkeypatch, PKEDU_COURSE_REPO="https://example.org/edition",
                     PKEDU_USER_ENV=str(tmp_path))
    assert f"no course environment at {tmp_path}" in str(stopped.value)


def test_config_opens_the_course_through_nbgitpuller(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    env = tmp_path / "env"
    (env / "bin").mkdir(parents=True)
    (env / "bin" / "jupyterhub-singleuser").touch()
    (tmp_path / "class.txt").write_text("# week 1\nana\n\nben \n")
    c = load_shipped(monkeypatch, PKEDU_COURSE_REPO="https://example.org/pk-student",
                     PKEDU_USER_ENV=str(env), PKEDU_CLASS_LIST=str(tmp_path / "class.txt"),
                     PKEDU_ADMINS="teacher", PKEDU_MEM_LIMIT="400M")
    assert c.Spawner.default_url == (
        "/git-pull?repo=https%3A%2F%2Fexample.org%2Fpk-student&branch=main&targetpath=pkedu"
        "&urlpath=lab%2Ftree%2Fpkedu%2Fnotebooks%2F00_start_here.ipynb")
    assert c.Spawner.cmd == [str(env / "bin" / "jupyterhub-singleuser")]
    assert c.Spawner.environment["PATH"].startswith(f"{env / 'bin'}:")
    assert c.Spawner.mem_limit == "400M"
    assert c.Authenticator.allowed_users == {"ana", "ben"}
    assert c.Authenticator.admin_users == {"teacher"}
    culler = c.JupyterHub.services[0]
    assert culler["name"] == "idle-culler" and "--timeout=3600" in culler["command"]


def test_config_link_is_the_one_pkedu_link_prints(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    """The server's default URL and ``pkedu link`` pull the same thing into the same place."""
    from pkedu.links import nbgitpuller_link

    env = tmp_path / "env"
    (env / "bin").mkdir(parents=True)
    (env / "bin" / "jupyterhub-singleuser").touch()
    repo = "https://example.org/pk-student.git"
    c = load_shipped(monkeypatch, PKEDU_COURSE_REPO=repo, PKEDU_USER_ENV=str(env),
                     PKEDU_COURSE_BRANCH="week-2", PKEDU_COURSE_FOLDER="peacekeeping")
    link = nbgitpuller_link("https://hub.example.org", repo, branch="week-2",
                            folder="peacekeeping")

    def params(url: str) -> dict[str, str]:  # nbgitpuller accepts targetPath and targetpath
        return {key.lower(): value for key, value in parse_qsl(urlsplit(url).query)}

    assert params(c.Spawner.default_url) == params(link)
    assert urlsplit(link).path == "/hub/user-redirect" + urlsplit(c.Spawner.default_url).path


def test_students_servers_leave_out_what_students_do_not_use(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    """nbgrader's instructor tools and the language-server bridge are off for students only."""
    env = tmp_path / "env"
    (env / "bin").mkdir(parents=True)
    (env / "bin" / "jupyterhub-singleuser").touch()
    c = load_shipped(monkeypatch, PKEDU_COURSE_REPO="https://example.org/pk",
                     PKEDU_USER_ENV=str(env))
    off = {f"--ServerApp.jpserver_extensions={name}=False" for name in (
        "nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list",
        "jupyter_lsp")}
    student = SimpleNamespace(user=SimpleNamespace(admin=False), args=["--allow-root"])
    c.Spawner.pre_spawn_hook(student)
    assert student.args[0] == "--allow-root" and set(student.args[1:]) == off
    c.Spawner.pre_spawn_hook(student)  # a server started again gets them once
    assert len(student.args) == 1 + len(off)
    teacher = SimpleNamespace(user=SimpleNamespace(admin=True), args=[])
    c.Spawner.pre_spawn_hook(teacher)
    assert teacher.args == []


# --------------------------------------------------------------------------- a real hub


@pytest.fixture(scope="module")
def proxy() -> str:
    found = find_proxy()
    if found is None:
        message = f"configurable-http-proxy not found. {ENABLE_HINT}"
        if os.environ.get("PKEDU_REQUIRE_HUB") == "1":
            pytest.fail(f"PKEDU_REQUIRE_HUB=1 but the hub tests cannot run: {message}",
                        pytrace=False)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def edition(proxy: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The instructor's copy of the student edition and the URL students pull from."""
    written = editions(tmp_path_factory).folders["student"]  # shared with test_edition.py
    return publish_edition(tmp_path_factory.mktemp("edition"), edition=written)


@pytest.fixture(scope="module")
def hub(proxy: str, edition: tuple[Path, str],
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    started = start_hub(tmp_path_factory.mktemp("hub"), edition[1], proxy=proxy)
    try:
        yield started
    finally:
        everything = started.processes()  # hub, proxy, culler, servers, kernels
        started.stop()
    left = [" ".join(p.cmdline()) for p in everything if p.is_running()]
    assert not left, f"processes left running: {left}"


@pytest.fixture(scope="module")
def student(hub: Hub) -> Student:
    """Ana has logged in, followed the instructor's link (her server started) and pulled."""
    ana = Student(hub, "ana")
    ana.log_in()
    ana.opened = ana.follow_link(ana.link())
    return ana


def test_the_link_pulls_the_course_and_opens_notebook_00(student: Student) -> None:
    assert student.landed_on.startswith(f"{student.server}/git-pull?")
    assert student.pull_events[-1] == {"phase": "finished"}
    assert student.opened == f"{student.server}/lab/tree/pkedu/notebooks/00_start_here.ipynb"
    names = student.files(NOTEBOOKS)
    assert "00_start_here.ipynb" in names and "07_capstone_fact_check.ipynb" in names
    assert "README.md" in student.files("pkedu")


def test_the_servers_home_page_is_the_nbgitpuller_link(student: Student) -> None:
    """A student who logs in without the link lands on the same pull (the config's default)."""
    landed = student.open_server()
    assert landed.startswith(f"{student.server}/git-pull?")
    assert "targetpath=pkedu" in landed
    assert "urlpath=lab%2Ftree%2Fpkedu%2Fnotebooks%2F00_start_here.ipynb" in landed


def test_the_students_server_has_what_a_student_uses(student: Student) -> None:
    """JupyterLab and its widgets answer; nbgrader's formgrader and the LSP bridge do not."""
    for path, status in (("lab", 200), ("api/contents", 200), ("formgrader", 404),
                         ("lsp/status", 404)):
        reply = student.session.get(f"{student.server}/{path}", timeout=60,
                                    allow_redirects=False)
        assert reply.status_code == status, (path, reply.status_code)
    assert "jupyter-widgets" in student.session.get(
        f"{student.server}/lab/api/extensions", timeout=60).text


def test_notebook_00_runs_in_the_students_server(student: Student) -> None:
    notebook = f"{NOTEBOOKS}/00_start_here.ipynb"
    kernel = student.open_kernel(notebook)
    try:
        runs = kernel.run_all(code_cells(student.read_notebook(notebook)))
    finally:
        kernel.close()
    assert not error_report(runs), "\n".join(error_report(runs))
    assert len(runs) > 10 and all(run.status == "ok" for run in runs)
    assert any(run.has_chart() for run in runs), "no chart was drawn"
    assert "not answered yet" in str(runs).lower(), "the student edition should hold no answers"


# --------------------------------------------------------------------------- pulling again


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _set_line(cell: dict, old: str, new: str) -> None:
    text = _source(cell)
    assert old in text, f"{old!r} not in {text[:200]!r}"
    cell["source"] = text.replace(old, new, 1)


def test_pulling_again_keeps_the_students_work(student: Student,
                                               edition: tuple[Path, str]) -> None:
    nb01 = f"{NOTEBOOKS}/01_convergence.ipynb"
    # The student answers an exercise, rewrites a line of the claim in her own words,
    # keeps notes in a file, and deletes a notebook by mistake.
    mine = student.read_notebook(nb01)
    exercise = next(i for i, c in enumerate(mine["cells"])
                    if "there_from_start = ..." in _source(c))
    _set_line(mine["cells"][exercise], "there_from_start = ...",
              'there_from_start = ["IDN", "MYS"]  # my answer')
    _set_line(mine["cells"][1], "## 1. The claim", "## 1. The claim (my summary: convergence?)")
    student.save_notebook(nb01, mine)
    student.call("PUT", f"contents/{NOTEBOOKS}/glossary.md",
                 json={"type": "file", "format": "text", "content": "my glossary\n"})
    student.call("DELETE", f"contents/{NOTEBOOKS}/02_scale.ipynb")

    # The instructor fixes a typo in 01's title, rewrites the same line of the claim the
    # student changed, adds a notebook and a glossary, and publishes.
    work, _ = edition
    path = work / "notebooks" / "01_convergence.ipynb"
    theirs = nbformat.read(path, as_version=4)
    _set_line(theirs.cells[0], "# 01 · Convergence", "# 01 · Convergence (typo fixed)")
    _set_line(theirs.cells[1], "## 1. The claim", "## 1. The claim, in the article's words")
    nbformat.write(theirs, path)
    extra = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 08 · New")])
    nbformat.write(extra, work / "notebooks" / "08_new.ipynb")
    (work / "notebooks" / "glossary.md").write_text("the instructor's glossary\n")
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "Fix a typo in 01; add notebook 08 and a glossary", cwd=work)
    git("push", "-q", "origin", "main", cwd=work)

    student.follow_link(student.link())  # she opens the link again

    merged = student.read_notebook(nb01)
    nbformat.validate(nbformat.from_dict(copy.deepcopy(merged)))
    sources = [_source(c) for c in merged["cells"]]
    assert 'there_from_start = ["IDN", "MYS"]  # my answer' in sources[exercise]  # kept
    assert sources[0].startswith("# 01 · Convergence (typo fixed)")  # the fix arrived
    # Both changed the same line: nbgitpuller merges with "-Xours", the student's wins.
    assert sources[1].startswith("## 1. The claim (my summary: convergence?)")
    names = student.files(NOTEBOOKS)
    assert "08_new.ipynb" in names  # the new notebook arrived
    assert "02_scale.ipynb" in names  # a deleted file comes back
    # Her untracked glossary.md was in the way of the instructor's: renamed, not lost.
    renamed = [n for n in names if n.startswith("glossary__") and n.endswith(".md")]
    assert len(renamed) == 1, names
    assert student.read_text(f"{NOTEBOOKS}/{renamed[0]}") == "my glossary\n"
    assert student.read_text(f"{NOTEBOOKS}/glossary.md") == "the instructor's glossary\n"


def test_the_idle_culler_runs(hub: Hub, student: Student) -> None:
    """The shipped culler service started and is still running (it stops idle servers)."""
    commands = [" ".join(p.cmdline()) for p in hub.processes()[1:] if p.is_running()]
    assert any("jupyterhub_idle_culler" in command for command in commands), commands
    assert "Service idle-culler exited" not in hub.log.read_text(errors="replace")
