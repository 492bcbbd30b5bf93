"""Helpers for the intake's tests: a site of our own in a temporary folder,
its settings file, the intake server as `make comments-server` runs it,
and plain HTTP posts to it (127.0.0.1 only)."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from pelican.settings import read_settings

from plugins.comments.intake.form import CommentForm
from plugins.comments.intake.settings import Limits, tokens_for
from plugins.localisation.catalogs import load_catalogs
from plugins.localisation.languages import load_languages
from sitebuild import ROOT, SETTINGS


def catalogs():
    return load_catalogs(ROOT / "translations", load_languages(SETTINGS["LANGUAGES"]))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_settings(folder: Path, content: Path, **values) -> Path:
    """A settings file as a site owner's publishconf.py would be: the
    project's pelicanconf.py, this content folder, and ``values``."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa: F403",
        f"PATH = {str(content)!r}",
        f"THEME = {str(ROOT / 'themes' / 'mmr')!r}",
        *(f"{name} = {value!r}" for name, value in values.items()),
    ]
    path = folder / "intakeconf.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def settings_of(path: Path) -> dict:
    return read_settings(str(path))


def form_for(settings: dict, key: str, lang: str, endpoint: str = "") -> CommentForm:
    """The form the build would put on the article (same secret, same period)."""
    return CommentForm.make(endpoint, tokens_for(settings), Limits.from_settings(settings), key, lang)


def intake_command(settings_file: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The real command line, as make comments-queue / make moderate run it."""
    return subprocess.run(
        [sys.executable, "-m", "plugins.comments.intake", "--settings", str(settings_file), *arguments],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


class IntakeServer:
    """``python -m plugins.comments.intake serve`` on 127.0.0.1, as `make
    comments-server` starts it; killed (SIGKILL) and started again at will."""

    def __init__(self, settings_file: Path, port: int, log: Path):
        self.settings_file, self.port, self.log = settings_file, port, log
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "plugins.comments.intake", "--settings", str(self.settings_file),
                 "serve", "--listen", f"127.0.0.1:{self.port}"],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the intake server stopped: {self.log.read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return
            time.sleep(0.1)
        raise AssertionError(f"the intake server did not start: {self.log.read_text()}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def running(settings_file: Path, port: int, log: Path):
    server = IntakeServer(settings_file, port, log)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def post(url: str, fields: dict, timeout: float = 30) -> tuple[int, dict, str]:
    """POST a form (no redirect followed): (status, headers, body)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("POST", parts.path, urlencode(fields),
                           {"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8")
    finally:
        connection.close()


def stored(content: Path, key: str, lang: str) -> dict:
    path = content / "comments" / f"{key}.{lang}.json"
    return {c["id"]: c for c in json.loads(path.read_text(encoding="utf-8"))["comments"]}
