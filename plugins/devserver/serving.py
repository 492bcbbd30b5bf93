"""The devserver's HTTP side, in a process of its own: output/ as it is on
disk, except that every page gets the `livereload` package's script, its
Content-Security-Policy allowing exactly that script and its WebSocket,
and nothing else. The files in output/ are never changed."""

import html
import re
import threading

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

from plugins.hosting.policy import Policy

SCRIPT_PATH = "/livereload.js"
SOCKET_PATH = "/livereload"
HEAD_END = b"</head>"
POLICY_META = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)', re.IGNORECASE)
# What a browser may send as Host: a name or address and a port; anything
# else is served without live reload rather than written into the page.
HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")


def serve(sockets, output, reloads, announce):
    """Serve output on the bound sockets; reload the browsers at each path
    received from reloads (the builder). Runs until terminated, or until
    the builder is gone: announce, the builder's end of the pipe, is
    closed here so that its exit ends the pipe."""
    announce.close()
    # livereload's handler logs the file its watcher saw; builds are ours.
    LiveReloadHandler.watcher = Watcher()
    application = web.Application(
        [
            (SOCKET_PATH, LiveReloadHandler),
            (SCRIPT_PATH, LiveReloadJSHandler),
            (r"/(.*)", SiteFiles, {"path": output, "default_filename": "index.html"}),
        ],
        transforms=[LiveReloadPage],
    )
    HTTPServer(application).add_sockets(sockets)
    loop = IOLoop.current()
    threading.Thread(target=_forward, args=(reloads, loop), daemon=True).start()
    try:
        loop.start()
    except KeyboardInterrupt:  # Ctrl-C reaches both processes; the builder says goodbye
        pass


def _forward(reloads, loop):
    while True:
        try:
            path = reloads.recv()
        except EOFError:  # the builder is gone
            loop.add_callback(loop.stop)
            return
        loop.add_callback(LiveReloadHandler.reload_waiters, path)


class SiteFiles(StaticFileHandler):
    """output/'s files, revalidated at every request: a page rebuilt a
    moment ago is never taken from the browser's cache."""

    def set_extra_headers(self, path):
        self.set_header("Cache-Control", "no-cache")


class LiveReloadPage(web.OutputTransform):
    """Adds the live-reload script to an HTML page, and to its policy."""

    def __init__(self, request):
        super().__init__(request)
        self.request = request

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        host = self.request.host
        if "text/html" in headers.get("Content-Type", "") and HEAD_END in chunk and HOST.fullmatch(host):
            page = with_live_reload(chunk, self.request.protocol, host)
            if "Content-Length" in headers:
                headers["Content-Length"] = str(int(headers["Content-Length"]) + len(page) - len(chunk))
            chunk = page
        return status_code, headers, chunk


def with_live_reload(page, scheme, host):
    """The page (bytes, its <head> at least) with livereload.js loaded at
    the end of its head, and its policy allowing that script and its
    WebSocket."""
    port = host.rpartition(":")[2]
    if not port.isdigit():  # the scheme's own port
        port = "443" if scheme == "https" else "80"
    script = f'<script src="{SCRIPT_PATH}?port={port}"></script>'.encode()
    page = page.replace(HEAD_END, script + HEAD_END, 1)
    socket_scheme = "wss" if scheme == "https" else "ws"
    allowed = {
        "script-src": f"{scheme}://{host}{SCRIPT_PATH}",
        "connect-src": f"{socket_scheme}://{host}{SOCKET_PATH}",
    }
    return POLICY_META.sub(
        lambda meta: meta[1] + html.escape(dev_policy(html.unescape(meta[2].decode()), allowed)).encode() + meta[3],
        page,
    )


def dev_policy(meta_text, allowed):
    """The page's policy (as its <meta> says it) with each of `allowed`'s
    sources added to its directive; a directive the page leaves to
    default-src starts from default-src's sources, and 'none' goes."""
    directives = {}
    for directive in meta_text.split(";"):
        name, _, sources = directive.strip().partition(" ")
        if name:
            directives[name] = sources
    for name, source in allowed.items():
        kept = [s for s in directives.get(name, directives.get("default-src", "")).split() if s != "'none'"]
        directives[name] = " ".join(kept + [source])
    return Policy("devserver", tuple(directives.items())).meta_text
