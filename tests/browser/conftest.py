"""Fixtures for the browser tests: one JupyterLab, one Voila and one Chromium per session.

The notebooks and apps are opened in headless Chromium, driven by Playwright, with the
internet out of reach: Chromium resolves no host name except ``localhost`` (as in a
classroom with no connection) and every request a page makes to another host is
recorded, so a test can fail listing them.

Chromium is looked up as ``$PKEDU_CHROMIUM``, then ``chromium``, ``chromium-browser``,
``google-chrome`` on the PATH. Without it the browser tests are skipped with a hint,
unless ``PKEDU_REQUIRE_BROWSER=1`` (set in CI), when they fail instead.

Screenshots of every notebook and app go to ``test-artifacts/screenshots/`` at the top of
the repository; the folder is printed in the pytest summary.

Speed: the session shares one JupyterLab, one Voila and one browser context (so
JupyterLab's scripts are downloaded once); each notebook still gets a new page, a
fresh workspace and its own kernel. While one notebook runs, the next one's page is
already loading (see ``LabPages``), and the app pages load side by side (``VoilaApps``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from .pkbrowser import (
    APPS,
    BACKGROUND,
    ROOT,
    SCREENSHOTS,
    TOASTS_SEEN,
    app_names,
    chart_report,
    charts_drawn,
    dismiss_popups,
    error_outputs,
    kernel_status,
    run_all,
    wait_for,
    widget_report,
    widgets_ok,
)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Offline like a classroom without internet: no host name resolves except the local
    # server. A request to another host still shows up among the recorded requests, and
    # fails at once instead of hanging on a slow network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

ENABLE_HINT = (
    "The browser tests need Chromium. Install it with `sudo apt-get install chromium` "
    "or point PKEDU_CHROMIUM at a Chromium or Chrome binary."
)

# JupyterLab refuses to run as root (containers, CI) unless told.
ROOT_FLAG = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []

SERVER_START_TIMEOUT = 90  # seconds; a cold start on a busy machine takes ~10 s
VIEWPORT = {"width": 1280, "height": 900}
MAX_SCREENSHOT_HEIGHT = 16_000  # pixels

_screenshots_taken: list[Path] = []
#: Notebooks selected for test_notebooks, in run order (filled at collection).
SELECTED_NOTEBOOKS: list[str] = []


# --------------------------------------------------------------------------- helpers


def browser_unavailable(reason: str) -> None:
    """Skip (locally) or fail (with ``PKEDU_REQUIRE_BROWSER=1``, as in CI)."""
    message = f"{reason} {ENABLE_HINT}"
    if os.environ.get("PKEDU_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PKEDU_REQUIRE_BROWSER=1 but the browser tests cannot run: {message}",
                    pytrace=False)
    pytest.skip(message)


def find_chromium() -> str | None:
    """The Chromium/Chrome binary to use, or None."""
    configured = os.environ.get("PKEDU_CHROMIUM")
    if configured:
        found = shutil.which(configured)
        return found if found else (configured if Path(configured).is_file() else None)
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_external(url: str) -> bool:
    """True for a request that would leave the machine."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss", "ftp"):
        return False  # data:, blob:, about:, chrome-extension: ...
    return (parts.hostname or "") not in LOCAL_HOSTS


def file_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")


def _write_json(path: Path, content: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=2))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Remember which notebooks will run, in order, so the next one can load early."""
    SELECTED_NOTEBOOKS.clear()
    here = Path(__file__).parent
    for item in items:
        callspec = getattr(item, "callspec", None)
        if (item.path.parent == here and item.path.name == "test_notebooks.py" and callspec
                and "path" in callspec.params):
            SELECTED_NOTEBOOKS.append(callspec.params["path"].relative_to(ROOT).as_posix())


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    """A Jupyter server (JupyterLab or Voila) that this test session started."""

    name: str
    process: subprocess.Popen
    port: int
    token: str
    log: Path
    root: Path
    _background: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, **query: str) -> str:
        query = {**query, "token": self.token} if self.token else query
        return f"{self.base}/{path.lstrip('/')}?{urllib.parse.urlencode(query)}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(self.base + path, method=method)
        if self.token:
            request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_state(self, notebook: str) -> str:
        """Execution state of the kernel of ``notebook``'s session ('' if none yet)."""
        try:
            for session in self.api("GET", "/api/sessions"):
                if session.get("path") == notebook and session.get("kernel"):
                    return session["kernel"].get("execution_state", "")
        except (urllib.error.URLError, OSError, ValueError):
            pass  # the server is still starting the session
        return ""

    def shut_down_kernels(self, notebook: str) -> None:
        """Stop the kernels of ``notebook`` in the background (they must not pile up)."""

        def stop() -> None:
            try:
                for session in self.api("GET", "/api/sessions"):
                    if session.get("path") == notebook:
                        self.api("DELETE", f"/api/sessions/{session['id']}")
            except (urllib.error.URLError, OSError, ValueError):
                pass  # best effort: the server stops at the end of the session anyway

        self._background.submit(stop)

    def stop(self) -> None:
        """Terminate the process this session spawned (by its handle), then reap it."""
        self._background.shutdown(wait=True, cancel_futures=True)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_until_up(server: Server, probe: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"{server.name} exited with code {server.process.returncode} while "
                        f"starting. Last lines of its log:\n{server.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(server.url(probe), timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"{server.name} did not answer within {SERVER_START_TIMEOUT} s. "
                f"Last lines of its log:\n{server.log_tail()}", pytrace=False)


def _spawn(command: list[str], env: dict[str, str], log: Path, cwd: Path) -> subprocess.Popen:
    with log.open("w") as handle:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=handle,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def jupyter_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for the servers: private config, data, runtime and IPython dirs.

    The user's own Jupyter settings are neither read nor touched. Lab settings: no news
    or update checks, no autosave and no checkpoints in the repository (opening and
    running a notebook must never write to the repository), and every cell kept in the
    page (no windowing), so the tests can see every output.
    """
    home = tmp_path_factory.mktemp("jupyter-home")
    config = home / "config"
    settings = config / "lab" / "user-settings" / "@jupyterlab"
    _write_json(settings / "apputils-extension" / "notification.jupyterlab-settings",
                {"fetchNews": "false", "checkForUpdates": False})
    _write_json(settings / "docmanager-extension" / "plugin.jupyterlab-settings",
                {"autosave": False})
    _write_json(settings / "notebook-extension" / "tracker.jupyterlab-settings",
                {"windowingMode": "none"})
    # Checkpoints (JupyterLab makes one when it opens a file) go to the temporary folder:
    # an absolute checkpoint_dir is used as it is. News and update checks are off on the
    # server too (traits set to None need a config file, not the command line).
    checkpoints = {"checkpoint_dir": str(home / "checkpoints")}
    _write_json(config / "jupyter_server_config.json",
                {"LabApp": {"news_url": None,
                            "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                            "extension_manager": "readonly"},
                 "FileCheckpoints": checkpoints, "AsyncFileCheckpoints": checkpoints})
    env = dict(os.environ)
    for key in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN", "JUPYTER_PREFER_ENV_PATH"):
        env.pop(key, None)
    env.update({
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "0",
        "PYTHONUNBUFFERED": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    return env


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of the Chromium binary; skips or fails (CI) when there is none."""
    path = find_chromium()
    if path is None:
        browser_unavailable("Chromium was not found.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        browser_unavailable("The Python package playwright is not installed "
                            "(install the test extras: pip install -e '.[test]').")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def jupyter_lab(chromium_path: str, jupyter_env: dict[str, str],
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One JupyterLab for the session, rooted at the repository, on 127.0.0.1."""
    port, token = free_port(), secrets.token_hex(16)
    log = tmp_path_factory.mktemp("logs") / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        f"--IdentityProvider.token={token}", "--ServerApp.ip=127.0.0.1", f"--port={port}",
        "--ServerApp.port_retries=0", f"--ServerApp.root_dir={ROOT}",
        # window.jupyterapp: only a fallback for "Run All" if the menu cannot be used.
        "--LabApp.expose_app_in_browser=True",
        *ROOT_FLAG,
    ]
    server = Server("JupyterLab", _spawn(command, jupyter_env, log, ROOT), port, token, log,
                    ROOT)
    try:
        _wait_until_up(server, "/api/status")
        yield server
    finally:
        server.stop()


def start_voila(root: Path, env: dict[str, str], log: Path) -> Server:
    """Start Voila in tree mode on ``root``: a notebook is at /voila/render/<file>.

    Voila uses the course's template, as ``course.py app`` does (see pkedu.voila): Voila's
    own "lab" template would ask a CDN for Font Awesome's style sheets.
    """
    from pkedu.voila import TEMPLATE, voila_env

    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "voila", str(root), "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", f"--Voila.token={token}", "--Voila.port_retries=0",
        "--show_tracebacks=True", f"--template={TEMPLATE}",
    ]
    server = Server("Voila", _spawn(command, voila_env(env), log, root), port, token, log,
                    root)
    try:
        _wait_until_up(server, "/")
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def voila_server(chromium_path: str, jupyter_env: dict[str, str],
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Voila for the session serving the app notebooks in notebooks/apps/."""
    if not APPS.is_dir():
        pytest.fail(f"{APPS.relative_to(ROOT)} does not exist", pytrace=False)
    server = start_voila(APPS, jupyter_env, tmp_path_factory.mktemp("logs") / "voila.log")
    try:
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    """One headless Chromium for the session."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path, headless=True,
                                                  args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            browser_unavailable(f"Chromium at {chromium_path} did not start ({error}).")
        # Pictures from an earlier run would mislead: keep only this run's.
        for old in [*SCREENSHOTS.glob("lab-*.png"), *SCREENSHOTS.glob("voila-*.png")]:
            old.unlink(missing_ok=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One browser context for the session: its pages share the HTTP cache."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1,
                                  service_workers="block")
    try:
        yield context
    finally:
        try:
            context.close()
        except Exception:  # the browser may be gone after a crash; nothing left to close
            pass


# Scroll every scrolling panel to its top; return how much of the tallest one is hidden.
TO_TOP_JS = """() => {
    let hidden = 0;
    for (const el of document.querySelectorAll('body, body *')) {
        if (el.scrollHeight <= el.clientHeight + 1 || !el.clientHeight) continue;
        const overflow = getComputedStyle(el).overflowY;
        if (overflow !== 'auto' && overflow !== 'scroll') continue;
        hidden = Math.max(hidden, el.scrollHeight - el.clientHeight);
        el.scrollTop = 0;
    }
    window.scrollTo(0, 0);
    return hidden;
}"""


@dataclass
class BrowserPage:
    """A page, with everything it asked of the network and the console recorded."""

    page: Any
    external: list[str] = field(default_factory=list)
    #: External requests a test decided to tolerate (see ``allow_external``), with reason.
    tolerated: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    _allowed: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def allow_external(self, pattern: str, reason: str) -> None:
        """Tolerate requests whose URL fully matches ``pattern`` (call before loading).

        Only for a known, documented request that the course cannot avoid. The request
        still fails (no host name resolves), so the page is tested as it looks offline.
        """
        self._allowed.append((re.compile(pattern), reason))

    def _record(self, url: str) -> None:
        if not is_external(url):
            return
        for pattern, reason in self._allowed:
            if pattern.fullmatch(url):
                self.tolerated.append(f"{url} ({reason})")
                return
        self.external.append(url)

    def assert_offline(self) -> None:
        """Fail listing every request that left (or tried to leave) the machine."""
        unique = sorted(set(self.external))
        assert not unique, (
            f"The page made {len(unique)} request(s) to other hosts; offline there must be "
            "none:\n  " + "\n  ".join(unique))

    def diagnostics(self) -> str:
        parts = [f"notifications: {TOASTS_SEEN}"] if TOASTS_SEEN else []
        if self.page_errors:
            parts.append("page errors:\n  " + "\n  ".join(self.page_errors[:10]))
        if self.console_errors:
            parts.append("console errors:\n  " + "\n  ".join(self.console_errors[:10]))
        return "\n".join(parts)

    def screenshot(self, name: str) -> Path:
        """Full-page screenshot to test-artifacts/screenshots/<name>.png.

        JupyterLab and Voila scroll inside a panel, not the page: the viewport is first
        stretched by the panel's hidden height, so the picture shows every cell.
        """
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{file_name(name)}.png"
        hidden = self.page.evaluate(TO_TOP_JS)
        size = self.page.viewport_size or VIEWPORT
        if hidden > 0:
            height = min(size["height"] + hidden + 20, MAX_SCREENSHOT_HEIGHT)
            self.page.set_viewport_size({"width": size["width"], "height": height})
            self.page.wait_for_timeout(300)
            self.page.evaluate(TO_TOP_JS)  # the panel may have kept its place: to the top
        try:
            self.page.screenshot(path=str(path), full_page=True, animations="disabled",
                                 caret="hide")
        finally:
            if hidden > 0:
                self.page.set_viewport_size(size)
        _screenshots_taken.append(path)
        return path


def open_page(context: Any) -> BrowserPage:
    """A new page that records external requests, websockets and JavaScript errors."""
    page = context.new_page()
    page.set_default_timeout(30_000)
    recorded = BrowserPage(page)
    page.on("request", lambda request: recorded._record(request.url))
    page.on("websocket", lambda ws: recorded._record(ws.url))
    page.on("pageerror", lambda error: recorded.page_errors.append(str(error)))
    page.on("console", lambda message: recorded.console_errors.append(message.text)
            if message.type == "error" else None)
    return recorded


def close_page(recorded: BrowserPage) -> None:
    try:
        recorded.page.close()
    except Exception:  # the browser may be gone after a crash; nothing left to close
        pass


@pytest.fixture
def new_page(browser_context: Any) -> Iterator[Callable[[], BrowserPage]]:
    """Factory for fresh pages, closed when the test ends."""
    opened: list[BrowserPage] = []

    def make() -> BrowserPage:
        opened.append(open_page(browser_context))
        return opened[-1]

    yield make
    for recorded in opened:
        close_page(recorded)


# --------------------------------------------------------------------------- JupyterLab pages


class LabPages:
    """Notebook pages in JupyterLab, each a new page in a fresh workspace.

    ``prepare(notebook)`` opens the next notebook's page without waiting for it, and
    while the current test waits, ``pump`` clicks that page's "Run All" as soon as its
    kernel is idle: two notebooks are in flight at a time, which keeps both cores busy.
    ``take(notebook)`` hands the page over (opening it now if it was not prepared).
    """

    AHEAD = 2  # pages loading ahead of the notebook under test

    def __init__(self, server: Server, context: Any) -> None:
        self.server = server
        self.context = context
        self._pending: dict[str, BrowserPage] = {}
        self.started: set[str] = set()  # notebooks whose Run All was clicked early

    def url(self, notebook: str) -> str:
        workspace = f"pkedu-test-{secrets.token_hex(4)}"
        return self.server.url(f"lab/workspaces/{workspace}/tree/{notebook}", reset="")

    def _open(self, notebook: str) -> BrowserPage:
        recorded = open_page(self.context)
        recorded.page.goto(self.url(notebook), wait_until="commit")
        return recorded

    def prepare(self, notebook: str | None) -> None:
        if notebook is None or notebook in self._pending:
            return
        try:
            self._pending[notebook] = self._open(notebook)
        except Exception:  # take() opens it again and reports what goes wrong
            pass

    def ready(self, notebook: str, page: Any) -> bool:
        """Kernel idle on the server and in the page, no dialog open.

        Raises AssertionError if JupyterLab shows a dialog other than "Select Kernel"
        (for example, that the kernel could not start).
        """
        dialogs = dismiss_popups(page)
        if dialogs:
            raise AssertionError(f"{notebook}: JupyterLab shows a dialog: {dialogs}")
        return self.server.kernel_state(notebook) == "idle" and kernel_status(page) == "idle"

    def pump(self) -> None:
        for notebook, recorded in list(self._pending.items()):
            if notebook in self.started:
                continue
            try:
                if self.ready(notebook, recorded.page):
                    run_all(recorded.page)
                    self.started.add(notebook)
            except Exception:  # that notebook's own test will find the problem and report
                pass

    def take(self, notebook: str) -> BrowserPage:
        recorded = self._pending.pop(notebook, None)
        return recorded if recorded is not None else self._open(notebook)

    def prepare_after(self, notebook: str) -> None:
        """Prepare the notebooks selected to run after ``notebook`` (``AHEAD`` of them)."""
        if notebook in SELECTED_NOTEBOOKS:
            index = SELECTED_NOTEBOOKS.index(notebook)
            for upcoming in SELECTED_NOTEBOOKS[index + 1:index + 1 + self.AHEAD]:
                self.prepare(upcoming)

    def close(self) -> None:
        for recorded in self._pending.values():
            close_page(recorded)
        self._pending.clear()


@pytest.fixture(scope="session")
def lab_pages(jupyter_lab: Server, browser_context: Any) -> Iterator[LabPages]:
    pages = LabPages(jupyter_lab, browser_context)
    BACKGROUND.append(pages.pump)
    try:
        yield pages
    finally:
        BACKGROUND.remove(pages.pump)
        pages.close()


# --------------------------------------------------------------------------- Voila app pages


@dataclass
class VoilaPage:
    """An app page in Voila, with what it looked like as soon as it had loaded."""

    name: str
    browser: BrowserPage
    loaded: bool = False
    load_problem: str = ""
    errors: list[str] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)
    widgets: list[dict[str, Any]] = field(default_factory=list)
    external_at_load: list[str] = field(default_factory=list)

    @property
    def page(self) -> Any:
        return self.browser.page


VOILA_LOAD_TIMEOUT = 120_000  # ms; the four apps load side by side on a busy machine


class VoilaApps:
    """One page per app notebook, shared by the tests in the session.

    The first request for any app starts loading every app's page at once (their
    kernels run side by side); each page is checked and photographed as soon as it has
    loaded, before any test touches a control.
    """

    def __init__(self, server: Server, context: Any) -> None:
        self.server = server
        self.context = context
        self.pages: dict[str, VoilaPage] = {}

    def _open(self, name: str) -> VoilaPage:
        if name not in self.pages:
            recorded = open_page(self.context)
            voila = VoilaPage(name, recorded)
            self.pages[name] = voila
            try:
                recorded.page.goto(self.server.url(f"voila/render/{name}.ipynb"),
                                   wait_until="commit")
            except Exception as error:
                voila.load_problem = f"could not open the page: {error}"
        return self.pages[name]

    def get(self, name: str) -> VoilaPage:
        for other in app_names():
            self._open(other)
        voila = self._open(name)
        if voila.loaded or voila.load_problem:
            return voila
        page = voila.page
        try:
            page.wait_for_selector("#rendered_cells", state="visible",
                                   timeout=VOILA_LOAD_TIMEOUT)
            page.wait_for_selector("#loading", state="detached", timeout=30_000)
        except Exception as error:
            voila.load_problem = (f"Voila did not finish rendering {name}.ipynb: {error}\n"
                                  f"{self.server.log_tail()}")
        wait_for(lambda: (lambda w: w and widgets_ok(w))(widget_report(page)), timeout=30)
        wait_for(lambda: charts_drawn(chart_report(page)), timeout=20)
        voila.errors = error_outputs(page) + [
            text for text in page.locator(".jp-OutputArea-output").all_inner_texts()
            if "There was an error when executing cell" in text]
        voila.charts = chart_report(page)
        voila.widgets = widget_report(page)
        voila.external_at_load = sorted(set(voila.browser.external))
        voila.loaded = True
        try:
            voila.browser.screenshot(f"voila-{name}")
        except Exception as error:  # the checks above matter more than the picture
            print(f"no screenshot of the {name} app: {error}")
        return voila

    def close(self) -> None:
        for voila in self.pages.values():
            close_page(voila.browser)


@pytest.fixture(scope="session")
def voila_apps(voila_server: Server, browser_context: Any) -> Iterator[VoilaApps]:
    apps = VoilaApps(voila_server, browser_context)
    try:
        yield apps
    finally:
        apps.close()


# --------------------------------------------------------------------------- summary


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _screenshots_taken:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(set(_screenshots_taken))} screenshot(s) of notebooks "
                                    f"and apps in {SCREENSHOTS}")
