"""A `make devserver` of its own (python -m plugins.devserver on a free
port, in its own process group), for the bench's save-to-served latency and
the devserver's tests: what it printed, and what its HTTP port serves."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from plugins.devserver.building import UP_TO_DATE

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Devserver:
    """Started on entering, stopped (its whole process group) on leaving."""

    def __init__(self, content: Path, folder: Path, settings: Path = ROOT / "pelicanconf.py"):
        """Serve the sources in content; build into folder/output, with
        Pelican's and the search index's caches in folder/cache."""
        self.port = free_port()
        self.content, self.output_path = content, folder / "output"
        self.command = [
            sys.executable, "-m", "plugins.devserver", str(content), "-o", str(self.output_path),
            "-s", str(settings), "-p", str(self.port), "--log-handler", "plain",
            "-e", f"CACHE_PATH={json.dumps(str(folder / 'cache'))}",
        ]
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []

    def __enter__(self) -> Devserver:
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
            # Its own process group: the builder, the server and what they
            # fork stop together.
            start_new_session=True,
        )
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()
        return self

    def __exit__(self, *exception):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def builds(self) -> int:
        """How many builds it has finished (site and search index up to date)."""
        return self.count(UP_TO_DATE)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def fetch(self, path: str) -> bytes | None:
        """What the server answers for path; None until it answers 200."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as response:
                return response.read()
        except (urllib.error.URLError, ConnectionError):
            return None

    def printed(self, fragment: str) -> bool:
        """Whether any line printed so far contains fragment."""
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return any(fragment in line for line in self.seen)

    def count(self, fragment: str) -> int:
        """How many lines printed so far contain fragment."""
        self.printed(fragment)
        return sum(fragment in line for line in self.seen)

    def output(self) -> str:
        self.printed("")
        return "".join(self.seen)


def wait_for(condition, what: str, server: Devserver, seconds: float = 60, every: float = 0.1):
    """condition()'s first true value, asked every `every` seconds;
    AssertionError with what the server printed after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"waited {seconds} s for {what}; the server printed:\n" + server.output())


def saving(path: Path, text: str, done):
    """A condition for wait_for: saves the file, and again every few
    seconds until done() (a save made while the server was still building
    may go unseen), then done()'s value."""
    saved = [0.0]

    def check():
        finished = done()
        if not finished and time.monotonic() - saved[0] > 3:
            path.write_text(text, "utf-8")
            saved[0] = time.monotonic()
        return finished

    return check


@contextlib.contextmanager
def started(content: Path, folder: Path, seconds: float = 60):
    """A Devserver (see there) once its first build is done."""
    with Devserver(content, folder) as server:
        wait_for(server.builds, "the first build", server, seconds)
        yield server
