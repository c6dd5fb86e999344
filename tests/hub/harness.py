"""A real JupyterHub on 127.0.0.1 from deploy/jupyterhub_config.py, and students that use it.

Used by the hub test (tests/hub/test_hub.py) and the classroom benchmark
(benchmarks/classroom.py). The hub loads the shipped configuration unchanged and
then a few test-only overrides (``override_config``): the dummy authenticator (any
password), the simple local spawner (no system users; homes in a temporary folder),
127.0.0.1 and free ports, and the proxy found by ``find_proxy``.

The project's own environment stands for the course environment (deploy/README.md).
It has more than the course environment: the instructor's tools (nbgrader, the classic
notebook) and rfc3987-syntax, which the install steps remove. The overrides switch those
tools' server extensions off and hide rfc3987-syntax from the students' servers and
kernels (``WITHOUT``), so that what runs is what a student gets on the hub.

A ``Student`` does over HTTP what a browser does: logs in through the login form,
opens their server (following the hub's OAuth redirects to the nbgitpuller link that
is the server's default URL), pulls the course through nbgitpuller's event stream, and
runs notebooks through the Jupyter kernel protocol (REST + websocket, kernel.py), as
JupyterLab's "Run All" does. edition_repo.py publishes the student edition as a git
repository for nbgitpuller to pull from.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import psutil
import requests
import websocket

from .kernel import CHART_MIMETYPE, CellRun, Kernel, KernelTimeout, code_cells, error_report

__all__ = ["CHART_MIMETYPE", "TIMEOUTS", "CellRun", "Hub", "HubError", "HubTimeout", "Kernel",
           "KernelTimeout", "Student", "code_cells", "error_report", "find_proxy",
           "iter_process_tree", "start_hub"]

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
PROXY_NAME = "configurable-http-proxy"
#: Where .ci/run installs the proxy (npm install --prefix build/node).
LOCAL_PROXY = ROOT / "build" / "node" / "node_modules" / ".bin" / PROXY_NAME
HUB_START_TIMEOUT = 120  # seconds; about 5 s on an idle machine
SPAWN_TIMEOUT = 180  # seconds; a class spawning at once queues on the CPU
#: Server extensions of the test environment that the course environment does not have.
NOT_IN_COURSE_ENV = ("nbgrader.server_extensions.assignment_list",
                     "nbgrader.server_extensions.validate_assignment", "notebook")
#: Packages of the test environment that the course environment's install removes.
WITHOUT = ("rfc3987_syntax",)


class HubError(RuntimeError):
    """The hub or a student's server did not do what was asked; the message says what."""


class HubTimeout(HubError):
    """A wait ended before the hub or the server was ready (not an error it reported)."""


#: Everything that means "still waiting when the wait ended", as opposed to an error.
TIMEOUTS = (HubTimeout, KernelTimeout, requests.Timeout, websocket.WebSocketTimeoutException)


def find_proxy() -> str | None:
    """configurable-http-proxy: ``$PKEDU_PROXY``, build/node/ (from .ci/run), or the PATH."""
    configured = os.environ.get("PKEDU_PROXY")
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    if LOCAL_PROXY.is_file() and shutil.which("node"):
        return str(LOCAL_PROXY)
    return shutil.which(PROXY_NAME)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hide_packages(folder: Path, names: tuple[str, ...] = WITHOUT) -> Path:
    """A folder that, first on PYTHONPATH, makes ``names`` fail to import as if not installed."""
    for name in names:
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "__init__.py").write_text(
            f"raise ImportError('{name} is not installed in the course environment "
            "(deploy/README.md)')\n")
    return folder


def override_config(proxy: str, work: Path, ports: dict[str, int]) -> str:
    """A configuration file that loads the shipped one, then changes only what a test must."""
    root_flag = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    args = root_flag + [f"--ServerApp.jpserver_extensions={name}=False"
                        for name in NOT_IN_COURSE_ENV]
    hidden = hide_packages(work / "course-env-without")
    return f"""\
c = get_config()
load_subconfig({str(SHIPPED_CONFIG)!r})
# --- test-only overrides ---
c.JupyterHub.bind_url = "http://127.0.0.1:{ports['public']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports['hub']}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['proxy_api']}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(work / 'homes' / '{username}')!r}
c.Spawner.args = {args!r}
c.Spawner.environment["PYTHONPATH"] = {str(hidden)!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.db_url = "sqlite:///{work / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(work / 'cookie_secret')!r}
c.JupyterHub.pid_file = {str(work / 'jupyterhub.pid')!r}
"""


@dataclass
class Hub:
    """A JupyterHub process started by :func:`start_hub`; ``stop`` ends it and all it started."""

    url: str
    process: subprocess.Popen[bytes]
    work: Path
    log: Path
    repo: str
    branch: str
    folder: str

    def answers(self) -> bool:
        """True once the hub answers through its proxy (``/hub/api/`` needs no login)."""
        try:
            return requests.get(f"{self.url}/hub/api/", timeout=10).ok
        except requests.ConnectionError:
            return False

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def processes(self) -> list[psutil.Process]:
        """The hub and everything under it (proxy, servers, kernels)."""
        try:
            hub = psutil.Process(self.process.pid)
            return [hub, *hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def stop(self) -> None:
        """Stop the hub (which stops servers and proxy), then end anything left over."""
        leftovers = self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for proc in leftovers[1:]:  # servers and kernels started in their own sessions
            try:
                proc.terminate()
            except psutil.NoSuchProcess:
                pass
        _, alive = psutil.wait_procs(leftovers[1:], timeout=10)
        for proc in alive:
            try:
                proc.kill()
            except psutil.NoSuchProcess:
                pass


def start_hub(work: Path, repo: str, *, branch: str = "main", folder: str = "pkedu",
              proxy: str, user_env: Path | None = None, extra_config: str = "") -> Hub:
    """Start JupyterHub in ``work`` with the shipped config and the test overrides.

    ``repo`` is the student edition's git URL; ``user_env`` the course environment
    (default: the environment running this code, i.e. the project's .venv);
    ``extra_config`` lines are added after the overrides.
    """
    work.mkdir(parents=True, exist_ok=True)
    ports = {name: free_port() for name in ("public", "hub", "proxy_api")}
    config = work / "jupyterhub_test_config.py"
    config.write_text(override_config(proxy, work, ports) + extra_config)
    env = dict(os.environ,
               PKEDU_COURSE_REPO=repo, PKEDU_COURSE_BRANCH=branch, PKEDU_COURSE_FOLDER=folder,
               PKEDU_USER_ENV=str(user_env or Path(sys.prefix)),
               PKEDU_CLASS_LIST=str(work / "no-class-list"))
    env.pop("JUPYTERHUB_API_TOKEN", None)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    log = work / "jupyterhub.log"
    hub_command = Path(sys.executable).parent / "jupyterhub"
    with log.open("wb") as out:
        process = subprocess.Popen([str(hub_command), "-f", str(config)], cwd=work, env=env,
                                   stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{ports['public']}", process, work, log, repo, branch, folder)
    deadline = time.monotonic() + HUB_START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                raise HubError(f"JupyterHub exited with status {process.returncode}:\n"
                               f"{hub.log_tail()}")
            if hub.answers():
                return hub
            if time.monotonic() > deadline:
                raise HubError(f"JupyterHub did not answer within {HUB_START_TIMEOUT} s:\n"
                               f"{hub.log_tail()}")
            time.sleep(0.3)
    except BaseException:
        hub.stop()
        raise


# --------------------------------------------------------------------------- students


@dataclass
class Student:
    """One student using the hub the way a browser does."""

    hub: Hub
    name: str
    session: requests.Session = field(default_factory=requests.Session)
    pull_events: list[dict[str, Any]] = field(default_factory=list)
    landed_on: str = ""  # the page a link or the server's home led to
    opened: str = ""     # the page opened after the last pull
    wait: float = SPAWN_TIMEOUT  # seconds to wait for the server to start, and for a pull

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def _xsrf(self, path: str) -> dict[str, str]:
        token = self.session.cookies.get("_xsrf", path=path) or self.session.cookies.get(
            "_xsrf") or ""
        return {"X-XSRFToken": token}

    def log_in(self, password: str = "any") -> None:
        """Fill in the login form and send it, as a browser does."""
        page = self.session.get(f"{self.hub.url}/hub/login", timeout=30)
        page.raise_for_status()
        found = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text)
        form = {"username": self.name, "password": password}
        if found:
            form["_xsrf"] = found.group(1)
        reply = self.session.post(f"{self.hub.url}/hub/login", data=form, timeout=60,
                                  allow_redirects=False)
        if reply.status_code not in (302, 303):
            raise HubError(f"{self.name}: login answered {reply.status_code}")

    def open_server(self) -> str:
        """Go to the hub's home, as after logging in; return the page the server shows.

        The server's default URL (deploy/jupyterhub_config.py) is the nbgitpuller link.
        """
        self.session.get(f"{self.hub.url}/hub/spawn", timeout=60)
        self.wait_until_ready()
        page = self.session.get(f"{self.server}/", timeout=60)
        page.raise_for_status()
        self.landed_on = page.url
        return page.url

    def link(self, open_path: str = "notebooks/00_start_here.ipynb") -> str:
        """The nbgitpuller link the instructor gives the class (``pkedu link``)."""
        from pkedu.links import nbgitpuller_link

        return nbgitpuller_link(self.hub.url, self.hub.repo, branch=self.hub.branch,
                                open_path=open_path, folder=self.hub.folder)

    def wait_until_ready(self, timeout: float | None = None) -> None:
        """Wait, as the hub's "server starting" page does, until the server is up."""
        timeout = self.wait if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            reply = self.session.get(f"{self.hub.url}/hub/api/users/{self.name}", timeout=30)
            reply.raise_for_status()
            server = reply.json().get("servers", {}).get("", {})
            if server.get("ready"):
                return
            if not server.get("pending"):
                raise HubError(f"{self.name}: no server is starting:\n{self.hub.log_tail()}")
            if time.monotonic() > deadline:
                raise HubTimeout(f"{self.name}: timed out after {timeout:.0f} s: "
                                 "server not ready")
            time.sleep(0.25)

    def follow_link(self, link: str, timeout: float | None = None) -> str:
        """Open an nbgitpuller link as a logged-in browser does; return the page it opens.

        The link goes through the hub (starting the server if needed) to nbgitpuller's
        page, whose script streams ``git-pull/api`` with the page's parameters and its
        ``_xsrf`` token, then opens ``urlpath``. Raises HubError unless the pull finished.
        ``timeout`` (default: ``wait``) is the longest silence allowed in the pull's stream.
        """
        timeout = self.wait if timeout is None else timeout
        page = self.session.get(link, timeout=60)
        if "/git-pull" not in page.url or "data-repo" not in page.text:
            self.wait_until_ready()  # the hub showed its "server starting" page
            page = self.session.get(link, timeout=60)
        page.raise_for_status()
        self.landed_on = page.url
        data = {key: unquote(value)
                for key, value in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        if "repo" not in data:
            raise HubError(f"{self.name}: {page.url} is not nbgitpuller's page")
        params = {"_xsrf": data.get("xsrf", ""), "repo": data["repo"],
                  "targetpath": data.get("targetpath", "")}
        params.update({key: data[key] for key in ("depth", "branch", "backup") if key in data})
        events: list[dict[str, Any]] = []
        api = f"{data.get('base-url', '/user/' + self.name + '/')}git-pull/api"
        with self.session.get(f"{self.hub.url}{api}", params=params, stream=True,
                              timeout=timeout) as reply:
            reply.raise_for_status()
            for line in reply.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        self.pull_events = events
        if not events or events[-1].get("phase") != "finished":
            output = "".join(str(e.get("output", "")) for e in events)
            raise HubError(f"{self.name}: nbgitpuller did not finish: "
                           f"{events[-1] if events else 'no events'}\n{output}")
        opened = self.session.get(f"{self.hub.url}{data.get('base-url', '')}{data['path']}",
                                  timeout=60)
        opened.raise_for_status()
        return opened.url

    # --- the Jupyter server's REST API ---

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """Call the student's own server (``/user/NAME/api/...``) with their cookies."""
        headers = self._xsrf(f"/user/{self.name}/")
        reply = self.session.request(method, f"{self.server}/api/{path}", headers=headers,
                                     timeout=60, **kwargs)
        if not reply.ok:
            raise HubError(f"{self.name}: {method} api/{path} answered {reply.status_code}: "
                           f"{reply.text[:300]}")
        return reply

    def read_notebook(self, path: str) -> dict[str, Any]:
        return self.call("GET", f"contents/{path}", params={"content": "1"}).json()["content"]

    def save_notebook(self, path: str, notebook: dict[str, Any]) -> None:
        self.call("PUT", f"contents/{path}",
                  json={"type": "notebook", "format": "json", "content": notebook})

    def read_text(self, path: str) -> str:
        """A file as text (a Markdown file too, which JupyterLab would open as a notebook)."""
        return self.call("GET", f"contents/{path}",
                         params={"type": "file", "format": "text"}).json()["content"]

    def files(self, folder: str) -> list[str]:
        listing = self.call("GET", f"contents/{folder}").json()["content"]
        return sorted(item["name"] for item in listing)

    def open_kernel(self, notebook: str) -> Kernel:
        """A kernel for ``notebook`` (a session, as JupyterLab makes when a notebook opens)."""
        session = self.call("POST", "sessions", json={
            "path": notebook, "name": Path(notebook).name, "type": "notebook",
            "kernel": {"name": "python3"}}).json()
        return Kernel(self, session["id"], session["kernel"]["id"])


def iter_process_tree(pid: int) -> Iterator[psutil.Process]:
    """A process and all its descendants (kernels included)."""
    try:
        proc = psutil.Process(pid)
        yield proc
        yield from proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return
