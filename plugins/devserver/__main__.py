"""make devserver: python -m plugins.devserver [Pelican's arguments]

    python -m plugins.devserver content -o output -s pelicanconf.py [-p 8000] [-b 127.0.0.1]

The site is served on http://BIND:PORT/ (Pelican's BIND and PORT, or -b
and -p) by one process, with live reload; this process builds it at
once and again after every save, then refreshes the search index."""

import multiprocessing
import sys

from pelican import LOG_HANDLERS, get_config, parse_arguments
from pelican.log import init as init_logging
from pelican.settings import read_settings
from tornado.netutil import bind_sockets

from .building import build_forever
from .serving import serve


def main(argv=None):
    # The devserver always listens; said to Pelican, its -p and -b apply.
    args = parse_arguments([*(sys.argv[1:] if argv is None else argv), "--listen"])
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican", handler=LOG_HANDLERS[args.log_handler])
    settings = read_settings(args.settings, override=get_config(args))
    bind, port = settings["BIND"], settings["PORT"]
    try:
        # Bound here, before the first build, so that a port in use is
        # said at once and the site is reachable as soon as it is built.
        sockets = bind_sockets(port, address=bind)
    except OSError as error:
        print(f"make devserver: cannot listen on {bind}:{port} ({error.strerror}); "
              f"give another port, e.g. make devserver PORT={port + 1}", file=sys.stderr)
        return 2
    reloads, announce = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(
        target=serve, args=(sockets, settings["OUTPUT_PATH"], reloads, announce), daemon=True
    )
    server.start()
    reloads.close()
    for listening in sockets:
        listening.close()  # the server process has its own
    print(f"Serving the site at http://{bind}:{port}/ with live reload; Ctrl-C stops", flush=True)
    try:
        build_forever(args, announce)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
