"""A bounded load on the real server: 1,000 posts from 20 concurrent
clients, the server killed (SIGKILL) half-way and started again. No post
the server acknowledged is lost, none is stored twice, and a client that
sends again after a lost answer is told it is already there."""

import http.client
import threading
import time

from intake_support import form_for, free_port, post, running, settings_of, write_settings

from plugins.comments.intake.queue import Queue
from plugins.comments.intake.settings import project_path

CLIENTS = 20
POSTS_EACH = 50


def test_no_acknowledged_post_lost_and_none_stored_twice(tmp_path, content):
    port = free_port()
    settings_file = write_settings(tmp_path, content, SITEURL="http://127.0.0.1:9",
                                   COMMENTS_ENDPOINT=f"http://127.0.0.1:{port}",
                                   COMMENTS_RATE_LIMIT=(10**6, 60))  # one address sends it all
    settings = settings_of(settings_file)
    fields = {"cy": form_for(settings, "hello-world", "cy").fields, "ar": form_for(settings, "hello-world", "ar").fields}
    acknowledged, already_there, unexpected = [], [], []
    lock = threading.Lock()

    def client(number):
        try:
            send_all(number)
        except Exception as error:  # a client that stops must fail the test, not vanish
            with lock:
                unexpected.append(("stopped", repr(error)))

    def send_all(number):
        lang = ("cy", "ar")[number % 2]
        for index in range(POSTS_EACH):
            text = f"Sylw {number}-{index}"
            data = {**fields[lang], "name": f"Client {number}", "text": text, "nickname": ""}
            while True:
                try:
                    status, _, _ = post(f"http://127.0.0.1:{port}/post", data, timeout=60)
                    break
                # The server is down, or died while answering (a body cut
                # short is no OSError): send again, as a browser's reader would.
                except (OSError, http.client.HTTPException):
                    time.sleep(0.05)
            with lock:
                {303: acknowledged, 409: already_there}.get(status, unexpected).append((status, text))

    with running(settings_file, port, tmp_path / "intake.log") as server:
        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
        for thread in threads:
            thread.start()
        while len(acknowledged) < CLIENTS * POSTS_EACH // 2:
            time.sleep(0.01)
        server.kill()
        acknowledged_before_the_kill = len(acknowledged)
        restarting = time.monotonic()
        server.start()
        restarted_in = time.monotonic() - restarting
        for thread in threads:
            thread.join(timeout=600)
        elapsed = time.monotonic() - started
    assert not any(thread.is_alive() for thread in threads)
    assert not unexpected, unexpected[:5]
    stored = [submission.text for submission in Queue(project_path(settings, "COMMENTS_QUEUE")).everything()]
    assert len(stored) == len(set(stored)) == CLIENTS * POSTS_EACH
    assert {text for _, text in acknowledged} <= set(stored)
    assert len(acknowledged) + len(already_there) == CLIENTS * POSTS_EACH
    print(f"\nintake load: {CLIENTS * POSTS_EACH} posts from {CLIENTS} clients in {elapsed:.1f} s "
          f"({CLIENTS * POSTS_EACH / elapsed:.0f} posts/s, restart included); killed after "
          f"{acknowledged_before_the_kill} acknowledged, listening again {restarted_in:.1f} s later; {len(already_there)} sent again after a lost answer")
