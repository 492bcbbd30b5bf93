"""python -m plugins.comments.intake serve | queue | moderate

serve     run the intake server (waitress) on COMMENTS_LISTEN
queue     list the comments awaiting moderation
moderate  --approve N... / --reject N... / --purge-name NAME

Each reads the site's settings file (--settings, default publishconf.py,
as the server's links back need the published SITEURL). Errors are one
line, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plugins.errors.exceptions import ContentError

from ..site_settings import site_settings
from .articles import Articles
from .moderation import Outcome, approve, listing, purge_author, reject
from .queue import Queue
from .settings import endpoint_of, project_path, setting

EXIT_FAILURE = 2


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m plugins.comments.intake", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=Path("publishconf.py"), help="the site's settings file")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the intake server")
    serve.add_argument("--listen", help="host:port (default: COMMENTS_LISTEN)")
    serve.add_argument("--threads", type=int, default=8, help="waitress's worker threads")
    commands.add_parser("queue", help="list the comments awaiting moderation")
    moderate = commands.add_parser("moderate", help="approve, reject or purge comments of the queue")
    moderate.add_argument("--approve", type=int, nargs="+", default=[], metavar="N")
    moderate.add_argument("--reject", type=int, nargs="+", default=[], metavar="N")
    moderate.add_argument("--purge-name", metavar="NAME", help="delete every submission signed NAME")
    return parser.parse_args(argv)


def serve(settings: dict, listen: str | None, threads: int) -> int:
    import waitress  # only the server needs it

    from .app import create_app

    if not endpoint_of(settings):
        print("warning: COMMENTS_ENDPOINT is not set: the site's pages show no comment form",
              file=sys.stderr)
    app = create_app(settings)
    waitress.serve(app, listen=listen or setting(settings, "COMMENTS_LISTEN"), threads=threads,
                   ident="comments-intake", clear_untrusted_proxy_headers=False)
    return 0


def moderate(settings: dict, arguments: argparse.Namespace) -> int:
    if not (arguments.approve or arguments.reject or arguments.purge_name):
        print("make moderate: say what to do, e.g. make moderate APPROVE=\"1 2\" REJECT=3 "
              "(numbers from make comments-queue), or PURGE_NAME=\"A Name\"", file=sys.stderr)
        return EXIT_FAILURE
    queue = Queue(project_path(settings, "COMMENTS_QUEUE"))
    outcome = Outcome()
    comments_dir = Path(settings["PATH"]) / settings.get("COMMENTS_PATH", "comments")
    if arguments.approve:
        approve(queue, Articles(settings), comments_dir, arguments.approve, outcome)
    if arguments.reject:
        reject(queue, arguments.reject, outcome)
    if arguments.purge_name:
        purge_author(queue, arguments.purge_name, outcome)
    for line in outcome.done:
        print(line)
    for line in outcome.problems:
        print(f"error: {line}", file=sys.stderr)
    return EXIT_FAILURE if outcome.problems else 0


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        settings = site_settings(arguments.settings)
        if arguments.command == "serve":
            return serve(settings, arguments.listen, arguments.threads)
        if arguments.command == "queue":
            print(listing(Queue(project_path(settings, "COMMENTS_QUEUE")).waiting()))
            return 0
        return moderate(settings, arguments)
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
