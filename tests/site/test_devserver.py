"""`make devserver` survives bad input: a real `pelican --autoreload
--listen` prints the message for a broken Date:, keeps running, and serves
the page rebuilt with the new text once the file is fixed."""

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

from sitebuild import ROOT, copy_content

ARTICLE = "articles/five-misconceptions/five-misconceptions.cy.md"
WAIT = 60  # seconds for any one step


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for(condition, what, output=()):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"waited {WAIT} s for {what}; the server printed:\n" + "".join(output))


def saving(path, text, done):
    """Save the file, and save it again every few seconds until `done`: a
    save made while the server was still building may go unseen."""
    saved = [0.0]

    def check():
        if done():
            return True
        if time.monotonic() - saved[0] > 3:
            path.write_text(text, "utf-8")
            saved[0] = time.monotonic()
        return False

    return check


def test_a_broken_date_is_reported_and_the_fix_is_served(tmp_path):
    content = copy_content(tmp_path / "content")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "output"),
         "-s", str(ROOT / "pelicanconf.py"), "--autoreload", "--listen", "-p", str(port),
         "--log-handler", "plain", "-e", f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its own process group: the server and the builder it forks stop together.
        start_new_session=True,
    )
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen = []

    def printed(fragment):
        def check():
            while not lines.empty():
                seen.append(lines.get())
            return any(fragment in line for line in seen)
        return check

    page_url = f"http://127.0.0.1:{port}/cy/five-misconceptions/"
    source = content / ARTICLE
    try:
        first = wait_for(lambda: fetch(page_url), "the first build to be served")
        assert "Rebuilt after the fix" not in first

        broken = source.read_text("utf-8").replace("Date: 2024-04-16", "Date: not-a-date")
        message = printed(f"{ARTICLE}:2: Date: 'not-a-date' cannot be read")
        wait_for(saving(source, broken, message), "the error message", seen)
        assert server.poll() is None, "the devserver stopped"

        fixed = broken.replace("Date: not-a-date", "Date: 2024-04-16") + "\nRebuilt after the fix.\n"
        rebuilt = lambda: "Rebuilt after the fix" in (fetch(page_url) or "")  # noqa: E731
        wait_for(saving(source, fixed, rebuilt), "the rebuilt page", seen)
        assert not any("Traceback" in line for line in seen), "".join(seen)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
