"""The kernel client of the hub test and the classroom benchmark, against a scripted kernel.

No hub is started: a stand-in websocket answers each execute request with the messages
a kernel sends, in an order chosen by the test. The shell channel (replies) and the
iopub channel (outputs, status) are separate streams, so a reply can arrive before the
outputs it belongs to; ``run_all`` must still return every output.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import websocket

from .kernel import CHART_MIMETYPE, Kernel, KernelError, KernelTimeout

CHART = {"application/vnd.vegalite.v5+json": {"mark": "line"}, "text/plain": "<chart>"}
Script = Callable[[str], list[tuple[str, dict[str, Any]]]]


def reply_first(code: str) -> list[tuple[str, dict[str, Any]]]:
    """The order that lost a chart under load: the reply, then the chart, then idle."""
    return [("status", {"execution_state": "busy"}),
            ("execute_reply", {"status": "ok"}),
            ("execute_result", {"data": CHART, "metadata": {}, "execution_count": 1}),
            ("status", {"execution_state": "idle"})]


def outputs_first(code: str) -> list[tuple[str, dict[str, Any]]]:
    """The usual order: outputs, idle, then the reply."""
    return [("status", {"execution_state": "busy"}),
            ("stream", {"name": "stdout", "text": code}),
            ("status", {"execution_state": "idle"}),
            ("execute_reply", {"status": "ok"})]


class ScriptedSocket:
    """Answers each execute request with ``script(code)``; ``silent`` never answers."""

    def __init__(self, script: Script, silent: bool = False) -> None:
        self.script = script
        self.silent = silent
        self.queue: deque[str] = deque()
        self.timeouts: list[float] = []

    def send(self, text: str) -> None:
        request = json.loads(text)
        if self.silent:
            return
        parent = {"msg_id": request["header"]["msg_id"]}
        for kind, content in self.script(request["content"]["code"]):
            self.queue.append(json.dumps({"msg_type": kind, "content": content,
                                          "parent_header": parent}))

    def settimeout(self, seconds: float) -> None:
        self.timeouts.append(seconds)

    def recv(self) -> str:
        if not self.queue:
            raise websocket.WebSocketTimeoutException("Connection timed out")
        return self.queue.popleft()


def kernel(socket: ScriptedSocket) -> Kernel:
    return Kernel(SimpleNamespace(name="ana"), "session", "kernel", connection=socket)


def test_outputs_after_the_reply_are_kept() -> None:
    """The app call of one student in twenty 'drew no chart': its reply came first."""
    runs = kernel(ScriptedSocket(reply_first)).run_all(["chart()"])
    assert runs[0].status == "ok"
    assert runs[0].has_chart(), runs[0].outputs
    assert any(CHART_MIMETYPE.fullmatch(k) for k in runs[0].outputs[0]["data"])


def test_every_cell_gets_its_own_outputs_in_either_order() -> None:
    for script in (reply_first, outputs_first):
        seen: list[int] = []
        runs = kernel(ScriptedSocket(script)).run_all(
            ["a", "b", "c"], on_output=lambda index, _: seen.append(index))
        assert [r.status for r in runs] == ["ok", "ok", "ok"]
        assert [len(r.outputs) for r in runs] == [1, 1, 1]
        assert seen == [0, 1, 2]


def test_a_cell_still_running_is_a_timeout_not_an_error() -> None:
    socket = ScriptedSocket(reply_first, silent=True)
    with pytest.raises(KernelTimeout) as waited:
        kernel(socket).run_all(["import time; time.sleep(999)", "x"], timeout=0.2)
    assert str(waited.value) == ("ana: timed out after 0.2 s with 2 of 2 cell(s) not finished "
                                 "(first: cell 0)")
    assert isinstance(waited.value, KernelError)
    assert socket.timeouts and max(socket.timeouts) <= 0.2  # never waits past the deadline


def test_a_reply_without_its_idle_status_is_still_waited_for() -> None:
    """Outputs may follow a reply; without the idle status the cell is not finished."""
    def no_idle(code: str) -> list[tuple[str, dict[str, Any]]]:
        return [("execute_reply", {"status": "ok"})]

    with pytest.raises(KernelTimeout, match="1 of 1 cell"):
        kernel(ScriptedSocket(no_idle)).run_all(["x"], timeout=0.2)
