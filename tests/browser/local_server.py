"""A local static host over a built site, for the browser tests."""

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built folder as a static host would, answering a missing
    address with the site's 404 page (the language's, under /<lang>/)."""

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        first = unquote(urlsplit(self.path).path).strip("/").split("/")[0]
        page = root / first / "404.html"
        if not first or not page.is_file():
            page = root / "404.html"
        if not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(folder, handler_class=SiteRequestHandler):
    """Serve `folder` on 127.0.0.1 (a free port) while the block runs."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
