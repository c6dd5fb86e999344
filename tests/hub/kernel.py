"""A kernel reached as JupyterLab reaches it: a session over REST, messages over a websocket.

``run_all`` sends every cell at once with ``stop_on_error``, as JupyterLab's "Run All"
does, and gathers each cell's outputs and errors. A cell is finished when the kernel
has sent both its reply (shell channel) and its ``idle`` status (iopub channel): the
two channels are separate streams, so the reply may arrive before the outputs, and
only the ``idle`` status, sent after them on the same channel, says that all have come.

>>> code_cells({"cells": [{"cell_type": "markdown", "source": "# T"},
...                       {"cell_type": "code", "source": ["x = 1\\n", "x"]}]})
['x = 1\\nx']
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import requests
import websocket

if TYPE_CHECKING:  # pragma: no cover
    from .harness import Student

CHART_MIMETYPE = re.compile(r"application/vnd\.vegalite\.v\d+\+json")
CONNECT_TIMEOUT = 180  # seconds; a class starting at once queues on the CPU


class KernelError(RuntimeError):
    """The kernel did not do what was asked."""


class KernelTimeout(KernelError):
    """The kernel was still busy when the wait ended (not an error of the cells)."""


@dataclass
class CellRun:
    """What running one code cell produced."""

    code: str
    status: str = ""
    outputs: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def has_chart(self) -> bool:
        return any(CHART_MIMETYPE.fullmatch(kind) for out in self.outputs
                   for kind in out.get("data", {}))


class Kernel:
    """A kernel reached over the websocket, as JupyterLab reaches it."""

    def __init__(self, student: Student, session_id: str, kernel_id: str,
                 connection: websocket.WebSocket | None = None) -> None:
        self.student = student
        self.session_id = session_id
        self.kernel_id = kernel_id
        self.client_session = uuid.uuid4().hex
        if connection is not None:  # already connected (tests pass a stand-in)
            self.ws = connection
            return
        cookies = "; ".join(f"{c.name}={c.value}" for c in student.session.cookies)
        url = (student.server.replace("http://", "ws://", 1)
               + f"/api/kernels/{kernel_id}/channels?session_id={self.client_session}")
        self.ws = websocket.create_connection(
            url, timeout=CONNECT_TIMEOUT, cookie=cookies,
            header=[f"X-XSRFToken: {student._xsrf(f'/user/{student.name}/')['X-XSRFToken']}"],
            origin=student.hub.url)

    def _message(self, msg_type: str, content: dict[str, Any], channel: str) -> dict[str, Any]:
        return {"header": {"msg_id": uuid.uuid4().hex, "username": self.student.name,
                           "session": self.client_session, "msg_type": msg_type,
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
                "buffers": []}

    def run_all(self, cells: list[str],
                on_output: Callable[[int, dict[str, Any]], None] | None = None,
                timeout: float = 600) -> list[CellRun]:
        """Run ``cells`` in order, sent at once and stopping at an error, as "Run All" does.

        ``on_output(index, output)`` is called as each output arrives.
        """
        runs = [CellRun(code) for code in cells]
        pending: dict[str, int] = {}
        for index, code in enumerate(cells):
            message = self._message("execute_request", {
                "code": code, "silent": False, "store_history": True,
                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}, "shell")
            pending[message["header"]["msg_id"]] = index
            self.ws.send(json.dumps(message))
        replied: set[int] = set()
        idle: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(replied) < len(cells) or len(idle) < len(cells):
            message = self._receive(deadline, timeout, runs, replied & idle)
            index = pending.get(message.get("parent_header", {}).get("msg_id", ""))
            if index is None:
                continue
            kind, content = message["msg_type"], message["content"]
            run = runs[index]
            if kind == "execute_reply":
                run.status = content.get("status", "")
                replied.add(index)
            elif kind == "status" and content.get("execution_state") == "idle":
                idle.add(index)
            elif kind in ("display_data", "execute_result", "stream", "error"):
                output = {"output_type": kind, **content}
                run.outputs.append(output)
                if kind == "error":
                    run.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
                if on_output:
                    on_output(index, output)
        return runs

    def _receive(self, deadline: float, timeout: float, runs: list[CellRun],
                 finished: set[int]) -> dict[str, Any]:
        """The next message, or KernelTimeout once ``deadline`` has passed."""
        left = deadline - time.monotonic()
        if left > 0:
            self.ws.settimeout(left)
            try:
                return json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                pass
        running = [i for i in range(len(runs)) if i not in finished]
        raise KernelTimeout(f"{self.student.name}: timed out after {timeout:g} s with "
                            f"{len(running)} of {len(runs)} cell(s) not finished "
                            f"(first: cell {running[0]})")

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            try:
                self.student.call("DELETE", f"sessions/{self.session_id}")
            except (RuntimeError, requests.RequestException):
                pass  # the server may already be gone; the hub stops it anyway


def code_cells(notebook: dict[str, Any]) -> list[str]:
    """The source of every code cell, in order."""
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in notebook["cells"] if c["cell_type"] == "code"]


def error_report(runs: list[CellRun]) -> list[str]:
    """One line per cell that failed or was aborted, with its error."""
    return [f"cell {i}: {run.status}: {'; '.join(run.errors)}\n    {run.code[:120]!r}"
            for i, run in enumerate(runs) if run.status != "ok" or run.errors]
