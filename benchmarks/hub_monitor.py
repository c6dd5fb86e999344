"""A hub's processes sampled for benchmarks/classroom.py: students' memory and CPU, the hub's.

A student's processes are their single-user server (found by its ``JUPYTERHUB_USER``) and
everything under it (kernels, git). Everything else under the hub (the proxy, the idle
culler) is the hub's overhead.
"""

from __future__ import annotations

import threading
import time

import psutil
from hub import harness  # tests/hub, put on sys.path by benchmarks/classroom.py



class Monitor:
    """Samples the hub's process tree: per-student memory, hub and proxy overhead."""

    def __init__(self, hub: harness.Hub, interval: float = 0.5) -> None:
        self.hub = hub
        self.interval = interval
        self.servers: dict[str, int] = {}   # student name -> server pid
        self.peak_rss: dict[str, int] = {}
        self.peak_server_rss: dict[str, int] = {}
        self.peak_pss: dict[str, int] = {}
        self.overhead_peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self.overhead_cpu_start = self.overhead_cpu()
        self.harness_cpu_start = time.process_time()

    def overhead_processes(self) -> list[psutil.Process]:
        """The hub, its proxy and its services: everything but the students' servers."""
        procs = self.hub.processes()
        servers = set(self.servers.values())
        return [p for p in procs if p.pid not in servers and not self._under_server(p, servers)]

    def _under_server(self, proc: psutil.Process, servers: set[int]) -> bool:
        try:
            return any(parent.pid in servers for parent in proc.parents())
        except psutil.NoSuchProcess:
            return False

    def overhead_cpu(self) -> float:
        return sum(_cpu(p, with_children=False) for p in self.overhead_processes())

    def _find_servers(self) -> None:
        for proc in self.hub.processes()[1:]:
            if proc.pid in self.servers.values():
                continue
            try:
                if any("jupyterhub-singleuser" in part for part in proc.cmdline()):
                    name = proc.environ().get("JUPYTERHUB_USER")
                    if name:
                        self.servers[name] = proc.pid
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue

    def student_cpu(self, name: str) -> float | None:
        """CPU seconds of a student's server, its kernels and its finished children (git)."""
        pid = self.servers.get(name)
        if pid is None:
            self._find_servers()
            pid = self.servers.get(name)
        if pid is None:
            return None
        tree = list(harness.iter_process_tree(pid))
        return sum(_cpu(p, with_children=(p.pid == pid)) for p in tree)

    def class_cpu(self) -> float:
        """CPU seconds of every student's server and kernels so far, added up."""
        self._find_servers()
        return sum(self.student_cpu(name) or 0.0 for name in list(self.servers))

    def harness_cpu(self) -> float:
        """CPU seconds of this benchmark's own process since the start: the simulated
        browsers (HTTP, websockets, reading every output) and this monitor."""
        return time.process_time() - self.harness_cpu_start

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._find_servers()
            for name, pid in list(self.servers.items()):
                tree = list(harness.iter_process_tree(pid))
                for peaks, value in (
                        (self.peak_rss, sum(_rss(p) for p in tree)),
                        (self.peak_server_rss, sum(_rss(p) for p in tree if p.pid == pid)),
                        (self.peak_pss, sum(_pss(p) for p in tree))):
                    peaks[name] = max(peaks.get(name, 0), value)
            self.overhead_peak_rss = max(self.overhead_peak_rss,
                                         sum(_rss(p) for p in self.overhead_processes()))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def _rss(proc: psutil.Process) -> int:
    try:
        return proc.memory_info().rss
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0


def _pss(proc: psutil.Process) -> int:
    """Proportional set size: shared pages counted once across all processes (Linux)."""
    try:
        return getattr(proc.memory_full_info(), "pss", 0)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0


def _cpu(proc: psutil.Process, with_children: bool) -> float:
    try:
        t = proc.cpu_times()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0.0
    total = t.user + t.system
    return total + (t.children_user + t.children_system if with_children else 0.0)
